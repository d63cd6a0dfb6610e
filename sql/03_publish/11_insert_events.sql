insert into events
from run_events;
