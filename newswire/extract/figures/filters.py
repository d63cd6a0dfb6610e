"""What is not a figure, and the one kind of figure that is read differently: an age.

Not figures: phone numbers and clock times, labels ("page 12", "No. 5", "Apt. 1C", "Boeing 737",
"F-35") and ranks ("the number one focus"), the numbers of the items of a list ("1) explains why;
2) shows how", a line that opens "2. Highlights:"),
model numbers and ranks before a singular noun ("the 787 Dreamliner"), dates and times (unless
the entity recogniser took a count for one: "Between 15 and 22 people"), numbers in names (not
digits it took into a person's name, "call Bob 3 times", nor a number with its unit of measure
or money written after it, "885p"), bare
years, a word number on its own, "one of" a group ("one of the best"), and a small word number
after a definite determiner ("the two sides") that refers back to a group already named. Label
and calendar words come from the lexicon `not_figures`, with the months and weekdays of
`newswire.extract.calendar_words`.

An age is a figure of category ``age`` in ``year`` (``month``, ``week``, ``day`` for infants:
the `age_units` of the lexicon `count_cues`). "A 55-year-old", "12 years old", "65 years of age"
give how old a person or a thing is ("a 45-year-old law" is an age too: the words say how old it
is); "aged 55", "at the age of 56", "older than 65", "Papermaster, 49," and "the driver (34)"
are forms only people take. "Five years ago" stays a date and "for five years" a duration.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newswire.extract.calendar_words import MONTHS, TIME_UNITS, WEEKDAYS
from newswire.extract.figures.amounts import DASHES, DATE_LABELS, Amount
from newswire.extract.figures.categories import UNCOUNTED_CATEGORIES
from newswire.extract.figures.counted import Unit
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.lexicons import lexicon
from newswire.extract.numbers import TENS

_NOT_FIGURES = lexicon("not_figures")
# Words before a number that make it a label rather than a count ("page 12", "No. 5").
_LABEL_WORDS = frozenset(_NOT_FIGURES["label_words"])
# Words that show an entity taken for a date is one.
_CALENDAR_WORDS = frozenset({*MONTHS, *WEEKDAYS, *_NOT_FIGURES["calendar_words"]})
# Nouns whose plural is written like the singular: "500 aircraft", "10,000 staff".
_INVARIANT_PLURALS = frozenset(lexicon("plurals")["invariant"])
# Nouns for a person whose age may follow in commas: "the driver, 34, was arrested", "the
# minister, 58, resigned" (the nouns that head a role).
_PERSON_LEMMAS = frozenset([*lexicon("count_cues")["person_lemmas"], *lexicon("titles")["role_nouns"]])
# The units an age is counted in ("55-year-old", "6-month-old baby"), by their words.
_AGE_UNITS = {
    word: unit.name for word, unit in TIME_UNITS.items() if unit.name in lexicon("count_cues")["age_units"]
}
# Short forms of "years old": "an 87 yo man", "a 34 y/o woman".
_AGE_ABBREVIATIONS: dict[str, str] = dict(lexicon("count_cues")["age_abbreviations"])
_AGE_ABBREVIATION_INITIALS = frozenset(written[0] for written in _AGE_ABBREVIATIONS)
_NAME_LABELS = {
    "PERSON", "ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP",
    "LANGUAGE",
}
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Digits with a thousands separator ("4,783.45"): a number, whatever label the model gives it.
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{2,3})+(?:\.\d+)?$")
# Names that are never a person whose age follows in commas ("in Paris, 12, ...").
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# "the two sides", "these three countries": a small word number after a definite determiner
# names a group already introduced, it does not report a count.
_DEFINITE = {"the", "these", "those"}
_MAX_REFERENCE = 12
# Where a number stands as a noun phrase of its own: subject, object, after a preposition.
_NOUN_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})
# What joins the numbers of a list ("years one, two and three").
_COORDINATORS = frozenset({",", "and", "or"})
_MAX_AGE = 120
# How a line that ends a sentence or introduces a list ends.
_LINE_ENDS = frozenset(".:!?;\"”)")

_PHONE = re.compile(r"(?<![\d,.])(?:\+?\d{1,3}[ .-])?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d,])")
# A local number of seven digits ("225-8452"), which no range of round numbers is ("500-1000", "150-2500").
_LOCAL_PHONE = re.compile(r"(?<![\d,.-])[1-9]\d[1-9]-\d{2}(?!00)\d{2}(?![\d,-])")
# How every phone number ends: a text without it has none.
_PHONE_END = re.compile(r"\d{3}[ .-]\d{4}")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s?[ap]\.?m\b", re.I)


@examples(
    NoFigure("For details call 555-123-4567 today."),
    NoFigure("Contact: 624-6456; 225-8452 or 225-8491."),
    Example("Between 500-1000 people marched.", "Between 500-1000 people", 500, "range", "people", "other",
            (500, 1000)),
    NoFigure("On March 27, 2024, at 10:30 a.m., the minister spoke."),
)
def parse_blocked_chars(text: str) -> list[tuple[int, int]]:
    """Character ranges of phone numbers and clock times: never part of a figure."""
    patterns = (_PHONE, _LOCAL_PHONE, _CLOCK) if _PHONE_END.search(text) else (_CLOCK,)
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def is_blocked(doc: Doc, amount: Amount, blocked: list[tuple[int, int]]) -> bool:
    lo = doc[amount.start].idx
    hi = doc[amount.end - 1].idx + len(doc[amount.end - 1])
    return any(s < hi and lo < e for s, e in blocked)


@examples(
    NoFigure("The figures are on page 12 of the report."),
    NoFigure("The Big 12 and the Airbus A380 and the Boeing 737 were discussed."),
    NoFigure("The F-35 and the G7 summit were delayed by COVID-19."),
    NoFigure("Microsoft said Windows 11 runs on the 4G network."),
    NoFigure("Leaders at the G20 drove along Route 66 in an F-16."),
    Example("I tried to call Bob 3 times already.", "3 times", 3, "exact", "times", "other"),
    Example("Revenue 4.6 mln vs 3.9 mln", "4.6 mln", 4_600_000, "exact", None, "other"),
    Example("Profit 1,250,000 vs 980,000", "1,250,000", 1_250_000, "exact", None, "other"),
    Example("Nasdaq 15,210.4 at the close.", "15,210.4", 15_210.4, "exact", None, "other"),
    NoFigure("The Intel 8086 and the Boeing 747 are old designs."),
    NoFigure("The board approved a three-for-two stock split."),
    NoFigure("Voting is at 2344 Bragg St., Apt. 1C, until 8 p.m."),
    NoFigure("Public health is and will always be the number one focus."),
    Example("Officers sealed off the unit. 5 people were hurt.", "5 people", 5, "exact", "people", "injured"),
)
def is_label(doc: Doc, start: int, amount: Amount) -> bool:
    """A number that names or numbers something: "page 12", "Boeing 737", "Big 12", "F-35";
    not one the entity recogniser took into a person's name ("called Bob 3 times"): people are
    not numbered. Names and models are never written with a scale or grouped in thousands, so
    after a capitalised word "Revenue 4.6 mln" and "Profit 1,250,000" (a results table) are
    amounts; a number in words labels only when glued to a word before it ("three-for-two")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    glued_to_word = (prev.text in DASHES and not prev.whitespace_ and start > 1
                     and doc[start - 2].is_alpha and not doc[start - 2].whitespace_)
    if amount.in_words:
        # "a three-for-two split": a number in words is a label only when glued to a word before
        # it; "the number one focus" is a rank
        return (glued_to_word and doc[start - 2].lower_ not in TENS) or prev.lower_ == "number"
    if prev.lower_ in _LABEL_WORDS or (prev.text == "." and _is_abbreviated_label(doc, start - 2)):
        return True
    if amount.scale > 1 or _GROUPED.match(doc[amount.start].text):
        return False
    if prev.text in ("'", "’") and not prev.whitespace_:
        return True
    misnamed = prev.ent_type_ == "PERSON" and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I"
    if start == amount.start and prev.is_alpha and not misnamed and (
        prev.pos_ == "PROPN" or (not prev.is_sent_start and any(c.isupper() for c in prev.text))
    ):
        return True
    return glued_to_word


