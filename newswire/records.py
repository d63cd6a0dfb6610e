"""Typed, immutable records that travel between the stages, and the rows they become.

Field names are the column names of the warehouse tables, so a record becomes a row
without renaming: a table's columns are its record's fields, in their order (`columns`). A
field that a record carries for the stages but that is not a column of its table says so
with `NOT_A_COLUMN`; `ActorRow` and `CalendarDay` are the rows of the tables no extracted
record is (`actors`, aggregated over the mentions, and the calendar of `dates`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import TypeVar

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUALIFIERS = ("exact", "approximate", "at_least", "at_most", "range")
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
CHANGES = ("up", "down")
EVENT_DATE_PRECISIONS = ("day", "week", "month", "year")


_Record = TypeVar("_Record")

# The metadata of a record's field that is not a column of its table.
NOT_A_COLUMN = MappingProxyType({"column": False})


def columns(record_type: type) -> tuple[str, ...]:
    """The columns of the table whose rows are `record_type`: its fields, less those that are not columns."""
    return tuple(f.name for f in fields(record_type) if f.metadata.get("column", True))


def updated(record: _Record, **changes: object) -> _Record:
    """`record` with the fields `changes` names set; `record` itself where they change nothing,
    since a record is immutable (`dataclasses.replace` would copy it all the same)."""
    if all(getattr(record, name) == value for name, value in changes.items()):
        return record
    return replace(record, **changes)


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
    # Extraction never reports a mention inside them; body itself is kept as read, and they
    # are not stored.
    skipped_spans: tuple[tuple[int, int], ...] = field(default=(), metadata=NOT_A_COLUMN)
    author: str | None = None  # as the page names its writer
    language: str | None = None  # ISO 639-1: "en"; an article in another language is loaded, not read
    published_at_source: str | None = None  # where published_at came from: manifest, meta, json-ld, url...
    # The web page it was read from, kept in `article_sources`; None for other inputs.
    page: PageSource | None = field(default=None, metadata=NOT_A_COLUMN)


@dataclass(frozen=True, slots=True)
class PageSource:
    """A web page as it was read: its address, when it was fetched, its hash and its bytes."""

    url: str | None
    fetched_at: datetime | None
    content_sha256: str
    content_type: str | None
    raw: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that yields no article, and why."""

    input_path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    article_id: str
    actor_id: str
    # The actor's name and type as this mention gives them: `actors` holds them, one row an actor.
    actor_name: str = field(metadata=NOT_A_COLUMN)
    actor_type: str = field(metadata=NOT_A_COLUMN)
    mention_text: str
    start_char: int
    end_char: int
    ner_label: str
    title: str | None = None  # the title or role given with a person: "Defense Secretary"
    # The country the actor evidently belongs to in this article: "Israeli" IL; `actors` holds it.
    actor_country: str | None = field(default=None, metadata=NOT_A_COLUMN)


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
    change: str | None = None  # a change, not a level: "up" in "gained 1.2 per cent", "down" in "fell 3%"
    unit_text: str | None = None  # the unit as written: "dlrs", "mph", "per cent"


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
    # The sentence it is reported in, for the extractors; `v_sentences` gives it from `start_char`.
    sentence_start: int = field(metadata=NOT_A_COLUMN)
    sentence_end: int = field(metadata=NOT_A_COLUMN)
    # Its rows of `event_actors`.
    actors: tuple[EventActor, ...] = field(default=(), metadata=NOT_A_COLUMN)
    # The event within its article that this mention refers to, and across all articles.
    article_event_id: str = ""
    canonical_event_id: str = ""
    # What its article reports it did to people: the killed and injured figures of its article
    # event and the single victims it names ("killing a teenager"); NULL when nothing is said.
    fatalities: int | None = None
    injured: int | None = None
    # Who or what carried it out, when a noun says so: "jet" in "Israeli jets struck".
    instrument: str | None = None
    # Where it happened: its country, point and precision, and which of its places gave them
    # (place, actor, dateline, article_country); NULL when nothing places it.
    country_code: str | None = None
    geo_precision: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_source: str | None = None


@dataclass(frozen=True, slots=True)
class ArticlePlace:
    """A place actor of an article as that article resolves it: its country (ISO 3166-1
    alpha-2), first-level division, kind of feature, point, GeoNames id, precision and the
    reason for the choice; `dateline` marks the article's dateline place."""

    article_id: str
    actor_id: str
    name: str
    country_code: str | None
    admin1: str | None
    feature: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    geo_precision: str
    geo_evidence: str
    dateline: bool


@dataclass(frozen=True, slots=True)
class ActorRow:
    """An actor as a batch stages it: the name its first mention gives, the type most of its
    mentions give, and how often and in how many articles it is mentioned."""

    actor_id: str
    name: str
    actor_type: str
    mention_count: int
    article_count: int
    actor_country: str | None = None  # the country most of its mentions give, where one is evident


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """A day of the date dimension."""

    date: date
    year: int
    quarter: int
    month: int
    day: int
    weekday: str  # its English name: "Monday"


@dataclass(frozen=True, slots=True)
class FlaggedRow:
    """A staged row that broke an expectation: quarantined (critical) or kept as a finding."""

    table_name: str
    expectation: str
    column_name: str | None
    severity: str
    description: str | None
    article_id: str | None
    row_key: str  # its key columns' values, joined by ':'
    row_json: str  # the row as a JSON object, without the article body


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actor_mentions: tuple[ActorMention, ...]
    date_mentions: tuple[DateMention, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    places: tuple[ArticlePlace, ...] = ()
