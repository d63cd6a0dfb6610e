create table if not exists ref_countries (
    iso2 varchar primary key,
    iso3 varchar not null,
    name varchar not null,
    official_name varchar,
    iso_name varchar,
);
