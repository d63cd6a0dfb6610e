-- Each actor the run gave a country takes the one most of its mentions give (ties to the
-- first code); an actor the run gave none keeps the country it had.
update actors
set actor_country = countries.actor_country
from (
    select
        actor_id,
        first(actor_country order by mentions desc, actor_country) as actor_country,
    from (
        select
            actor_id,
            actor_country,
            sum(mentions) as mentions,
        from run_actor_countries
        group by all
    )
    group by actor_id
) as countries
where actors.actor_id = countries.actor_id;
