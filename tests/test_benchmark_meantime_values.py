"""The MEANTIME VALUE scorer on a tiny inline CAT document."""

from __future__ import annotations

from pathlib import Path

import pytest
from cat_documents import cat_xml as cat_document
from spacy.language import Language

from newswire.evaluation.meantime import read_meantime
from newswire.evaluation.meantime_values import ValueScores, score_document, score_values
from newswire.extract.nlp import load_model
from newswire.records import Figure, stable_id

# The tokens of each sentence; the reader rebuilds the text as it was written (`TEXT`).
SENTENCES = (
    (0, "Apple sold 3,800 iPods for $ 99 ."),
    (1, "Sales rose 70 % in two weeks ."),
    (2, "Papermaster , 49 , left a 5th generation team ."),
    (6, "It sold 500 Macs ."),
)
# VALUE markables: type and the token numbers (counted over the whole document) they anchor.
VALUES = (
    ("QUANTITY", (2,)),
    ("MONEY", (5, 6)),
    ("PERCENT", (10, 11)),
    ("QUANTITY", (18,)),
    ("QUANTITY", (22,)),
    ("QUANTITY", (28,)),
)
TEXT = (
    "Apple sold 3,800 iPods for $99.\nSales rose 70% in two weeks.\nPapermaster, 49, left a 5th generation team.\n"
    "It sold 500 Macs."
)


def cat_xml() -> str:
    return cat_document("9", "9_Apple", SENTENCES, [("VALUE", f'type="{kind}"', anchors) for kind, anchors in VALUES])


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "9_Apple.xml").write_text(cat_xml(), encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def figure(text: str, category: str = "other") -> Figure:
    start = TEXT.index(text)
    end = start + len(text)
    return Figure(stable_id("9", start, end), "9", text, start, end, 1.0, 1.0, 1.0, "exact", None,
                  category)


def test_gold_values_come_from_the_annotated_sentences(folder: Path) -> None:
    document = read_meantime(folder / "9_Apple.xml")
    assert document.text == TEXT
    assert [(v.text, v.value_type) for v in document.values] == [
        ("3,800", "QUANTITY"), ("$99", "MONEY"), ("70%", "PERCENT"), ("49", "QUANTITY"),
        ("5th", "QUANTITY"), ("500", "QUANTITY"),
    ]


def test_score_document_counts(folder: Path) -> None:
    document = read_meantime(folder / "9_Apple.xml")
    predicted = [
        figure("3,800 iPods"), figure("$99", "money"), figure("70%", "percent"),
        figure("two weeks", "duration"), figure("49"), figure("500 Macs"),
    ]
    scores = score_document(document, predicted)
    assert scores == ValueScores(
        documents=1, gold=5, predicted=4, strict=3, overlap=4,
        gold_by_type=(1, 1, 3), found_by_type=(1, 1, 2),
    )
    assert scores.prf(scores.overlap) == pytest.approx((1.0, 0.8, 8 / 9))
    assert scores.recall_by_type() == pytest.approx({"MONEY": 1.0, "PERCENT": 1.0, "QUANTITY": 2 / 3})


def test_pairs_are_one_to_one(folder: Path) -> None:
    document = read_meantime(folder / "9_Apple.xml")
    scores = score_document(document, [figure("3,800 iPods for $99")])
    assert (scores.gold, scores.predicted, scores.overlap, scores.strict) == (5, 1, 1, 0)


def test_score_values_runs_the_extractor(folder: Path, nlp: Language) -> None:
    scores = score_values(folder, nlp)
    assert scores == ValueScores(
        documents=1, gold=5, predicted=4, strict=3, overlap=4,
        gold_by_type=(1, 1, 3), found_by_type=(1, 1, 2),
    )
    assert scores.lines() == [
        "1 documents, 5 gold values, 4 predicted figures (durations left out)",
        "overlap span  P 1.000  R 0.800  F1 0.889  (4 matched)",
        "strict span   P 0.750  R 0.600  F1 0.667  (3 matched)",
        "recall by type  MONEY 1/1  PERCENT 1/1  QUANTITY 2/3",
    ]


def test_scores_add_up() -> None:
    one = ValueScores(1, 2, 3, 1, 2, (1, 0, 1), (1, 0, 1))
    assert one + one == ValueScores(2, 4, 6, 2, 4, (2, 0, 2), (2, 0, 2))
