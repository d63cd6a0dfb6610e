"""Finding temporal expressions in a parsed article: candidates from spaCy DATE/TIME entities
and from the rules run over the whole text, the arbitration between overlapping candidates,
the expressions that read against the story's reference time, and the `DateMention` records.
A temporal entity that no rule normalises ("the fourth straight month") is left out: a date
the warehouse cannot place is of no use to a reader of it.

A value that would step off the calendar (yesterday of 1 January of year 1, the year after
9999) is no value: the expression is kept unresolved, never an exception.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from newswire.extract.dates.calendar import _shift_month
from newswire.extract.dates.context import _Ctx, _direction
from newswire.extract.dates.handlers_calendar import _parse_calendar
from newswire.extract.dates.patterns import _month_pattern
from newswire.extract.dates.rules import RULES
from newswire.extract.dates.values import _day, _month, _quarter, _StoryRef, _Timex, _unresolved, _week, _year
from newswire.extract.dates.vocabulary import LETTER_FOLDS, PARTS_OF_DAY, TEMPORAL_WORDS
from newswire.extract.nlp import doc_text, sentences
from newswire.records import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NON_TEMPORAL_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC", "GPE", "LOC", "NORP"}
_ANY_MONTH = _month_pattern("")
# a month name next to a number: an explicit calendar date whatever its order
_EXPLICIT = re.compile(rf"(?:{_ANY_MONTH}\W*\d|\d\W*(?=[A-Z]){_ANY_MONTH})", re.IGNORECASE)
# a title of two or more capitalised words in quotation marks names a work, not a time: the
# programme "This Week With David Brinkley", the show "60 Minutes"
# "good evening" greets; it names no time
_GREETING = re.compile(r"\bgood\s+$", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"(?:[\"“]|``)(?:[A-Z0-9][\w'’]*\s+){1,5}[A-Z0-9][\w'’]*,?(?:[\"”]|'')")


def _off_calendar(compute: Callable[..., _Timex | None], *args: object) -> _Timex | None:
    """`compute(*args)`, or an unresolved date when the value it steps to is outside `date.min`..`date.max`."""
    try:
        return compute(*args)
    except OverflowError:
        return _unresolved()
    except ValueError as exc:
        if not _OFF_CALENDAR.search(str(exc)):
            raise
        return _unresolved()


# What `date` says of a year or ordinal past its range (`OverflowError` is the rest of the arithmetic's).
_OFF_CALENDAR = re.compile(r"^year -?\d+ is out of range|^ordinal must be >= 1")


def _kind_of_thing(doc: Doc, text: str, start: int, end: int) -> bool:
    """A part of the day that names no time: before a noun it names a kind of thing ("state
    TV's morning talk show", "the evening news"; not "the early morning hours"), and "good
    evening" greets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in PARTS_OF_DAY:
        return False
    tok = span[0]
    if _GREETING.search(text, max(0, start - 8), start):
        return True
    return tok.dep_ == "compound" and tok.head.lower_ not in TEMPORAL_WORDS


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    timex: _Timex
    priority: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"'“‘(["):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\"'”’)]"):
        end -= 1
    return start, end


def _normalise(
    text: str, start: int, end: int, doc: Doc, anchor: date | None, in_entity: bool, whole: bool
) -> list[_Candidate]:
    """Candidates in text[start:end]; with whole=True only one covering the whole range."""
    found: list[_Candidate] = []
    chunk = text[start:end]
    folded = chunk.translate(LETTER_FOLDS).lower()
    for priority, rule in enumerate(RULES):
        if not rule.may_match(chunk, folded):
            continue
        matches = [rule.pattern.fullmatch(chunk)] if whole else list(rule.finditer(chunk, folded))
        for m in matches:
            if m is None or not m.group(0).strip():
                continue
            s, e = start + m.start(), start + m.end()
            timex = _off_calendar(rule.handler, m, _Ctx(doc, text, s, e, anchor, in_entity))
            if timex is not None:
                found.append(_Candidate(s, e, timex, priority))
        if whole and found:
            break
    return found


_GRAIN = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 4}


