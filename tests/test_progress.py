"""How far a run is: the arithmetic, the count of articles to read, and what a person sees of a
real run, on a terminal (a forced rich terminal) and in a pipe (the command's own process)."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from cli_runs import newswire
from paths import SEED_ARTICLES
from rich.console import Console

from newswire.progress import Bar, Lines, RunProgress, Snapshot, duration, expected_articles, listener_for, listening

STAGES_IN_ORDER = ["ingest", "extract", "load", "validate", "publish", "dashboard"]


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Heard:
    """A listener that keeps what it is told."""

    def __init__(self) -> None:
        self.events: list[tuple] = []

    def started(self, now: Snapshot) -> None:
        self.events.append(("started", now))

    def advanced(self, now: Snapshot) -> None:
        self.events.append(("advanced", now))

    def stage_done(self, stage: str, now: Snapshot) -> None:
        self.events.append((stage, now))

    def close(self) -> None:
        self.events.append(("closed",))


@pytest.mark.parametrize(
    ("snapshot", "rate", "left"),
    [
        (Snapshot(done=0, total=100, batches=0, elapsed=0.0), None, None),  # nothing done: no rate yet
        (Snapshot(done=0, total=100, batches=0, elapsed=5.0), None, None),
        (Snapshot(done=50, total=200, batches=1, elapsed=10.0), 5.0, 30.0),  # 150 left at 5/s
        (Snapshot(done=200, total=200, batches=4, elapsed=40.0), 5.0, 0.0),
        (Snapshot(done=30, total=None, batches=1, elapsed=10.0), 3.0, None),  # no total, no time left
    ],
)
def test_rate_and_time_left(snapshot, rate, left):
    assert snapshot.rate == rate
    assert snapshot.seconds_left == left


@pytest.mark.parametrize(
    ("snapshot", "words"),
    [
        (Snapshot(0, 5000, 0, 3.0), "0 of 5000 articles"),
        (Snapshot(1500, 5000, 3, 60.0), "1500 of 5000 articles, 25.0 articles/s, 2 min 20 s left"),
        (Snapshot(5000, 5000, 10, 200.0), "5000 of 5000 articles, 25.0 articles/s"),
        (Snapshot(1500, None, 3, 60.0), "1500 articles, 25.0 articles/s"),
    ],
)
def test_a_snapshot_in_words(snapshot, words):
    assert snapshot.describe() == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.4, "0 s"), (42.0, "42 s"), (59.6, "1 min 0 s"), (185.0, "3 min 5 s"), (7500.0, "2 h 5 min")],
)
def test_durations_in_words(seconds, words):
    assert duration(seconds) == words


def test_a_run_counts_its_batches_and_tells_each_stage_once():
    clock, heard = Clock(), Heard()
    run = RunProgress(1000, heard, clock)
    clock.now += 20
    first = run.advance(500)
    assert (first.done, first.total, first.batches, first.elapsed, first.rate, first.seconds_left) == (
        500, 1000, 1, 20.0, 25.0, 20.0,
    )
    run.finish("load")
    run.finish("load")
    assert [event[0] for event in heard.events] == ["started", "advanced", "load"]


def test_a_total_below_what_is_done_grows_to_it():
    run = RunProgress(3, clock=Clock())
    assert run.advance(2).total == 3
    assert run.advance(2).total == 4  # an input changed since it was loaded: more than counted


def test_once_the_last_batch_is_read_the_total_is_what_was_read():
    clock, heard = Clock(), Heard()
    run = RunProgress(None, heard, clock)
    reading = run.reading(iter([("a", "b", "c"), ("d", "e")]))
    assert next(reading) == ("a", "b", "c")
    assert run.now().total is None
    assert next(reading) == ("d", "e")
    assert next(reading, None) is None
    assert run.now().total == 5
    assert heard.events[-1] == ("ingest", Snapshot(0, 5, 0, 0.0))


def test_a_stage_through_items_is_done_when_they_are():
    heard = Heard()
    run = RunProgress(2, heard, Clock())
    items = run.through("extract", iter([1, 2]))
    assert list(items) == [1, 2]
    assert [event[0] for event in heard.events] == ["started", "extract"]


def test_a_run_with_no_listener_only_counts():
    run = RunProgress(10, clock=Clock())
    assert run.advance(4).done == 4
    run.finish("publish")  # nobody to tell: nothing raises


def test_listening_installs_a_listener_for_the_block_and_closes_it():
    from newswire.progress import watch

    heard = Heard()
    with listening(heard):
        watch(7).advance(7)
    watch(1).advance(1)  # after the block nobody hears it
    assert [event[0] for event in heard.events] == ["started", "advanced", "closed"]
    assert heard.events[1][1].done == 7


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_articles_to_read_are_counted_before_reading(tmp_path):
    _write(tmp_path / "a.txt", "One.")
    _write(tmp_path / "b.txt", "Two.")
    _write(tmp_path / "manifest.csv", "file,published_at,source,title,url\na.txt,2024-03-01,,,\n")
    _write(tmp_path / ".hidden.txt", "Not an input.")
    _write(tmp_path / "more" / "c.txt", "Three.")
    _write(tmp_path / "more" / "page.html", "<html><body><p>Four.</p></body></html>")
    records = [json.dumps({"id": str(n), "text": f"Record {n}."}) for n in range(3)]
    _write(tmp_path / "wire.jsonl", records[0] + "\n\n" + "\n".join(records[1:]) + "\n")  # a blank line
    assert expected_articles(tmp_path) == 7
    assert expected_articles(tmp_path / "wire.jsonl") == 3


def test_inputs_loaded_before_are_not_counted_but_lines_appended_are(tmp_path):
    for name in ("a.txt", "b.txt"):
        _write(tmp_path / name, name)
    first = json.dumps({"id": "1", "text": "First."}) + "\n"
    _write(tmp_path / "wire.jsonl", first + json.dumps({"id": "2", "text": "Second."}) + "\n")
    loaded = {str(tmp_path / "a.txt"): "hash", str(tmp_path / "wire.jsonl"): "hash"}
    bytes_read = {str(tmp_path / "wire.jsonl"): len(first.encode())}
    assert expected_articles(tmp_path, loaded, bytes_read) == 2  # b.txt and the appended line


def test_inputs_that_cannot_be_counted_cheaply_leave_the_total_unknown(tmp_path):
    _write(tmp_path / "a.txt", "One.")
    _write(tmp_path / "batch.json", json.dumps([{"id": "1", "text": "One."}, {"id": "2", "text": "Two."}]))
    assert expected_articles(tmp_path) is None
    assert expected_articles("https://example.org/feed.xml") is None


def test_plain_lines_say_how_far_the_run_is():
    clock, stream = Clock(), StringIO()
    run = RunProgress(1000, Lines(stream), clock)
    clock.now += 20
    run.advance(500)
    run.finish("ingest")
    clock.now += 20
    run.advance(500)
    run.finish("extract")
    assert stream.getvalue().splitlines() == [
        "run started: 1000 articles to read",
        "batch 1: 500 of 1000 articles, 25.0 articles/s, 20 s left",
        "ingest done after 20 s",
        "batch 2: 1000 of 1000 articles, 25.0 articles/s",
        "extract done after 40 s",
    ]


def test_a_bar_only_on_an_interactive_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = Console(file=StringIO(), force_terminal=True, force_interactive=True)
    assert isinstance(listener_for(terminal), Bar)
    assert isinstance(listener_for(Console(file=StringIO())), Lines)
    monkeypatch.setenv("CI", "true")
    assert isinstance(listener_for(terminal), Lines)


def test_lines_written_under_a_bar_print_above_it():
    out = StringIO()
    bar = Bar(Console(file=out, force_terminal=True, force_interactive=True, width=100))
    run = RunProgress(10, bar, Clock())
    above = bar.above()
    above.write("\x1b[33mWARNING\x1b[0m | half a ")
    assert "half a" not in out.getvalue()  # a line prints once it ends
    above.write("line\n")
    run.advance(10)
    bar.close()
    shown = out.getvalue()
    warning = shown.index("WARNING")
    assert "\x1b[33mWARNING" in shown and "half a line" in shown
    # the bar was drawn before the warning, its line cleared for it, and drawn again after it
    assert "run " in shown[:warning] and shown[:warning].endswith("\x1b[2K\x1b[33m")
    assert "10 of 10 articles" in shown[warning:]


def test_a_real_run_of_the_samples_on_a_terminal(prefect_server, tmp_path, monkeypatch):
    from newswire.flow import news_etl

    monkeypatch.delenv("CI", raising=False)  # a terminal in CI gets plain lines
    out = StringIO()
    console = Console(file=out, force_terminal=True, force_interactive=True, width=120)
    with listening(listener_for(console)):
        result = news_etl(source=SEED_ARTICLES, db=tmp_path / "newswire.duckdb")
    shown = out.getvalue()
    assert result.articles_read == 5
    assert "\x1b[" in shown  # drawn for a terminal
    assert "5 of 5 articles" in shown and " articles/s" in shown
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    stages = re.findall(r"^(\w+) done after \d+ (?:s|min)", plain.replace("\r", "\n"), re.MULTILINE)
    assert stages == STAGES_IN_ORDER


def test_a_run_from_the_command_not_on_a_terminal_prints_a_line_per_batch(tmp_path):
    result = newswire("run", "--source", str(SEED_ARTICLES), "--db", str(tmp_path / "newswire.duckdb"))
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert "run started: 5 articles to read" in lines
    assert any(re.fullmatch(r"batch 1: 5 of 5 articles, \d+\.\d articles/s", line) for line in lines), lines
    assert [line.split()[0] for line in lines if " done after " in line] == STAGES_IN_ORDER
    assert not any("| INFO" in line for line in lines), lines  # Prefect's info lines are in its log
    assert result.stdout.splitlines()[1] == "articles: 5 read, 0 rejected, 0 duplicate; 0 inputs unchanged"


def test_verbose_shows_prefect_s_log_lines_instead(tmp_path):
    result = newswire("run", "--source", str(SEED_ARTICLES), "--db", str(tmp_path / "newswire.duckdb"), "--verbose")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "run started:" not in result.stderr and " done after " not in result.stderr
    logged = [line for line in result.stderr.splitlines() if "| INFO" in line and "batch 1: " in line]
    assert len(logged) == 1 and "; 5 of 5 articles, " in logged[0], result.stderr[-2000:]


def _on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """The command with its stderr on a pseudo-terminal: its status, stdout and what the terminal got."""
    import os
    import pty
    import select
    import subprocess

    from cli_runs import ENV, command

    env = {k: v for k, v in ENV.items() if k not in ("CI", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        command(*args), stdout=subprocess.PIPE, stderr=secondary, env={**env, "TERM": "xterm", "COLUMNS": "120"}
    )
    os.close(secondary)
    received = bytearray()
    while True:
        ready, _, _ = select.select([main], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal's other end closed
                chunk = b""
            if not chunk:
                break
            received += chunk
        elif process.poll() is not None:
            break
    stdout = process.communicate(timeout=900)[0]
    os.close(main)
    return process.returncode, stdout.decode(), received.decode("utf-8", "replace")


def test_a_run_from_the_command_on_a_terminal_shows_a_bar_with_warnings_above_it(tmp_path):
    status, stdout, shown = _on_a_terminal(["run", "--source", str(SEED_ARTICLES), "--db", str(tmp_path / "w.duckdb")])
    assert status == 0, shown[-2000:]
    assert "5 of 5 articles" in shown and "━" in shown
    # the sample's one warning (an event dated after its article) is printed by the bar's console:
    # the bar's line is cleared for it first (not written on after the bar), and drawn again after it
    warning = re.search(r"\r\x1b\[2K\d\d:\d\d:\d\d\.\d+ \| \S*WARNING\S* \|[^\n]* warning expectation failed", shown)
    assert warning is not None, repr(shown[-3000:])
    assert "5 of 5 articles" in shown[warning.end() :]
    assert "| INFO" not in shown
    assert stdout.splitlines()[1] == "articles: 5 read, 0 rejected, 0 duplicate; 0 inputs unchanged"
