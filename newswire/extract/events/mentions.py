"""Event mentions: each trigger of a sentence with its date, its actors in roles and its means.

A verb with no actor in a role and no date of its own ("the plans met his insistence") says
too little to be an event; an event noun is kept, as it may refer to one, and so is violence,
coercion or protest with no agent named ("14 fighters were killed"). A violent verb that
hangs from another as its outcome ("shelled the area, killing two people", "opened fire and
wounded three farmers", "was killed when a bomb exploded") is a mention of the same event and
shares its agent when it has none of its own; two violent verbs of one operation ("arrested a
man after storming his home in Yatta") share their agent and their places.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newswire.extract.events.roles import (
    IDENTIFYING_ROLES,
    MODIFIER_DEPS,
    country_actor,
    has_subject,
    instrument,
    keep_strongest,
    light_verb,
    path_to,
    role,
    subject_pronouns,
)
from newswire.extract.events.triggers import (
    CONFLICT_TYPES,
    NOUN_VERBS,
    Typed,
    lemma,
    lexicon_tokens,
    noun_lemma,
    outcome,
    trigger,
)
from newswire.extract.nlp import doc_text, sentences
from newswire.records import ActorMention, DateMention, Event, EventActor, stable_id

# Where an event's date came from, most direct first.
DATE_SOURCES = ("text", "sentence", "context", "coreference", "publication")
EXPLICIT_DATES = {"text", "sentence", "context"}
_REFERRING_DETERMINERS = {"the", "this", "that", "these", "those"}
_SINGULAR_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
# Violence between sides, each of which fights the other: the first named is its source.
_RECIPROCAL_MODES = {"clash"}
_SIDES = {"source", "participant"}
# How an outcome hangs from the violence that caused it, or the violence from its outcome.
_OUTCOME_DEPS = {"advcl", "xcomp", "conj", "relcl"}
_PRECISION_OF = {
    "day": "day", "week": "week", "month": "month", "quarter": "month", "season": "month", "half": "month",
    "year": "year", "decade": "year", "century": "year",
}


@dataclass(frozen=True, slots=True)
class Mention:
    event: Event
    noun: bool
    lemma: str
    definite: bool
    named: frozenset[str]  # every actor of its sentence, in a role or not
    modifiers: frozenset[str]  # actors that name which event it is: "the Iran attack", "Hamas' attack"
    joins: str | None = None  # the event_id of the mention whose outcome or cause it is


def in_sentence(mentions: Sequence, sentence: Span) -> list:
    return [m for m in mentions if sentence.start_char <= m.start_char < sentence.end_char]


def _event_date(
    doc: Doc, sentence: Span, trigger_token: Token, dates: Sequence[DateMention], paragraph_start: int
) -> tuple[DateMention | None, str]:
    """The date that governs the trigger, else one in its sentence, else the paragraph's last."""
    calendar = [d for d in dates if d.resolved_date is not None]
    within = in_sentence(calendar, sentence)
    for mention in within:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is not None and path_to(span.root, trigger_token) is not None:
            return mention, "text"
    if within:
        return within[0], "sentence"
    earlier = [
        d for d in calendar
        if paragraph_start <= d.start_char < sentence.start_char and d.precision in {"day", "week"}
    ]
    if earlier:
        return earlier[-1], "context"
    return None, "publication"


