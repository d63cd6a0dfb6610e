-- The actors a run touches, kept for the connection while the run loads: those its articles
-- mention and those an earlier load of its articles mentioned. The actors mart recomputes
-- only their rows when the run ends; a surname in a later batch links to a full name here.
create temp table if not exists run_actors (
    actor_id varchar not null,
    name varchar,
    actor_type varchar,
);
