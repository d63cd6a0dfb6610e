"""Full-text search: the real fts extension from its wheel, on a warehouse built from the samples."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date

import duckdb
import pytest
from analyst import newswire, sample_warehouse
from other_run import held_by_another_run

from newswire.analyst.search import Hit, format_hits, index_is_current, search, searchable

QUERY = "ground operation Rafah"


@pytest.fixture(scope="module")
def sample_db(prefect_server, tmp_path_factory):
    return sample_warehouse(tmp_path_factory.mktemp("search"))


def bodies(db) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("select external_id, body from articles").fetchall())


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def has_index(db) -> bool:
    with duckdb.connect(str(db), read_only=True) as con:
        return bool(con.execute("select count(*) from duckdb_tables() where schema_name = 'fts_main_articles'").fetchone()[0])


def copy_without_index(db, copy):
    shutil.copy(db, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("drop schema if exists fts_main_articles cascade")
    return copy


def test_a_search_with_the_warehouse_busy_builds_its_index_in_memory(sample_db, tmp_path):
    copy = copy_without_index(sample_db, tmp_path / "copy.duckdb")
    with held_by_another_run(copy):
        with searchable(copy) as con:
            hits = search(con, QUERY)
    assert [hit.external_id for hit in hits] == [hit.external_id for hit in _indexed(sample_db)]
    assert not has_index(copy)


def _indexed(db) -> list[Hit]:
    with searchable(db) as con:
        return search(con, QUERY)


def test_articles_mentioning_a_ground_operation_in_rafah_come_first(sample_db):
    hits = _indexed(sample_db)
    texts = bodies(sample_db)
    every_word = {name for name, body in texts.items() if {"ground", "rafah"} <= words(body) and "operation" in body.lower()}
    no_word = {name for name, body in texts.items() if not ({"ground", "rafah", "operation", "operations"} & words(body))}
    assert len(every_word) >= 2 and no_word
    ranked = [hit.external_id for hit in hits]
    assert set(ranked[: len(every_word)]) == every_word
    assert not no_word & set(ranked)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    (operation_in_rafah,) = [hit for hit in hits if "ground operation in Rafah" in texts[hit.external_id]]
    assert "ground operation in Rafah" in operation_in_rafah.sentence


def test_the_index_is_kept_in_the_warehouse_and_then_read_only(sample_db):
    with searchable(sample_db) as con:
        search(con, QUERY)
    assert has_index(sample_db)
    with searchable(sample_db) as con:
        assert index_is_current(con)
        with pytest.raises(duckdb.InvalidInputException, match="read-only"):
            con.execute("create table written (x integer)")


def test_limit_and_words_found_nowhere(sample_db):
    with searchable(sample_db) as con:
        assert len(search(con, QUERY, limit=2)) == 2
        assert search(con, "xylophone quasar") == []
        assert search(con, "the of and") == []


def test_search_finds_an_article_loaded_after_the_index_was_built(sample_db, tmp_path):
    from newswire.flow import news_etl

    (tmp_path / "cairo.txt").write_text(
        "date 2024-06-02\nEgyptian mediators met Hamas envoys in Cairo on Sunday about a truce.\n", encoding="utf-8"
    )
    news_etl(source=tmp_path, db=sample_db)
    with searchable(sample_db) as con:
        hits = search(con, "mediators Cairo truce")
        assert index_is_current(con)
    assert hits[0].external_id == "cairo"
    assert hits[0].sentence == "Egyptian mediators met Hamas envoys in Cairo on Sunday about a truce."


def test_a_reader_in_another_process_leaves_the_search_to_an_index_in_memory(sample_db, tmp_path):
    copy = copy_without_index(sample_db, tmp_path / "copy.duckdb")
    reader = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(copy)!r}, read_only=True); "
         "print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        result = newswire("search", QUERY, "--limit", "1", "--db", str(copy))
    finally:
        reader.kill()
        reader.wait()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(" 1  ")
    assert not has_index(copy)


def test_the_command_prints_hits_and_fails_in_one_line(sample_db, tmp_path):
    result = newswire("search", QUERY, "--limit", "3", "--db", str(sample_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line[:4] for line in lines if not line.startswith(" " * 11)] == [" 1  ", " 2  ", " 3  "]
    assert newswire("search", "xylophone", "--db", str(sample_db)).stdout == "no article matches 'xylophone'\n"
    missing = newswire("search", QUERY, "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [
        f"newswire search: warehouse {tmp_path / 'none.duckdb'} does not exist; run `newswire run` first"
    ]


def test_a_hit_reads_as_title_then_where_and_when_then_its_sentence():
    hits = [
        Hit("a1", "000_x", "Pentagon urges restraint", "DNA", date(2024, 3, 27), 0.7093, "Austin met Gallant."),
        Hit("a2", "003_y", None, None, date(2024, 5, 20), 0.6, "word " * 30),
    ]
    assert format_hits(hits, width=60) == [
        " 1  0.709  Pentagon urges restraint",
        "           DNA · 2024-03-27 · 000_x",
        "           Austin met Gallant.",
        " 2  0.600  003_y",
        "           2024-05-20",
        "           word word word word word word word word word word",
        "           word word word word word word word word word word",
        "           word word word word word word word word word word",
    ]
