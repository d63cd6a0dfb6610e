insert into run_event_actors
select
    event_id,
    actor_id,
    role,
from stg_event_actors;
