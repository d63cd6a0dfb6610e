"""Units of measure, read through pint: "5 km", "30GB", "120 km/h", "660 square meters",
"35 miles per gallon", "40 degrees Celsius", "a 90,000 barrel-per-day refinery".

One pint `UnitRegistry` (pint's default definitions, no network), built at first use, says
whether a word is a unit. pint reads a great many English words and letters as units or
prefixes ("in", "am", "ton", "point", "barn", "a"), so a word is a unit of measure only when:

- it is a news spelling of the lexicon `measures` ("mph", "bhp", "lb-ft", "cc", "kgs", "m2",
  "short tons", the primes "6′" and "10″"), matched lower-case; or a bare "m" with a word of
  extent after it ("5 m long", "300m tall", "2 m x 3 m"), or written apart from its number in a
  sentence that measures length in another unit ("12 m 2 dm"); or a straight quote with a word
  of extent after it ("a pen 10 \" long"); or
- pint reads it, as written (or lower-cased, for a word of three letters or more), as one of
  the lexicon's `prefixes` on a root unit listed under its pint dimensionality in `families`
  (``km`` is kilo + meter, ``[length]``; British root spellings pint lacks are read as its own:
  "microgrammes"), and it is not one of `not_units` ("in", "m", "t": words, or news shorthand
  for a scale). The dimensionality is checked against pint's own.

A unit may be squared or cubed ("square kilometres", "sq m", "sq. ft", "cubic feet") and divided by a
second unit or a unit of time ("km/h", "miles per hour", "barrels a day", "barrel-per-day");
a degree word ("degrees", "deg", "°") is a temperature with a scale after it ("degrees
Celsius", "40 °C", "deg F", "degrees f") and ``degree`` without one; a scale named in full
needs no degree word ("40 Celsius"). A unit may end the sentence with its full stop written
against it ("120 km/h."). "Tons" is pint's ``ton`` (the short ton), as written: news uses it for
metric tonnes too, but nothing in the sentence says which, so only "tonnes" and "metric tons"
are ``metric ton``.

The unit recorded is pint's canonical name with spaces for underscores, in news order:
``kilometer``, ``metric ton``, ``degree Celsius``, ``square meter``, ``cubic foot``,
``kilometer per hour``, ``mile per hour``, ``barrel per day``, and a unit of power for hours
is one of energy (``kilowatt hour``: "3,000 kilowatt hours"). Its text as written is kept
(``unit_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newswire.extract.figures.examples import Example, examples
from newswire.extract.lexicons import lexicon

if TYPE_CHECKING:
    import pint

_MEASURES = lexicon("measures")
_SPELLINGS: dict[str, str] = dict(_MEASURES["spellings"])
_NOT_UNITS = frozenset(_MEASURES["not_units"])
_POWERS: dict[str, int] = dict(_MEASURES["powers"])
_POWER_NAMES = {2: "square", 3: "cubic"}
PER_WORDS = frozenset(_MEASURES["per_words"])
RATE_BASES: dict[str, str] = dict(_MEASURES["rate_bases"])
_NOT_RATE_AFTER = frozenset(_MEASURES["not_rate_after"])
_DEGREE_WORDS = frozenset(_MEASURES["degree_words"])
_SCALES: dict[str, str] = dict(_MEASURES["temperature_scales"])
# The units of a temperature on a scale: a figure in one is a temperature, and may be below zero.
TEMPERATURE_UNITS = frozenset(_SCALES.values())
_OTHER_UNITS: dict[str, str] = dict(_MEASURES["other_units"])
_ROOT_SPELLINGS: dict[str, str] = dict(_MEASURES["root_spellings"])
_DIMENSION_WORDS = frozenset(_MEASURES["dimension_words"])
# A bare "m", with the sentence's full stop or not: metres before a word of extent (`_is_dimension`).
BARE_M = frozenset({"m", "m."})
# Straight quotes for the primes of inches and feet: units only before a word of extent.
_QUOTE_MARKS: dict[str, str] = dict(_MEASURES["quote_marks"])
BRACKETS: dict[str, str] = dict(_MEASURES["brackets"])
# Words a unit of measure may start with whatever the tagger calls them ("sq" read as a
# determiner, a quote mark as punctuation).
UNTAGGED_STARTS = frozenset({*BARE_M, *_QUOTE_MARKS, *_POWERS, *(w for w in _SPELLINGS if not w.isalnum())})
_PREFIXES = frozenset(_MEASURES["prefixes"])
_LONGEST_GLUED = 5
# Signs a unit may be written with inside one word: "km/h", "lb-ft", "barrel-per-day", "°C".
_GLUE = frozenset({"/", "-", "°", "º"})
_POWERED = re.compile(r"^(.+?)([23²³])$")
_EXPONENTS = {"2": 2, "3": 3, "²": 2, "³": 3}


@dataclass(frozen=True, slots=True)
class Measure:
    """A unit of measure read from the tokens [start, end): its name and its text as written."""

    name: str
    start: int
    end: int
    written: str


@cache
def _registry() -> tuple[pint.UnitRegistry, dict[str, dict[str, float]]]:
    """pint's registry, and each allowed root unit with the dimensionality of its family."""
    import pint
    from pint.util import ParserHelper

    registry = pint.UnitRegistry()
    roots = {
        root: dict(ParserHelper.from_string("" if family == "dimensionless" else family))
        for family, names in _MEASURES["families"].items()
        for root in names
    }
    return registry, roots


