create table if not exists articles (
    article_id varchar primary key,
    external_id varchar not null,
    title varchar,
    source_name varchar,
    url varchar,
    published_at date,
    body varchar not null,
    input_path varchar,
    loaded_at timestamp not null,
    run_id varchar not null,
);
