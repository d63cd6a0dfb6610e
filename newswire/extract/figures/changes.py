"""Changes and levels: whether a figure reports a rise or a fall, and the unit of an index level.

"The Nikkei gained 1.2 per cent to 18,402.55" reports two figures: the change, 1.2 percent
``up``, and the level it reached, 18,402.55 (``change`` NULL). A figure is a change when a
change word governs it: a verb before it, with or without "by" ("rose 3%", "fell by 3%"), an
adverb or a verb's particle ("up 12p", "down 0.7 percent", "edged up 0.2%"; not the particle
of a verb it makes another of: "make up 60%" constitutes, "set up 12 offices"), a comparative
after it ("closed 2% higher"), a noun after it, or one it modifies past its modifiers, or
before "of" ("a 5% drop", "a 12% year-on-year increase", "an increase of 3 pct"), or a sign
written against its number
("Nasdaq -0.4%": 0.4 ``down``; values stay magnitudes). A temperature's sign is its value, not a
change: "-5 degrees Fahrenheit" and "minus 20 degrees" are below zero (`is_minus`). A figure after "to", "at" or "from" is
a level; "up to 500 people" is a qualifier, and "down from 5%" gives the level before the fall.
Only amounts of money, percentages and counts change; casualties, weapons, votes, shares,
durations and ages do not, but for the share by which something changed ("cut by a third",
read with the fraction in `extract`).

An index is counted in points: a bare number that is the level of an index ("the Dow fell 120
points to 38,000", "the FTSE 100 closed at 7,500", "Nasdaq -0.4% at 15,210") has the unit
``points`` when the subject of its clause is an index word ("index", "Dow",
"Nikkei"...) or the change before it is in points. The words are the lexicon `changes`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from newswire.extract.figures.amounts import Amount
from newswire.extract.figures.examples import Example, examples
from newswire.extract.lexicons import lexicon

_WORDS = lexicon("changes")
_VERBS: dict[str, str] = dict(_WORDS["verbs"])
_NEEDS_LEVEL = frozenset(_WORDS["for_money_with_level"])
_ADVERBS: dict[str, str] = dict(_WORDS["adverbs"])
_AFTER: dict[str, str] = dict(_WORDS["after"])
_NOUNS: dict[str, str] = dict(_WORDS["nouns"])
_LEVEL_PREPOSITIONS = frozenset(_WORDS["level_prepositions"])
_COMPARISONS = frozenset(tuple(words.split()) for words in _WORDS["comparisons"])
_LEVEL_QUALIFIERS = frozenset(_WORDS["level_qualifiers"])
_PRICE_LEVEL_QUALIFIERS = frozenset(_WORDS["price_level_qualifiers"])
_INDEX_WORDS = frozenset(_WORDS["index_words"])
POINT_UNITS = frozenset(_WORDS["point_units"])
_PARTICLE_VERBS = frozenset(_WORDS["particle_verbs"])
# Categories of figures that may rise or fall.
_CHANGING = frozenset({"money", "percent", "other"})
# A signed number, with the capital of a temperature scale it may have against it ("-3C"), read
# in lower case too where tokens are filtered by their lower form ("-15c." ends a sentence).
_SIGNED = re.compile(r"^([+\-−])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([CFcf]\.?)?$")
_SIGNS = {"+": "up", "-": "down", "−": "down"}
_SUBJECTS = {"nsubj", "nsubjpass", "compound"}
_DETERMINERS = {"a", "an", "the"}
# How far after a figure the change noun it modifies may be: "a 12% year-on-year increase".
_NOUN_WINDOW = 6


@lru_cache(maxsize=1 << 16)
def is_signed(word: str) -> bool:
    """Whether a token is a number written with its sign: "-0.4", "+1.2"."""
    return _SIGNED.match(word) is not None


def parse_signed(doc: Doc, i: int) -> tuple[Amount, str] | None:
    """A number written with its sign ("-0.4", "+12"), as a magnitude, and its direction."""
    match = _SIGNED.match(doc[i].text)
    if match is None or (i > 0 and not doc[i - 1].whitespace_):
        return None
    value = float(f"{match.group(2)}{match.group(3) or ''}".replace(",", ""))
    return Amount(i, i + 1, value, value, value, "exact", 1.0, False), _SIGNS[match.group(1)]


def is_signed_change(unit: str | None, category: str) -> bool:
    """A signed number is a change of a percentage or of points ("-0.4%", "+12 points")."""
    return category == "percent" or unit in POINT_UNITS


def is_minus(doc: Doc, start: int) -> bool:
    """Whether the number at `start` is written below zero with a word or a sign apart from
    it: "minus 20 degrees", "- 20 degrees". A dash after a number is a range, not a sign."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ == "minus":
        return True
    return before.text in _SIGNS and before.text != "+" and (start == 1 or not doc[start - 2].like_num)


