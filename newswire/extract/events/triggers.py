"""Which words are event triggers, of which PLOVER type and mode, in the sense they stand in.

A verb or noun whose lemma is in `plover_triggers.json` is a trigger, and so is a verb with
the word that completes it ("opened fire", "blew up", "ordered the evacuation"), and a noun of
two words the parse splits ("sit-in", "evacuation order"). A negated trigger is none, nor one
stated as a possibility, a plan or an intention ("would meet", "agreed to meet", "threatened a
strike": `irrealis`). Violence has everyday senses that are not: a violent word stands only
where its subject and object fit (`_other_sense`, `_armed`, `_fired`, `_strike`, `_exploded`, a
projectile that lands or falls, a bomb dropped); a disease, a pest, the weather, a market or an economy that
hits or kills is no attacker (a fire a side names is gunfire), and an opportunity seized no
seizure. An armed agent is one of the lexicon or a vehicle a military word modifies ("naval
boats"). The weapon fired or gone off gives the attack its mode ("fired a missile", "a rocket
exploded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from newswire.extract.events.irrealis import irrealis_noun, irrealis_verb
from newswire.extract.figures.categories import EVENT_LEMMAS
from newswire.extract.figures.currencies import currency_word
from newswire.extract.lexicons import LexiconError, lexicon
from newswire.extract.nlp import TokenFilter

# The PLOVER event types (https://github.com/openeventdata/PLOVER): every trigger is typed with one.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Every mode a trigger can carry (`event_mode`); PLOVER's for violence, coercion and protest.
EVENT_MODES = (
    "abduct", "abstain", "aerial", "apologize", "arrest", "arson", "boycott", "cancel", "clash", "condemn",
    "criticize", "curfew", "demolition", "demonstrate", "deploy", "evacuation", "expel", "explosives",
    "firearms", "invade", "kill", "march", "meet", "multilateral", "phone", "praise", "release", "seize",
    "sexual", "shelling", "sign", "strike", "veto", "visit", "warn", "withdraw",
)
# Types whose trigger is an event even with no actor named: something was done to someone.
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
_SENSES = {None, "armed", "dropped", "explosion", "fire", "intransitive", "launched", "protesters", "strike", "weapon"}


@dataclass(frozen=True, slots=True)
class Typed:
    event_type: str
    mode: str | None
    sense: str | None = None


def _typed(where: str, entry: dict) -> Typed:
    if entry["type"] not in EVENT_TYPES:
        raise LexiconError(f"plover_triggers: {where!r} has type {entry['type']!r}, not a PLOVER event type")
    if entry.get("mode") is not None and entry["mode"] not in EVENT_MODES:
        raise LexiconError(f"plover_triggers: {where!r} has mode {entry['mode']!r}, not one of EVENT_MODES")
    if entry.get("sense") not in _SENSES:
        raise LexiconError(f"plover_triggers: {where!r} has sense {entry['sense']!r}")
    return Typed(entry["type"], entry.get("mode"), entry.get("sense"))


def _read_triggers(kind: str) -> dict[str, Typed]:
    """Lemma -> its typing, of the `kind` ("verbs" or "nouns") in plover_triggers.json."""
    return {lemma: _typed(lemma, entry) for lemma, entry in lexicon("plover_triggers")[kind].items()}


def _read_phrases() -> dict[str, list[tuple[str, Typed]]]:
    """Verb lemma -> (the child word that completes it, the typing of the phrase)."""
    phrases: dict[str, list[tuple[str, Typed]]] = {}
    for phrase, entry in lexicon("plover_triggers")["phrases"].items():
        phrases.setdefault(entry["verb"], []).append((entry["child"], _typed(phrase, entry)))
    return phrases


VERB_TRIGGERS = _read_triggers("verbs")
NOUN_TRIGGERS = _read_triggers("nouns")
# The last word of the nouns of two words ("in" of "sit-in", "order" of "evacuation order"),
# the token the parse makes their head.
_COMPOUND_HEADS = frozenset(re.split(r"[- ]", noun)[-1] for noun in NOUN_TRIGGERS if re.search(r"[- ]", noun))
_PHRASES = _read_phrases()
# The phrases that say their victim died: "shot dead".
_KILLING_PHRASES = {
    (entry["verb"], entry["child"]) for entry in lexicon("plover_triggers")["phrases"].values() if entry.get("kills")
}
# An event noun and the verb it names, so "those meetings" can refer back to "met".
NOUN_VERBS = {lemma: e["verb"] for lemma, e in lexicon("plover_triggers")["nouns"].items() if "verb" in e}

_WORDS = lexicon("event_words")
ARMED_AGENTS: dict[str, str | None] = _WORDS["armed_agents"]
_MILITARY = frozenset(_WORDS["military_modifiers"])
WEAPONS: dict[str, str | None] = _WORDS["weapons"]
_STRUCK_THINGS = frozenset(_WORDS["struck_things"])
_PROJECTILES = frozenset(_WORDS["projectiles"])
_DROPPED = frozenset(_WORDS["dropped_weapons"])
_AGREEMENTS = frozenset(_WORDS["agreement_nouns"])
_MARKETS = frozenset(_WORDS["market_nouns"])
_NATURE = frozenset(_WORDS["nature_nouns"])
_ECONOMY = frozenset(_WORDS["economy_nouns"])
_ABSTRACT = frozenset(_WORDS["abstract_objects"])
_AIRCRAFT = frozenset(_WORDS["aircraft_nouns"])
_FIGURATIVE_MODIFIERS = frozenset(_WORDS["figurative_modifiers"])
_EQUIPMENT = frozenset(_WORDS["equipment_nouns"])
_HAPPENING = frozenset(_WORDS["happening_verbs"])
_PROTESTERS = frozenset(_WORDS["protester_nouns"])
# Devices made to go off where they are placed: one exploding is an attack even with no one named.
_PLANTED = frozenset(w for w, mode in WEAPONS.items() if mode == "explosives")
# Who sets an explosion off: the armed people and the bombers, not a tank or a jet that explodes.
_SETS_OFF = frozenset(w for w, mode in ARMED_AGENTS.items() if mode in {None, "explosives"})
_OTHER_PARTICLES = {verb: frozenset(particles) for verb, particles in _WORDS["other_particles"].items()}
_COUNT_CUES = lexicon("count_cues")
VICTIMS = frozenset(_WORDS["victim_nouns"]) | frozenset(_COUNT_CUES["person_lemmas"])
_PEOPLE = VICTIMS | {noun.lower() for noun in _COUNT_CUES["person_nouns"]}
# Verb lemma -> "killed" or "injured": what it did to its object ("killed", "wounded").
OUTCOMES = {lemma: category for lemma, category in EVENT_LEMMAS.items() if category in {"killed", "injured"}}
_HIT_PREPOSITIONS = {"on", "at", "against", "into", "upon", "toward", "towards"}
# What a weapon is aimed at: "launched rockets at the town" (a rocket launched "into" orbit is none).
_AIMED_PREPOSITIONS = _HIT_PREPOSITIONS - {"into"}
_SUBJECTS = {"nsubj", "csubj"}
_OBJECTS = {"dobj", "nsubjpass", "attr"}


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def armed_agent(token: Token) -> bool:
    """An armed agent ("jets", "gunmen"), or a vehicle or unit a military word modifies ("naval
    boats", "military vehicles")."""
    return lemma(token) in ARMED_AGENTS or any(
        c.dep_ in {"amod", "compound"} and c.lower_ in _MILITARY for c in token.children
    )


def noun_lemma(token: Token) -> str:
    """A noun's lemma, with the words of a hyphenated noun the parse split ("sit-in"), or with
    the compound before it where the two are a trigger ("evacuation order")."""
    i, doc = token.i, token.doc
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].head.i == i:
        return f"{lemma(doc[i - 2])}-{lemma(token)}"
    if i >= 1 and doc[i - 1].head.i == i and doc[i - 1].dep_ == "compound":
        words = f"{lemma(doc[i - 1])} {lemma(token)}"
        if words in NOUN_TRIGGERS:
            return words
    return lemma(token)


