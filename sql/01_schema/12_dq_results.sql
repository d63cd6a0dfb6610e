create table if not exists dq_results (
    run_id varchar not null,
    suite varchar not null,
    expectation varchar not null,
    column_name varchar,
    severity varchar not null,
    success boolean not null,
    element_count integer not null,
    unexpected_count integer not null,
    unexpected_sample json not null,
    description varchar,
);
