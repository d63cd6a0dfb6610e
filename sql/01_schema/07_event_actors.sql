create table if not exists event_actors (
    event_id varchar not null,
    actor_id varchar not null,
    role varchar not null,
);
