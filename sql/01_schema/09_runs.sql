create table if not exists runs (
    run_id varchar primary key,
    flow_run_id varchar,
    started_at timestamp not null,
    finished_at timestamp not null,
    source varchar not null,
    mode varchar not null,
    inputs_unchanged integer not null,
    articles_read integer not null,
    articles_rejected integer not null,
    articles_duplicate integer not null,
    row_counts json not null,
);