def _subjects(token: Token) -> list[Token]:
    """Who does it: the subject, the "by" agent of a passive, the noun a relative clause is on
    ("the earthquake which hit"), the subject of the verb an open clause completes ("continued
    to rally") or of the verb a second verb is joined to ("attacks the roots and kills")."""
    found = [c for c in token.children if c.dep_ in _SUBJECTS]
    if token.dep_ == "relcl":
        found.append(token.head)
    elif token.dep_ in {"xcomp", "conj"} and not found and token.head.pos_ in {"VERB", "AUX"}:
        found = _subjects(token.head) if token.dep_ == "conj" else [c for c in token.head.children if c.dep_ in _SUBJECTS]
    found += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return found


def _named(noun: Token) -> list[str]:
    """The lemmas a subject stands for: itself, its compounds, what it is "of" or "in" ("the rise
    of the yen", "the fall in oil prices"), the noun it is in apposition to, and for "it" the
    subject of the sentence before ("Bubble boy disease is a rare disease. It has killed ...")."""
    words = [noun]
    if noun.lower_ == "it" and noun.head.dep_ == "ROOT" and noun.sent.start > 0:
        before = noun.doc[noun.sent.start - 1].sent.root
        words += [c for c in before.children if c.dep_ in {"nsubj", "nsubjpass", "attr"}]
    words += [c for w in list(words) for c in w.children if c.dep_ in {"compound", "appos"}]
    words += [g for w in list(words) for c in w.children if c.dep_ == "prep" and c.lower_ in {"of", "in"} for g in _hit(c)]
    if noun.dep_ == "appos":
        words.append(noun.head)
    return [lemma(w) for w in words]


