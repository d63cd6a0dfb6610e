-- The run's staged event actors (see run_articles).
create temp table if not exists run_event_actors as from event_actors limit 0;
