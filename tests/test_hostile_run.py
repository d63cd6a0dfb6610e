"""End to end: `newswire run` over the samples among every hostile input.

The run exits 0, the sample articles load exactly as a run over them alone loads them, and every
hostile file or record is in `rejected_inputs` (or `input_notes`) with its reason, its line or
record number and the run's id; a second run over the same folder exits 0 and changes nothing.
Names that are not UTF-8 or hold control characters are recorded escaped, nothing the runs
print can drive a terminal, and CSV answers neutralise a title that would run as a formula.
Real runs, each with its temporary Prefect server: one over the samples alone and one over the
hostile folder, started together, then the second run over the hostile folder.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from cli_runs import newswire, run_id
from hostile_inputs import (
    CP1252_TEXT,
    EXECUTED,
    FORMULA,
    FORMULA_TEXT,
    LOADED,
    LONG_CHARS,
    MANY_FILES,
    MANY_STORIES,
    MARKUP_NAMES,
    MARKUP_TITLE,
    NOTED,
    REJECTED,
    UTF16_TEXT,
    UTF32_TEXT,
    build_hostile,
)
from paths import SEED_ARTICLES
from warehouse_checks import assert_same_rows, assert_star_integrity, published_rows

from newswire.ingest.clean import path_text

_OF_SAMPLES = "list_contains($ids, article_id)"
_SAMPLE_EVENTS = f"select event_id from events where {_OF_SAMPLES}"
# The rows of the sample articles in each published table, without what differs between runs
# (run ids, load times, the folder the inputs were read from).
SAMPLE_ROWS = {
    "articles": "select * exclude (loaded_at, run_id, input_path), regexp_extract(input_path, '[^/]*$') as file_name "
                f"from articles where {_OF_SAMPLES}",
    "actor_mentions": f"select * from actor_mentions where {_OF_SAMPLES}",
    "date_mentions": f"select * from date_mentions where {_OF_SAMPLES}",
    "figures": f"select * from figures where {_OF_SAMPLES}",
    "events": f"select * from events where {_OF_SAMPLES}",
    "event_actors": f"select * from event_actors where event_id in ({_SAMPLE_EVENTS})",
    "actors": "select * from actors where actor_id in ("
              f"select actor_id from actor_mentions where {_OF_SAMPLES} "
              f"union select actor_id from event_actors where event_id in ({_SAMPLE_EVENTS}) "
              f"union select actor_id from figures where {_OF_SAMPLES})",
    "dates": "select * from dates where date in ("
             f"select published_at from articles where {_OF_SAMPLES} "
             f"union select resolved_date from date_mentions where {_OF_SAMPLES} "
             f"union select event_date from events where {_OF_SAMPLES})",
    "inputs": "select regexp_extract(input_path, '[^/]*$') as file_name from inputs "
              f"where input_path in (select input_path from articles where {_OF_SAMPLES})",
}
SAMPLE_FILES = sorted(p.name for p in SEED_ARTICLES.glob("*.txt"))
CHROMIUM = Path("/usr/bin/chromium")
# What a payload would be, were it live: an element of these, or an attribute that runs script.
_LIVE_TAGS = {"script", "img", "iframe", "object", "embed"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [f"{tag} {name}" for name, value in attrs if name.startswith("on")
                          or "javascript:" in (value or "")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _assert_no_live_payload(html: str) -> str:
    """The page's text, once sure that no payload in it is an element or a handler."""
    page = _Elements()
    page.feed(html)
    assert not _LIVE_TAGS & set(page.tags), _LIVE_TAGS & set(page.tags)
    assert page.handlers == []
    return " ".join(unescape(" ".join(page.text)).split())


