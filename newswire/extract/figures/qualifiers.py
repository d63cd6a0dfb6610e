"""Qualifiers: the words that say how exact a number is (`records.QUALIFIERS`).

Phrases before the number ("more than", "up to", "some", "an estimated"), after it or its
noun ("1,000 or more", "20 people or so"), joined to it ("40-plus", "50-odd", "30+"): the
lexicon `qualifiers`. Where a figure starts is read here too, with a currency sign between the
qualifier and the number ("more than $3bn"), its letters written apart from it or not ("C $300",
"C$300").
"""

from __future__ import annotations

from spacy.tokens import Doc

from newswire.extract.figures.amounts import DASHES
from newswire.extract.figures.currencies import code_before
from newswire.extract.figures.examples import Example, examples
from newswire.extract.figures.units import CURRENCY_SYMBOLS
from newswire.extract.lexicons import lexicon

_QUALIFIER_WORDS = lexicon("qualifiers")
# Qualifier phrases written before the number, word by word.
_QUALIFIER_OF: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): qualifier for phrase, qualifier in _QUALIFIER_WORDS["before"].items()
}
_LONGEST_QUALIFIER = max(len(words) for words in _QUALIFIER_OF)
# Qualifiers written after the number: "1,000 or more", "20 or so".
_RIGHT_QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): qualifier for phrase, qualifier in _QUALIFIER_WORDS["after"].items()
}
_HYPHEN_QUALIFIERS: dict[str, str] = dict(_QUALIFIER_WORDS["hyphen"])
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}


@examples(
    Example("Israel's offensive has killed over 32,000 Palestinians.", "over 32,000 Palestinians", 32_000,
            "at_least", "Palestinians", "killed"),
    Example("The attack killed some 1,200 people.", "some 1,200 people", 1200, "approximate", "people",
            "killed"),
    Example("At least 40 people were killed.", "At least 40 people", 40, "at_least", "people", "killed"),
    Example("Nearly 90 workers lost their jobs.", "Nearly 90 workers", 90, "approximate", "workers", "other"),
    Example("An estimated 20,000 people fled.", "An estimated 20,000 people", 20_000, "approximate", "people",
            "displaced"),
    Example("The agency estimated 810,000 people had fled Rafah.", "810,000 people", 810_000, "approximate",
            "people", "displaced"),
    Example("Up to 500 people fled the town.", "Up to 500 people", 500, "at_most", "people", "displaced"),
    Example("Fewer than 20 families remain.", "Fewer than 20 families", 20, "at_most", "families", "other"),
    Example("Inflation stayed above 5 percent.", "above 5 percent", 5, "at_least", "percent", "percent"),
    Example("Unemployment fell below 4 percent.", "below 4 percent", 4, "at_most", "percent", "percent"),
    Example("A maximum of 200 people may attend.", "A maximum of 200 people", 200, "at_most", "people",
            "other"),
    Example("Police sent a minimum of 50 guards.", "a minimum of 50 guards", 50, "at_least", "guards", "other"),
    Example("Upward of 3,000 people attended.", "Upward of 3,000 people", 3000, "at_least", "people", "other"),
    Example("The team scored exactly 100 points.", "exactly 100 points", 100, "exact", "points", "other"),
    Example("Sales were slightly more than $2 billion.", "slightly more than $2 billion", 2e9, "at_least", "USD",
            "money"),
    Example("The tax is well below 5 percent.", "well below 5 percent", 5, "at_most", "percent", "percent"),
    Example("The bill came to on the order of 20 million euros.", "on the order of 20 million euros", 2e7,
            "approximate", "EUR", "money"),
    Example("Not more than 10 people were allowed.", "Not more than 10 people", 10, "at_most", "people",
            "other"),
    Example("The bonds raised EUR 125 million.", "EUR 125 million", 1.25e8, "exact", "EUR", "money"),
    Example("The price starts at about USD 22.5 million.", "about USD 22.5 million", 2.25e7, "approximate",
            "USD", "money"),
    Example("Tickets cost AUD$ 15 each.", "AUD$ 15", 15, "exact", "AUD", "money"),
    Example("They fled, more than half of the city's population.", "more than half of the city's population",
            0.5, "at_least", "population", "share"),
)
def parse_left(doc: Doc, start: int, floor: int) -> tuple[int, str | None, str | None]:
    """Where the figure starts, given the words before its number: a qualifier and a currency
    sign ("more than $3bn")."""
    k = start
    currency = None
    if k - 1 >= floor and doc[k - 1].lower_ in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[doc[k - 1].lower_]
        k -= 1
        apart = _sign_apart(doc, k, floor)
        if apart is not None:
            currency = apart
            k -= 1
    elif k - 1 >= floor and code_before(doc[k - 1].text) is not None:
        # "EUR 125", "USD 22.5 million": the ISO code written before the amount
        currency = code_before(doc[k - 1].text)
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


