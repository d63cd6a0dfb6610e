"""Temporal expressions: find them in a parsed article and normalise them to TimeML.

Candidates come from spaCy DATE/TIME entities and from the patterns below; each is
normalised against the document creation time (``published_at``). Relative
expressions that depend on tense (bare weekdays, month-day without a year, bare
months, seasons and quarters) use the governing verb from the dependency parse.
dateparser reads explicit calendar dates in the forms the patterns leave to it
(``26.03.2024``, ``2024/03/26``, ``26/03/2024``, or a date entity in an unusual order);
the TimeML value, its precision and everything relative stay with this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from dateparser.date import DateDataParser

from newswire.records import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PAST, _PRESENT, _FUTURE, _NONE = "past", "present", "future", "none"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
# unit word prefix -> (TimeML unit, is a clock unit, multiplier)
_UNITS = {
    "sec": ("S", True, 1), "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "weekend": ("WE", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "yr": ("Y", False, 1),
    "decade": ("DE", False, 1), "centur": ("CE", False, 1), "millenni": ("ML", False, 1),
}
_SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P1Q",
    "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M",
}
_FUTURE_AUX = {"will", "'ll", "ll", "shall", "wo", "may", "might"}
_FUTURE_LEX = {
    "due", "schedule", "set", "expect", "plan", "intend", "aim", "prepare", "poise", "slate",
    "hope", "promise", "vow", "pledge", "upcoming", "going", "agree", "decide", "order", "subpoena",
    "summon", "invite",
}
# verbs whose date is the time of what they arrange, so it lies ahead when they are active
# ("scheduled a news conference Thursday", "postponed the vote until Tuesday")
_ARRANGE = {"schedule", "reschedule", "plan", "slate", "postpone", "delay", "defer", "adjourn"}
_PAST_AUX = {"was", "were", "had", "did", "has", "have", "'ve", "been"}
_PERFECT_AUX = {"has", "have", "'ve"}
_MODAL_AUX = {"may", "might", "could", "should", "must", "would"}
# adjectives that schedule what they modify without saying whether it is past or future
_SCHEDULE_ADJ = {"payable", "effective", "due"}
_PRESENT_AUX = {"is", "are", "am", "'s", "'re", "'m", "does", "do"}
_NON_TEMPORAL_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC", "GPE", "LOC", "NORP"}

# --- regex building blocks -----------------------------------------------------------
_MON = (
    r"(?-i:(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June|Jun\.?|July|Jul\.?"
    r"|Aug(?:ust|\.)?|September|Sept?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))(?![A-Za-z])"
)
_WD = r"(?-i:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_POD = r"(?P<pod>morning|afternoon|evening|night)"
_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_WORD_NUM = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_ONES_RE})"
_NUM = (
    rf"(?:(?:{_WORD_NUM}|a|an|\d+)\s+(?:hundred|thousand)|\d+(?:\s+|-)?(?:1/2|½)"
    rf"|\d+(?:,\d{{3}})*(?:\.\d+)?|{_WORD_NUM}"
    r"|a\s+few|few|several|many|some|a\s+couple(?:\s+of)?|couple\s+of|dozens\s+of|hundreds\s+of"
    r"|thousands\s+of|a\s+number\s+of|a\s+dozen|half\s+an?|a|an)"
)
_UNIT = (
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weekends?|weeks?|fortnights?"
    r"|months?|quarters?(?!\s+of\b)|years?|yrs?|decades?|century|centuries|millennium|millennia)"
)
_APPROX = (
    r"(?:(?:more|less|fewer)\s+than|at\s+(?:least|most)|about|around|nearly|almost|roughly|approximately"
    r"|some|over|under|up\s+to|just|only|barely|well\s+(?:over|under)|close\s+to|upwards\s+of)\s+"
)
_PART = r"(?P<pre>early|late|mid-?|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of)"
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
# a deadline set in the past may still lie ahead: "extended the offer to Nov. 20", "until January"
_DEADLINE = re.compile(r"\b(?:until|till|through|by|to|before|ahead\s+of)\s+(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
# "as soon as Tuesday" looks ahead whatever the tense; "as early as" unless the verb is past
_AS_SOON_AS = re.compile(r"\bas\s+soon\s+as\s+$", re.IGNORECASE)
_AS_EARLY_AS = re.compile(r"\bas\s+early\s+as\s+$", re.IGNORECASE)
_YEAR_PREP = re.compile(r"\b(?:in|since|of|until|by|from|during|to|through|before|after)\s+$", re.IGNORECASE)
_NOT_AGE = r"(?![\s-]*olds?\b)"
# "a decades-long feud", "an hour-long speech": the article belongs to the noun, not the unit
_NOT_ARTICLE = r"(?!an?\s+\w+-(?:long|old)\b)"
_COUNT_BEFORE = re.compile(r"(?:[\d½]\s*|-)$")
# words between a number and its unit that leave the length as it is: "eight trading days"
_UNIT_ADJ = (
    r"(?:(?P<adj>trading|business|working|consecutive|straight|full|whole|additional|more|further|extra)\s+)?"
)
_WORKDAY_ADJ = {"trading", "business", "working"}
_YEAR_NUMBER = re.compile(r"(?:1[5-9]|20)\d\d")
_YEAR4 = r"(?P<year>(?:19|20)\d\d|2100)"


@dataclass(frozen=True, slots=True)
class _StoryRef:
    """How an expression reads against the story's reference time, the last date it mentioned:
    that date's `unit` moved by `shift` units, or put in `year`. A comparison with a year earlier
    ("a year ago", "the year-earlier period") reads against the last reported period, a quarter
    that has begun by the publication date (`reported`). A time of day without a day of its
    own ("at 10 p.m.", "the morning") is on the day last mentioned (`clock`: its `T` suffix)."""

    unit: str
    shift: int = 0
    year: int | None = None
    reported: bool = False
    clock: str = ""


_YEAR_BACK = _StoryRef("quarter", -4, reported=True)


@dataclass(frozen=True, slots=True)
class _Timex:
    timex_type: str
    value: str | None
    resolved: date | None
    precision: str | None
    story: _StoryRef | None = None  # read against the story's reference time when it has one


class _Ctx:
    """What a handler knows about a match: the anchor, entity context and (lazily) tense."""

    __slots__ = ("anchor", "in_entity", "_doc", "_text", "_start", "_end", "_tense")

    def __init__(self, doc: Doc, text: str, start: int, end: int, anchor: date | None, in_entity: bool) -> None:
        self.anchor = anchor
        self.in_entity = in_entity
        self._doc = doc
        self._text = text
        self._start = start
        self._end = end
        self._tense: str | None = None

    def span(self) -> Span | None:
        span = self._doc.char_span(self._start, self._end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def preceded_by(self, pattern: re.Pattern[str]) -> bool:
        """Whether the words just before the expression end with pattern."""
        return bool(pattern.search(self._text[max(0, self._start - 24) : self._start]))

    def tense(self) -> str:
        if self._tense is None:
            span = self.span()
            tense = _tense_of(span) if span is not None else _NONE
            if self.preceded_by(_AS_SOON_AS) or (tense != _PAST and self.preceded_by(_AS_EARLY_AS)):
                tense = _FUTURE
            self._tense = tense
        return self._tense


_Handler = Callable[[re.Match[str], _Ctx], "_Timex | None"]


# --- tense ---------------------------------------------------------------------------
def _tense_of(span: Span) -> str:
    """Tense of the verb that governs the span: past, present, future or none.

    A span that hangs on a noun under a present-tense verb ("the attack on Oct. 7 is ...")
    names an event, which news reports once it has happened: that counts as past.
    """
    tok = span.root
    via_noun = False
    for _ in range(16):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD":
            if _arranges(tok):
                return _FUTURE
            tense = _verb_tense(tok, 0)
            return _PAST if via_noun and tense == _PRESENT else tense
        via_noun = via_noun or (tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end)
        if tok.lemma_.lower() in ("upcoming", "next"):
            return _FUTURE
        if tok.lower_ in _SCHEDULE_ADJ:
            return _NONE
        if tok.head.i == tok.i:
            return _NONE
        tok = tok.head
    return _NONE


def _arranges(verb: Token) -> bool:
    """An active verb that arranges what the date times, not in the past perfect. With a
    clause of its own and nothing arranged ("planned to pay"), the date on the verb is when."""
    deps = {c.dep_ for c in verb.children}
    if verb.lemma_.lower() not in _ARRANGE or ("xcomp" in deps and "dobj" not in deps):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN":
        return bool(auxes & _PERFECT_AUX) and not auxes & {"been"}
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VB") and not auxes & {"had", "was", "were", "been", "be", "is", "are"}


def _verb_tense(verb: Token, depth: int) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & _MODAL_AUX and lowers & {"have", "'ve"}:  # "may have been", "could have met"
        return _PAST
    if lowers & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return _FUTURE
    if "would" in lowers:
        return _FUTURE
    tag = verb.tag_
    if ("to" in lowers or (tag == "VB" and verb.dep_ == "xcomp")) and depth < 3:
        head = verb.head
        if head.i == verb.i:
            return _NONE
        if head.lemma_.lower() in _FUTURE_LEX or head.lower_ in _FUTURE_LEX:
            had = any(t.lower_ == "had" for t in head.doc[max(head.i - 3, 0) : head.i])  # "had been due to"
            return _PAST if had else _FUTURE
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return _FUTURE
        return _verb_tense(head, depth + 1)
    if "did" in lowers:
        return _PAST
    if tag == "VBD":
        return _PAST
    if tag == "VBN":
        return _PRESENT if lowers & _PRESENT_AUX and not lowers & (_PAST_AUX | _PERFECT_AUX) else _PAST
    if tag == "VBG":
        if lowers & _PAST_AUX:
            return _PAST
        if lowers & _PRESENT_AUX:
            return _PRESENT
        head = verb.head
        if head.i != verb.i and depth < 3 and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head, depth + 1)
        return _NONE
    if tag in ("VBZ", "VBP"):
        return _PRESENT
    return _NONE


# --- value constructors --------------------------------------------------------------
def _day(d: date, timex_type: str = "DATE", suffix: str = "") -> _Timex:
    return _Timex(timex_type, d.isoformat() + suffix, d, "day")


def _week(d: date) -> _Timex:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _Timex("DATE", f"{iso[0]}-W{iso[1]:02d}", monday, "week")


def _month(year: int, month: int) -> _Timex:
    return _Timex("DATE", f"{year:04d}-{month:02d}", date(year, month, 1), "month")


def _year(year: int) -> _Timex:
    return _Timex("DATE", f"{year:04d}", date(year, 1, 1), "year")


def _quarter(year: int, q: int) -> _Timex:
    return _Timex("DATE", f"{year:04d}-Q{q}", date(year, 3 * q - 2, 1), "quarter")


def _half(year: int, half: int) -> _Timex:
    return _Timex("DATE", f"{year:04d}-H{half}", date(year, 6 * half - 5, 1), "half")


def _season(year: int, code: str, start_month: int) -> _Timex:
    return _Timex("DATE", f"{year:04d}-{code}", date(year, start_month, 1), "season")


def _decade(first_year: int) -> _Timex:
    return _Timex("DATE", f"{first_year // 10:03d}", date(max(first_year, 1), 1, 1), "decade")


def _century(index: int) -> _Timex:
    return _Timex("DATE", f"{index:02d}", date(max(index * 100, 1), 1, 1), "century")


def _weekend(saturday: date) -> _Timex:
    iso = saturday.isocalendar()
    return _Timex("DATE", f"{iso[0]}-W{iso[1]:02d}-WE", saturday, "week")


def _ref(value: str) -> _Timex:
    return _Timex("DATE", value, None, None)


def _unresolved(timex_type: str = "DATE") -> _Timex:
    return _Timex(timex_type, None, None, None)


# --- small parsers -------------------------------------------------------------------
def _g(m: re.Match[str], name: str) -> str:
    """A named group's text; empty when the group is absent or did not take part."""
    return m.groupdict().get(name) or ""