@dataclass(frozen=True)
class Runs:
    root: Path
    folder: Path
    alone_db: Path
    hostile_db: Path
    alone: subprocess.CompletedProcess
    hostile: subprocess.CompletedProcess
    published: dict[str, Counter]  # after the hostile run
    page: Path  # the dashboard after the hostile run (the second run rebuilds it)
    again: subprocess.CompletedProcess


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    root = tmp_path_factory.mktemp("hostile-run")
    folder = build_hostile(root).resolve()
    alone_db, hostile_db = root / "alone" / "newswire.duckdb", root / "hostile" / "newswire.duckdb"
    with ThreadPoolExecutor(2) as pool:
        alone, hostile = pool.map(
            lambda run: newswire("run", "--source", str(run[0]), "--db", str(run[1])),
            [(SEED_ARTICLES, alone_db), (folder, hostile_db)],
        )
    assert alone.returncode == 0, alone.stderr[-3000:]
    assert hostile.returncode == 0, hostile.stderr[-3000:]
    published = published_rows(hostile_db)
    page = root / "hostile-dashboard.html"
    shutil.copyfile(hostile_db.parent / "index.html", page)
    again = newswire("run", "--source", str(folder), "--db", str(hostile_db))
    return Runs(root, folder, alone_db, hostile_db, alone, hostile, published, page, again)


def _sample_rows(db: Path, ids: list[str]) -> dict[str, Counter]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: Counter(con.execute(query, {"ids": ids}).fetchall())
            for table, query in SAMPLE_ROWS.items()
        }


def _relative(folder: Path, path: str) -> str:
    return str(Path(path).relative_to(folder))


def _recorded(runs: Runs, table: str, run: str) -> dict[str, str]:
    """What `rejected_inputs` or `input_notes` says of each input (by relative path) in `run`."""
    column = "reason" if table == "rejected_inputs" else "note"
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        rows = con.execute(f"select input_path, {column} from {table} where run_id = ?", [run]).fetchall()
    recorded = {_relative(runs.folder, path): text for path, text in rows}
    assert len(recorded) == len(rows), f"{table}: an input recorded twice in one run"
    return recorded


def _assert_recorded(recorded: dict[str, str], expected: dict[str, str]) -> None:
    assert set(recorded) == set(expected)
    for path, text in recorded.items():
        assert re.fullmatch(expected[path], text), (path, text)


def test_the_run_exits_0_and_counts_what_it_read(runs: Runs) -> None:
    assert runs.hostile.returncode == 0, runs.hostile.stderr[-3000:]
    articles = len(SAMPLE_FILES) + len(LOADED) + MANY_STORIES
    duplicates = MANY_FILES - MANY_STORIES
    assert f"articles: {articles} read, {len(REJECTED)} rejected, {duplicates} duplicate" in runs.hostile.stdout
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        assert_star_integrity(con)
        assert con.execute(
            "select articles_read, articles_rejected, articles_duplicate from runs where run_id = ?",
            [run_id(runs.hostile.stdout)],
        ).fetchone() == (articles, len(REJECTED), duplicates)
        assert con.execute("select count(*) from articles").fetchone() == (articles,)


def test_the_samples_load_exactly_as_alone(runs: Runs) -> None:
    with duckdb.connect(str(runs.alone_db), read_only=True) as con:
        ids = [row[0] for row in con.execute("select article_id from articles").fetchall()]
    assert len(ids) == len(SAMPLE_FILES)
    alone = _sample_rows(runs.alone_db, ids)
    assert all(alone[table] for table in SAMPLE_ROWS), {table: len(rows) for table, rows in alone.items()}
    assert_same_rows(_sample_rows(runs.hostile_db, ids), alone)


def test_every_hostile_input_is_rejected_by_the_run_with_its_reason(runs: Runs) -> None:
    _assert_recorded(_recorded(runs, "rejected_inputs", run_id(runs.hostile.stdout)), REJECTED)
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        recorded_by = {run for (run,) in con.execute("select distinct run_id from rejected_inputs").fetchall()}
    assert recorded_by == {run_id(runs.hostile.stdout), run_id(runs.again.stdout)}


def test_decoded_and_linked_inputs_are_noted_by_the_run(runs: Runs) -> None:
    _assert_recorded(_recorded(runs, "input_notes", run_id(runs.hostile.stdout)), NOTED)
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        bodies = dict(con.execute("select regexp_extract(input_path, '[^/]*$'), body from articles").fetchall())
    assert (bodies["cp1252.txt"], bodies["utf16.txt"], bodies["utf32.txt"]) == (CP1252_TEXT, UTF16_TEXT, UTF32_TEXT)
    assert len(bodies["long.txt"]) == LONG_CHARS


