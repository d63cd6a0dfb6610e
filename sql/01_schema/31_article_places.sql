-- Each place actor of each article, as that article resolves it: its country, first-level
-- division, kind of feature, point, GeoNames id, precision and the reason for the choice.
-- `dateline` marks the article's dateline place. A place no gazetteer knows keeps NULL
-- coordinates and geo_precision 'unresolved'.
create table if not exists article_places (
    article_id varchar not null,
    actor_id varchar not null,
    name varchar not null,
    country_code varchar,
    admin1 varchar,
    feature varchar,
    latitude double,
    longitude double,
    geonames_id bigint,
    geo_precision varchar not null,
    geo_evidence varchar not null,
    dateline boolean not null,
    primary key (article_id, actor_id),
);
