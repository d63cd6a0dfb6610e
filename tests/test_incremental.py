"""What a run reads again: a text file is its bytes and its own manifest row, a `.jsonl` file grown
by appended lines is read from where the last run left it, and a rewritten one whole.

Real files under tmp_path; the state between runs goes through a real DuckDB warehouse.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from newswire.ingest.inputs import IngestResult, IngestStream, ingest
from newswire.load import warehouse
from newswire.resources import sql_layer

HEADER = "file,published_at,source,title,url\n"
ROWS = {
    "a.txt": "a.txt,2024-03-26,DNA,Talks in Cairo,\n",
    "b.txt": "b.txt,2024-03-27,,,\n",
    "c.txt": "c.txt,2024-03-28,Wire,Convoy attacked,\n",
}
STORIES = {
    "a.txt": "Officials met in Cairo on Monday to discuss a ceasefire.\n",
    "b.txt": "Rebels attacked a convoy near Goma on Sunday, the army said.\n",
    "c.txt": "The European Union agreed on Tuesday to send 500 tonnes of food aid.\n",
}
LINES = [
    {"id": "n1", "text": "Rebels attacked a convoy near Goma on Sunday, killing 12 soldiers."},
    {"id": "n2", "text": "The European Union agreed on Tuesday to send 500 tonnes of food aid."},
    {"id": "n3", "text": "Protesters rallied in Nairobi on Monday against new taxes."},
    {"id": "n4", "text": "The central bank raised its main rate by half a point on Thursday."},
]


def _manifest(folder: Path, names: list[str]) -> None:
    (folder / "manifest.csv").write_text(HEADER + "".join(ROWS[n] for n in names), encoding="utf-8")


def _landed(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).write_text(STORIES[name], encoding="utf-8")
    _manifest(folder, names)


def _read_again(folder: Path, first: IngestResult) -> IngestResult:
    return ingest(folder, {i.input_path: i.content_hash for i in first.inputs})


def _names(result: IngestResult) -> tuple[list[str], int]:
    return sorted(Path(i.input_path).name for i in result.inputs), result.unchanged


def _grown(folder: Path) -> None:
    (folder / "c.txt").write_text(STORIES["c.txt"], encoding="utf-8")
    _manifest(folder, ["a.txt", "b.txt", "c.txt"])


def _own_row_changed(folder: Path) -> None:
    (folder / "manifest.csv").write_text(
        HEADER + ROWS["a.txt"].replace("Talks in Cairo", "Ceasefire talks") + ROWS["b.txt"], encoding="utf-8"
    )


def _rows_reordered(folder: Path) -> None:
    (folder / "manifest.csv").write_text(HEADER + ROWS["b.txt"] + ROWS["a.txt"], encoding="utf-8")


def _row_removed(folder: Path) -> None:
    _manifest(folder, ["a.txt"])


def _bytes_changed(folder: Path) -> None:
    (folder / "b.txt").write_text(STORIES["b.txt"] + "Two soldiers were wounded.\n", encoding="utf-8")


def _manifest_broken(folder: Path) -> None:
    (folder / "manifest.csv").write_text("file,published_at\n" + "a.txt,2024-03-26\nb.txt,2024-03-27\n", encoding="utf-8")


def _manifest_removed(folder: Path) -> None:
    (folder / "manifest.csv").unlink()


@pytest.mark.parametrize(
    ("change", "read", "unchanged"),
    [
        (_grown, ["c.txt"], 2),
        (_own_row_changed, ["a.txt"], 1),
        (_rows_reordered, [], 2),
        (_row_removed, ["b.txt"], 1),
        (_bytes_changed, ["b.txt"], 1),
        (_manifest_broken, ["a.txt", "b.txt"], 0),
        (_manifest_removed, ["a.txt", "b.txt"], 0),
    ],
    ids=["manifest grew", "own row changed", "rows reordered", "row removed", "bytes changed", "manifest broken",
         "manifest removed"],
)
def test_a_text_file_is_its_bytes_and_its_own_manifest_row(
    tmp_path: Path, change: Callable[[Path], None], read: list[str], unchanged: int
) -> None:
    _landed(tmp_path, ["a.txt", "b.txt"])
    first = ingest(tmp_path)
    assert _names(first) == (["a.txt", "b.txt"], 0)
    change(tmp_path)
    again = _read_again(tmp_path, first)
    assert _names(again) == (read, unchanged)


def test_the_row_a_changed_file_is_read_with_is_its_new_one(tmp_path: Path) -> None:
    _landed(tmp_path, ["a.txt", "b.txt"])
    first = ingest(tmp_path)
    _own_row_changed(tmp_path)
    (article,) = _read_again(tmp_path, first).articles
    assert (article.external_id, article.title) == ("a", "Ceasefire talks")


def test_a_text_file_without_a_manifest_is_its_bytes_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORIES["a.txt"], encoding="utf-8")
    first = ingest(tmp_path)
    _manifest(tmp_path, [])  # a manifest with no row for it
    assert _names(_read_again(tmp_path, first)) == ([], 1)


def _write_lines(path: Path, records: list[dict | str], mode: str = "w") -> None:
    with path.open(mode, encoding="utf-8") as handle:
        handle.write("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))


def _loaded(con: duckdb.DuckDBPyConnection, run_id: str, result: IngestResult) -> None:
    """Record `result`'s inputs as a published run does."""
    at = datetime.now(UTC)
    warehouse.begin_run(con)
    warehouse.finish_run(con, warehouse.RunRecord(run_id, None, at, at, "in", 0, 0, 0, {}), [], [], inputs=result.inputs)


