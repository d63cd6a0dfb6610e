"""Amounts: how a number is written, and what it is worth.

A number in digits ("1,200", "12,34,567" in lakh grouping, "5.93mln", "20m", "7 3/4", "2½", and
"1-1/8" as wire copy writes a whole number and a fraction; a fraction in digits alone only of a
unit of measure, "1/4 mile", or of a price that changed by it, "rose 3/4"), in words ("twenty-five", "two hundred and fifty"), a vague
amount ("dozens", "hundreds of thousands", "several", "a few"), a fraction ("two-thirds of",
"half of") or a fraction of a scale ("half a million", "a quarter million"). A currency sign
or code may be written against the digits in one token ("HK$5", "RM5", "Y=150"); the amount
reads the number inside it, and `glued_currency` the currency, so offsets stay those of the
tokens. The number words are
those of `newswire.extract.numbers`; the amount words come from the lexicon `amounts`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from newswire.extract.calendar_words import TIME_UNITS
from newswire.extract.dates.vocabulary import TEMPORAL_WORDS
from newswire.extract.figures.currencies import SUBUNITS, code_before, symbols
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.figures.measures import compact_unit, is_metres, read_measure
from newswire.extract.lexicons import alternation, lexicon
from newswire.extract.numbers import (
    ONES,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALES,
    TENS,
    ZERO,
    parse_number_words,
)

_AMOUNT_WORDS = lexicon("amounts")
# Plural amount words: (lowest, highest) count they stand for.
VAGUE: dict[str, tuple[float, float]] = {
    word: (float(entry["low"]), float(entry["high"])) for word, entry in _AMOUNT_WORDS["vague"].items()
}
# "scores", "tens": amount words only before "of".
_VAGUE_NEEDS_OF = frozenset(word for word, entry in _AMOUNT_WORDS["vague"].items() if entry.get("needs_of"))
# The scale a plural amount word multiplies by after "of": "hundreds of thousands".
_VAGUE_SCALES = {
    word: float(entry["scale"]) for word, entry in _AMOUNT_WORDS["vague"].items() if "scale" in entry
}
# Amount words that follow "a"/"an": value, (low, high) when vague, qualifier.
A_AMOUNTS: dict[str, tuple[float, tuple[float, float] | None, str]] = {
    word: (
        float(entry["value"]),
        (float(entry["low"]), float(entry["high"])) if "low" in entry else None,
        entry["qualifier"],
    )
    for word, entry in _AMOUNT_WORDS["a_amounts"].items()
}
_A_AMOUNTS_NEED_OF = frozenset(word for word, entry in _AMOUNT_WORDS["a_amounts"].items() if entry.get("needs_of"))
_A_SCALES = frozenset(_AMOUNT_WORDS["a_scales"])
FRACTIONS: dict[str, int] = dict(_AMOUNT_WORDS["fractions"])
# The fractions a single one of is written with "a": "a half", "a third", "a quarter".
_SINGLE_FRACTIONS = frozenset(word for word in FRACTIONS if not word.endswith("s"))
# Scales written against the digits: the scale letters ("20m", "10k") and every scale word.
_ATTACHED_SCALES = {**SCALE_LETTERS, **SCALES}
_PERCENT_WORDS = frozenset(lexicon("measures")["percent_words"])
# The words of a change ("rose", "up") a fraction alone may follow: "rose 3/4 to 25-1/2".
_CHANGE_VERBS = frozenset(lexicon("changes")["verbs"])
_CHANGE_ADVERBS = frozenset(lexicon("changes")["adverbs"])
_PERCENT_ABBREVIATIONS = frozenset(lexicon("measures")["percent_abbreviations"])
# Units of a share that "a half" may be half of: "a half percentage point", "a half point".
_HALF_UNITS = frozenset({*_PERCENT_WORDS, "percentage", "point", "points"})
# Words a figure can start with, besides digits and hyphenated numbers and fractions: "no
# fatalities", "a dozen", "half of", "seven", "several hundred", "thousands".
_FIRST_WORDS = frozenset({"no", "a", "an", "half", "halves", ZERO, *ONES, *TENS, *SCALES, *VAGUE})

DASHES = frozenset({"-", "–", "—"})
# How many distinct words the per-token tests (`may_start`) remember their answer for.
_WORD_CACHE = 1 << 16
# Determiners that name a known group: "two of the hostages", "half its staff".
DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "your", "my"})
DATE_LABELS = frozenset({"DATE", "TIME"})

# Digits grouped in thousands ("1,234,567"), or in the South Asian lakh and crore grouping
# ("12,34,567": 1,234,567).
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(\.\d+)?$")
_DIGITS_SCALED = re.compile(rf"^(\d+(?:\.\d+)?)({alternation([*SCALE_ABBREVIATIONS, *SCALE_LETTERS])})$")
_SCALE_SUFFIX = alternation([*SCALE_ABBREVIATIONS, *SCALE_LETTERS])
# A range of money written in one word with its scale ("2.5bn-$3bn", "3-4bn").
_SCALED_RANGE = re.compile(rf"^(\d+(?:\.\d+)?)({_SCALE_SUFFIX})?[-–]\D?(\d+(?:\.\d+)?)({_SCALE_SUFFIX})$")
# A unit written against the digits ("5km", "30GB", "40pc", "845p", "120km/h").
DIGITS_MEASURED = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([^\d\s,.][^\s]*)$")
# Two numbers joined by a dash in one word ("15-22"), the first with its percent sign ("5%-6"),
# the second with its currency sign ("10-$12").
_ONE_CHARACTER_SIGNS = "".join(sorted({sign for sign in symbols() if len(sign) == 1 and not sign.isalnum()}))
DIGIT_RANGE = re.compile(rf"^(\d[\d,.]*)%?[-–][{re.escape(_ONE_CHARACTER_SIGNS)}]?(\d[\d,.]*)$")
# A fraction of a unit in digits ("3/4", "1/2"), and the denominators news writes them with.
_DIGIT_FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_DENOMINATORS = frozenset({2, 3, 4, 8, 16, 32, 64})
# A group of thousands set apart by a space after its comma, as tokenised text writes it
# ("10, 000 monkeys"): a group of three digits that begins with a zero is never a number alone.
_GROUP = re.compile(r"^\d{3}$")
# A vulgar fraction, alone or after the whole number ("½", "2½").
_VULGAR = re.compile(r"^(\d*)([½¼¾⅓⅔⅕⅛⅜⅝⅞])$")
# A currency sign or code written against the digits in one word ("HK$5", "RM5", "Y=150").
_SIGN_GLUED = re.compile(r"^(\D+?)(\d[\d,.]*[a-z]*)$", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from the tokens [start, end)."""

    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str
    scale: float
    in_words: bool


