"""The data-quality dashboard: what it reads from a real DuckDB file, what the page says, and
what a real headless Chromium shows of it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from datetime import datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from newswire.ingest.clean import path_text
from newswire.quality.dashboard import render, write_site
from newswire.quality.dashboard_data import DashboardData, collect

CHROMIUM = Path("/usr/bin/chromium")

SCHEMA = """
create table runs (run_id varchar primary key, flow_run_id varchar, started_at timestamp, finished_at timestamp,
    source varchar, articles_read integer, articles_rejected integer, articles_duplicate integer, row_counts json);
create table dq_runs (run_id varchar primary key, validated_at timestamp, expectations integer, failed integer,
    critical_failures integer, warnings integer, success boolean, status varchar, quarantined_rows integer,
    flagged_rows integer);
create table dq_results (run_id varchar, suite varchar, expectation varchar, column_name varchar, severity varchar,
    success boolean, element_count integer, unexpected_count integer, unexpected_sample json, description varchar);
create table quarantine (run_id varchar, table_name varchar, expectation varchar, column_name varchar,
    severity varchar, description varchar, article_id varchar, row_key varchar, row_json json, flagged_at timestamp);
create table dq_findings as select * from quarantine;
create table articles (article_id varchar primary key, external_id varchar, title varchar, source_name varchar,
    published_at date);
create table rejected_inputs (run_id varchar, input_path varchar, reason varchar, rejected_at timestamp);
"""

ROW_COUNTS_1 = {"articles": 5, "actors": 33, "events": 79, "dates": 506}
ROW_COUNTS_2 = {"articles": 6, "actors": 35, "events": 84, "dates": 512}


def warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(SCHEMA)
    con.execute(
        "insert into articles values ('a1', '0001-gallant', 'Gallant meets Austin at the Pentagon', 'AP', "
        "'2024-03-27'), ('a2', '0002-rafah', 'Aid trucks wait at Rafah', 'Reuters', '2024-03-28')"
    )
    return con


def add_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    started: datetime,
    status: str,
    row_counts: dict[str, int],
    critical: int = 0,
    warnings: int = 0,
    quarantined: int = 0,
    flagged: int = 0,
    rejected: int = 0,
) -> None:
    con.execute(
        "insert into runs values (?, 'flow-' || ?, ?, ?, 'seeds/articles', ?, ?, 0, ?)",
        [run_id, run_id, started, started.replace(second=5), row_counts.get("articles", 0) + rejected,
         rejected, json.dumps(row_counts)],
    )
    con.execute(
        "insert into dq_runs values (?, ?, 74, ?, ?, ?, ?, ?, ?, ?)",
        [run_id, started.replace(second=4), critical + warnings, critical, warnings, critical == 0, status,
         quarantined, flagged],
    )


def add_result(
    con: duckdb.DuckDBPyConnection, run_id: str, suite: str, expectation: str, column: str, severity: str,
    unexpected: int = 0, sample: list | None = None, description: str = "",
) -> None:
    con.execute(
        "insert into dq_results values (?, ?, ?, ?, ?, ?, 100, ?, ?, ?)",
        [run_id, suite, expectation, column, severity, unexpected == 0, unexpected, json.dumps(sample or []),
         description],
    )


def flag(
    con: duckdb.DuckDBPyConnection, table: str, run_id: str, row_table: str, expectation: str, column: str,
    severity: str, description: str, article_id: str | None, row_key: str, row: dict,
) -> None:
    con.execute(
        f"insert into {table} values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
        [run_id, row_table, expectation, column, severity, description, article_id, row_key, json.dumps(row)],
    )


@pytest.fixture
def two_runs(tmp_path: Path) -> Path:
    """A warehouse whose second (latest) run published with one quarantined row and one finding."""
    db = tmp_path / "newswire.duckdb"
    con = warehouse(db)
    add_run(con, "run-1", datetime(2024, 3, 27, 9, 0), "published", ROW_COUNTS_1)
    add_result(con, "run-1", "events", "expect_column_values_to_not_be_null", "event_id", "critical")
    add_run(con, "run-2", datetime(2024, 3, 28, 9, 0), "published", ROW_COUNTS_2,
            critical=1, warnings=1, quarantined=1, flagged=1, rejected=1)
    add_result(con, "run-2", "events", "expect_column_values_to_not_be_null", "event_id", "critical")
    add_result(con, "run-2", "events", "expect_column_values_to_be_between", "days_after_publication", "warning",
               unexpected=1, sample=[6], description="An event is not dated after its article's publication date.")
    add_result(con, "run-2", "actor_mentions", "expect_column_values_to_be_in_set", "offset_gives_text", "critical",
               unexpected=1, sample=[False], description="Its offsets select its text from the article body.")
    flag(con, "dq_findings", "run-2", "events", "expect_column_values_to_be_between", "days_after_publication",
         "warning", "An event is not dated after its article's publication date.", "a2", "ev-42",
         {"event_id": "ev-42", "article_id": "a2", "event_type": "AID", "trigger_text": "delivered",
          "event_date": "2024-04-03", "days_after_publication": 6})
    flag(con, "quarantine", "run-2", "actor_mentions", "expect_column_values_to_be_in_set", "offset_gives_text",
         "critical", "Its offsets select its text from the article body.", "a1", "a1:10:16",
         {"article_id": "a1", "start_char": 10, "end_char": 16, "mention_text": "Austin", "offset_gives_text": False})
    con.execute("insert into rejected_inputs values ('run-2', 'inbox/broken.json', 'invalid JSON at line 3', now())")
    con.close()
    return db


def page_of(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return render(collect(con))


def text_of(html: str) -> str:
    """The page's visible text, tags removed and whitespace collapsed."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))))


