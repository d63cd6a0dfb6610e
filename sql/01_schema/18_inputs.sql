-- What decides which inputs are new: each input's hash when a successful run last read it.
create table if not exists inputs (
    input_path varchar primary key,
    content_hash varchar not null,
    run_id varchar not null,
    loaded_at timestamp not null,
);
