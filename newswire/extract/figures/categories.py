"""Categories: what a count is of (`CATEGORIES`, after GDELT's count types).

Killed, injured, hostages, displaced and arrested are read from the counted noun
("fatalities", "refugees"), the words that modify it ("displaced") and the verb that governs it
("killed 45 civilians"), or the lives a verb takes or its subject loses ("claimed the lives of
six people", "40 people lost their lives"); weapons and military_units from the kind of thing
counted (missiles, battalions); a tally is a vote when a vote word stands near it. The cue words
come from the lexicon `count_cues`; money, percent, duration, share, age and temperature follow
from the form of the figure.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Token

from newswire.extract.figures.amounts import Amount
from newswire.extract.figures.examples import Example, examples
from newswire.extract.lexicons import lexicon

CATEGORIES = (
    "killed", "injured", "hostages", "displaced", "arrested", "weapons", "money", "percent",
    "duration", "military_units", "vote", "share", "age", "temperature", "other",
)
# Categories whose unit is a currency, a percent, a time unit or a degree, never a counted group.
UNCOUNTED_CATEGORIES = frozenset({"money", "percent", "duration", "age", "temperature"})
# What violence did to the people it counts, which the verb says over what they were.
_HARMS = frozenset({"killed", "injured"})

_CUES = lexicon("count_cues")
CASUALTY_NOUNS: dict[str, str] = dict(_CUES["casualty_nouns"])
# Nouns that, after "no", report a count of zero ("no fatalities").
ZERO_NOUNS = frozenset(_CUES["zero_nouns"])
# Verbs of killing are PLOVER's: the triggers of an assault by killing ("assassinated 3 officials").
_KILLING = [lemma for lemma, trigger in lexicon("plover_triggers")["verbs"].items() if trigger.get("mode") == "kill"]
# Lemma -> the category of the people a word counts ("killed", "wounded", "displaced").
EVENT_LEMMAS: dict[str, str] = {**dict.fromkeys(_KILLING, "killed"), **_CUES["event_lemmas"]}
# Verbs that mean "keep as a hostage" when what they hold is a group of people.
_HOLDING_LEMMAS = frozenset(_CUES["holding_lemmas"])
# Adjectives that stand for the people they describe after a number ("33 million homeless").
PEOPLE_ADJECTIVES: dict[str, str] = dict(_CUES["people_adjectives"])
_PERSON_NOUNS = frozenset(_CUES["person_nouns"])
_UNIT_NOUNS: dict[str, str] = dict(_CUES["unit_nouns"])
_VOTE_LEMMAS = frozenset(_CUES["vote_lemmas"])
# Verbs that take lives: "claimed the lives of six people", "cost 30 lives".
_LIFE_TAKING_LEMMAS = frozenset(_CUES["life_taking_lemmas"])
# Verbs whose subject loses lives: "40 people lost their lives".
_LIFE_LOSING_LEMMAS = frozenset(_CUES["life_losing_lemmas"])
# Dependencies along which a count takes the event of the word it hangs from.
_PATH_DEPS = {
    "dobj", "nsubj", "nsubjpass", "pobj", "prep", "conj", "appos", "attr", "agent", "dative",
    "oprd", "npadvmod", "nmod", "compound", "acomp", "nummod",
}


def noun_category(noun: str) -> str:
    """The category the counted noun names by itself ("hostages", "missiles"), else other."""
    return CASUALTY_NOUNS.get(noun) or _UNIT_NOUNS.get(noun) or "other"


def _cue(tok: Token) -> str | None:
    """The event category a single word signals ("killed", "refugees", "fled", "lives" that a
    verb takes)."""
    if tok.lower_ in CASUALTY_NOUNS:
        return CASUALTY_NOUNS[tok.lower_]
    if tok.lemma_.lower() == "life" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _LIFE_TAKING_LEMMAS:
        return "killed"
    if tok.pos_ in ("VERB", "ADJ", "NOUN"):
        return EVENT_LEMMAS.get(tok.lemma_.lower())
    return None


@examples(
    Example("Israel's offensive has killed over 32,000 Palestinians.", "over 32,000 Palestinians", 32_000,
            "at_least", "Palestinians", "killed"),
    Example("The strike wounded 45 civilians.", "45 civilians", 45, "exact", "civilians", "injured"),
    Example("At least 40 people drowned in the floods.", "At least 40 people", 40, "at_least", "people", "killed"),
    Example("Gunmen assassinated 3 officials.", "3 officials", 3, "exact", "officials", "killed"),
    Example("Some 3,000 people were injured in the quake.", "Some 3,000 people", 3000, "approximate", "people",
            "injured"),
    Example("They are still holding around 100 hostages.", "around 100 hostages", 100, "approximate",
            "hostages", "hostages"),
    Example("Militants took around 250 people hostage.", "around 250 people", 250, "approximate", "people",
            "hostages"),
    Example("The agency said 810,000 people had fled Rafah.", "810,000 people", 810_000, "exact", "people",
            "displaced"),
    Example("Aid reached 20,000 displaced Palestinians.", "20,000 displaced Palestinians", 20_000, "exact",
            "Palestinians", "displaced"),
    Example("The shells hit a school, killing six displaced people.", "six displaced people", 6, "exact", "people",
            "killed"),
    Example("An air raid on the prison killed 60 detainees.", "60 detainees", 60, "exact", "detainees", "killed"),
    Example("The earthquake claimed the lives of six people.", "six people", 6, "exact", "people", "killed"),
    Example("The fire took the lives of 12 people.", "12 people", 12, "exact", "people", "killed"),
    Example("The floods claimed 30 lives.", "30 lives", 30, "exact", "lives", "killed"),
    Example("Rescuers saved the lives of 20 people.", "20 people", 20, "exact", "people", "other"),
    Example("At least 40 people lost their lives in the attack.", "At least 40 people", 40, "at_least", "people",
            "killed"),
    Example("At least 40 people lost their jobs.", "At least 40 people", 40, "at_least", "people", "other"),
    Example("Police arrested 45 protesters.", "45 protesters", 45, "exact", "protesters", "arrested"),
    Example("More than 1,000 were killed, including at least 300 children.", "at least 300 children", 300,
            "at_least", "children", "killed"),
    Example("Gunmen killed five of the 12 passengers on the bus.", "five", 5, "exact", "passengers", "killed"),
    Example("Gunmen killed five of the 12 passengers on the bus.", "12 passengers", 12, "exact", "passengers",
            "other"),
    Example("Iran launched 120 ballistic missiles.", "120 ballistic missiles", 120, "exact", "missiles",
            "weapons"),
    Example("The army moved 3,000 troops north.", "3,000 troops", 3000, "exact", "troops", "military_units"),
    Example("The flood affected about 2 million people.", "about 2 million people", 2_000_000, "approximate",
            "people", "other"),
    Example("Thousands of people took to the streets.", "Thousands of people", 2000, "at_least", "people",
            "other", (2000, 9999)),
)
def parse_category(doc: Doc, i: int) -> str:
    """What a count is of, from the counted noun, the words modifying it and the verb that
    governs it; then the kind of thing counted (battalions, missiles). A verb that killed or
    wounded them says what the event did to them over the words that say what they were
    ("killing six displaced people", "killed 60 detainees")."""
    tok = doc[i]
    own = _cue(tok)
    governed = _governing_cue(tok)
    if governed in _HARMS or own is not None:
        return governed if governed in _HARMS else own
    described = next(
        (
            cue for child in tok.children if child.dep_ in ("amod", "acl", "relcl") and child.i != i
            for t in child.subtree if (cue := _cue(t)) is not None
        ),
        None,
    )
    return described or governed or _UNIT_NOUNS.get(tok.lower_, "other")


def _governing_cue(tok: Token) -> str | None:
    """The category the words above a count in the parse give it: the verb that governs it
    ("killed 45 civilians"), what the verb says of it ("were found dead"), lives lost, people
    held."""
    node = tok
    for _ in range(5):
        if node.dep_ not in _PATH_DEPS or node.head is node:
            break
        parent = node.head
        if parent.lower_ == "of" and parent.head.pos_ == "NUM":
            # "killed five of the 12 passengers": the group is not what the verb did
            break
        cue = _cue(parent)
        if cue is not None:
            return None if _is_agent(node, parent) else cue
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
            lives = any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in parent.children)
            if node.dep_ == "nsubj" and parent.lemma_.lower() in _LIFE_LOSING_LEMMAS and lives:
                return "killed"
            person = tok.lower_ in _PERSON_NOUNS or tok.ent_type_ == "NORP"
            held = node.dep_ in ("dobj", "nsubjpass")
            if parent.lemma_.lower() in _HOLDING_LEMMAS and person and held:
                return "hostages"
            break
        node = parent
    return None


@examples(
    Example("Three gunmen killed 12 people in the market.", "Three gunmen", 3, "exact", "gunmen", "other"),
    Example("Three gunmen killed 12 people in the market.", "12 people", 12, "exact", "people", "killed"),
    Example("The 7.8-magnitude earthquake killed more than 50,000 people.", "7.8-magnitude", 7.8, "exact",
            "magnitude", "other"),
    Example("Twelve people were killed by two suicide bombers.", "two suicide bombers", 2, "exact",
            "suicide bombers", "other"),
    Example("Twelve people were killed by two suicide bombers.", "Twelve people", 12, "exact", "people", "killed"),
    Example("The agency said 810,000 people had fled Rafah.", "810,000 people", 810_000, "exact", "people",
            "displaced"),
    Example("Five people died in the crash.", "Five people", 5, "exact", "people", "killed"),
)
def _is_agent(node: Token, verb: Token) -> bool:
    """Whether the words a count belongs to (`node`) do what `verb` says rather than suffer it:
    the agent of a passive ("killed by two suicide bombers"), or the subject of an active verb
    whose object is the people or the number it befell ("three gunmen killed 12 people", "the
    7.8-magnitude earthquake killed 50,000"); "810,000 people had fled Rafah" and "five people
    died" are counts of those it befell."""
    if node.dep_ == "agent":
        return True
    if node.dep_ != "nsubj":
        return False
    return any(
        child.dep_ == "dobj" and (child.lower_ in _PERSON_NOUNS or any(t.like_num for t in child.subtree))
        for child in verb.children
    )


@examples(
    Example("The US abstained, and the resolution passed 14-0.", "14-0", 14, "exact", "votes", "vote"),
    Example("The council voted 9-3 to approve the plan.", "9-3", 9, "exact", "votes", "vote"),
    Example("The bill passed by a vote of 230 to 196.", "230 to 196", 230, "exact", "votes", "vote"),
)
def is_vote(doc: Doc, amount: Amount) -> bool:
    """A tally in a vote: "passed 14-0", "voted 9-3", "by a vote of 52-48"."""
    window = doc[max(0, amount.start - 4):amount.start]
    if any(t.lemma_.lower() in _VOTE_LEMMAS for t in window):
        return True
    return any(t.lemma_.lower() in _VOTE_LEMMAS for t in islice(doc[amount.start].ancestors, 3))
