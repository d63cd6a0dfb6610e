"""Casualties: which event each figure counts for, and the dead and injured of each event.

A figure belongs to the nearest event trigger above it in the parse; a count of people killed,
hurt, held, displaced or arrested with none above it belongs to the nearest assault or
coercion of its sentence, and a count of the dead or injured in a sentence with no violence of
its own that gives a toll or is only the count ("Total deaths: 7.", "No casualties were
reported.", "4 fatalities.") to the last assault before it in its paragraph. An event's `fatalities` and `injured` are what its article reports of its
article event, as conflict event datasets count them: the killed (injured) figures of each of
its mentions summed, less a figure inside another's phrase ("five members of one family"), one
for each single victim a killing names ("killing a teenager", "a police officer was killed",
"a Palestinian was shot dead", "a man died after forces shot him"), and the largest of these
over the mentions and the toll sentences, so a toll stated twice is not counted twice. A
figure of none ("no casualties") gives 0; an event of which nothing is said has NULL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from newswire.extract.events.triggers import OUTCOMES, VERB_TRIGGERS, VICTIMS, lemma, outcome
from newswire.extract.lexicons import lexicon
from newswire.extract.nlp import TokenFilter, doc_text, tokens_at
from newswire.records import Event, Figure

# Figures that count what an event did to people belong to the event of their sentence.
_CASUALTY_CATEGORIES = {"killed", "injured", "hostages", "displaced", "arrested"}
_TOLLS = {"killed": "fatalities", "injured": "injured"}
_TOLL_WORDS = tuple(lexicon("event_words")["toll_words"])
_VIOLENT = {"ASSAULT", "COERCE"}
# Verbs of dying that are no event themselves: a death counts for the violence told with it.
_DEATH_VERBS = frozenset(v for v, category in OUTCOMES.items() if category == "killed" and v not in VERB_TRIGGERS)
_PERSON_ENDINGS = tuple(lexicon("event_words")["person_suffixes"])
_THING_ENDINGS = tuple(lexicon("event_words")["not_person_suffixes"])
_DYING = TokenFilter(LEMMA, lambda word: word.lower() in _DEATH_VERBS)


def _in_violence_before(position: int, events: Sequence[Event], text: str) -> Event | None:
    """The last assault of the paragraph of character `position`, before it."""
    paragraph = text.rfind("\n", 0, position) + 1
    before = [e for e in events if e.event_type == "ASSAULT" and paragraph <= e.start_char < position]
    return before[-1] if before else None


def figure_events(doc: Doc, figures: Sequence[Figure], events: Sequence[Event]) -> dict[str, str]:
    """figure_id -> event_id for figures that belong to an event.

    A figure belongs to the nearest event trigger above it in the parse ("an attack ...,
    which killed some 1,200 people"), not past a coordinated verb ("killed X and drove Y");
    failing that, a casualty count belongs to the nearest assault or coercion in its sentence,
    or, in a sentence of no event that gives a toll or a count of none, to the last assault of its
    paragraph.
    """
    triggers = {e.start_char: e for e in events}
    links: dict[str, str] = {}
    for figure in figures:
        span = doc.char_span(figure.start_char, figure.end_char, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        while node.head.i != node.i and node.idx not in triggers and node.dep_ != "conj":
            node = node.head
        if node.idx in triggers:
            links[figure.figure_id] = triggers[node.idx].event_id
            continue
        if figure.category not in _CASUALTY_CATEGORIES:
            continue
        sentence = span.sent
        near = [e for e in events if e.sentence_start <= figure.start_char < e.sentence_end]
        violent = [e for e in near if e.event_type in _VIOLENT]
        if violent:
            links[figure.figure_id] = min(violent, key=lambda e: abs(e.start_char - figure.start_char)).event_id
        elif not near and figure.category in _TOLLS and (
            figure.value == 0 or _gives_toll(sentence) or _bare_count(sentence) or _dying(span.root)
        ):
            toll_of = _in_violence_before(figure.start_char, events, doc_text(doc))
            if toll_of is not None:
                links[figure.figure_id] = toll_of.event_id
    return links


def _gives_toll(sentence: Span) -> bool:
    words = sentence.text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", words) for w in _TOLL_WORDS)


def _dying(token: Token) -> bool:
    """The subject of a verb of dying: "Two fighters died.", "A passenger later died of his wounds"."""
    return token.dep_ == "nsubj" and lemma(token.head) in _DEATH_VERBS


def _bare_count(sentence: Span) -> bool:
    """A sentence that is only a count, with no verb: "4 fatalities.", "Two dead."."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _inside_another(doc: Doc, figure: Figure, figures: Sequence[Figure]) -> bool:
    """A figure inside the phrase of another figure of its event, which counts the group the
    other's people belong to, not more dead: "one family" in "five members of one family"."""
    roots = {
        span.root.i: f for f in figures
        if f is not figure and f.event_id == figure.event_id
        and (span := doc.char_span(f.start_char, f.end_char, alignment_mode="expand")) is not None
    }
    span = doc.char_span(figure.start_char, figure.end_char, alignment_mode="expand")
    return span is not None and any(t.i in roots for t in span.root.ancestors if t.i != span.root.i)


def _person_noun(word: str) -> bool:
    """A noun of a person: one of the victim nouns, or a noun of what one does or where one comes
    from by its ending ("shopkeeper", "cyclist", "employee")."""
    return word in VICTIMS or (word.endswith(_PERSON_ENDINGS) and not word.endswith(_THING_ENDINGS))


def _one_person(token: Token) -> bool:
    """A person noun in the singular, a person's name, or a nationality with "a" ("a
    Palestinian was shot dead", "an Israeli was killed"): the single victim a killing names."""
    if token.tag_ == "NN" and _person_noun(lemma(token)) or token.ent_type_ == "PERSON":
        return True
    return token.ent_type_ == "NORP" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)


