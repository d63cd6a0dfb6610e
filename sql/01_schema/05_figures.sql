create table if not exists figures (
    figure_id varchar primary key,
    article_id varchar not null,
    mention_text varchar not null,
    start_char integer not null,
    end_char integer not null,
    value double,
    value_low double,
    value_high double,
    qualifier varchar not null,
    unit varchar,
    category varchar not null,
);
