-- Which actors were mentioned most each week?
--
-- One row per ISO week of publication and actor among that week's most mentioned (actors
-- tied on mentions share a rank), with how many articles of the week mention them.
--
-- $top: how many actors per week (default: 3)
with source as (
    select *
    from v_actor_mentions
    where week is not null
),

mentions as (
    select
        week,
        actor_id,
        name,
        actor_type,
        count(*) as mentions,
        count(distinct article_id) as articles,
    from source
    group by week, actor_id, name, actor_type
),

final as (
    select
        week,
        rank() over (partition by week order by mentions desc) as rank,
        name,
        actor_type,
        mentions,
        articles,
    from mentions
)

select * from final
where rank <= cast($top as integer)
order by week, rank, name;