def _parse_month(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def _parse_number(text: str) -> float | None:
    """A number from digits or words; None when vague (several, a few, ...) or absent."""
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("a couple", "a couple of", "couple of"):
        return 2.0
    if t == "a dozen":
        return 12.0
    if t.startswith("half"):
        return 0.5
    half = re.fullmatch(r"(\d+) ?(?:1/2|½)", t)
    if half:
        return int(half.group(1)) + 0.5
    scale = re.fullmatch(r"(.+) (hundred|thousand)", t)
    if scale:
        base = _parse_number(scale.group(1))
        return None if base is None else base * (100 if scale.group(2) == "hundred" else 1000)
    parts = t.split()
    if parts and parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_ONES.get(parts[1], 0) if len(parts) > 1 else 0))
    if t in _ONES:
        return float(_ONES[t])
    return None


def _parse_unit(word: str) -> tuple[str, bool, int, bool]:
    """(TimeML unit, is clock unit, multiplier, plural) for a unit word."""
    w = word.lower()
    for prefix, (code, clock, mult) in _UNITS.items():
        if w.startswith(prefix):
            return code, clock, mult, w.endswith(("s", "ies", "ia"))
    raise KeyError(word)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_SMALLER = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "M": ("S", 60, True)}


def _duration_value(n: float | None, code: str, clock: bool) -> str:
    if n is None:
        return f"PTX{code}" if clock else f"PX{code}"
    if code in ("DE", "CE", "ML"):
        n, code = n * {"DE": 10, "CE": 100, "ML": 1000}[code], "Y"
    whole, part = int(n), n - int(n)
    key = code if not (code == "M" and not clock) else "Mo"
    if part and key in _SMALLER and (part * _SMALLER[key][1]).is_integer():
        small, per, small_clock = _SMALLER[key]
        rest = f"{int(part * per)}{small}"
        if not whole:
            return f"PT{rest}" if small_clock else f"P{rest}"
        if clock:
            return f"PT{whole}{code}{rest}"
        return f"P{whole}{code}T{rest}" if small_clock else f"P{whole}{code}{rest}"
    return f"PT{_fmt(n)}{code}" if clock else f"P{_fmt(n)}{code}"


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def _is_future(ctx: _Ctx) -> bool:
    return ctx.tense() == _FUTURE


