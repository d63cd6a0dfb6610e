-- An actor's type is the reference type when its name is a known one, else the label most
-- of its mentions carry across the whole warehouse; its title is the one given in the most
-- recent article that gives one; counts are recomputed over all articles.
insert or replace into actors
with named as (
    select actor_id, name from stg_actors
    union all
    select actor_id, name from actors
    where actor_id not in (select stg.actor_id from stg_actors as stg)
),

labels as (
    select
        actor_id,
        ner_label,
        count(*) as mentions,
    from actor_mentions
    group by all
),

mentions as (
    select
        actor_id,
        first(ner_label order by mentions desc, ner_label) as mention_type,
        sum(mentions) as mention_count,
    from labels
    group by actor_id
),

spread as (
    select
        actor_id,
        count(distinct article_id) as article_count,
    from actor_mentions
    group by actor_id
),

titles as (
    select
        mentions.actor_id,
        first(mentions.title order by articles.published_at desc nulls last, mentions.start_char) as title,
    from actor_mentions as mentions
    inner join articles on mentions.article_id = articles.article_id
    where mentions.title is not null
    group by mentions.actor_id
),

reference as (
    select name, 'GPE' as actor_type from ref_countries
    union
    select name, actor_type from ref_actor_aliases
),

final as (
    select
        named.actor_id,
        named.name,
        coalesce(reference.actor_type, mentions.mention_type) as actor_type,
        titles.title,
        cast(mentions.mention_count as integer) as mention_count,
        cast(spread.article_count as integer) as article_count,
    from named
    inner join mentions on named.actor_id = mentions.actor_id
    inner join spread on named.actor_id = spread.actor_id
    left join titles on named.actor_id = titles.actor_id
    left join reference on named.name = reference.name
)

select * from final;
