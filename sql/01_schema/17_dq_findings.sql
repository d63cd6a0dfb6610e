-- Rows that broke a warning expectation: loaded, and recorded here to be looked at.
create table if not exists dq_findings (
    run_id varchar not null,
    table_name varchar not null,
    expectation varchar not null,
    column_name varchar,
    severity varchar not null,
    description varchar,
    article_id varchar,
    row_key varchar not null,
    row_json json not null,
    flagged_at timestamp not null,
);
