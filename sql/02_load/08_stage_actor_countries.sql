insert into run_actor_countries
select
    actor_id,
    actor_country,
    cast(mention_count as integer) as mentions,
from stg_actors
where actor_country is not null;