def _is_abbreviated_label(doc: Doc, i: int) -> bool:
    """Whether the word at `i`, a full stop glued to it, abbreviates a label word: "No. 5", "p. 12",
    and a capitalised "Apt. 1C" (a lower-case "the unit." ends a sentence)."""
    if i < 0 or doc[i].whitespace_:
        return False
    word = doc[i].lower_
    return f"{word}." in _LABEL_WORDS or (word in _LABEL_WORDS and doc[i].text[:1].isupper())


@examples(
    NoFigure("The study 1) explains why; 2) shows how; and 3) predicts when."),
    Example("The driver (34) was arrested.", "34", 34, "exact", "year", "age"),
    Example("Sales rose (by 5) in May.", "5", 5, "exact", None, "other", change="up"),
    NoFigure("Here are some tips for your profile.\n\n2. Highlights: delete anything old."),
    NoFigure("Some trends stand out:\n\n1. Iowa's political class is not excited."),
    Example("The team had scored\n2. Then it stopped scoring.", "2", 2, "exact", None, "other"),
)
def is_list_marker(doc: Doc, amount: Amount) -> bool:
    """A number that numbers the items of a list: closed by a bracket never opened ("1)
    explains why; 2) shows how"), or opening a line with a full stop after a line that ended
    a sentence or introduced the list ("tips:\n\n2. Highlights: ..."). A number that opens a
    line in the middle of a sentence ("had scored\n2. Then") ends that sentence."""
    tok = doc[amount.start]
    if amount.end != amount.start + 1 or not tok.is_digit or amount.end >= len(doc):
        return False
    if doc[amount.end].text == "." and _opens_list_line(doc, amount.start):
        return True
    if doc[amount.end].text != ")":
        return False
    for before in reversed(doc[tok.sent.start:amount.start]):
        if before.text == "(":
            return False
        if before.text == ")":
            return True
    return True


