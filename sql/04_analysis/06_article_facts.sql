-- What was extracted from an article, and from which sentence?
--
-- One row per fact (actor mention, temporal expression, figure, event mention) in the order
-- of the text, with what it was read as and the sentence it comes from.
--
-- $article: the article's id or external id (its file name), or latest (default: latest)
-- $kind: actor, date, figure, event, or all (default: all)
with article as (
    select article_id
    from articles
    where article_id = $article or external_id = $article or (
        $article = 'latest' and article_id = (
            select article_id
            from articles
            order by published_at desc nulls last, external_id
            limit 1
        )
    )
),

actor_facts as (
    select
        article_id,
        'actor' as kind,
        start_char,
        mention_text as text,
        name || ' (' || actor_type || ')' as read_as,
    from v_actor_mentions
    where article_id in (select article_id from article)
),

date_facts as (
    select
        article_id,
        'date' as kind,
        start_char,
        mention_text as text,
        timex_type || ' ' || coalesce(timex_value, 'unresolved') as read_as,
    from date_mentions
    where article_id in (select article_id from article)
),

figure_facts as (
    select
        article_id,
        'figure' as kind,
        start_char,
        mention_text as text,
        category || ': ' || qualifier || ' '
        || case when value = trunc(value) then format('{:,}', value::bigint) else value::varchar end
        || coalesce(' ' || unit, '') as read_as,
    from v_figures_enriched
    where article_id in (select article_id from article)
),

event_facts as (
    select
        article_id,
        'event' as kind,
        start_char,
        trigger_text as text,
        event_type || ' ' || coalesce(event_date::varchar, 'undated') || coalesce(
            ': ' || string_agg(actor_name || ' (' || role || ')', ', ' order by role, actor_name) filter (
                where role in ('source', 'target', 'participant', 'place')
            ),
            ''
        ) as read_as,
    from v_event_timeline
    where article_id in (select article_id from article)
    group by article_id, event_id, start_char, trigger_text, event_type, event_date
),

facts as (
    select * from actor_facts
    union all
    select * from date_facts
    union all
    select * from figure_facts
    union all
    select * from event_facts
),

final as (
    select
        sentences.sentence_no,
        facts.kind,
        facts.text,
        facts.read_as,
        sentences.sentence,
        facts.start_char,
    from facts
    inner join v_sentences as sentences
        on
            facts.article_id = sentences.article_id
            and facts.start_char >= sentences.start_char
            and facts.start_char < sentences.end_char
    where $kind = 'all' or facts.kind = $kind
)

select
    sentence_no,
    kind,
    text,
    read_as,
    sentence,
from final
order by start_char, kind;
