"""The walk over a parsed article: where each figure starts and ends, and its record.

At each token that may start a number, the forms are tried in turn: "no" before a casualty noun,
a share ("a third of"), then an amount with its qualifiers, currency sign, tally or range, ratio,
age, unit and category; the exclusions of `filters` drop what is not a figure. Figures do not
overlap: the walk goes on after the end of the last one found, and a number right after a
figure starts a new one ("two 500-pound bombs"). A figure after ", or" restates
the change before it ("fell 350 points, or 1%"), one coordinated with it in its unit shares it
("rose 2.1 and 3.4 percent"), and a bare level after the change of an index
in points is in points. A story wrapped at a fixed width is read without its line wraps
(`wraps`), so "5.93\nmln dlrs" is one figure; its offsets and mention are those of the text.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.attrs import LOWER
from spacy.tokens import Doc

from newswire.extract.figures.amounts import (
    Amount,
    fraction_noun,
    glued_currency,
    may_start,
    parse_amount,
    parse_fraction,
    parse_scaled_fraction,
)
from newswire.extract.figures.categories import (
    CASUALTY_NOUNS,
    CATEGORIES,
    UNCOUNTED_CATEGORIES,
    ZERO_NOUNS,
    is_vote,
    parse_category,
)
from newswire.extract.figures.changes import (
    is_compared,
    is_index_level,
    is_minus,
    is_signed,
    is_signed_change,
    parse_change,
    parse_signed,
)
from newswire.extract.figures.counted import parse_counted, parse_of_phrase
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.figures.filters import (
    is_bare_figure,
    is_blocked,
    is_calendar_date,
    is_figure,
    is_label,
    is_list_marker,
    is_reference,
    parse_age,
    parse_blocked_chars,
)
from newswire.extract.figures.qualifiers import parse_left, parse_right_qualifier
from newswire.extract.figures.ranges import parse_range_end, parse_ratio, parse_shared_unit, parse_tally
from newswire.extract.figures.units import parse_unit
from newswire.extract.figures.wraps import unwrapped
from newswire.extract.nlp import TokenFilter, doc_text, sentence_of
from newswire.records import CHANGES, QUALIFIERS, Figure, stable_id

_Fields = dict[str, float | str | None]
# The tokens a figure may begin at: a number, a currency, a sign.
_MAY_BEGIN = TokenFilter(LOWER, lambda word: may_start(word) or is_signed(word))


def extract_figures(doc: Doc, article_id: str) -> list[Figure]:
    """Every figure in the article, sorted by start and none overlapping another."""
    text = doc_text(doc)
    # read without its line wraps (`wraps`), a figure's offsets those of the text as written
    wraps = unwrapped(doc)
    read, original = (doc, None) if wraps is None else wraps
    blocked = parse_blocked_chars(doc_text(read))
    figures: list[Figure] = []
    spans: list[tuple[int, int]] = []  # the first token of each figure and the token after it, in `read`
    floor = 0
    for i in _MAY_BEGIN(read):
        found = _parse_figure(read, i, floor, blocked) if i >= floor else None  # not inside the last figure
        if found is None:
            continue
        start, end, fields = found
        sentence_start = sentence_of(read, start).start
        # the figures of this sentence so far, the latest first, with the token after each
        in_sentence = list(takewhile(lambda f: f[1][1] > sentence_start, zip(reversed(figures), reversed(spans))))
        # the change an index level follows, past the same change restated in percent
        changed = next((f for f, _ in in_sentence if f.change and f.category != "percent"), None)
        if fields["change"] is None and in_sentence and in_sentence[0][0].change and (
                _restates(read, in_sentence[0][1][1], start) or _coordinated(read, in_sentence[0], start, fields)):
            fields["change"] = in_sentence[0][0].change
        if fields["unit"] is None and fields["category"] == "other":
            if is_index_level(read, start, end, changed.unit if changed is not None else None):
                fields["unit"] = "points"
            elif in_sentence and _counts_alike(read, in_sentence[0], start):
                fields["unit"], fields["category"] = in_sentence[0][0].unit, in_sentence[0][0].category
        first, last = (start, end - 1) if original is None else (original[start], original[end - 1])
        start_char = doc[first].idx
        end_char = doc[last].idx + len(doc[last])
        if doc[last].is_sent_end and len(doc[last]) > 1 and text[end_char - 1] == ".":
            end_char -= 1  # the sentence's full stop, which the tokenizer left on "£100m." or "35C."
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
        spans.append((start, end))
        floor = end
    return figures


@examples(
    Example("The Dow fell 350 points, or 1%, to 33,000.", "1%", 1, "exact", "percent", "percent", change="down"),
    Example("The Dow fell 350 points, or 1%, to 33,000.", "33,000", 33_000, "exact", "points", "other"),
    Example("Exports rose $2 billion, or 12 percent, in May.", "12 percent", 12, "exact", "percent", "percent",
            change="up"),
    Example("Profit was $2 billion, or 12 percent of sales.", "12 percent", 12, "exact", "percent", "percent"),
)
def _restates(doc: Doc, previous_end: int, start: int) -> bool:
    """Whether the figure at token `start` restates the change before it, which ends before
    token `previous_end`, in another unit: "fell 350 points, or 1%", "rose $2 billion, or 12
    percent": only ", or" stands between them."""
    return [t.text for t in doc[previous_end:start]] == [",", "or"]


