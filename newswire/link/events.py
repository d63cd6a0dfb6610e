"""One canonical event for every report of the same real-world event, across articles.

Each article event (the mentions of one event within an article) is summarised by its type,
the date the article states for it (or only its publication date), the people and
organisations taking part, and its place. Two summaries are the same event when their types
agree, their places do not differ, and either
- they state the same day and share a person or an organisation, or one of them names
  none and they name no different actors;
- they state days one apart (one outlet may date it a day late) and share two of them;
- one only has its publication date, the other's stated date falls in the week before it,
  and they share two participants or name the same single one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newswire.records import Extraction, stable_id

# An event whose date an article does not state is matched to stated dates up to this long
# before the article's publication.
INFERRED_WINDOW = timedelta(days=7)
_WINDOW = INFERRED_WINDOW + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class EventSummary:
    key: str  # an article event id, or the canonical id of an event already in the warehouse
    event_type: str
    stated_date: date | None
    published_at: date | None
    specific: frozenset[str]  # people and organisations in a role
    actors: frozenset[str]  # every actor in a role other than place
    places: frozenset[str]
    known: bool = False  # already in the warehouse: its key is a canonical id

    @property
    def anchor(self) -> date:
        return self.stated_date or self.published_at or date.min


def _dates_fit(a: EventSummary, b: EventSummary) -> str | None:
    """'same', 'near' or 'loose' when the two dates can be one event's, else None."""
    if a.stated_date and b.stated_date:
        days = abs((a.stated_date - b.stated_date).days)
        return "same" if days == 0 else "near" if days == 1 else None
    if a.stated_date or b.stated_date:
        stated, inferred = (a, b) if a.stated_date else (b, a)
        if inferred.published_at is None:
            return None
        fits = inferred.published_at - INFERRED_WINDOW <= stated.stated_date <= inferred.published_at
        return "loose" if fits else None
    if a.published_at and b.published_at and abs((a.published_at - b.published_at).days) <= 1:
        return "loose"
    return None


def same_event(a: EventSummary, b: EventSummary) -> bool:
    """Whether two summaries report one real-world event."""
    if a.event_type != b.event_type or (a.places and b.places and not a.places & b.places):
        return False
    fit = _dates_fit(a, b)
    if fit is None:
        return False
    shared = len(a.specific & b.specific)
    if fit == "same":
        if shared:
            return True
        unnamed = not a.specific or not b.specific
        return unnamed and (bool(a.actors & b.actors) or not a.actors or not b.actors)
    if fit == "near":
        return shared >= 2
    return shared >= 2 or (shared == 1 and a.specific == b.specific)


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def canonical_ids(new: Sequence[EventSummary], existing: Iterable[EventSummary] = ()) -> dict[str, str]:
    """The canonical event id of every new article event (keyed by its article event id).

    An event that joins one already in the warehouse takes its canonical id; otherwise the
    id is derived from the first of its article events, so it does not depend on load order
    within a batch.
    """
    summaries = sorted([*existing, *new], key=lambda s: (s.event_type, s.anchor, s.key))
    parent = {s.key: s.key for s in summaries}
    for i, a in enumerate(summaries):
        for b in summaries[i + 1 :]:
            if b.event_type != a.event_type or b.anchor - a.anchor > _WINDOW:
                break
            if same_event(a, b):
                parent[_find(parent, a.key)] = _find(parent, b.key)
    groups: dict[str, list[EventSummary]] = {}
    for summary in summaries:
        groups.setdefault(_find(parent, summary.key), []).append(summary)
    result: dict[str, str] = {}
    for members in groups.values():
        known = sorted(s.key for s in members if s.known)
        canonical = known[0] if known else stable_id("canonical", min(s.key for s in members))
        result.update((s.key, canonical) for s in members if not s.known)
    return result


@dataclass(frozen=True, slots=True)
class EventRow:
    """One actor of one event mention (or the mention alone, with no actor)."""

    key: str
    event_type: str
    event_date: date | None
    date_source: str
    published_at: date | None
    actor_id: str | None = None
    actor_type: str | None = None
    role: str | None = None


_STATED = {"text", "sentence", "context", "coreference"}
_IDENTIFYING = {"source", "target", "participant"}


def summarise(rows: Iterable[EventRow], known: bool = False) -> list[EventSummary]:
    """One summary per key: its most common stated date and everyone in a role."""
    grouped: dict[str, list[EventRow]] = {}
    for row in rows:
        grouped.setdefault(row.key, []).append(row)
    summaries = []
    for key, members in grouped.items():
        stated = [r.event_date for r in members if r.date_source in _STATED and r.event_date]
        summaries.append(
            EventSummary(
                key=key,
                event_type=members[0].event_type,
                stated_date=max(set(stated), key=lambda d: (stated.count(d), d)) if stated else None,
                published_at=max((r.published_at for r in members if r.published_at), default=None),
                specific=frozenset(
                    r.actor_id for r in members if r.role in _IDENTIFYING and r.actor_type in {"PERSON", "ORG"}
                ),
                actors=frozenset(r.actor_id for r in members if r.role in _IDENTIFYING),
                places=frozenset(r.actor_id for r in members if r.role == "place"),
                known=known,
            )
        )
    return summaries


def event_rows(extractions: Sequence[Extraction]) -> list[EventRow]:
    """The article events of a batch, one row per actor of each mention."""
    rows = []
    for x in extractions:
        kinds = {m.actor_id: m.actor_type for m in x.actor_mentions}
        for e in x.events:
            base = EventRow(e.article_event_id, e.event_type, e.event_date, e.date_source, x.article.published_at)
            rows.append(base)
            rows.extend(replace(base, actor_id=a.actor_id, actor_type=kinds.get(a.actor_id), role=a.role) for a in e.actors)
    return rows


def assign_canonical_events(
    extractions: Sequence[Extraction], existing: Sequence[EventSummary] = ()
) -> list[Extraction]:
    """Give every event mention the canonical id of the real-world event it reports."""
    ids = canonical_ids(summarise(event_rows(extractions)), existing)
    return [
        replace(x, events=tuple(replace(e, canonical_event_id=ids[e.article_event_id]) for e in x.events))
        for x in extractions
    ]
