"""Extracted records to staged tables: one DataFrame per warehouse table, before loading.

The staged batch is what validation sees and what the load publishes, so both read the
same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from newswire.records import Extraction

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "external_id", "title", "source_name", "url", "published_at", "body", "input_path"),
    "actors": ("actor_id", "name", "actor_type", "mention_count", "article_count"),
    "actor_mentions": ("article_id", "actor_id", "mention_text", "start_char", "end_char", "ner_label", "title"),
    "date_mentions": (
        "article_id", "mention_text", "start_char", "end_char", "timex_type", "timex_value", "resolved_date",
        "precision",
    ),
    "figures": (
        "figure_id", "article_id", "mention_text", "start_char", "end_char", "value", "value_low", "value_high",
        "qualifier", "unit", "category", "actor_id", "event_id",
    ),
    "events": (
        "event_id", "article_id", "event_type", "event_mode", "trigger_text", "start_char", "end_char",
        "event_date", "date_precision", "date_source", "article_event_id", "canonical_event_id",
    ),
    "event_actors": ("event_id", "actor_id", "role"),
    "dates": ("date", "year", "quarter", "month", "day", "weekday"),
}


@dataclass(frozen=True, slots=True)
class StagedBatch:
    frames: dict[str, pd.DataFrame]

    def row_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.frames.items()}


# The date dimension covers the days facts refer to within these bounds; a date outside them
# is a finding of its own table, not a reason to list centuries of days.
CALENDAR_BOUNDS = (date(1900, 1, 1), date(2100, 12, 31))


def calendar(days: Iterable[date]) -> list[tuple[int | date, ...]]:
    """Date-dimension rows for every day from the earliest to the latest of `days`."""
    present = sorted(d for d in set(days) if CALENDAR_BOUNDS[0] <= d <= CALENDAR_BOUNDS[1])
    if not present:
        return []
    rows = []
    day = present[0]
    while day <= present[-1]:
        rows.append((day, day.year, (day.month - 1) // 3 + 1, day.month, day.day, day.strftime("%A")))
        day += timedelta(days=1)
    return rows


def _frame(name: str, rows: Iterable[Sequence[object]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(TABLE_COLUMNS[name]), dtype=object)


def stage(extractions: Sequence[Extraction]) -> StagedBatch:
    """The staged tables of a batch of extractions."""
    articles = [x.article for x in extractions]
    mentions = [m for x in extractions for m in x.actor_mentions]
    dates = [d for x in extractions for d in x.date_mentions]
    figures = [f for x in extractions for f in x.figures]
    events = [e for x in extractions for e in x.events]

    names: dict[str, str] = {}
    types: dict[str, Counter[str]] = {}
    article_sets: dict[str, set[str]] = {}
    for m in mentions:
        names.setdefault(m.actor_id, m.actor_name)
        types.setdefault(m.actor_id, Counter())[m.actor_type] += 1
        article_sets.setdefault(m.actor_id, set()).add(m.article_id)

    referenced_days = [a.published_at for a in articles if a.published_at] + [
        d.resolved_date for d in dates if d.resolved_date
    ] + [e.event_date for e in events if e.event_date]

    frames = {
        "articles": _frame(
            "articles",
            ((a.article_id, a.external_id, a.title, a.source_name, a.url, a.published_at, a.body, a.input_path)
             for a in articles),
        ),
        "actors": _frame(
            "actors",
            ((actor_id, names[actor_id], counts.most_common(1)[0][0], sum(counts.values()), len(article_sets[actor_id]))
             for actor_id, counts in sorted(types.items())),
        ),
        "actor_mentions": _frame(
            "actor_mentions",
            ((m.article_id, m.actor_id, m.mention_text, m.start_char, m.end_char, m.ner_label, m.title)
             for m in mentions),
        ),
        "date_mentions": _frame(
            "date_mentions",
            ((d.article_id, d.mention_text, d.start_char, d.end_char, d.timex_type, d.timex_value, d.resolved_date,
              d.precision) for d in dates),
        ),
        "figures": _frame(
            "figures",
            ((f.figure_id, f.article_id, f.mention_text, f.start_char, f.end_char, f.value, f.value_low, f.value_high,
              f.qualifier, f.unit, f.category, f.actor_id, f.event_id) for f in figures),
        ),
        "events": _frame(
            "events",
            ((e.event_id, e.article_id, e.event_type, e.event_mode, e.trigger_text, e.start_char, e.end_char,
              e.event_date, e.date_precision, e.date_source, e.article_event_id, e.canonical_event_id)
             for e in events),
        ),
        "event_actors": _frame(
            "event_actors", ((a.event_id, a.actor_id, a.role) for e in events for a in e.actors)
        ),
        "dates": _frame("dates", calendar(referenced_days)),
    }
    return StagedBatch(frames)
