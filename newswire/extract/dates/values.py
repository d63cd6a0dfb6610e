"""TimeML values: what a rule's handler returns (`_Timex`) and the builders of each kind of
value, a day, week, month, quarter, half, season, year, decade, century or weekend, a reference
("PAST_REF"), a duration ("P2Y6M"), and the calendar unit some steps from a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from newswire.extract.dates.calendar import _shift_month


@dataclass(frozen=True, slots=True)
class _StoryRef:
    """How an expression reads against the story's reference time, the last date it mentioned:
    that date's `unit` moved by `shift` units, or put in `year`. A comparison with a year earlier
    ("a year ago", "the year-earlier period") reads against the last reported period, a quarter
    that has begun by the publication date (`reported`). A time of day without a day of its
    own ("at 10 p.m.", "the morning") is on the day last mentioned (`clock`: its `T` suffix), and
    "the previous Friday" is the `weekday` (Monday 0) before it."""

    unit: str
    shift: int = 0
    year: int | None = None
    reported: bool = False
    clock: str = ""
    weekday: int | None = None


_YEAR_BACK = _StoryRef("quarter", -4, reported=True)


@dataclass(frozen=True, slots=True)
class _Timex:
    timex_type: str
    value: str | None
    resolved: date | None
    precision: str | None
    story: _StoryRef | None = None  # read against the story's reference time when it has one


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
