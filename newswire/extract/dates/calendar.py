"""Calendar arithmetic of the date extractor: shifting months, weekdays and workdays, Easter,
the nth weekday of a month, holidays' date rules, and choosing which year a date without one
lies in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newswire.extract.calendar_words import MONTH_NAMES, WEEKDAYS
from newswire.extract.dates.tense import _FUTURE, _PAST

# News omits the year of a date in the story's own year: a date without one that lies within
# this many days of the story, in its year, is meant even when the tense points the other way
# ("had been set to expire Nov. 6" in a story of Nov. 2; "cut supplies in September" in August).
_SAME_YEAR_DAYS = 31


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


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
    """The weekday wd from the anchor: before it ("last"), after it ("next"), on or after it
    ("coming"), the nearer of the two ("nearest"), else on or before it."""
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mode == "last":
        return anchor - timedelta(days=back or 7)
    if mode == "next":
        return anchor + timedelta(days=ahead or 7)
    if mode == "coming":
        return anchor + timedelta(days=ahead)
    if mode == "nearest" and ahead < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


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


def _latest_decade(digit: int, anchor: date | None) -> int:
    """The first year of the latest decade ending in digit that has begun by the anchor ("'90s")."""
    if anchor is None:
        return (2000 if digit <= 2 else 1900) + 10 * digit
    start = anchor.year // 100 * 100 + 10 * digit
    return start if start <= anchor.year else start - 100


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


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    y, mo = _shift_month(year, month, 1)
    return _nth_weekday(y, mo, weekday, 1) - timedelta(days=7)


@dataclass(frozen=True, slots=True)
class HolidayRule:
    """When a holiday falls in a year: on a fixed `month` and `day`, on Easter Sunday (`easter`),
    or on the `nth` (-1: the last) `weekday` of `month`; then moved by `shift` days."""

    month: int = 0
    day: int = 0
    easter: bool = False
    nth: int = 0
    weekday: int = 0
    shift: int = 0

    def on(self, year: int) -> date:
        if self.easter:
            base = _easter(year)
        elif self.nth == -1:
            base = _last_weekday(year, self.month, self.weekday)
        elif self.nth:
            base = _nth_weekday(year, self.month, self.weekday, self.nth)
        else:
            base = date(year, self.month, self.day)
        return base + timedelta(days=self.shift)


_HOLIDAY_RULE = re.compile(
    r"(?:(?P<month>\d\d)-(?P<day>\d\d)|(?P<easter>easter)"
    r"|(?:(?P<nth>[1-4])(?:st|nd|rd|th)|(?P<last>last))\s+(?P<weekday>[a-z]+)\s+of\s+(?P<of>[a-z]+))"
    r"(?:\s*(?P<shift>[+-]\d+))?"
)


def parse_holiday_rule(text: str) -> HolidayRule:
    """A holiday's date rule: "12-25", "easter-2", "4th thursday of november", "last monday of
    may", "1st monday of november+1". A rule that does not date one day every year is a ValueError."""
    m = _HOLIDAY_RULE.fullmatch(text.strip().lower())
    if m is None:
        raise ValueError(f"{text!r} is not 'MM-DD', 'easter' or '<1st-4th|last> <weekday> of <month>', then '+N' or '-N' days")
    shift = int(m.group("shift") or 0)
    if m.group("easter"):
        return HolidayRule(easter=True, shift=shift)
    if m.group("month"):
        month, day = int(m.group("month")), int(m.group("day"))
        date(2001, month, day)  # a ValueError for a day that some years lack (02-29) or none has
        return HolidayRule(month=month, day=day, shift=shift)
    if m.group("weekday") not in WEEKDAYS or m.group("of") not in MONTH_NAMES:
        raise ValueError(f"{text!r} names no weekday or no month")
    nth = -1 if m.group("last") else int(m.group("nth"))
    return HolidayRule(nth=nth, weekday=WEEKDAYS[m.group("weekday")], month=MONTH_NAMES[m.group("of")], shift=shift)
