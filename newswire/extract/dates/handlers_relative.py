"""Handlers of the rules that read a date from the story's own time: "last week", "three years
ago", "the following day", weekdays, "tonight", times of day; and of the rules for durations
("two decades", "a day-long meeting"), sets ("every week", "daily") and references ("now").

A handler reads its match (`re.Match` of its rule's pattern) and what `_Ctx` knows about it
and returns the TimeML value (`_Timex`), or None when the match is no temporal expression.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newswire.extract.calendar_words import month_number
from newswire.extract.dates.calendar import _infer_day, _shift_month, _weekday_date, _workdays_from
from newswire.extract.dates.context import _Ctx, _direction, _is_future
from newswire.extract.dates.patterns import _AMOUNT, _CLOCK_FIGURES, _NUM, _WD
from newswire.extract.dates.tense import _FUTURE, _PAST, _PRESENT
from newswire.extract.dates.values import (
    _YEAR_BACK,
    _century,
    _day,
    _decade,
    _duration_value,
    _month,
    _ref,
    _shifted,
    _StoryRef,
    _Timex,
    _unresolved,
    _week,
    _weekend,
    _year,
)
from newswire.extract.dates.vocabulary import (
    GENERIC_PRESENT,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    _g,
    _mode,
    _parse_number,
    _parse_unit,
    _parse_weekday,
    _step,
)
from newswire.extract.lexicons import alternation

_COUNT_BEFORE = re.compile(r"(?:[\d½]\s*|-)$")
# "$2 million a year", "four flights a week": a rate, once every unit of time (a SET), not a period
_RATE_BEFORE = re.compile(rf"{_AMOUNT}\s+$", re.IGNORECASE)
_STEP_AFTER = re.compile(r"\s+(?:later|after|before|earlier|ago|from\s+now)\b", re.IGNORECASE)

# "Islam will one day be ...", "hopes to one day run": an indefinite day ahead, not a period
_MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|could|can|should|shall|must|to)\s+$", re.IGNORECASE)

_WORKDAY_ADJ = {"trading", "business", "working"}

_YEAR_NUMBER = re.compile(r"(?:1[5-9]|20)\d\d")
_CLOCK_TIME = re.compile(_CLOCK_FIGURES)  # "0620 hrs" is a time of day
# "the last week of March", "the last week before the vote": a week of something, not of the story
_OF_SOMETHING = re.compile(r"\s+(?:of|before|in|ahead|leading|prior)\b", re.IGNORECASE)
_GENERIC = alternation(GENERIC_PRESENT)
# "today's children", "in today's global economy", "by today's standards"
_GENERIC_AFTER = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?(?:{_GENERIC})\b", re.IGNORECASE)
# "the world today", in the present tense; "the leaders of today" (not "as of today")
_GENERIC_BEFORE = re.compile(rf"\b(?:{_GENERIC})\s+$", re.IGNORECASE)
_OF_TODAY = re.compile(r"(?<!\bas)\s+of\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
# "at 7 a.m. (1100 GMT) on Sunday": the day after a time's conversion is its day
_DAY_AFTER_CONVERSION = re.compile(
    rf"\s*\([^()]{{1,24}}\)\s*,?\s*(?:on\s+)?(?:{_WD}|(?P<deic>today|yesterday|tomorrow))(?!\w)", re.IGNORECASE
)
# "the future of the euro", "the distant future of the planet": what becomes of something
_OF_SOMETHING_FUTURE = re.compile(r"\s+of\b", re.IGNORECASE)
# "Now, the company says ...": a sentence-opening "now" set off by a comma moves the discourse on,
# it names no time; "(every) now and then" is an idiom of frequency, not the present
_COMMA = re.compile(r"\s*,")
# a plural part of day shared by weekdays joined by "and": "Monday and Tuesday nights"
_SHARED_PLURAL_PART = re.compile(rf"\s+(?:and|or)\s+{_WD}\s+(?P<pod>{alternation(PARTS_OF_DAY)})s\b", re.IGNORECASE)
_COUNT_AFTER = re.compile(rf"\s+(?:{_NUM})\s", re.IGNORECASE)
_NOW_AND_THEN = re.compile(r"\s+and\s+(?:then|again)\b", re.IGNORECASE)
# a relative date and "and" or "or", whose unit a bare "next" after them shares ("this year and next")
_SHARED_UNIT = re.compile(r"\b(?:this|last|current)\s+(?:fiscal\s+)?(?P<unit>week|month|quarter|year)\s+(?:and|or)\s+$", re.IGNORECASE)
# "the current account (deficit)", "current-account": a term of the balance of payments
_ACCOUNT = re.compile(r"[\s-]+accounts?\b", re.IGNORECASE)


def _h_relative(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "mod").lower() == "the" and not _g(m, "pre"):
        return None
    if ctx.anchor is None:
        return _unresolved()
    return _shifted(ctx.anchor, _g(m, "unit").lower(), _step(_g(m, "mod")))


def _h_elided_next(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "next" that shares the unit of the relative date before it: "this year and next" is
    next year, "this week or next" next week."""
    shared = ctx.before(_SHARED_UNIT)
    if shared is None:
        return None
    if ctx.anchor is None:
        return _unresolved()
    return _shifted(ctx.anchor, shared["unit"].lower(), 1)


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "Three years ago", "two weeks from now": the date that far from publication. "Two days
    earlier" counts back from a moment of the story, not from publication: like "two days later"
    it is the duration, left to the duration rule; only "a year (a quarter) earlier" of a
    results story names a date, the period compared."""
    n = _parse_number(_g(m, "num"))
    code, clock, mult, _ = _parse_unit(_g(m, "unit"))
    if _g(m, "dir").lower() == "earlier" and code not in ("Y", "Q"):
        return None
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
    if _names_a_year(m) or (_g(m, "unit").lower() == "hrs" and _CLOCK_TIME.fullmatch(num)):
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
    if num.lower() == "one" and code == "D" and not plural and ctx.preceded_by(_MODAL_BEFORE):
        if not ctx.followed_by(_STEP_AFTER):
            return _ref("FUTURE_REF")
    n = _parse_number(num)
    if n is not None:
        n *= mult
        if _g(m, "half") or _g(m, "half2"):
            n += 0.5
    rate = num.lower() in ("a", "an") and ctx.preceded_by(_RATE_BEFORE) and not ctx.followed_by(_STEP_AFTER)
    return _Timex("SET" if rate else "DURATION", _duration_value(n, code, clock), None, None)


_CALENDAR_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
# "the following day", "the previous year": a step from the date the story last mentioned
_STORY_SHIFT = {"following": 1, "ensuing": 1, "previous": -1, "preceding": -1, "prior": -1}


def _h_story_step(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The day before", "the year after" (with nothing after them) and "later in the day": the
    date the story last mentioned, a unit back, on or at that grain; the publication date's when
    it mentioned none."""
    unit, shift = _g(m, "unit").lower(), {"before": -1, "after": 1}.get(_g(m, "ba").lower(), 0)
    near = _shifted(ctx.anchor, unit, shift) if ctx.anchor is not None else _unresolved()
    return replace(near, story=_StoryRef(unit, shift))


