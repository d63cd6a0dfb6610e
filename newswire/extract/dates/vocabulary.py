"""The words of dates, read from the lexicons, and the small readers that turn a matched word
into what it means: a month, a weekday, a unit of time, a number, a relative modifier.

Months, weekdays and units of time come from `newswire.extract.calendar_words` and number words
from `newswire.extract.numbers`, which the figure extractor reads too; the other tables are the
date extractor's own lexicons. Every holiday's date rule is read when this module loads: a rule
that cannot be read is a `LexiconError` that names its holiday.
"""

from __future__ import annotations

import re

from newswire.extract.calendar_words import MONTH_NAMES, WEEKDAYS, time_unit
from newswire.extract.dates.calendar import HolidayRule, parse_holiday_rule
from newswire.extract.lexicons import LexiconError, lexicon
from newswire.extract.numbers import ONES, parse_number_words

# season -> (TimeML code, first month)
SEASONS: dict[str, tuple[str, int]] = {
    name: (entry["timeml"], entry["first_month"]) for name, entry in lexicon("seasons").items()
}
PARTS_OF_DAY: dict[str, str] = dict(lexicon("parts_of_day"))
SET_ADVERBS: dict[str, str] = dict(lexicon("set_adverbs"))
DECADE_WORDS: dict[str, int] = dict(lexicon("decade_words"))
QUARTER_ORDINALS: dict[str, int] = dict(lexicon("ordinals")["quarter"])
CENTURY_ORDINALS: dict[str, int] = dict(lexicon("ordinals")["century"])


def _read_holidays() -> dict[str, HolidayRule]:
    """Each holiday of the lexicon `holidays`, by its name, with its date rule read."""
    rules = {}
    for name, rule in lexicon("holidays").items():
        try:
            rules[name] = parse_holiday_rule(rule)
        except ValueError as exc:
            raise LexiconError(f"holidays: cannot read the date rule of {name!r}: {exc}") from exc
    return rules


HOLIDAYS: dict[str, HolidayRule] = _read_holidays()


def _read_temporal_words() -> frozenset[str]:
    """The words of the lexicon `temporal_words`, with the calendar words it takes from the others."""
    words = lexicon("temporal_words")
    plural = {*WEEKDAYS, *PARTS_OF_DAY}
    found = {*words["words"], *MONTH_NAMES, *SEASONS, *plural, *(w + "s" for w in plural)}
    return frozenset(found - set(words["except"]))


TEMPORAL_WORDS: frozenset[str] = _read_temporal_words()
# nouns beside which "today" is the present in general: "today's children", "the world today"
GENERIC_PRESENT: frozenset[str] = frozenset(lexicon("temporal_words")["generic_present"])

# The characters outside A-Z that a case-insensitive pattern takes for a letter a-z.
LETTER_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def _g(m: re.Match[str], name: str) -> str:
    """A named group's text; empty when the group is absent or did not take part."""
    return m.groupdict().get(name) or ""


def _parse_weekday(word: str) -> int:
    return WEEKDAYS[word.lower()]


def _holiday_rule(name: str) -> HolidayRule:
    """The date rule of the holiday a pattern matched, whichever apostrophe it is written with."""
    return HOLIDAYS[name.replace("’", "'")]


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
    return parse_number_words(t)


def _parse_spelled_year(text: str) -> int | None:
    """A year in words: "nineteen ninety-six", "nineteen hundred", "two thousand and one"."""
    words = re.sub(r"[\s-]+", " ", text.lower().replace(" and ", " ")).split()
    if words[:2] == ["two", "thousand"]:
        rest = _parse_number(" ".join(words[2:])) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    century = ONES.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return century * 100
    rest = _parse_number(" ".join(words[1:]))
    return None if rest is None or not 10 <= rest <= 99 else century * 100 + int(rest)


def _parse_unit(word: str) -> tuple[str, bool, int, bool]:
    """(TimeML unit, is clock unit, multiplier, plural) for a unit word."""
    w = word.translate(LETTER_FOLDS).lower()
    unit = time_unit(w)
    return unit.timeml, unit.clock, unit.multiplier, w.endswith(("s", "ies", "ia"))


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
