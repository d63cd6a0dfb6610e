-- The run's staged events (see run_articles).
create temp table if not exists run_events as from events limit 0;