def test_zero_runs_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    warehouse(db).close()
    with duckdb.connect(str(db), read_only=True) as con:
        data = collect(con)
    assert data.runs == () and data.latest is None
    html = render(data)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "No runs yet" in text_of(html)
    assert "<svg" not in html


def test_latest_run_status_and_counts(two_runs: Path) -> None:
    with duckdb.connect(str(two_runs), read_only=True) as con:
        data = collect(con)
    assert [run.run_id for run in data.runs] == ["run-1", "run-2"]
    latest = data.latest
    assert latest is not None and latest.published
    assert (latest.articles_read, latest.articles_rejected, latest.critical_failures, latest.warnings) == (7, 1, 1, 1)
    assert dict(latest.row_counts) == ROW_COUNTS_2
    text = text_of(render(data))
    assert "Latest run Published" in text
    assert "run run-2" in text
    assert "7 articles read" in text and "1 articles rejected" in text
    assert "1 quarantined rows" in text and "1 findings (loaded)" in text
    assert "72/74 expectations passed" in text


def test_failed_run_shows_failed_with_its_reason(tmp_path: Path) -> None:
    db = tmp_path / "failed.duckdb"
    con = warehouse(db)
    add_run(con, "run-ok", datetime(2024, 3, 27, 9, 0), "published", ROW_COUNTS_1)
    add_run(con, "run-bad", datetime(2024, 3, 28, 9, 0),
            "failed: critical expectation failed for a whole table (run: A run with input loads at least one article)",
            {"articles": 0, "events": 0}, critical=1)
    add_result(con, "run-bad", "run", "expect_column_values_to_be_in_set", "loads_rows", "critical", unexpected=1,
               sample=[False], description="A run with input loads at least one article.")
    con.close()
    html = page_of(db)
    text = text_of(html)
    assert "Latest run Failed critical expectation failed for a whole table" in text
    assert "run run-bad" in text
    assert "1 critical failures" in text
    assert 'class="kpi bad"' in html
    assert '<details class="suite" open><summary>run <span class="badge critical">1 critical</span>' in html


