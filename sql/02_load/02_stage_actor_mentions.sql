insert into run_actor_mentions
select
    article_id,
    actor_id,
    mention_text,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    ner_label,
    title,
from stg_actor_mentions;
