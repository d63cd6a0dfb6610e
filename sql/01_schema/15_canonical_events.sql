-- One row per real-world event: the date most of its sources give, who took part, where,
-- how many articles and sources report it, whether they disagree on the date, and its dead and
-- injured: the largest count any of its reports gives (each report counts its article event
-- once, so the largest is the latest toll, never a sum of the same dead told twice); and its
-- place, the country, point and precision most of its sources give (`canonical_event_places`).
create or replace view canonical_events as
with mentions as (
    select
        events.canonical_event_id,
        events.article_id,
        events.event_type,
        events.event_date,
        events.date_precision,
        events.date_source,
        events.fatalities,
        events.injured,
        coalesce(articles.source_name, articles.external_id) as source,
    from events
    inner join articles on events.article_id = articles.article_id
),

article_dates as (
    -- each article's date for the event: what it states, else its publication date
    select
        canonical_event_id,
        article_id,
        any_value(source) as source,
        coalesce(
            mode(event_date) filter (where date_source <> 'publication'),
            mode(event_date)
        ) as reported_date,
        bool_or(date_source <> 'publication') as stated,
    from mentions
    group by all
),

consensus as (
    select
        canonical_event_id,
        first(reported_date order by sources desc, stated_sources desc, reported_date) as event_date,
    from (
        select
            canonical_event_id,
            reported_date,
            count(distinct source) as sources,
            count(*) filter (where stated) as stated_sources,
        from article_dates
        group by all
    )
    group by canonical_event_id
),

roles as (
    select
        events.canonical_event_id,
        list(distinct actors.name order by actors.name) filter (
            where event_actors.role in ('source', 'target', 'participant')
        ) as actors,
        list(distinct actors.name order by actors.name) filter (where event_actors.role = 'place') as places,
    from events
    inner join event_actors on events.event_id = event_actors.event_id
    inner join actors on event_actors.actor_id = actors.actor_id
    group by events.canonical_event_id
),

final as (
    select
        mentions.canonical_event_id,
        any_value(mentions.event_type) as event_type,
        any_value(consensus.event_date) as event_date,
        count(*) as mentions,
        count(distinct mentions.article_id) as articles,
        count(distinct mentions.source) as sources,
        any_value(roles.actors) as actors,
        any_value(roles.places) as places,
        max(mentions.fatalities) as fatalities,
        max(mentions.injured) as injured,
    from mentions
    inner join consensus on mentions.canonical_event_id = consensus.canonical_event_id
    left join roles on mentions.canonical_event_id = roles.canonical_event_id
    group by mentions.canonical_event_id
)

select
    final.*,
    reported.dates_reported,
    len(reported.dates_reported) > 1 as sources_disagree,
    placed.country_code,
    placed.latitude,
    placed.longitude,
    placed.geo_precision,
from final
inner join (
    select
        canonical_event_id,
        list(distinct reported_date order by reported_date) filter (where stated) as dates_reported,
    from article_dates
    group by canonical_event_id
) as reported on final.canonical_event_id = reported.canonical_event_id
left join canonical_event_places as placed on final.canonical_event_id = placed.canonical_event_id;
