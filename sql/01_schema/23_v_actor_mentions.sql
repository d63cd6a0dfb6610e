-- One row per mention of an actor, with the actor's canonical name and type, and the
-- article's source, publication date and ISO week (`2024-W13`).
create or replace view v_actor_mentions as
with source as (
    select
        actor_mentions.*,
        articles.external_id,
        coalesce(articles.source_name, articles.external_id) as source,
        articles.published_at,
    from actor_mentions
    inner join articles on actor_mentions.article_id = articles.article_id
),

final as (
    select
        source.article_id,
        source.external_id,
        source.source,
        source.published_at,
        strftime(source.published_at, '%G-W%V') as week,
        source.actor_id,
        actors.name,
        actors.actor_type,
        source.mention_text,
        source.start_char,
        source.end_char,
        source.ner_label,
        source.title,
    from source
    inner join actors on source.actor_id = actors.actor_id
)

select * from final;