@examples(
    Example("Prices rose 2.1 and 3.4 percent in May and June.", "3.4 percent", 3.4, "exact", "percent", "percent",
            change="up"),
    Example("Sales fell 12 pct, 15 pct and 9 pct in the three regions.", "9 pct", 9, "exact", "percent", "percent",
            change="down"),
    Example("Sales rose 5 pct to 100 dlrs and 3 pct of it was exports.", "3 pct", 3, "exact", "percent", "percent"),
    Example("Prices rose 0.2% month-on-month and 3.1% year-on-year.", "3.1%", 3.1, "exact", "percent", "percent",
            change="up"),
)
def _coordinated(doc: Doc, previous: tuple[Figure, tuple[int, int]], start: int, fields: _Fields) -> bool:
    """Whether the figure at token `start` is coordinated with the change before it, whose tokens
    are `previous[1]`, in the same unit: "rose 2.1 and 3.4 percent", "fell 12 pct, 15 pct and 9
    pct" are changes all, and so is one after the period of the change, written as one word:
    "rose 0.2% month-on-month and 3.1% year-on-year"."""
    figure, (_, last) = previous
    tokens = doc[last:start]
    between = [t.lower_ for t in tokens]
    if figure.unit != fields["unit"] or not between:
        return False
    if between in ([","], ["and"], ["or"], [",", "and"], [",", "or"]):
        return True
    word = tokens[:-1]
    one_word = len(word) > 1 and all(not t.whitespace_ for t in word[:-1]) and not any(t.like_num for t in word)
    return one_word and between[-1] in ("and", "or") and any(t.text in ("-", "/") for t in word)


@examples(
    Example("The Conservatives won 121 seats, down from 365 in 2019.", "365", 365, "exact", "seats", "other"),
    Example("The bill passed by 68 votes to 31.", "31", 31, "exact", "votes", "other"),
    Example("The plant made 1,200 tonnes, against 950 a year earlier.", "950", 950, "exact", "metric ton", "other"),
    Example("Sales rose 5% to 300.", "300", 300, "exact", None, "other"),
    Example("Police held 30 people from 12 countries.", "12 countries", 12, "exact", "countries", "other"),
    Example("The strikes killed 25 people, up from 12 a day earlier.", "12", 12, "exact", "people", "killed"),
)
def _counts_alike(doc: Doc, previous: tuple[Figure, tuple[int, int]], start: int) -> bool:
    """Whether a bare number counts what the count before it in the sentence counts, set beside
    it as a level or a comparison: "won 121 seats, down from 365", "killed 25 people, up from
    12"; not after money, a percent or a time ("rose 5% to 300": the level of something else)."""
    figure, (_, last) = previous
    counted = figure.unit is not None and figure.category not in UNCOUNTED_CATEGORIES
    return counted and is_compared(doc, last, start)