@lru_cache(maxsize=1 << 14)  # words of the articles: remembered, within bounds
def unit_name(word: str, time_too: bool = False) -> str | None:
    """The canonical name of a one-word unit ("km" -> "kilometer", "tonnes" -> "metric ton"),
    or None when it is not a news unit; `time_too` admits the units of time ("h", "ms"),
    which are units of measure only as the base of a rate."""
    if word.lower() in _SPELLINGS:
        return _SPELLINGS[word.lower()]
    if word.lower() in _OTHER_UNITS:
        return _OTHER_UNITS[word.lower()]
    if word.lower() in _NOT_UNITS and not time_too:
        return None
    for british, spelling in _ROOT_SPELLINGS.items():
        word = re.sub(rf"{british}(s?)$", rf"{spelling}\1", word, flags=re.I)
    registry, roots = _registry()
    candidates = [word] if len(word) < 3 or word.islower() else [word, word.lower()]
    for candidate in candidates:
        try:
            parsed = registry.parse_unit_name(candidate)
            unit = registry.Unit(candidate) if parsed else None
        except (ValueError, KeyError, TypeError):
            # pint refuses some spellings outright: a prefixed offset unit ("m°C")
            continue
        if unit is None:
            continue
        prefix, root, _ = parsed[0]
        allowed = root in roots and dict(unit.dimensionality) == roots[root]
        if time_too and dict(unit.dimensionality) == {"[time]": 1}:
            allowed = True
        if allowed and prefix in _PREFIXES:
            return str(unit).replace("_", " ")
    return None


def is_mass(word: str) -> bool:
    """Whether a word is a unit of mass ("kg", "tonnes", "ounces", "ton")."""
    return _dimensionality(word) == {"[mass]": 1}


def _dimensionality(word: str) -> dict[str, float] | None:
    name = unit_name(word)
    if name is None:
        return None
    registry, _ = _registry()
    return dict(registry.Unit(name.replace(" ", "_")).dimensionality)


def compact_unit(text: str) -> str | None:
    """A unit written as one glued word: "km", "km/h", "km2", "barrel-per-day", "°C", and the
    capital of a temperature scale ("40C")."""
    text = text.replace("º", "°")
    name = unit_name(text)
    if name is not None:
        return name
    if text[:1] in ("°",) and text[1:].lower() in _SCALES:
        return _SCALES[text[1:].lower()]
    if text in ("C", "F"):
        # "40C", "104F": a scale's capital written against the number is a temperature
        return _SCALES[text.lower()]
    for separator in ("/", "-per-"):
        if separator in text:
            top, _, base = text.partition(separator)
            top_name, base_name = unit_name(top), unit_name(base, time_too=True)
            if top_name is not None and base_name is not None:
                return f"{top_name} per {base_name}"
            return None
    powered = _POWERED.match(text)
    if powered:
        name = unit_name(powered.group(1))
        if name is not None and name.endswith("meter"):
            return f"{_POWER_NAMES[_EXPONENTS[powered.group(2)]]} {name}"
    return None


