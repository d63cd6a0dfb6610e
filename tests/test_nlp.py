"""Parsing in worker processes gives the documents the model gives in this process, in order; and
how many processes parse."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from newswire.extract.nlp import (
    TokenFilter,
    doc_text,
    nlp_processes,
    parse,
    sentence_of,
    sentences,
    stop_parsing,
    tokens_at,
)

TEXTS = [
    "Defense Secretary Lloyd Austin met Yoav Gallant at the Pentagon on Tuesday.",
    "",
    "The Zorblaxian envoy, Mr. Quenthorpe-Vlasky, said 40 people were hurt in Wexmoorland.",
    "Shr 22 cts vs 17 cts\n    Net 1,232,000 vs 834,000\n Reuter",
    "They didn't meet. It wasn't the first time the talks had stalled!",
]


def annotations(doc) -> list[tuple]:
    return [
        (t.text, t.whitespace_, t.lemma_, t.norm_, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_iob_,
         t.ent_type_, t.is_sent_start)
        for t in doc
    ]


def parse_workers() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "newswire-parse"]


@pytest.mark.parametrize("processes", [1, 2])
def test_workers_parse_as_the_model_does_in_process(nlp, processes):
    stop_parsing()  # the workers an earlier test's run left serving
    try:
        parsed = list(parse(nlp, TEXTS, 2, processes))
        assert [doc.text for doc in parsed] == [doc_text(doc) for doc in parsed] == TEXTS
        assert [annotations(doc) for doc in parsed] == [annotations(nlp(text)) for text in TEXTS]
        assert [[(e.text, e.label_) for e in doc.ents] for doc in parsed] == [
            [(e.text, e.label_) for e in nlp(text).ents] for text in TEXTS
        ]
        assert len(parse_workers()) == processes
    finally:
        stop_parsing()


def test_the_workers_serve_every_call_until_stopped(nlp):
    try:
        assert [doc.text for doc in parse(nlp, ["One talk."], 4, 1)] == ["One talk."]
        (worker,) = parse_workers()
        assert [doc.text for doc in parse(nlp, ["Two talks."], 4, 1)] == ["Two talks."]
        assert parse_workers() == [worker]
    finally:
        stop_parsing()
    assert parse_workers() == []


def test_a_worker_that_dies_fails_the_call_and_the_next_call_starts_anew(nlp):
    try:
        list(parse(nlp, ["One talk."], 4, 1))
        (worker,) = parse_workers()
        os.kill(worker.pid, signal.SIGKILL)
        worker.join()
        with pytest.raises(RuntimeError, match=f"parsing process {worker.pid} ended"):
            list(parse(nlp, ["Two talks."], 4, 1))
        assert [doc.text for doc in parse(nlp, ["Three talks."], 4, 1)] == ["Three talks."]
        assert [p.pid for p in parse_workers()] != [worker.pid]
    finally:
        stop_parsing()


def test_the_default_is_one_parsing_process_per_usable_core(monkeypatch):
    monkeypatch.delenv("NEWSWIRE_NLP_PROCESSES", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 2, 5}, raising=False)
    assert nlp_processes() == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {1}, raising=False)
    assert nlp_processes() == 1


@pytest.mark.parametrize(("setting", "processes"), [("1", 1), ("4", 4), (" 2 ", 2)])
def test_the_setting_names_the_parsing_processes(monkeypatch, setting, processes):
    monkeypatch.setenv("NEWSWIRE_NLP_PROCESSES", setting)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7}, raising=False)
    assert nlp_processes() == processes


@pytest.mark.parametrize("setting", ["0", "two", "-1", "1.5"])
def test_a_setting_that_is_no_number_of_processes_is_a_clear_error(monkeypatch, setting):
    monkeypatch.setenv("NEWSWIRE_NLP_PROCESSES", setting)
    with pytest.raises(ValueError, match=f"NEWSWIRE_NLP_PROCESSES is a number of processes, 1 or more, not '{setting}'"):
        nlp_processes()


def test_sentences_are_the_documents_own_found_once_and_serialised_with_it(nlp):
    from spacy.tokens import Doc

    doc = nlp(TEXTS[4] + " " + TEXTS[0])
    expected = [(s.start, s.end, s.text) for s in doc.sents]
    assert len(expected) == 3
    assert [(s.start, s.end, s.text) for s in sentences(doc)] == expected
    cached = dict(doc.user_data)
    assert [(s.start, s.end, s.text) for s in sentences(doc)] == expected
    assert doc.user_data == cached
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.start, s.end, s.text) for s in sentences(again)] == expected
    assert [s.text for s in sentences(nlp(""))] == []


def test_doc_text_is_the_documents_text_joined_once(nlp):
    doc = nlp(TEXTS[2] + "\n\n  " + TEXTS[3])
    assert doc_text(doc) == doc.text == TEXTS[2] + "\n\n  " + TEXTS[3]
    assert doc_text(doc) is doc_text(doc)
    assert doc_text(nlp("")) == ""


def test_sentence_of_a_token_is_its_sentence(nlp):
    doc = nlp(TEXTS[4] + " " + TEXTS[0])
    assert [(sentence_of(doc, t.i).start, sentence_of(doc, t.i).end) for t in doc] == [
        (t.sent.start, t.sent.end) for t in doc
    ]


def test_tokens_at_are_those_that_begin_at_the_offsets(nlp):
    doc = nlp("Rebels shelled the town of Wexmoor.")
    assert tokens_at(doc, [0, 7, 9, 34]) == [0, 1, 6]  # 9 is inside "shelled"
    assert tokens_at(doc, []) == []


def test_a_token_filter_finds_the_tokens_asking_once_a_string(nlp, monkeypatch):
    from spacy.attrs import LEMMA, LOWER

    asked: list[str] = []

    def verb_of_harm(lemma: str) -> bool:
        asked.append(lemma)
        return lemma in {"kill", "wound"}

    harmed = TokenFilter(LEMMA, verb_of_harm)
    doc = nlp("Gunmen killed two guards and wounded a third; police killed one gunman.")
    assert harmed(doc) == [t.i for t in doc if t.lemma_ in {"kill", "wound"}] == [1, 5, 10]
    assert sorted(asked) == sorted({t.lemma_ for t in doc})
    asked.clear()
    assert harmed(nlp("Police killed one gunman.")) == [1]
    assert asked == ["Police"]  # the only lemma not seen before
    assert TokenFilter(LOWER, str.isdigit)(nlp("")) == []
    monkeypatch.setattr("newswire.extract.nlp._FILTER_MEMORY", 3)
    small = TokenFilter(LOWER, lambda word: word == "two")
    assert small(doc) == [2] and len(small.asked) <= len({t.lower_ for t in doc})
    assert small(nlp("two by two")) == [0, 2]
