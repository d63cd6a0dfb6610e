create table if not exists date_mentions (
    article_id varchar not null,
    mention_text varchar not null,
    start_char integer not null,
    end_char integer not null,
    timex_type varchar not null,
    timex_value varchar,
    resolved_date date,
    precision varchar,
);
