"""TempEval-3 scoring on TimeML files: reading offsets and counting matches."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newswire.evaluation.timeml import TimemlScores, notation, read_tml, score_document, score_timeml
from newswire.records import DateMention

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>NYT19980206.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TITLE>Profit up</TITLE>
<TEXT>
The company <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> that profit rose in <TIMEX3 tid="t2" type="DATE" value="1997-Q4">the fourth quarter</TIMEX3>.
Its shares have <EVENT eid="e2" class="OCCURRENCE">fallen</EVENT> for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "corpus" / "NYT19980206.0001.tml"
    path.parent.mkdir()
    path.write_text(TML, encoding="utf-8")
    return path


def _mention(text: str, phrase: str, timex_type: str, value: str | None) -> DateMention:
    start = text.index(phrase)
    return DateMention("d", phrase, start, start + len(phrase), timex_type, value, None, None)


def test_reader_rebuilds_text_and_offsets(tml: Path) -> None:
    doc = read_tml(tml)
    assert (doc.doc_id, doc.published_at) == ("NYT19980206.0001", date(1998, 2, 6))
    assert doc.text.startswith("\nThe company said on Thursday that")
    assert "Profit up" not in doc.text
    assert [(t.tid, t.text, t.timex_type, t.value) for t in doc.timexes] == [
        ("t1", "Thursday", "DATE", "1998-02-05"),
        ("t2", "the fourth quarter", "DATE", "1997-Q4"),
        ("t3", "three days", "DURATION", "P3D"),
    ]
    assert all(doc.text[t.start_char : t.end_char] == t.text for t in doc.timexes)


def test_score_document_counts_strict_relaxed_value_and_type(tml: Path) -> None:
    doc = read_tml(tml)
    predicted = [
        _mention(doc.text, "on Thursday", "DATE", "1998-02-05"),  # relaxed only, right value
        _mention(doc.text, "the fourth quarter", "DATE", "1998-Q4"),  # strict, wrong value
        _mention(doc.text, "three days", "DATE", "P3D"),  # strict, right value, wrong type
        _mention(doc.text, "company", "DATE", None),  # spurious
    ]
    scores = score_document(doc, predicted)
    assert scores == TimemlScores(
        documents=1, gold=3, predicted=4, strict=2, relaxed=3, value=2, typed=2, notation=2
    )
    assert scores.prf(scores.value) == pytest.approx((0.5, 2 / 3, 4 / 7))
    assert scores.type_accuracy == pytest.approx(2 / 3)


def test_one_prediction_matches_one_gold_expression(tml: Path) -> None:
    doc = read_tml(tml)
    span = doc.text[doc.text.index("Thursday") : doc.text.index("quarter") + len("quarter")]
    scores = score_document(doc, [_mention(doc.text, span, "DATE", "1998-02-05")])
    assert (scores.relaxed, scores.strict, scores.value) == (1, 0, 1)


def test_score_timeml_runs_the_extractor(tml: Path, nlp: Language) -> None:
    scores = score_timeml(tml.parent, nlp)
    assert scores == TimemlScores(
        documents=1, gold=3, predicted=3, strict=3, relaxed=3, value=3, typed=3, notation=3
    )
    assert scores.lines()[0] == "documents: 1, gold timexes: 3, predicted: 3"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1968-XX", "1968"),
        ("1968-XX-XX", "1968"),
        ("2000-W7", "2000-W07"),
        ("2000-W7-WE", "2000-W07-WE"),
        ("198X", "198"),
        ("19XX", "19"),
        ("1989-11-06T17", "1989-11-06T17:00"),
        ("1998-02-13T10:30:00", "1998-02-13T10:30"),
        ("P1DE", "P10Y"),
        ("P2CE", "P200Y"),
        ("p1y", "P1Y"),
    ],
)
def test_notation_makes_two_spellings_of_a_value_one(a: str, b: str) -> None:
    assert notation(a) == notation(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1999-10-07TMO", "1999-10-07"),  # a part of day says more than its day
        ("1989-WXX", "1989"),  # some week of 1989, not the year
        ("1988-QX", "1988"),
        ("198", "1980"),  # the decade is not its first year
        ("P12M", "P1Y"),  # a count of months is not a count of years
        ("2000-W07", "2000-W17"),
        ("1989-11-06T17:00", "1989-11-06T17:30"),
    ],
)
def test_notation_keeps_values_that_differ(a: str, b: str) -> None:
    assert notation(a) != notation(b)


def test_notation_counts_matches_that_differ_only_in_notation(tml: Path) -> None:
    doc = read_tml(tml)
    predicted = [
        _mention(doc.text, "Thursday", "DATE", "1998-02-05"),
        _mention(doc.text, "the fourth quarter", "DATE", "1997-Q4-XX"),
        _mention(doc.text, "three days", "DURATION", "P3D"),
    ]
    scores = score_document(doc, predicted)
    assert (scores.value, scores.notation) == (2, 3)
    assert scores.notation_f1 == pytest.approx(1.0)
    assert any(line.startswith("value notation") and "(3 matched)" in line for line in scores.lines())