def _opens_list_line(doc: Doc, i: int) -> bool:
    """Whether the number at `i`, a full stop after it, opens a line of a list: the story or
    the line opens with it, the line before ended a sentence or introduced the list, and a
    capital follows."""
    if len(doc[i]) > 2 or i + 2 >= len(doc) or not doc[i + 1].whitespace_ or not doc[i + 2].text[:1].isupper():
        return False
    if i == 0:
        return True
    before = doc[i - 1]
    return before.is_space and "\n" in before.text and (i == 1 or doc[i - 2].text[-1:] in _LINE_ENDS)


@examples(
    NoFigure("It was launched in response to the October 7 attack."),
    NoFigure("The 22nd Amendment was ratified in 1951."),
    NoFigure("He was born in 1990."),
    NoFigure("He finished first and she came second."),
    NoFigure("She finished 3rd, the 21st time in a row."),
    Example("It was 40°C in Seville on Monday.", "40°C", 40, "exact", "degree Celsius", "temperature"),
    Example("He weighs 200lbs now.", "200lbs", 200, "exact", "pound", "other"),
    Example("Shares were up 12p at 845p.", "12p", 0.12, "exact", "GBP", "money", change="up"),
    Example("The item sells for GBP 350.", "GBP 350", 350, "exact", "GBP", "money"),
    Example("Output rose in 1987 to 1.45 mln tonnes.", "1.45 mln tonnes", 1_450_000, "exact", "metric ton", "other"),
    Example("½ teaspoon baking powder", "½ teaspoon", 0.5, "exact", "teaspoon", "other"),
)
def is_figure(doc: Doc, amount: Amount, unit: Unit, signed: bool = False) -> bool:
    """Not a date or time (digits grouped in thousands never are), not part of a name, not a
    bare year. A unit of measure, a currency
    or a percentage written with the number ("40°C", "200lbs", "12p") makes it a figure even
    where the entity recogniser took it for a date or a name; so does a currency sign or code written
    before the number ("S$40", "GBP 350") where it took it for a name (`signed`)."""
    tokens = doc[amount.start:amount.end]
    is_year = _is_bare_year(doc, amount)
    # digits grouped in thousands are never a date ("to close at 4,783.45")
    dated = any(t.ent_type_ in DATE_LABELS and not _GROUPED.match(t.text) for t in tokens)
    measured = unit.head is None and unit.text is not None and not is_year
    if dated and unit.category != "duration" and not measured and not _is_misdated_count(doc, amount, unit):
        return False
    if not (signed or measured) and any(_is_named(t) for t in tokens):
        return False
    if unit.head is not None and _is_model_number(doc, amount, unit.head):
        return False
    return not (is_year and unit.text is None)