@lru_cache(maxsize=_WORD_CACHE)
def may_start(word: str) -> bool:
    """Whether a figure can start at a token written `word` (lower case): digits, a number or
    fraction in words, an amount word, "a"/"an" before one, "no" before a casualty noun, or
    a currency sign written against digits ("hk$5")."""
    if word in _FIRST_WORDS or word[:1].isdigit() or _SIGN_GLUED.match(word) or _VULGAR.match(word):
        return True
    return "-" in word and (parse_number_words(word) is not None or word.partition("-")[2] in FRACTIONS)


def _dated_share(doc: Doc, i: int) -> bool:
    """Whether the fraction from token `i`, which the model calls a date, is a share of the
    noun phrase after "of": the date ends at the fraction, "of" lies outside it, and what
    follows is a noun with no number before it and no time ("a quarter of the workforce",
    "almost a quarter of French exports"); not "a quarter of a century", "half of the current
    season", "nearly a quarter of a 0.9 per cent surge" or "a quarter of which"."""
    for k in range(i, min(i + 3, len(doc) - 1)):
        if doc[k].lower_ in FRACTIONS:
            if doc[k + 1].lower_ != "of" or doc[k + 1].ent_type_ in DATE_LABELS:
                return False
            phrase = doc[k + 2 : k + 6]
            noun = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
            if noun is None or noun.lower_ in TEMPORAL_WORDS:
                return False
            return all(t.pos_ in ("DET", "ADJ") or t.tag_ == "PRP$" for t in doc[k + 2 : noun.i])
    return False