def _run(con: duckdb.DuckDBPyConnection, source: Path, run_id: str) -> IngestResult:
    """Ingest `source` against what the warehouse loaded, then record it loaded."""
    stream = IngestStream(source, warehouse.loaded_inputs(con), warehouse.bytes_read(con))
    result = stream.result(tuple(stream))
    _loaded(con, run_id, result)
    return result


@pytest.fixture
def con(tmp_path: Path):
    connection = warehouse.connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def _ids(result: IngestResult) -> list[str]:
    return [a.external_id for a in result.articles]


def test_a_grown_jsonl_is_read_for_its_appended_lines_only(tmp_path: Path, con) -> None:
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    _write_lines(feed, LINES[:2])
    assert _ids(_run(con, feed.parent, "r1")) == ["n1", "n2"]
    assert warehouse.bytes_read(con) == {str(feed): feed.stat().st_size}
    _write_lines(feed, [LINES[2], "{broken", "", LINES[3]], mode="a")
    grown = _run(con, feed.parent, "r2")
    assert _ids(grown) == ["n3", "n4"]
    assert [r.input_path for r in grown.rejections] == [f"{feed}:4"]
    assert [a.input_path for a in grown.articles] == [f"{feed}:3", f"{feed}:6"]
    assert (grown.unchanged, warehouse.bytes_read(con)) == (0, {str(feed): feed.stat().st_size})
    again = _run(con, feed.parent, "r3")
    assert (again.inputs, again.unchanged) == ((), 1)
    assert con.execute("select run_id from inputs").fetchall() == [("r2",)]


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda feed: _write_lines(feed, [{**LINES[0], "text": LINES[0]["text"].replace("12", "13")}, *LINES[1:3]]),
        lambda feed: _write_lines(feed, [LINES[1], LINES[0], LINES[2]]),
        lambda feed: _write_lines(feed, LINES[:1]),
    ],
    ids=["a read line changed", "read lines reordered", "truncated"],
)
def test_a_rewritten_jsonl_is_read_whole(tmp_path: Path, con, rewrite: Callable[[Path], None]) -> None:
    feed = tmp_path / "feed.jsonl"
    _write_lines(feed, LINES[:2])
    _run(con, feed, "r1")
    rewrite(feed)
    result = _run(con, feed, "r2")
    assert result.unchanged == 0
    assert sorted(_ids(result)) == sorted(a.external_id for a in IngestStream(feed))
    assert warehouse.bytes_read(con) == {str(feed): feed.stat().st_size}


def test_a_grown_utf16_jsonl_is_read_whole(tmp_path: Path, con) -> None:
    """Its byte-order mark is in its first bytes only: what follows cannot be decoded alone."""
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(codecs.BOM_UTF16_LE + (json.dumps(LINES[0]) + "\n").encode("utf-16-le"))
    _run(con, feed, "r1")
    with feed.open("ab") as handle:
        handle.write((json.dumps(LINES[1]) + "\n").encode("utf-16-le"))
    assert _ids(_run(con, feed, "r2")) == ["n1", "n2"]


