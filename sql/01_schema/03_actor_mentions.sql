create table if not exists actor_mentions (
    article_id varchar not null,
    actor_id varchar not null,
    mention_text varchar not null,
    start_char integer not null,
    end_char integer not null,
    ner_label varchar not null,
    title varchar,
);
