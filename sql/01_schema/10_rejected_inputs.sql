create table if not exists rejected_inputs (
    run_id varchar not null,
    input_path varchar not null,
    reason varchar not null,
    rejected_at timestamp not null,
);
