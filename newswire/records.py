"""Typed, immutable records that travel between the stages.

Field names are the column names of the warehouse tables, so a record becomes a row
without renaming.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUALIFIERS = ("exact", "approximate", "at_least", "at_most", "range")
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
EVENT_DATE_PRECISIONS = ("day", "week", "month", "year")


def stable_id(*parts: object) -> str:
    """A short, deterministic key built from the parts that identify a row."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    external_id: str
    title: str | None
    source_name: str | None
    url: str | None
    published_at: date | None
    body: str
    input_path: str
    # Character ranges of body that are not article text (header lines, page furniture).
    # Extraction never reports a mention inside them; body itself is kept as read.
    skipped_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    input_path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    article_id: str
    actor_id: str
    actor_name: str
    actor_type: str
    mention_text: str
    start_char: int
    end_char: int
    ner_label: str
    title: str | None = None  # the title or role given with a person: "Defense Secretary"


@dataclass(frozen=True, slots=True)
class DateMention:
    article_id: str
    mention_text: str
    start_char: int
    end_char: int
    timex_type: str
    timex_value: str | None
    resolved_date: date | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class Figure:
    figure_id: str
    article_id: str
    mention_text: str
    start_char: int
    end_char: int
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str | None
    category: str
    actor_id: str | None = None  # the actor it counts: "32,000 Palestinians"
    event_id: str | None = None  # the event it belongs to: the 1,200 killed in an attack


@dataclass(frozen=True, slots=True)
class EventActor:
    event_id: str
    actor_id: str
    role: str


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    event_type: str
    event_mode: str | None
    trigger_text: str
    start_char: int
    end_char: int
    event_date: date | None
    date_precision: str | None
    date_source: str
    sentence_start: int
    sentence_end: int
    actors: tuple[EventActor, ...] = field(default=())
    # The event within its article that this mention refers to, and across all articles.
    article_event_id: str = ""
    canonical_event_id: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actor_mentions: tuple[ActorMention, ...]
    date_mentions: tuple[DateMention, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
