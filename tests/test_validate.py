"""flows.validate with real Great Expectations on small inline frames."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from flows.validate import (
    SEVERITIES,
    SUITES_DIR,
    ExpectationOutcome,
    build_suite,
    critical_failures,
    load_suite_specs,
    validate_tables,
)

TABLES = (
    "articles",
    "actors",
    "actor_mentions",
    "date_mentions",
    "figures",
    "events",
    "event_actors",
    "dates",
)


def clean_frames() -> dict[str, pd.DataFrame]:
    return {
        "articles": pd.DataFrame(
            {
                "article_id": ["a1", "a2", "a3"],
                "external_id": ["x-1", "x-2", "x-3"],
                "title": ["Rates rise", None, "Port reopens"],
                "source_name": ["Wire", "Wire", None],
                "url": ["https://example.org/1", None, None],
                "published_at": [date(2024, 3, 1), date(2024, 3, 2), None],
                "body": ["Body one.", "Body two.", "Body three."],
                "input_path": ["in/1.txt", "in/2.txt", "in/3.txt"],
            }
        ),
        "actors": pd.DataFrame(
            {
                "actor_id": ["p1", "o1", "g1"],
                "name": ["Ada Lovelace", "Acme Corp", "France"],
                "actor_type": ["PERSON", "ORG", "GPE"],
                "mention_count": [3, 1, 2],
                "article_count": [2, 1, 2],
            }
        ),
        "actor_mentions": pd.DataFrame(
            {
                "article_id": ["a1", "a1", "a2"],
                "actor_id": ["p1", "o1", "p1"],
                "mention_text": ["Ada Lovelace", "Acme Corp", "Lovelace"],
                "start_char": [0, 20, 5],
                "end_char": [12, 29, 13],
                "ner_label": ["PERSON", "ORG", "PERSON"],
            }
        ),
        "date_mentions": pd.DataFrame(
            {
                "article_id": ["a1", "a2", "a3"],
                "mention_text": ["1 March 2024", "two weeks", "Monday"],
                "start_char": [30, 0, 4],
                "end_char": [42, 9, 10],
                "timex_type": ["DATE", "DURATION", "DATE"],
                "timex_value": ["2024-03-01", "P2W", None],
                "resolved_date": [date(2024, 3, 1), None, pd.NaT],
                "precision": ["day", None, None],
            }
        ),
        "figures": pd.DataFrame(
            {
                "figure_id": ["f1", "f2", "f3"],
                "article_id": ["a1", "a1", "a2"],
                "mention_text": ["5%", "about 300 jobs", "10 to 20 ships"],
                "start_char": [50, 60, 0],
                "end_char": [52, 74, 14],
                "value": [5.0, 300.0, None],
                "value_low": [None, None, 10.0],
                "value_high": [None, None, 20.0],
                "qualifier": ["exact", "approximate", "range"],
                "unit": ["percent", "jobs", "ships"],
                "category": ["rate", "employment", "count"],
            }
        ),
        "events": pd.DataFrame(
            {
                "event_id": ["e1", "e2", "e3"],
                "article_id": ["a1", "a2", "a3"],
                "event_type": ["rate_change", "layoff", "reopening"],
                "event_mode": ["asserted", None, "asserted"],
                "trigger_text": ["raised", "cut", "reopened"],
                "start_char": [13, 40, 9],
                "end_char": [19, 43, 17],
                "event_date": [date(2024, 3, 1), None, date(2024, 3, 4)],
                "date_precision": ["day", None, "week"],
                "date_source": ["sentence", "none", "published_at"],
                "canonical_event_id": ["e1", "e2", None],
            }
        ),
        "event_actors": pd.DataFrame(
            {
                "event_id": ["e1", "e1", "e2"],
                "actor_id": ["o1", "p1", "o1"],
                "role": ["agent", "speaker", "agent"],
            }
        ),
        "dates": pd.DataFrame(
            {
                "date": [date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 4)],
                "year": [2024, 2024, 2024],
                "quarter": [1, 1, 1],
                "month": [3, 3, 3],
                "day": [1, 2, 4],
                "weekday": [5, 6, 1],
            }
        ),
    }


def failed(outcomes: list[ExpectationOutcome]) -> list[ExpectationOutcome]:
    return [o for o in outcomes if not o.success]


def only_failure(frames: dict[str, pd.DataFrame]) -> ExpectationOutcome:
    failures = failed(validate_tables(frames))
    assert len(failures) == 1, failures
    return failures[0]


def test_clean_batch_passes_every_expectation() -> None:
    specs = load_suite_specs()
    outcomes = validate_tables(clean_frames())

    assert failed(outcomes) == []
    assert critical_failures(outcomes) == []
    assert len(outcomes) == sum(len(specs[t]["expectations"]) for t in TABLES)
    assert {o.suite for o in outcomes} == set(TABLES)
    assert all(o.unexpected_sample == "[]" for o in outcomes)
    row_counts = {o.element_count for o in outcomes}
    assert row_counts == {3}


def test_outcomes_follow_suite_order() -> None:
    spec = load_suite_specs()["figures"]
    outcomes = validate_tables({"figures": clean_frames()["figures"]})

    assert [o.expectation for o in outcomes] == [e["type"] for e in spec["expectations"]]
    assert [o.severity for o in outcomes] == [e["meta"]["severity"] for e in spec["expectations"]]


def test_duplicate_article_id_is_critical() -> None:
    frames = clean_frames()
    frames["articles"].loc[2, "article_id"] = "a1"

    outcome = only_failure({"articles": frames["articles"]})

    assert outcome.expectation == "expect_column_values_to_be_unique"
    assert outcome.column == "article_id"
    assert outcome.severity == "critical"
    assert outcome.unexpected_count == 2
    assert json.loads(outcome.unexpected_sample) == ["a1", "a1"]


def test_negative_figure_value_is_critical() -> None:
    frames = clean_frames()
    frames["figures"].loc[0, "value"] = -5.0

    outcome = only_failure({"figures": frames["figures"]})

    assert outcome.expectation == "expect_column_values_to_be_between"
    assert outcome.column == "value"
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == ["-5.0"]


def test_invalid_actor_type_is_critical() -> None:
    frames = clean_frames()
    frames["actors"].loc[1, "actor_type"] = "COMPANY"

    outcome = only_failure({"actors": frames["actors"]})

    assert outcome.expectation == "expect_column_values_to_be_in_set"
    assert outcome.column == "actor_type"
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == ["COMPANY"]


@pytest.mark.parametrize("end_char", [20, 15], ids=["equal", "before"])
def test_span_ending_at_or_before_its_start_is_critical(end_char: int) -> None:
    frames = clean_frames()
    frames["actor_mentions"].loc[1, "end_char"] = end_char

    outcome = only_failure({"actor_mentions": frames["actor_mentions"]})

    assert outcome.expectation == "expect_column_pair_values_a_to_be_greater_than_b"
    assert outcome.column == "end_char,start_char"
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == [f"[{end_char}, 20]"]


def test_published_in_1850_is_a_warning() -> None:
    frames = clean_frames()
    frames["articles"].loc[1, "published_at"] = date(1850, 6, 1)

    outcomes = validate_tables({"articles": frames["articles"]})

    [outcome] = failed(outcomes)
    assert outcome.expectation == "expect_column_values_to_be_between"
    assert outcome.column == "published_at"
    assert outcome.severity == "warning"
    assert json.loads(outcome.unexpected_sample) == ["1850-06-01"]
    assert critical_failures(outcomes) == []


def test_empty_articles_frame_fails_row_count_only() -> None:
    empty = clean_frames()["articles"].iloc[0:0]

    outcomes = validate_tables({"articles": empty})

    [outcome] = failed(outcomes)
    assert outcome.expectation == "expect_table_row_count_to_be_between"
    assert outcome.column is None
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == ["0"]
    assert {o.element_count for o in outcomes} == {0}


def test_empty_frames_without_columns_pass_column_expectations() -> None:
    outcomes = validate_tables({table: pd.DataFrame() for table in TABLES if table != "articles"})

    assert outcomes
    assert failed(outcomes) == []
    assert {o.element_count for o in outcomes} == {0}


def test_missing_column_fails_with_the_error_in_the_sample() -> None:
    frame = clean_frames()["event_actors"].drop(columns=["role"])

    failures = failed(validate_tables({"event_actors": frame}))

    assert {o.column for o in failures} == {"role", "event_id,actor_id,role"}
    assert all(o.severity == "critical" for o in failures)
    assert all(json.loads(o.unexpected_sample)[0].startswith("error: ") for o in failures)


def test_frame_without_suite_is_an_error() -> None:
    with pytest.raises(ValueError, match="no expectation suite"):
        validate_tables({"articles": clean_frames()["articles"], "mystery": pd.DataFrame()})


def test_tables_without_frames_are_skipped() -> None:
    assert validate_tables({}) == []
    outcomes = validate_tables({"dates": clean_frames()["dates"]})
    assert {o.suite for o in outcomes} == {"dates"}


def test_every_suite_file_parses_with_valid_severities() -> None:
    specs = load_suite_specs(SUITES_DIR)

    assert sorted(specs) == sorted(TABLES)
    for table, spec in specs.items():
        suite = build_suite(spec)
        assert suite.name == table
        assert len(suite.expectations) == len(spec["expectations"]) > 0
        for expectation, entry in zip(suite.expectations, spec["expectations"], strict=True):
            assert entry["meta"]["severity"] in SEVERITIES
            assert entry["meta"]["description"]
            assert expectation.expectation_type == entry["type"]
            assert expectation.severity.value == entry["meta"]["severity"]


def test_unknown_expectation_type_is_rejected() -> None:
    spec = {
        "name": "articles",
        "expectations": [
            {
                "type": "expect_column_values_to_be_sparkly",
                "kwargs": {"column": "article_id"},
                "meta": {"severity": "critical", "description": "Not a GX expectation."},
            }
        ],
    }
    with pytest.raises(ValueError, match="expect_column_values_to_be_sparkly"):
        build_suite(spec)


def test_suite_with_bad_severity_is_rejected(tmp_path) -> None:
    (tmp_path / "articles.json").write_text(
        json.dumps(
            {
                "name": "articles",
                "expectations": [
                    {
                        "type": "expect_column_values_to_not_be_null",
                        "kwargs": {"column": "article_id"},
                        "meta": {"severity": "fatal"},
                    }
                ],
            }
        )
    )
    with pytest.raises(ValueError, match="severity 'fatal'"):
        load_suite_specs(tmp_path)
