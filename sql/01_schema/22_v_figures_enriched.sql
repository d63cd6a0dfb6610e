-- One row per figure, with its article's source and publication date, the name of the actor
-- it counts and the event it belongs to.
create or replace view v_figures_enriched as
with source as (
    select
        figures.*,
        articles.external_id,
        coalesce(articles.source_name, articles.external_id) as source,
        articles.published_at,
    from figures
    inner join articles on figures.article_id = articles.article_id
),

final as (
    select
        source.figure_id,
        source.article_id,
        source.external_id,
        source.source,
        source.published_at,
        source.mention_text,
        source.start_char,
        source.end_char,
        source.value,
        source.value_low,
        source.value_high,
        source.qualifier,
        source.unit,
        source.category,
        source.actor_id,
        actors.name as actor_name,
        source.event_id,
        events.event_type,
        events.event_date,
        events.canonical_event_id,
    from source
    left join actors on source.actor_id = actors.actor_id
    left join events on source.event_id = events.event_id
)

select * from final;