def _no_attacker(noun: Token) -> bool:
    """A disease, pest, weather, natural disaster, market, price, currency or economic change;
    not a fire a side or a weapon names, which is gunfire ("Israeli fire", "tank fire")."""
    if any(c.dep_ in {"amod", "compound"} and (c.ent_type_ in {"NORP", "GPE"} or armed_agent(c) or lemma(c) in WEAPONS)
           for c in noun.children):
        return False
    return any(w in _MARKETS or w in _NATURE or w in _ECONOMY or currency_word(w) for w in _named(noun))


def _figurative(noun: Token) -> bool:
    """An abstract thing seized, attacked or shot down ("the opportunity", "market share")."""
    compounds = [lemma(c) for c in noun.children if c.dep_ == "compound"]
    return lemma(noun) in _ABSTRACT or " ".join([*compounds, lemma(noun)]) in _ABSTRACT


def _of_business(modifier: Token) -> bool:
    """A modifier that makes an attack one of words or business: "charm", "takeover", "the coffee
    market" (a market alone may be the place bombed: "the market bombing")."""
    if modifier.lower_ in _FIGURATIVE_MODIFIERS:
        return True
    if lemma(modifier) == "market":
        return any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in modifier.children)
    return lemma(modifier) in _MARKETS


def _objects(token: Token) -> list[Token]:
    """What it is done to: the object, the passive subject, what it hits ("fired at a car")."""
    found = [c for c in token.children if c.dep_ in _OBJECTS]
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ in _HIT_PREPOSITIONS for g in _hit(c)]
    return found


def _hit(preposition: Token) -> list[Token]:
    """What a preposition of hitting names, less a time ("fired on Monday")."""
    return [g for g in preposition.children if g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}]


def _other_sense(token: Token, protest: bool = False) -> bool:
    """A violent word used of a deal, a market, an economy or nature: "struck a deal", "a deal
    struck", "shares plunged", "prices shot up", "he shot back", "an earthquake struck", "the
    rise of the yen has hit Japan", "a fungus which attacks the roots", "kill the weeds", "seize
    this opportunity", "a story shot down by others", "a charm offensive", "attack helicopters".
    A protest is one whatever it is against ("marched against the law"), so for a protest only
    its subject tells the other sense ("the yen rallied")."""
    if protest:
        return any(_no_attacker(s) for s in _subjects(token))
    if token.pos_ == "NOUN" and (
        (token.dep_ == "compound" and lemma(token.head) in _EQUIPMENT)
        or any(c.dep_ in {"amod", "compound"} and _of_business(c) for c in token.children)
    ):
        return True
    completing = {child for child, _ in _PHRASES.get(lemma(token), ())}
    objects = [o for o in _objects(token) if lemma(o) not in completing]
    direct = [o for o in objects if o.dep_ in _OBJECTS]
    if any(lemma(o) in _AGREEMENTS for o in objects) or any(lemma(o) in _NATURE or _figurative(o) for o in direct):
        return True
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ in _OTHER_PARTICLES.get(lemma(token), ()) for c in token.children):
        return True
    if token.dep_ in {"acl", "relcl", "amod"} and (lemma(token.head) in _AGREEMENTS or _figurative(token.head)):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children) and lemma(token) == "shoot":
        return not any(lemma(o) in _AIRCRAFT or lemma(o) in _PEOPLE for o in objects)
    return any(_no_attacker(s) for s in _subjects(token))


