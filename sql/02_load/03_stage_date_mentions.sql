insert into run_date_mentions
select
    article_id,
    mention_text,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    timex_type,
    timex_value,
    cast(resolved_date as date) as resolved_date,
    precision,
from stg_date_mentions;
