-- The web page each article was read from, as it was read (gzip-compressed), so that every fact
-- traces back to its page and a page can be extracted again.
create table if not exists article_sources (
    article_id varchar primary key,
    input_path varchar not null,
    url varchar,
    fetched_at timestamp,
    content_sha256 varchar not null,
    content_type varchar,
    raw_gzip blob not null,
    run_id varchar not null,
    loaded_at timestamp not null,
);
