"""newswire.quality.validate with real Great Expectations on small inline frames."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from batches import checked_frames, extraction

from newswire.extract.events import EVENT_MODES
from newswire.extract.figures import CATEGORIES
from newswire.quality.checks import run_checks
from newswire.quality.validate import (
    SEVERITIES,
    SUITES_DIR,
    ExpectationOutcome,
    build_suite,
    critical_failures,
    load_suite_specs,
    validate_tables,
)
from newswire.records import ACTOR_TYPES, CHANGES, EVENT_DATE_PRECISIONS, PRECISIONS, QUALIFIERS, TIMEX_TYPES

TABLES = (
    "articles",
    "actors",
    "actor_mentions",
    "date_mentions",
    "figures",
    "events",
    "event_actors",
    "dates",
    "article_places",
)


def clean_frames() -> dict[str, pd.DataFrame]:
    return checked_frames([extraction("a1"), extraction("a2"), extraction("a3")])


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
    frames = clean_frames()
    assert all(o.element_count == len(frames[o.suite].index) for o in outcomes)


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


def test_temperature_below_zero_passes_and_other_rows_are_still_checked() -> None:
    frames = clean_frames()
    figures = frames["figures"]
    figures.loc[0, ["value", "value_low", "value_high", "unit", "category"]] = [
        -5.0, -5.0, -5.0, "degree Celsius", "temperature"]
    assert not critical_failures(validate_tables({"figures": figures}))

    figures.loc[1, "value"] = -3.0
    outcome = only_failure({"figures": figures})
    assert outcome.column == "value"
    assert outcome.unexpected_rows == (1,)


@pytest.mark.parametrize(
    ("suite", "column", "value"),
    [("actors", "actor_type", "COMPANY"), ("date_mentions", "precision", "fortnight"), ("figures", "change", "sideways")],
)
def test_value_outside_its_closed_set_is_critical(suite: str, column: str, value: str) -> None:
    frames = clean_frames()
    frames[suite].loc[0, column] = value

    outcome = only_failure({suite: frames[suite]})

    assert outcome.expectation == "expect_column_values_to_be_in_set"
    assert outcome.column == column
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == [value]


@pytest.mark.parametrize(
    ("suite", "column", "closed_set"),
    [
        ("actors", "actor_type", ACTOR_TYPES),
        ("date_mentions", "timex_type", TIMEX_TYPES),
        ("date_mentions", "precision", PRECISIONS),
        ("events", "date_precision", EVENT_DATE_PRECISIONS),
        ("events", "event_mode", EVENT_MODES),
        ("figures", "qualifier", QUALIFIERS),
        ("figures", "category", CATEGORIES),
        ("figures", "change", CHANGES),
    ],
)
def test_suites_check_the_closed_sets_the_extractors_write(
    suite: str, column: str, closed_set: tuple[str, ...]
) -> None:
    expectations = load_suite_specs()[suite]["expectations"]
    value_sets = [
        e["kwargs"]["value_set"]
        for e in expectations
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == column
    ]

    assert value_sets == [list(closed_set)]


@pytest.mark.parametrize("end_char", [15, 10], ids=["equal", "before"])
def test_span_ending_at_or_before_its_start_is_critical(end_char: int) -> None:
    frames = clean_frames()
    frames["actor_mentions"].loc[1, "end_char"] = end_char

    outcome = only_failure({"actor_mentions": frames["actor_mentions"]})

    assert outcome.expectation == "expect_column_pair_values_a_to_be_greater_than_b"
    assert outcome.column == "end_char,start_char"
    assert outcome.severity == "critical"
    assert json.loads(outcome.unexpected_sample) == [f"[{end_char}, 15]"]


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


@pytest.mark.parametrize(
    ("inputs", "articles", "undated", "failures"),
    [
        (2, 0, 0, [("loads_rows", "critical")]),
        (0, 0, 0, []),
        (10, 10, 3, [("undated_share", "warning")]),
        (10, 10, 2, []),
    ],
)
def test_the_run_suite(inputs, articles, undated, failures) -> None:
    outcomes = validate_tables({"run": run_checks(inputs, articles, undated)})

    assert [(o.column, o.severity) for o in failed(outcomes)] == failures


def test_empty_frames_without_columns_pass_column_expectations() -> None:
    outcomes = validate_tables({table: pd.DataFrame() for table in TABLES if table != "run"})

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

    assert sorted(specs) == sorted([*TABLES, "run"])
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
