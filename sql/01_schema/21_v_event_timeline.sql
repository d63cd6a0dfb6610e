-- One row per event mention and actor in it (an event mention without actors has one row,
-- with a NULL actor): the event as its article reports it, the article's source and
-- publication date, and `canonical_date`, the date most sources give the real-world event.
create or replace view v_event_timeline as
with source as (
    select
        events.event_id,
        events.canonical_event_id,
        events.article_id,
        articles.external_id,
        coalesce(articles.source_name, articles.external_id) as source,
        articles.published_at,
        events.event_type,
        events.event_mode,
        events.trigger_text,
        events.start_char,
        events.end_char,
        events.event_date,
        events.date_precision,
        events.date_source,
    from events
    inner join articles on events.article_id = articles.article_id
),

final as (
    select
        source.*,
        canonical_events.event_date as canonical_date,
        event_actors.actor_id,
        actors.name as actor_name,
        actors.actor_type,
        event_actors.role,
    from source
    inner join canonical_events on source.canonical_event_id = canonical_events.canonical_event_id
    left join event_actors on source.event_id = event_actors.event_id
    left join actors on event_actors.actor_id = actors.actor_id
)

select * from final;
