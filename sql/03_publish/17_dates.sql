-- Every day from the earliest to the latest date any fact refers to; days already there stay.
insert into dates
with referenced as (
    select published_at as day from articles
    union all
    select resolved_date from date_mentions
    union all
    select event_date from events
),

bounds as (
    select
        min(day) as first_day,
        max(day) as last_day,
    from referenced
    where day between date '1900-01-01' and date '2100-12-31'
),

final as (
    select cast(series.day as date) as date
    from bounds,
        generate_series(bounds.first_day, bounds.last_day, interval 1 day) as series (day)
    where bounds.first_day is not null
)

select
    final.date,
    year(final.date) as year,
    quarter(final.date) as quarter,
    month(final.date) as month,
    day(final.date) as day,
    dayname(final.date) as weekday,
from final
where final.date not in (select known.date from dates as known);
