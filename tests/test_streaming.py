"""Articles stream through a run: read an input at a time, loaded a batch at a time, then let go."""

from __future__ import annotations

import gc
import json
import random
import weakref
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from string import ascii_lowercase

from batches import extraction
from warehouse_checks import RUN_SPECIFIC, assert_same_rows, assert_star_integrity, published_rows

from newswire.ingest.inputs import IngestStream
from newswire.load import warehouse
from newswire.load.staging import calendar, stage

STORY = "Officials met in Cairo on Monday.\nThey agreed to meet again next week.\n"
OTHER = "Rebels attacked a convoy near Goma on Sunday, the army said.\n"


def test_an_input_is_read_only_when_its_articles_are_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    stream = IngestStream(tmp_path)
    articles = iter(stream)
    assert next(articles).external_id == "a"
    (tmp_path / "b.txt").unlink()
    assert list(articles) == []
    rejections = [(Path(r.input_path).name, r.reason) for r in stream.result().rejections]
    assert rejections == [("b.txt", "cannot be read: No such file or directory")]


def test_a_jsonl_file_is_parsed_a_record_at_a_time(tmp_path):
    lines = [json.dumps({"id": "1", "text": STORY}), "{not json", json.dumps({"id": "2", "text": OTHER})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream = IngestStream(tmp_path)
    articles = iter(stream)
    assert next(articles).external_id == "1"
    assert stream.rejections == []  # the broken line is not read yet
    assert next(articles).external_id == "2"
    assert [Path(r.input_path).name for r in stream.rejections] == ["feed.jsonl:2"]
    assert [i.input_path for i in stream.inputs] == [str(tmp_path / "feed.jsonl")]


def test_the_same_content_twice_in_a_stream_is_one_article(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "copy", "text": STORY}) + "\n", encoding="utf-8")
    stream = IngestStream(tmp_path)
    assert [a.external_id for a in stream] == ["a"]
    assert stream.duplicates == 1


def test_a_staged_batch_is_let_go_and_published_only_when_the_run_ends(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        warehouse.begin_run(con)
        batch = stage([extraction("a1"), extraction("a2")])
        frame = weakref.ref(batch.frames["actor_mentions"])
        warehouse.load_batch(con, batch, "run", datetime.now(timezone.utc))
        del batch
        gc.collect()
        assert frame() is None
        assert con.execute("select count(*) from run_actor_mentions").fetchone() == (2,)
        assert con.execute("select count(*) from actor_mentions").fetchone() == (0,)
        assert con.execute("select count(*) from duckdb_tables() where table_name like 'stg_%'").fetchone() == (0,)
        at = datetime.now(timezone.utc)
        warehouse.finish_run(con, warehouse.RunRecord("run", None, at, at, "in", 2, 0, 0, {}), [], [])
        assert con.execute("select count(*) from actor_mentions").fetchone() == (2,)
    finally:
        con.close()


# Five stories; the fourth names Blinken alone, after the first has given his full name.
STORIES = {
    "1": "Secretary of State Antony Blinken met Egyptian President Abdel Fattah al-Sisi in Cairo on Tuesday "
             "to discuss a ceasefire in Gaza.\n",
    "2": "Rebels attacked a convoy near Goma on Sunday, killing 12 soldiers, the army said.\n",
    "3": "Shares of Acme Corp rose 5 percent in New York on Monday after the company raised its forecast.\n",
    "4": "Blinken told reporters in Amman on Wednesday that the talks would resume next week.\n",
    "5": "Heavy rain flooded parts of Jakarta on Thursday, forcing 3,000 people from their homes.\n",
}


def test_a_calendar_staged_before_is_widened_by_the_days_outside_it():
    known = (date(2024, 3, 10), date(2024, 3, 12))
    assert [d.date.day for d in calendar([date(2024, 3, 8), date(2024, 3, 11)], known)] == [8, 9]
    assert [d.date.day for d in calendar([date(2024, 3, 14)], known)] == [13, 14]
    assert calendar([date(2024, 3, 11)], known) == []
    assert [d.date.day for d in calendar([date(2024, 3, 11), date(2024, 3, 9)])] == [9, 10, 11]


def test_a_run_in_batches_loads_the_same_rows_as_one_batch(prefect_server, tmp_path):
    """Batches of two, validated two at a time: the surname in the second batch links to the full
    name loaded in the first."""
    from newswire.flow import news_etl

    source = tmp_path / "stories.jsonl"
    source.write_text(
        "".join(json.dumps({"id": n, "text": text, "published_at": f"2024-03-2{n}"}) + "\n" for n, text in STORIES.items()),
        encoding="utf-8",
    )
    whole, batched = tmp_path / "whole" / "w.duckdb", tmp_path / "batched" / "w.duckdb"
    once = news_etl(source=source, db=whole)
    summary = news_etl(source=source, db=batched, articles_per_batch=2, articles_per_validation=2)
    assert (summary.articles_read, summary.failed_critical) == (5, 0)
    # each day of the run's calendar is staged and validated once, whatever the batches
    assert summary.rows_loaded["dates"] == once.rows_loaded["dates"] > 0
    assert_same_rows(published_rows(batched, RUN_SPECIFIC), published_rows(whole, RUN_SPECIFIC))
    with warehouse.connect(batched, read_only=True) as con:
        assert_star_integrity(con)
        (blinken,) = con.execute(
            "select a.name from actor_mentions m join actors a using (actor_id) where m.mention_text = 'Blinken'"
        ).fetchone()
        (results,) = con.execute("select count(*) from dq_results where run_id = ?", [summary.run_id]).fetchone()
    assert blinken == "Antony Blinken"
    assert results == summary.expectations  # one outcome per expectation, the three batches combined

    before = published_rows(batched, RUN_SPECIFIC)
    backfill = news_etl(
        source=source, db=batched, since=date(2024, 1, 1), articles_per_batch=2, articles_per_validation=2
    )
    assert (backfill.mode, backfill.articles_read) == ("backfill", 5)
    assert_same_rows(published_rows(batched, RUN_SPECIFIC), before)


def test_a_run_larger_than_duckdbs_memory_is_staged_on_disk_and_published_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(warehouse, "STAGING_MEMORY", 16 * 2**20)
    words = random.Random(7)
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        warehouse.begin_run(con)
        bodies = 0
        for n in range(30):  # 30 batches of 20 articles of about 50 KB: twice the memory DuckDB may use
            batch = []
            for i in range(20):
                body = " ".join("".join(words.choices(ascii_lowercase, k=7)) for _ in range(6_400))
                x = extraction(f"a{n}-{i}")
                batch.append(replace(x, article=replace(x.article, body=body)))
                bodies += len(body)
            warehouse.load_batch(con, stage(batch), "run", datetime.now(timezone.utc))
        (spilled,) = con.execute("select sum(temporary_storage_bytes) from duckdb_memory()").fetchone()
        assert spilled > 0
        assert con.execute("select count(*) from articles").fetchone() == (0,)
        at = datetime.now(timezone.utc)
        warehouse.finish_run(con, warehouse.RunRecord("run", None, at, at, "in", 600, 0, 0, {}), [], [])
        assert con.execute("select count(*), sum(length(body)) from articles").fetchone() == (600, bodies)
        assert con.execute("select count(*) from actor_mentions").fetchone() == (600,)
    finally:
        con.close()
