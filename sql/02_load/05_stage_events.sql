insert into run_events
select
    event_id,
    article_id,
    event_type,
    event_mode,
    trigger_text,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    cast(event_date as date) as event_date,
    date_precision,
    date_source,
    article_event_id,
    canonical_event_id,
    cast(fatalities as integer) as fatalities,
    cast(injured as integer) as injured,
    instrument,
from stg_events;
