create table if not exists events (
    event_id varchar primary key,
    article_id varchar not null,
    event_type varchar not null,
    event_mode varchar,
    trigger_text varchar not null,
    start_char integer not null,
    end_char integer not null,
    event_date date,
    date_precision varchar,
    date_source varchar not null,
    article_event_id varchar not null,
    canonical_event_id varchar not null,
);