@examples(
    Example("Drought has driven a third of Gaza's population to the brink.", "a third of Gaza's population",
            0.3333, "approximate", "population", "share"),
    Example("Officials said two-thirds of voters backed the plan.", "two-thirds of voters",
            0.6667, "approximate", "voters", "share"),
    Example("The strikes hit half of the city.", "half of the city", 0.5, "approximate", "city", "share"),
    Example("Half the nurses walked out.", "Half the nurses", 0.5, "approximate", "nurses", "share"),
    Example("The firm cut nearly half its staff.", "nearly half its staff", 0.5, "approximate", "staff", "share"),
    Example("A quarter of the workforce is foreign-born.", "A quarter of the workforce", 0.25, "approximate",
            "workforce", "share"),
    NoFigure("A quarter of a century later, the plant closed."),
    Example("Nearly a quarter of a 0.9 per cent surge came from food.", "0.9 per cent", 0.9, "exact", "percent",
            "percent"),
)
def parse_fraction(doc: Doc, i: int) -> Amount | None:
    """ "a third of", "two-thirds of", "half of": the fraction up to (not including) "of"; "half
    the", "half its": up to the determiner; "a two-thirds majority": up to the noun it modifies."""
    n = len(doc)
    tok = doc[i]
    if tok.ent_type_ in DATE_LABELS and not _dated_share(doc, i):
        return None
    if tok.lower_ == "half" and i + 1 < n and doc[i + 1].lower_ in DETERMINERS:
        # "half the workers", "half its staff": "of" left out after "half"
        return Amount(i, i + 1, 0.5, 0.5, 0.5, "approximate", 1.0, True)
    if tok.lower_ in ("half", "halves"):
        numerator, j = 1.0, i
    elif "-" in tok.lower_ and tok.lower_.split("-", 1)[1] in FRACTIONS:
        head, _, tail = tok.lower_.partition("-")
        count = parse_number_words(head) if head not in ("a", "one") else 1.0
        if count is None:
            return None
        return _fraction_amount(doc, i, i + 1, count, tail)
    else:
        count = 1.0 if tok.lower_ in ("a", "an", "one") else parse_number_words(tok.lower_)
        if count is None or i + 1 >= n:
            return None
        j = i + 1
        if doc[j].text == "-" and j + 1 < n:
            j += 1
        numerator = count
    if j >= n or doc[j].lower_ not in FRACTIONS:
        return None
    if doc[j].lower_.endswith("s") != (numerator > 1) and doc[j].lower_ not in ("half",):
        return None
    return _fraction_amount(doc, i, j + 1, numerator, doc[j].lower_)


def _fraction_amount(doc: Doc, start: int, end: int, numerator: float, word: str) -> Amount | None:
    """The fraction "numerator / word" read from [start, end), when "of" follows it, "by"
    comes before it ("cut by a third", "fell by nearly half": a change by a share), or it is
    written with a hyphen before the noun it is a share of ("a two-thirds majority"); not when
    a hyphen joins it to the word after it ("raised by a half-point": half of a unit)."""
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return None
    of = end < len(doc) and doc[end].lower_ == "of"
    if not of and "by" not in (t.lower_ for t in doc[max(0, start - 2):start]) and fraction_noun(
            doc, start, end) is None:
        return None
    value = numerator / FRACTIONS[word]
    return Amount(start, end, value, value, value, "approximate", 1.0, True)


def fraction_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun right after the fraction [start, end), written with a hyphen, that it modifies:
    "a two-thirds majority", "a three-quarters stake"; not "a third party", nor the tail of a
    number glued to the word before it ("three-and-a-half years")."""
    if end >= len(doc) or "-" not in doc[start:end].text or doc[end].pos_ != "NOUN" or doc[end - 1].head.i != end:
        return None
    if start > 0 and not doc[start - 1].whitespace_:
        return None
    return doc[end]


@examples(
    Example("Half a million people fled.", "Half a million people", 500_000, "exact", "people", "displaced"),
    Example("A quarter of a million people lack water.", "A quarter of a million people", 250_000, "exact",
            "people", "other"),
    Example("Half a dozen soldiers were hurt.", "Half a dozen soldiers", 6, "exact", "soldiers", "injured"),
    Example("A quarter million people marched.", "A quarter million people", 250_000, "exact", "people", "other"),
    Example("The house costs half million dollars.", "half million dollars", 500_000, "exact", "USD", "money"),
)
def parse_scaled_fraction(doc: Doc, i: int) -> Amount | None:
    """ "half a million", "a quarter of a million", "half a dozen", "a quarter million", "half
    million": a fraction of a scale."""
    n = len(doc)
    first = doc[i].lower_
    direct = 1 if first == "half" else 2 if first in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in (
        "half", "quarter") else 0
    if direct and i + direct < n and doc[i + direct].lower_ in SCALES and doc[i + direct].lower_ != "dozen":
        scale = SCALES[doc[i + direct].lower_]
        value = float(round(scale / FRACTIONS[doc[i + direct - 1].lower_]))
        return Amount(i, i + direct + 1, value, value, value, "exact", scale, True)
    if first == "half" and i + 1 < n and doc[i + 1].lower_ in ("a", "an"):
        factor, k = 0.5, i + 1
    else:
        fraction = parse_fraction(doc, i)
        if fraction is None:
            return None
        factor, k = fraction.value, fraction.end + 1
    if k + 1 >= n or doc[k].lower_ not in ("a", "an") or doc[k + 1].lower_ not in SCALES:
        return None
    scale = SCALES[doc[k + 1].lower_]
    value = float(round(factor * scale))
    return Amount(i, k + 2, value, value, value, "exact", scale, True)