def test_names_are_stored_escaped_and_nothing_printed_drives_a_terminal(runs: Runs) -> None:
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        names = dict(con.execute("select external_id, input_path from articles").fetchall())
    assert names["\\xff\\xfe"] == f"{runs.folder}/\\xff\\xfe.txt"
    assert names["\\x1b]0;owned\\x07"] == f"{runs.folder}/\\x1b]0;owned\\x07.txt"
    assert "\\x1b[2J.txt: the article has no text" in runs.hostile.stderr
    for run in (runs.hostile, runs.again):
        for shown in (run.stdout, run.stderr):
            assert not any(c in shown for c in "\x1b\x07\x9b\u202e"), [line for line in shown.splitlines() if "\\x1b" in line]


def test_no_payload_is_live_on_the_dashboard(runs: Runs) -> None:
    page = runs.page
    texts = [_assert_no_live_payload(page.read_text(encoding="utf-8"))]
    if CHROMIUM.exists():
        dom = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", f"--user-data-dir={runs.root / 'chromium'}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert dom.returncode == 0, dom.stderr[-2000:]
        texts.append(_assert_no_live_payload(dom.stdout))
    for text in texts:
        for name in MARKUP_NAMES:
            assert f"{runs.folder}/{name}" in text
        assert "\\x1b[2J.txt" in text and "\x1b" not in text
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        assert con.execute("select title from articles where external_id = '<b>r16</b>'").fetchall() == [(MARKUP_TITLE,)]


def test_a_title_that_is_a_formula_is_kept_and_neutralised_in_csv(runs: Runs) -> None:
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        assert con.execute("select title from articles where external_id = 'r15'").fetchall() == [(FORMULA,)]
    answer = newswire("query", "article_facts", "--param", "article=r15", "--format", "csv", "--db", str(runs.hostile_db))
    assert answer.returncode == 0, answer.stderr
    cells = [cell for row in csv.reader(io.StringIO(answer.stdout)) for cell in row]
    assert f"'{FORMULA_TEXT}" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_second_run_names_the_links_again_and_changes_nothing(runs: Runs) -> None:
    assert runs.again.returncode == 0, runs.again.stderr[-3000:]
    assert "\nrows loaded: none\n" in runs.again.stdout
    again = run_id(runs.again.stdout)
    links = {path: reason for path, reason in REJECTED.items() if reason.startswith("symbolic")}
    _assert_recorded(_recorded(runs, "rejected_inputs", again), links)
    _assert_recorded(_recorded(runs, "input_notes", again), {"alias.txt": NOTED["alias.txt"]})
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        record = con.execute(
            "select articles_read, articles_rejected, inputs_unchanged from runs where run_id = ?", [again]
        ).fetchone()
        inputs = con.execute("select count(*) from inputs").fetchone()[0]
    assert record == (0, len(links), inputs)
    assert_same_rows(published_rows(runs.hostile_db), runs.published)


def test_every_file_is_recorded_as_read_and_nothing_in_an_input_is_run_or_followed(runs: Runs) -> None:
    files = set()
    for folder, _, names in os.walk(runs.folder):
        files |= {
            _relative(runs.folder, path_text(os.path.join(folder, name)))
            for name in names
            if name != "manifest.csv" and not os.path.islink(os.path.join(folder, name))
        }
    assert len(files) > MANY_FILES
    with duckdb.connect(str(runs.hostile_db), read_only=True) as con:
        inputs = {_relative(runs.folder, path) for (path,) in con.execute("select input_path from inputs").fetchall()}
        paths = [path for (path,) in con.execute("select input_path from articles").fetchall()]
    assert inputs == files
    assert all(path.startswith(f"{runs.folder}/") for path in paths)
    assert not (runs.root / EXECUTED).exists()