def test_quarantined_row_and_finding_appear_with_their_article(two_runs: Path) -> None:
    with duckdb.connect(str(two_runs), read_only=True) as con:
        data = collect(con)
    (finding,) = data.findings
    assert (finding.external_id, finding.title, finding.published_at) == ("0002-rafah", "Aid trucks wait at Rafah",
                                                                          "2024-03-28")
    assert finding.checked_value == "6"
    (quarantined,) = data.quarantined
    assert quarantined.external_id == "0001-gallant" and quarantined.row_key == "a1:10:16"
    text = text_of(render(data))
    assert ("warning An event is not dated after its article's publication date. article 0002-rafah · "
            "Aid trucks wait at Rafah · published 2024-03-28") in text
    assert "column days_after_publication = 6" in text and "event_date 2024-04-03" in text
    assert ("critical Its offsets select its text from the article body. article 0001-gallant "
            "· Gallant meets Austin at the Pentagon") in text
    assert "key a1:10:16" in text and "mention_text Austin" in text


def test_quarantined_article_is_named_from_its_row(tmp_path: Path) -> None:
    db = tmp_path / "q.duckdb"
    con = warehouse(db)
    add_run(con, "run-1", datetime(2024, 3, 27, 9, 0), "published", ROW_COUNTS_1, critical=1, quarantined=1)
    flag(con, "quarantine", "run-1", "articles", "expect_column_values_to_not_be_null", "published_at", "critical",
         "published_at is required.", "a9", "a9", {"article_id": "a9", "external_id": "0009-late", "title": "Late news",
                                                   "published_at": None})
    con.close()
    text = text_of(page_of(db))
    assert "critical published_at is required. article 0009-late · Late news" in text
    assert "column published_at = null" in text


def test_suites_list_every_expectation_of_the_latest_run(two_runs: Path) -> None:
    html = page_of(two_runs)
    suites = re.findall(r'<details class="suite"( open)?><summary>(\w+)', html)
    assert suites == [(" open", "actor_mentions"), (" open", "events")]
    events = html[html.index("<summary>events"):]
    rows = re.findall(r"<tr class=\"(fail|)\">(.*?)</tr>", events[: events.index("</details>")])
    assert [(kind, "warning" in row, "days_after_publication" in row) for kind, row in rows] == [
        ("fail", True, True), ("", False, False)
    ]
    assert "1 / 100" in rows[0][1] and '<span class="chip" title="6">6</span>' in rows[0][1]
    assert "run-1" not in text_of(html[html.index('id="suites"'):html.index('id="trends"')])


def test_trends_chart_every_run_and_table(two_runs: Path) -> None:
    html = page_of(two_runs)
    trends = html[html.index('id="trends"'):html.index('id="rejected"')]
    charts = re.findall(r'<svg [^>]*aria-label="([^"]+)"', trends)
    assert charts == ["Failed expectations per run", "rows of articles per run", "rows of actors per run",
                      "rows of events per run", "rows of dates per run"]
    assert "<title>run run-2 · 2024-03-28 09:00:00: critical 1, warning 1</title>" in trends
    assert "<title>run run-1 · 2024-03-27 09:00:00: events 79</title>" in trends


def test_rejected_inputs_and_volumes(two_runs: Path) -> None:
    html = page_of(two_runs)
    text = text_of(html)
    assert "Rejected inputs of the latest run (1) input reason inbox/broken.json invalid JSON at line 3" in text
    volumes = text_of(html[html.index('id="volumes"'):])
    assert "articles actors events dates" in volumes
    assert "2024-03-28 09:00 run-2 published 7 1 1 1 6 35 84 512" in volumes
    assert "2024-03-27 09:00 run-1 published 5 0 0 0 5 33 79 506" in volumes


def test_text_from_the_data_is_escaped() -> None:
    data = DashboardData(runs=(), results=(), quarantined=(), findings=(), rejected=(),
                         data_docs_href='x"><script>alert(1)</script>')
    html = render(data)
    assert "<script>" not in html and "&lt;script&gt;" in html


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.references += [value or "" for name, value in attrs if name in {"src", "href", "xlink:href", "srcset"}]


def test_page_loads_nothing_from_the_network(two_runs: Path) -> None:
    (two_runs.parent / "data_docs").mkdir()
    (two_runs.parent / "data_docs" / "index.html").write_text("<html></html>", encoding="utf-8")
    with duckdb.connect(str(two_runs), read_only=True) as con:
        html = write_site(con, two_runs.parent).read_text(encoding="utf-8")
    parser = _References()
    parser.feed(html)
    assert "data_docs/index.html" in parser.references
    assert all(ref.startswith("#") or ref == "data_docs/index.html" for ref in parser.references), parser.references
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parser.tags)
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "url(" not in html


