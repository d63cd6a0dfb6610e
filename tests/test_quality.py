"""Validation decides what is published: planted defects in a staged batch, real Great Expectations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb
import pytest
from batches import checked_frames, extraction
from warehouse_checks import row_counts

from newswire.load import warehouse
from newswire.load.staging import stage
from newswire.quality.checks import RUN_TABLE, combine, decide, run_checks, run_failure
from newswire.quality.validate import validate_tables


def validated(extractions):
    frames = checked_frames(extractions)
    outcomes = validate_tables(frames)
    return outcomes, decide(frames, outcomes)


def test_a_clean_batch_is_published_whole():
    outcomes, decision = validated([extraction("a1"), extraction("a2")])
    assert [o for o in outcomes if not o.success] == []
    assert decision.failure() is None
    assert decision.batch.row_counts() == stage([extraction("a1"), extraction("a2")]).row_counts()


def test_planted_defects_are_caught_with_their_severity():
    good = extraction("a1")
    bad = extraction("a2")
    bad = replace(
        bad,
        # a duplicate key: the same figure id as the good article's
        figures=(replace(bad.figures[0], figure_id="f-a1", value=-40.0),),
        # an offset that does not give its text
        date_mentions=(replace(bad.date_mentions[0], start_char=25),),
        # an event dated after its article's publication
        events=(replace(bad.events[0], event_date=date(2024, 4, 2)),),
    )
    outcomes, decision = validated([good, bad])
    failed = {(o.suite, o.column, o.severity) for o in outcomes if not o.success}
    assert ("figures", "figure_id", "critical") in failed
    assert ("figures", "value", "critical") in failed
    assert ("date_mentions", "offset_gives_text", "critical") in failed
    assert ("events", "days_after_publication", "warning") in failed
    quarantined = {(r.table_name, r.expectation) for r in decision.quarantined}
    assert ("date_mentions", "expect_column_values_to_be_in_set") in quarantined
    assert ("figures", "expect_column_values_to_be_between") in quarantined
    assert [(r.table_name, r.article_id) for r in decision.findings] == [("events", "a2")]
    published = decision.batch.frames
    assert list(published["figures"]["figure_id"]) == []  # both copies of the duplicated key are held back
    assert list(published["date_mentions"]["article_id"]) == ["a1"]
    assert sorted(published["events"]["article_id"]) == ["a1", "a2"]  # a warning publishes the row


def test_a_quarantined_article_takes_its_facts_with_it():
    broken = extraction("a2")
    broken = replace(broken, article=replace(broken.article, article_id="a1"))  # the same key as another article
    _, decision = validated([extraction("a1"), broken])
    tables = {r.table_name for r in decision.quarantined}
    assert {"articles", "actor_mentions", "date_mentions", "figures", "events", "event_actors"} <= tables
    assert decision.failure() is not None


def test_a_run_whose_input_yields_no_article_fails():
    frames = checked_frames([])
    decision = decide(frames, validate_tables(frames))
    assert decision.failure() is None
    run_outcomes = validate_tables({RUN_TABLE: run_checks(inputs=3, articles=0, undated=0)})
    assert "loads at least one article" in run_failure([decision], run_outcomes)


def test_outcomes_of_several_batches_combine_into_one_per_expectation():
    first, _ = validated([extraction("a1")])
    broken = extraction("a2")
    second, _ = validated([replace(broken, figures=(replace(broken.figures[0], value=-3.0),))])
    combined = combine([first, second])
    assert len(combined) == len(first)
    value = next(o for o in combined if o.suite == "figures" and o.column == "value" and o.severity == "critical")
    assert (value.success, value.element_count, value.unexpected_count) == (False, 2, 1)
    assert all(o.success for o in combined if o is not value)


@pytest.mark.parametrize(("defects", "fails"), [(0, False), (1, False), (60, True)])
def test_the_quarantine_threshold(defects, fails):
    extractions = [extraction(f"a{i}") for i in range(20)]
    for i in range(min(defects, 20)):
        x = extractions[i]
        extractions[i] = replace(x, figures=(replace(x.figures[0], value=-1.0),), actor_mentions=(
            replace(x.actor_mentions[0], start_char=16),) if defects > 20 else x.actor_mentions,
            date_mentions=(replace(x.date_mentions[0], start_char=23),) if defects > 40 else x.date_mentions)
    _, decision = validated(extractions)
    assert (decision.failure() is not None) is fails


def test_a_failed_run_leaves_the_published_tables_as_they_were(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.RunRecord("r1", None, date(2024, 1, 1), date(2024, 1, 1), "src", 1, 0, 0, {})
    _, first = validated([extraction("a1")])
    warehouse.publish(con, first.batch, run, [], [])
    before = row_counts(con)
    _, second = validated([extraction("a2")])
    warehouse.publish(con, second.batch, replace(run, run_id="r2"), [], [], failure="too many defects")
    assert row_counts(con) == before
    assert con.execute("select status from dq_runs where run_id = 'r2'").fetchone()[0] == "failed: too many defects"
    con.close()
    assert duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True).execute("select count(*) from articles").fetchone()[0] == 1
