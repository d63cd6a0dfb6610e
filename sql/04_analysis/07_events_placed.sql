-- Where did events happen, between two dates?
--
-- One row per real-world event with a point (the place most of its sources give): its date,
-- type, point, country and precision, the places and actors named, and how many sources and
-- articles report it. `newswire chart map` draws these rows. An event with no date is left
-- out once a date bound is given.
--
-- $from: the first day (YYYY-MM-DD), or any (default: any)
-- $to: the last day (YYYY-MM-DD), or any (default: any)
-- uses: spatial
with source as (
    select *
    from v_event_points
),

final as (
    select
        event_date,
        event_type,
        latitude,
        longitude,
        country_code,
        geo_precision,
        places,
        actors,
        sources,
        articles,
        canonical_event_id,
    from source
    where
        case when $from = 'any' then true else event_date >= cast($from as date) end
        and case when $to = 'any' then true else event_date <= cast($to as date) end
)

select * from final
order by event_date nulls last, event_type, canonical_event_id;
