-- Which events did an actor take part in, and when?
--
-- One row per real-world event in which the actor is a source, target or participant (not
-- merely mentioned), dated by what most of its sources say. `with_actors` are the others in
-- those roles, `articles` and `sources` how widely the event was reported, `said_as` the
-- words the articles use for it.
--
-- $actor: the actor's name or how an article names them, in any case (default: Lloyd Austin)
with source as (
    select *
    from v_event_timeline
),

actor as (
    select distinct actor_id
    from v_actor_mentions
    where lower(name) = lower($actor) or lower(mention_text) = lower($actor)
),

actor_names as (
    select list(distinct actors.name) as names
    from actors
    where actor_id in (select actor_id from actor)
),

taking_part as (
    select
        canonical_event_id,
        list(distinct role order by role) as roles,
        list(distinct trigger_text order by trigger_text) as said_as,
    from source
    where actor_id in (select actor_id from actor) and role in ('source', 'target', 'participant')
    group by canonical_event_id
),

final as (
    select
        canonical_events.event_date,
        canonical_events.event_type,
        taking_part.roles as role,
        list_filter(canonical_events.actors, other -> not list_contains(actor_names.names, other)) as with_actors,
        canonical_events.places as place,
        canonical_events.articles,
        canonical_events.sources,
        taking_part.said_as,
    from taking_part
    inner join canonical_events on taking_part.canonical_event_id = canonical_events.canonical_event_id
    cross join actor_names
)

select * from final
order by event_date, event_type, with_actors;