def _is_named(tok: Token) -> bool:
    """Whether a token of a number is part of a name: the entity recogniser says so, unless it
    takes digits for part of a person's name ("call Bob 3 times")."""
    return tok.ent_type_ in _NAME_LABELS and not (tok.ent_type_ == "PERSON" and tok.is_digit)


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
    Example("Apple confirmed that Papermaster, 49, had left the company.", "49", 49, "exact", "year", "age"),
    Example("Jobs, aged 55, has taken medical leave.", "55", 55, "exact", "year", "age"),
    Example("Jobs died at the age of 56, the company said.", "56", 56, "exact", "year", "age"),
    Example("The girl was taken to hospital at age 9.", "9", 9, "exact", "year", "age"),
    Example("Children aged 5 to 11 will get the vaccine.", "5 to 11", 5, "range", "year", "age", (5, 11)),
    Example("A 55-year-old man was killed.", "55-year-old", 55, "exact", "year", "age"),
    Example("The 52 year-old minister resigned.", "52 year-old", 52, "exact", "year", "age"),
    Example("The boy, who is 12 years old, survived.", "12 years old", 12, "exact", "year", "age"),
    Example("Rescuers found a 6-month-old baby alive.", "6-month-old", 6, "exact", "month", "age"),
    Example("Most patients were over 65 years of age.", "over 65 years of age", 65, "at_least", "year", "age"),
    Example("The children were younger than three months old.", "younger than three months old", 3, "at_most",
            "month", "age"),
    Example("People older than 65 are most at risk.", "older than 65", 65, "at_least", "year", "age"),
    Example("The driver (34) was arrested.", "34", 34, "exact", "year", "age"),
    Example("The minister, 58, resigned on Friday.", "58", 58, "exact", "year", "age"),
    Example("The company's chairman, 71, will retire.", "71", 71, "exact", "year", "age"),
    Example("The novelist, 77, was stabbed in New York.", "77", 77, "exact", "year", "age"),
    Example("Lawmakers repealed the 45-year-old law.", "45-year-old", 45, "exact", "year", "age"),
    Example("The patient is an 87 yo man.", "87 yo", 87, "exact", "year", "age"),
    Example("Police arrested a 34 y/o woman.", "34 y/o", 34, "exact", "year", "age"),
    NoFigure("She moved to the city five years ago."),
    Example("He has lived in the city for five years.", "five years", 5, "exact", "year", "duration"),
    NoFigure("Shops in Paris, 12, closed early."),
    Example("Most 25-year-olds rent their homes.", "25-year-olds", 25, "exact", "year", "age"),
    Example("The rate is highest among 15-24-year-olds.", "15-24-year-olds", 15, "range", "year", "age", (15, 24)),
)
def parse_age(doc: Doc, amount: Amount, start: int, end: int) -> tuple[int, str] | None:
    """Where an age ends and its unit, when the number [start, end) gives one: "a 55-year-old",
    "25-year-olds" (people of that age), "12 years old", "6-month-old", "65 years of age" (of a
    person or of a thing: how old it is), and the forms only people take: "aged 55", "at the age of 56", "older than 65",
    "Papermaster, 49, had left", "the driver (34)"."""
    if amount.scale > 1 or amount.value <= 0:
        return None
    tail = _parse_age_unit(doc, end)
    if tail is not None:
        return tail
    if not amount.value.is_integer() or amount.value > _MAX_AGE:
        return None
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    if before[-1:] in (["aged"], ["age"], ["ages"]) or before == ["age", "of"]:
        unit = _AGE_UNITS.get(doc[end].lower_) if end < len(doc) else None
        return (end + 1, unit) if unit is not None else (end, "year")
    if [t.lower_ for t in doc[max(0, amount.start - 2):amount.start]] in (["older", "than"], ["younger", "than"]):
        return end, "year"
    opening = doc[start - 1].text if start > 0 else ""
    if start < 2 or start != amount.start or amount.in_words or opening not in (",", "("):
        return None
    closers = (")",) if opening == "(" else (",", ";", ")", ".")
    closed = end >= len(doc) or doc[end].text in closers
    named = doc[start - 2]
    person = (named.ent_type_ == "PERSON" or named.lemma_.lower() in _PERSON_LEMMAS
              or (named.pos_ == "PROPN" and named.ent_type_ not in _PLACE_LABELS))
    return (end, "year") if closed and person else None