def _direction(ctx: _Ctx) -> str:
    """Where a date without a year lies from the anchor: past, future, or nearest when the
    tense does not say (present, or no verb: "payable Dec. 7", "the rights expire Nov. 21")."""
    if ctx.preceded_by(_SINCE):
        return _PAST
    tense = ctx.tense()
    if tense == _PAST and ctx.preceded_by(_DEADLINE):
        return _NONE
    return tense if tense in (_PAST, _FUTURE) else _NONE


# News omits the year of a date in the story's own year: a date without one that lies within
# this many days of the story, in its year, is meant even when the tense points the other way
# ("had been set to expire Nov. 6" in a story of Nov. 2; "cut supplies in September" in August).
_SAME_YEAR_DAYS = 31


def _pick(anchor: date, candidates: list[date], direction: str) -> date | None:
    """The candidate on the side of the anchor that direction asks for, else the nearest; a
    candidate close by in the anchor's year wins over one in another year."""
    past = [d for d in candidates if d <= anchor]
    future = [d for d in candidates if d >= anchor]
    close = [d for d in candidates if d.year == anchor.year and abs((d - anchor).days) <= _SAME_YEAR_DAYS]
    if direction == _PAST and past:
        return max(past) if max(past).year == anchor.year or not close else close[0]
    if direction == _FUTURE and future:
        return min(future) if min(future).year == anchor.year or not close else close[-1]
    return min(candidates, key=lambda d: (abs((d - anchor).days), d), default=None)


def _near_years(anchor: date, month: int, day: int) -> list[date]:
    """month/day in the anchor's year and the years either side, where that day exists."""
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return found


def _infer_day(anchor: date, month: int, day: int, direction: str) -> date | None:
    """Month-day without a year: on or before the anchor when past, on or after it when future,
    else the nearest occurrence."""
    return _pick(anchor, _near_years(anchor, month, day), direction)


def _weekday_date(anchor: date, wd: int, mode: str) -> date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mode == "last":
        return anchor - timedelta(days=back or 7)
    if mode == "next":
        return anchor + timedelta(days=ahead or 7)
    if mode == "nearest" and ahead < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday(name: str, year: int) -> date:
    n = name.lower()
    if n.startswith("christmas eve"):
        return date(year, 12, 24)
    if n.startswith("christmas"):
        return date(year, 12, 25)
    if n.startswith("new year's eve"):
        return date(year, 12, 31)
    if n.startswith("new year"):
        return date(year, 1, 1)
    if n.startswith("halloween"):
        return date(year, 10, 31)
    if n.startswith("valentine"):
        return date(year, 2, 14)
    if n.startswith("easter"):
        return _easter(year)
    if n == "good friday":
        return _easter(year) - timedelta(days=2)
    if n == "election day":  # US: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if n == "memorial day":  # US: the last Monday of May
        return _nth_weekday(year, 6, 0, 1) - timedelta(days=7)
    if n == "labor day":  # US: the first Monday of September
        return _nth_weekday(year, 9, 0, 1)
    return _nth_weekday(year, 11, 3, 4)  # Thanksgiving, US: the fourth Thursday of November


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _mode(word: str) -> str:
    """last / next / this for a relative modifier; empty when there is none."""
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("last", "past", "previous", "this past"):
        return "last"
    if w in ("next", "coming", "this coming"):
        return "next"
    return "this" if w in ("this", "current", "the") else ""


def _step(word: str) -> int:
    """-1 for a modifier that looks back ("last", "past"), 1 for one that looks ahead, else 0."""
    return {"last": -1, "next": 1}.get(_mode(word), 0)


# --- handlers ------------------------------------------------------------------------
def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    try:
        return _day(date(int(_g(m, "year")), int(_g(m, "m")), int(_g(m, "d"))))
    except ValueError:
        return None


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    y = int(_g(m, "y"))
    y = y + (2000 if y < 50 else 1900) if y < 100 else y
    try:
        return _day(date(y, int(_g(m, "m")), int(_g(m, "d"))))
    except ValueError:
        return _h_calendar(m, ctx)


@lru_cache(maxsize=8)
def _date_parser(anchor: date | None, prefer: str, order: str) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": prefer, "DATE_ORDER": order}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor, time())
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_calendar(text: str, anchor: date | None, direction: str) -> _Timex | None:
    """An explicit calendar date read by dateparser, at the precision it was written with.

    Slashed dates are read month first as in US news unless the month would exceed 12;
    dotted and other numeric forms day first.
    """
    if anchor is None and not re.search(r"\d{4}", text):
        return None
    order = "MDY" if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", text) and int(text.split("/")[0]) <= 12 else "DMY"
    prefer = {_PAST: "past", _FUTURE: "future"}.get(direction, "current_period")
    data = _date_parser(anchor, prefer, order).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "day":
        return _day(d)
    if data.period == "month":
        return _month(d.year, d.month)
    if data.period == "year":
        return _year(d.year)
    return None


