"""End to end: the real Prefect flow on the sample articles into DuckDB files under tmp_path."""

from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest
from other_run import held_by_another_run
from paths import SEED_ARTICLES
from warehouse_checks import assert_offsets_give_text, assert_star_integrity, row_counts


@pytest.fixture(scope="module")
def seeded(prefect_server, tmp_path_factory):
    """The sample articles loaded twice into one warehouse, with both run summaries."""
    from newswire.flow import news_etl

    db = tmp_path_factory.mktemp("seeded") / "newswire.duckdb"
    first = news_etl(source=SEED_ARTICLES, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        counts_after_first = row_counts(con)
    second = news_etl(source=SEED_ARTICLES, db=db)
    return db, first, second, counts_after_first


def test_every_article_loads_with_its_publication_date(seeded):
    db, first, _, _ = seeded
    with (SEED_ARTICLES / "manifest.csv").open(newline="") as handle:
        expected = {row["file"].removesuffix(".txt"): date.fromisoformat(row["published_at"]) for row in csv.DictReader(handle)}
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = dict(con.execute("select external_id, published_at from articles").fetchall())
    assert loaded == expected
    assert (first.articles_read, first.articles_rejected) == (5, 0)


def test_star_schema_keys_offsets_and_coverage(seeded):
    db, _, _, _ = seeded
    with duckdb.connect(str(db), read_only=True) as con:
        assert_star_integrity(con)
        assert assert_offsets_give_text(con) > 200
        counts = row_counts(con)
    assert all(counts[table] > 0 for table in counts), counts


def test_a_second_run_with_nothing_new_reads_nothing_and_changes_nothing(seeded):
    db, _, second, counts_after_first = seeded
    with duckdb.connect(str(db), read_only=True) as con:
        assert row_counts(con) == counts_after_first
        modes = con.execute("select mode, inputs_unchanged, articles_read from runs order by started_at").fetchall()
    assert modes == [("incremental", 0, 5), ("incremental", 5, 0)]
    assert (second.articles_read, second.inputs_unchanged) == (0, 5)
    assert "nothing new: 5 input(s) unchanged" in second.lines()[1]


def test_each_run_is_validated_and_recorded(seeded):
    db, first, _, _ = seeded
    with duckdb.connect(str(db), read_only=True) as con:
        (runs,) = con.execute("select count(*) from dq_runs").fetchone()
        suites = {row[0] for row in con.execute("select distinct suite from dq_results").fetchall()}
        critical = con.execute(
            "select count(*) from dq_results where run_id = ? and severity = 'critical' and not success",
            [first.run_id],
        ).fetchone()[0]
    assert runs == 2
    assert suites == {"articles", "actors", "actor_mentions", "date_mentions", "figures", "events", "event_actors", "dates", "article_places",
                      "run"}
    assert critical == first.failed_critical
    dashboard = (db.parent / "index.html").read_text(encoding="utf-8")
    assert (db.parent / "data_docs" / "index.html").is_file()
    assert 'href="data_docs/index.html"' in dashboard


def test_jsonl_source_with_a_broken_line(prefect_server, tmp_path):
    from newswire.flow import news_etl

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "n1", "text": "Rebels attacked a convoy near Goma on Sunday, killing 12 soldiers.",
                    "published_at": "2024-06-03T10:00:00Z", "source": "Wire"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "n2", "text": "The European Union agreed on Tuesday to send 500 tonnes of food aid.",
                      "published_at": "2024-06-04"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "other.duckdb"
    first = news_etl(source=feed, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = row_counts(con)
        rejected = con.execute("select input_path, reason from rejected_inputs").fetchall()
    news_etl(source=feed, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert row_counts(con) == before
        assert_star_integrity(con)
    assert (first.articles_read, first.articles_rejected) == (2, 1)
    assert rejected[0][0].endswith("feed.jsonl:2") and rejected[0][1].startswith("invalid JSON")
    assert before["articles"] == 2


def test_one_event_reported_by_several_articles_is_one_canonical_event(seeded):
    db, _, _, _ = seeded
    with duckdb.connect(str(db), read_only=True) as con:
        shared = con.execute(
            "select articles, sources, dates_reported, sources_disagree from canonical_events where articles > 1"
        ).fetchall()
        split = con.execute(
            "select count(*) from (select article_event_id, count(distinct canonical_event_id) as n "
            "from events group by all) where n > 1"
        ).fetchone()[0]
    assert shared, "no event was reported by more than one article"
    assert split == 0
    for articles, sources, dates_reported, disagree in shared:
        assert sources <= articles
        assert disagree == (len(dates_reported or []) > 1)


def test_a_failed_run_publishes_nothing_and_says_why(prefect_server, tmp_path):
    from newswire.flow import RunFailed, news_etl

    db = tmp_path / "w.duckdb"
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "Protesters rallied in Nairobi on Monday.", "published_at": "2024-06-04"}) + "\n")
    news_etl(source=good, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = row_counts(con)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n" + json.dumps({"id": "b2"}) + "\n")
    with pytest.raises(RunFailed, match="loads at least one article"):
        news_etl(source=broken, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert row_counts(con) == before
        status, = con.execute("select status from dq_runs order by validated_at desc limit 1").fetchone()
        rejected = con.execute("select count(*) from rejected_inputs").fetchone()[0]
    assert status.startswith("failed: ")
    assert rejected == 2
    assert (tmp_path / "index.html").is_file()


def test_new_and_changed_inputs_only_then_full_refresh_and_backfill(prefect_server, tmp_path):
    from newswire.flow import news_etl

    landing = tmp_path / "landing"
    landing.mkdir()
    db = tmp_path / "w.duckdb"
    story = "Rebels attacked a convoy near Goma on {day}, killing {n} soldiers, the army said."
    (landing / "a.jsonl").write_text(json.dumps({"id": "a", "text": story.format(day="Sunday", n=12), "published_at": "2024-06-03"}) + "\n")
    news_etl(source=landing, db=db)
    (landing / "b.txt").write_text("date 2024-06-05\n" + story.format(day="Tuesday", n=3))
    second = news_etl(source=landing, db=db)
    assert (second.articles_read, second.inputs_unchanged) == (1, 1)
    with (landing / "a.jsonl").open("a") as handle:
        handle.write(json.dumps({"id": "c", "text": story.format(day="Monday", n=7), "published_at": "2024-06-04"}) + "\n")
    third = news_etl(source=landing, db=db)
    assert (third.articles_read, third.inputs_unchanged) == (1, 1)
    with duckdb.connect(str(db), read_only=True) as con:
        counts = row_counts(con)
    assert counts["articles"] == 3
    refreshed = news_etl(source=landing, db=db, full_refresh=True)
    assert (refreshed.mode, refreshed.articles_read) == ("full-refresh", 3)
    window = news_etl(source=landing, db=db, since=date(2024, 6, 4), until=date(2024, 6, 5))
    assert (window.mode, window.articles_read) == ("backfill", 2)
    with duckdb.connect(str(db), read_only=True) as con:
        assert row_counts(con) == counts
        assert_star_integrity(con)


def test_one_run_at_a_time_per_warehouse(prefect_server, tmp_path):
    from newswire.flow import news_etl
    from newswire.load.warehouse import WarehouseBusy

    db = tmp_path / "w.duckdb"
    with held_by_another_run(db), pytest.raises(WarehouseBusy, match="being loaded by another run"):
        news_etl(source=SEED_ARTICLES, db=db)


def test_batches_are_validated_in_groups_of_at_least_the_given_size():
    from batches import extraction

    from newswire.extract.pipeline import ExtractedBatch, Failure
    from newswire.flow import _groups

    articles = [extraction(f"a{n}") for n in range(7)]
    failed = Failure(articles[6].article, "parse", "ValueError: bad", "")
    batches = [
        ExtractedBatch(articles[0:2], []),
        ExtractedBatch(articles[2:3], [failed]),
        ExtractedBatch([], []),
        ExtractedBatch(articles[3:6], []),
    ]
    failures: list[Failure] = []
    groups = [[x.article.article_id for x in group] for group in _groups(iter(batches), 3, failures)]
    assert groups == [["a0", "a1", "a2"], ["a3", "a4", "a5"]]
    assert failures == [failed]
    assert [len(g) for g in _groups(iter(batches[:2]), 5, [])] == [3]
    assert list(_groups(iter([ExtractedBatch([], [failed])]), 1, [])) == []
