"""What is not a figure, and the one kind of count that is read differently: a person's age.

Not figures: phone numbers and clock times, labels ("page 12", "No. 5", "Boeing 737", "F-35"),
model numbers and ranks before a singular noun ("the 787 Dreamliner"), dates and times (unless
the entity recogniser took a count for one: "Between 15 and 22 people"), numbers in names, bare
years, a word number on its own, and a small word number after a definite determiner ("the two
sides") that refers back to a group already named. An age ("aged 55", "a 55-year-old",
"Papermaster, 49,") is a measure in ``year``. Label and calendar words come from the lexicon
`not_figures`, with the months and weekdays of `newswire.extract.calendar_words`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newswire.extract.calendar_words import MONTHS, WEEKDAYS
from newswire.extract.figures.amounts import DASHES, DATE_LABELS, Amount
from newswire.extract.figures.categories import UNCOUNTED_CATEGORIES
from newswire.extract.figures.counted import Unit
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.lexicons import lexicon

_NOT_FIGURES = lexicon("not_figures")
# Words before a number that make it a label rather than a count ("page 12", "No. 5").
_LABEL_WORDS = frozenset(_NOT_FIGURES["label_words"])
# Words that show an entity taken for a date is one.
_CALENDAR_WORDS = frozenset({*MONTHS, *WEEKDAYS, *_NOT_FIGURES["calendar_words"]})
# Nouns whose plural is written like the singular: "500 aircraft", "10,000 staff".
_INVARIANT_PLURALS = frozenset(lexicon("plurals")["invariant"])
# Nouns for a person whose age may follow in commas: "the driver, 34, was arrested".
_PERSON_LEMMAS = frozenset(lexicon("count_cues")["person_lemmas"])
_NAME_LABELS = {
    "PERSON", "ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP",
    "LANGUAGE",
}
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
# "the two sides", "these three countries": a small word number after a definite determiner
# names a group already introduced, it does not report a count.
_DEFINITE = {"the", "these", "those"}
_MAX_REFERENCE = 12
_MAX_AGE = 120

_PHONE = re.compile(r"(?<![\d,.])(?:\+?\d{1,3}[ .-])?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d,])")
# How every phone number ends: a text without it has none.
_PHONE_END = re.compile(r"\d{3}[ .-]\d{4}")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s?[ap]\.?m\b", re.I)


@examples(
    NoFigure("For details call 555-123-4567 today."),
    NoFigure("On March 27, 2024, at 10:30 a.m., the minister spoke."),
)
def parse_blocked_chars(text: str) -> list[tuple[int, int]]:
    """Character ranges of phone numbers and clock times: never part of a figure."""
    patterns = (_PHONE, _CLOCK) if _PHONE_END.search(text) else (_CLOCK,)
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def is_blocked(doc: Doc, amount: Amount, blocked: list[tuple[int, int]]) -> bool:
    lo = doc[amount.start].idx
    hi = doc[amount.end - 1].idx + len(doc[amount.end - 1])
    return any(s < hi and lo < e for s, e in blocked)


@examples(
    NoFigure("The figures are on page 12 of the report."),
    NoFigure("The Big 12 and the Airbus A380 and the Boeing 737 were discussed."),
    NoFigure("The F-35 and the G7 summit were delayed by COVID-19."),
)
def is_label(doc: Doc, start: int, amount: Amount) -> bool:
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
        prev.text in DASHES and not prev.whitespace_ and start > 1
        and doc[start - 2].is_alpha and not doc[start - 2].whitespace_
    )


@examples(
    NoFigure("It was launched in response to the October 7 attack."),
    NoFigure("The 22nd Amendment was ratified in 1951."),
    NoFigure("He was born in 1990."),
    NoFigure("He finished first and she came second."),
)
def is_figure(doc: Doc, amount: Amount, unit: Unit) -> bool:
    """Not a date or time, not part of a name, not a bare year."""
    tokens = doc[amount.start:amount.end]
    dated = any(t.ent_type_ in DATE_LABELS for t in tokens)
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


@examples(
    NoFigure("The two sides agreed to meet again soon."),
    NoFigure("Tensions grew between the two nations."),
    NoFigure("These three countries signed the accord."),
    Example("Hamas still holds the 128 hostages.", "128 hostages", 128, "exact", "hostages", "hostages"),
    Example("Delegates met for the two-day summit.", "two-day", 2, "exact", "day", "duration"),
)
def is_reference(doc: Doc, amount: Amount, start: int, unit: Unit) -> bool:
    """ "the two sides", "these three countries": a small word number after a definite
    determiner and before its noun refers back to a group already named, it is not a count a
    reader would tabulate. "two Iranian proxy groups", "the 128 hostages" and "the two-day
    summit" stay figures."""
    return (
        amount.in_words and amount.scale == 1 and amount.value <= _MAX_REFERENCE
        and start == amount.start > 0 and doc[start - 1].lower_ in _DEFINITE
        and unit.head is not None and doc[amount.end].text not in DASHES
        and unit.category not in UNCOUNTED_CATEGORIES
    )