def _h_calendar(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    return _parse_calendar(m.group(0), ctx.anchor, _direction(ctx))


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """A day of a month; "the week of March 6" is that day's week, and "last Oct. 23" or
    "next May 1" is the nearest such day before or after the story whatever the tense."""
    if ctx.anchor is None and not _g(m, "year") and 1 <= int(_g(m, "d")) <= 31:
        return _unresolved()
    d = _month_day(m, ctx)
    if d is None:
        return None
    return _week(d) if _g(m, "wk") else _day(d)


def _month_day(m: re.Match[str], ctx: _Ctx) -> date | None:
    month, day = _parse_month(_g(m, "mon")), int(_g(m, "d"))
    if _g(m, "year"):
        try:
            return date(int(_g(m, "year")), month, day)
        except ValueError:
            return None
    if not 1 <= day <= 31 or ctx.anchor is None:
        return None
    a, near = ctx.anchor, _near_years(ctx.anchor, month, day)
    mode = _mode(_g(m, "mod"))
    if mode == "last":
        return max((d for d in near if d < a), default=None)
    if mode == "next":
        return min((d for d in near if d > a), default=None)
    if _g(m, "wd"):  # "Saturday, April 25": the year in which that day is a Saturday, if one is near
        wd = _WEEKDAYS[_g(m, "wd").lower()[:3]]
        same = [d for d in near if d.weekday() == wd]
        if same:
            return min(same, key=lambda d: abs((d - a).days))
    return _infer_day(a, month, day, _direction(ctx))


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    return _month(int(_g(m, "year")), _parse_month(_g(m, "mon")))


def _h_month_rel_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _unresolved()
    return _month(ctx.anchor.year + _step(_g(m, "rel")), _parse_month(_g(m, "mon")))


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    mode = _mode(_g(m, "mod"))
    if not (mode or _g(m, "pre") or ctx.in_entity):
        return None
    if ctx.anchor is None:
        return _unresolved()
    month, a = _parse_month(_g(m, "mon")), ctx.anchor
    if mode == "last":
        year = a.year if month < a.month else a.year - 1
    elif mode == "next":
        year = a.year if month > a.month else a.year + 1
    elif mode == "this":
        year = a.year
    else:
        firsts = [date(a.year + k, month, 1) for k in (-1, 0, 1)]
        year = (_pick(date(a.year, a.month, 1), firsts, _direction(ctx)) or firsts[1]).year
    return _month(year, month)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not (ctx.in_entity or _g(m, "pre") or _g(m, "fy") or ctx.preceded_by(_YEAR_PREP)):
        return None
    span = ctx.span()
    if span is not None and len(span) == 1 and _is_count(span[0]):
        return None
    return _year(int(_g(m, "year")))


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    words = {"nineteenth": 19, "twentieth": 20, "twenty first": 21}
    n = int(_g(m, "n")) if _g(m, "n") else words[re.sub(r"[\s-]+", " ", _g(m, "w").lower())]
    return _century(n - 1) if n >= 1 else None


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    q = _ORDINALS[_g(m, "q").lower()] if _g(m, "q") else int(_g(m, "qn"))
    if _g(m, "ago") and ctx.anchor is not None:
        return _quarter(ctx.anchor.year - 1, q)
    if _g(m, "year"):
        return _quarter(int(_g(m, "year")), q)
    if _g(m, "yy"):
        return _quarter(2000 + int(_g(m, "yy")), q)
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    current = (a.month - 1) // 3 + 1
    rel = _mode(_g(m, "rel"))
    if rel == "last":
        return _quarter(a.year - 1, q)
    if rel == "next":
        return _quarter(a.year + 1, q)
    if rel == "this":
        return _quarter(a.year, q)
    if _is_future(ctx):  # results of the quarter just ended are still reported in the future tense
        return _quarter(a.year if q >= current - 1 else a.year + 1, q)
    return _quarter(a.year if q <= current else a.year - 1, q)


def _h_half(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The second half of 1989", "the first two quarters of next year": a half-year."""
    half = 2 if (_g(m, "h") or _g(m, "h2")).lower() in ("second", "last", "latter", "back") else 1
    if _g(m, "year"):
        return _half(int(_g(m, "year")), half)
    if ctx.anchor is None:
        return _unresolved()
    return _half(ctx.anchor.year + _step(_g(m, "rel")), half)


def _h_reported_quarter(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The quarter" of a results story: the last one completed, unless the tense is future;
    "the year-ago quarter" is the story's quarter a year earlier, by default the last completed one."""
    ago = bool(_g(m, "ago"))
    if not (ctx.in_entity or ago):
        return None
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    y, mo = _shift_month(a.year, a.month, 0 if _is_future(ctx) and not ago else -3)
    quarter = _quarter(y - ago, (mo - 1) // 3 + 1)
    return replace(quarter, story=_YEAR_BACK) if ago else quarter


def _h_year_back(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The year-ago period", "year-earlier (results)": the story's period a year earlier,
    by default the year before the anchor."""
    if ctx.anchor is None:
        return _unresolved()
    return replace(_year(ctx.anchor.year - 1), story=_YEAR_BACK)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    code, start = _SEASONS[_g(m, "season").lower()]
    if _g(m, "year"):
        return _season(int(_g(m, "year")), code, start)
    mode = _mode(_g(m, "mod"))
    if not mode and not ctx.in_entity:
        return None
    if _g(m, "season").lower() == "fall" and not (mode or _g(m, "the")):
        return None
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    if re.fullmatch(r"this\s+past", _g(m, "mod").lower()):  # the latest such season that is over
        year = (a.year * 12 + a.month - 1 - (start + 2)) // 12
    elif mode == "last":
        year = a.year - 1
    elif mode == "next":
        year = a.year if start > a.month else a.year + 1
    elif mode == "this" or (start <= a.month < start + 3):
        year = a.year
    elif _is_future(ctx):
        year = a.year if start > a.month else a.year + 1
    else:
        year = a.year if start <= a.month else a.year - 1
    return _season(year, code, start)


def _h_relative(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "mod").lower() == "the" and not _g(m, "pre"):
        return None
    if ctx.anchor is None:
        return _unresolved()
    return _shifted(ctx.anchor, _g(m, "unit").lower(), _step(_g(m, "mod")))


def _shifted(a: date, unit: str, k: int) -> _Timex:
    """The calendar unit (day, week, weekend, month, quarter, year, decade, century) k units from a."""
    if unit == "day":
        return _day(a + timedelta(days=k))
    if unit == "week":
        return _week(a + timedelta(weeks=k))
    if unit == "weekend":
        return _weekend(a - timedelta(days=a.weekday()) + timedelta(days=5, weeks=k))
    if unit == "month":
        return _month(*_shift_month(a.year, a.month, k))
    if unit == "quarter":
        y, mo = _shift_month(a.year, a.month, 3 * k)
        return _quarter(y, (mo - 1) // 3 + 1)
    if unit == "year":
        return _year(a.year + k)
    if unit == "decade":
        return _decade((a.year // 10 + k) * 10)
    return _century(a.year // 100 + k)


def _workdays_from(a: date, k: int) -> date:
    """The day k weekdays after a (before it when k < 0)."""
    step = timedelta(days=1 if k > 0 else -1)
    if a.weekday() >= 5:  # from a weekend, count from the Friday before or the Monday after
        a += timedelta(days=4 - a.weekday() if k > 0 else 7 - a.weekday())
    d = a + 7 * (abs(k) // 5) * step
    for _ in range(abs(k) % 5):
        d += step
        while d.weekday() >= 5:
            d += step
    return d


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    n = _parse_number(_g(m, "num"))
    code, clock, mult, _ = _parse_unit(_g(m, "unit"))
    past = _g(m, "dir").lower() in ("ago", "earlier")
    if n is None:
        return _ref("PAST_REF" if past else "FUTURE_REF")
    if ctx.anchor is None or clock or n != int(n):
        return _unresolved()
    a, k = ctx.anchor, int(n) * mult * (-1 if past else 1)
    if code == "Y" and k == -1:
        return replace(_year(a.year - 1), story=_YEAR_BACK)
    try:
        if code == "D" and _g(m, "adj").lower() in _WORKDAY_ADJ:  # "five trading days ago"
            return _day(_workdays_from(a, k))
        if code == "D":
            return _day(a + timedelta(days=k))
        if code in ("W", "WE"):
            return _week(a + timedelta(weeks=k))
        if code == "M":
            return _month(*_shift_month(a.year, a.month, k))
        if code == "Q":
            return _month(*_shift_month(a.year, a.month, 3 * k))
        if code == "Y":
            return _year(a.year + k)
        if code == "DE":
            return _decade((a.year + 10 * k) // 10 * 10)
        return _century(a.year // 100 + k)
    except (ValueError, OverflowError):
        return None


def _names_a_year(m: re.Match[str]) -> bool:
    """ "The 1986 full year": a year before the unit's adjective, not a count."""
    return bool(_g(m, "adj")) and bool(_YEAR_NUMBER.fullmatch(_g(m, "num")))


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    code, clock, mult, plural = _parse_unit(_g(m, "unit"))
    num = _g(m, "num")
    if _names_a_year(m):
        return None
    lasting = _g(m, "lasting").lower()
    if lasting == "old" and num:  # "a 45-year-old": an age, not a period of the story
        return None
    if lasting and not num:  # "a day-long meeting", "a decades-long feud", "a week-old truce"
        if ctx.preceded_by(_COUNT_BEFORE):  # "the half-century-old law", "the 6-1/2 year-old war"
            return None
        num = "" if plural else "1"
    elif not num and not (plural and (ctx.in_entity or _g(m, "approx"))):
        return None
    if code in ("S", "Q") and num and num.lower() in ("a", "an"):  # "a second time", "fell by a quarter"
        return None
    n = _parse_number(num)
    if n is not None:
        n *= mult
        if _g(m, "half") or _g(m, "half2"):
            n += 0.5
    return _Timex("DURATION", _duration_value(n, code, clock), None, None)


_CALENDAR_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
# "the following day", "the previous year": a step from the date the story last mentioned
_STORY_SHIFT = {"following": 1, "ensuing": 1, "previous": -1, "preceding": -1, "prior": -1}


def _h_window(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _names_a_year(m):
        return None
    code, clock, mult, plural = _parse_unit(_g(m, "unit"))
    mod = _g(m, "mod").lower()
    unit = None if clock or plural or _g(m, "num") else _CALENDAR_UNITS.get(code)
    if unit and (mod in _STORY_SHIFT or (mod == "next" and unit == "day")):
        shift = _STORY_SHIFT.get(mod, 1)
        near = _shifted(ctx.anchor, unit, shift) if ctx.anchor is not None else _unresolved()
        return replace(near, story=_StoryRef(unit, shift))
    if not _g(m, "num"):
        if plural and mod == "coming":
            return _ref("FUTURE_REF")
        shift = {"past": -1, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(mod)
        # "the last decade" is the calendar decade before this one; "the past decade" the ten years to now
        if not plural and shift is not None and (code == "Y" or (code == "DE" and mod != "past")):
            if ctx.anchor is None:
                return _unresolved()
            return _shifted(ctx.anchor, "year" if code == "Y" else "decade", shift)
    if not _g(m, "num") and not plural and code == "D" and mod not in ("past", "coming"):
        return _unresolved()
    n = _parse_number(_g(m, "num")) if _g(m, "num") else (None if plural else 1.0)
    return _Timex("DURATION", _duration_value(None if n is None else n * mult, code, clock), None, None)


def _h_that(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "Later that day", "that year": the date the story last mentioned, at that grain; unresolved
    when it mentioned none."""
    if not (ctx.in_entity or m.group(0)[:1].lower() in ("e", "l")):
        return None
    return replace(_unresolved(), story=_StoryRef(_g(m, "unit").lower()))


def _weekday_mode(modifier: str, ctx: _Ctx) -> str:
    """How a weekday reads from the anchor: as its modifier says ("last Friday"), else by the
    tense: the next one when future, the nearest when present, else on or before the anchor."""
    mode = _mode(modifier)
    if not mode or mode == "this":
        return {_FUTURE: "next", _PRESENT: "nearest"}.get(ctx.tense(), "")
    return mode


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    wd = _WEEKDAYS[_g(m, "wd").lower()[:3]]
    pod = _g(m, "pod")
    clock = "T" + _PARTS_OF_DAY[pod.lower()] if pod else ""
    if _g(m, "pl") or _g(m, "pl2"):  # "Mondays", "Tuesday nights"
        return _Timex("SET", f"XXXX-WXX-{wd + 1}{clock}", None, None)
    timex_type = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return _unresolved(timex_type)
    d = _weekday_date(ctx.anchor, wd, _weekday_mode(_g(m, "mod"), ctx))
    return _day(d, timex_type, clock)


def _h_the_weekend(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    if a.weekday() >= 5:
        return _weekend(a - timedelta(days=a.weekday() - 5))
    return _weekend(a + timedelta(days=5 - a.weekday(), weeks=-1 if not _is_future(ctx) else 0))


def _h_the_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not ctx.in_entity:
        return None
    return _year(ctx.anchor.year) if ctx.anchor is not None else _unresolved()


def _h_year_ended(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The year ended Sept. 30": a fiscal year, named by its length and its last day."""
    return _Timex("DURATION", "P1Y", None, None)


def _h_year_period(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The 1988 period" of a results story: its quarter in that year, else the year."""
    year = int(_g(m, "year"))
    return replace(_year(year), story=_StoryRef("quarter", year=year, reported=True))


def _parse_spelled_year(text: str) -> int | None:
    """A year in words: "nineteen ninety-six", "nineteen hundred", "two thousand and one"."""
    words = re.sub(r"[\s-]+", " ", text.lower().replace(" and ", " ")).split()
    if words[:2] == ["two", "thousand"]:
        rest = _parse_number(" ".join(words[2:])) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    century = _ONES.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return century * 100
    rest = _parse_number(" ".join(words[1:]))
    return None if rest is None or not 10 <= rest <= 99 else century * 100 + int(rest)


def _h_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    year = _parse_spelled_year(_g(m, "sy"))
    if year is None:
        return None
    if _g(m, "mon"):
        return _month(year, _parse_month(_g(m, "mon")))
    if ctx.in_entity or _g(m, "ty") or ctx.preceded_by(_YEAR_PREP):
        return _year(year)
    return None


def _h_deictic(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    word = (_g(m, "day") or _g(m, "this") or _g(m, "day2")).lower()
    pod = _g(m, "pod") or _g(m, "pod2") or _g(m, "pod3")
    if word == "last" and (pod or "").lower() != "night":
        return None
    if ctx.anchor is None:
        return _unresolved("DATE" if word == "today" and not pod else "TIME")
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    d = ctx.anchor + timedelta(days=shift)
    if word == "tonight":
        return _day(d, "TIME", "TNI")
    if pod:
        return _day(d, "TIME", "T" + _PARTS_OF_DAY[pod.lower()])
    return _day(d)


def _h_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not ctx.in_entity:
        return None
    if ctx.anchor is None:
        return _unresolved("TIME")
    return _time_of_story_day(ctx.anchor, "T" + _PARTS_OF_DAY[_g(m, "pod").lower()])


def _time_of_story_day(anchor: date, clock: str) -> _Timex:
    """A time of day (`clock`, its `T` suffix) on the day the story last mentioned, else on anchor."""
    return replace(_day(anchor, "TIME", clock), story=_StoryRef("day", clock=clock))


def _h_clock(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "word"):
        hh, mm = (12, 0) if _g(m, "word").lower() == "noon" else (24, 0)
    else:
        hh, mm = int(_g(m, "h")), int(_g(m, "mi") or 0)
        if not 1 <= hh <= 12 or mm > 59:
            return None
        pm = _g(m, "ap").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    if ctx.anchor is None:
        return _unresolved("TIME")
    clock = f"T{hh:02d}:{mm:02d}"
    d = ctx.anchor
    if _g(m, "mon"):
        day = _infer_day(d, _parse_month(_g(m, "mon")), int(_g(m, "d")), _direction(ctx))
        if day is None:
            return None
        d = day
    elif _g(m, "wd"):
        d = _weekday_date(d, _WEEKDAYS[_g(m, "wd").lower()[:3]], _weekday_mode("", ctx))
    elif _g(m, "deic"):
        d += timedelta(days={"yesterday": -1, "tomorrow": 1}.get(_g(m, "deic").lower(), 0))
    else:
        return _time_of_story_day(d, clock)
    return _day(d, "TIME", clock)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    name = _g(m, "hol")
    if _g(m, "year"):
        return _day(_holiday(name, int(_g(m, "year"))))
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    d = _pick(a, [_holiday(name, a.year + k) for k in (-1, 0, 1)], _direction(ctx))
    return _day(d) if d else None


def _h_ref(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "present"):
        return _ref("PRESENT_REF")
    if _g(m, "past"):
        return _ref("PAST_REF")
    return _ref("FUTURE_REF")


def _h_set(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "adv"):
        return _Timex("SET", _SET_ADVERBS[_g(m, "adv").lower()], None, None)
    if _g(m, "wd"):
        return _Timex("SET", f"XXXX-WXX-{_WEEKDAYS[_g(m, 'wd').lower()[:3]] + 1}", None, None)
    if _g(m, "season"):
        return _Timex("SET", f"XXXX-{_SEASONS[_g(m, 'season').lower()][0]}", None, None)
    if _g(m, "mon"):
        return _Timex("SET", f"XXXX-{_parse_month(_g(m, 'mon')):02d}", None, None)
    if _g(m, "pod"):
        return _Timex("SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[_g(m, 'pod').lower()]}", None, None)
    if _g(m, "seas"):
        return _Timex("SET", "P1Y", None, None)
    if _g(m, "freq"):
        code, clock, mult, _ = _parse_unit(_g(m, "u2") or "")
        return _Timex("SET", _duration_value(float(mult), code, clock), None, None)
    code, clock, mult, _ = _parse_unit(_g(m, "unit") or "")
    n = (_parse_number(_g(m, "num")) or 1.0) if _g(m, "num") else 1.0
    n *= mult * (2 if _g(m, "other") else 1)
    return _Timex("SET", _duration_value(n, code, clock), None, None)


def _h_end_of(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _unresolved()
    a, unit = ctx.anchor, _g(m, "unit").lower()
    if unit == "week":
        return _week(a)
    if unit == "month":
        return _month(a.year, a.month)
    return _year(a.year)


def _h_year_end(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "By year-end" is the end of the story's year, "since year-end" that of the year before,
    "year-end 1985" that of 1985: the year, as TimeML writes the end of one."""
    named = _g(m, "y1") or _g(m, "y2")
    if named:
        return _year(int(named))
    if ctx.anchor is None:
        return _unresolved()
    return _year(ctx.anchor.year - (1 if _direction(ctx) == _PAST else 0))


def _is_count(tok: Token) -> bool:
    """A number modifying a bare plural noun ("1990 workers") counts things; it is no year."""
    head = tok.head
    return (
        tok.dep_ == "nummod"
        and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    century, digit = _g(m, "c"), _g(m, "d")
    if century and digit:
        return _decade(int(century + digit + "0"))
    return _decade(_latest_decade(int(_g(m, "dd") or 0), ctx.anchor))


def _h_decade_words(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The nineties", "the late nineteen-sixties". Without a century, only inside a date
    entity and not told in the present or future: "temperatures will stay in the fifties"."""
    digit = _DECADE_WORDS[(_g(m, "dw") or _g(m, "dw2")).lower()]
    if _g(m, "cw"):
        return _decade((1800 if _g(m, "cw").lower() == "eighteen" else 1900) + 10 * digit)
    if not ctx.in_entity or ctx.tense() in (_PRESENT, _FUTURE):
        return None
    return _decade(_latest_decade(digit, ctx.anchor))


def _latest_decade(digit: int, anchor: date | None) -> int:
    """The first year of the latest decade ending in digit that has begun by the anchor ("'90s")."""
    if anchor is None:
        return (2000 if digit <= 2 else 1900) + 10 * digit
    start = anchor.year // 100 * 100 + 10 * digit
    return start if start <= anchor.year else start - 100


# --- patterns (order = priority among candidates of equal length) -------------------
def _rx(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$£€])(?:{body})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern and its handler, with words one of which every match of the pattern contains:
    as written when `cased`, else case-folded. A text with none of them is not searched."""

    pattern: re.Pattern[str]
    handler: _Handler
    words: tuple[str, ...]
    cased: bool = False

    def may_match(self, text: str, folded: str) -> bool:
        within = text if self.cased else folded
        for word in self.words:
            if word in within:
                return True
        return False


# The characters outside A-Z that a case-insensitive pattern takes for a letter a-z.
_LETTER_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASON_WORDS = tuple(_SEASONS)
_UNIT_STEMS = (
    "sec", "min", "hour", "hr", "day", "night", "week", "month", "quarter", "year", "yr", "decade", "centur", "millenni",
)


_MODIFIER = r"(?P<mod>this\s+past|this\s+coming|this|last|next|past|previous|coming|current)"
_HOLIDAY = (
    r"(?-i:(?P<hol>Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|Halloween|Valentine['’]s Day"
    r"|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Good Friday|Election Day|Memorial Day|Labor Day))"
)
_TEENS_RE = "|".join(w for w, n in _ONES.items() if n >= 10)
_SPELLED_YEAR = (
    rf"(?:eighteen|nineteen)[\s-]+(?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_TEENS_RE}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES_RE}))?"
)
_SET_UNIT = _UNIT.replace("(?P<unit>", "(?P<u2>")

_PATTERNS: tuple[_Rule, ...] = (
    _Rule(_rx(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"), _h_iso, ("-",)),
    _Rule(_rx(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![/\d])"), _h_numeric, ("/",)),
    _Rule(
        _rx(rf"(?<![\d.])(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}}|\d{{1,2}}-{_MON}-\d{{4}})(?!\.\d)"),
        _h_calendar, (".", "/", "-"),
    ),
    _Rule(
        _rx(
            rf"(?:(?P<wk>(?:the\s+)?week\s+of)\s+|(?P<mod>last|next|this\s+past|this\s+coming)\s+)?"
            rf"(?:{_WD},?\s+)?{_MON}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{_YEAR4}(?!,?\d))?"
        ),
        _h_month_day, _MONTH_STEMS, True,
    ),
    _Rule(
        _rx(rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR4}(?!,?\d))?"),
        _h_month_day, _MONTH_STEMS, True,
    ),
    _Rule(_rx(rf"(?:{_PART}\s*)?{_MON}\s*,?\s*(?:of\s+)?{_YEAR4}(?!,?\d)"), _h_month_year, _MONTH_STEMS, True),
    _Rule(
        _rx(rf"(?:{_PART}\s*)?{_MON}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year"),
        _h_month_rel_year, _MONTH_STEMS, True,
    ),
    _Rule(
        _rx(rf"(?:{_PART}\s*)?(?:(?P<mod>this\s+past|this\s+coming|last|next|this)\s+)?{_MON}"),
        _h_month, _MONTH_STEMS, True,
    ),
    _Rule(
        _rx(
            r"(?:the\s+)?(?:(?P<h>first|second|last|latter|back)[\s-]+half|(?P<h2>first|last)\s+two\s+quarters)"
            rf"\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR4}(?!,?\d)|(?P<rel>this|last|next|the)\s+year(?![\s-]+(?:ago|earlier)\b|['’]))"
        ),
        _h_half, ("half", "quarters"),
    ),
    _Rule(
        _rx(
            rf"(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
            rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR4}(?!,?\d)|(?P<rel>this|last|next)\s+year))?"
        ),
        _h_quarter, ("quarter",),
    ),
    _Rule(
        _rx(
            rf"(?:the\s+)?(?:{_YEAR4}|(?P<rel>this|last|next)\s+year['’]s|(?:comparable\s+)?(?P<ago>year[\s-](?:ago|earlier)))"
            r"\s+(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
        ),
        _h_quarter, ("quarter",),
    ),
    _Rule(
        _rx(
            r"the\s+(?:(?:latest|most\s+recent|just[\s-]ended|comparable)\s+)?"
            r"(?:(?P<ago>year[\s-](?:ago|earlier))\s+)?quarter(?!['’]?s?\s+(?:of|ended|ending)\b)"
        ),
        _h_reported_quarter, ("quarter",),
    ),
    _Rule(
        _rx(
            r"the\s+(?:comparable\s+)?year[\s-](?:ago|earlier)\s+period"
            r"|year-(?:ago|earlier)(?!\s+(?:first|second|third|fourth|nine|six|three|twelve|\d)\b)"
        ),
        _h_year_back, ("ago", "earlier"),
    ),
    _Rule(
        _rx(rf"(?:{_YEAR4}\s+)?(?-i:Q)(?P<qn>[1-4])(?:\s*'(?P<yy>\d{{2}}))?"),
        _h_quarter, ("Q1", "Q2", "Q3", "Q4"), True,
    ),
    _Rule(
        _rx(rf"(?P<the>the\s+)?(?:(?:early|late|mid-?)\s*)?{_SEASON}\s+(?:of\s+)?{_YEAR4}(?!,?\d)"),
        _h_season, _SEASON_WORDS,
    ),
    _Rule(_rx(rf"(?P<the>the\s+)?(?:(?:early|late|mid-?)\s*)?(?:{_MODIFIER}\s+)?{_SEASON}"), _h_season, _SEASON_WORDS),
    _Rule(
        _rx(rf"(?:{_PART}\s*|(?P<fy>fiscal\s*|FY\s*))?{_YEAR4}(?!,?\d|-\d|\s*(?:%|percent))"),
        _h_year, ("19", "20", "2100"),
    ),
    _Rule(
        _rx(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0s|'(?P<dd>\d)0s)"),
        _h_decade, ("0s",),
    ),
    _Rule(
        _rx(
            rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<cw>eighteen|nineteen)[\s-]+(?P<dw>{'|'.join(_DECADE_WORDS)})"
            rf"|the\s+(?:(?:early|mid|late)[\s-]+)?(?P<dw2>{'|'.join(_DECADE_WORDS)})"
        ),
        _h_decade_words, ("ties",),
    ),
    _Rule(
        _rx(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)"
            r"|(?P<w>nineteenth|twentieth|twenty[\s-]first))[\s-]+century"
        ),
        _h_century, ("century",),
    ),
    _Rule(
        _rx(r"the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+(?P<unit>week|month|year)"),
        _h_end_of, ("end", "beginning", "start", "middle", "rest", "remainder"),
    ),
    _Rule(
        _rx(
            r"(?<!fiscal\s)(?<!calendar\s)(?:(?:the\s+)?year(?:\s+end|['’]s\s+end)(?![\w-])"
            r"|(?:(?P<y1>(?:19|20)\d\d)\s+)?year-end(?!-))(?:,?\s+(?P<y2>(?:19|20)\d\d)(?!,?\d))?"
        ),
        _h_year_end, ("end",),
    ),
    _Rule(
        _rx(rf"(?:{_PART}\s*)?{_MODIFIER}\s+(?P<unit>week|weekend|month|quarter|year|decade|century)"),
        _h_relative, ("week", "month", "quarter", "year", "decade", "century"),
    ),
    _Rule(
        _rx(rf"(?:{_APPROX})?(?P<num>{_NUM})[\s-]+{_UNIT_ADJ}{_UNIT}\s+(?P<dir>ago|earlier|from\s+now)"),
        _h_ago, ("ago", "earlier", "now"),
    ),
    _Rule(
        _rx(
            r"the\s+(?P<mod>past|last|next|coming|previous|preceding|prior|first|final|following|ensuing|recent)\s+"
            rf"(?:(?P<num>{_NUM})[\s-]+{_UNIT_ADJ})?{_UNIT}{_NOT_AGE}"
        ),
        _h_window, _UNIT_STEMS,
    ),
    _Rule(
        _rx(
            rf"(?P<approx>{_APPROX})?(?:{_NOT_ARTICLE}(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?[\s-]+{_UNIT_ADJ})?"
            rf"{_UNIT}(?:-(?P<lasting>long|old)\b|(?P<half2>\s+and\s+a\s+half)?{_NOT_AGE})"
        ),
        _h_duration, _UNIT_STEMS,
    ),
    _Rule(
        _rx(r"(?:(?:earlier|later)\s+(?:(?:in|on)\s+)?)?that\s+(?P<unit>day|week|month|quarter|year)"),
        _h_that, ("that",),
    ),
    _Rule(_rx(rf"(?:{_MODIFIER}\s+)?{_WD}(?P<pl>s)?(?:\s+{_POD}(?P<pl2>s)?)?"), _h_weekday, _WEEKDAY_NAMES, True),
    _Rule(
        _rx(
            rf"(?:(?:earlier|later|early|late)\s+)?(?:(?P<day>today|yesterday|tomorrow|tonight)(?:\s+{_POD})?"
            r"|(?P<this>this|last)\s+(?P<pod2>morning|afternoon|evening|night))"
        ),
        _h_deictic, ("today", "yesterday", "tomorrow", "tonight", *_PARTS_OF_DAY),
    ),
    _Rule(
        _rx(r"(?:(?:early|late|mid)[\s-]*)?(?P<pod3>morning|afternoon|evening|night)\s+(?P<day2>today|yesterday|tomorrow)"),
        _h_deictic, ("today", "yesterday", "tomorrow"),
    ),
    _Rule(_rx(rf"(?:the\s+)?{_POD}"), _h_part_of_day, tuple(_PARTS_OF_DAY)),
    _Rule(_rx(r"the\s+weekend"), _h_the_weekend, ("weekend",)),
    _Rule(_rx(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"), _h_year_ended, ("year",)),
    _Rule(_rx(rf"the\s+{_YEAR4}\s+(?:period|quarter)"), _h_year_period, ("period", "quarter")),
    _Rule(
        _rx(
            r"the\s+(?:(?:current|full|fiscal|calendar|whole|entire)\s+){0,2}year"
            r"(?!['’-]|\s+(?:\d|(?:end(?:ed|ing)|ago|earlier|before|after|later|to\s+date|of|in|when|that|two|nineteen)\b))"
        ),
        _h_the_year, ("year",),
    ),
    _Rule(
        _rx(rf"(?:{_MON}\s+(?:of\s+)?|(?P<ty>the\s+year\s+))?(?P<sy>{_SPELLED_YEAR})"),
        _h_spelled_year, ("eighteen", "nineteen", "thousand"),
    ),
    _Rule(
        _rx(
            r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)|(?P<word>noon|midnight))"
            r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC))?"
            rf"(?:,?\s+(?:on\s+)?(?:{_WD}|(?P<deic>today|yesterday|tomorrow)|{_MON}\s*(?P<d>\d{{1,2}})(?!\d)))?"
        ),
        _h_clock, ("am", "pm", "a.m.", "p.m.", "noon", "midnight"),
    ),
    _Rule(
        _rx(rf"{_HOLIDAY}(?:\s+{_YEAR4}(?!,?\d))?"),
        _h_holiday,
        ("Christmas", "New Year", "Halloween", "Valentine", "Thanksgiving", "Easter", "Good Friday", "Election Day",
         "Memorial Day", "Labor Day"),
        True,
    ),
    _Rule(
        _rx(
            r"(?P<present>(?:right\s+)?now(?!-)|currently|presently|nowadays|at\s+present|these\s+days"
            r"|the\s+present\s+day|at\s+the\s+moment)"
            r"|(?P<past>recently|lately|the\s+past|recent\s+(?:years|months|weeks|days|decades|times))"
            r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|coming\s+(?:days|weeks|months|years|quarters)"
            r"|future\s+(?:years|quarters))"
        ),
        _h_ref, ("now", "currently", "present", "days", "moment", "recent", "lately", "past", "future", "coming"),
    ),
    _Rule(
        _rx(
            rf"(?P<adv>{'|'.join(_SET_ADVERBS)})|(?:every|each|per)\s+(?:(?P<other>other)\s+)?"
            rf"(?:{_WD}|{_MON}|{_SEASON}|{_POD}|(?P<seas>season)|(?:(?P<num>{_NUM})\s+)?{_UNIT})"
            rf"|(?P<freq>once|twice|(?:\d+|{_ONES_RE})\s+times)\s+(?:a|an|per|each|every)\s+{_SET_UNIT}"
        ),
        _h_set, (*_SET_ADVERBS, "every", "each", "per", "once", "twice", "times"),
    ),
)
_TEMPORAL_WORD = re.compile(
    r"\b(?:days?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|seasons?|quarters?|mornings?|afternoons?"
    r"|evenings?|nights?|hours?|minutes?|times?|holidays?|eve|era|period|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?"
    r"|January|February|March|April|June|July|August|September|October|November|December|spring|summer|autumn"
    r"|winter|Ramadan|Eid|Hanukkah|Passover)\b",
    re.IGNORECASE,
)
# a month name next to a number: an explicit calendar date whatever its order
_EXPLICIT = re.compile(rf"(?:{_MON}\W*\d|\d\W*(?=[A-Z])(?:{_MON.replace('?P<mon>', '')}))", re.IGNORECASE)
# an age, read from a little before the entity: "the 6-1/2 year-old war", "a half-century-old law"
_AGE = re.compile(
    rf"(?:\d|\b{_WORD_NUM}|-)[\s-]*(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies))[\s-]*olds?\b"
    r"|\baged?\s+\d",
    re.IGNORECASE,
)
_AGE_LOOKBACK = 8


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    timex: _Timex
    rank: int  # 0 = normalised, 1 = temporal entity that no pattern normalises
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
    folded = chunk.translate(_LETTER_FOLDS).lower()
    for priority, rule in enumerate(_PATTERNS):
        if not rule.may_match(chunk, folded):
            continue
        matches = [rule.pattern.fullmatch(chunk)] if whole else list(rule.pattern.finditer(chunk))
        for m in matches:
            if m is None or not m.group(0).strip():
                continue
            s, e = start + m.start(), start + m.end()
            timex = rule.handler(m, _Ctx(doc, text, s, e, anchor, in_entity))
            if timex is not None:
                found.append(_Candidate(s, e, timex, 0, priority))
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


def _in_story(chosen: list[_Candidate], anchor: date | None, sentence_starts: list[int]) -> list[_Candidate]:
    """Expressions that read against the story's reference time take it from the last date
    mentioned before them that fits; without one they keep their value from the anchor."""
    read: list[_Candidate] = []
    mentioned: list[tuple[_Timex, int]] = []
    for c in chosen:
        ref = c.timex.story
        sentence = bisect_right(sentence_starts, c.start)
        if ref is None:
            mentioned.append((c.timex, sentence))
        else:
            nearest = sentence - _CLOCK_SENTENCES if ref.clock else 0
            found = (_parse_reference(base, ref, anchor) for base, at in reversed(mentioned) if at >= nearest)
            timex = next((t for t in found if t is not None), None)
            if timex is not None:
                c = replace(c, timex=timex)
        read.append(c)
    return read


def extract_dates(doc: Doc, article_id: str, published_at: date | None) -> list[DateMention]:
    """Temporal expressions of a parsed article, normalised against its publication date."""
    anchor = published_at.date() if isinstance(published_at, datetime) else published_at
    text = doc.text
    entities: list[tuple[int, int, str]] = []
    blocked: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            s, e = _trimmed(text, ent.start_char, ent.end_char)
            if s < e:
                entities.append((s, e, ent.label_))
        elif ent.label_ in _NON_TEMPORAL_LABELS:
            blocked.append((ent.start_char, ent.end_char))

    candidates: list[_Candidate] = []
    for s, e, label in entities:
        whole = _normalise(text, s, e, doc, anchor, True, True)
        if whole:
            candidates.extend(whole)
            continue
        parts = _normalise(text, s, e, doc, anchor, True, False)
        chunk = text[s:e]
        if not parts and label == "DATE" and _EXPLICIT.search(chunk):
            parsed = _parse_calendar(chunk, anchor, _direction(_Ctx(doc, text, s, e, anchor, True)))
            parts = [_Candidate(s, e, parsed, 0, len(_PATTERNS))] if parsed else []
        candidates.extend(parts)
        if _TEMPORAL_WORD.search(chunk) and not _AGE.search(text[max(0, s - _AGE_LOOKBACK) : e]):
            candidates.append(_Candidate(s, e, _unresolved(label), 1, len(_PATTERNS)))
    for c in _normalise(text, 0, len(text), doc, anchor, False, False):
        if not any(bs <= c.start and c.end <= be for bs, be in blocked):
            candidates.append(c)

    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.rank, -(c.end - c.start), c.priority, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _in_story(chosen, anchor, [sent.start_char for sent in doc.sents])
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
