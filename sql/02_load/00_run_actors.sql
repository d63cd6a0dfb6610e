-- The actors the batch's articles mentioned when they were last loaded, and those they mention now,
-- join the run's actors.
insert into run_actors
with touched as (
    select
        mentions.actor_id,
        null as name,
        null as actor_type,
    from actor_mentions as mentions
    where mentions.article_id in (select stg.article_id from stg_articles as stg)
    union all
    select
        actor_id,
        name,
        actor_type,
    from stg_actors
)

select distinct touched.*
from touched
where touched.actor_id not in (select run.actor_id from run_actors as run where run.name is not null);
