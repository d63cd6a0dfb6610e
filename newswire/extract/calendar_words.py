"""The words of the calendar shared by the extractors: months, weekdays and units of time.

Read from the lexicons `months`, `weekdays` and `time_units`; every key is lower case. A month
is found by its full name or an abbreviation, with or without its full stop ("Sept." -> 9).
"""

from __future__ import annotations

from dataclasses import dataclass

from newswire.extract.lexicons import lexicon


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """A unit of time: its name ("fortnight"), its TimeML unit ("W"), whether TimeML writes it
    after the T of a duration (hours, minutes, seconds) and how many TimeML units one of it is."""

    name: str
    timeml: str
    clock: bool
    multiplier: int


MONTH_NAMES: dict[str, int] = {name: entry["number"] for name, entry in lexicon("months").items()}
MONTH_ABBREVIATIONS: dict[str, int] = {
    abbreviation: entry["number"] for entry in lexicon("months").values() for abbreviation in entry["abbreviations"]
}
MONTHS: dict[str, int] = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
WEEKDAYS: dict[str, int] = dict(lexicon("weekdays"))
TIME_UNITS: dict[str, TimeUnit] = {
    word: TimeUnit(name, entry["timeml"], entry["clock"], entry["multiplier"])
    for name, entry in lexicon("time_units").items()
    for word in entry["words"]
}


def month_number(word: str) -> int:
    """The number of the month `word` names or abbreviates, in any case; a KeyError for other words."""
    return MONTHS[word.lower().removesuffix(".")]


def time_unit(word: str) -> TimeUnit:
    """The unit of time `word` writes, in any case; a KeyError for other words."""
    return TIME_UNITS[word.lower()]