@examples(
    Example("The charge was C $300 million.", "C $300 million", 3e8, "exact", "CAD", "money"),
    Example("It raised US $20 million.", "US $20 million", 2e7, "exact", "USD", "money"),
    Example("The fund holds HK $ 5 billion.", "HK $ 5 billion", 5e9, "exact", "HKD", "money"),
    Example("She paid for a $5 bill.", "$5", 5, "exact", "USD", "money"),
)
def _sign_apart(doc: Doc, sign: int, floor: int) -> str | None:
    """The currency of a sign whose letters are written apart from it ("C $300", "HK $ 5
    billion", "U.S. $20"): the letters and the sign at token `sign` make one symbol. A common
    word ("a $5 bill", "gave us $5") is no part of the sign, unless written in capitals ("US $20")."""
    letters = doc[sign - 1] if sign - 1 >= floor else None
    if letters is None or not letters.whitespace_:
        return None
    written = letters.text.replace(".", "")
    if not written.isalpha() or len(written) > 3 or (letters.is_stop and not (written.isupper() and len(written) > 1)):
        return None
    return CURRENCY_SYMBOLS.get(f"{written}{doc[sign].text}".lower())


@examples(
    Example("Officials said 1,000 or more people gathered.", "1,000 or more people", 1000, "at_least",
            "people", "other"),
    Example("Some 1,000 or more people gathered.", "Some 1,000 or more people", 1000, "approximate", "people",
            "other"),
    Example("Police counted 20 people or so.", "20 people or so", 20, "approximate", "people", "other"),
    Example("It hit 100 targets or fewer.", "100 targets or fewer", 100, "at_most", "targets", "other"),
    Example("The council hired 12 people at most.", "12 people at most", 12, "at_most", "people", "other"),
    Example("Brent may reach $90 a barrel or higher.", "$90 a barrel or higher", 90, "at_least", "USD per barrel",
            "money"),
    Example("There were 40-plus people in the room.", "40-plus people", 40, "at_least", "people", "other"),
    Example("Rioters burned 50-odd cars.", "50-odd cars", 50, "approximate", "cars", "other"),
    Example("The convoy had 30+ trucks.", "30+ trucks", 30, "at_least", "trucks", "other"),
)
def parse_right_qualifier(doc: Doc, j: int) -> tuple[int, str] | None:
    """A qualifier written after the number or its noun, from token j: "1,000 or more",
    "20 people or so", "40-plus", "50-odd", "30+": (tokens it takes, qualifier)."""
    words = tuple(t.lower_ for t in doc[j:j + 2])
    if len(words) == 2 and words in _RIGHT_QUALIFIERS:
        return 2, _RIGHT_QUALIFIERS[words]
    if j == 0 or j >= len(doc) or doc[j - 1].whitespace_:
        return None
    if doc[j].text == "+":
        return 1, "at_least"
    attached = doc[j].text in DASHES and not doc[j].whitespace_ and len(words) == 2
    if attached and words[1] in _HYPHEN_QUALIFIERS:
        return 2, _HYPHEN_QUALIFIERS[words[1]]
    return None