@examples(
    Example("The Nikkei gained 1.2 per cent to 18,402.55.", "1.2 per cent", 1.2, "exact", "percent", "percent",
            change="up"),
    Example("The Nikkei gained 1.2 per cent to 18,402.55.", "18,402.55", 18_402.55, "exact", "points", "other"),
    Example("The dollar slid 3.1 percent against the yen.", "3.1 percent", 3.1, "exact", "percent", "percent",
            change="down"),
    Example("The central bank raised rates by 25 basis points.", "25 basis points", 25, "exact", "basis point",
            "percent", change="up"),
    Example("Sales fell by 3% last year.", "3%", 3, "exact", "percent", "percent", change="down"),
    Example("Exports were down 0.7 percent in March.", "0.7 percent", 0.7, "exact", "percent", "percent",
            change="down"),
    Example("Analysts expect a 5% drop in sales.", "5%", 5, "exact", "percent", "percent", change="down"),
    Example("The firm posted a 9% year-on-year rise in sales.", "9%", 9, "exact", "percent", "percent",
            change="up"),
    Example("Rents edged up 0.3 percent in June.", "0.3 percent", 0.3, "exact", "percent", "percent",
            change="up"),
    Example("The stock edged up 0.2%.", "0.2%", 0.2, "exact", "percent", "percent", change="up"),
    Example("India chased down 160 in the final over.", "160", 160, "exact", None, "other"),
    Example("Police rounded up 30 suspects.", "30 suspects", 30, "exact", "suspects", "other"),
    Example("The rouble weakened 2.5% against the euro.", "2.5%", 2.5, "exact", "percent", "percent",
            change="down"),
    Example("The carmaker slashed 800 jobs.", "800 jobs", 800, "exact", "jobs", "other", change="down"),
    Example("Costs were trimmed by 4 percent.", "4 percent", 4, "exact", "percent", "percent", change="down"),
    Example("Unemployment claims rose by 12,000 to 231,000.", "12,000", 12_000, "exact", None, "other",
            change="up"),
    Example("The trade gap widened 7 percent in May.", "7 percent", 7, "exact", "percent", "percent",
            change="up"),
    Example("The firm holds a 9% stake in the bank.", "9%", 9, "exact", "percent", "percent"),
    Example("It will book a $17 million pre-tax gain on the sale.", "$17 million", 1.7e7, "exact", "USD", "money"),
    Example("Sales jumped nearly 20 percent year on year.", "nearly 20 percent", 20, "approximate", "percent",
            "percent", change="up"),
    Example("Shares closed 2% higher on Friday.", "2%", 2, "exact", "percent", "percent", change="up"),
    Example("The party holds 304 seats in the 512-seat Lower House.", "512-seat", 512, "exact", "seats", "other"),
    Example("The firm reported an increase of 12 pct in profit.", "12 pct", 12, "exact", "percent", "percent",
            change="up"),
    Example("The company added 5,000 jobs in May.", "5,000 jobs", 5000, "exact", "jobs", "other", change="up"),
    Example("Net profit rose 12 pct to 5.93 mln dlrs.", "5.93 mln dlrs", 5.93e6, "exact", "USD", "money"),
    Example("Inflation fell to 3%, down from 5% a year earlier.", "5%", 5, "exact", "percent", "percent"),
    Example("Unemployment fell below 4 percent.", "below 4 percent", 4, "at_most", "percent", "percent"),
    Example("The stock rose over $17 on Friday.", "over $17", 17, "at_least", "USD", "money"),
    Example("Profit rose over $2 million.", "over $2 million", 2e6, "at_least", "USD", "money", change="up"),
    Example("Wheat prices fell over five cents on Monday.", "over five cents", 0.05, "at_least", "USD", "money",
            change="down"),
    Example("Shares rose over 5% on Friday.", "over 5%", 5, "at_least", "percent", "percent", change="up"),
    Example("Up to 500 people fled the town.", "Up to 500 people", 500, "at_most", "people", "displaced"),
    Example("Police added 3 people were killed.", "3 people", 3, "exact", "people", "killed"),
    Example("The unit lost 40 mln stg last year.", "40 mln stg", 4e7, "exact", "GBP", "money"),
    Example("The group raised $20 million from investors.", "$20 million", 2e7, "exact", "USD", "money"),
    Example("The bill would raise the debt ceiling by $2.5 trillion.", "$2.5 trillion", 2.5e12, "exact", "USD",
            "money", change="up"),
    Example("The stock lost $2 to $45.", "$2", 2, "exact", "USD", "money", change="down"),
    Example("Shares gained $2 to a record $45.", "$2", 2, "exact", "USD", "money", change="up"),
    Example("It raised $2 billion to fund the deal.", "$2 billion", 2e9, "exact", "USD", "money"),
    Example("The startup raised $6.6 billion at a $157 billion valuation.", "$6.6 billion", 6.6e9, "exact", "USD",
            "money"),
    Example("Net income excludes a gain of $577,000 on the sale.", "$577,000", 577_000, "exact", "USD", "money"),
    Example("Net includes a tax credit and gain 651,000 for 1985.", "651,000", 651_000, "exact", None, "other"),
    Example("Black voters make up about 60% of Democrats here.", "about 60%", 60, "approximate", "percent",
            "percent"),
    Example("The cables take up 30 percent of the space.", "30 percent", 30, "exact", "percent", "percent"),
)
def parse_change(doc: Doc, start: int, end: int, unit: str | None, category: str, scaled: bool = False) -> str | None:
    """ "up" or "down" when the figure [start, end) reports a change, None for a level; `scaled`
    when its number has a scale ("$2 million")."""
    if category not in _CHANGING:
        return None
    if doc[start].lower_ in _LEVEL_QUALIFIERS:
        return None
    priced = start + 1 < end and doc[start + 1].is_currency
    if doc[start].lower_ in _PRICE_LEVEL_QUALIFIERS and category == "money" and priced and not scaled:
        # "oil rose over $100": a price it crossed; "dropped over five cents" is a change
        return None
    k = start - 1
    by = k >= 0 and doc[k].lower_ == "by"
    if by:
        k = doc[k].head.i
    if 0 <= k < start:
        word = doc[k]
        direction = _ADVERBS.get(word.lower_) if word.pos_ in ("ADV", "ADP", "ADJ", "PART") else None
        # a verb's particle, or an adverb right after the verb that the parse did not call one
        particle = word.dep_ == "prt" or (word.dep_ == "advmod" and word.head.pos_ == "VERB" and word.head.i == k - 1)
        if word.dep_ == "prt" and word.head.lemma_.lower() in _PARTICLE_VERBS:
            direction = None  # "make up 60%" constitutes, "set up 12 offices" creates
        lemma = word.lemma_.lower()
        if word.pos_ == "VERB" and lemma in _VERBS:
            direction = _VERBS[lemma]
            if _needs_level(lemma, unit, category) and not by and not _level_follows(doc, end):
                # "raised $20 million" is funds raised; "raised the ceiling by $2.5 trillion" a change
                return None
        if direction is not None and _governs(doc, k, start, end, by):
            return direction
        if direction is not None and particle and _governs(doc, word.head.i, start, end, by):
            # "edged up 0.2 per cent", "marked down 5%": the particle of the verb that governs it
            return direction
    if not by and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "NOUN":
        lemma = doc[start - 2].lemma_.lower()
        if _needs_level(lemma, unit, category) and not _level_follows(doc, end):
            return None
        if lemma in _NOUNS:
            return _NOUNS[lemma]
    if end < len(doc):
        after = doc[end]
        if after.text in _AFTER:
            # lower case: "the 512-seat Lower House" names a chamber
            return _AFTER[after.text]
        determined = start > 0 and (doc[start - 1].lower_ in _DETERMINERS or doc[start - 1].tag_ == "PRP$")
        if determined and after.pos_ == "NOUN" and after.lemma_.lower() in _NOUNS:
            return _NOUNS[after.lemma_.lower()]
        noun = _modified_noun(doc, start, end) if category != "money" else None
        if determined and noun is not None and noun.lemma_.lower() in _NOUNS:
            # "a 12% year-on-year increase": the change noun a share or a count modifies, past its
            # modifiers; money before one is often what it is worth ("a $30m net gain")
            return _NOUNS[noun.lemma_.lower()]
    return None