@examples(
    Example("The deal is worth HK$5 billion.", "HK$5 billion", 5e9, "exact", "HKD", "money"),
    Example("Shares rose S$2 to S$40.", "S$40", 40, "exact", "SGD", "money"),
    Example("The bank lent NZ$1.5bn to farmers.", "NZ$1.5bn", 1.5e9, "exact", "NZD", "money"),
    Example("The project will cost RM5 million.", "RM5 million", 5e6, "exact", "MYR", "money"),
    Example("The dollar closed at Y=150.25 in Tokyo.", "Y=150.25", 150.25, "exact", "JPY", "money"),
    Example("Revenue reached USD115.5 million.", "USD115.5 million", 1.155e8, "exact", "USD", "money"),
    Example("The cheapest seat costs NZD$15.", "NZD$15", 15, "exact", "NZD", "money"),
    NoFigure("The SR71 and the AR15 were on show."),
)
def glued_currency(tok: Token) -> tuple[str, str, str] | None:
    """A currency written against the number in one token ("HK$5", "S$2", "NZ$1.5bn", "RM5",
    Reuters' "Y=150"): its code, its sign as written and the number. A sign of letters only
    ("RM", "USD") is one where the word cannot be a label ("the SR71"): the entity recogniser
    calls it money, a scale follows, or the number is grouped or decimal ("Rs1,500")."""
    match = _SIGN_GLUED.match(tok.text)
    if match is None:
        return None
    sign, number = match.groups()
    code = symbols().get(sign.lower()) or code_before(sign)
    if code is None:
        return None
    if sign.isalpha():
        following = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if tok.ent_type_ != "MONEY" and following not in SCALES and not re.search(r"[,.]\d", number):
            return None
    return code, sign, number


@examples(
    Example("Officials counted 810,000 people.", "810,000 people", 810_000, "exact", "people", "other"),
    Example("The firm sold 5.93 mln shares.", "5.93 mln shares", 5_930_000, "exact", "shares", "other"),
    Example("The bank lent €20m to the city.", "€20m", 2e7, "exact", "EUR", "money"),
    Example("The scheme built 3 lakh homes.", "3 lakh homes", 300_000, "exact", "homes", "other"),
    Example("The budget set aside Rs 1.5 lakh crore for roads.", "Rs 1.5 lakh crore", 1.5e12, "exact", "INR",
            "money"),
    Example("It cost two thousand million pounds.", "two thousand million pounds", 2e9, "exact", "GBP", "money"),
    Example("He took a loan of Rs 12,34,567 from the bank.", "Rs 12,34,567", 1_234_567, "exact", "INR", "money"),
    Example("The flat sold for ₹1,20,00,000.", "₹1,20,00,000", 12_000_000, "exact", "INR", "money"),
    Example("Israel says the group has four battalions.", "four battalions", 4, "exact", "battalions",
            "military_units"),
)
def parse_numeral(tok: Token) -> tuple[str, float, float] | None:
    """One token of a number: ("digits" | "word", value, value), ("scale", factor, factor),
    ("vague", lowest, highest) or ("fraction", value, value) for a fraction in digits ("3/4")."""
    text = tok.lower_
    fraction = _DIGIT_FRACTION.match(text)
    if fraction is not None:
        numerator, denominator = int(fraction.group(1)), int(fraction.group(2))
        if 0 < numerator < denominator and denominator in _DENOMINATORS:
            return "fraction", numerator / denominator, numerator / denominator
        return None
    vulgar = _VULGAR.match(text)
    if vulgar is not None:
        value = int(vulgar.group(1) or 0) + unicodedata.numeric(vulgar.group(2))
        return "digits", value, value
    glued = glued_currency(tok)
    if glued is not None:
        text = glued[2].lower()
    match = _DIGITS.match(text)
    if match:
        value = float(text.replace(",", ""))
        return "digits", value, value
    match = _DIGITS_SCALED.match(text)
    if match:
        value = float(match.group(1)) * _ATTACHED_SCALES[match.group(2)]
        return "digits", value, value
    measured = attached_unit(tok.text, tok.is_sent_end)
    if measured is not None and is_attached_unit(measured[1]):
        value = float(measured[0].replace(",", ""))
        return "digits", value, value
    word = parse_number_words(text)
    if word is not None:
        return "word", word, word
    if text in SCALES:
        return "scale", SCALES[text], SCALES[text]
    if text in VAGUE:
        return ("vague", *VAGUE[text])
    return None


