"""The role of each actor of a sentence in an event, from the path between them in the parse.

A mention is in the slot its way up to the trigger ends in: the subject or the "by" agent is
the `source`, the object the `target`, "with" a `participant`, "in"/"at"/"through" a place the
`place`. The side named on an armed agent, a weapon or an authority takes the agent's slot
("Israeli jets struck", "killed by Israeli fire", "Israeli authorities demolished": Israel is
the source, through the country the adjective names, or the NORP actor when the article names
no such country), and a place named inside the locative phrase of an attack ("a building in
the Sheikh Radwan neighbourhood of Gaza City") or of its doer is a place of it, as is a town it
hits ("shelled Rafah"; a country hit stays its target). In violence, coercion and protest a
name its phrase says is a place ("the town of Sderot", "east of Khan Younis") is one whatever
the model typed it, a name shelled or bombed is a place ("shelled Kherson"), a place inside
the phrase of what did it ("an explosion at a checkpoint in Jalalabad killed") or of what it was
done for ("fired tear gas to disperse protesters in Burri") is one of it, and the place that
heads a report ("Gaza City - Sheikh Radwan: ...") is the place of its events. An event noun's roles come also through the clause that modifies it ("a
meeting he held with X"), the verb it hangs from, and, for violence, the light verb that says
it happened ("Israeli jets launched air strikes on ...", "clashes broke out between ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from newswire.extract.actor_types import country_of_people
from newswire.extract.events.triggers import (
    ARMED_AGENTS,
    NOUN_TRIGGERS,
    VERB_TRIGGERS,
    WEAPONS,
    armed_agent,
    lemma,
    noun_lemma,
)
from newswire.extract.lexicons import lexicon
from newswire.records import ActorMention
from newswire.reference import alias_key, converter_rows

# Roles, strongest first; "mentioned" is an actor of the sentence with no role in the event.
ROLES = ("source", "target", "participant", "place", "mentioned")
IDENTIFYING_ROLES = ("source", "target", "participant")

_SOURCE_DEPS = {"nsubj", "agent", "poss", "csubj"}
_TARGET_DEPS = {"dobj", "nsubjpass", "dative", "attr", "oprd"}
MODIFIER_DEPS = {"compound", "nmod", "amod"}
# Dependencies that keep a mention in the same slot: "X and Y", "X, the minister", "Gen X".
_LINK_DEPS = {"conj", "appos", "flat"}
_PARTICIPANT_PREPS = {"with", "between", "among", "alongside"}
_TARGET_PREPS = {"on", "against", "to", "into", "upon"}
_PLACE_PREPS = {"at", "in", "near", "inside", "outside", "through", "across", "around", "along", "throughout", "off"}
# Prepositions that say where inside a phrase of place: "in the X neighbourhood of Y", "east of".
_LOCATIVE_PREPS = _PLACE_PREPS | {"of", "across", "around", "outside", "throughout", "along", "off"}
_NESTED_DEPS = {"pobj", "prep", "compound", "appos", "conj", "dobj", "nsubjpass", "npadvmod", "advmod", "amod", "nmod", "agent"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
_CLAUSE_DEPS = {"relcl", "acl"}
_OPEN_CLAUSE_DEPS = {"xcomp", "acl", "advcl"}
_PLACE_NOUNS = frozenset(lexicon("event_words")["place_nouns"])
_LIGHT_VERBS = frozenset(lexicon("event_words")["light_verbs"])
_HAPPENING_VERBS = frozenset(lexicon("event_words")["happening_verbs"])
_AUTHORITIES = frozenset(lexicon("event_words")["authority_nouns"])
# A heading's place after its city and a dash is at most this many words: "Gaza City - Sheikh Radwan:".
_HEADING_NAME = 5
_DASHES = {"-", "–", "—"}
# Modes of violence done from afar, to a place: what it hits by name is a place ("shelled Kherson").
_FROM_AFAR = {"aerial", "shelling"}


def path_to(token: Token, trigger: Token) -> list[Token] | None:
    """The tokens from `token` up to the child of `trigger` on its way, or None if not below it."""
    path = [token]
    node = token
    while node.head.i != node.i:
        if node.head.i == trigger.i:
            return path
        node = node.head
        path.append(node)
    return None


def governor(trigger: Token) -> Token | None:
    """The verb an event noun hangs from through prepositions ("pushed back during a meeting")."""
    node = trigger
    while node.dep_ in {"pobj", "prep"} or (node is not trigger and node.pos_ in {"NOUN", "PROPN"}):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _names_the_agent(token: Token) -> bool:
    """The side named on an armed agent, a weapon or an authority: "Israeli" in "Israeli jets",
    "Hamas" in "Hamas militants", "Israeli" in "killed by Israeli fire", "Syrian" in "Syrian
    regime shelling"."""
    head = token.head
    return token.dep_ in MODIFIER_DEPS | {"poss"} and (armed_agent(head) or lemma(head) in WEAPONS or lemma(head) in _AUTHORITIES)