def _modified_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun after the figure [start, end) that one of its tokens hangs from, within a few
    words."""
    return next((t.head for t in doc[start:end]
                 if end <= t.head.i < end + _NOUN_WINDOW and t.head.pos_ == "NOUN"), None)


def _governs(doc: Doc, word: int, start: int, end: int, by: bool) -> bool:
    """Whether the change word at `word` governs the figure [start, end): a token of the figure
    hangs from it, or from the "by" before the figure that hangs from it ("fell by 3%", "raised
    rates by 25 basis points"), or from a noun or a number that does ("jumped nearly 20 percent
    year on year", parsed with "percent" inside "year"; "rose by 12,000 to 231,000", parsed as
    a range of the level). "He added 3 people were killed" is not a change: "people" hangs from
    the verb "killed"."""
    head = start - 1 if by else word
    return any(t.head.i == head or (t.head.pos_ in ("NOUN", "NUM") and t.head.head.i == head) for t in doc[start:end])


@examples(
    Example("The stock closed off 3/4 to 33-1/2.", "3/4", 0.75, "exact", None, "other", change="down"),
    Example("The stock closed off 3/4 to 33-1/2.", "33-1/2", 33.5, "exact", None, "other"),
    Example("The shares were up $2 to $45.", "$45", 45, "exact", "USD", "money"),
)
def is_change_word(tok: Token) -> bool:
    """A verb of change ("rose", "lost") or an adverb of one ("up", "off"): after it, "$2 to $45"
    and "3/4 to 33-1/2" are a change and a level."""
    if tok.pos_ in ("ADV", "ADP", "ADJ", "PART") and tok.lower_ in _ADVERBS:
        return True
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _VERBS


def _needs_level(lemma: str, unit: str | None, category: str) -> bool:
    """ "Lost 40 mln stg", "a gain of 577,000 dlrs", "gain 651,000": with an amount of money or a
    bare number, these words report a loss, a gain or funds raised, not a change of a level."""
    return lemma in _NEEDS_LEVEL and (category == "money" or unit is None)


def _level_follows(doc: Doc, end: int) -> bool:
    """Whether "to" or "at" after the figure ending at `end` gives the level it reached: "gained
    $2 to a record $45", "lost 12p at 845p". Not "to" before a verb ("raised $2 billion to fund
    the deal") nor a figure that modifies the noun after it ("raised $6.6 billion at a $157
    billion valuation": what the company was valued at, not a level of the money raised)."""
    if end >= len(doc) or doc[end].lower_ not in ("to", "at") or doc[end].dep_ == "aux":
        return False
    number = next((t for t in doc[end + 1 : end + 6] if t.like_num), None)
    if number is None:
        return True
    head = number
    while head.head.pos_ in ("NUM", "SYM") and head.head.i != head.i:
        head = head.head
    determined = doc[end + 1].lower_ in _DETERMINERS or doc[end + 1].tag_ == "PRP$"
    return not (determined and head.head.pos_ == "NOUN" and head.head.i > number.i)


