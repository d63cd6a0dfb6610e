"""One canonical event for every report of the same real-world event, across articles.

Each article event (the mentions of one event within an article) is summarised by its type
and mode, the date the article states for it (or only its publication date), the people and
organisations taking part, its places and the places its article puts them inside. Two
summaries are the same event when their types agree, their modes do not differ (an air strike
is not a shelling), their places do not differ, and either
- they state the same day and share a person or an organisation, or both have places that
  agree and they do not name different people or organisations;
- they state days one apart (one outlet may date it a day late) and share two of them;
- one only has its publication date, the other's stated date falls in the week before it,
  and they share two participants or name the same single one.

A report that names nobody in a role, no place and no dead or injured of its own, only a
stated day ("the Oct. 7 attack"), refers to the one event of its type reported with participants on that day, if there is just
one; it never joins two events into one.

Places agree when one report's most specific place is among the other's places or the places
that hold them: "the al-Zeitoun neighbourhood" of an article that names it with Gaza City
agrees with "Gaza City", not with "the Shejaiya neighbourhood". Different place names agree on
nothing. Countries and nationalities ("Israel", "Palestinians") never make two reports one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newswire.extract.places import place_parents
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
    mode: str | None = None  # how it was done: "aerial", "shelling"
    within: frozenset[str] = frozenset()  # the places its article puts its places inside
    counted: bool = False  # its article counts its dead or injured

    @property
    def anchor(self) -> date:
        return self.stated_date or self.published_at or date.min

    @property
    def specific_places(self) -> frozenset[str]:
        """Its places less those that hold another of them: "al-Zeitoun", not also "Gaza City"."""
        return (self.places - self.within) or self.places


def places_agree(a: EventSummary, b: EventSummary) -> bool | None:
    """Whether two reports' places agree (one is the other or inside it); None when one has none."""
    if not a.places or not b.places:
        return None
    return bool(a.specific_places & (b.places | b.within) or b.specific_places & (a.places | a.within))


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
    if a.event_type != b.event_type or (a.mode and b.mode and a.mode != b.mode):
        return False
    placed = places_agree(a, b)
    fit = _dates_fit(a, b)
    if fit is None or placed is False:
        return False
    shared = len(a.specific & b.specific)
    if fit == "same":
        return bool(shared) or (placed is True and not (a.specific and b.specific))
    if fit == "near":
        return shared >= 2
    return shared >= 2 or (shared == 1 and a.specific == b.specific)


def _bare(summary: EventSummary) -> bool:
    """A report that says only what happened and on which day: nobody in a role, no place, no
    count of its own dead or injured ("a sniper killed a man" is a report of its own)."""
    return summary.stated_date is not None and not summary.actors and not summary.places and not summary.counted


def refers_to(a: EventSummary, b: EventSummary) -> bool:
    """Whether the bare report `a` can refer to `b`, an event of its type reported in full that day."""
    return (
        _bare(a) and not _bare(b) and a.event_type == b.event_type and a.stated_date == b.stated_date
        and not (a.mode and b.mode and a.mode != b.mode)
    )


def _coarser(a: EventSummary, b: EventSummary) -> bool:
    """Whether `a`'s place holds `b`'s, without being it: "Gaza City" for "al-Zeitoun"."""
    return bool(a.places and b.places) and a.specific_places <= b.within and not a.specific_places & b.specific_places


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _join(parent: dict[str, str], members: dict[str, list[EventSummary]], a: str, b: str) -> None:
    """One event of the two groups, unless two of their reports name places that disagree."""
    ra, rb = _find(parent, a), _find(parent, b)
    if ra == rb or any(places_agree(x, y) is False for x in members[ra] for y in members[rb]):
        return
    parent[ra] = rb
    members[rb].extend(members.pop(ra))