def _armed(token: Token) -> bool:
    """An attack where it stands: an armed agent or a weapon does it ("jets struck", "the strike
    hit"), it hits people, a building, a vehicle or a named place ("struck a house"), or a
    vehicle hits a device made to go off ("their vehicle struck a landmine")."""
    subjects = _subjects(token)
    if any(armed_agent(s) or lemma(s) in WEAPONS or _is_attack_noun(s) for s in subjects):
        return True
    hit = _objects(token)
    if any(lemma(s) in _STRUCK_THINGS for s in subjects) and any(lemma(o) in _PLANTED for o in hit):
        return True
    if token.pos_ == "NOUN":
        # "clashes between X and Y", and "clashes erupted between X and Y": the verb that says it happened.
        around = [token, token.head] if token.dep_ == "nsubj" and lemma(token.head) in _HAPPENING else [token]
        hit += [
            g for t in around for c in t.children if c.dep_ == "prep" and c.lower_ in {"of", "with", "between", "in"}
            for g in c.children if g.dep_ == "pobj"
        ]
        if any(armed_agent(c) or lemma(c) in WEAPONS or c.lower_ in _MILITARY for c in token.children if c.dep_ in {"compound", "amod"}):
            return True
    return any(
        lemma(o) in _STRUCK_THINGS or lemma(o) in _PEOPLE or armed_agent(o)
        or o.ent_type_ in {"GPE", "LOC", "FAC", "NORP"}
        for o in (g for h in hit for g in (h, *h.conjuncts))
    )


def _projectile(noun: Token) -> bool:
    """A projectile, or a round a projectile's word names: "a rocket", "a mortar round"."""
    return lemma(noun) in _PROJECTILES or any(c.dep_ == "compound" and lemma(c) in _PROJECTILES for c in noun.children)


def _is_attack_noun(token: Token) -> bool:
    typed = NOUN_TRIGGERS.get(lemma(token))
    return token.pos_ == "NOUN" and typed is not None and typed.event_type == "ASSAULT" and lemma(token) != "strike"


def _exploded(token: Token) -> bool:
    """An explosion that is an attack: something blown up ("blew up a bridge"), a device made to
    go off ("a car bomb exploded"), an attacker that sets it off, or the people or places it
    hits ("exploded near a convoy", "killed when a rocket exploded"). A rocket or a tank that
    explodes with none of these is an accident, no event."""
    if any(c.dep_ == "dobj" for c in token.children):
        return True
    subjects = _subjects(token)
    if any(lemma(s) in _PLANTED or lemma(s) in _SETS_OFF for s in subjects):
        return True
    near = [g for c in token.children if c.dep_ == "prep" and c.lower_ in _HIT_PREPOSITIONS | {"near", "in", "inside"} for g in _hit(c)]
    if any(lemma(o) in _STRUCK_THINGS or lemma(o) in _PEOPLE for o in near):
        return True
    joined = [c for c in token.children if c.dep_ in {"advcl", "xcomp", "conj"}]
    if token.dep_ in {"advcl", "conj", "relcl"}:
        joined.append(token.head)
    return any(lemma(j) in OUTCOMES for j in joined)


def _fired(token: Token) -> bool:
    """Fired at someone or fired a weapon ("fired rockets", "troops fired"), not "fired the chief
    executive"."""
    if any(c.dep_ == "prep" and c.lower_ in _HIT_PREPOSITIONS and _hit(c) for c in token.children):
        return True
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if objects:
        return any(lemma(o) in WEAPONS for o in objects)
    return any(armed_agent(s) for s in _subjects(token))


