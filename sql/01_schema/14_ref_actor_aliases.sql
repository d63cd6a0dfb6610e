create table if not exists ref_actor_aliases (
    alias varchar primary key,
    name varchar not null,
    actor_type varchar not null,
);
