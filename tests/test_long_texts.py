"""Long texts: a text longer than a piece (or the model's `max_length`) is parsed in pieces cut
at paragraph, line, sentence or word boundaries and joined into one document whose offsets are
the text's; batches are bounded in characters, so the model's working memory is too."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newswire.extract.nlp import MAX_BATCH_CHARS, MAX_PIECE_CHARS, _batches, parse, pieces, pipe, stop_parsing

PARAGRAPH = "Prices rose 3% on Monday, the ministry said. Talks with Smith resume next week in Paris.\n\n"


def _text(length: int) -> str:
    """Paragraphs of news, `length` characters."""
    return (PARAGRAPH * (length // len(PARAGRAPH) + 1))[:length]


@pytest.mark.parametrize("length", [MAX_PIECE_CHARS - 1, MAX_PIECE_CHARS])
def test_a_text_up_to_a_piece_is_one_piece(length) -> None:
    text = _text(length)
    assert pieces(text) == [text]


@pytest.mark.parametrize("length", [MAX_PIECE_CHARS + 1, 3 * MAX_PIECE_CHARS + 17])
def test_a_longer_text_is_cut_after_paragraphs_into_pieces_that_join_back(length) -> None:
    text = _text(length)
    found = pieces(text)
    assert len(found) >= 2 and "".join(found) == text
    assert all(len(p) <= MAX_PIECE_CHARS for p in found)
    assert all(p.endswith("\n\n") for p in found[:-1])


def test_without_paragraphs_a_text_is_cut_after_a_sentence_then_a_space_then_anywhere() -> None:
    sentences = "The board met. It voted to sell the unit to a rival bidder for cash "
    text = sentences * 10
    found = pieces(text, 100)
    assert "".join(found) == text and all(p.endswith(". ") for p in found[:-1])
    words = "one two three " * 20
    assert all(p.endswith(" ") for p in pieces(words, 50)[:-1])
    assert pieces("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_batches_are_bounded_in_texts_and_characters() -> None:
    short, long = "a" * 1000, "b" * (MAX_PIECE_CHARS + 1)
    assert [len(b) for b in _batches([short] * 70, 32)] == [32, 32, 6]
    per_batch = MAX_BATCH_CHARS // 1000
    assert [len(b) for b in _batches([short] * (per_batch + 1), 500)] == [per_batch, 1]
    assert [len(b) for b in _batches([short, long, short], 32)] == [1, 1, 1]


def _assert_exact(doc, text: str) -> None:
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert all(text[s.start_char : s.end_char] == s.text for s in doc.sents)


@pytest.mark.parametrize("over", [-1, 0, 1, 2_500])
def test_a_text_at_under_and_over_the_models_max_length_parses_whole(nlp, monkeypatch, over) -> None:
    monkeypatch.setattr(nlp, "max_length", 1_000)
    text = _text(1_000 + over)
    (doc,) = pipe(nlp, [text], 32)
    _assert_exact(doc, text)
    assert any(e.label_ == "DATE" and e.text == "Monday" for e in doc.ents)
    if over <= 0:
        assert [t.text for t in doc] == [t.text for t in nlp.make_doc(text)]


def test_a_text_over_a_million_characters_parses_in_the_workers(nlp) -> None:
    texts = ["The board met on Monday.", "x" * 1_000_001, _text(MAX_PIECE_CHARS + 500)]
    try:
        parsed = list(parse(nlp, texts, 32, 1))
    finally:
        stop_parsing()
    for doc, text in zip(parsed, texts, strict=True):
        _assert_exact(doc, text)
    assert parsed[0].to_json() == nlp(texts[0]).to_json()


PEAK = """
import resource
from newswire.extract.nlp import load_model, pipe
nlp = load_model()
list(pipe(nlp, ["warm up."], 32))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = "".join(f"Item {i}: output rose 3% on Monday.\\n\\n" for i in range(2_000))
(doc,) = pipe(nlp, [text], 32)
assert doc.text == text
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_the_parse_of_an_article_of_many_short_paragraphs_stays_within_its_memory() -> None:
    """Parsed whole, these 75,000 characters would take the model nearly 400 MB more."""
    grown = int(subprocess.run([sys.executable, "-c", PEAK], capture_output=True, text=True, check=True).stdout)
    assert grown < 200