@examples(
    Example("The phone has a 5,000mAh battery.", "5,000mAh", 5000, "exact", "milliampere hour", "other"),
    Example("It sold for 1,200USD.", "1,200USD", 1200, "exact", "USD", "money"),
)
def attached_unit(text: str, sentence_end: bool) -> tuple[str, str] | None:
    """The digits of a number written with its unit in one word ("5km", "30GB", "40C", "5,000mAh")
    and the unit; the sentence's full stop is left off a sentence-final one ("to minus 5C.")."""
    match = DIGITS_MEASURED.match(text)
    if match is None:
        return None
    suffix = match.group(2)
    return match.group(1), suffix[:-1] if suffix.endswith(".") and sentence_end else suffix


def is_attached_unit(suffix: str) -> bool:
    """Whether `suffix`, written against digits, is a unit: a percent sign or word, a unit of
    measure ("km", "GB", "km/h"), a currency subunit ("845p") or a currency written after the
    number ("100€", "115.5USD")."""
    return (suffix.lower() in _PERCENT_WORDS or suffix.lower() in _PERCENT_ABBREVIATIONS or suffix.lower() in SUBUNITS
            or compact_unit(suffix) is not None or currency_after(suffix) is not None)


def currency_after(word: str) -> str | None:
    """The currency of a sign or ISO code written after the number ("15 €", "100€", "115.5USD");
    a sign of letters ("RM", "Rs") goes before the number, never after it."""
    code = symbols().get(word.lower())
    if code is not None and not any(c.isalpha() for c in word):
        return code
    return code_before(word) if word.isupper() else None


def _is_numeral_token(tok: Token) -> bool:
    return parse_numeral(tok) is not None or bool(DIGIT_RANGE.match(tok.text))