def _glued(doc: Doc, k: int) -> int:
    """The end of the run of tokens from k written with no space between them."""
    end = k + 1
    while (end < min(len(doc), k + _LONGEST_GLUED) and not doc[end - 1].whitespace_
           and (not doc[end].is_punct or doc[end].text in _GLUE)):
        end += 1
    return end


@examples(
    Example("The train reached 300 km/h.", "300 km/h", 300, "exact", "kilometer per hour", "other"),
    Example("Power output is 150 kW.", "150 kW", 150, "exact", "kilowatt", "other"),
    Example("The statue is 12 ft. tall.", "12 ft", 12, "exact", "foot", "other"),
)
def _one_unit(doc: Doc, k: int, time_too: bool = False) -> tuple[str, int] | None:
    """A unit written from token k: the longest glued word that is one, then its end; a unit
    written with a full stop, its own or the sentence's, in one token ("150 kW.") is one too."""
    if k >= len(doc):
        return None
    for end in range(_glued(doc, k), k, -1):
        text = doc[k:end].text
        if text.endswith(".") and (end == k + 1 or doc[end - 1].is_sent_end):
            # "120 km/h.": the full stop of the sentence is written against the unit
            text = text[:-1]
        name = compact_unit(text) if not time_too else unit_name(text, time_too=True)
        if name is not None:
            return name, end
    return None


@examples(
    Example("Set the oven to 200 degrees f and wait.", "200 degrees f", 200, "exact", "degree Fahrenheit",
            "temperature"),
    Example("Temperatures topped 40 Celsius in Seville.", "40 Celsius", 40, "exact", "degree Celsius",
            "temperature"),
    Example("The lake froze at 32 degrees Fahrenheit.", "32 degrees Fahrenheit", 32, "exact",
            "degree Fahrenheit", "temperature"),
)
def read_temperature(doc: Doc, k: int) -> tuple[str, int] | None:
    """ "degrees Celsius", "deg F", "°C", "degrees f", "degrees": a degree word and its scale;
    "40 Celsius": a scale named in full after the number."""
    n = len(doc)
    if k < n and len(doc[k].lower_) > 1 and doc[k].lower_ in _SCALES:
        return _SCALES[doc[k].lower_], k + 1
    if k >= n or doc[k].lower_.replace("º", "°") not in _DEGREE_WORDS:
        return None
    if k + 1 < n and doc[k + 1].lower_ in _SCALES and (doc[k + 1].lower_ != "k" or doc[k + 1].text.isupper()
                                                       or not doc[k].whitespace_):
        # a letter after a degree word is its scale, in capitals or not ("degrees f"); "k" only
        # in capitals
        return _SCALES[doc[k + 1].lower_], k + 2
    return "degree", k + 1