def _parse_age_unit(doc: Doc, end: int) -> tuple[int, str] | None:
    """An age written after its number, from token end: "-year-old(s)", "years old", "month-old",
    "years of age", and the short forms "yo", "y/o": (end, unit)."""
    n = len(doc)
    k = end + 1 if end < n and doc[end].text in DASHES else end
    if k < n and doc[k].lower_[:1] in _AGE_ABBREVIATION_INITIALS:
        for size in (3, 2, 1):
            written = doc[k:k + size].text.lower()
            if k + size <= n and written in _AGE_ABBREVIATIONS:
                return k + size, _AGE_ABBREVIATIONS[written]
    if k >= n or doc[k].lower_ not in _AGE_UNITS:
        return None
    unit = _AGE_UNITS[doc[k].lower_]
    k += 1
    hyphen = k < n and doc[k].text in DASHES
    if k + hyphen < n and doc[k + hyphen].lower_ in ("old", "olds"):
        return k + hyphen + 1, unit
    if not hyphen and [t.lower_ for t in doc[k:k + 2]] == ["of", "age"]:
        return k + 2, unit
    return None


@examples(
    NoFigure("Airbus delivered the 787 Dreamliner late."),
    Example("The margin will be cut to 1-1/4 point.", "1-1/4 point", 1.25, "exact", "point", "other"),
)
def _is_model_number(doc: Doc, amount: Amount, head: int) -> bool:
    """A number above one in digits before a singular noun names a model or a rank, it does not
    count: "the 787 Dreamliner", "737 replacement development", "iOS 4 operating system"; a
    number in words never names one ("a three judge panel")."""
    noun = doc[head]
    if amount.value <= 1 or amount.scale > 1 or amount.in_words or noun.tag_ not in ("NN", "NNP"):
        return False
    if "/" in doc[amount.end - 1].text:
        # "cut to 1-1/4 point", "a 100-1/8 issue price": a fraction never names a model
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
    Example("The S&P 500 rose 0.8% to close at 4,783.45.", "4,783.45", 4783.45, "exact", "points", "other"),
    Example("Sales grew by 1.2 million to 67.4 million.", "67.4 million", 67_400_000, "exact", None, "other"),
    Example("Shares were up 1/8 at 12-7/8.", "12-7/8", 12.875, "exact", None, "other"),
    Example("Monthly output has stayed under 150 mln since May.", "under 150 mln", 150_000_000, "at_most", None,
            "other"),
    Example("The 2.5 billion were spent on roads.", "2.5 billion", 2_500_000_000, "exact", None, "other"),
    NoFigure("Part number xr2-173m is out of stock."),
    Example("The boat sailed with a crew of six.", "six", 6, "exact", None, "other"),
    Example("Twelve were rescued from the mine.", "Twelve", 12, "exact", None, "other"),
    Example("The airline kept leasing rights to five of them.", "five", 5, "exact", None, "other"),
    NoFigure("The two met in Geneva on Monday."),
    NoFigure("The bond pays more in years three, four and five."),
    NoFigure("No one was hurt and one said she saw it."),
    NoFigure("One of the men was arrested."),
    NoFigure("It is one of the best films of the year."),
    Example("Unemployment claims rose by 12,000 to 231,000.", "231,000", 231_000, "exact", None, "other"),
)
def is_bare_figure(doc: Doc, amount: Amount, start: int, category: str) -> bool:
    """Whether a number with nothing counted after it is a figure: "killed 1,200", "rose to
    32,000", a number in words that stands for what it counts ("a crew of six"), digits with a
    scale word ("by 1.2 million to 67.4 million", "averaged under 150
    mln", "5bn": an amount whatever the words before it; a single letter, "1m", may be a
    unit or part of a code); not "the 787", "Boeing's 777", "final 717", nor a
    word number on its own, nor "one of" a group ("one of the men was arrested"), which picks a
    member and counts nothing, nor the pronoun "no one"."""
    one_of = amount.in_words and amount.value == 1 and amount.end < len(doc) and doc[amount.end].lower_ == "of"
    no_one = amount.in_words and amount.value == 1 and start > 0 and doc[start - 1].lower_ == "no"
    if one_of or no_one:
        return False
    scale_word = amount.scale > 1 and not amount.in_words and len(doc[amount.end - 1].text) > 1
    if category != "other" or scale_word:
        return True
    last = doc[amount.end - 1]
    before = doc[start - 1] if start > 0 else None
    if amount.in_words:
        return _stands_for_count(last, before)
    grouped = bool(_GROUPED.match(last.text))
    # the entity recogniser may leave the fraction of "12-7/8" out of the number
    labelled = doc[amount.start] if "/" in last.text else last
    if labelled.ent_type_ not in _NUMBER_LABELS and not grouped:
        return False
    # "to" before a number is the level's preposition, whatever the tagger calls it ("rose by
    # 12,000 to 231,000", parsed as a range)
    return start > amount.start or before is None or before.lower_ == "to" or before.pos_ not in ("DET", "PART", "ADJ")


