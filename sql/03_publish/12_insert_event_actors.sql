insert into event_actors
from run_event_actors;