@examples(
    Example("The bonds carry a 7 3/4% coupon.", "7 3/4%", 7.75, "exact", "percent", "percent"),
    Example("The bonds were priced at 101 1/4 on Monday.", "101 1/4", 101.25, "exact", None, "other"),
    Example("The track is a 1/4 mile oval.", "1/4 mile", 0.25, "exact", "mile", "other"),
    Example("The talks lasted 2½ years.", "2½ years", 2.5, "exact", "year", "duration"),
    NoFigure("The vote on 3/4 was delayed."),
    Example("The bonds carry a 9-3/4 pct coupon.", "9-3/4 pct", 9.75, "exact", "percent", "percent"),
    Example("The stock rose 1-1/4 to 82-1/4.", "1-1/4", 1.25, "exact", None, "other", change="up"),
    Example("The stock rose 1-1/4 to 82-1/4.", "82-1/4", 82.25, "exact", None, "other"),
    Example("Shares were up 3/4 at 25-1/2.", "3/4", 0.75, "exact", None, "other", change="up"),
    Example("The stock fell 1/8 on Monday.", "1/8", 0.125, "exact", None, "other", change="down"),
    Example("The bond was priced at 96-16/32.", "96-16/32", 96.5, "exact", None, "other"),
    Example("Wheat rose 1-1/2 cents on the day.", "1-1/2 cents", 0.015, "exact", "USD", "money", change="up"),
    Example("Sugar closed at 55-1/4 cents a lb.", "55-1/4 cents a lb", 0.5525, "exact", "USD per pound", "money"),
    Example("It signed a 3-1/2 year contract.", "3-1/2 year", 3.5, "exact", "year", "duration"),
    Example("In 2006 95% of them were younger than five.", "95%", 95, "exact", "percent", "percent"),
    Example("Aid reached 1.2 million people.", "1.2 million people", 1_200_000, "exact", "people", "other"),
    Example("Two hundred and fifty soldiers arrived.", "Two hundred and fifty soldiers", 250, "exact",
            "soldiers", "military_units"),
    Example("Twenty-five people were arrested.", "Twenty-five people", 25, "exact", "people", "arrested"),
    Example("The company paid $3bn for the stake.", "$3bn", 3e9, "exact", "USD", "money"),
    Example("A dozen soldiers were deployed.", "A dozen soldiers", 12, "exact", "soldiers", "military_units"),
    Example("Troops shot down a pair of drones.", "a pair of drones", 2, "exact", "drones", "weapons"),
    Example("A few residents stayed behind.", "A few residents", 2, "at_least", "residents", "other",
            (2, 5)),
    Example("Several journalists were detained.", "Several journalists", 3, "at_least", "journalists",
            "arrested", (3, 9)),
    Example("Several hundred families left.", "Several hundred families", 300, "at_least", "families",
            "other", (300, 999)),
    Example("Israel believes dozens of hostages are held in Rafah.", "dozens of hostages", 24, "at_least",
            "hostages", "hostages", (24, 99)),
    Example("Hundreds of people gathered in the square.", "Hundreds of people", 200, "at_least", "people",
            "other", (200, 999)),
    Example("The trial lasted two and a half years.", "two and a half years", 2.5, "exact", "year", "duration"),
    Example("He signed a $1.5-million contract.", "$1.5-million", 1_500_000, "exact", "USD", "money"),
    Example("The striker joined for £50m.", "£50m", 50_000_000, "exact", "GBP", "money"),
    Example("The stake is worth $2.5bn-$3bn.", "$2.5bn-$3bn", 2.5e9, "range", "USD", "money", (2.5e9, 3e9)),
    Example("The refit will cost $3-4bn over a decade.", "$3-4bn", 3e9, "range", "USD", "money", (3e9, 4e9)),
    Example("They struck a two-billion-dollar deal.", "two-billion-dollar", 2e9, "exact", "USD", "money"),
    Example("She ran 3 and a quarter miles.", "3 and a quarter miles", 3.25, "exact", "mile", "other"),
    Example("Mortgage rates rose a half percentage point.", "a half percentage point", 0.5, "exact",
            "percentage point", "percent", change="up"),
    Example("The show ran a half-hour late.", "a half-hour", 0.5, "exact", "hour", "duration"),
    Example("The bank made the half-point cut in March.", "half-point cut", 0.5, "exact", "points", "other"),
    NoFigure("His half-sister saw the half-time score."),
    NoFigure("She met a half brother in Lyon."),
    Example("Tens of thousands of people marched.", "Tens of thousands of people", 20_000, "at_least",
            "people", "other", (20_000, 99_999)),
    Example("Aid is needed for hundreds of thousands of displaced Palestinians.",
            "hundreds of thousands of displaced Palestinians", 200_000, "at_least", "Palestinians",
            "displaced", (200_000, 999_999)),
)
def parse_amount(doc: Doc, i: int, continued: bool = False) -> Amount | None:
    """The number that starts at token i ("1.2 million", "hundreds of thousands", "a dozen",
    "two and a half", "a half")."""
    n = len(doc)
    tok = doc[i]
    if not continued and i > 0:
        prev = doc[i - 1]
        year = prev.ent_type_ in DATE_LABELS and len(prev.text) == 4 and prev.text.isdigit()
        if _is_numeral_token(prev) and prev.pos_ == "NUM" and not year:
            # within a number; after a year ("in 2006 95% of them") a new one starts
            return None
        after_dash = prev.text in DASHES and not prev.whitespace_
        if after_dash and i > 1 and _is_numeral_token(doc[i - 2]):
            return None
        if i > 1 and _is_spaced_group(doc, i - 1):
            return None
    scaled = parse_scaled_fraction(doc, i)
    if scaled is not None:
        return scaled
    single = DIGIT_RANGE.match(tok.text)
    if single:
        low, high = (float(g.replace(",", "")) for g in single.groups())
        return Amount(i, i + 1, low, low, high, "range" if high > low else "exact", 1.0, False)
    scaled_range = _SCALED_RANGE.match(tok.lower_) if i > 0 and doc[i - 1].text in symbols() else None
    if scaled_range:
        # "$2.5bn-$3bn", "$3-4bn": a money range in one word, its scale after the second end
        first, first_scale, second, second_scale = scaled_range.groups()
        scale = _ATTACHED_SCALES[second_scale]
        low, high = float(first) * _ATTACHED_SCALES[first_scale or second_scale], float(second) * scale
        return Amount(i, i + 1, low, low, high, "range", scale, False) if high > low else None
    items: list[tuple[str, float, float]] = []
    qualifier = "exact"
    spaced = False  # a group of thousands set apart by a space has been read
    j = i
    if tok.lower_ == "half" and i + 1 < n and doc[i + 1].text in DASHES and not tok.whitespace_:
        # "a half-point cut", "the half-hour show": half of the unit it is glued to
        return Amount(i, i + 1, 0.5, 0.5, 0.5, "exact", 1.0, True) if _is_unit_after_half(doc, i + 1) else None
    if tok.lower_ in ("a", "an") and i + 1 < n:
        following = doc[i + 1].lower_
        needs_of = following in _A_AMOUNTS_NEED_OF
        if following in A_AMOUNTS and (not needs_of or (i + 2 < n and doc[i + 2].lower_ == "of")):
            value, vague, qualifier = A_AMOUNTS[following]
            items.append(("vague", *vague) if vague else ("word", value, value))
            j = i + 2
        elif following in _A_SCALES:
            items.append(("word", 1.0, 1.0))
            j = i + 1
        elif following == "half" and _is_unit_after_half(doc, i + 2):
            # "a half percentage point", "a half-hour": one half of a unit
            items.append(("word", 0.5, 0.5))
            j = i + 2
        else:
            return None
    while j < n:
        cur = doc[j]
        numeral = parse_numeral(cur)
        last = items[-1] if items else None
        if numeral is None:
            attached = last is not None and last[0] == "digits" and not doc[j - 1].whitespace_
            # the sentence's full stop may be written against the scale ("raised $5m.")
            letters = cur.lower_[:-1] if cur.is_sent_end and cur.lower_.endswith(".") else cur.lower_
            if attached and letters in _ATTACHED_SCALES and not is_metres(doc, j):
                numeral = ("scale", _ATTACHED_SCALES[letters], _ATTACHED_SCALES[letters])
            elif (last and last[0] == "vague" and cur.lower_ == "of" and j + 1 < n
                  and doc[j + 1].lower_ in _VAGUE_SCALES):
                factor = _VAGUE_SCALES[doc[j + 1].lower_]
                items.append(("scale", factor, factor))
                j += 2
                continue
            elif (last and last[0] == "word" and last[1] in TENS.values() and cur.text == "-"
                  and j + 1 < n and (doc[j + 1].lower_ in ONES or doc[j + 1].lower_ == ZERO)):
                j += 1
                continue
            elif (last and last[0] in ("digits", "word") and cur.text in DASHES and j + 1 < n
                  and doc[j + 1].lower_ in SCALES and not doc[j - 1].whitespace_ and not cur.whitespace_):
                # "a $1.5-million contract", "a two-billion-dollar deal": the scale joined by a hyphen
                j += 1
                continue
            elif (last and last[0] == "digits" and cur.text in DASHES and j + 1 < n and not doc[j - 1].whitespace_
                  and not cur.whitespace_ and (parse_numeral(doc[j + 1]) or ("",))[0] == "fraction"):
                # "1-1/8 pct", "to 25-1/2": a whole number and a fraction joined by a hyphen
                j += 1
                continue
            elif last and last[0] == "digits" and (spaced or _is_spaced_group(doc, j)) and _next_group(doc, j):
                # "10, 000 monkeys": the next group of thousands, set apart by a space
                grouped = last[1] * 1000 + int(doc[j + 1].text)
                items[-1] = ("digits", grouped, grouped)
                spaced = True
                j += 2
                continue
            elif (last and last[0] == "scale" and cur.lower_ == "and" and j + 1 < n
                  and parse_number_words(doc[j + 1].lower_) is not None):
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
    added = _and_a_fraction(doc, j) if items[-1][0] in ("word", "digits") else None
    if added is not None:
        # "two and a half years", "one and a quarter": the fraction adds to the whole number
        items.append((items[-1][0], added, added))
        j += 3
    if items[0][0] == "fraction" and (j >= n or (read_measure(doc, j) is None and doc[j].lower_ not in _PERCENT_WORDS)):
        # "1/4 mile", "1/2 cup", "3/8 pct": a fraction alone is a figure only of a unit, or of
        # a price that changed by it ("rose 3/4", "up 1/8")
        before = doc[i - 1] if i > 0 else None
        if before is None or not (before.lower_ in _CHANGE_ADVERBS
                                  or (before.pos_ == "VERB" and before.lemma_.lower() in _CHANGE_VERBS)):
            return None
    amount = _combine(i, j, items, qualifier)
    glued = _DIGITS_SCALED.match(doc[j - 1].lower_)
    if glued is not None and _ATTACHED_SCALES[glued.group(2)] > amount.scale:
        # "4bn": the scale written against the digits is the number's scale ("$3-4bn")
        return replace(amount, scale=_ATTACHED_SCALES[glued.group(2)])
    return amount