@examples(
    Example("The army holds 128 hostages.", "128 hostages", 128, "exact", "hostages", "hostages"),
    Example("There are over 30 cases per 100,000 people.", "over 30 cases", 30, "at_least", "cases", "other"),
    Example("Temperatures fell to -5 degrees Fahrenheit overnight.", "-5 degrees Fahrenheit", -5, "exact",
            "degree Fahrenheit", "temperature"),
    Example("Moscow woke to minus 20 degrees Celsius.", "minus 20 degrees Celsius", -20, "exact",
            "degree Celsius", "temperature"),
    Example("It was - 3°C at dawn.", "- 3°C", -3, "exact", "degree Celsius", "temperature"),
    Example("Overnight it fell to -12 degrees.", "-12 degrees", -12, "exact", "degree", "temperature"),
    Example("Highs will reach +35 degrees Celsius.", "+35 degrees Celsius", 35, "exact", "degree Celsius",
            "temperature"),
    Example("Highs of 10 - 15 degrees Celsius are forecast.", "10 - 15 degrees Celsius", 10, "range",
            "degree Celsius", "temperature", (10, 15)),
    Example("The drug cut deaths by a third.", "a third", 0.3333, "approximate", None, "share", change="down"),
    Example("Sales fell by nearly half in May.", "nearly half", 0.5, "approximate", None, "share", change="down"),
    NoFigure("He stood by a third party."),
    Example("The measure passed the House 219-210.", "219-210", 219, "exact", "votes", "vote"),
    Example("The party won a two-thirds majority.", "two-thirds majority", 0.6667, "approximate", "majority",
            "share"),
    Example("The fund took a three-quarters stake in the firm.", "three-quarters stake", 0.75, "approximate",
            "stake", "share"),
    NoFigure("The airline flies the Boeing 737-800."),
    Example("The carrier displaces 100,000 tonnes.", "100,000 tonnes", 100_000, "exact", "metric ton", "other"),
    Example("The storm killed 12 and flooded 300 km of coast.", "300 km", 300, "exact", "kilometer", "other"),
)
def _parse_figure(doc: Doc, i: int, floor: int, blocked: list[tuple[int, int]]) -> tuple[int, int, _Fields] | None:
    """The figure whose number starts at token i: (first token, end token, Figure fields)."""
    if doc[i].lower_ == "no":
        return _parse_zero(doc, i)
    fraction = parse_fraction(doc, i)
    if fraction is not None and parse_scaled_fraction(doc, i) is None:
        start, qualifier, _ = parse_left(doc, fraction.start, floor)
        share = parse_of_phrase(doc, fraction.end)
        value = round(fraction.value, 4)
        change = parse_change(doc, start, fraction.end, None, "other") if share is None else None
        if change is not None and start > 0 and doc[start - 1].lower_ == "by":
            # "cut deaths by a third", "fell by nearly half": a change word, and the share of what
            # changed ("stood by a third party" is none)
            fields = _fields(value, value, value, qualifier or fraction.qualifier, None, "share", change)
            return _checked_span(doc, start, fraction.end, fields)
        modified = fraction_noun(doc, fraction.start, fraction.end) if share is None else None
        if modified is not None:
            # "a two-thirds majority": the share is of the noun the fraction modifies
            fields = _fields(value, value, value, qualifier or fraction.qualifier, modified.text, "share")
            return _checked_span(doc, start, modified.i + 1, fields)
        if share is None:
            return None
        fields = _fields(value, value, value, qualifier or fraction.qualifier, share.text, "share")
        return _checked_span(doc, start, share.end, fields)
    signed = parse_signed(doc, i)
    # right after a figure a new number starts, even after a number ("two 500-pound bombs")
    amount = signed[0] if signed is not None else parse_amount(doc, i, continued=0 < i == floor)
    if amount is None or is_blocked(doc, amount, blocked):
        return None
    start, qualifier, currency = parse_left(doc, amount.start, floor)
    glued = glued_currency(doc[amount.start])
    if glued is not None:
        currency = glued[0]
    vote = is_vote(doc, amount)
    tally = parse_tally(doc, amount, vote)
    # a vote's tally after a name is no label ("passed the House 219-210")
    label = not (vote and tally is not None) and (_is_label(doc, start, amount) or is_list_marker(doc, amount))
    if (signed is None and label) or (start > 0 and doc[start - 1].lower_ == "per"):
        # "per 100,000 people" is the base of a rate, not a count
        return None
    if tally is not None:
        first, second, end = tally
        if vote:
            return _checked_span(doc, amount.start, end,
                                 _fields(first, first, first, "exact", "votes", "vote"))
        if second <= first:
            return None
    ratio = parse_ratio(doc, amount)
    if ratio is not None:
        value, whole = ratio
        counted = parse_counted(doc, whole, whole.end)
        return _checked_span(doc, start, counted.end, _fields(
            value, value, value, qualifier or "approximate", counted.text, "share"))
    low, high, end = amount.low, amount.high, amount.end
    ranged = parse_range_end(doc, amount, start)
    if ranged is not None:
        low, second, start = ranged
        high, end, qualifier = second.high, second.end, "range"
    after = parse_right_qualifier(doc, end)
    if after is not None and amount.qualifier == "exact" and qualifier != "range":
        end, qualifier = end + after[0], qualifier or after[1]
    age = None if currency is not None or signed is not None else parse_age(doc, amount, start, end)
    if age is not None:
        fields = _fields(low, low, high, qualifier or amount.qualifier, age[1], "age")
        return _checked_span(doc, start, age[0], fields)
    sign = glued[1] if glued is not None else doc[amount.start - 1].text
    unit = parse_unit(doc, amount, end, None if currency is None else (currency, sign))
    if (unit is not None and unit.text is None and unit.end == end and currency is None and signed is None
            and ranged is None and amount.qualifier == "exact" and not is_calendar_date(doc, amount)):
        # "35 and 45 dollars": a bare number takes the unit of the number it is coordinated with
        unit = parse_shared_unit(doc, amount, end) or unit
    if unit is None or not is_figure(doc, amount, unit, currency is not None) or is_reference(doc, amount, start, unit):
        return None
    minus = signed is None and start == amount.start and is_minus(doc, start)
    temperature = unit.category == "temperature" or unit.text == "degree" and (signed is not None or minus)
    if signed is not None and not temperature and not is_signed_change(unit.text, unit.category):
        return None
    category = "temperature" if temperature else unit.category
    if temperature and (minus or signed is not None and signed[1] == "down"):
        # "-5 degrees Fahrenheit", "minus 20 degrees": a temperature below zero
        low, high, start, signed = -high, -low, start - minus, None
    elif temperature:
        signed = None
    if category == "other" and not unit.measure:
        # what a count is of; a measure ("displaces 100,000 tonnes", "300 km of coast") counts no one
        category = parse_category(doc, amount.end - 1 if unit.head is None else unit.head)
    if unit.text is None and not is_bare_figure(doc, amount, start, category):
        return None
    end = unit.end
    after = parse_right_qualifier(doc, end) if unit.text is not None else None
    if after is not None and amount.qualifier == "exact" and qualifier != "range":
        end, qualifier = end + after[0], qualifier or after[1]
    qualifier = qualifier or amount.qualifier
    change = signed[1] if signed is not None else parse_change(doc, start, end, unit.text, category, amount.scale > 1)
    low, high = low * unit.factor + unit.added, high * unit.factor + unit.added
    fields = {**_fields(low, low, high, qualifier, unit.text, category, change), "unit_text": unit.written}
    return _checked_span(doc, start, end, fields)