def is_compared(doc: Doc, previous_end: int, start: int) -> bool:
    """Whether the words between a count, which ends before token `previous_end`, and the
    number at `start` set the number beside it as another of the same thing: "won 121 seats,
    down from 365", "passed by 68 votes to 31", "120 deaths, against 95 a year earlier"."""
    words = [t.lower_ for t in doc[previous_end:start]]
    if words[:1] == [","]:
        words = words[1:]
    if words[:1] and words[0] in _ADVERBS:
        words = words[1:]
    # not "at": "opened on 37,000 shares at nine" gives a price
    return words in (["to"], ["from"]) or tuple(words) in _COMPARISONS


@examples(
    Example("The FTSE 100 closed up 0.5% at 7,650.", "7,650", 7650, "exact", "points", "other"),
    Example("The Nikkei closed down 1.2% at 38,200.", "38,200", 38_200, "exact", "points", "other"),
    Example("The Dow Jones Industrial Average rose 0.3% to 39,100.", "39,100", 39_100, "exact", "points", "other"),
    Example("The company's sales rose 3% to 1,200.", "1,200", 1200, "exact", None, "other"),
)
def is_index_level(doc: Doc, start: int, end: int, change_unit: str | None) -> bool:
    """Whether a bare number [start, end) after "to", "at" or "from" is the level of an index:
    one number without a scale ("733.5 billion" is money left unsaid), which may be a whole
    number and its fraction as wire copy writes prices ("to 48-3/4"), and the clause's subject
    (or that of the verb its clause completes: "rose 0.8% to close at 4,783.45"; or that of the
    verb whose adverb the level hangs from: "closed up 0.5% at 7,650"), with the names it is
    compounded of ("the Dow Jones Industrial Average"), is an index word or the change before the
    level was counted in points."""
    # one token, or a whole number and its fraction ("to 48-3/4")
    single = end == start + 1 or (end == start + 3 and "/" in doc[end - 1].text)
    if start == 0 or not single or doc[start - 1].lower_ not in _LEVEL_PREPOSITIONS:
        return False
    if end < len(doc) and (doc[end].is_space or doc[end].pos_ in ("NOUN", "PROPN")):
        # "to 51.9\npct": what the number counts is written after it
        return False
    if change_unit in POINT_UNITS:
        return True
    governor = doc[start - 1].head
    named = [governor] if governor.pos_ in ("NOUN", "PROPN") else []
    if governor.pos_ in ("ADV", "ADP") and governor.head.pos_ == "VERB" and is_change_word(governor):
        # "closed up 0.5% at 7,650": the level hangs from the adverb of change, not from its verb
        governor = governor.head
    clauses = [governor]
    while clauses[-1].dep_ in ("xcomp", "advcl") and clauses[-1].head is not clauses[-1]:
        # "the S&P 500 rose 0.8% to close at 4,783.45": the subject of the verb "close" hangs from
        clauses.append(clauses[-1].head)
    for clause in clauses:
        for child in clause.children:
            if child.dep_ in _SUBJECTS and child.i < start:
                named.extend([child, *_compounds(child)])
    return any(t.lower_ in _INDEX_WORDS for t in named)


def _compounds(token: Token) -> list[Token]:
    """The words a name is compounded of, at any depth: "Dow" and "Jones" of "Dow Jones Industrial Average"."""
    found = [c for c in token.children if c.dep_ == "compound"]
    return found + [word for c in found for word in _compounds(c)]
