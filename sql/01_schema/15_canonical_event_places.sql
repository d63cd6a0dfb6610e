-- Each real-world event's place: the country, point and precision most of its sources give,
-- ties broken by the finer precision, then by the more mentions. An event no source places
-- has no row.
create or replace view canonical_event_places as
with source as (
    select
        events.canonical_event_id,
        coalesce(articles.source_name, articles.external_id) as source,
        events.country_code,
        events.latitude,
        events.longitude,
        events.geo_precision,
    from events
    inner join articles on events.article_id = articles.article_id
    where events.country_code is not null
),

counted as (
    select
        canonical_event_id,
        country_code,
        latitude,
        longitude,
        geo_precision,
        count(distinct source) as sources,
        count(*) as mentions,
    from source
    group by all
),

final as (
    select
        canonical_event_id,
        country_code,
        latitude,
        longitude,
        geo_precision,
    from counted
    qualify row_number() over (
        partition by canonical_event_id
        order by
            sources desc,
            coalesce(list_position(['exact', 'city', 'admin1', 'country'], geo_precision), 5),
            mentions desc,
            country_code,
            latitude,
            longitude
    ) = 1
)

select * from final;