def _antecedent(pronoun: Token, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The last person named before a pronoun."""
    before = [m for m in actors if m.actor_type == "PERSON" and m.end_char <= pronoun.idx]
    return before[-1] if before else None


def _cause(token: Token, typed: dict[int, Typed]) -> Token | None:
    """The violent trigger that `token`, itself violent, is the outcome or the cause of: "shelled
    ..., killing", "opened fire and wounded", "killed when a bomb exploded", "a drone strike
    killed", "killed in an air strike", "killed by Israeli gunfire", "an attack which killed",
    "launched strikes, killing", "hit a house, resulting in three people killed"."""
    head = token.head
    if token.dep_ in {"pobj", "pcomp"} and head.dep_ in {"prep", "agent"}:
        head = head.head
        if head.i not in typed and head.dep_ == "conj":
            # "five were killed and 20 injured in a strike": the cause of every outcome joined.
            head = head.head
    elif token.dep_ == "relcl":
        while head.i not in typed and head.dep_ in {"pobj", "prep", "appos", "conj"} and head.head.i != head.i:
            head = head.head
    elif token.dep_ == "acl" and outcome(token):
        # "hit a house, resulting in three people killed": the outcome said of its victims.
        while head.i not in typed and head.dep_ in {"pobj", "prep", "advcl", "dobj"} and head.head.i != head.i:
            head = head.head
    elif token.dep_ not in _OUTCOME_DEPS | {"nsubj"} or (token.dep_ == "conj" and has_subject(token)):
        return None
    if head.i not in typed:
        # "launched air strikes ..., killing four": the event noun the light verb says happened.
        head = next((t for t in head.subtree if t.i in typed and light_verb(t) == head), head)
    if head.i not in typed or typed[head.i].event_type not in CONFLICT_TYPES or head.i == token.i:
        return None
    if token.dep_ in {"nsubj", "pobj", "pcomp"}:
        # "killed in shelling on a market", "RSF shelling of the locality killed": the parse may
        # make the gerund a verb.
        return head if (token.pos_ == "NOUN" or token.tag_ == "VBG") and outcome(head) else None
    return head if outcome(token) or outcome(head) else None


def _roles(
    doc: Doc,
    token: Token,
    typing: Typed,
    sentence_actors: Sequence[ActorMention],
    actors: Sequence[ActorMention],
) -> tuple[dict[str, str], set[str]]:
    """Actor id -> role in the event of `token`, and the actors that modify it. The sides of a
    clash are its source, the first named, and its participants, the others ("clashes between X
    and Y", "X and Y exchanged fire")."""
    conflict = typing.event_type in CONFLICT_TYPES
    roles: dict[str, str] = {}
    modifiers: set[str] = set()
    sides: dict[str, int] = {}
    for mention in sentence_actors:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        found = role(span, mention.actor_type, token, conflict) if span is not None else "mentioned"
        actor_id = mention.actor_id
        if found in IDENTIFYING_ROLES and mention.actor_type == "NORP":
            country = country_actor(mention, actors)
            if country is not None:
                keep_strongest(roles, country, found)
                actor_id, found = country, "mentioned"
        if found in _SIDES:
            sides.setdefault(actor_id, mention.start_char)
        keep_strongest(roles, mention.actor_id, found)
        if span is not None and span.root.head.i == token.i and span.root.dep_ in MODIFIER_DEPS | {"poss"}:
            modifiers.add(mention.actor_id)
    for pronoun in subject_pronouns(token, _SINGULAR_PRONOUNS):
        person = _antecedent(pronoun, actors)
        if person is not None:
            keep_strongest(roles, person.actor_id, "source")
    if typing.mode in _RECIPROCAL_MODES:
        named = sorted((at, a) for a, at in sides.items() if roles.get(a) in _SIDES)
        for rank, (_, actor_id) in enumerate(named):
            roles[actor_id] = "source" if rank == 0 else "participant"
    return roles, modifiers


def _with_cause(mention: Mention, cause: Mention) -> Mention:
    """A mention joined to the one it is the outcome or the cause of, taking its agent and its
    places if it names none."""
    roles = {a.actor_id: a.role for a in mention.event.actors}
    own = set(roles.values())
    for actor in cause.event.actors:
        if (actor.role == "place" and "place" not in own) or (actor.role in {"source", "participant"} and "source" not in own):
            keep_strongest(roles, actor.actor_id, actor.role)
    event = mention.event
    event = replace(
        event,
        actors=tuple(EventActor(event.event_id, a, r) for a, r in sorted(roles.items())),
        instrument=event.instrument or cause.event.instrument,
    )
    return replace(mention, event=event, named=mention.named | frozenset(roles), joins=cause.event.event_id)


def _with_role(mention: Mention, other: Mention, role: str) -> Mention:
    """The actors `other` has in `role` ("source", "place"), where `mention` has none in it:
    the second verb of "stormed the compound and detained 20 worshippers" takes the first's
    agent, and violence told in two verbs of one operation ("arrested a man after storming his
    home in Yatta") shares its place."""
    roles = {a.actor_id: a.role for a in mention.event.actors}
    if role in roles.values():
        return mention
    for actor in other.event.actors:
        if actor.role == role:
            keep_strongest(roles, actor.actor_id, role)
    event = replace(mention.event, actors=tuple(EventActor(mention.event.event_id, a, r) for a, r in sorted(roles.items())))
    return replace(mention, event=event, named=mention.named | frozenset(roles))


def mentions_of(
    doc: Doc, article_id: str, actors: Sequence[ActorMention], dates: Sequence[DateMention]
) -> list[Mention]:
    """Each trigger's event mention, in order."""
    text = doc_text(doc)
    candidates = lexicon_tokens(doc)
    events: list[Mention] = []
    for sentence in sentences(doc):
        inside = candidates[bisect_left(candidates, sentence.start) : bisect_left(candidates, sentence.end)]
        typed = {i: t for i in inside if (t := trigger(doc[i])) is not None}
        if not typed:
            continue
        sentence_actors = in_sentence(actors, sentence)
        found: dict[int, Mention] = {}
        for i, typing in typed.items():
            token = doc[i]
            conflict = typing.event_type in CONFLICT_TYPES
            start, end = token.idx, token.idx + len(token.text)
            event_id = stable_id(article_id, "event", start, end)
            dated, source = _event_date(doc, sentence, token, dates, text.rfind("\n", 0, start) + 1)
            roles, modifiers = _roles(doc, token, typing, sentence_actors, actors)
            noun = token.pos_ == "NOUN"
            if not (noun or conflict) and source != "text" and not any(r in IDENTIFYING_ROLES for r in roles.values()):
                continue
            means, means_mode = instrument(token) if conflict else (None, None)
            found[i] = Mention(
                Event(
                    event_id=event_id,
                    article_id=article_id,
                    event_type=typing.event_type,
                    event_mode=typing.mode or means_mode,
                    trigger_text=token.text,
                    start_char=start,
                    end_char=end,
                    event_date=dated.resolved_date if dated else None,
                    date_precision=_PRECISION_OF.get(dated.precision or "", "day") if dated else None,
                    date_source=source,
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    actors=tuple(EventActor(event_id, a, r) for a, r in sorted(roles.items())),
                    instrument=means,
                ),
                noun,
                NOUN_VERBS.get(noun_lemma(token), noun_lemma(token)) if noun else lemma(token),
                any(
                    c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _REFERRING_DETERMINERS)
                    for c in token.children
                ),
                frozenset(roles),
                frozenset(modifiers),
            )
        for i in list(found):
            head = doc[i].head
            if doc[i].dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head  # "arrested a man after storming his home"
            joined = head.i in found and not has_subject(doc[i])
            if joined and doc[i].dep_ == "conj":
                found[i] = _with_role(found[i], found[head.i], "source")
            operation = doc[i].dep_ in {"conj", "advcl", "pcomp"}
            if joined and operation and {typed[i].event_type, typed[head.i].event_type} <= CONFLICT_TYPES:
                found[i] = _with_role(_with_role(found[i], found[head.i], "source"), found[head.i], "place")
                found[head.i] = _with_role(found[head.i], found[i], "place")
            cause = _cause(doc[i], typed)
            if cause is not None and cause.i in found:
                found[i] = _with_cause(found[i], found[cause.i])
                found[cause.i] = replace(_with_cause(found[cause.i], found[i]), joins=found[cause.i].joins)
        events.extend(found[i] for i in sorted(found))
    return events