def _leads(token: Token) -> bool:
    """The leader named before "-led": "Saudi" in "a Saudi-led coalition air raid"."""
    head = token.head
    return token.dep_ == "npadvmod" and head.lower_ == "led" and head.dep_ in MODIFIER_DEPS


def _direct(path: Sequence[Token]) -> bool:
    """Whether the mention is the slot itself, not something named inside it ("X's insistence"),
    or the one that leads it ("a Saudi-led coalition")."""
    return all(token.dep_ in _LINK_DEPS or _names_the_agent(token) or _leads(token) for token in path)


def _nested_place(path: Sequence[Token], kind: str) -> bool:
    """A place named inside a locative phrase of the event (`_locative`), or in the name of what it hits ("the
    Al-Aqsa mosque compound") or of who does it ("killed by forces in the town of Beitunia",
    "an explosion at a checkpoint in Jalalabad killed"), with no verb between but the one that
    says what it was for (`_purpose`)."""
    inner = path[:-1] if path[-1].dep_ == "nsubj" else path
    return (
        kind in PLACE_TYPES
        and all((t.dep_ in _NESTED_DEPS and t.pos_ not in {"VERB", "AUX"}) or _purpose(t) for t in inner)
        and (path[-1].pos_ not in {"VERB", "AUX"} or _purpose(path[-1]))
        and (any(_locative(t, kind) for t in inner) or path[-1].dep_ in _TARGET_DEPS)
    )


def _locative(token: Token, kind: str) -> bool:
    """A preposition that says where: "in", "near", ..., and "on" before a street or a road ("a
    bus on the Abuja-Kaduna highway"; "on" a thing is what is hit)."""
    return token.dep_ == "prep" and (token.lower_ in _LOCATIVE_PREPS or (token.lower_ == "on" and kind == "FAC"))


def _ordered_for(path: Sequence[Token], kind: str, trigger: Token) -> bool:
    """The place a coercion noun is ordered "for": "evacuation orders for the Bureij camp", "a
    curfew for the old city"."""
    typed = NOUN_TRIGGERS.get(noun_lemma(trigger)) if trigger.pos_ == "NOUN" else None
    return (
        typed is not None and typed.event_type == "COERCE" and kind in PLACE_TYPES
        and len(path) == 2 and path[0].dep_ == "pobj" and path[1].dep_ == "prep" and path[1].lower_ == "for"
    )


