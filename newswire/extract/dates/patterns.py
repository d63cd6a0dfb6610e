"""The building blocks of the rules' regular expressions, with the alternations of words built
from the lexicons (months, weekdays, seasons, parts of day, holidays, units of time, number
words, ordinals, decade words, set adverbs), and the words the rules' prefilters look for.

Month, weekday and holiday names match only as written (capitalised); every other word in any
case. The named groups (`mon`, `wd`, `season`, `pod`, `unit`, `hol`, ...) are what the handlers
read.
"""

from __future__ import annotations

import re

from newswire.extract.calendar_words import MONTH_ABBREVIATIONS, MONTH_NAMES, TIME_UNITS, WEEKDAYS
from newswire.extract.dates.vocabulary import (
    CENTURY_ORDINALS,
    DECADE_WORDS,
    HOLIDAYS,
    PARTS_OF_DAY,
    QUARTER_ORDINALS,
    SEASONS,
    SET_ADVERBS,
)
from newswire.extract.lexicons import alternation
from newswire.extract.numbers import ONES, TENS


def _rx(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$£€])(?:{body})(?!\w)", re.IGNORECASE)


def _group(name: str) -> str:
    """The opening of a group named `name`, or of a group without a name when `name` is empty."""
    return f"(?P<{name}>" if name else "(?:"


_MONTH_FORMS = (
    *(name.capitalize() for name in MONTH_NAMES),
    *(abbreviation.capitalize() + stop for abbreviation in MONTH_ABBREVIATIONS for stop in ("", ".")),
)


def _month_pattern(group: str) -> str:
    """A month by its name or abbreviation ("Sept.", "Sept", "Sep."), not followed by a letter."""
    return rf"(?-i:{_group(group)}{alternation(_MONTH_FORMS)}))(?![A-Za-z])"


def _part_of_day_pattern(group: str) -> str:
    return rf"{_group(group)}{alternation(PARTS_OF_DAY)})"


def _unit_pattern(group: str) -> str:
    """A unit of time; "quarter(s) of" is a fraction ("three quarters of the vote")."""
    return rf"{_group(group)}(?!quarters?\s+of\b)(?:{alternation(TIME_UNITS)}))"


_MON = _month_pattern("mon")
_WD = rf"(?-i:(?P<wd>{alternation(day.capitalize() for day in WEEKDAYS)}))"
_SEASON = rf"(?P<season>{alternation(SEASONS)})"
_POD = _part_of_day_pattern("pod")
_HOLIDAY_NAMES = alternation(HOLIDAYS).replace("'", "['’]")  # an apostrophe, straight or curly
_HOLIDAY = rf"(?-i:(?P<hol>{_HOLIDAY_NAMES}))"
_ONES_RE = alternation(ONES)
_TENS_RE = alternation(TENS)
_TEENS_RE = alternation(w for w, n in ONES.items() if n >= 10)
_WORD_NUM = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_ONES_RE})"
_NUM = (
    rf"(?:(?:{_WORD_NUM}|a|an|\d+)\s+(?:hundred|thousand)|\d+(?:\s+|-)?(?:1/2|½)"
    rf"|\d+(?:,\d{{3}})*(?:\.\d+)?|{_WORD_NUM}"
    r"|a\s+few|few|several|many|some|a\s+couple(?:\s+of)?|couple\s+of|dozens\s+of|hundreds\s+of"
    r"|thousands\s+of|a\s+number\s+of|a\s+dozen|half\s+an?|a|an)"
)
_UNIT = _unit_pattern("unit")
_SET_UNIT = _unit_pattern("u2")
_QUARTER_ORDINAL = alternation(QUARTER_ORDINALS)
_CENTURY_ORDINAL = alternation(CENTURY_ORDINALS).replace(re.escape(" "), r"[\s-]")
_DECADE_WORD = alternation(DECADE_WORDS)
_SET_ADVERB = alternation(SET_ADVERBS)
# the modifiers TimeML keeps in a duration's extent (its `mod`): not "just", "only" or "barely",
# which narrow the sentence's focus, nor "over", which is mostly the preposition ("over three years")
_APPROX = (
    r"(?:(?:more|less|fewer)\s+than|at\s+(?:least|most)|about|around|nearly|almost|roughly|approximately"
    r"|some|under|up\s+to|well\s+(?:over|under)|close\s+to|upwards\s+of)\s+"
)
# the approximations TimeML keeps in the extent of a point in time: "around 7 p.m.", "about Nov. 1"
_AROUND = r"(?:(?:around|about|approximately|roughly)\s+)"
# "a year or so", "the next two years or so", "a week or so ago": an approximate amount
_OR_SO = r"(?:\s+or\s+so\b)?"
_PART = r"(?P<pre>early|late|mid-?|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of)"
_MODIFIER = r"(?P<mod>this\s+past|this\s+coming|this|last|next|past|previous|coming|current)"
_NOT_AGE = r"(?![\s-]*olds?\b)"
# the units of "a three-year period", "a 30-day term": a unit before such a noun is singular
_PERIOD_UNITS = "year|month|week|day|hour|minute|decade"
# "a decades-long feud", "an hour-long speech": the article belongs to the noun, not the unit
_NOT_ARTICLE = r"(?!an?\s+\w+-(?:long|old)\b)"
# words between a number and its unit that leave the length as it is: "eight trading days"
_UNIT_ADJ = (
    r"(?:(?P<adj>trading|business|working|consecutive|straight|full|whole|additional|more|further|extra)\s+)?"
)
# an amount and what it counts, before "a year" or "a week" that makes it a rate: "$2 million a
# year", "four flights a week", "358,000 a month" (not "died within a week": no amount)
_AMOUNT = (
    rf"(?:[\d%]|\b(?:{_WORD_NUM}|hundred|thousand|million|billion|trillion|dozens?))"
    r"(?:\s+(?!(?:in|for|within|of|over|after|about|under|than|to|from|by|at|on|during|last|past|next)\b)[a-z]+)?"
)
# what may follow a time word that heads its phrase rather than modifying the noun after it:
# punctuation, the end, or a word of grammar ("in the autumn, when", not "the summer Olympics")
_FUNCTION_WORDS = (
    r"and|or|but|as|if|when|while|because|for|to|than|of|is|are|was|were|will|would|could|may|might"
    r"|should|the|a|an|it|its|they|we|he|she|in|on|at|with|after|before"
)
_ENDS_PHRASE = rf"(?:[^\w\s-]|\s*$|\s+(?:{_FUNCTION_WORDS})\b)"
_YEAR4 = r"(?P<year>(?:19|20)\d\d|2100)"
_ZONE = r"(?-i:[ECMP][SD]T|GMT|UTC)\b"  # the time zones news gives with a clock time
# a time on the 24-hour clock in four figures ("0620 hrs", "2100 EST"), not a count
_CLOCK_FIGURES = r"(?:[01]\d|2[0-3])[0-5]\d"
_SPELLED_YEAR = (
    rf"(?:eighteen|nineteen)[\s-]+(?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_TEENS_RE}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES_RE}))?"
)

# Prefilter words: every match of the rules that use the blocks above contains one of them.
_MONTH_WORDS = tuple(word.capitalize() for word in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
_WEEKDAY_WORDS = tuple(day.capitalize() for day in WEEKDAYS)
_SEASON_WORDS = tuple(SEASONS)
_PART_OF_DAY_WORDS = tuple(PARTS_OF_DAY)
_UNIT_WORDS = tuple(TIME_UNITS)
_HOLIDAY_WORDS = tuple(dict.fromkeys(name.split("'")[0] for name in HOLIDAYS))
