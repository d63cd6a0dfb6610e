-- Each place actor's resolution: the one most articles give, ties broken by the finer
-- precision, then by the most recent article. `articles` counts the articles naming it.
create table if not exists places (
    actor_id varchar primary key,
    name varchar not null,
    country_code varchar,
    admin1 varchar,
    feature varchar,
    latitude double,
    longitude double,
    geonames_id bigint,
    geo_precision varchar not null,
    geo_evidence varchar not null,
    articles integer not null,
);