@examples(
    Example("Brazil took 30 pct of the market, Colombia 17 pct.", "17 pct", 17, "exact", "percent", "percent"),
    Example("In Asia, Toyota 2.1% and Honda 1.4% led the gains.", "2.1%", 2.1, "exact", "percent", "percent"),
    Example("Pump prices: Shell 150 cents a litre.", "150 cents a litre", 1.5, "exact", "USD per liter", "money"),
    NoFigure("The Airbus A320 and the Boeing 737 are rivals."),
)
def _is_label(doc: Doc, start: int, amount: Amount) -> bool:
    """Whether the number is a label (`filters.is_label`: "Boeing 737", "page 12"), unless a
    percentage or money is written after it: a name is never counted in percent or cents, so
    "Colombia 17 pct" and "Toyota 2.1%" give a name and its figure, as lists of markets do."""
    if not is_label(doc, start, amount):
        return False
    unit = parse_unit(doc, amount, amount.end, None)
    return unit is None or unit.category not in ("percent", "money")


def _fields(
    value: float, low: float, high: float, qualifier: str, unit: str | None, category: str, change: str | None = None
) -> _Fields:
    assert qualifier in QUALIFIERS and category in CATEGORIES and change in (None, *CHANGES)
    return {
        "value": _clean(value), "value_low": _clean(low), "value_high": _clean(high),
        "qualifier": qualifier, "unit": unit, "category": category, "change": change,
    }


def _clean(number: float) -> float:
    """Without binary noise: 5.93 * 1e6 is 5930000.0, not 5930000.000000001."""
    return float(f"{number:.10g}")


@examples(
    NoFigure("Rebels hold a third of\nthe country."),
)
def _checked_span(doc: Doc, start: int, end: int, fields: _Fields) -> tuple[int, int, _Fields] | None:
    """The figure, unless it runs into masked text or across a line break."""
    tokens = doc[start:end]
    if any(t.is_space for t in tokens) or any("\n" in t.whitespace_ for t in tokens[:-1]):
        return None
    return start, end, fields


@examples(
    Example("The barrage resulted in little damage and no fatalities.", "no fatalities", 0, "exact",
            "fatalities", "killed"),
    Example("The blast caused no casualties.", "no casualties", 0, "exact", "casualties", "killed"),
    Example("There were no serious injuries.", "no serious injuries", 0, "exact", "injuries", "injured"),
)
def _parse_zero(doc: Doc, i: int) -> tuple[int, int, _Fields] | None:
    """ "no fatalities", "no reported casualties": a count of zero."""
    j = i + 1
    while j < min(len(doc), i + 3) and doc[j].pos_ == "ADJ" and doc[j].lower_ not in ZERO_NOUNS:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in ZERO_NOUNS:
        return None
    noun = doc[j].lower_
    fields = _fields(0.0, 0.0, 0.0, "exact", noun, CASUALTY_NOUNS[noun])
    return _checked_span(doc, i, j + 1, fields)
