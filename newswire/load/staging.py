"""Extracted records to staged tables: one DataFrame per warehouse table, before loading.

A table's rows are one record type (`TABLE_RECORDS`) and its columns are that record's
(`newswire.records.columns`), so no table lists its columns twice. The staged batch is what
validation sees and what the load publishes, so both read the same rows.

The web pages of the batch's articles (`article_sources`) are not a validated table: they are
the pages as read, compressed, and go with the articles frame (in its `attrs`, which every
frame made from it keeps) so that the load keeps the page of each article it publishes.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter

import pandas as pd

from newswire.records import (
    ActorMention,
    ActorRow,
    Article,
    ArticlePlace,
    CalendarDay,
    DateMention,
    Event,
    EventActor,
    Extraction,
    Figure,
    columns,
)

# The record each staged table's rows are; a table's columns are its record's (`records.columns`).
TABLE_RECORDS: dict[str, type] = {
    "articles": Article,
    "actors": ActorRow,
    "actor_mentions": ActorMention,
    "date_mentions": DateMention,
    "figures": Figure,
    "events": Event,
    "event_actors": EventActor,
    "dates": CalendarDay,
    "article_places": ArticlePlace,
}
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {table: columns(record) for table, record in TABLE_RECORDS.items()}


# The key of the articles frame's `attrs` under which its pages go.
SOURCES_ATTR = "article_sources"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A row of `article_sources`: the page an article was read from, gzip-compressed."""

    article_id: str
    input_path: str
    url: str | None
    fetched_at: datetime | None
    content_sha256: str
    content_type: str | None
    raw_gzip: bytes


@dataclass(frozen=True, slots=True)
class StagedSources:
    """The pages of a staged batch's articles. Immutable, so a copy of the frame that holds it
    (pandas deep-copies `attrs`) shares it rather than copying every page."""

    rows: tuple[SourceRow, ...]

    def __deepcopy__(self, memo: dict) -> StagedSources:
        return self


def staged_sources(articles: pd.DataFrame) -> list[SourceRow]:
    """The pages of the articles still in `articles` (a staged frame or one made from it)."""
    sources = articles.attrs.get(SOURCES_ATTR)
    if sources is None:
        return []
    kept = set(articles["article_id"])
    return [row for row in sources.rows if row.article_id in kept]


def _sources(articles: Sequence[Article]) -> StagedSources:
    return StagedSources(tuple(
        SourceRow(a.article_id, a.input_path, a.page.url, a.page.fetched_at, a.page.content_sha256,
                  a.page.content_type, gzip.compress(a.page.raw, mtime=0))
        for a in articles if a.page is not None
    ))


@dataclass(frozen=True, slots=True)
class StagedBatch:
    frames: dict[str, pd.DataFrame]

    def row_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.frames.items()}


# The date dimension covers the days facts refer to within these bounds; a date outside them
# is a finding of its own table, not a reason to list centuries of days.
CALENDAR_BOUNDS = (date(1900, 1, 1), date(2100, 12, 31))


def calendar(days: Iterable[date], known: tuple[date, date] | None = None) -> list[CalendarDay]:
    """Date-dimension rows for every day from the earliest to the latest of `days`; with
    `known`, the first and last day of a calendar staged before, for the days that widen it
    (those between it and `days`, none inside it)."""
    present = sorted(d for d in set(days) if CALENDAR_BOUNDS[0] <= d <= CALENDAR_BOUNDS[1])
    if not present:
        return []
    first, last = present[0], present[-1]
    if known is not None:
        first, last = min(first, known[0]), max(last, known[1])
    rows = []
    day = first
    while day <= last:
        if known is None or not known[0] <= day <= known[1]:
            rows.append(CalendarDay(day, day.year, (day.month - 1) // 3 + 1, day.month, day.day, day.strftime("%A")))
        day += timedelta(days=1)
    return rows


def calendar_span(batch: StagedBatch, known: tuple[date, date] | None = None) -> tuple[date, date] | None:
    """The first and last day of the calendar staged so far: `known`, widened by `batch`'s days."""
    days = list(batch.frames["dates"]["date"]) if "dates" in batch.frames else []
    if known is not None:
        days += known
    return (min(days), max(days)) if days else None


def _frame(table: str, records: Iterable[object]) -> pd.DataFrame:
    """The staged table of `records`, each a row of its columns."""
    names = TABLE_COLUMNS[table]
    row = attrgetter(*names)
    return pd.DataFrame([row(r) for r in records], columns=list(names), dtype=object)


def _actors(mentions: Sequence[ActorMention]) -> list[ActorRow]:
    """Each mentioned actor, in the order of their ids: the name its first mention gives, the
    type most of its mentions give, its counts, and the country most of its mentions give."""
    names: dict[str, str] = {}
    types: dict[str, Counter[str]] = {}
    countries: dict[str, Counter[str]] = {}
    article_sets: dict[str, set[str]] = {}
    for m in mentions:
        names.setdefault(m.actor_id, m.actor_name)
        types.setdefault(m.actor_id, Counter())[m.actor_type] += 1
        if m.actor_country is not None:
            countries.setdefault(m.actor_id, Counter())[m.actor_country] += 1
        article_sets.setdefault(m.actor_id, set()).add(m.article_id)
    return [
        ActorRow(actor_id, names[actor_id], counts.most_common(1)[0][0], sum(counts.values()),
                 len(article_sets[actor_id]),
                 min(countries[actor_id], key=lambda c: (-countries[actor_id][c], c)) if actor_id in countries else None)
        for actor_id, counts in sorted(types.items())
    ]


def stage(extractions: Sequence[Extraction], calendar_known: tuple[date, date] | None = None) -> StagedBatch:
    """The staged tables of a batch of extractions. The date dimension holds the days from the
    earliest to the latest the batch refers to, leaving out the days of `calendar_known` (the
    first and last day of the calendar the run has staged): each day of a run's calendar is
    validated once."""
    articles = [x.article for x in extractions]
    mentions = [m for x in extractions for m in x.actor_mentions]
    dates = [d for x in extractions for d in x.date_mentions]
    figures = [f for x in extractions for f in x.figures]
    events = [e for x in extractions for e in x.events]
    referenced_days = [a.published_at for a in articles if a.published_at] + [
        d.resolved_date for d in dates if d.resolved_date
    ] + [e.event_date for e in events if e.event_date]
    article_frame = _frame("articles", articles)
    article_frame.attrs[SOURCES_ATTR] = _sources(articles)
    frames = {
        "articles": article_frame,
        "actors": _frame("actors", _actors(mentions)),
        "actor_mentions": _frame("actor_mentions", mentions),
        "date_mentions": _frame("date_mentions", dates),
        "figures": _frame("figures", figures),
        "events": _frame("events", events),
        "event_actors": _frame("event_actors", (a for e in events for a in e.actors)),
        "dates": _frame("dates", calendar(referenced_days, calendar_known)),
        "article_places": _frame("article_places", (p for x in extractions for p in x.places)),
    }
    return StagedBatch(frames)
