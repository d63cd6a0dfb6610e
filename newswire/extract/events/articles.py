"""Article events: the mentions of one event within an article, joined, sharing one date.

"the 90-minute meeting", "the meeting" and "the talks with Gallant" are one article event; an
outcome joined to its cause ("killing two people" after "shelled") is in its cause's event, and
so is a killing told after it with no doer, place or date of its own ("Two people were killed.");
violence in another place is another event, of the same day or not. A
sentence with no event of its own that names who took part ("The Israeli side was led by X")
adds them to the last meeting. Violence, coercion and protest are also in the places the article
puts their places inside, less countries: "the Shejaiya neighbourhood" of Gaza City is in Gaza City.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from newswire.extract.events.mentions import EXPLICIT_DATES, Mention, in_sentence, mentions_of
from newswire.extract.events.roles import IDENTIFYING_ROLES, is_country, keep_strongest, path_to, slot
from newswire.extract.events.triggers import CONFLICT_TYPES, OUTCOMES, trigger
from newswire.extract.lexicons import lexicon
from newswire.extract.nlp import doc_text, sentences
from newswire.extract.places import place_parents
from newswire.records import ActorMention, DateMention, Event, EventActor, stable_id

_SPECIFIC_TYPES = {"PERSON", "ORG"}
# A sentence with no event of its own that names who took part in the last meeting:
# "The Israeli side was led by Ron Dermer", "The delegation included ...".
_PARTICIPATION_VERBS = frozenset(lexicon("event_words")["participation_verbs"])


@dataclass(slots=True)
class _Cluster:
    """Mentions of one event within an article, in order."""

    event_type: str
    mode: str | None
    members: list[Event] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)

    @property
    def explicit_date(self) -> Event | None:
        return next((m for m in self.members if m.date_source in EXPLICIT_DATES), None)

    @property
    def actor_ids(self) -> set[str]:
        return {a.actor_id for m in self.members for a in m.actors if a.role in IDENTIFYING_ROLES}


def _specific(event: Event, kinds: dict[str, str]) -> set[str]:
    """The people and organisations that take part in an event mention."""
    return {a.actor_id for a in event.actors if a.role in IDENTIFYING_ROLES and kinds.get(a.actor_id) in _SPECIFIC_TYPES}


def _dates_conflict(cluster: _Cluster, event: Event) -> bool:
    """Two dates for one event, at least one of them stated with it, that do not agree."""
    dated = cluster.explicit_date
    if dated is None or event.date_source not in EXPLICIT_DATES or dated.event_date == event.event_date:
        return False
    stated = {"text", "sentence"}
    if dated.date_source not in stated and event.date_source not in stated:
        return False
    days = abs((dated.event_date - event.event_date).days)
    coarse = "week" in (dated.date_precision, event.date_precision)
    return not (coarse and days < 7)


def _places_differ(cluster: _Cluster, mention: Mention, parents: dict[str, frozenset[str]]) -> bool:
    """Violence in two places, neither in the other ("Shejaiya" and "Zeitoun", both in Gaza
    City): two events of one day, not one."""
    theirs = {a.actor_id for m in cluster.members for a in m.actors if a.role == "place"}
    own = {a.actor_id for a in mention.event.actors if a.role == "place"}
    if not theirs or not own:
        return False

    def specific(places: set[str]) -> set[str]:
        return (places - _holders(places, parents)) or places

    return not (specific(own) & (theirs | _holders(theirs, parents)) or specific(theirs) & (own | _holders(own, parents)))


def _compatible(cluster: _Cluster, mention: Mention, kinds: dict[str, str], parents: dict[str, frozenset[str]]) -> bool:
    """Whether `mention` can be a further mention of the article event `cluster`.

    An event noun refers back to the last event of its kind unless their dates disagree, the
    violence is in another place (`_places_differ`), it is named by an actor that event does not have ("the Iran attack"), or,
    not being definite ("talks aimed at ..."), it names other people than that event's and
    none of them. A verb joins only an event it shares a person or an organisation with, or
    its stated date.
    """
    event = mention.event
    if cluster.event_type != event.event_type or _dates_conflict(cluster, event):
        return False
    if cluster.mode and event.event_mode and cluster.mode != event.event_mode:
        return False
    if event.event_type in CONFLICT_TYPES and _places_differ(cluster, mention, parents):
        return False
    own = _specific(event, kinds)
    theirs = {a for m in cluster.members for a in _specific(m, kinds)}
    if mention.modifiers and not mention.modifiers & cluster.actor_ids:
        return False
    if mention.noun:
        return mention.definite or not own or not theirs or bool(mention.named & theirs)
    dated = cluster.explicit_date
    return bool(own & theirs) or (dated is not None and event.date_source in EXPLICIT_DATES)


def _consequence_of(mention: Mention, clusters: Sequence[_Cluster], text: str) -> _Cluster | None:
    """The assault a killing or wounding told on its own is the outcome of: with no doer, place
    or date of its own ("Shells hit the camp. Two people were killed and nine injured."), it
    is the last assault of its paragraph."""
    event = mention.event
    if mention.noun or event.event_type != "ASSAULT" or mention.lemma not in OUTCOMES:
        return None
    if event.date_source in {"text", "sentence"} or any(a.role in {"source", "place"} for a in event.actors):
        return None
    paragraph = text.rfind("\n", 0, event.start_char) + 1
    before = [c for c in clusters if c.event_type == "ASSAULT" and paragraph <= c.members[-1].start_char < event.start_char]
    return max(before, key=lambda c: c.members[-1].start_char, default=None)


def _cluster(
    mentions: Sequence[Mention], kinds: dict[str, str], parents: dict[str, frozenset[str]], text: str
) -> list[_Cluster]:
    """Article events: an outcome goes with its cause, a noun prefers the last event named with
    the same noun."""
    clusters: list[_Cluster] = []
    group: dict[str, str] = {}
    for mention in mentions:
        own = mention.event.event_id
        group[own] = group.get(mention.joins, own) if mention.joins else group.get(own, own)
        if mention.joins:
            group.setdefault(mention.joins, group[own])
    home_of: dict[str, _Cluster] = {}
    for mention in mentions:
        home = home_of.get(group[mention.event.event_id]) or _consequence_of(mention, clusters, text)
        if home is None:
            candidates = [c for c in reversed(clusters) if _compatible(c, mention, kinds, parents)]
            same_word = [c for c in candidates if mention.noun and mention.lemma in c.lemmas]
            home = (same_word or candidates or [None])[0]
        if home is None:
            home = _Cluster(mention.event.event_type, mention.event.event_mode)
            clusters.append(home)
        elif home.mode is None:
            home.mode = mention.event.event_mode
        home.members.append(mention.event)
        home.lemmas.add(mention.lemma)
        home_of.setdefault(group[mention.event.event_id], home)
    return clusters


def _participants_named_after(
    doc: Doc, clusters: Sequence[_Cluster], actors: Sequence[ActorMention]
) -> dict[str, list[str]]:
    """People named as taking part ("The Israeli side was led by X") in a sentence with no event."""
    added: dict[str, list[str]] = {}
    for sentence in sentences(doc):
        root = sentence.root
        if root.lemma_.lower() not in _PARTICIPATION_VERBS or any(trigger(t) for t in sentence):
            continue
        earlier = [
            c for c in clusters
            if c.event_type == "CONSULT" and c.members[0].start_char < sentence.start_char
        ]
        if not earlier:
            continue
        people = []
        for mention in in_sentence(actors, sentence):
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            path = path_to(span.root, root) if span is not None and mention.actor_type == "PERSON" else None
            if path is not None and slot(path, mention.actor_type, noun_trigger=False) in IDENTIFYING_ROLES:
                people.append(mention.actor_id)
        added.setdefault(earlier[-1].members[0].event_id, []).extend(people)
    return added


def _holders(places: set[str], parents: dict[str, frozenset[str]]) -> set[str]:
    """The places the article puts `places` inside, and those that hold them in turn: the city
    of a neighbourhood, the region of the city."""
    found: set[str] = set()
    todo = list(places)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in found and parent not in places:
                found.add(parent)
                todo.append(parent)
    return found


def extract_events(
    doc: Doc,
    article_id: str,
    published_at: date | None,
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
) -> list[Event]:
    """Every event mention in `doc`: type, date, actors in roles, joined into article events.

    A mention without a date of its own takes the date of the article event it belongs to
    (`date_source` "coreference"), else the publication date ("publication").
    """
    mentions = mentions_of(doc, article_id, actors, dates)
    countries = {m.actor_id for m in actors if is_country(m.actor_name)}
    parents = {
        place: holders - countries for place, holders in place_parents(actors, doc_text(doc)).items()
    }
    clusters = _cluster(mentions, {m.actor_id: m.actor_type for m in actors}, parents, doc_text(doc))
    joined = _participants_named_after(doc, clusters, actors)
    events: list[Event] = []
    for cluster in clusters:
        dated = cluster.explicit_date
        key = stable_id(article_id, "article-event", cluster.members[0].event_id)
        for member in cluster.members:
            if member.date_source not in EXPLICIT_DATES:
                if dated is not None:
                    member = replace(
                        member, event_date=dated.event_date, date_precision=dated.date_precision,
                        date_source="coreference",
                    )
                else:
                    member = replace(
                        member, event_date=published_at, date_precision="day" if published_at else None,
                        date_source="publication",
                    )
            roles = {a.actor_id: a.role for a in member.actors}
            for actor_id in joined.get(member.event_id, []):
                keep_strongest(roles, actor_id, "participant")
            if member.event_type in CONFLICT_TYPES:
                for actor_id in _holders({a for a, r in roles.items() if r == "place"}, parents):
                    keep_strongest(roles, actor_id, "place")
            if roles != {a.actor_id: a.role for a in member.actors}:
                member = replace(
                    member, actors=tuple(EventActor(member.event_id, a, r) for a, r in sorted(roles.items()))
                )
            events.append(replace(member, article_event_id=key))
    return sorted(events, key=lambda e: e.start_char)