def _purpose(token: Token) -> bool:
    """The infinitive that says what violence or coercion was for, whose places are its own:
    "fired tear gas to disperse protesters in the Burri neighbourhood"."""
    return (
        token.dep_ in {"advcl", "xcomp"} and token.pos_ == "VERB" and not has_subject(token)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def _hit_from_afar(trigger: Token) -> bool:
    """A verb of shelling or bombing, whose object is a place, not a person: "shelled Kherson"."""
    typed = VERB_TRIGGERS.get(lemma(trigger)) if trigger.pos_ == "VERB" else None
    return typed is not None and typed.mode in _FROM_AFAR


def slot(path: Sequence[Token], kind: str, noun_trigger: bool) -> str:
    """The role of a mention whose way up to the event ends in `path[-1]`'s dependency."""
    branch = path[-1]
    if branch.dep_ == "prep":
        inner = path[:-1]
        if not inner or inner[-1].dep_ != "pobj" or not _direct(inner[:-1]):
            return "mentioned"
        preposition = branch.lower_
        if preposition in _PARTICIPANT_PREPS:
            return "participant"
        if preposition in _PLACE_PREPS and (kind in PLACE_TYPES or (preposition == "at" and kind == "ORG")):
            return "place"
        if preposition in _TARGET_PREPS:
            return "target"
        return "source" if preposition == "by" else "mentioned"
    if branch.dep_ == "agent":
        inner = path[:-1]
        return "source" if inner and inner[-1].dep_ == "pobj" and _direct(inner[:-1]) else "mentioned"
    if not _direct(path[:-1]):
        return "mentioned"
    if branch.dep_ in _SOURCE_DEPS:
        return "source"
    if branch.dep_ in _TARGET_DEPS:
        return "target"
    if branch.dep_ in MODIFIER_DEPS and noun_trigger:
        return "source"
    return "mentioned"


def _role_on_path(path: list[Token], kind: str, trigger: Token, conflict: bool) -> str:
    if path[-1].dep_ in _CLAUSE_DEPS and len(path) >= 2:
        # Inside the clause that modifies an event noun: "a meeting [he held with X]",
        # "the meeting, [which also included X]"; what the clause of an attack hits is its
        # target: "airstrikes [targeting Al-Zawayda]".
        role = slot(path[:-1], kind, noun_trigger=False)
        return role if conflict else {"target": "participant"}.get(role, role)
    return slot(path, kind, trigger.pos_ == "NOUN")


def has_subject(token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass", "csubj"} for child in token.children)


def _side_of_authority(path: Sequence[Token]) -> bool:
    """The side named on the authority that does it: "Israeli authorities demolished", "by
    Russian officials"."""
    if path[-1].dep_ == "agent":
        path = path[:-1] if len(path) == 3 and path[1].dep_ == "pobj" else ()
    return len(path) == 2 and path[0].dep_ in MODIFIER_DEPS and path[1].dep_ in _SOURCE_DEPS | {"pobj"} and lemma(path[1]) in _AUTHORITIES


def light_verb(trigger: Token) -> Token | None:
    """The verb that says an event noun happened, whose subject, objects and places are the
    event's: "launched" of "launched air strikes", "carried out" of "carried out a series of
    strikes", "held" of "a demonstration was held", "broke out" of "clashes broke out"."""
    noun = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    verb = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and lemma(verb) in _LIGHT_VERBS or noun.dep_ == "nsubj" and lemma(verb) in _HAPPENING_VERBS:
        return verb
    return None


def _heading(mention: Span) -> bool:
    """A place that heads a report, before a colon, or the city before its dash ("Gaza City -
    Sheikh Radwan: On 8 May, an air strike ..."): the place of the events it tells, whatever the
    parse makes of it."""
    doc = mention.doc
    after = doc[mention.end : mention.end + _HEADING_NAME + 2]
    if not after:
        return False
    if after[0].text == ":":
        return True
    return after[0].text in _DASHES and after[0].whitespace_ != "" and any(t.text == ":" for t in after[2:])


def placed(mention: Span, kind: str) -> bool:
    """A name its phrase says is a place, whatever its actor type: the name a place noun is "of"
    ("the town of Sderot", "east of Khan Younis"), that modifies one ("the Saltivka district") or
    that one is in apposition to ("Ocheretyne, a village north of Avdiivka"),
    and a person's name where something violent is done ("clashes in Jenin"): no one is hit in
    a person, nor, but for "in", an organisation ("a sit-in outside the Islamic University").
    A creed or nationality before a capitalised place noun begins a name, no place ("Islamic" in
    "an Islamic State commander")."""
    root = mention.root
    head = root.head
    if root.dep_ in MODIFIER_DEPS and lemma(head) in _PLACE_NOUNS:
        return head.is_lower or kind != "NORP"
    if any(c.dep_ == "appos" and lemma(c) in _PLACE_NOUNS for c in root.children):
        return True  # "attacked Ocheretyne, a village north of Avdiivka"
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if head.lower_ == "of":
        return lemma(head.head) in _PLACE_NOUNS
    return head.lower_ in _PLACE_PREPS and (kind == "PERSON" or (kind == "ORG" and head.lower_ != "in"))


def role(mention: Span, kind: str, trigger: Token, conflict: bool) -> str:
    """The role of `mention` (of actor type `kind`) in the event of `trigger`; in violence,
    coercion or protest a name its phrase says is a place is taken for one (`placed`), a place
    that heads the report is its place (`_heading`), so is the place a coercion is ordered for
    (`_ordered_for`), a name shelled or bombed is a place even
    when taken for a person (`_hit_from_afar`), an event noun that is the object of a light verb
    ("launched an air strike") has the verb's roles, and one a verb governs ("went on strike in
    Aden") the verb's places."""
    if conflict and kind not in PLACE_TYPES and placed(mention, kind):
        kind = "LOC"
    if conflict and kind in PLACE_TYPES and _heading(mention):
        return "place"
    path = path_to(mention.root, trigger)
    if path is not None:
        found = _role_on_path(path, kind, trigger, conflict)
        if conflict and found == "target" and kind in PLACE_TYPES and not _a_country(mention.text):
            return "place"
        if conflict and found == "target" and kind == "PERSON" and _hit_from_afar(trigger):
            return "place"
        if conflict and found == "mentioned" and (_nested_place(path, kind) or _ordered_for(path, kind, trigger)):
            return "place"
        if conflict and found == "mentioned" and _side_of_authority(path):
            return "source"
        return found
    if conflict and light_verb(trigger) is not None:
        return role(mention, kind, trigger.head, conflict)
    frame = governor(trigger) if trigger.pos_ == "NOUN" else None
    if frame is None and trigger.dep_ in _OPEN_CLAUSE_DEPS and not has_subject(trigger):
        # "Netanyahu's decision to cancel", "X agreed to meet": the event inherits the subject.
        frame = trigger.head
    if frame is not None:
        outer = path_to(mention.root, frame)
        found = slot(outer, kind, noun_trigger=False) if outer is not None else "mentioned"
        if found in {"source", "participant"} or (conflict and found == "place"):
            return found
    elif conflict and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":
        # "an air strike killed five people in Rafah", "clashes left two dead in Gaza": the place
        # of what the violence did is its own.
        outer = path_to(mention.root, trigger.head)
        if outer is not None and slot(outer, kind, noun_trigger=False) == "place":
            return "place"
    return "mentioned"


def instrument(trigger: Token) -> tuple[str | None, str | None]:
    """Who or what carried out an attack, and the mode it gives: the armed agent that is its
    subject or "by" agent ("jets", "gunmen"), else the weapon that is ("a ballistic missile
    struck a tanker"), named on a noun ("a drone strike") or fired ("fired rockets")."""
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    doers += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for doer in doers:
        if armed_agent(doer):
            return lemma(doer), ARMED_AGENTS.get(lemma(doer))
    for doer in doers:
        if lemma(doer) in WEAPONS and doer.pos_ == "NOUN":
            return lemma(doer), WEAPONS[lemma(doer)]
    used = [c for c in trigger.children if c.dep_ in (MODIFIER_DEPS if trigger.pos_ == "NOUN" else {"dobj"})]
    for weapon in used:
        if lemma(weapon) in WEAPONS:
            return lemma(weapon), WEAPONS[lemma(weapon)]
    return None, None


@cache
def _countries() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """Country names (`country_converter`'s short and official names) and, per country, the
    regex that also matches its adjective ("israel" in "Israeli")."""
    rows = converter_rows()
    names = frozenset(alias_key(r[c]) for r in rows for c in ("name_short", "name_official") if r[c])
    patterns = tuple((r["name_short"], re.compile(r["regex"], re.IGNORECASE)) for r in rows if r["regex"])
    return names, patterns


def is_country(name: str) -> bool:
    return alias_key(name) in _countries()[0]


def _a_country(written: str) -> bool:
    """A country's name or the nationality that stands for it ("Iraqi" of "Iraqi soldiers")."""
    return is_country(written) or (written[:1].isupper() and country_of_people(written) is not None)


def country_actor(norp: ActorMention, actors: Sequence[ActorMention]) -> str | None:
    """The article's actor for the country a NORP names ("Israeli" -> Israel), if it has one."""
    countries = [p for _, p in _countries()[1] if p.search(norp.mention_text)]
    if len(countries) != 1:
        return None
    return next(
        (a.actor_id for a in actors if a.actor_type == "GPE" and is_country(a.actor_name) and countries[0].search(a.actor_name)),
        None,
    )


def subject_pronouns(trigger: Token, pronouns: frozenset[str]) -> list[Token]:
    """Personal pronouns among `pronouns` standing as the event's subject or owner."""
    holders = [trigger, *(c for c in trigger.children if c.dep_ in _CLAUSE_DEPS)]
    frame = governor(trigger) if trigger.pos_ == "NOUN" else None
    if frame is not None:
        holders.append(frame)
    return [
        child for holder in holders for child in holder.children
        if child.dep_ in {"nsubj", "poss"} and child.lower_ in pronouns
    ]


def keep_strongest(roles: dict[str, str], actor_id: str, role_name: str) -> None:
    previous = roles.get(actor_id)
    if previous is None or ROLES.index(role_name) < ROLES.index(previous):
        roles[actor_id] = role_name