@examples(
    Example("It predicts that 10, 000 monkeys would type a sonnet.", "10, 000 monkeys", 10_000, "exact",
            "monkeys", "other"),
    Example("The stand held around 80, 000 spectators.", "around 80, 000 spectators", 80_000, "approximate",
            "spectators", "other"),
    Example("The fund holds 1, 250, 000 shares.", "1, 250, 000 shares", 1_250_000, "exact", "shares", "other"),
    Example("On March 5, 200 protesters marched.", "200 protesters", 200, "exact", "protesters", "other"),
    Example("Of the 10, 300 were freed.", "300", 300, "exact", None, "other"),
)
def _is_spaced_group(doc: Doc, k: int) -> bool:
    """Whether the comma at token k, after a whole number of one to three digits, sets apart a
    group of thousands: the groups of three digits that follow it, each after a comma and a
    space, include one that begins with a zero ("10, 000", "1, 250, 000"); "5, 200" may be a
    date and a count, and stays two numbers."""
    before = doc[k - 1].text if k >= 1 else ""
    if not (len(before) <= 3 and before.isdigit() and not doc[k - 1].whitespace_):
        return False
    while _next_group(doc, k):
        if doc[k + 1].text.startswith("0"):
            return True
        if doc[k + 1].whitespace_:
            return False
        k += 2
    return False