@examples(
    Example("The plot measures 2,500 sq ft.", "2,500 sq ft", 2500, "exact", "square foot", "other"),
    Example("The house has 2,000 sq. ft of space.", "2,000 sq. ft", 2000, "exact", "square foot", "other"),
    Example("Stocks fell to 60,700 short tons.", "60,700 short tons", 60_700, "exact", "ton", "other"),
    Example("A home uses 3,000 kilowatt hours a year.", "3,000 kilowatt hours a year", 3000, "exact",
            "kilowatt hour per year", "other"),
    Example("The country used 1.5 terawatt-hours in May.", "1.5 terawatt-hours", 1.5, "exact", "terawatt hour",
            "other"),
    Example("The plant produces 100 megawatts for 10 hours.", "100 megawatts", 100, "exact", "megawatt", "other"),
    Example("CO2 levels reached 420 parts per million.", "420 parts per million", 420, "exact", "ppm", "other"),
    Example("Astronomers found a planet 40 light-years from Earth.", "40 light-years", 40, "exact", "light year",
            "other"),
    Example("The star is 600 light years away.", "600 light years", 600, "exact", "light year", "other"),
    Example("The service offers speeds of up to 1 Gbps.", "up to 1 Gbps", 1, "at_most", "gigabit per second",
            "other"),
)
def read_measure(doc: Doc, k: int) -> Measure | None:
    """The unit of measure written from token k, with the rate it may be the top of."""
    n = len(doc)
    temperature = read_temperature(doc, k)
    if temperature is not None:
        name, end = temperature
        return Measure(name, k, end, doc[k:end].text)
    spelled = next((size for size in (3, 2) if k + size <= n and _words(doc, k, size) in _SPELLINGS), None)
    if spelled is not None:
        name, end = _SPELLINGS[_words(doc, k, spelled)], k + spelled
    elif is_metres(doc, k):
        name, end = "meter", k + 1
    elif doc[k].text in _QUOTE_MARKS and _is_dimension(doc, k):
        name, end = _QUOTE_MARKS[doc[k].text], k + 1
    elif doc[k].lower_ in _POWERS and k + 1 < n:
        # after "square" or "cubic" a letter is a unit of length ("sq m"), never a scale; "sq."
        # may be written with its full stop
        dotted = doc[k + 1].text == "." and not doc[k].whitespace_ and k + 2 < n
        unit = _one_unit(doc, k + 1 + dotted, time_too=True)
        if unit is None or not unit[0].endswith(("meter", "mile", "foot", "inch", "yard")):
            return None
        name, end = f"{_POWER_NAMES[_POWERS[doc[k].lower_]]} {unit[0]}", unit[1]
    else:
        unit = _one_unit(doc, k)
        if unit is None:
            return None
        name, end = unit
    hours = _hours_after(doc, end) if _is_power(name) else None
    if hours is not None:
        # "3,000 kilowatt hours", "1.5 terawatt-hours": a power for an hour is energy
        name, end = f"{name} hour", hours
    if " per " not in name:
        base = read_rate_base(doc, end)
        if base is not None:
            name, end = f"{name} per {base[0]}", base[1]
    return Measure(name, k, end, doc[k:end].text)


def _words(doc: Doc, k: int, size: int) -> str:
    """The `size` words from token k, lower-case, a space between each."""
    return " ".join(t.lower_ for t in doc[k:k + size])


@cache
def _is_power(name: str) -> bool:
    """Whether the unit `name` ("kilowatt", "megawatt") is one of pint's units of power; the
    news units pint does not have (`other_units`: "magnitude") are not."""
    registry, _ = _registry()
    if " " in name or name not in registry:
        return False
    return registry.Unit(name).dimensionality == registry.watt.dimensionality


def _hours_after(doc: Doc, end: int) -> int | None:
    """The end of "hours" or "-hours" written from token `end`, after a unit of power."""
    k = end + 1 if end < len(doc) and doc[end].text in _GLUE and not doc[end - 1].whitespace_ else end
    return k + 1 if k < len(doc) and doc[k].lower_ in ("hour", "hours") else None


def is_metres(doc: Doc, k: int) -> bool:
    """Whether a bare "m" at token k, apart from the number or against it ("300m tall"), is
    metres (`_is_dimension`), not million."""
    return doc[k].text in BARE_M and _is_dimension(doc, k)