def _stands_for_count(last: Token, before: Token | None) -> bool:
    """Whether a number in words with no noun after it stands for what it counts, as a noun
    phrase of its own: "a crew of six", "leasing rights to five", "Twelve were rescued". The
    entity recogniser calls it a number; "one" is a pronoun as often as a number, "the two"
    refers back to a group already named, a number after its noun labels it ("in years
    three, four and five", "phase two"), and one coordinated with a hyphenated number leaves
    its unit to it ("two, three and six-month rates")."""
    if last.ent_type_ != "CARDINAL" or last.dep_ not in _NOUN_PHRASE_DEPS or last.lower_ == "one":
        return False
    if before is not None and before.lower_ in _DEFINITE:
        return False
    doc = last.doc
    # the numbers coordinated with it: "years one and two", "one, three and six-month deposits"
    first = last.i
    while first > 0 and (doc[first - 1].like_num or doc[first - 1].lower_ in _COORDINATORS):
        first -= 1
    following = last.i + 1
    while following < len(doc) and (doc[following].like_num or doc[following].lower_ in _COORDINATORS):
        following += 1
    labels = first > 0 and doc[first - 1].pos_ in ("NOUN", "PROPN")
    elided = following > last.i + 1 and following < len(doc) and doc[following].text in DASHES
    return not labels and not elided


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
    entity = _entity_at(doc, amount.start)
    return entity is not None and not _is_calendar_span(entity)


@examples(
    Example("It bought 98 mln stg on March 30 and 49 mln stg on April 8.", "49 mln stg", 4.9e7, "exact", "GBP",
            "money"),
    Example("Shares rose 3, 4 and 5 pct.", "4", 4, "exact", "percent", "percent"),
)
def is_calendar_date(doc: Doc, amount: Amount) -> bool:
    """Whether the number is part of a date: a bare year, a day after a month's name, or a
    number in a date or time the entity recogniser found with a calendar word or a year in it
    ("April 1, 1994"); a lone number it took for a date ("rose 3, 4 and 5 pct") is not one."""
    if _is_bare_year(doc, amount):
        return True
    if amount.start > 0 and doc[amount.start - 1].lower_.rstrip(".") in MONTHS:
        return True
    entity = _entity_at(doc, amount.start)
    return entity is not None and entity.label_ in DATE_LABELS and _is_calendar_span(entity)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that holds token `i`, if any."""
    return next((e for e in doc.ents if e.start <= i < e.end), None)


def _is_bare_year(doc: Doc, amount: Amount) -> bool:
    """Whether the number is one token of four digits that reads as a year: "1987", "2024"."""
    text = doc[amount.start].text
    return amount.end == amount.start + 1 and len(text) == 4 and text.isdigit() and 1000 <= amount.value <= 2100


def _is_calendar_span(tokens: Span) -> bool:
    """Whether a calendar word ("March", "Monday", "year") or a year is written in `tokens`."""
    return any(t.lower_ in _CALENDAR_WORDS or (t.is_digit and len(t.text) == 4) for t in tokens)
