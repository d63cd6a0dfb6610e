"""Two numbers read as one figure: a range ("15 to 22", "between 750,000 and 800,000", "$3-4
billion", "two or three"), a tally ("14-0", "a vote of 230 to 196") and a ratio ("six in 10 Americans");
and numbers read with the unit of the one after them ("35 and 45 dollars", "3, 4 and 5 pct",
"from 13 to 15 pct").

A range is reported from its lower to its upper value; a tally only where a vote is counted, as
the votes of the side named first; a ratio as the share of the whole.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newswire.extract.figures.amounts import (
    DASHES,
    DATE_LABELS,
    DIGIT_RANGE,
    Amount,
    glued_currency,
    parse_amount,
    parse_numeral,
)
from newswire.extract.figures.changes import is_change_word
from newswire.extract.figures.counted import Unit
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.figures.filters import is_calendar_date
from newswire.extract.figures.units import CURRENCY_SYMBOLS, PERCENT_WORDS, parse_unit

# After a change word, "X to Y" with Y above this many times X is a change and its level.
_LEVEL_RATIO = 5
# "X or Y" is a range of neighbouring alternatives ("two or three", "five or 10") when Y is
# above X and at most this many times it.
_ALTERNATIVE_RATIO = 2
# The words that join numbers sharing the unit of the last: "35 and 45 dollars", "3, 4 or 5 pct".
_CONJUNCTIONS = frozenset({"and", "or"})
# A number below this, written without a scale, takes the scale of the number it shares a unit
# with: "25 and 30 billion marks"; "1,000 and 10,000 dlrs" have none.
_SCALED_BELOW = 1000
# Numbers that share a unit are of a size: joined by "and", the larger at most this many times the
# smaller; joined by "or", alternatives, at most `_ALTERNATIVE_RATIO` times.
_SHARED_RATIO = 100


@examples(
    Example("The US abstained, and the resolution passed 14-0.", "14-0", 14, "exact", "votes", "vote"),
    Example("The final vote was 52 to 48.", "52 to 48", 52, "exact", "votes", "vote"),
    Example("Medics treated 15-22 people at the scene.", "15-22 people", 15, "range", "people", "other",
            (15, 22)),
    NoFigure("Arsenal won 3-1 on Sunday."),
    NoFigure("Chelsea beat Arsenal 2-0 at home."),
    NoFigure("The Lakers won 102-98."),
)
def parse_tally(doc: Doc, amount: Amount, vote: bool) -> tuple[float, float, int] | None:
    """A pair of numbers joined by a dash ("14-0", "15-22"), or in a vote by "to" ("a vote of
    230 to 196"): first, second, end token."""
    tok = doc[amount.start]
    j = amount.end
    if vote and amount.end == amount.start + 1 and j + 1 < len(doc) and doc[j].lower_ == "to":
        numeral = parse_numeral(doc[j + 1])
        if numeral is not None and numeral[0] == "digits" and parse_numeral(tok) is not None:
            return amount.value, numeral[1], j + 2
    single = DIGIT_RANGE.match(tok.text)
    if single and amount.end == amount.start + 1:
        first, second = (float(g.replace(",", "")) for g in single.groups())
        return first, second, amount.end
    j = amount.end
    if (amount.end == amount.start + 1 and j + 1 < len(doc) and doc[j].text in DASHES
            and not tok.whitespace_ and not doc[j].whitespace_):
        numeral = parse_numeral(doc[j + 1])
        if numeral is not None and numeral[0] == "digits" and parse_numeral(tok) is not None:
            return amount.value, numeral[1], j + 2
    return None


@examples(
    Example("Six in 10 Americans support the plan.", "Six in 10 Americans", 0.6, "approximate", "Americans",
            "share"),
    Example("One in five children is malnourished.", "One in five children", 0.2, "approximate", "children",
            "share"),
)
def parse_ratio(doc: Doc, amount: Amount) -> tuple[float, Amount] | None:
    """ "six in 10 Americans", "one in five children": the share and the number of the whole."""
    j = amount.end
    if amount.scale > 1 or j + 1 >= len(doc) or doc[j].lower_ != "in" or amount.value <= 0:
        return None
    whole = parse_amount(doc, j + 1, continued=True)
    if whole is None or whole.end != j + 2 or whole.qualifier != "exact" or whole.scale > 1:
        return None
    if doc[j + 1].ent_type_ in DATE_LABELS or whole.value <= amount.value:
        return None
    return round(amount.value / whole.value, 4), whole


@examples(
    Example("Between 750,000 and 800,000 people fled.", "Between 750,000 and 800,000 people", 750_000, "range",
            "people", "displaced", (750_000, 800_000)),
    Example("Police said 15 to 22 soldiers were involved.", "15 to 22 soldiers", 15, "range", "soldiers",
            "military_units", (15, 22)),
    Example("The project will cost $3-4 billion.", "$3-4 billion", 3e9, "range", "USD", "money", (3e9, 4e9)),
    Example("The siege lasted two to three weeks.", "two to three weeks", 2, "range", "week", "duration",
            (2, 3)),
    Example("Prices fell by 2 to 3 percent.", "2 to 3 percent", 2, "range", "percent", "percent", (2, 3),
            change="down"),
    Example("The price will be cut by $200 to $399.", "$399", 399, "exact", "USD", "money"),
    Example("The stock lost $2 to $45.", "$45", 45, "exact", "USD", "money"),
    Example("Shares rose S$2 to S$40.", "S$2", 2, "exact", "SGD", "money", change="up"),
    Example("The population grew by 1.2 million to 67.4 million.", "1.2 million", 1_200_000, "exact", None,
            "other", change="up"),
    Example("The population grew by 1.2 million to 67.4 million.", "67.4 million", 67_400_000, "exact", None,
            "other"),
    Example("Estimates rose to between 5 and 8 percent.", "between 5 and 8 percent", 5, "range", "percent",
            "percent", (5, 8)),
    Example("Growth will be between 3% and 4% this year.", "between 3% and 4%", 3, "range", "percent", "percent",
            (3, 4)),
    Example("Growth will be 2 percent to 3 percent.", "2 percent to 3 percent", 2, "range", "percent", "percent",
            (2, 3)),
    Example("Rates were held at 5.25%-5.5%.", "5.25%-5.5%", 5.25, "range", "percent", "percent", (5.25, 5.5)),
    Example("Tickets cost €10-€12 at the door.", "€10-€12", 10, "range", "EUR", "money", (10, 12)),
    Example("Unemployment rose 0.2% to 4.1%.", "4.1%", 4.1, "exact", "percent", "percent"),
    Example("Two or three guards stood at the gate.", "Two or three guards", 2, "range", "guards", "other",
            (2, 3)),
    Example("The repairs take 10 or 12 days.", "10 or 12 days", 10, "range", "day", "duration", (10, 12)),
    Example("Voters chose 3 or 30 seats.", "30 seats", 30, "exact", "seats", "other"),
    Example("It may need aid of 700 or 800 mln dlrs.", "700 or 800 mln dlrs", 7e8, "range", "USD", "money",
            (7e8, 8e8)),
)
def parse_range_end(doc: Doc, amount: Amount, start: int) -> tuple[float, Amount, int] | None:
    """The range "15 to 22", "between 750,000 and 800,000", "15-22", "$3-4 billion", "two or
    three", "700 or 800 mln" (neighbouring alternatives, written alike): its lower
    value (scaled like the upper one when written without a scale), upper number and start.
    After a change word, "$2 to $45" and "by 1.2 million to 67.4 million" (the second far above
    the first) are a change and the level it reached, not a range."""
    j = amount.end
    if j + 1 >= len(doc) or amount.qualifier != "exact":
        return None
    # "between 3% and 4%", "2 percent to 3 percent": a percentage written after both numbers
    percent = doc[j].lower_ if doc[j].lower_ in PERCENT_WORDS else None
    j += percent is not None
    if j + 1 >= len(doc):
        return None
    connector = doc[j].lower_
    before = doc[start - 1].lower_ if start > 0 else ""
    if connector == "and" and before != "between":
        return None
    if connector not in ("to", "and", "or") and connector not in DASHES:
        return None
    if connector == "to" and before == "from":
        return None
    k = j + 1
    signed = doc[k].lower_ in CURRENCY_SYMBOLS and k + 1 < len(doc)
    if signed or glued_currency(doc[k]) is not None:
        if before == "by" or (start > 0 and is_change_word(doc[start - 1])):
            # "cut by $200 to $399", "lost $2 to $45", "rose S$2 to S$40": a change and where it
            # ended; "by 2 to 3 percent" is a range
            return None
        k += signed
    second = parse_amount(doc, k, continued=True)
    if second is None or second.qualifier != "exact":
        return None
    changed = before == "by" or (start > 0 and is_change_word(doc[start - 1]))
    if percent is not None and (changed or second.end >= len(doc) or doc[second.end].lower_ != percent):
        # "rose 0.2% to 4.1%": after a change word, a change and the level it reached
        return None
    low = amount.value
    if second.scale > amount.scale and amount.value * second.scale <= second.value:
        low = amount.value * second.scale
    if connector == "or" and (second.in_words != amount.in_words or amount.scale not in (1, second.scale)
                              or not low < second.value <= _ALTERNATIVE_RATIO * low):
        # "two or three", "10 or 12", "700 or 800 mln": neighbouring numbers offered as alternatives
        return None
    if second.value <= low:
        return None
    if changed and second.value > _LEVEL_RATIO * low:
        # "grew by 1.2 million to 67.4 million": a change and the level it reached
        return None
    return low, second, start - 1 if before == "between" else start


@examples(
    Example("Tickets cost 35 and 45 dollars.", "35", 35, "exact", "USD", "money"),
    Example("Prices rose 2.1 and 3.4 percent in May and June.", "2.1", 2.1, "exact", "percent", "percent",
            change="up"),
    Example("Shares rose 3, 4 and 5 pct.", "3", 3, "exact", "percent", "percent"),
    Example("Bids of 6, 7, or 8 pct were made.", "7", 7, "exact", "percent", "percent"),
    Example("Tax payments of 25 and 30 billion yen are due.", "25", 2.5e10, "exact", "JPY", "money"),
    Example("The bonds come in denominations of 1,000 and 10,000 dlrs.", "1,000", 1000, "exact", "USD", "money"),
    Example("Net income was 2.5 mln and 3.1 mln dlrs.", "2.5 mln", 2.5e6, "exact", "USD", "money"),
    Example("The wells are 12 and 15 km deep.", "12", 12, "exact", "kilometer", "other"),
    Example("Output was 10 and 12 tonnes.", "10", 10, "exact", "metric ton", "other"),
    Example("Jobless rose to 699,800, or 9.1 pct of the workforce.", "699,800", 699_800, "exact", None, "other"),
    Example("Jobless rose to 699,800 or 9.1 pct of the workforce.", "699,800", 699_800, "exact", None, "other"),
    Example("Traffic rose to 538.9 mln from 472.3 mln and 22.3 pct in the year.", "472.3 mln", 4.723e8, "exact",
            None, "other"),
    Example("The share could slip to 95 or 90 pct.", "95", 95, "exact", "percent", "percent"),
    Example("Police counted 35 and 45 protesters.", "35", 35, "exact", None, "other"),
    Example("Rates rose from 13 to 15 pct.", "13", 13, "exact", "percent", "percent"),
    Example("The deficit fell from 3.450 to 1.350 billion dlrs.", "3.450", 3.45e9, "exact", "USD", "money"),
    Example("Notes due 1994 and 75 mln dlrs of bonds were sold.", "75 mln dlrs", 7.5e7, "exact", "USD", "money"),
)
def parse_shared_unit(doc: Doc, amount: Amount, j: int) -> Unit | None:
    """The unit of money, percent, time or measure of the number a bare number is coordinated
    with, written after them both: "35 and 45 dollars" are two sums of dollars, "3, 4 and 5 pct"
    three percentages, each with its own figure. The numbers are written alike (digits or
    words), none is part of a date, and the last is joined by "and" or "or", or by "to" after
    "from" ("from 13 to 15 pct": two levels); an unscaled number
    below a thousand takes the scale of the last ("25 and 30 billion marks"). They are of a
    size: "95 or 90 pct" are alternatives, but "699,800 or 9.1 pct" restates a count as a share,
    as ", or" always does, and "472.3 mln and 22.3 pct" are two measures. A counted noun is the
    last count's own ("35 and 45 protesters"), and a unit joined by a hyphen makes the last
    number name a kind of thing ("two, three and six-month rates")."""
    n, k = len(doc), j
    # in a list already when a number and a comma come before ("6, 7, or 8 pct")
    listed = amount.start > 1 and doc[amount.start - 1].text == "," and doc[amount.start - 2].like_num
    while k + 1 < n:
        if listed and doc[k].text == "," and doc[k + 1].lower_ in _CONJUNCTIONS:
            k += 1  # "6, 7, or 8 pct": a list's last comma
        joined = doc[k].lower_
        # "from 13 to 15 pct": two levels, the first in the unit of the second
        from_to = joined == "to" and k == j and amount.start > 0 and doc[amount.start - 1].lower_ == "from"
        if joined != "," and joined not in _CONJUNCTIONS and not from_to:
            return None
        following = parse_amount(doc, k + 1, continued=True)
        if (following is None or following.qualifier != "exact" or following.in_words != amount.in_words
                or is_calendar_date(doc, following)):
            return None
        unit = parse_unit(doc, following, following.end, None)
        if unit is None or (following.end < n and doc[following.end].text in DASHES):
            # "two, three and six-month rates" name kinds of rates: the unit is left to the last
            return None
        if unit.text is not None:
            if joined == "," or unit.head is not None or unit.added:
                return None
            scaled = amount.scale == 1 and amount.value < _SCALED_BELOW
            factor = unit.factor * (following.scale if scaled else 1.0)
            ratio = _ALTERNATIVE_RATIO if joined == "or" else _SHARED_RATIO
            values = sorted((amount.value * factor, following.value * unit.factor))
            if not 0 < values[0] * ratio >= values[1]:
                # "472.3 mln and 22.3 pct", "671,400 or 8.9 pct": a count and its share
                return None
            return replace(unit, end=j, head=None, factor=factor, added=0.0)
        if joined != "," or unit.end != following.end:
            return None
        listed, k = True, following.end
    return None
