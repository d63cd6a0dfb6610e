"""Whether a trigger tells of an event that happened, or of one intended, planned or possible.

A verb with a modal ("would meet"), or the infinitive of an intention or a prediction ("agreed
to meet", "certain to strike"), is no event that happened. Nor is an event noun that a plan or
an intention governs: the object of a verb of planning or threatening ("threatened a strike"),
what a verb of asking is for ("called for a strike"), the complement of a noun of planning ("a
proposal for a strike", "the strike threat"), the noun of a planning word ("a planned strike",
"a would-be attack", "a strike set for Monday"), one dated ahead ("called a strike for next
week"), and one a verb that is itself irrealis or negated brings about ("could be inviting a
strike", "certain to go on strike", "did not launch an attack", "doesn't like a surprise
attack"), unless it is presupposed to be under way ("tried to end the strike that began in
May", "did not confirm the attack").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newswire.extract.lexicons import alternation, lexicon

_WORDS = lexicon("event_words")
_MODALS = frozenset(_WORDS["modals"])
# Verbs whose complement is an intention, not something that happened ("agreed to meet").
INTENT_VERBS = frozenset(_WORDS["intent_verbs"])
_LIKELY = frozenset(_WORDS["likely_adjectives"])
_PLAN_VERBS = frozenset(_WORDS["plan_verbs"])
_PLAN_NOUNS = frozenset(_WORDS["plan_nouns"])
_ASKING_FOR = frozenset(_WORDS["asking_for_verbs"])
_FUTURE = frozenset(_WORDS["future_words"])
_PLAN_MODIFIER = re.compile(rf"(?<![\w-])(?:{alternation(_WORDS['plan_modifiers'])})(?![\w-])")
_ARGUMENT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
_REFERRING = {"the", "this", "that", "these", "those"}
_PLAN_PREPOSITIONS = {"for", "of", "on", "over", "about"}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def irrealis_verb(verb: Token) -> bool:
    """A verb that states an intention, a possibility or a prediction ("would meet", "agreed to
    meet", "is likely to attack")."""
    if any(child.dep_ == "aux" and child.lower_ in _MODALS for child in verb.children):
        return True
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return _lemma(head) in INTENT_VERBS or head.lower_ in _LIKELY


def _dated_ahead(token: Token) -> bool:
    """Set for a time ahead: "for next week", "for the coming days", "for tomorrow"."""
    return any(
        child.dep_ == "prep" and child.lower_ == "for" and (
            p.lower_ in _FUTURE or any(c.lower_ in _FUTURE for c in p.children)
        )
        for child in token.children for p in child.children if p.dep_ == "pobj"
    )


def _presupposed(noun: Token) -> bool:
    """An event told as under way: "the strike", "their strike", "strikes that have disrupted"."""
    return any(
        c.dep_ == "poss" or c.dep_ == "relcl" or (c.dep_ == "det" and c.lower_ in _REFERRING) for c in noun.children
    )


def irrealis_noun(noun: Token) -> bool:
    """An event noun that a plan, a threat, a call or a possibility governs, not one that happened."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if _PLAN_MODIFIER.search(noun.doc[noun.left_edge.i : noun.i].text.lower()):
        return True
    if any(c.dep_ == "acl" and _lemma(c) in _PLAN_VERBS for c in noun.children) or _dated_ahead(noun):
        return True
    head = noun.head
    if noun.dep_ == "compound":
        return _lemma(head) in _PLAN_NOUNS
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        preposition = head.lower_
        if governor.pos_ == "NOUN":
            return preposition in _PLAN_PREPOSITIONS and _lemma(governor) in _PLAN_NOUNS
        if governor.pos_ not in {"VERB", "AUX"}:
            return False
        if (preposition == "for" and _lemma(governor) in _ASKING_FOR) or (
            preposition in _PLAN_PREPOSITIONS and _lemma(governor) in _PLAN_VERBS
        ):
            return True
        return not _presupposed(noun) and irrealis_verb(governor)
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if noun.dep_ in _ARGUMENT_DEPS and (_lemma(head) in _PLAN_VERBS or _dated_ahead(head)):
        return True
    negated = any(c.dep_ == "neg" for c in head.children)
    return noun.dep_ in _ARGUMENT_DEPS | {"nsubj"} and not _presupposed(noun) and (irrealis_verb(head) or negated)