def _victims(trigger: Token, counted: Sequence[Figure], subject: str = "nsubjpass") -> int:
    """The single victims a killing or wounding names: its object or passive subject (the
    subject of a verb of dying), and those joined to it, each one person (`_one_person`), that
    no figure counts."""
    named = [c for c in trigger.children if c.dep_ in {"dobj", subject}]
    people = [t for n in named for t in (n, *n.conjuncts)]
    return sum(
        1 for person in people
        if not any(f.start_char <= person.idx < f.end_char for f in counted)
        and not any(c.dep_ == "nummod" for c in person.children)
        and _one_person(person)
    )


def _died_of(token: Token, by_start: dict[int, Event], events: Sequence[Event]) -> Event | None:
    """The assault a death verb is told with: "a man died of his wounds after forces shot him",
    "a boy died when a shell hit the house"; in a sentence of no event of its own, the last
    assault of its paragraph ("Gunmen attacked a bus. A passenger later died.")."""
    if lemma(token) not in _DEATH_VERBS:
        return None
    causes = [by_start.get(c.idx) for c in token.children if c.dep_ == "advcl"]
    cause = next((e for e in causes if e is not None and e.event_type == "ASSAULT"), None)
    if cause is not None or any(e.sentence_start <= token.idx < e.sentence_end for e in events):
        return cause
    return _in_violence_before(token.idx, events, doc_text(token.doc))


def _told_of(doc: Doc, by_start: dict[int, Event]) -> list[Token]:
    """The tokens that may tell of a death or a wound, in order: the triggers, and the verbs of dying."""
    return [doc[i] for i in sorted(set(_DYING(doc)).union(tokens_at(doc, by_start)))]


def with_casualties(doc: Doc, events: Sequence[Event], figures: Sequence[Figure]) -> list[Event]:
    """`events` with the `fatalities` and `injured` of their article events, from the figures
    that belong to them (`Figure.event_id`) and the single victims their triggers name."""
    by_start = {e.start_char: e for e in events}
    sentence_of = {e.event_id: (e.sentence_start, e.sentence_end) for e in events}
    article_event_of = {e.event_id: e.article_event_id for e in events}
    tallies: dict[tuple[str, str], dict[str, float]] = {}
    for figure in figures:
        if figure.event_id not in sentence_of or figure.category not in _TOLLS or _inside_another(doc, figure, figures):
            continue
        value = figure.value if figure.value is not None else figure.value_low
        if value is None:
            continue
        start, end = sentence_of[figure.event_id]
        home = figure.event_id if start <= figure.start_char < end else f"toll:{figure.figure_id}"
        group = tallies.setdefault((article_event_of[figure.event_id], home), {})
        group[_TOLLS[figure.category]] = group.get(_TOLLS[figure.category], 0) + value
    for token in _told_of(doc, by_start):
        event = by_start.get(token.idx)
        category = outcome(token) if event is not None and event.trigger_text == token.text else None
        died_of = _died_of(token, by_start, events) if event is None else None
        if died_of is not None:
            event, category = died_of, "killed"
        if category is None:
            continue
        counted = [f for f in figures if f.event_id == event.event_id]
        victims = _victims(token, counted, "nsubj" if died_of is not None else "nsubjpass")
        if victims:
            group = tallies.setdefault((event.article_event_id, event.event_id), {})
            group[_TOLLS[category]] = group.get(_TOLLS[category], 0) + victims
    totals: dict[str, dict[str, int]] = {}
    for (article_event, _), group in tallies.items():
        total = totals.setdefault(article_event, {})
        for column, value in group.items():
            total[column] = max(total.get(column, 0), int(value))
    return [replace(e, **totals[e.article_event_id]) if e.article_event_id in totals else e for e in events]