@examples(
    Example("Apple confirmed that Papermaster, 49, had left the company.", "49", 49, "exact", "year", "other"),
    Example("Jobs, aged 55, has taken medical leave.", "55", 55, "exact", "year", "other"),
    Example("Jobs died at the age of 56, the company said.", "56", 56, "exact", "year", "other"),
    Example("A 55-year-old man was killed.", "55-year-old", 55, "exact", "year", "other"),
    Example("The boy, who is 12 years old, survived.", "12 years old", 12, "exact", "year", "other"),
)
def parse_age(doc: Doc, amount: Amount, start: int, end: int) -> int | None:
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


@examples(
    NoFigure("Airbus delivered the 787 Dreamliner late."),
)
def _is_model_number(doc: Doc, amount: Amount, head: int) -> bool:
    """A number above one before a singular noun names a model or a rank, it does not count:
    "the 787 Dreamliner", "737 replacement development", "iOS 4 operating system"."""
    noun = doc[head]
    if amount.value <= 1 or amount.scale > 1 or noun.tag_ not in ("NN", "NNP"):
        return False
    plural_label = noun.lower_.endswith("s") and any(c.isdigit() for c in noun.text)
    if plural_label or noun.lower_ in _INVARIANT_PLURALS or head < amount.end:
        return False
    # "two-front war", "a 10,000-strong force": a hyphenated quantity before its noun
    hyphenated = doc[amount.end].text in DASHES and doc[amount.end + 1].is_alpha
    return not (hyphenated and head in (amount.end + 1, amount.end + 2))


@examples(
    Example("Officials counted some 40 at the gate.", "some 40", 40, "approximate", None, "other"),
    NoFigure("Boeing's 777 is selling well."),
)
def is_bare_figure(doc: Doc, amount: Amount, start: int, category: str) -> bool:
    """Whether a number with nothing counted after it is a figure: "killed 1,200", "rose to
    32,000"; not "the 787", "Boeing's 777", "final 717", nor a word number on its own."""
    if category != "other":
        return True
    if amount.in_words or doc[amount.end - 1].ent_type_ not in _NUMBER_LABELS:
        return False
    return start > amount.start or start == 0 or doc[start - 1].pos_ not in ("DET", "PART", "ADJ")


@examples(
    Example("Between 15 and 22 people were hurt.", "Between 15 and 22 people", 15, "range", "people", "injured",
            (15, 22)),
)
def _is_misdated_count(doc: Doc, amount: Amount, unit: Unit) -> bool:
    """A count the entity recogniser took for a date ("Between 15 and 22 people"): a plural
    common noun outside the entity, and no calendar word or year inside it."""
    head = None if unit.head is None else doc[unit.head]
    if head is None or head.tag_ != "NNS" or head.ent_type_ in DATE_LABELS:
        return False
    first = doc[amount.start]
    entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    if entity is None:
        return False
    return not any(
        t.lower_ in _CALENDAR_WORDS or (t.is_digit and len(t.text) == 4) for t in entity
    )
