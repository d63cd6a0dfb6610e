insert into run_figures
select
    figure_id,
    article_id,
    mention_text,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    cast(value as double) as value,
    cast(value_low as double) as value_low,
    cast(value_high as double) as value_high,
    qualifier,
    unit,
    category,
    actor_id,
    event_id,
    change,
    unit_text,
from stg_figures;
