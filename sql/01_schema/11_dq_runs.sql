create table if not exists dq_runs (
    run_id varchar primary key,
    validated_at timestamp not null,
    expectations integer not null,
    failed integer not null,
    critical_failures integer not null,
    warnings integer not null,
    success boolean not null,
    status varchar not null,
    quarantined_rows integer not null,
    flagged_rows integer not null,
);
