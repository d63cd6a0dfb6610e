-- Which figures were reported in each category, when, and by which sources?
--
-- One row per category, publication date, unit and value: the figure as written, the sources
-- that give it, and the event it belongs to when one was found.
--
-- $category: killed, hostages, displaced, weapons, share, duration, … or all (default: all)
with source as (
    select *
    from v_figures_enriched
    where $category = 'all' or category = $category
),

final as (
    select
        category,
        published_at as reported_on,
        unit,
        value,
        qualifier,
        list(distinct mention_text order by mention_text) as as_written,
        list(distinct source order by source) as sources,
        list(distinct event_type || ' ' || coalesce(event_date::varchar, '')) filter (
            where event_id is not null
        ) as event,
    from source
    group by category, published_at, unit, value, qualifier
)

select * from final
order by category, reported_on, unit, value;