def _h_window(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _names_a_year(m):
        return None
    code, clock, mult, plural = _parse_unit(_g(m, "unit"))
    mod = _g(m, "mod").lower()
    unit = None if clock or plural or _g(m, "num") else _CALENDAR_UNITS.get(code)
    if unit and (mod in _STORY_SHIFT or (mod == "next" and unit == "day")):
        shift = _STORY_SHIFT.get(mod, 1)
        if _g(m, "unit").lower() == "night":  # "the previous night": the night of the day before
            night = f"T{PARTS_OF_DAY['night']}"
            near = _day(ctx.anchor + timedelta(days=shift), "TIME", night) if ctx.anchor is not None else _unresolved()
            return replace(near, story=_StoryRef("day", shift, clock=night))
        near = _shifted(ctx.anchor, unit, shift) if ctx.anchor is not None else _unresolved()
        return replace(near, story=_StoryRef(unit, shift))
    if not _g(m, "num"):
        if plural and mod == "coming":
            return _ref("FUTURE_REF")
        shift = {"past": -1, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(mod)
        # "the last decade" is the calendar decade before this one; "the past decade" the ten
        # years to now and "the next decade" the ten years ahead, durations; "the past week" is
        # last week, as "the past year" is last year, unless it is the last week of something
        calendar = code == "Y" or (code == "DE" and mod in ("last", "previous"))
        calendar = calendar or (code == "W" and shift == -1 and not ctx.followed_by(_OF_SOMETHING))
        if not plural and shift is not None and calendar:
            if ctx.anchor is None:
                return _unresolved()
            return _shifted(ctx.anchor, {"Y": "year", "DE": "decade", "W": "week"}[code], shift)
    if not _g(m, "num") and not plural and code == "D" and mod not in ("past", "coming"):
        return _unresolved()
    n = _parse_number(_g(m, "num")) if _g(m, "num") else (None if plural else 1.0)
    return _Timex("DURATION", _duration_value(None if n is None else n * mult, code, clock), None, None)


def _h_that(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "Later that day", "that year", "the same day": the date the story last mentioned, at that
    grain; unresolved when it mentioned none."""
    if not (ctx.in_entity or _g(m, "same") or m.group(0)[:1].lower() in ("e", "l")):
        return None
    return replace(_unresolved(), story=_StoryRef(_g(m, "unit").lower()))


def _h_day_of_count(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "Today is the eighth day of the strike", "it's the second day of the offensive": a day
    counted in something that is going on, said of the present, is the day of the story."""
    span = ctx.span()
    if span is None or ctx.anchor is None or not any(t.like_num for t in span):
        return None
    root = span.root
    be = root.head
    if root.dep_ != "attr" or be.lemma_ != "be" or be.tag_ not in ("VBZ", "VBP"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _TODAY_SUBJECTS for c in be.children):
        return None
    return _day(ctx.anchor)


# what a sentence that counts the days of something says is the day counted ("today is the third day")
_TODAY_SUBJECTS = frozenset({"today", "it", "this"})


def _h_story_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The next morning", "the previous evening": that part of the day after or before the day
    the story last mentioned; of the day after or before publication when it mentioned none."""
    shift = _STORY_SHIFT.get(_g(m, "mod").lower(), 1)
    clock = "T" + PARTS_OF_DAY[_g(m, "pod").lower()]
    near = _day(ctx.anchor + timedelta(days=shift), "TIME", clock) if ctx.anchor is not None else _unresolved("TIME")
    return replace(near, story=_StoryRef("day", shift, clock=clock))


def _weekday_mode(modifier: str, ctx: _Ctx) -> str:
    """How a weekday reads from the anchor: as its modifier says ("last Friday", "next Friday":
    a week on in a Friday story), else by the tense: on or after the anchor when future, the
    nearest when present, else on or before the anchor.

    News names the day itself by its weekday: "will meet on Friday" in a story of a Friday is
    later that day, since a Friday a week on would be "next Friday" or carry its date.
    """
    mode = _mode(modifier)
    if not mode or mode == "this":
        return {_FUTURE: "coming", _PRESENT: "nearest"}.get(ctx.tense(), "")
    return mode


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    wd = _parse_weekday(_g(m, "wd"))
    pod = _g(m, "pod")
    clock = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
    if _g(m, "pl") or _g(m, "pl2"):  # "Mondays", "Tuesday nights"
        return _Timex("SET", f"XXXX-WXX-{wd + 1}{clock}", None, None)
    shared = None if pod or _g(m, "mod") else ctx.after(_SHARED_PLURAL_PART)
    if shared:  # the "Monday" of "Monday and Tuesday nights"
        return _Timex("SET", f"XXXX-WXX-{wd + 1}T{PARTS_OF_DAY[shared.group('pod').lower()]}", None, None)
    timex_type = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return _unresolved(timex_type)
    d = _weekday_date(ctx.anchor, wd, _weekday_mode(_g(m, "mod"), ctx))
    if _g(m, "mod").lower() == "previous" and not clock:  # before the day the story speaks of
        return replace(_day(d), story=_StoryRef("day", weekday=wd))
    return _day(d, timex_type, clock)


def _h_the_weekend(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    if a.weekday() >= 5:
        return _weekend(a - timedelta(days=a.weekday() - 5))
    return _weekend(a + timedelta(days=5 - a.weekday(), weeks=-1 if not _is_future(ctx) else 0))


def _generic_today(ctx: _Ctx) -> bool:
    """A "today" that is the present in general, not the story's day: beside a noun of people or
    of an age ("today's children", "the world today" told in the present), or "of today"."""
    if ctx.followed_by(_POSSESSIVE):  # "the outcome of today's talks" is the story's day
        return ctx.followed_by(_GENERIC_AFTER)
    if ctx.preceded_by(_OF_TODAY):
        return True
    return ctx.preceded_by(_GENERIC_BEFORE) and ctx.tense() == _PRESENT


def _generic_tomorrow(ctx: _Ctx) -> bool:
    """A "tomorrow" that is the future in general, not the day after the story's: "the people of
    tomorrow", "tomorrow's children" (not "tomorrow's vote")."""
    if ctx.followed_by(_POSSESSIVE):
        return ctx.followed_by(_GENERIC_AFTER)
    return ctx.preceded_by(_OF_TODAY)


def _h_deictic(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    word = (_g(m, "day") or _g(m, "this") or _g(m, "day2")).lower()
    pod = _g(m, "pod") or _g(m, "pod2") or _g(m, "pod3")
    if word == "last" and (pod or "").lower() != "night":
        return None
    if m.group(0).lower() == "today" and _generic_today(ctx):
        return _ref("PRESENT_REF")
    if m.group(0).lower() == "tomorrow" and _generic_tomorrow(ctx):
        return _ref("FUTURE_REF")
    if ctx.anchor is None:
        return _unresolved("DATE" if word == "today" and not pod else "TIME")
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    d = ctx.anchor + timedelta(days=shift)
    if word == "tonight":
        return _day(d, "TIME", "TNI")
    if pod:
        return _day(d, "TIME", "T" + PARTS_OF_DAY[pod.lower()])
    return _day(d)


def _h_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not ctx.in_entity:
        return None
    if ctx.anchor is None:
        return _unresolved("TIME")
    return _time_of_story_day(ctx.anchor, "T" + PARTS_OF_DAY[_g(m, "pod").lower()])


def _time_of_story_day(anchor: date, clock: str) -> _Timex:
    """A time of day (`clock`, its `T` suffix) on the day the story last mentioned, else on anchor."""
    return replace(_day(anchor, "TIME", clock), story=_StoryRef("day", clock=clock))


def _h_clock(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """A time of day: "8 p.m.", "noon", or on the 24-hour clock with a time zone or a day
    ("19:45 GMT", "06:00 Monday"; with one digit for the hour only with a zone), or in four
    figures with a time zone, "hrs" or "local time" ("2100 EST", "0620 hrs", "0200 local time")."""
    if _g(m, "word"):
        hh, mm = (12, 0) if _g(m, "word").lower() == "noon" else (24, 0)
    elif _g(m, "h4"):
        hh, mm = int(_g(m, "h4")[:2]), int(_g(m, "h4")[2:])
    elif _g(m, "h24"):
        named_day = _g(m, "wd") or _g(m, "deic") or _g(m, "mon")
        if not (_g(m, "zone") or (named_day and len(_g(m, "h24")) == 2)):
            return None
        hh, mm = int(_g(m, "h24")), int(_g(m, "mi24"))
    else:
        hh, mm = int(_g(m, "h")), int(_g(m, "mi") or 0)
        if not 1 <= hh <= 12 or mm > 59:
            return None
        pm = _g(m, "ap").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    if ctx.anchor is None:
        return _unresolved("TIME")
    clock = f"T{hh:02d}:{mm:02d}" + ("Z" if _g(m, "zone") in ("GMT", "UTC") else "")  # ISO 8601 for UTC
    d = ctx.anchor
    weekday, deictic = _g(m, "wd"), _g(m, "deic")
    if not (weekday or deictic or _g(m, "mon")):
        converted = ctx.after(_DAY_AFTER_CONVERSION)
        if converted is not None:
            weekday, deictic = _g(converted, "wd"), _g(converted, "deic")
    if _g(m, "mon"):
        day = _infer_day(d, month_number(_g(m, "mon")), int(_g(m, "d")), _direction(ctx))
        if day is None:
            return None
        d = day
    elif weekday:  # a clock time sets a schedule: the coming day unless told in the past
        d = _weekday_date(d, _parse_weekday(weekday), "" if ctx.tense() == _PAST else "coming")
    elif deictic:
        d += timedelta(days={"yesterday": -1, "tomorrow": 1}.get(deictic.lower(), 0))
    else:
        return _time_of_story_day(d, clock)
    return _day(d, "TIME", clock)


def _h_ref(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "current"):  # "the current crisis", not "the current swept him away" or "the current account"
        span = ctx.span()
        if span is None or span.root.tag_ != "JJ" or ctx.followed_by(_ACCOUNT):
            return None
        return _ref("PAST_REF" if _g(m, "then") else "PRESENT_REF")  # "the then current price": a past present
    if _g(m, "stretch"):
        code, clock, _, _ = _parse_unit(_g(m, "stretch"))
        return _Timex("DURATION", _duration_value(None, code, clock), None, None)
    if _g(m, "present"):
        if m.group(0).lower() == "now" and (ctx.followed_by(_NOW_AND_THEN) or (ctx.opens_sentence() and ctx.followed_by(_COMMA))):
            return None
        return _ref("PRESENT_REF")
    if _g(m, "past"):
        if ctx.followed_by(_COUNT_AFTER):  # "the past three summers" counts periods; it is no bare past
            return None
        return _ref("PAST_REF")
    if ctx.followed_by(_OF_SOMETHING_FUTURE):  # "the future of the euro" is its fate, not a time
        return None
    if m.group(0).lower() == "soon" and _promised_in_the_past(ctx):
        return None
    return _ref("FUTURE_REF")


def _promised_in_the_past(ctx: _Ctx) -> bool:
    """"Soon" in what someone agreed or promised to do ("agreed to meet again soon", "promised in
    1990 to return soon"): it looks ahead from the promise, not from the story."""
    span = ctx.span()
    if span is None or span.root.dep_ != "advmod":
        return False
    verb = span.root.head
    return verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.tag_ == "VBD"


def _h_set(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if _g(m, "adv"):
        return _Timex("SET", SET_ADVERBS[_g(m, "adv").lower()], None, None)
    if _g(m, "wd"):
        return _Timex("SET", f"XXXX-WXX-{_parse_weekday(_g(m, 'wd')) + 1}", None, None)
    if _g(m, "season"):
        return _Timex("SET", f"XXXX-{SEASONS[_g(m, 'season').lower()][0]}", None, None)
    if _g(m, "mon"):
        return _Timex("SET", f"XXXX-{month_number(_g(m, 'mon')):02d}", None, None)
    if _g(m, "pod"):
        return _Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[_g(m, 'pod').lower()]}", None, None)
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
