create table if not exists actors (
    actor_id varchar primary key,
    name varchar not null,
    actor_type varchar not null,
    mention_count integer not null,
    article_count integer not null,
);
