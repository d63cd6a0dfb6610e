"""The MEANTIME TIMEX3 scorer on a tiny inline CAT document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cat_documents import cat_xml as cat_document
from spacy.language import Language

from newswire.evaluation.meantime import read_meantime
from newswire.evaluation.meantime_dates import score_dates
from newswire.extract.nlp import load_model

SENTENCES = (
    (0, "Cisco sues Apple"),
    (1, "June 9 , 2008"),
    (2, "Apple paid Cisco on Tuesday ."),
    (6, "It ended on Friday ."),
)
# TIMEX3 markables: attributes and the token numbers (counted over the whole document) they anchor.
TIMEXES = (
    ('functionInDocument="CREATION_TIME" type="DATE" value="2008-06-09"', (3, 4, 5, 6)),
    ('functionInDocument="NONE" type="DATE" value="2008-06-03"', (11,)),
)


def cat_xml(timexes: tuple[tuple[str, tuple[int, ...]], ...] = TIMEXES) -> str:
    return cat_document("5", "5_Cisco", SENTENCES, [("TIMEX3", attributes, anchors) for attributes, anchors in timexes])


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_timexes_and_the_creation_date_are_read(tmp_path: Path) -> None:
    path = tmp_path / "5_Cisco.xml"
    path.write_text(cat_xml(), encoding="utf-8")
    document = read_meantime(path)
    assert document.text == "Cisco sues Apple\nJune 9, 2008\nApple paid Cisco on Tuesday.\nIt ended on Friday."
    assert document.published_at == date(2008, 6, 9)
    assert [(t.text, t.timex_type, t.value) for t in document.timexes] == [
        ("June 9, 2008", "DATE", "2008-06-09"),
        ("Tuesday", "DATE", "2008-06-03"),
    ]


def test_score_dates_runs_the_extractor_on_dated_documents(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "5_Cisco.xml").write_text(cat_xml(), encoding="utf-8")
    (tmp_path / "6_Undated.xml").write_text(cat_xml(TIMEXES[1:]), encoding="utf-8")
    scores = score_dates(tmp_path, nlp)
    # the undated document is skipped; "Friday" lies after the annotated sentences
    assert (scores.documents, scores.gold, scores.predicted) == (1, 2, 2)
    assert (scores.strict, scores.relaxed, scores.value) == (2, 2, 2)