def _next_group(doc: Doc, k: int) -> bool:
    """Whether token k is a comma and a space before a group of three digits."""
    return k + 1 < len(doc) and doc[k].text == "," and bool(doc[k].whitespace_) and bool(_GROUP.match(doc[k + 1].text))


def _is_unit_after_half(doc: Doc, k: int) -> bool:
    """Whether "a half" is followed, from token k, by a unit it is half of ("a half percentage
    point", "a half-hour", "a half mile"), not by a noun it qualifies ("a half brother")."""
    k += k < len(doc) and doc[k].text in DASHES
    if k >= len(doc):
        return False
    word = doc[k].lower_
    return word in _HALF_UNITS or word in TIME_UNITS or read_measure(doc, k) is not None


def _and_a_fraction(doc: Doc, j: int) -> float | None:
    """The fraction that "and a half", "and a quarter" from token j adds to a whole number."""
    if j + 2 >= len(doc) or doc[j].lower_ != "and" or doc[j + 1].lower_ not in ("a", "an"):
        return None
    word = doc[j + 2].lower_
    return 1 / FRACTIONS[word] if word in _SINGLE_FRACTIONS else None


def _continues(last: tuple[str, float, float], numeral: tuple[str, float, float]) -> bool:
    """Whether a numeral goes on the number before it ("twenty five", "1.2 million")."""
    if numeral[0] == "scale":
        return True
    if numeral[0] == "fraction":
        # "7 3/4", "101 1/4": a whole number and a fraction
        return last[0] == "digits" and last[1].is_integer()
    if numeral[0] == "word":
        return last[0] == "scale" or (
            last[0] == "word" and last[1] in TENS.values() and 0 < numeral[1] < 10
        )
    return False


def _combine(
    start: int, end: int, items: list[tuple[str, float, float]], qualifier: str
) -> Amount:
    """The value of a read number; a vague amount keeps its bounds, scaled. Scales written one
    after the other multiply: "1.5 lakh crore" is 1.5 x 10^5 x 10^7, "two thousand million" 2 x 10^9."""
    total = current = flushed = 0.0
    vague: tuple[float, float] | None = None
    scale = 1.0
    previous: tuple[str, float] | None = None  # the item before, with its factor
    for kind, low, high in items:
        if kind == "vague":
            vague = (low, high)
        elif kind == "scale":
            scale = max(scale, low)
            if vague is not None:
                vague = (vague[0] * low, (vague[1] + 1) * low - 1)
            elif previous is not None and previous[0] == "scale" and current == 0.0:
                total, flushed = total - flushed + flushed * low, flushed * low
                scale = max(scale, previous[1] * low)
                low = previous[1] * low
            else:
                current = (current or 1.0) * low
                if low >= 1000:
                    total, current, flushed = total + current, 0.0, current
        else:
            current += low
        previous = (kind, low)
    in_words = not any(kind in ("digits", "fraction") for kind, _, _ in items)
    if vague is not None:
        return Amount(start, end, vague[0], vague[0], vague[1], "at_least", scale, in_words)
    value = total + current
    return Amount(start, end, value, value, value, qualifier, scale, in_words)
