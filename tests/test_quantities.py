"""The quantities scorer on tiny inline sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from newswire.evaluation.quantities import (
    Quantity,
    Sentence,
    parse_quantity,
    part_of,
    score_sentence,
    score_set,
)
from newswire.extract.nlp import load_model
from newswire.records import Figure


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def figure(value: float, unit: str | None, low: float | None = None, high: float | None = None,
           qualifier: str = "exact", change: str | None = None) -> Figure:
    return Figure("f", "a", "x", 0, 1, value, value if low is None else low, value if high is None else high,
                  qualifier, unit, "other", change=change)


KNOWN = frozenset({"USD", "kilometer", "percent"})


def test_a_range_is_read_by_its_ends() -> None:
    assert parse_quantity({"value": "15-22", "normalized_unit": "Dollar"}) == Quantity(15, 22, "dollar")
    assert parse_quantity({"value": "-5", "normalized_unit": "celsius"}) == Quantity(-5, -5, "celsius")


def test_value_unit_and_change_are_counted_one_to_one() -> None:
    sentence = Sentence("t", (Quantity(5, 5, "kilometre"), Quantity(5, 5, "dollar"), Quantity(3, 3, "percentage")))
    scores = score_sentence(sentence, [figure(5, "kilometer"), figure(3, "percent", change="up")], KNOWN)
    assert (scores.gold, scores.predicted, scores.value, scores.value_unit) == (3, 2, 2, 2)
    assert (scores.value_change, scores.gold_change) == (0, 0)
    assert scores.lines()[3].startswith("value+change  not annotated")


def test_a_change_is_scored_where_the_gold_gives_one() -> None:
    assert parse_quantity({"value": "3", "normalized_unit": "percentage", "change": "Increase"}).change == "up"
    with pytest.raises(ValueError, match="unknown change 'sideways'"):
        parse_quantity({"value": "3", "normalized_unit": "percentage", "change": "sideways"})
    sentence = Sentence("t", (Quantity(3, 3, "percentage", "up"), Quantity(40, 40, "count", "at_least")))
    found = [figure(3, "percent", change="down"), figure(40, "people", qualifier="at_least")]
    scores = score_sentence(sentence, found, KNOWN)
    assert (scores.value, scores.value_change, scores.gold_change) == (2, 1, 2)
    assert scores.lines()[3] == "value+change  P 0.500  R 0.500  F1 0.500  (1 matched)"


def test_cents_are_a_hundredth_of_a_dollar_and_ranges_match_by_ends() -> None:
    sentence = Sentence("t", (Quantity(48, 48, "cent"), Quantity(15, 22, "count")))
    found = [figure(0.48, "USD"), figure(15, "people", 15, 22, "range")]
    scores = score_sentence(sentence, found, KNOWN)
    assert (scores.value, scores.value_unit) == (2, 2)
    assert score_sentence(sentence, [figure(15, "people")], KNOWN).value == 0


def test_a_set_is_split_into_a_tuning_and_a_held_out_part(tmp_path: Path, nlp: Language) -> None:
    entries = [
        {"text": "The road is 5 km long.", "quantities": [{"value": "5", "normalized_unit": "kilometre"}]},
        {"text": "It cost $3 million.", "quantities": [{"value": "3000000", "normalized_unit": "dollar"}]},
    ]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    scores = score_set(path, nlp)
    parts = {part_of(Sentence(e["text"], ())) for e in entries}
    assert sum(s.sentences for s in scores.values()) == 2
    assert all(scores[p].sentences for p in parts)
    total = scores["tuning"] + scores["held-out"]
    assert (total.gold, total.value, total.value_unit, total.gold_change) == (2, 2, 2, 0)
    assert total.lines()[1].startswith("value ")
