-- The countries the run's batches give their actors, with how many mentions give each; the
-- actors mart takes the one most mentions give when the run is published.
create temp table if not exists run_actor_countries (
    actor_id varchar not null,
    actor_country varchar not null,
    mentions integer not null,
);