def _fired_things(token: Token) -> list[Token]:
    """What a verb fires or launches: its object, or what a count object is of ("dozens of
    rockets")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return objects + [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in _hit(c)]


def _launched(token: Token) -> bool:
    """A weapon launched at someone or something ("launched rockets at the town"), not a rocket
    launched into orbit nor a product launched."""
    aimed = any(c.dep_ == "prep" and c.lower_ in _AIMED_PREPOSITIONS and _hit(c) for c in token.children)
    return aimed and any(lemma(o) in WEAPONS for o in _fired_things(token))


def _strike(token: Token) -> Typed | None:
    """A strike noun: an attack with an air, drone or missile word, a side that carries it out, or
    what it hits ("a drone strike", "an Israeli strike", "a strike on a school"); a work stoppage
    otherwise ("a strike by workers"); no event in "strike price"."""
    if token.dep_ == "compound":
        return None
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
    weapon = next((WEAPONS[lemma(c)] for c in modifiers if lemma(c) in WEAPONS), None)
    if weapon is not None:
        return Typed("ASSAULT", weapon)
    doers = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in _hit(c)]
    if any(lemma(d) not in ARMED_AGENTS and d.ent_type_ not in {"GPE", "NORP"} for d in doers):
        return Typed("PROTEST", "strike")
    hits = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "against"} for g in _hit(c)]
    if hits or any(c.ent_type_ in {"NORP", "GPE"} for c in modifiers) or (
        token.dep_ == "nsubj" and (lemma(token.head) in OUTCOMES or _armed(token.head))
    ):
        return Typed("ASSAULT", None)
    return Typed("PROTEST", "strike")


def _phrase(token: Token) -> Typed | None:
    for child_word, typed in _PHRASES.get(lemma(token), ()):
        if any(lemma(c) == child_word or c.lower_ == child_word for c in token.children):
            return typed
    return None


def _weapon_mode(token: Token, typed: Typed) -> Typed:
    """The mode of the weapon fired, gone off or fallen: "fired a missile" is aerial, "fired
    rockets", "a rocket exploded" and "a mortar round fell" shelling."""
    used = _fired_things(token) if typed.sense in {"fire", "launched"} else _subjects(token)
    # The weapon a round is of before the round: "a mortar round" is shelling.
    named = [w for c in used for w in (*(k for k in c.children if k.dep_ == "compound"), c)]
    modes = [WEAPONS[lemma(w)] for w in named if WEAPONS.get(lemma(w))]
    return Typed(typed.event_type, modes[0], typed.sense) if modes else typed


def trigger(token: Token) -> Typed | None:
    """The typing of `token` as an event trigger where it stands, or None."""
    pos = token.pos_
    if pos == "VERB":
        typed = _phrase(token) or VERB_TRIGGERS.get(lemma(token))
    elif pos == "NOUN":
        typed = NOUN_TRIGGERS.get(noun_lemma(token))
    else:
        return None
    if typed is None or any(child.dep_ == "neg" for child in token.children):
        return None
    if irrealis_verb(token) if pos == "VERB" else irrealis_noun(token):
        return None
    if typed.sense == "strike":
        typed = _strike(token)
    elif (
        typed.sense == "armed" and not _armed(token)
        or typed.sense == "fire" and not _fired(token)
        or typed.sense == "explosion" and not _exploded(token)
        or typed.sense == "weapon" and not any(_projectile(s) for s in _subjects(token))
        or typed.sense == "dropped" and not any(c.dep_ == "dobj" and lemma(c) in _DROPPED for c in token.children)
        or typed.sense == "launched" and not _launched(token)
        or typed.sense == "protesters" and not any(_named(s)[-1] in _PROTESTERS or lemma(s) in _PROTESTERS for s in _subjects(token))
        or typed.sense == "intransitive" and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children)
    ):
        return None
    if typed is not None and typed.event_type in CONFLICT_TYPES and _other_sense(token, typed.event_type == "PROTEST"):
        return None
    return _weapon_mode(token, typed) if typed is not None and typed.sense in {"fire", "explosion", "weapon", "launched"} else typed


def outcome(token: Token) -> str | None:
    """"killed" or "injured": what a trigger did to the people it names ("killing", "shot dead")."""
    if any((lemma(token), lemma(c)) in _KILLING_PHRASES for c in token.children):
        return "killed"
    return OUTCOMES.get(lemma(token))


_VERB_LEMMAS = TokenFilter(LEMMA, lambda word: word.lower() in VERB_TRIGGERS or word.lower() in _PHRASES)
_NOUN_LEMMAS = TokenFilter(LEMMA, lambda word: word.lower() in NOUN_TRIGGERS or word.lower() in _COMPOUND_HEADS)


def lexicon_tokens(doc: Doc) -> list[int]:
    """The indices of the verbs and nouns that may be triggers, read from the parse's arrays."""
    pos = doc.to_array(POS).tolist()
    return sorted([i for i in _VERB_LEMMAS(doc) if pos[i] == VERB] + [i for i in _NOUN_LEMMAS(doc) if pos[i] == NOUN])