def _parse_reference(base: _Timex, ref: _StoryRef, anchor: date | None) -> _Timex | None:
    """The expression ref describes, read against base, a date the story mentioned; None when
    base is too coarse for it (or, for a reported period, not a quarter that has begun)."""
    if base.resolved is None or base.precision not in _GRAIN or _GRAIN[base.precision] > _GRAIN[ref.unit]:
        return None
    if ref.reported and (base.precision != "quarter" or (anchor is not None and base.resolved > anchor)):
        return None
    d = base.resolved if ref.year is None else base.resolved.replace(year=ref.year)
    if ref.weekday is not None:
        return _day(d - timedelta(days=(d.weekday() - ref.weekday) % 7 or 7))
    if ref.unit == "day":
        return _day(d + timedelta(days=ref.shift), "TIME" if ref.clock else "DATE", ref.clock)
    if ref.unit == "week":
        return _week(d + timedelta(weeks=ref.shift))
    if ref.unit == "month":
        return _month(*_shift_month(d.year, d.month, ref.shift))
    if ref.unit == "quarter":
        y, mo = _shift_month(d.year, d.month, 3 * ref.shift)
        return _quarter(y, (mo - 1) // 3 + 1)
    return _year(d.year + ref.shift)


# A time of day reads against a day mentioned in its own sentence or the one before: further
# back, the story has usually moved on ("since May 6 ... the morning after the crash").
_CLOCK_SENTENCES = 1


# A period of several months that is not a quarter ("the nine months", "the first six months"):
# a results story that reports one compares it with the same months of the year before, and a
# "year-earlier" or "a year ago" right after it names that year, not the last quarter.
_SEVERAL_MONTHS = re.compile(r"P(?:[4-9]|1[01])M")
_PERIOD_SENTENCES = 1


def _several_months(timex: _Timex) -> bool:
    return timex.timex_type == "DURATION" and bool(_SEVERAL_MONTHS.fullmatch(timex.value or ""))


def _in_story(chosen: list[_Candidate], anchor: date | None, sentence_starts: list[int]) -> list[_Candidate]:
    """Expressions that read against the story's reference time take it from the last date
    mentioned before them that fits; without one they keep their value from the anchor, and one
    that has no value from the anchor either ("that day" with no day before it) is left out. A
    reported period a year back read just after a period of several months is that year."""
    read: list[_Candidate] = []
    mentioned: list[tuple[_Timex, int]] = []
    for c in chosen:
        ref = c.timex.story
        sentence = bisect_right(sentence_starts, c.start)
        if ref is None:
            mentioned.append((c.timex, sentence))
        else:
            nearest = sentence - _CLOCK_SENTENCES if ref.clock else 0
            found = (_off_calendar(_parse_reference, base, ref, anchor) for base, at in reversed(mentioned) if at >= nearest)
            timex = next((t for t in found if t is not None), None)
            if timex is not None and ref.reported and mentioned:
                last, at = mentioned[-1]
                if _several_months(last) and at >= sentence - _PERIOD_SENTENCES and timex.resolved is not None:
                    timex = _year(timex.resolved.year)
            if timex is not None:
                c = replace(c, timex=timex)
            elif c.timex.value is None:
                continue
        read.append(c)
    return read


def extract_dates(doc: Doc, article_id: str, published_at: date | None) -> list[DateMention]:
    """Temporal expressions of a parsed article, normalised against its publication date."""
    anchor = published_at.date() if isinstance(published_at, datetime) else published_at
    text = doc_text(doc)
    entities: list[tuple[int, int, str]] = []
    blocked: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            s, e = _trimmed(text, ent.start_char, ent.end_char)
            if s < e:
                entities.append((s, e, ent.label_))
        elif ent.label_ in _NON_TEMPORAL_LABELS:
            blocked.append((ent.start_char, ent.end_char))
    titles = [(m.start(), m.end()) for m in _QUOTED_TITLE.finditer(text)]
    blocked.extend(titles)

    candidates: list[_Candidate] = []
    for s, e, label in entities:
        if any(ts <= s and e <= te for ts, te in titles) or _kind_of_thing(doc, text, s, e):
            continue
        whole = _normalise(text, s, e, doc, anchor, True, True)
        if whole:
            candidates.extend(whole)
            continue
        parts = _normalise(text, s, e, doc, anchor, True, False)
        chunk = text[s:e]
        if not parts and label == "DATE" and _EXPLICIT.search(chunk):
            parsed = _off_calendar(_parse_calendar, chunk, anchor, _direction(_Ctx(doc, text, s, e, anchor, True)))
            parts = [_Candidate(s, e, parsed, len(RULES))] if parsed else []
        candidates.extend(parts)
    for c in _normalise(text, 0, len(text), doc, anchor, False, False):
        if not any(bs <= c.start and c.end <= be for bs, be in blocked):
            candidates.append(c)

    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _in_story(chosen, anchor, [sent.start_char for sent in sentences(doc)])
    return [
        DateMention(
            article_id=article_id,
            mention_text=text[c.start : c.end],
            start_char=c.start,
            end_char=c.end,
            timex_type=c.timex.timex_type,
            timex_value=c.timex.value,
            resolved_date=c.timex.resolved,
            precision=c.timex.precision,
        )
        for c in chosen
    ]
