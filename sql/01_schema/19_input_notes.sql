-- Inputs that loaded with something worth knowing: decoded from a legacy encoding, written in
-- another language, a duplicate id with other text.
create table if not exists input_notes (
    run_id varchar not null,
    input_path varchar not null,
    note varchar not null,
    noted_at timestamp not null,
);
