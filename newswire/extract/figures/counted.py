"""The counted noun: what a number counts when it is not money, a percentage, a duration or a
measure.

The noun after "of" for amount words ("dozens of hostages") and for a number taken from a known
group ("two of the hostages", "12 of Lufthansa's jets"; "12 of the 20 hostages" ends before "of", the group its own
figure); else the noun the number modifies ("over 32,000 Palestinians",
"two Iranian proxy groups"), joined by a bare coordinated plural ("missiles and drones"), or an
adjective that stands for people ("12 dead"). The unit is the noun as written with the common
nouns compounded with it ("cabinet ministers", "aid workers"), lower-cased unless it is a proper
or national name; a hyphenated quantity counts the plural of its noun
("two-front war" counts "fronts", with the plurals of the lexicon `plurals`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newswire.extract.figures.amounts import A_AMOUNTS, DASHES, DATE_LABELS, DETERMINERS, VAGUE, Amount
from newswire.extract.figures.categories import PEOPLE_ADJECTIVES, noun_category
from newswire.extract.figures.examples import Example, examples
from newswire.extract.lexicons import lexicon
from newswire.extract.numbers import SCALES

_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "ADV", "NUM"}
_MAX_MODIFIERS = 8
_IRREGULAR_PLURALS: dict[str, str] = dict(lexicon("plurals")["irregular"])
# Verbs in -s that follow a number as its verb ("Boeing's 777 is", "the 486 has").
_AUXILIARY_LEMMAS = frozenset({"be", "have", "do"})


@dataclass(frozen=True, slots=True)
class Unit:
    """What an amount counts: unit, the token after the figure, category, counted noun, and the
    unit as written (`Figure.unit_text`); `factor` scales the value to the unit (a subunit),
    `added` is what a subunit written after it adds ("3 dollars 50 cents"), and `measure` says
    it is a unit of measure, which counts no one ("displaces 100,000 tonnes")."""

    text: str | None
    end: int
    category: str
    head: int | None
    written: str | None = None
    factor: float = 1.0
    added: float = 0.0
    measure: bool = False


@examples(
    Example("It fired more than 300 missiles and drones.", "more than 300 missiles and drones", 300, "at_least",
            "missiles and drones", "weapons"),
    Example("Israel is fighting two Iranian proxy groups.", "two Iranian proxy groups", 2, "exact",
            "proxy groups", "other"),
    Example("Twelve of the 20 hostages were freed.", "Twelve", 12, "exact", "hostages", "hostages"),
    Example("Twelve of the 20 hostages were freed.", "20 hostages", 20, "exact", "hostages", "hostages"),
    Example("Regulators grounded all 12 of Lufthansa's cargo jets.", "12 of Lufthansa's cargo jets", 12, "exact",
            "cargo jets", "other"),
    Example("Storms hit 40 of Spain's 50 provinces.", "40", 40, "exact", "provinces", "other"),
    Example("The party won 172 of 350 seats.", "172", 172, "exact", "seats", "other"),
    Example("The region has 12 coal mines.", "12 coal mines", 12, "exact", "coal mines", "other"),
    Example("Eight cabinet ministers received the money.", "Eight cabinet ministers", 8, "exact",
            "cabinet ministers", "other"),
    Example("Two aid workers were killed.", "Two aid workers", 2, "exact", "aid workers", "killed"),
    Example("The bank runs 198 general purpose funds.", "198 general purpose funds", 198, "exact", "funds",
            "other"),
    Example("The floods left 33 million homeless.", "33 million homeless", 33_000_000, "exact", "people",
            "displaced"),
    Example("The blast left 12 dead and 40 wounded.", "12 dead", 12, "exact", "people", "killed"),
    Example("Turn the dial 4 turns to the left.", "4 turns", 4, "exact", "turns", "other"),
    Example("Sales 16.0 mln 16.8 mln", "16.0 mln", 16_000_000, "exact", None, "other"),
    Example("Rotate the valve 3 turns", "3 turns", 3, "exact", "turns", "other"),
    Example("There were nine cargo ships loading at the port.", "nine cargo ships", 9, "exact", "cargo ships",
            "other"),
    Example("The poll gave Labour a six point lead.", "six point", 6, "exact", "points", "other"),
    Example("A three judge panel heard the appeal.", "three judge", 3, "exact", "judges", "other"),
    Example("Apple has released several re-designs of the iPod.", "several re-designs", 3, "at_least",
            "re-designs", "other", (3, 9)),
)
def parse_counted(doc: Doc, amount: Amount, j: int) -> Unit:
    """The counted noun: after "of" for amount words ("dozens of hostages") and for a part of a
    group ("two of the hostages", "12 of Lufthansa's jets"), else the noun the number modifies ("32,000 Palestinians", "two Iranian proxy groups")."""
    n = len(doc)
    last = doc[amount.end - 1].lower_
    if j < n and doc[j].lower_ == "of":
        # "dozens of", "millions of", "a couple of": an amount word counts what follows "of",
        # and so does a number taken from a known group ("two of the hostages", "40 of Spain's
        # 50 provinces", "172 of 350 seats"); otherwise "of" does not introduce what is counted
        # ("a rate of 15 of 20").
        possessed = j + 2 < n and doc[j + 2].tag_ == "POS"
        partitive = amount.value > 1 and j + 1 < n and (doc[j + 1].lower_ in DETERMINERS or possessed
                                                          or doc[j + 1].like_num)
        amount_word = last in VAGUE or last in SCALES or last in A_AMOUNTS
        if partitive or amount_word:
            counted = parse_of_phrase(doc, j)
            if counted is not None and counted.head is not None and any(t.like_num for t in doc[j + 1:counted.head]):
                # "12 of the 20 hostages": the group counted has its own figure; this one ends before "of"
                return Unit(counted.text, j, noun_category(doc[counted.head].lower_), None, counted.written)
            if counted is not None:
                return counted
        return Unit(None, j, "other", None)
    head = _parse_head(doc, amount, j)
    if head is not None and doc[head].lower_ in SCALES:
        # "Revs 16.0 mln 16.8 mln": the scale of another number is not what this one counts
        return Unit(None, j, "other", None)
    if head is not None:
        counted = _with_conjunct(doc, head, j)
        if amount.in_words and amount.value > 1 and doc[head].tag_ == "NN" and doc[head].dep_ == "compound":
            # "a three judge panel", "a six point lead": the hyphen left out ("a three-judge
            # panel"), the number counts the plural of the noun it is written with
            text = plural_of(doc[head].lower_)
            return Unit(text, head + 1, noun_category(text), head, doc[head].text)
        return counted
    if (j < n and amount.value > 1 and doc[j].tag_ in ("VBZ", "NNS") and doc[j].is_alpha and doc[j].is_lower
            and doc[j].lower_.endswith("s") and doc[j].lemma_ not in _AUXILIARY_LEMMAS):
        # "rotate 3 turns": after a number above one a word in -s is a plural noun, whatever the
        # tagger makes of it; a verb in -s would take a single subject ("the 777 is", a model)
        return Unit(doc[j].lower_, j + 1, noun_category(doc[j].lower_), j, doc[j].text)
    if j < n and doc[j].lower_ in PEOPLE_ADJECTIVES and (j + 1 == n or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
        return Unit("people", j + 1, PEOPLE_ADJECTIVES[doc[j].lower_], None, doc[j].text)
    return Unit(None, j, "other", None)


def _parse_head(doc: Doc, amount: Amount, j: int) -> int | None:
    """The noun the number modifies, within a few modifier tokens after it; a number above one
    agrees with a plural, so a plural common noun between the number and a singular head is
    what it counts ("seven grain ships loading", the parser taking "loading" for the head)."""
    n = len(doc)
    tops = [t for t in doc[amount.start:amount.end] if not amount.start <= t.head.i < amount.end]
    for top in tops:
        head = top.head
        if (top.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
                and head.pos_ in ("NOUN", "PROPN") and j <= head.i < j + _MAX_MODIFIERS
                and all(_is_modifier(t) for t in doc[j:head.i])
                and head.ent_type_ not in DATE_LABELS):
            if amount.value > 1 and head.tag_ == "NN":
                plural = next((t.i for t in doc[j:head.i] if t.tag_ == "NNS"), None)
                return head.i if plural is None else plural
            return head.i
    k = j
    while k < min(n, j + _MAX_MODIFIERS) and _is_modifier(doc[k]):
        k += 1
    if k == j:
        return None
    while k > j and doc[k - 1].pos_ not in ("NOUN", "PROPN"):
        k -= 1
    if k == j or doc[k - 1].ent_type_ in DATE_LABELS:
        return None
    return k - 1


def _is_modifier(tok: Token) -> bool:
    """A word that may stand between a number and its noun ("displaced", "Iranian proxy")."""
    if tok.is_space or tok.ent_type_ in DATE_LABELS:
        return False
    if tok.text in DASHES:
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.pos_ in _MODIFIER_POS:
        return tok.pos_ != "ADV" or tok.dep_ == "advmod" and tok.head.pos_ == "ADJ"
    return tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound")


def _with_conjunct(doc: Doc, head: int, floor: int) -> Unit:
    """The counted noun from token `floor` on, with the common nouns compounded with it, joined
    by a bare coordinated plural: "missiles and drones"; a noun written with hyphens is read
    whole ("re-designs")."""
    first = head
    while first > floor and _is_compound_of(doc[first - 1], first, head):
        first -= 1
    while (head + 2 < len(doc) and doc[head + 1].text in DASHES and not doc[head].whitespace_
           and not doc[head + 1].whitespace_ and doc[head + 2].is_alpha):
        head += 2
    tok = doc[head]
    end = head + 1
    text = unit_text(doc[first:end])
    if (head + 2 < len(doc) and doc[head + 1].lower_ in ("and", "or")
            and doc[head + 2].dep_ == "conj" and doc[head + 2].head.i == head
            and doc[head + 2].tag_ in ("NNS", "NNPS") and tok.tag_ in ("NNS", "NNPS")):
        text = f"{text} {doc[head + 1].lower_} {unit_text(doc[head + 2:head + 3])}"
        end = head + 3
    return Unit(text, end, "other", head, doc[first:end].text)


def _is_compound_of(tok: Token, first: int, head: int) -> bool:
    """A common noun that makes one name with the counted noun: "cabinet" in "eight cabinet
    ministers", "aid" in "two aid workers". Adjectives and proper names stay out of the unit
    ("two Iranian proxy groups" counts "proxy groups"), and so do a noun an adjective of its own
    modifies ("198 general purpose funds" counts "funds") and the end of a hyphenated word
    ("three-ton satellites" counts "satellites")."""
    glued = tok.i > 0 and tok.doc[tok.i - 1].text in DASHES and not tok.doc[tok.i - 1].whitespace_
    modified = any(child.dep_ != "compound" for child in tok.lefts)
    return (tok.dep_ == "compound" and tok.pos_ == "NOUN" and first <= tok.head.i <= head and tok.is_alpha
            and not glued and not modified)


def parse_of_phrase(doc: Doc, of: int) -> Unit | None:
    """The noun phrase after "of", up to its noun: "of Gaza's population", "of hostages"; after
    "half" the "of" may be left out, the phrase starting at its determiner ("half the workers",
    "half its staff")."""
    if of >= len(doc):
        return None
    if doc[of].lower_ != "of":
        if of == 0 or doc[of - 1].lower_ != "half" or doc[of].lower_ not in DETERMINERS:
            return None
        head = _scan_head(doc, of)
    else:
        objects = [c for c in doc[of].children if c.dep_ == "pobj" and c.i > of]
        if objects and objects[0].left_edge.i == of + 1 and objects[0].i < of + _MAX_MODIFIERS + 1:
            head = objects[0].i
        else:
            head = _scan_head(doc, of + 1)
    if head is None or doc[head].pos_ not in ("NOUN", "PROPN", "PRON") or any(t.is_space for t in doc[of:head]):
        return None
    return _with_conjunct(doc, head, of + 1)


def _scan_head(doc: Doc, first: int) -> int | None:
    """The last noun of the run of determiners and modifiers from token `first`."""
    k = first
    limit = min(len(doc), first + _MAX_MODIFIERS)
    while k < limit and (_is_modifier(doc[k]) or doc[k].pos_ in ("DET", "PART") or doc[k].tag_ == "PRP$"):
        k += 1
    while k > first and doc[k - 1].pos_ not in ("NOUN", "PROPN"):
        k -= 1
    return None if k == first else k - 1


def unit_text(noun: Span) -> str:
    """The counted noun as written; lower case unless a proper or national name."""
    last = noun[-1]
    if last.tag_ in ("NNP", "NNPS") or last.ent_type_ in ("NORP", "GPE", "ORG"):
        return noun.text
    return noun.text.lower()


def plural_of(noun: str) -> str:
    """ "front" -> "fronts": the counted noun of a hyphenated quantity ("two-front war")."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"