@examples(
    Example("Rescuers found a shark 5 m long on the beach.", "5 m", 5, "exact", "meter", "other"),
    Example("Each panel is 2 m x 3 m.", "2 m", 2, "exact", "meter", "other"),
    Example("Waves reached 4 m high on the coast.", "4 m", 4, "exact", "meter", "other"),
    Example("Each panel is 2 m x 3 m.", "3 m", 3, "exact", "meter", "other"),
    Example("The tower is 300m tall.", "300m", 300, "exact", "meter", "other"),
    Example('He has a pen that is 10 " long.', '10 "', 10, "exact", "inch", "other"),
    Example("The wall is 6′ high.", "6′", 6, "exact", "foot", "other"),
    Example("The board is 10 ″ wide.", "10 ″", 10, "exact", "inch", "other"),
    Example("The pool is 25 m, or 82 feet.", "25 m", 25, "exact", "meter", "other"),
    Example("The club paid £20m for him.", "£20m", 2e7, "exact", "GBP", "money"),
    Example("The city has 2m people and 40 km of canals.", "2m people", 2e6, "exact", "people", "other"),
    Example("The city spent £5m on 10 km of road.", "£5m", 5e6, "exact", "GBP", "money"),
    Example("The length is 12 m 2 dm more or less", "12 m", 12, "exact", "meter", "other"),
)
def _is_dimension(doc: Doc, k: int) -> bool:
    """Whether a bare "m" (or a quote mark) at token k after a number is metres (or inches,
    feet): a word of extent after it ("5 m long", "2 m x 3 m"), or after "x" or "by" after
    another number ("2 m x 3 m"), or, written apart from the number as SI writes it, another
    unit of length in the sentence ("12 m and 2 dm") where nothing follows the "m" that it could
    count; otherwise news writes "m" for million, against the number ("raised 5m")."""
    after = doc[k + 1].lower_ if k + 1 < len(doc) and doc[k].text != "m." else ""
    before = doc[k - 2].lower_ if k >= 2 else ""
    if after in _DIMENSION_WORDS or before in ("x", "by") and doc[k - 1].like_num:
        return True
    counts = k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")
    apart = k > 0 and bool(doc[k - 1].whitespace_)
    return doc[k].text in BARE_M and apart and not counts and any(
        t.i != k and _dimensionality(t.text) == {"[length]": 1} for t in doc[k].sent)


@examples(
    Example("Chemlawn rejected the 27 dlrs a share bid.", "27 dlrs a share", 27, "exact", "USD per share", "money"),
    Example("It bought palm olein at 355 dlrs per tonne cif.", "355 dlrs per tonne", 355, "exact",
            "USD per metric ton", "money"),
    Example("Opec defends its 18 dlr a barrel price target.", "18 dlr a barrel", 18, "exact", "USD per barrel",
            "money"),
    Example("Holders get a higher, $ 70 - a - share price .", "$ 70 - a - share", 70, "exact", "USD per share",
            "money"),
)
def read_rate_base(doc: Doc, k: int) -> tuple[str, int] | None:
    """What a rate is counted per, from token k: "per hour", "a barrel", "/h", "per share",
    and in one hyphenated word before a noun, "-a-share" ("a $70-a-share bid", "$ 70 - a - share"
    in tokenised text); a noun after
    the base is what the rate prices ("a 27 dlrs a share bid", "355 dlrs per tonne cif")."""
    n = len(doc)
    # the hyphens written against the words, or all set apart as tokenised text writes them
    hyphenated = (k + 3 < n and doc[k].text == "-" and doc[k + 2].text == "-" and doc[k + 1].lower_ in PER_WORDS
                  and len({bool(t.whitespace_) for t in doc[k - 1:k + 3]}) == 1)
    if hyphenated and doc[k + 3].lower_ in RATE_BASES:
        return RATE_BASES[doc[k + 3].lower_], k + 4
    if k + 1 >= n or doc[k].lower_ not in PER_WORDS:
        return None
    if doc[k].lower_ in ("a", "an") and doc[k + 1].tag_ not in ("NN", "NNP"):
        return None
    base = doc[k + 1].lower_
    if base in RATE_BASES:
        end = k + 2
        after = next((t for t in doc[end:end + 2] if not t.is_space), None)
        if after is not None and doc[k].lower_ in ("a", "an") and after.lower_ in _NOT_RATE_AFTER:
            return None
        return RATE_BASES[base], end
    if doc[k].lower_ in ("a", "an"):
        return None
    unit = _one_unit(doc, k + 1, time_too=True)
    return unit