def newswire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newswire.cli", *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_dq_command_writes_the_site_next_to_the_database(two_runs: Path) -> None:
    result = newswire("dq", "--db", str(two_runs))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(two_runs.parent / "index.html")
    assert "run-2" in (two_runs.parent / "index.html").read_text(encoding="utf-8")
    missing = newswire("dq", "--db", str(two_runs.parent / "nowhere.duckdb"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def _start_server(db: Path) -> subprocess.Popen:
    """`newswire dq --serve` as started at a terminal. A runner started in the background
    ignores SIGINT, and a child inherits an ignored signal; a handled one starts at its default."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "newswire.cli", "dq", "--db", str(db), "--serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_dq_serve_serves_the_site_on_loopback_until_stopped(two_runs: Path, stop: signal.Signals) -> None:
    server = _start_server(two_runs)
    try:
        assert server.stdout is not None
        assert server.stdout.readline().strip() == str(two_runs.parent / "index.html")
        address = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline())
        assert address, "no serving line"
        with urllib.request.urlopen(address.group(0), timeout=10) as response:
            assert "newswire · data quality" in response.read().decode("utf-8")
        server.send_signal(stop)
        stdout, stderr = server.communicate(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert (server.returncode, stdout.strip()) == (0, "stopped"), stderr


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/setup does)"
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_chromium_renders_the_dashboard(two_runs: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(two_runs), read_only=True) as con:
        page = write_site(con, two_runs.parent)
    result = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    text = text_of(dom)
    assert "Latest run Published" in text
    assert "article 0002-rafah" in text and "An event is not dated after its article's publication date." in text
    assert re.search(r'<svg [^>]*aria-label="Failed expectations per run"', dom)
    assert dom.count("<rect") > 4
    shot = tmp_path / "dq.png"
    result = chromium("--screenshot=" + str(shot), "--window-size=1280,1600", page.as_uri(),
                      profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_hostile_names_and_titles_show_as_text_in_chromium(tmp_path: Path) -> None:
    db = tmp_path / "newswire.duckdb"
    con = warehouse(db)
    con.execute("update articles set title = ? where article_id = 'a2'",
                ["<script>alert(1)</script>\x1b]0;owned\x07<b onmouseover=alert(2)>Rafah</b>"])
    add_run(con, "run-1", datetime(2024, 3, 28, 9, 0), "published", ROW_COUNTS_1, warnings=1, flagged=1, rejected=3)
    flag(con, "dq_findings", "run-1", "events", "expect_column_values_to_be_between", "days_after_publication",
         "warning", "An event is not dated after its article's publication date.", "a2", "ev-1",
         {"event_id": "ev-1", "article_id": "a2", "trigger_text": "<img src=x onerror=alert(3)>"})
    names = [path_text(os.fsdecode(b"/in/\xff\xfe.txt")), path_text("/in/\x1b[2J.txt"), "/in/<svg onload=alert(4)>.txt"]
    for name in names:
        con.execute("insert into rejected_inputs values ('run-1', ?, 'the article has no text', now())", [name])
    con.close()
    with duckdb.connect(str(db), read_only=True) as connection:
        page = write_site(connection, tmp_path)
    result = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    for html in (page.read_text(encoding="utf-8"), result.stdout):
        tags = re.findall(r"<([a-z]+)[^>]*>", html)
        assert not {"script", "img", "iframe"} & set(tags)
        assert not re.search(r"<[^>]+\son[a-z]+=", html)
        assert "\x1b" not in html and "\x07" not in html
        text = text_of(html)
        assert "/in/\\xff\\xfe.txt" in text and "/in/\\x1b[2J.txt" in text and "/in/<svg onload=alert(4)>.txt" in text
        assert "<script>alert(1)</script>\\x1b]0;owned\\x07<b onmouseover=alert(2)>Rafah</b>" in text
