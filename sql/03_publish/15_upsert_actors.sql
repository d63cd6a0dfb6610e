-- An actor's type is the reference type when its name is a known one, else the label most
-- of its mentions carry across the whole warehouse; its title is the one given in the most
-- recent article that gives one; counts are recomputed over all articles. Only the actors the
-- run touched are rewritten, once, when it is published.
insert or replace into actors by name
with named as (
    select
        run.actor_id,
        coalesce(any_value(run.name), any_value(actors.name)) as name,
    from run_actors as run
    left join actors on run.actor_id = actors.actor_id
    group by run.actor_id
),

touched as (
    select *
    from actor_mentions
    where actor_id in (select run.actor_id from run_actors as run)
),

labels as (
    select
        actor_id,
        ner_label,
        count(*) as mentions,
    from touched
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
    from touched
    group by actor_id
),

titles as (
    select
        mentions.actor_id,
        first(mentions.title order by articles.published_at desc nulls last, mentions.start_char) as title,
    from touched as mentions
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
