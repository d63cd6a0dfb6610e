"""Units: what an amount counts, read after it (or before it, for a currency sign).

Money is an ISO 4217 code (lexicon `currencies`: "$3bn", "40 million dollars", "$5 Canadian
dollars", "40 mln stg"); a percentage is ``percent``, ``percentage point`` or ``basis point``;
durations are a singular unit of time (``minute``, ``month``: the units of the lexicon
`durations`, their words from `time_units`) and measures a singular unit of measure (``km``,
``tonne``; lexicon `measures`), written after the number, against it ("5km") or joined to it
by a hyphen ("a 90-minute meeting"). Anything else counts a noun (`counted`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newswire.extract.calendar_words import TIME_UNITS
from newswire.extract.figures.amounts import DASHES, DIGITS_MEASURED, Amount
from newswire.extract.figures.categories import noun_category
from newswire.extract.figures.counted import Unit, parse_counted, plural_of, unit_text
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.lexicons import lexicon

_CURRENCIES = lexicon("currencies")
CURRENCY_SYMBOLS: dict[str, str] = dict(_CURRENCIES["symbols"])
_CURRENCY_WORDS: dict[str, str] = dict(_CURRENCIES["words"])
_DOLLAR_WORDS = frozenset(_CURRENCIES["dollar_words"])
# Adjectives that name whose dollars are meant.
_DOLLAR_COUNTRIES: dict[str, str] = dict(_CURRENCIES["dollar_countries"])
_PERCENT_WORDS = frozenset(lexicon("measures")["percent_words"])
_MEASURES: dict[str, str] = dict(lexicon("measures")["measures"])
DURATION_UNITS: tuple[str, ...] = tuple(lexicon("durations")["units"])
# A word of a unit of time -> the unit of the duration it writes ("hrs" -> "hour").
_DURATIONS = {
    word: unit.name
    for word, unit in TIME_UNITS.items()
    if unit.name in DURATION_UNITS and word not in lexicon("durations")["not_durations"]
}


@examples(
    Example("Congress approved $4.5 billion in aid.", "$4.5 billion", 4.5e9, "exact", "USD", "money"),
    Example("It raised US$20 million last week.", "US$20 million", 2e7, "exact", "USD", "money"),
    Example("A deal worth £13 billion was signed.", "£13 billion", 1.3e10, "exact", "GBP", "money"),
    Example("The state set aside Rs 500 crore for relief.", "Rs 500 crore", 5e9, "exact", "INR", "money"),
    Example("Films will retail for around $9.99 US dollars each.", "around $9.99 US dollars", 9.99,
            "approximate", "USD", "money"),
    Example("It costs $5 Canadian dollars.", "$5 Canadian dollars", 5, "exact", "CAD", "money"),
    Example("The fund raised 40 million dollars.", "40 million dollars", 4e7, "exact", "USD", "money"),
    Example("The ministry spent 2.5 billion shekels.", "2.5 billion shekels", 2.5e9, "exact", "ILS", "money"),
    Example("Net profit was 5.93 mln dlrs in the quarter.", "5.93 mln dlrs", 5.93e6, "exact", "USD", "money"),
    Example("Sales rose to 1.2 billion Canadian dlrs.", "1.2 billion Canadian dlrs", 1.2e9, "exact", "CAD",
            "money"),
    Example("The unit lost 40 mln stg last year.", "40 mln stg", 4e7, "exact", "GBP", "money"),
    Example("Prices rose 3 pct in March.", "3 pct", 3, "exact", "percent", "percent"),
    Example("Turnout was 40% in the capital.", "40%", 40, "exact", "percent", "percent"),
    Example("Sales grew 12 percent on the year.", "12 percent", 12, "exact", "percent", "percent"),
    Example("Unemployment fell 2.5 per cent.", "2.5 per cent", 2.5, "exact", "percent", "percent"),
    Example("About 40pc of voters are undecided.", "About 40pc", 40, "approximate", "percent", "percent"),
    Example("The Fed raised rates by 25 basis points.", "25 basis points", 25, "exact", "basis point",
            "percent"),
    Example("Support fell 3 percentage points.", "3 percentage points", 3, "exact", "percentage point",
            "percent"),
    Example("The talks lasted 48 hours.", "48 hours", 48, "exact", "hour", "duration"),
    Example("The war has gone on for more than six months.", "more than six months", 6, "at_least", "month",
            "duration"),
    Example("They spoke at the 90-minute meeting.", "90-minute", 90, "exact", "minute", "duration"),
    NoFigure("He left two years ago."),
    Example("Hezbollah's 5 km advance stalled.", "5 km", 5, "exact", "km", "other"),
    Example("A 6.1-magnitude aftershock followed.", "6.1-magnitude", 6.1, "exact", "magnitude", "other"),
    Example("The temperature hit 45 degrees.", "45 degrees", 45, "exact", "degree", "other"),
    Example("The headphones reach 120 dB at full volume.", "120 dB", 120, "exact", "dB", "other"),
    Example("The laptop has an 11.6-inch screen.", "11.6-inch", 11.6, "exact", "inch", "other"),
    Example("Users get 30GB of storage.", "30GB", 30, "exact", "GB", "other"),
    Example("A 10,000-strong force was deployed.", "10,000-strong force", 10_000, "exact", "force",
            "military_units"),
    Example("Israel has been fighting a two-front war.", "two-front war", 2, "exact", "fronts", "other"),
)
def parse_unit(doc: Doc, amount: Amount, j: int, currency: str | None) -> Unit | None:
    """What the number at tokens before j counts; None when it is an age or a past date."""
    n = len(doc)
    if currency is not None:
        word = doc[j].lower_ if j < n else ""
        if word in _DOLLAR_COUNTRIES and j + 1 < n and doc[j + 1].lower_ in _DOLLAR_WORDS:
            # "$9.99 US dollars", "$5 Canadian dollars": the words say whose dollars
            return Unit(_DOLLAR_COUNTRIES[word], j + 2, "money", None)
        end = j + 1 if word in _CURRENCY_WORDS else j
        return Unit(currency, end, "money", None)
    attached = DIGITS_MEASURED.match(doc[j - 1].lower_)
    if attached and attached.group(2) in _PERCENT_WORDS:
        return Unit("percent", j, "percent", None)
    if attached and attached.group(2) in _MEASURES:
        # "30GB", "5km": the unit is written against the number
        return Unit(_MEASURES[attached.group(2)], j, "other", None)
    if j >= n:
        return Unit(None, j, "other", None)
    word = doc[j].lower_
    following = doc[j + 1].lower_ if j + 1 < n else ""
    if word in _CURRENCY_WORDS and not (word in ("pound", "pounds") and following == "of"):
        return Unit(_CURRENCY_WORDS[word], j + 1, "money", None)
    if word in _DOLLAR_COUNTRIES and following in _DOLLAR_WORDS:
        return Unit(_DOLLAR_COUNTRIES[word], j + 2, "money", None)
    if word in _PERCENT_WORDS:
        return Unit("percent", j + 1, "percent", None)
    if word == "per" and following == "cent":
        return Unit("percent", j + 2, "percent", None)
    if word == "percentage" and following in ("point", "points"):
        return Unit("percentage point", j + 2, "percent", None)
    if word == "basis" and following in ("point", "points"):
        return Unit("basis point", j + 2, "percent", None)
    hyphen = word in DASHES and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    k = j + 1 if hyphen else j
    if k < n:
        noun = doc[k].lower_
        if noun in _DURATIONS:
            after = [t.lower_ for t in doc[k + 1:k + 3]]
            if after[:1] == ["ago"] or after == ["-", "old"]:
                return None
            return Unit(_DURATIONS[noun], k + 1, "duration", None)
        if noun in _MEASURES and (hyphen or doc[k].pos_ in ("NOUN", "PROPN", "NUM", "X")):
            return Unit(_MEASURES[noun], k + 1, "other", None)
        if hyphen and noun == "strong" and k + 1 < n and doc[k + 1].pos_ in ("NOUN", "PROPN"):
            # "a 10,000-strong force": the noun after counts its members
            return Unit(unit_text(doc[k + 1:k + 2]), k + 2, "other", k + 1)
        if hyphen and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            end = k + 1
            if end < n and doc[k].head.i == end and doc[end].pos_ in ("NOUN", "PROPN"):
                end += 1
            text = noun if amount.value == 1 else plural_of(noun)
            return Unit(text, end, noun_category(text), k)
    if hyphen:
        return Unit(None, j, "other", None)
    return parse_counted(doc, amount, j)
