-- Which events happened within some kilometres of a place, between two dates?
--
-- One row per real-world event whose place (the point most of its sources give) lies within
-- `km` of the named place, nearest first, then by date. The place is the warehouse's resolved
-- place of that name, or of an actor an article names so; of several, the one most articles
-- name. Distances are great-circle kilometres. An event with no date is left out once a date
-- bound is given.
--
-- $place: the place's name, or how an article names it, in any case (default: Rafah)
-- $km: the distance from the place, in kilometres (default: 50)
-- $from: the first day (YYYY-MM-DD), or any (default: any)
-- $to: the last day (YYYY-MM-DD), or any (default: any)
-- uses: spatial
with named as (
    select actor_id
    from v_actor_mentions
    where lower(name) = lower($place) or lower(mention_text) = lower($place)
    union
    select actor_id
    from places
    where lower(name) = lower($place)
),

place as (
    select
        v_place_points.name,
        v_place_points.country_code,
        v_place_points.geom,
    from v_place_points
    inner join named on v_place_points.actor_id = named.actor_id
    order by
        v_place_points.articles desc,
        coalesce(list_position(['exact', 'city', 'admin1', 'country'], v_place_points.geo_precision), 5),
        v_place_points.actor_id
    limit 1
),

checked as (
    -- a name that is no resolved place is an error, not an empty answer
    select
        case
            when (select count(*) from place) = 0
                then error('no place named ' || $place || ' has a point in the warehouse')
        end as missing,
),

distances as (
    select
        events.*,
        -- ST_Distance_Sphere reads x as the latitude: the points are flipped to (lat, lon)
        ST_Distance_Sphere(ST_FlipCoordinates(events.geom), ST_FlipCoordinates(place.geom)) / 1000 as km,
        place.name as near,
    from v_event_points as events
    cross join place
),

final as (
    select
        distances.event_date,
        distances.event_type,
        round(distances.km, 1) as km,
        distances.near,
        distances.places,
        distances.country_code,
        distances.geo_precision,
        distances.actors,
        distances.sources,
        distances.articles,
        distances.canonical_event_id,
    from distances
    cross join checked
    where
        checked.missing is null
        and distances.km <= cast($km as double)
        and case when $from = 'any' then true else distances.event_date >= cast($from as date) end
        and case when $to = 'any' then true else distances.event_date <= cast($to as date) end
)

select * from final
order by km, event_date, canonical_event_id;
