create table if not exists actors (
    actor_id varchar primary key,
    name varchar not null,
    actor_type varchar not null,
    title varchar,
    mention_count integer not null,
    article_count integer not null,
);