def test_a_jsonl_grown_by_blank_lines_only_holds_nothing_new(tmp_path: Path, con) -> None:
    feed = tmp_path / "feed.jsonl"
    _write_lines(feed, LINES[:1])
    _run(con, feed, "r1")
    _write_lines(feed, ["", "  "], mode="a")
    result = _run(con, feed, "r2")
    assert (result.articles, result.rejections, len(result.inputs)) == ((), (), 1)


def test_a_line_left_without_a_break_is_numbered_on(tmp_path: Path, con) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(LINES[0]) + "\n" + json.dumps(LINES[1]), encoding="utf-8")
    _run(con, feed, "r1")
    _write_lines(feed, ["", LINES[2]], mode="a")
    result = _run(con, feed, "r2")
    assert [a.input_path for a in result.articles] == [f"{feed}:3"]


def test_an_empty_jsonl_that_gains_lines_is_read_from_its_start(tmp_path: Path, con) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"")
    first = _run(con, feed, "r1")
    assert [r.reason for r in first.rejections] == ["the file holds no records"]
    _write_lines(feed, LINES[:1])
    assert [a.input_path for a in _run(con, feed, "r2").articles] == [f"{feed}:1"]


def test_a_full_read_ignores_what_was_read_before(tmp_path: Path, con) -> None:
    feed = tmp_path / "feed.jsonl"
    _write_lines(feed, LINES[:2])
    _run(con, feed, "r1")
    _write_lines(feed, LINES[2:3], mode="a")
    assert _ids(ingest(feed)) == ["n1", "n2", "n3"]


def test_a_warehouse_made_before_inputs_kept_bytes_read_gains_the_column(tmp_path: Path) -> None:
    db = tmp_path / "older.duckdb"
    schema = next(p for p in sql_layer(warehouse.SCHEMA_LAYER) if p.name == "18_inputs.sql").read_text(encoding="utf-8")
    with duckdb.connect(str(db)) as older:
        older.execute(schema)
        older.execute("insert into inputs values ('/in/feed.jsonl', 'h', 'r0', now())")
    con = warehouse.connect(db)
    try:
        assert "bytes_read" in [row[0] for row in con.execute("describe inputs").fetchall()]
        assert (warehouse.loaded_inputs(con), warehouse.bytes_read(con)) == ({"/in/feed.jsonl": "h"}, {})
    finally:
        con.close()


def test_a_run_reads_the_appended_lines_and_keeps_the_rows_it_did_not_read(prefect_server, tmp_path: Path) -> None:
    from newswire.flow import RunFailed, news_etl

    feed = tmp_path / "landing" / "feed.jsonl"
    feed.parent.mkdir()
    _write_lines(feed, [{**r, "published_at": "2024-06-03"} for r in LINES[:2]])
    db = tmp_path / "w.duckdb"
    first = news_etl(source=feed.parent, db=db)
    with duckdb.connect(str(db), read_only=True) as read:
        stamped = read.execute("select external_id, run_id, loaded_at from articles order by 1").fetchall()
        state = read.execute("select content_hash, bytes_read, run_id from inputs").fetchall()
    _write_lines(feed, ["{broken"], mode="a")
    with pytest.raises(RunFailed):
        news_etl(source=feed.parent, db=db)  # nothing of the appended line loads: the run fails
    with duckdb.connect(str(db), read_only=True) as read:
        assert read.execute("select content_hash, bytes_read, run_id from inputs").fetchall() == state
    _write_lines(feed, [{**LINES[2], "published_at": "2024-06-04"}], mode="a")
    second = news_etl(source=feed.parent, db=db)
    with duckdb.connect(str(db), read_only=True) as read:
        runs = read.execute(
            "select run_id, inputs_unchanged, articles_read, articles_rejected from runs "
            "inner join dq_runs using (run_id) where status = 'published' order by started_at"
        ).fetchall()
        articles = read.execute("select external_id, run_id, loaded_at from articles order by 1").fetchall()
        rejected = read.execute("select input_path from rejected_inputs where run_id = ?", [second.run_id]).fetchall()
    assert runs == [(first.run_id, 0, 2, 0), (second.run_id, 0, 1, 1)]
    assert articles[:2] == stamped
    assert [(a[0], a[1]) for a in articles[2:]] == [("n3", second.run_id)]
    assert rejected == [(f"{feed}:3",)]
