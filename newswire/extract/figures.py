"""Figures: the counts, amounts, shares and durations an article reports.

A figure is a number (written with digits, in words, as a fraction or as a vague amount),
the words that qualify it ("more than", "some", "up to") and what it counts: the noun the
number modifies ("over 32,000 Palestinians"), the noun after "of" ("dozens of hostages"),
a currency, a percent sign, a duration or a measure. Dates, times, ordinals, years, numbers
that are part of a name ("Boeing 737", "Big 12"), page numbers, phone numbers and scores are
not figures; a tally such as "14-0" is reported only where a vote is counted, as the votes of
the side named first (the winning side, by news convention). A small word number after a
definite determiner ("the two sides", "these three countries") refers back to a group already
named and is not a figure; "two Iranian proxy groups" is.

Values and bounds:

=========================  ===========  ===========  ==========  ===========
expression                 value        value_low    value_high  qualifier
=========================  ===========  ===========  ==========  ===========
"128 hostages"             128          128          128         exact
"some 1,200 people"        1200         1200         1200        approximate
"1,000 or more", "30+"     1000, 30     same         same        at_least
"20 people or so"          20           20           20          approximate
"15 to 22", "15-22"        15           15           22          range
"between 750,000 and       750000       750000       800000      range
800,000"
"no fatalities"            0            0            0           exact
"a pair of", "a couple"    2            2            2           exact / approximate
"a score of"               20           20           20          approximate
"a few", "a handful"       2            2            5           at_least
"several"                  3            3            9           at_least
"dozens"                   24           24           99          at_least
"scores"                   40           40           99          at_least
"hundreds"                 200          200          999         at_least
"thousands"                2000         2000         9999        at_least
"tens of thousands"        20000        20000        99999       at_least
"hundreds of thousands"    200000       200000       999999      at_least
"millions"                 2000000      2000000      9999999     at_least
"several hundred"          300          300          999         at_least
"a few thousand"           2000         2000         5999        at_least
"a third of", "half of"    0.3333, 0.5  same         same        approximate
"six in 10 Americans"      0.6          0.6          0.6         approximate
"passed 14-0", "a vote     14, 230      same         same        exact
of 230 to 196"
=========================  ===========  ===========  ==========  ===========

A plural amount word means at least two of what it names ("hundreds" >= 200) and less than
the next order of magnitude. An exact number has value_low == value_high == value; a range
or a vague amount has value == value_low. A fraction of a whole is a share, reported as a
proportion and, without an explicit qualifier, as approximate (news rounds proportions).

Units: money is an ISO 4217 code, percentages are ``percent``, durations and measures are a
singular unit (``minute``, ``month``, ``km``, ``tonne``); a person's age ("aged 55", "a
55-year-old", "Papermaster, 49,") is a measure in ``year``; otherwise the unit is the counted
noun as written, lower-cased unless it is a proper or national name ("Palestinians").

Categories (`CATEGORIES`), after GDELT's count types: killed, injured, hostages, displaced and
arrested for people, read from the counted noun ("fatalities", "refugees"), the words that
modify it ("displaced") and the verb that governs it ("killed 45 civilians"); weapons and
military_units from the kind of thing counted (missiles, battalions); money, percent,
duration, vote and share from the form of the figure; other for everything else, people
"affected" by an event included.

`figure_actors` links a figure to the actor it counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from newswire.records import QUALIFIERS, ActorMention, Figure, stable_id

CATEGORIES = (
    "killed", "injured", "hostages", "displaced", "arrested", "weapons", "money", "percent",
    "duration", "military_units", "vote", "share", "other",
)

_WORD_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_WORD_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Scale letters that count only when written against the number ("20m", "$3bn", "10k").
_ATTACHED_SCALES = {"m": 1e6, "k": 1e3, "b": 1e9, **_SCALES}
# Plural amount words: (lowest, highest) count they stand for, and the scale they multiply
# when followed by "of thousands" and the like.
_VAGUE = {
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9999999.0), "billions": (2e9, 9999999999.0),
}
_VAGUE_NEEDS_OF = {"scores", "tens"}
_VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Amount words that follow "a"/"an": value, (low, high) when vague, qualifier.
_A_AMOUNTS = {
    "few": (2.0, (2.0, 5.0), "at_least"),
    "handful": (2.0, (2.0, 5.0), "at_least"),
    "couple": (2.0, None, "approximate"),
    "score": (20.0, None, "approximate"),
    "pair": (2.0, None, "exact"),
}
_SEVERAL = (3.0, 9.0)
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "tenth": 10, "tenths": 10,
}
# Words a figure can start with, besides digits and hyphenated numbers and fractions: "no
# fatalities", "a dozen", "half of", "seven", "several hundred", "thousands".
_FIRST_WORDS = {"no", "a", "an", "half", "halves", "several", *_WORD_UNITS, *_WORD_TENS, *_SCALES, *_VAGUE}

# Qualifier phrases written before the number, longest first.
_QUALIFIER_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "more", "than"), "at_most"),
    (("not", "more", "than"), "at_most"),
    (("not", "less", "than"), "at_least"),
    (("a", "maximum", "of"), "at_most"),
    (("a", "minimum", "of"), "at_least"),
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("in", "excess", "of"), "at_least"),
    (("as", "many", "as"), "at_most"),
    (("as", "much", "as"), "at_most"),
    (("more", "than"), "at_least"),
    (("greater", "than"), "at_least"),
    (("at", "least"), "at_least"),
    (("upwards", "of"), "at_least"),
    (("upward", "of"), "at_least"),
    (("just", "over"), "at_least"),
    (("well", "over"), "at_least"),
    (("an", "estimated"), "approximate"),
    (("close", "to"), "approximate"),
    (("up", "to"), "at_most"),
    (("fewer", "than"), "at_most"),
    (("less", "than"), "at_most"),
    (("at", "most"), "at_most"),
    (("just", "under"), "at_most"),
    (("over",), "at_least"),
    (("some",), "approximate"),
    (("around",), "approximate"),
    (("about",), "approximate"),
    (("nearly",), "approximate"),
    (("almost",), "approximate"),
    (("roughly",), "approximate"),
    (("approximately",), "approximate"),
    (("estimated",), "approximate"),
    (("circa",), "approximate"),
    (("under",), "at_most"),
    (("above",), "at_least"),
    (("below",), "at_most"),
)

_LONGEST_QUALIFIER = max(len(words) for words, _ in _QUALIFIER_PHRASES)
_QUALIFIER_OF = dict(_QUALIFIER_PHRASES)

# Qualifiers written after the number: "1,000 or more", "20 or so", "40-plus", "50-odd".
_RIGHT_QUALIFIERS = {
    ("or", "more"): "at_least", ("or", "so"): "approximate", ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
}
_HYPHEN_QUALIFIERS = {"plus": "at_least", "odd": "approximate"}

_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS",
    "₹": "INR", "₽": "RUB", "rs": "INR", "rs.": "INR",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP",
    "yen": "JPY", "jpy": "JPY", "shekel": "ILS", "shekels": "ILS", "nis": "ILS", "ils": "ILS",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "rupee": "INR",
    "rupees": "INR", "inr": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "rub": "RUB", "franc": "CHF", "francs": "CHF", "chf": "CHF",
    "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "lira": "TRY",
    "liras": "TRY", "hryvnia": "UAH", "hryvnias": "UAH", "dlr": "USD", "dlrs": "USD",
    "stg": "GBP", "marks": "DEM", "guilders": "NLG", "lire": "ITL", "rand": "ZAR",
    "naira": "NGN", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "zloty": "PLN",
    "zlotys": "PLN", "forint": "HUF", "forints": "HUF",
}
_DOLLAR_WORDS = {"dollar", "dollars", "dlr", "dlrs"}
# Adjectives that name whose dollars are meant.
_DOLLAR_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "hong": "HKD", "new": "NZD", "singapore": "SGD", "taiwan": "TWD",
}
_PERCENT_WORDS = {"%": "percent", "percent": "percent", "pct": "percent", "pc": "percent"}
_DURATIONS = {
    "sec": "second", "secs": "second", "second": "second", "seconds": "second",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "decade": "decade", "decades": "decade",
}
DURATION_UNITS = tuple(dict.fromkeys(_DURATIONS.values()))
_MEASURES = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mile", "miles": "mile", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "cm": "cm", "mm": "mm", "ft": "ft", "foot": "ft", "feet": "ft",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "gram": "g", "grams": "g", "lb": "lb", "lbs": "lb", "tonne": "tonne",
    "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "barrel": "barrel", "barrels": "barrel",
    "bpd": "barrel per day", "litre": "litre", "litres": "litre", "liter": "litre",
    "liters": "litre", "gallon": "gallon", "gallons": "gallon", "acre": "acre",
    "acres": "acre", "hectare": "hectare", "hectares": "hectare", "mph": "mph", "kph": "kph",
    "km/h": "kph", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "kb": "KB", "mb": "MB",
    "gb": "GB", "tb": "TB", "mhz": "MHz", "ghz": "GHz", "magnitude": "magnitude",
    "degree": "degree", "degrees": "degree", "inch": "inch", "inches": "inch",
    "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "megabyte": "MB", "megabytes": "MB", "gigabyte": "GB", "gigabytes": "GB",
    "terabyte": "TB", "terabytes": "TB", "megapixel": "megapixel", "megapixels": "megapixel",
    "db": "dB", "decibel": "dB", "decibels": "dB",
}
# Words before a number that make it a label rather than a count ("page 12", "No. 5").
_LABEL_WORDS = {
    "page", "pages", "p.", "pp.", "no.", "nos.", "number", "chapter", "section", "article",
    "paragraph", "clause", "resolution", "flight", "route", "highway", "gate", "room",
    "platform", "exit", "row", "seat", "item", "figure", "fig.", "table", "verse", "episode",
    "season", "phase", "level", "grade", "version", "model", "category", "tier", "unit",
    "precinct", "district", "ward", "apt", "apartment", "suite", "box", "channel", "act",
}
_NAME_LABELS = {
    "PERSON", "ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP",
    "LANGUAGE",
}
_DATE_LABELS = {"DATE", "TIME"}
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_DASHES = {"-", "–", "—"}
# Nouns that, after "no", report a count of zero ("no fatalities").
_ZERO_NOUNS = {
    "fatalities", "fatality", "casualties", "casualty", "deaths", "death", "injuries",
    "injury", "dead", "victims",
}

# Category cues: the counted noun itself, the words that modify it and the verb governing it.
_CASUALTY_NOUNS = {
    "fatalities": "killed", "fatality": "killed", "deaths": "killed", "death": "killed",
    "dead": "killed", "casualties": "killed", "casualty": "killed", "bodies": "killed",
    "toll": "killed", "injuries": "injured", "injured": "injured", "wounded": "injured",
    "hostages": "hostages", "hostage": "hostages", "captives": "hostages",
    "captive": "hostages", "abductees": "hostages", "refugees": "displaced",
    "refugee": "displaced", "evacuees": "displaced", "displaced": "displaced",
    "refuge": "displaced", "shelters": "displaced", "detainees": "arrested",
    "detainee": "arrested", "prisoners": "arrested", "arrests": "arrested",
    "custody": "arrested",
}
_EVENT_LEMMAS = {
    "kill": "killed", "die": "killed", "slay": "killed", "perish": "killed",
    "murder": "killed", "execute": "killed", "massacre": "killed", "dead": "killed",
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "abduct": "hostages", "kidnap": "hostages", "flee": "displaced", "displace": "displaced",
    "evacuate": "displaced", "uproot": "displaced", "shelter": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
}
# Verbs that mean "keep as a hostage" when what they hold is a group of people.
_HOLDING_LEMMAS = {"hold", "keep", "take", "seize", "capture"}
# Adjectives that stand for the people they describe after a number ("33 million homeless").
_PEOPLE_ADJECTIVES = {
    "dead": "killed", "wounded": "injured", "injured": "injured", "homeless": "displaced",
    "missing": "other", "unaccounted": "other",
}
_PERSON_NOUNS = {
    "people", "persons", "person", "others", "civilians", "residents", "men", "women",
    "children", "israelis", "palestinians", "citizens", "nationals", "individuals",
    "hostages", "soldiers", "workers", "foreigners", "captives", "victims",
}
_UNIT_NOUNS = {
    "battalions": "military_units", "battalion": "military_units",
    "brigades": "military_units", "brigade": "military_units",
    "divisions": "military_units", "regiments": "military_units",
    "troops": "military_units", "soldiers": "military_units", "soldier": "military_units",
    "force": "military_units", "forces": "military_units",
    "fighters": "military_units", "fighter": "military_units", "militants": "military_units",
    "combatants": "military_units", "reservists": "military_units",
    "marines": "military_units", "personnel": "military_units", "squadrons": "military_units",
    "missiles": "weapons", "missile": "weapons", "rockets": "weapons", "rocket": "weapons",
    "drones": "weapons", "drone": "weapons", "shells": "weapons", "bombs": "weapons",
    "bomb": "weapons", "munitions": "weapons", "warheads": "weapons", "mortars": "weapons",
    "projectiles": "weapons", "interceptors": "weapons", "tanks": "weapons",
    "warships": "weapons", "destroyers": "weapons", "frigates": "weapons", "submarines": "weapons",
    "warplanes": "weapons", "gunships": "weapons", "howitzers": "weapons",
    "rifles": "weapons", "guns": "weapons", "grenades": "weapons", "landmines": "weapons",
    "bullets": "weapons", "weapons": "weapons",
}
_VOTE_LEMMAS = {"pass", "vote", "approve", "adopt", "reject", "ballot", "tally", "margin"}
_PATH_DEPS = {
    "dobj", "nsubj", "nsubjpass", "pobj", "prep", "conj", "appos", "attr", "agent", "dative",
    "oprd", "npadvmod", "nmod", "compound", "acomp", "nummod",
}

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_DIGITS_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(bn|bln|mn|mln|tn|m|k|b)$")
_DIGITS_MEASURED = re.compile(r"^(\d+(?:\.\d+)?)([a-z/]+)$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")
_PHONE = re.compile(r"(?<![\d,.])(?:\+?\d{1,3}[ .-])?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d,])")
# How every phone number ends: a text without it has none.
_PHONE_END = re.compile(r"\d{3}[ .-]\d{4}")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s?[ap]\.?m\b", re.I)


_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "ADV", "NUM"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}
_MAX_MODIFIERS = 8
# Nouns whose plural is written like the singular: "500 aircraft", "10,000 staff".
_INVARIANT_PLURALS = {
    "aircraft", "staff", "personnel", "police", "people", "cattle", "sheep", "fish", "deer",
    "livestock", "crew", "militia", "offspring", "series", "species", "spacecraft", "artillery",
    "infantry", "cavalry", "youth", "clergy",
}
_CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow", "ago", "year", "years", "month",
    "months", "week", "weeks", "day", "days", "century", "decade", "am", "pm", "a.m.", "p.m.",
    "morning", "evening", "night", "noon", "midnight", "hour", "hours", "minute", "minutes",
}
_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "our", "your", "my"}
# "the two sides", "these three countries": a small word number after a definite determiner
# names a group already introduced, it does not report a count.
_DEFINITE = {"the", "these", "those"}
_MAX_REFERENCE = 12
# Categories whose unit is a currency, a percent or a time unit, never a counted group.
_UNCOUNTED_CATEGORIES = {"money", "percent", "duration"}
_MAX_AGE = 120
# Nouns for a person whose age may follow in commas: "the driver, 34, was arrested".
_PERSON_LEMMAS = {
    "man", "woman", "boy", "girl", "child", "person", "mother", "father", "son", "daughter",
    "wife", "husband", "brother", "sister", "victim", "driver", "suspect", "officer",
    "soldier", "resident", "student", "teacher", "worker", "friend", "journalist",
}
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}


@dataclass(frozen=True, slots=True)
class _Amount:
    """A number read from the tokens [start, end)."""

    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str
    scale: float
    in_words: bool


@dataclass(frozen=True, slots=True)
class _Unit:
    """What an amount counts: unit text, the token after the figure, category, counted noun."""

    text: str | None
    end: int
    category: str
    head: int | None


def extract_figures(doc: Doc, article_id: str) -> list[Figure]:
    """Every figure in the article, sorted by start and none overlapping another."""
    table = doc.to_array([ORTH, LOWER, SPACY]).tolist()
    strings = doc.vocab.strings
    text = "".join([f"{strings[orth]} " if spaced else strings[orth] for orth, _, spaced in table])
    words = [strings[lower] for _, lower, _ in table]
    blocked = _parse_blocked_chars(text)
    figures: list[Figure] = []
    floor = 0
    i = 0
    while i < len(doc):
        found = _parse_figure(doc, i, floor, blocked) if _may_start(words[i]) else None
        if found is None:
            i += 1
            continue
        start, end, fields = found
        start_char = doc[start].idx
        end_char = doc[end - 1].idx + len(doc[end - 1])
        figures.append(
            Figure(
                figure_id=stable_id(article_id, start_char, end_char),
                article_id=article_id,
                mention_text=text[start_char:end_char],
                start_char=start_char,
                end_char=end_char,
                **fields,
            )
        )
        floor = i = end
    return figures


def figure_actors(
    figures: Sequence[Figure], actor_mentions: Sequence[ActorMention]
) -> dict[str, str]:
    """figure_id -> actor_id for the figures that count an actor: "32,000 Palestinians" counts
    the NORP actor Palestinians; "810,000 people" and "$3bn" count no actor.

    A figure's counted noun is its unit as written in its mention: the last whole-word,
    case-insensitive occurrence of `unit` in `mention_text` ("Palestinians" in "hundreds of
    thousands of displaced Palestinians"). Money, percentages and durations count no noun, nor
    does a figure whose unit is not written in its mention ("two-front war" counts "fronts").
    The figure links to the actor mention of the same article whose span is, contains or
    overlaps the counted noun; of several, the one sharing the most characters, then the
    earliest. A figure that links to nothing is left out.
    """
    links: dict[str, str] = {}
    for figure in figures:
        span = _parse_counted_chars(figure)
        if span is None:
            continue
        start, end = span
        overlapping = [
            (min(end, m.end_char) - max(start, m.start_char), -m.start_char, m.actor_id)
            for m in actor_mentions
            if m.article_id == figure.article_id and m.start_char < end and start < m.end_char
        ]
        if overlapping:
            links[figure.figure_id] = max(overlapping)[2]
    return links


def _parse_counted_chars(figure: Figure) -> tuple[int, int] | None:
    """Character span of the counted noun in the article, when the mention writes it."""
    if figure.unit is None or figure.category in _UNCOUNTED_CATEGORIES:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(figure.unit)}(?!\w)", re.IGNORECASE)
    found = list(pattern.finditer(figure.mention_text))
    if not found:
        return None
    return figure.start_char + found[-1].start(), figure.start_char + found[-1].end()


def _may_start(word: str) -> bool:
    """Whether a figure can start at a token written `word` (lower case): digits, a number or
    fraction in words, an amount word, "a"/"an" before one, or "no" before a casualty noun."""
    if word in _FIRST_WORDS or word[:1].isdigit():
        return True
    return "-" in word and (_parse_word_number(word) is not None or word.partition("-")[2] in _FRACTIONS)


def _parse_blocked_chars(text: str) -> list[tuple[int, int]]:
    """Character ranges of phone numbers and clock times: never part of a figure."""
    patterns = (_PHONE, _CLOCK) if _PHONE_END.search(text) else (_CLOCK,)
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def _parse_figure(
    doc: Doc, i: int, floor: int, blocked: list[tuple[int, int]]
) -> tuple[int, int, dict[str, float | str | None]] | None:
    """The figure whose number starts at token i: (first token, end token, Figure fields)."""
    if doc[i].lower_ == "no":
        return _parse_zero(doc, i)
    fraction = _parse_fraction(doc, i)
    if fraction is not None and _parse_scaled_fraction(doc, i) is None:
        start, qualifier, _ = _parse_left(doc, fraction.start, floor)
        share = _parse_of_phrase(doc, fraction.end)
        if share is None:
            return None
        value = round(fraction.value, 4)
        fields = _fields(value, value, value, qualifier or fraction.qualifier, share.text, "share")
        return _checked_span(doc, start, share.end, fields)
    amount = _parse_amount(doc, i)
    if amount is None or _is_blocked(doc, amount, blocked):
        return None
    start, qualifier, currency = _parse_left(doc, amount.start, floor)
    if _is_label(doc, start, amount) or (start > 0 and doc[start - 1].lower_ == "per"):
        # "per 100,000 people" is the base of a rate, not a count
        return None
    vote = _is_vote(doc, amount)
    tally = _parse_tally(doc, amount, vote)
    if tally is not None:
        first, second, end = tally
        if vote:
            return _checked_span(doc, amount.start, end,
                                 _fields(first, first, first, "exact", "votes", "vote"))
        if second <= first:
            return None
    ratio = _parse_ratio(doc, amount)
    if ratio is not None:
        value, whole = ratio
        counted = _parse_counted(doc, whole, whole.end)
        return _checked_span(doc, start, counted.end, _fields(
            value, value, value, qualifier or "approximate", counted.text, "share"))
    low, high, end = amount.low, amount.high, amount.end
    ranged = _parse_range_end(doc, amount, start)
    if ranged is not None:
        low, second, start = ranged
        high, end, qualifier = second.high, second.end, "range"
    after = _parse_right_qualifier(doc, end)
    if after is not None and amount.qualifier == "exact" and qualifier != "range":
        end, qualifier = end + after[0], qualifier or after[1]
    age_end = None if currency is not None else _parse_age(doc, amount, start, end)
    if age_end is not None:
        fields = _fields(low, low, high, qualifier or amount.qualifier, "year", "other")
        return _checked_span(doc, start, age_end, fields)
    unit = _parse_unit(doc, amount, end, currency)
    if unit is None or not _is_figure(doc, amount, unit) or _is_reference(doc, amount, start, unit):
        return None
    category = unit.category
    if category == "other":
        category = _parse_category(doc, amount.end - 1 if unit.head is None else unit.head)
    if unit.text is None and not _is_bare_figure(doc, amount, start, category):
        return None
    end = unit.end
    after = _parse_right_qualifier(doc, end) if unit.text is not None else None
    if after is not None and amount.qualifier == "exact" and qualifier != "range":
        end, qualifier = end + after[0], qualifier or after[1]
    qualifier = qualifier or amount.qualifier
    fields = _fields(low, low, high, qualifier, unit.text, category)
    return _checked_span(doc, start, end, fields)


def _parse_right_qualifier(doc: Doc, j: int) -> tuple[int, str] | None:
    """A qualifier written after the number or its noun, from token j: "1,000 or more",
    "20 people or so", "40-plus", "50-odd", "30+": (tokens it takes, qualifier)."""
    words = tuple(t.lower_ for t in doc[j:j + 2])
    if len(words) == 2 and words in _RIGHT_QUALIFIERS:
        return 2, _RIGHT_QUALIFIERS[words]
    if j == 0 or j >= len(doc) or doc[j - 1].whitespace_:
        return None
    if doc[j].text == "+":
        return 1, "at_least"
    attached = doc[j].text in _DASHES and not doc[j].whitespace_ and len(words) == 2
    if attached and words[1] in _HYPHEN_QUALIFIERS:
        return 2, _HYPHEN_QUALIFIERS[words[1]]
    return None


def _fields(
    value: float, low: float, high: float, qualifier: str, unit: str | None, category: str
) -> dict[str, float | str | None]:
    assert qualifier in QUALIFIERS and category in CATEGORIES
    return {
        "value": _clean(value), "value_low": _clean(low), "value_high": _clean(high),
        "qualifier": qualifier, "unit": unit, "category": category,
    }


def _clean(number: float) -> float:
    """Without binary noise: 5.93 * 1e6 is 5930000.0, not 5930000.000000001."""
    return float(f"{number:.10g}")


def _checked_span(
    doc: Doc, start: int, end: int, fields: dict[str, float | str | None]
) -> tuple[int, int, dict[str, float | str | None]] | None:
    """The figure, unless it runs into masked text or across a line break."""
    tokens = doc[start:end]
    if any(t.is_space for t in tokens) or any("\n" in t.whitespace_ for t in tokens[:-1]):
        return None
    return start, end, fields


def _is_blocked(doc: Doc, amount: _Amount, blocked: list[tuple[int, int]]) -> bool:
    lo = doc[amount.start].idx
    hi = doc[amount.end - 1].idx + len(doc[amount.end - 1])
    return any(s < hi and lo < e for s, e in blocked)


def _parse_zero(doc: Doc, i: int) -> tuple[int, int, dict[str, float | str | None]] | None:
    """ "no fatalities", "no reported casualties": a count of zero."""
    j = i + 1
    while j < min(len(doc), i + 3) and doc[j].pos_ == "ADJ" and doc[j].lower_ not in _ZERO_NOUNS:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in _ZERO_NOUNS:
        return None
    noun = doc[j].lower_
    fields = _fields(0.0, 0.0, 0.0, "exact", noun, _CASUALTY_NOUNS[noun])
    return _checked_span(doc, i, j + 1, fields)


def _parse_fraction(doc: Doc, i: int) -> _Amount | None:
    """ "a third of", "two-thirds of", "half of": the fraction up to (not including) "of"."""
    n = len(doc)
    tok = doc[i]
    if tok.ent_type_ in _DATE_LABELS:
        return None
    if tok.lower_ in ("half", "halves"):
        numerator, j = 1.0, i
    elif "-" in tok.lower_ and tok.lower_.split("-", 1)[1] in _FRACTIONS:
        head, _, tail = tok.lower_.partition("-")
        count = _parse_word_number(head) if head not in ("a", "one") else 1.0
        if count is None:
            return None
        return _fraction_amount(doc, i, i + 1, count, tail)
    else:
        count = 1.0 if tok.lower_ in ("a", "an", "one") else _parse_word_number(tok.lower_)
        if count is None or i + 1 >= n:
            return None
        j = i + 1
        if doc[j].text == "-" and j + 1 < n:
            j += 1
        numerator = count
    if j >= n or doc[j].lower_ not in _FRACTIONS:
        return None
    if doc[j].lower_.endswith("s") != (numerator > 1) and doc[j].lower_ not in ("half",):
        return None
    return _fraction_amount(doc, i, j + 1, numerator, doc[j].lower_)


def _fraction_amount(doc: Doc, start: int, end: int, numerator: float, word: str) -> _Amount | None:
    """The fraction "numerator / word" read from [start, end), when "of" follows it."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    value = numerator / _FRACTIONS[word]
    return _Amount(start, end, value, value, value, "approximate", 1.0, True)


def _parse_scaled_fraction(doc: Doc, i: int) -> _Amount | None:
    """ "half a million", "a quarter of a million", "half a dozen": a fraction of a scale."""
    n = len(doc)
    if doc[i].lower_ == "half" and i + 1 < n and doc[i + 1].lower_ in ("a", "an"):
        factor, k = 0.5, i + 1
    else:
        fraction = _parse_fraction(doc, i)
        if fraction is None:
            return None
        factor, k = fraction.value, fraction.end + 1
    if k + 1 >= n or doc[k].lower_ not in ("a", "an") or doc[k + 1].lower_ not in _SCALES:
        return None
    scale = _SCALES[doc[k + 1].lower_]
    value = float(round(factor * scale))
    return _Amount(i, k + 2, value, value, value, "exact", scale, True)


def _parse_word_number(word: str) -> float | None:
    """ "seven" -> 7, "twenty-five" -> 25."""
    if word in _WORD_UNITS:
        return float(_WORD_UNITS[word])
    if word in _WORD_TENS:
        return float(_WORD_TENS[word])
    tens, _, units = word.partition("-")
    if tens in _WORD_TENS and units in _WORD_UNITS and 0 < _WORD_UNITS[units] < 10:
        return float(_WORD_TENS[tens] + _WORD_UNITS[units])
    return None


def _parse_numeral(tok: Token) -> tuple[str, float, float] | None:
    """One token of a number: ("digits" | "word", value, value), ("scale", factor, factor)
    or ("vague", lowest, highest)."""
    text = tok.lower_
    match = _DIGITS.match(text)
    if match:
        value = float(text.replace(",", ""))
        return "digits", value, value
    match = _DIGITS_SCALED.match(text)
    if match:
        value = float(match.group(1)) * _ATTACHED_SCALES[match.group(2)]
        return "digits", value, value
    match = _DIGITS_MEASURED.match(text)
    if match and (match.group(2) in _MEASURES or match.group(2) in _PERCENT_WORDS):
        value = float(match.group(1))
        return "digits", value, value
    word = _parse_word_number(text)
    if word is not None:
        return "word", word, word
    if text in _SCALES:
        return "scale", _SCALES[text], _SCALES[text]
    if text in _VAGUE:
        return ("vague", *_VAGUE[text])
    if text == "several":
        return ("vague", *_SEVERAL)
    return None


def _is_numeral_token(tok: Token) -> bool:
    return _parse_numeral(tok) is not None or bool(_DIGIT_RANGE.match(tok.text))


def _parse_amount(doc: Doc, i: int, continued: bool = False) -> _Amount | None:
    """The number that starts at token i ("1.2 million", "hundreds of thousands", "a dozen")."""
    n = len(doc)
    tok = doc[i]
    if not continued and i > 0:
        prev = doc[i - 1]
        if _is_numeral_token(prev) and prev.pos_ == "NUM":
            return None
        after_dash = prev.text in _DASHES and not prev.whitespace_
        if after_dash and i > 1 and _is_numeral_token(doc[i - 2]):
            return None
    scaled = _parse_scaled_fraction(doc, i)
    if scaled is not None:
        return scaled
    single = _DIGIT_RANGE.match(tok.text)
    if single:
        low, high = (float(g.replace(",", "")) for g in single.groups())
        return _Amount(i, i + 1, low, low, high, "range" if high > low else "exact", 1.0, False)
    items: list[tuple[str, float, float]] = []
    qualifier = "exact"
    j = i
    if tok.lower_ in ("a", "an") and i + 1 < n:
        following = doc[i + 1].lower_
        needs_of = following in ("couple", "pair", "handful", "score")
        if following in _A_AMOUNTS and (not needs_of or (i + 2 < n and doc[i + 2].lower_ == "of")):
            value, vague, qualifier = _A_AMOUNTS[following]
            items.append(("vague", *vague) if vague else ("word", value, value))
            j = i + 2
        elif following in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
            items.append(("word", 1.0, 1.0))
            j = i + 1
        else:
            return None
    while j < n:
        cur = doc[j]
        numeral = _parse_numeral(cur)
        last = items[-1] if items else None
        if numeral is None:
            attached = last is not None and last[0] == "digits" and not doc[j - 1].whitespace_
            if attached and cur.lower_ in _ATTACHED_SCALES:
                numeral = ("scale", _ATTACHED_SCALES[cur.lower_], _ATTACHED_SCALES[cur.lower_])
            elif (last and last[0] == "vague" and cur.lower_ == "of" and j + 1 < n
                  and doc[j + 1].lower_ in _VAGUE_SCALES):
                factor = _VAGUE_SCALES[doc[j + 1].lower_]
                items.append(("scale", factor, factor))
                j += 2
                continue
            elif (last and last[0] == "word" and last[1] in _WORD_TENS.values() and cur.text == "-"
                  and j + 1 < n and doc[j + 1].lower_ in _WORD_UNITS):
                j += 1
                continue
            elif (last and last[0] == "scale" and cur.lower_ == "and" and j + 1 < n
                  and _parse_word_number(doc[j + 1].lower_) is not None):
                j += 1
                continue
            else:
                break
        if last is not None and not _continues(last, numeral):
            break
        if cur.lower_ in _VAGUE_NEEDS_OF and (j + 1 >= n or doc[j + 1].lower_ != "of"):
            break
        items.append(numeral)
        j += 1
    if not items or all(kind == "scale" for kind, _, _ in items):
        return None
    return _combine(i, j, items, qualifier)


def _continues(last: tuple[str, float, float], numeral: tuple[str, float, float]) -> bool:
    """Whether a numeral goes on the number before it ("twenty five", "1.2 million")."""
    if numeral[0] == "scale":
        return True
    if numeral[0] == "word":
        return last[0] == "scale" or (
            last[0] == "word" and last[1] in _WORD_TENS.values() and 0 < numeral[1] < 10
        )
    return False


def _combine(
    start: int, end: int, items: list[tuple[str, float, float]], qualifier: str
) -> _Amount:
    """The value of a read number; a vague amount keeps its bounds, scaled."""
    total = current = 0.0
    vague: tuple[float, float] | None = None
    scale = 1.0
    for kind, low, high in items:
        if kind == "vague":
            vague = (low, high)
        elif kind == "scale":
            scale = max(scale, low)
            if vague is not None:
                vague = (vague[0] * low, (vague[1] + 1) * low - 1)
            else:
                current = (current or 1.0) * low
                if low >= 1000:
                    total, current = total + current, 0.0
        else:
            current += low
    in_words = not any(kind == "digits" for kind, _, _ in items)
    if vague is not None:
        return _Amount(start, end, vague[0], vague[0], vague[1], "at_least", scale, in_words)
    value = total + current
    return _Amount(start, end, value, value, value, qualifier, scale, in_words)


def _parse_left(doc: Doc, start: int, floor: int) -> tuple[int, str | None, str | None]:
    """Where the figure starts, given the words before its number: a qualifier and a currency
    sign ("more than $3bn")."""
    k = start
    currency = None
    if k - 1 >= floor and doc[k - 1].lower_ in _CURRENCY_SYMBOLS:
        currency = _CURRENCY_SYMBOLS[doc[k - 1].lower_]
        k -= 1
    before = tuple(t.lower_ for t in doc[max(floor, k - _LONGEST_QUALIFIER):k])
    for m in range(len(before), 0, -1):
        words = before[len(before) - m:]
        qualifier = _QUALIFIER_OF.get(words)
        if qualifier is None:
            continue
        if words == ("estimated",) and doc[k - 1].tag_ in _FINITE_TAGS:
            # "it estimated 810,000 people had fled": an estimate, told by a verb
            return k, qualifier, currency
        return k - m, qualifier, currency
    return k, None, currency


def _is_label(doc: Doc, start: int, amount: _Amount) -> bool:
    """A number that names or numbers something: "page 12", "Boeing 737", "Big 12", "F-35"."""
    if start == 0 or amount.in_words:
        return False
    prev = doc[start - 1]
    abbreviated_no = prev.text == "." and start > 1 and doc[start - 2].lower_ == "no"
    if prev.lower_ in _LABEL_WORDS or abbreviated_no:
        return True
    if prev.text in ("'", "’") and not prev.whitespace_:
        return True
    if start == amount.start and prev.is_alpha and (
        prev.pos_ == "PROPN" or (not prev.is_sent_start and any(c.isupper() for c in prev.text))
    ):
        return True
    return (
        prev.text in _DASHES and not prev.whitespace_ and start > 1
        and doc[start - 2].is_alpha and not doc[start - 2].whitespace_
    )


def _parse_tally(doc: Doc, amount: _Amount, vote: bool) -> tuple[float, float, int] | None:
    """A pair of numbers joined by a dash ("14-0", "15-22"), or in a vote by "to" ("a vote of
    230 to 196"): first, second, end token."""
    tok = doc[amount.start]
    j = amount.end
    if vote and amount.end == amount.start + 1 and j + 1 < len(doc) and doc[j].lower_ == "to":
        numeral = _parse_numeral(doc[j + 1])
        if numeral is not None and numeral[0] == "digits" and _parse_numeral(tok) is not None:
            return amount.value, numeral[1], j + 2
    single = _DIGIT_RANGE.match(tok.text)
    if single and amount.end == amount.start + 1:
        first, second = (float(g.replace(",", "")) for g in single.groups())
        return first, second, amount.end
    j = amount.end
    if (amount.end == amount.start + 1 and j + 1 < len(doc) and doc[j].text in _DASHES
            and not tok.whitespace_ and not doc[j].whitespace_):
        numeral = _parse_numeral(doc[j + 1])
        if numeral is not None and numeral[0] == "digits" and _parse_numeral(tok) is not None:
            return amount.value, numeral[1], j + 2
    return None


def _parse_ratio(doc: Doc, amount: _Amount) -> tuple[float, _Amount] | None:
    """ "six in 10 Americans", "one in five children": the share and the number of the whole."""
    j = amount.end
    if amount.scale > 1 or j + 1 >= len(doc) or doc[j].lower_ != "in" or amount.value <= 0:
        return None
    whole = _parse_amount(doc, j + 1, continued=True)
    if whole is None or whole.end != j + 2 or whole.qualifier != "exact" or whole.scale > 1:
        return None
    if doc[j + 1].ent_type_ in _DATE_LABELS or whole.value <= amount.value:
        return None
    return round(amount.value / whole.value, 4), whole


def _is_vote(doc: Doc, amount: _Amount) -> bool:
    """A tally in a vote: "passed 14-0", "voted 9-3", "by a vote of 52-48"."""
    window = doc[max(0, amount.start - 4):amount.start]
    if any(t.lemma_.lower() in _VOTE_LEMMAS for t in window):
        return True
    return any(t.lemma_.lower() in _VOTE_LEMMAS for t in islice(doc[amount.start].ancestors, 3))


def _parse_range_end(doc: Doc, amount: _Amount, start: int) -> tuple[float, _Amount, int] | None:
    """The range "15 to 22", "between 750,000 and 800,000", "15-22", "$3-4 billion": its lower
    value (scaled like the upper one when written without a scale), upper number and start."""
    j = amount.end
    if j + 1 >= len(doc) or amount.qualifier != "exact":
        return None
    connector = doc[j].lower_
    before = doc[start - 1].lower_ if start > 0 else ""
    if connector == "and" and before != "between":
        return None
    if connector not in ("to", "and") and connector not in _DASHES:
        return None
    if connector == "to" and before == "from":
        return None
    k = j + 1
    if doc[k].lower_ in _CURRENCY_SYMBOLS and k + 1 < len(doc):
        if before == "by":
            # "cut by $200 to $399": a change and where it ended; "by 2 to 3 percent" is a range
            return None
        k += 1
    second = _parse_amount(doc, k, continued=True)
    if second is None or second.qualifier != "exact":
        return None
    low = amount.value
    if second.scale > amount.scale and amount.value * second.scale <= second.value:
        low = amount.value * second.scale
    if second.value <= low:
        return None
    return low, second, start - 1 if before == "between" else start


def _parse_unit(doc: Doc, amount: _Amount, j: int, currency: str | None) -> _Unit | None:
    """What the number at tokens before j counts; None when it is an age or a past date."""
    n = len(doc)
    if currency is not None:
        word = doc[j].lower_ if j < n else ""
        if word in _DOLLAR_COUNTRIES and j + 1 < n and doc[j + 1].lower_ in _DOLLAR_WORDS:
            # "$9.99 US dollars", "$5 Canadian dollars": the words say whose dollars
            return _Unit(_DOLLAR_COUNTRIES[word], j + 2, "money", None)
        end = j + 1 if word in _CURRENCY_WORDS else j
        return _Unit(currency, end, "money", None)
    attached = _DIGITS_MEASURED.match(doc[j - 1].lower_)
    if attached and attached.group(2) in _PERCENT_WORDS:
        return _Unit("percent", j, "percent", None)
    if attached and attached.group(2) in _MEASURES:
        # "30GB", "5km": the unit is written against the number
        return _Unit(_MEASURES[attached.group(2)], j, "other", None)
    if j >= n:
        return _Unit(None, j, "other", None)
    word = doc[j].lower_
    following = doc[j + 1].lower_ if j + 1 < n else ""
    if word in _CURRENCY_WORDS and not (word in ("pound", "pounds") and following == "of"):
        return _Unit(_CURRENCY_WORDS[word], j + 1, "money", None)
    if word in _DOLLAR_COUNTRIES and following in _DOLLAR_WORDS:
        return _Unit(_DOLLAR_COUNTRIES[word], j + 2, "money", None)
    if word in _PERCENT_WORDS:
        return _Unit(_PERCENT_WORDS[word], j + 1, "percent", None)
    if word == "per" and following == "cent":
        return _Unit("percent", j + 2, "percent", None)
    if word == "percentage" and following in ("point", "points"):
        return _Unit("percentage point", j + 2, "percent", None)
    if word == "basis" and following in ("point", "points"):
        return _Unit("basis point", j + 2, "percent", None)
    hyphen = word in _DASHES and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    k = j + 1 if hyphen else j
    if k < n:
        noun = doc[k].lower_
        if noun in _DURATIONS:
            after = [t.lower_ for t in doc[k + 1:k + 3]]
            if after[:1] == ["ago"] or after == ["-", "old"]:
                return None
            return _Unit(_DURATIONS[noun], k + 1, "duration", None)
        if noun in _MEASURES and (hyphen or doc[k].pos_ in ("NOUN", "PROPN", "NUM", "X")):
            return _Unit(_MEASURES[noun], k + 1, "other", None)
        if hyphen and noun == "strong" and k + 1 < n and doc[k + 1].pos_ in ("NOUN", "PROPN"):
            # "a 10,000-strong force": the noun after counts its members
            return _Unit(_unit_text(doc[k + 1:k + 2]), k + 2, "other", k + 1)
        if hyphen and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            end = k + 1
            if end < n and doc[k].head.i == end and doc[end].pos_ in ("NOUN", "PROPN"):
                end += 1
            text = noun if amount.value == 1 else _plural(noun)
            return _Unit(text, end, _noun_category(text), k)
    if hyphen:
        return _Unit(None, j, "other", None)
    return _parse_counted(doc, amount, j)


def _parse_counted(doc: Doc, amount: _Amount, j: int) -> _Unit:
    """The counted noun: after "of" for amount words ("dozens of hostages"), else the noun the
    number modifies ("32,000 Palestinians", "two Iranian proxy groups")."""
    n = len(doc)
    last = doc[amount.end - 1].lower_
    if j < n and doc[j].lower_ == "of":
        # "dozens of", "millions of", "a couple of": an amount word counts what follows "of",
        # and so does a number taken from a known group ("two of the hostages"); otherwise
        # "of" does not introduce what is counted ("a rate of 15 of 20").
        partitive = amount.value > 1 and j + 1 < n and doc[j + 1].lower_ in _DETERMINERS
        amount_word = last in _VAGUE or last in _SCALES or last in _A_AMOUNTS or last == "several"
        if partitive or amount_word:
            counted = _parse_of_phrase(doc, j)
            if counted is not None:
                return counted
        return _Unit(None, j, "other", None)
    head = _parse_head(doc, amount, j)
    if head is not None:
        return _with_conjunct(doc, head)
    if j < n and doc[j].lower_ in _PEOPLE_ADJECTIVES and (j + 1 == n or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
        return _Unit("people", j + 1, _PEOPLE_ADJECTIVES[doc[j].lower_], None)
    return _Unit(None, j, "other", None)


def _parse_head(doc: Doc, amount: _Amount, j: int) -> int | None:
    """The noun the number modifies, within a few modifier tokens after it."""
    n = len(doc)
    tops = [t for t in doc[amount.start:amount.end] if not amount.start <= t.head.i < amount.end]
    for top in tops:
        head = top.head
        if (top.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
                and head.pos_ in ("NOUN", "PROPN") and j <= head.i < j + _MAX_MODIFIERS
                and all(_is_modifier(t) for t in doc[j:head.i])
                and head.ent_type_ not in _DATE_LABELS):
            return head.i
    k = j
    while k < min(n, j + _MAX_MODIFIERS) and _is_modifier(doc[k]):
        k += 1
    if k == j:
        return None
    while k > j and doc[k - 1].pos_ not in ("NOUN", "PROPN"):
        k -= 1
    if k == j or doc[k - 1].ent_type_ in _DATE_LABELS:
        return None
    return k - 1


def _is_modifier(tok: Token) -> bool:
    """A word that may stand between a number and its noun ("displaced", "Iranian proxy")."""
    if tok.is_space or tok.ent_type_ in _DATE_LABELS:
        return False
    if tok.text in _DASHES:
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.pos_ in _MODIFIER_POS:
        return tok.pos_ != "ADV" or tok.dep_ == "advmod" and tok.head.pos_ == "ADJ"
    return tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound")


def _with_conjunct(doc: Doc, head: int) -> _Unit:
    """The counted noun, joined by a bare coordinated plural: "missiles and drones"; a noun
    written with hyphens is read whole ("re-designs")."""
    first = head
    while (head + 2 < len(doc) and doc[head + 1].text in _DASHES and not doc[head].whitespace_
           and not doc[head + 1].whitespace_ and doc[head + 2].is_alpha):
        head += 2
    tok = doc[head]
    end = head + 1
    text = _unit_text(doc[first:end])
    if (head + 2 < len(doc) and doc[head + 1].lower_ in ("and", "or")
            and doc[head + 2].dep_ == "conj" and doc[head + 2].head.i == head
            and doc[head + 2].tag_ in ("NNS", "NNPS") and tok.tag_ in ("NNS", "NNPS")):
        text = f"{text} {doc[head + 1].lower_} {_unit_text(doc[head + 2:head + 3])}"
        end = head + 3
    return _Unit(text, end, "other", head)


def _parse_of_phrase(doc: Doc, of: int) -> _Unit | None:
    """The noun phrase after "of", up to its noun: "of Gaza's population", "of hostages"."""
    if of >= len(doc) or doc[of].lower_ != "of":
        return None
    objects = [c for c in doc[of].children if c.dep_ == "pobj" and c.i > of]
    if objects and objects[0].left_edge.i == of + 1 and objects[0].i < of + _MAX_MODIFIERS + 1:
        head = objects[0].i
    else:
        k = of + 1
        limit = min(len(doc), of + _MAX_MODIFIERS + 1)
        while k < limit and (_is_modifier(doc[k]) or doc[k].pos_ in ("DET", "PART")):
            k += 1
        while k > of + 1 and doc[k - 1].pos_ not in ("NOUN", "PROPN"):
            k -= 1
        if k == of + 1:
            return None
        head = k - 1
    if doc[head].pos_ not in ("NOUN", "PROPN", "PRON") or any(t.is_space for t in doc[of:head]):
        return None
    return _with_conjunct(doc, head)


def _unit_text(noun: Span) -> str:
    """The counted noun as written; lower case unless a proper or national name."""
    last = noun[-1]
    if last.tag_ in ("NNP", "NNPS") or last.ent_type_ in ("NORP", "GPE", "ORG"):
        return noun.text
    return noun.text.lower()


def _plural(noun: str) -> str:
    """ "front" -> "fronts": the counted noun of a hyphenated quantity ("two-front war")."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _noun_category(noun: str) -> str:
    return _CASUALTY_NOUNS.get(noun) or _UNIT_NOUNS.get(noun) or "other"


def _cue(tok: Token) -> str | None:
    """The event category a single word signals ("killed", "refugees", "fled")."""
    if tok.lower_ in _CASUALTY_NOUNS:
        return _CASUALTY_NOUNS[tok.lower_]
    if tok.pos_ in ("VERB", "ADJ", "NOUN"):
        return _EVENT_LEMMAS.get(tok.lemma_.lower())
    return None


def _parse_category(doc: Doc, i: int) -> str:
    """What a count is of, from the counted noun, the words modifying it and the verb that
    governs it; then the kind of thing counted (battalions, missiles)."""
    tok = doc[i]
    own = _cue(tok)
    if own is not None:
        return own
    for child in tok.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i != i:
            for t in child.subtree:
                cue = _cue(t)
                if cue is not None:
                    return cue
    node = tok
    for _ in range(5):
        if node.dep_ not in _PATH_DEPS or node.head is node:
            break
        parent = node.head
        cue = _cue(parent)
        if cue is not None:
            return cue
        if parent.lower_ == "including":
            # "killed 1,000, including 300 children": the subset shares the count's event
            node = parent
            continue
        if parent.pos_ in ("VERB", "AUX"):
            for child in parent.children:
                if child is not node and child.dep_ in ("oprd", "acomp", "attr", "xcomp", "nsubj"):
                    cue = next((c for c in map(_cue, child.subtree) if c is not None), None)
                    if cue is not None:
                        return cue
            person = tok.lower_ in _PERSON_NOUNS or tok.ent_type_ == "NORP"
            held = node.dep_ in ("dobj", "nsubjpass")
            if parent.lemma_.lower() in _HOLDING_LEMMAS and person and held:
                return "hostages"
            break
        node = parent
    return _UNIT_NOUNS.get(tok.lower_, "other")


def _is_figure(doc: Doc, amount: _Amount, unit: _Unit) -> bool:
    """Not a date or time, not part of a name, not a bare year."""
    tokens = doc[amount.start:amount.end]
    dated = any(t.ent_type_ in _DATE_LABELS for t in tokens)
    if dated and unit.category != "duration" and not _is_misdated_count(doc, amount, unit):
        return False
    if any(t.ent_type_ in _NAME_LABELS for t in tokens):
        return False
    if unit.head is not None and _is_model_number(doc, amount, unit.head):
        return False
    text = doc[amount.start].text
    is_year = (amount.end == amount.start + 1 and len(text) == 4 and text.isdigit()
               and 1000 <= amount.value <= 2100)
    return not (is_year and unit.text is None)


def _is_reference(doc: Doc, amount: _Amount, start: int, unit: _Unit) -> bool:
    """ "the two sides", "these three countries": a small word number after a definite
    determiner and before its noun refers back to a group already named, it is not a count a
    reader would tabulate. "two Iranian proxy groups", "the 128 hostages" and "the two-day
    summit" stay figures."""
    return (
        amount.in_words and amount.scale == 1 and amount.value <= _MAX_REFERENCE
        and start == amount.start > 0 and doc[start - 1].lower_ in _DEFINITE
        and unit.head is not None and doc[amount.end].text not in _DASHES
        and unit.category not in _UNCOUNTED_CATEGORIES
    )


def _parse_age(doc: Doc, amount: _Amount, start: int, end: int) -> int | None:
    """Where a person's age ends, when the number [start, end) gives one: "aged 55", "at the
    age of 56", "a 55-year-old", "12 years old", "Papermaster, 49, had left"."""
    if amount.scale > 1 or not 0 < amount.value <= _MAX_AGE or not amount.value.is_integer():
        return None
    after = [t.lower_ for t in doc[end:end + 4]]
    for tail in (("-", "year", "-", "old"), ("-", "years", "-", "old"), ("years", "old"),
                 ("year", "old")):
        if tuple(after[:len(tail)]) == tail:
            return end + len(tail)
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    if before[-1:] == ["aged"] or before == ["age", "of"]:
        return end
    if start < 2 or start != amount.start or amount.in_words or doc[start - 1].text != ",":
        return None
    closed = end >= len(doc) or doc[end].text in (",", ";", ")", ".")
    named = doc[start - 2]
    person = (named.pos_ == "PROPN" or named.ent_type_ == "PERSON"
              or named.lemma_.lower() in _PERSON_LEMMAS)
    return end if closed and person else None


def _is_model_number(doc: Doc, amount: _Amount, head: int) -> bool:
    """A number above one before a singular noun names a model or a rank, it does not count:
    "the 787 Dreamliner", "737 replacement development", "iOS 4 operating system"."""
    noun = doc[head]
    if amount.value <= 1 or amount.scale > 1 or noun.tag_ not in ("NN", "NNP"):
        return False
    plural_label = noun.lower_.endswith("s") and any(c.isdigit() for c in noun.text)
    if plural_label or noun.lower_ in _INVARIANT_PLURALS or head < amount.end:
        return False
    # "two-front war", "a 10,000-strong force": a hyphenated quantity before its noun
    hyphenated = doc[amount.end].text in _DASHES and doc[amount.end + 1].is_alpha
    return not (hyphenated and head in (amount.end + 1, amount.end + 2))


def _is_bare_figure(doc: Doc, amount: _Amount, start: int, category: str) -> bool:
    """Whether a number with nothing counted after it is a figure: "killed 1,200", "rose to
    32,000"; not "the 787", "Boeing's 777", "final 717", nor a word number on its own."""
    if category != "other":
        return True
    if amount.in_words or doc[amount.end - 1].ent_type_ not in _NUMBER_LABELS:
        return False
    return start > amount.start or start == 0 or doc[start - 1].pos_ not in ("DET", "PART", "ADJ")


def _is_misdated_count(doc: Doc, amount: _Amount, unit: _Unit) -> bool:
    """A count the entity recogniser took for a date ("Between 15 and 22 people"): a plural
    common noun outside the entity, and no calendar word or year inside it."""
    head = None if unit.head is None else doc[unit.head]
    if head is None or head.tag_ != "NNS" or head.ent_type_ in _DATE_LABELS:
        return False
    first = doc[amount.start]
    entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    if entity is None:
        return False
    return not any(
        t.lower_ in _CALENDAR_WORDS or (t.is_digit and len(t.text) == 4) for t in entity
    )
