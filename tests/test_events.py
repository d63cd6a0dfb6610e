from __future__ import annotations

from datetime import date

import pytest

from newswire.extract.actors import extract_actors
from newswire.extract.dates import extract_dates
from newswire.extract.events import EVENT_TYPES, extract_events, figure_events
from newswire.extract.figures import extract_figures


def events_of(nlp, gazetteer, text, published=date(2024, 3, 27)):
    doc = nlp(text)
    actors = extract_actors(doc, "a1", gazetteer)
    dates = extract_dates(doc, "a1", published)
    events = extract_events(doc, "a1", published, actors, dates)
    names = {m.actor_id: m.actor_name for m in actors}
    return [(e, {names[a.actor_id]: a.role for a in e.actors}) for e in events]


def test_meeting_is_typed_dated_and_has_its_actors(nlp, gazetteer):
    text = "Defense Minister Yoav Gallant flew to Washington. Gallant met Monday with Secretary of State Antony Blinken."
    (event, roles) = next((e, r) for e, r in events_of(nlp, gazetteer, text) if e.trigger_text == "met")
    assert (event.event_type, event.event_mode, event.trigger_text) == ("CONSULT", "meet", "met")
    assert (event.event_date, event.date_precision, event.date_source) == (date(2024, 3, 25), "day", "text")
    # "Gallant" alone is found because the article named him in full before.
    assert roles == {"Yoav Gallant": "source", "Antony Blinken": "participant"}


def test_attack_has_source_and_target(nlp, gazetteer):
    found = events_of(nlp, gazetteer, "It was a response to the Hamas attack on Israel on October 7.")
    (event, roles) = next((e, r) for e, r in found if e.trigger_text == "attack")
    assert event.event_type == "ASSAULT"
    assert event.event_date == date(2023, 10, 7)
    assert roles["Hamas"] == "source"
    assert roles["Israel"] == "target"


def test_reported_speech_and_negation_are_not_events(nlp, gazetteer):
    assert events_of(nlp, gazetteer, "The official said the minister was receptive.") == []
    assert events_of(nlp, gazetteer, "Kirby said Netanyahu did not meet Blinken.") == []


def test_undated_event_takes_publication_date(nlp, gazetteer):
    ((event, _),) = events_of(nlp, gazetteer, "Netanyahu cancelled the delegation's trip.", date(2024, 3, 26))
    assert (event.event_type, event.event_date, event.date_source) == ("REJECT", date(2024, 3, 26), "publication")
    assert event.event_type in EVENT_TYPES


def test_figures_belong_to_the_event_that_governs_them(nlp, gazetteer):
    text = (
        "It was a response to the Hamas attack on Israel, which killed some 1,200 people. "
        "The offensive has killed over 32,000 Palestinians and driven a third of Gaza's population from their homes."
    )
    doc = nlp(text)
    published = date(2024, 3, 27)
    actors = extract_actors(doc, "a1", gazetteer)
    events = extract_events(doc, "a1", published, actors, extract_dates(doc, "a1", published))
    figures = extract_figures(doc, "a1")
    links = figure_events(doc, figures, events)
    article_event = {e.event_id: e.article_event_id for e in events}
    attack = next(e.article_event_id for e in events if e.trigger_text == "attack")
    killing = next(e.event_id for e in events if e.trigger_text == "killed")
    linked = {f.mention_text: links.get(f.figure_id) for f in figures}
    assert article_event[linked["some 1,200 people"]] == attack
    assert linked["over 32,000 Palestinians"] == killing
    assert linked["a third of Gaza's population"] is None


def test_a_trigger_typed_outside_plover_is_a_lexicon_error(monkeypatch):
    from newswire.extract import events
    from newswire.extract.lexicons import LexiconError

    monkeypatch.setattr(events, "lexicon", lambda name: {"verbs": {"parley": {"type": "PARLEY", "mode": "meet"}}})
    with pytest.raises(LexiconError, match="'parley' has type 'PARLEY'"):
        events._read_triggers("verbs")
