"""Handlers of the rules that name a date on the calendar: a day written out or in figures, a
month, a quarter, a half, a season, a year, a decade or century, a holiday, a results period.

A handler reads its match (`re.Match` of its rule's pattern) and what `_Ctx` knows about it
and returns the TimeML value (`_Timex`), or None when the match is no temporal expression.
dateparser reads explicit calendar dates in the forms the patterns leave to it (``26.03.2024``,
``2024/03/26``, ``26/03/2024``, or a date entity in an unusual order); the value, its precision
and everything relative stay with these handlers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from dateparser.date import DateDataParser

from newswire.extract.calendar_words import month_number
from newswire.extract.dates.calendar import _infer_day, _latest_decade, _near_years, _pick, _shift_month
from newswire.extract.dates.context import _Ctx, _direction, _is_future
from newswire.extract.dates.patterns import _ENDS_PHRASE
from newswire.extract.dates.tense import _FUTURE, _PAST, _PRESENT
from newswire.extract.dates.values import (
    _YEAR_BACK,
    _century,
    _day,
    _decade,
    _half,
    _month,
    _quarter,
    _season,
    _StoryRef,
    _Timex,
    _unresolved,
    _week,
    _year,
)
from newswire.extract.dates.vocabulary import (
    CENTURY_ORDINALS,
    DECADE_WORDS,
    QUARTER_ORDINALS,
    SEASONS,
    _g,
    _holiday_rule,
    _mode,
    _parse_spelled_year,
    _parse_weekday,
    _step,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# "will vote in the autumn", "through the winter": the season of the story, not "the summer Olympics"
_SEASON_PREP = re.compile(r"\b(?:in|during|by|until|till|through|throughout|over|since|before|after)\s+$", re.IGNORECASE)
_ENDS = re.compile(_ENDS_PHRASE, re.IGNORECASE)
_YEAR_PREP = re.compile(r"\b(?:in|since|of|until|by|from|during|to|through|before|after)\s+$", re.IGNORECASE)


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
    month, day = month_number(_g(m, "mon")), int(_g(m, "d"))
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
        wd = _parse_weekday(_g(m, "wd"))
        same = [d for d in near if d.weekday() == wd]
        if same:
            return min(same, key=lambda d: abs((d - a).days))
    return _infer_day(a, month, day, _direction(ctx))


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    return _month(int(_g(m, "year")), month_number(_g(m, "mon")))


def _h_month_rel_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _unresolved()
    return _month(ctx.anchor.year + _step(_g(m, "rel")), month_number(_g(m, "mon")))


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    mode = _mode(_g(m, "mod"))
    if not (mode or _g(m, "pre") or ctx.in_entity):
        return None
    if ctx.anchor is None:
        return _unresolved()
    month, a = month_number(_g(m, "mon")), ctx.anchor
    if mode == "last":
        year = a.year if month < a.month else a.year - 1
    elif mode == "next":
        year = a.year if month > a.month else a.year + 1
    elif mode == "this":
        year = a.year
    else:
        year = _year_of_month(month, a, ctx)
    return _month(year, month)


def _year_of_month(month: int, a: date, ctx: _Ctx) -> int:
    """The year of a month named without one: behind or ahead of the story as the tense says, else the nearest."""
    firsts = [date(a.year + k, month, 1) for k in (-1, 0, 1)]
    return (_pick(date(a.year, a.month, 1), firsts, _direction(ctx)) or firsts[1]).year


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _h_week_of_month(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The first week of April" is the week of 1 April; "the last week of March" the week of 31 March."""
    month = month_number(_g(m, "mon"))
    if _g(m, "year"):
        year = int(_g(m, "year"))
    elif ctx.anchor is None:
        return _unresolved()
    else:
        year = _year_of_month(month, ctx.anchor, ctx)
    n = _WEEK_ORDINALS.get(_g(m, "wo").lower())
    if n is None:  # last, final
        return _week(date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return _week(date(year, month, 1) + timedelta(weeks=n - 1))


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not (ctx.in_entity or _g(m, "pre") or _g(m, "fy") or ctx.preceded_by(_YEAR_PREP)):
        return None
    span = ctx.span()
    if span is not None and len(span) == 1 and _is_count(span[0]):
        return None
    return _year(int(_g(m, "year")))


def _is_count(tok: Token) -> bool:
    """A number modifying a bare plural noun ("1990 workers") counts things; it is no year."""
    head = tok.head
    return (
        tok.dep_ == "nummod"
        and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    n = int(_g(m, "n")) if _g(m, "n") else CENTURY_ORDINALS[re.sub(r"[\s-]+", " ", _g(m, "w").lower())]
    return _century(n - 1) if n >= 1 else None


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    q = QUARTER_ORDINALS[_g(m, "q").lower()] if _g(m, "q") else int(_g(m, "qn"))
    if _g(m, "ago") and ctx.anchor is not None:
        return _quarter(ctx.anchor.year - 1, q)
    if _g(m, "year") or _g(m, "after"):
        return _quarter(int(_g(m, "year") or _g(m, "after")), q)
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
    "the year-ago quarter" ("the quarter a year earlier", "last year's quarter") is the story's
    quarter a year earlier, by default the last completed one.
    "The latest period" a results story reports is the last quarter completed, whatever the tense."""
    ago = bool(_g(m, "ago") or _g(m, "back") or _g(m, "back2"))
    latest = bool(_g(m, "latest"))
    if not (ctx.in_entity or ago or latest):
        return None
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    y, mo = _shift_month(a.year, a.month, 0 if _is_future(ctx) and not (ago or latest) else -3)
    quarter = _quarter(y - ago, (mo - 1) // 3 + 1)
    return replace(quarter, story=_YEAR_BACK) if ago else quarter


def _h_year_back(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The year-ago period", "year-earlier (results)": the story's period a year earlier,
    by default the year before the anchor."""
    if ctx.anchor is None:
        return _unresolved()
    return replace(_year(ctx.anchor.year - 1), story=_YEAR_BACK)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    code, start = SEASONS[_g(m, "season").lower()]
    if _g(m, "year"):
        return _season(int(_g(m, "year")), code, start)
    mode = _mode(_g(m, "mod"))
    if not mode and not ctx.in_entity and not (_g(m, "the") and ctx.preceded_by(_SEASON_PREP) and ctx.followed_by(_ENDS)):
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


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    rule = _holiday_rule(_g(m, "hol"))
    if _g(m, "year"):
        return _day(rule.on(int(_g(m, "year"))))
    if ctx.anchor is None:
        return _unresolved()
    a = ctx.anchor
    d = _pick(a, [rule.on(a.year + k) for k in (-1, 0, 1)], _direction(ctx))
    return _day(d) if d else None


def _h_year_end(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "By year-end" is the end of the story's year, "since year-end" that of the year before,
    "year-end 1985" that of 1985: the year, as TimeML writes the end of one."""
    named = _g(m, "y1") or _g(m, "y2")
    if named:
        return _year(int(named))
    if ctx.anchor is None:
        return _unresolved()
    return _year(ctx.anchor.year - (1 if _direction(ctx) == _PAST else 0))


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    century, digit = _g(m, "c"), _g(m, "d")
    if century and digit:
        return _decade(int(century + digit + "0"))
    return _decade(_latest_decade(int(_g(m, "dd") or 0), ctx.anchor))


def _h_decade_words(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The nineties", "the late nineteen-sixties". Without a century, only inside a date
    entity and not told in the present or future: "temperatures will stay in the fifties"."""
    digit = DECADE_WORDS[(_g(m, "dw") or _g(m, "dw2")).lower()]
    if _g(m, "cw"):
        return _decade((1800 if _g(m, "cw").lower() == "eighteen" else 1900) + 10 * digit)
    if not ctx.in_entity or ctx.tense() in (_PRESENT, _FUTURE):
        return None
    return _decade(_latest_decade(digit, ctx.anchor))


def _h_year_ended(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The year ended Sept. 30": a fiscal year, named by its length and its last day."""
    return _Timex("DURATION", "P1Y", None, None)


def _h_year_period(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    """ "The 1988 period" of a results story: its quarter in that year, else the year."""
    year = int(_g(m, "year"))
    return replace(_year(year), story=_StoryRef("quarter", year=year, reported=True))


def _h_the_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if not ctx.in_entity:
        return None
    return _year(ctx.anchor.year) if ctx.anchor is not None else _unresolved()


def _h_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    year = _parse_spelled_year(_g(m, "sy"))
    if year is None:
        return None
    if _g(m, "mon"):
        return _month(year, month_number(_g(m, "mon")))
    if _g(m, "season"):
        code, start = SEASONS[_g(m, "season").lower()]
        return _season(year, code, start)
    if ctx.in_entity or _g(m, "ty") or ctx.preceded_by(_YEAR_PREP):
        return _year(year)
    return None
