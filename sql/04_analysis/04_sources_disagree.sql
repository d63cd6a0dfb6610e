-- Where do sources disagree on a date or a figure?
--
-- Dates: the articles reporting one real-world event state different dates for it (a date
-- taken from the publication date is not a statement). Figures: different sources give
-- different values for the same category and unit. One row per value reported, with the
-- sources that report it.
with event_mentions as (
    select distinct
        event_id,
        canonical_event_id,
        article_id,
        source,
        trigger_text,
        event_date,
        date_source,
    from v_event_timeline
),

stated_dates as (
    -- each article's date for the event: the one most of its mentions state
    select
        canonical_event_id,
        article_id,
        any_value(source) as source,
        mode(event_date) as reported_date,
        list(distinct trigger_text order by trigger_text) as said_as,
    from event_mentions
    where date_source <> 'publication'
    group by canonical_event_id, article_id
),

date_disagreements as (
    select
        'date' as kind,
        canonical_events.event_type || ': ' || array_to_string(canonical_events.actors, ', ') as subject,
        stated_dates.reported_date::varchar as reported,
        epoch(stated_dates.reported_date) as sort_key,
        flatten(list(stated_dates.said_as)) as as_written,
        list(distinct stated_dates.source order by stated_dates.source) as sources,
    from stated_dates
    inner join canonical_events on stated_dates.canonical_event_id = canonical_events.canonical_event_id
    where canonical_events.sources_disagree
    group by all
),

figures as (
    select
        *,
        count(distinct value) over (partition by category, unit) as values_given,
        count(distinct source) over (partition by category, unit) as sources_giving,
    from v_figures_enriched
),

figure_disagreements as (
    select
        'figure' as kind,
        category || ' (' || unit || ')' as subject,
        case when value = trunc(value) then format('{:,}', value::bigint) else value::varchar end as reported,
        value as sort_key,
        list(distinct mention_text order by mention_text) as as_written,
        list(distinct source order by source) as sources,
    from figures
    where values_given > 1 and sources_giving > 1
    group by category, unit, value
),

final as (
    select * from date_disagreements
    union all
    select * from figure_disagreements
)

select
    kind,
    subject,
    reported,
    list_sort(list_distinct(as_written)) as as_written,
    sources,
from final
order by kind, subject, sort_key;