def canonical_ids(new: Sequence[EventSummary], existing: Iterable[EventSummary] = ()) -> dict[str, str]:
    """The canonical event id of every new article event (keyed by its article event id).

    Reports that agree join first; a report placed only in a place that holds others' places
    ("Gaza City"), and a bare report, then join the one event they can be, if there is just
    one. No event takes in two reports whose places disagree, so two strikes in two
    neighbourhoods stay two even when a third report places one of them only in their city.
    An event that joins one already in the warehouse takes its canonical id; otherwise the
    id is derived from the first of its article events, so it does not depend on load order
    within a batch.
    """
    summaries = sorted([*existing, *new], key=lambda s: (s.event_type, s.anchor, s.key))
    parent = {s.key: s.key for s in summaries}
    members = {s.key: [s] for s in summaries}
    vaguer: dict[str, list[str]] = {}
    for i, a in enumerate(summaries):
        for b in summaries[i + 1 :]:
            if b.event_type != a.event_type or b.anchor - a.anchor > _WINDOW:
                break
            if not same_event(a, b):
                continue
            if _coarser(a, b) or _coarser(b, a):
                vague, precise = (a, b) if _coarser(a, b) else (b, a)
                vaguer.setdefault(vague.key, []).append(precise.key)
            else:
                _join(parent, members, a.key, b.key)
    reported: dict[tuple[str, date | None], list[EventSummary]] = {}
    for summary in summaries:
        if not _bare(summary):
            reported.setdefault((summary.event_type, summary.stated_date), []).append(summary)
    for a in summaries:
        partners = [b.key for b in reported.get((a.event_type, a.stated_date), []) if refers_to(a, b)]
        roots = {_find(parent, key) for key in [*vaguer.get(a.key, []), *partners]}
        if len(roots) == 1:
            _join(parent, members, a.key, roots.pop())
    result: dict[str, str] = {}
    for group in members.values():
        known = sorted(s.key for s in group if s.known)
        canonical = known[0] if known else stable_id("canonical", min(s.key for s in group))
        result.update((s.key, canonical) for s in group if not s.known)
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
    event_mode: str | None = None
    parents: frozenset[str] = frozenset()  # for a place: the places its article puts it inside
    counted: bool = False  # its article counts the mention's dead or injured


_STATED = {"text", "sentence", "context", "coreference"}
_IDENTIFYING = {"source", "target", "participant"}


def summarise(rows: Iterable[EventRow], known: bool = False) -> list[EventSummary]:
    """One summary per key: its most common stated date and mode, and everyone in a role."""
    grouped: dict[str, list[EventRow]] = {}
    for row in rows:
        grouped.setdefault(row.key, []).append(row)
    summaries = []
    for key, members in grouped.items():
        stated = [r.event_date for r in members if r.date_source in _STATED and r.event_date]
        modes = [r.event_mode for r in members if r.event_mode]
        places = [r for r in members if r.role == "place"]
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
                places=frozenset(r.actor_id for r in places),
                known=known,
                mode=max(set(modes), key=lambda m: (modes.count(m), m)) if modes else None,
                within=frozenset(parent for r in places for parent in r.parents),
                counted=any(r.counted for r in members),
            )
        )
    return summaries


def event_rows(extractions: Sequence[Extraction]) -> list[EventRow]:
    """The article events of a batch, one row per actor of each mention."""
    rows = []
    for x in extractions:
        kinds = {m.actor_id: m.actor_type for m in x.actor_mentions}
        parents = place_parents(x.actor_mentions, x.article.body)
        for e in x.events:
            base = EventRow(
                e.article_event_id, e.event_type, e.event_date, e.date_source, x.article.published_at,
                event_mode=e.event_mode, counted=e.fatalities is not None or e.injured is not None,
            )
            rows.append(base)
            rows.extend(
                replace(
                    base, actor_id=a.actor_id, actor_type=kinds.get(a.actor_id), role=a.role,
                    parents=parents.get(a.actor_id, frozenset()) if a.role == "place" else frozenset(),
                )
                for a in e.actors
            )
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
