-- Who met whom?
--
-- One row per pair of actors who took part (as source, target or participant) in the same
-- real-world consultation: PLOVER's CONSULT, a meeting, talks, a call or a visit. `meetings`
-- counts those events, `dates` gives the date most sources give each, `sources` how many
-- sources reported at least one of them.
--
-- $actor_type: PERSON, ORG, GPE, NORP, FAC, LOC, or all (default: PERSON)
with source as (
    select *
    from v_event_timeline
    where event_type = 'CONSULT'
),

participants as (
    select distinct
        canonical_event_id,
        canonical_date,
        actor_id,
        actor_name,
    from source
    where role in ('source', 'target', 'participant') and ($actor_type = 'all' or actor_type = $actor_type)
),

pairs as (
    select
        one.canonical_event_id,
        one.canonical_date,
        one.actor_name as actor,
        other.actor_name as met,
    from participants as one
    inner join participants as other
        on one.canonical_event_id = other.canonical_event_id and one.actor_name < other.actor_name
),

reports as (
    select distinct
        canonical_event_id,
        source,
    from source
),

final as (
    select
        pairs.actor,
        pairs.met,
        count(distinct pairs.canonical_event_id) as meetings,
        list(distinct pairs.canonical_date order by pairs.canonical_date) as dates,
        count(distinct reports.source) as sources,
    from pairs
    inner join reports on pairs.canonical_event_id = reports.canonical_event_id
    group by pairs.actor, pairs.met
)

select * from final
order by meetings desc, sources desc, actor, met;
