"""One writer per warehouse: concurrent `newswire run`s, `exclusive(wait=...)`, and `newswire sql` read-only or --write."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest
from cli_runs import newswire, run_id
from other_run import held_by_another_run
from paths import DEV_DATA, SEED_ARTICLES
from warehouse_checks import assert_star_integrity

from newswire.evaluation.reuters import read_stories
from newswire.load.warehouse import WarehouseBusy, connect, exclusive

REUTERS = DEV_DATA / "reuters21578"
BUSY = re.compile(
    r"^newswire run: .*newswire\.duckdb is being loaded by another run \(pid \d+ since [0-9T:-]+\); try again when it ends$"
)


def _stories(tmp_path: Path) -> Path:
    """Eighty Reuters stories in one JSONL file: a run that takes a while to load."""
    source = tmp_path / "reuters.jsonl"
    source.write_text(
        "".join(json.dumps(story.record()) + "\n" for story in read_stories(REUTERS, limit=80)), encoding="utf-8"
    )
    return source


def _together(*args: str) -> list[tuple[subprocess.CompletedProcess, float]]:
    """The same `newswire` command twice, started at once: each one's result and when it ended."""

    def one(_: int) -> tuple[subprocess.CompletedProcess, float]:
        result = newswire(*args)
        return result, time.monotonic()

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(one, range(2)))


@pytest.mark.skipif(not REUTERS.is_dir(), reason=f"Reuters-21578 not found at {REUTERS}")
def test_two_runs_started_together_one_loads_and_the_other_exits_at_once(tmp_path):
    source = _stories(tmp_path)
    db = tmp_path / "warehouse" / "newswire.duckdb"
    runs = _together("run", "--source", str(source), "--db", str(db))

    codes = sorted(run.returncode for run, _ in runs)
    assert codes == [0, 1], [run.stderr[-2000:] for run, _ in runs]
    (winner, won), (loser, lost) = sorted(runs, key=lambda run: run[0].returncode)
    assert "rows loaded: articles " in winner.stdout, winner.stdout
    assert loser.stdout == ""
    # the warehouse is taken before Prefect starts: the loser says one line and nothing else
    assert BUSY.match(loser.stderr.rstrip("\n")), loser.stderr[-2000:]
    # "at once": the loser is gone well before the winner has finished loading
    assert won - lost > 5, (won, lost)

    with duckdb.connect(str(db), read_only=True) as con:
        assert_star_integrity(con)
        assert con.execute("select count(*) from runs").fetchone()[0] == 1
    again = newswire("run", "--source", str(source), "--db", str(db))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "nothing new: 1 input(s) unchanged" in again.stdout


@pytest.mark.skipif(not REUTERS.is_dir(), reason=f"Reuters-21578 not found at {REUTERS}")
def test_two_runs_told_to_wait_one_loads_and_the_other_then_finds_nothing_new(tmp_path):
    source = _stories(tmp_path)
    db = tmp_path / "warehouse" / "newswire.duckdb"
    runs = _together("run", "--source", str(source), "--db", str(db), "--wait", "600")

    assert [run.returncode for run, _ in runs] == [0, 0], [run.stderr[-2000:] for run, _ in runs]
    (loader,) = [run for run, _ in runs if "rows loaded: articles " in run.stdout]
    (waiter,) = [run for run, _ in runs if "nothing new: 1 input(s) unchanged" in run.stdout]
    with duckdb.connect(str(db), read_only=True) as con:
        assert_star_integrity(con)
        finished = dict(con.execute("select run_id, finished_at from runs").fetchall())
        loaded = con.execute("select count(*) from articles").fetchone()[0]
    assert set(finished) == {run_id(loader.stdout), run_id(waiter.stdout)}
    # the waiter read the warehouse only once the loader had committed
    assert finished[run_id(waiter.stdout)] > finished[run_id(loader.stdout)]
    assert f"rows in warehouse: articles {loaded}," in loader.stdout


def test_exclusive_fails_at_once_by_default_and_waits_when_asked(tmp_path):
    db = tmp_path / "w.duckdb"
    with held_by_another_run(db) as release:
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match=rf"\(pid {os.getpid()} since .*\); try again when it ends"), exclusive(db):
            pass
        assert time.monotonic() - started < 0.1
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="is being loaded by another run"), exclusive(db, wait=0.5):
            pass
        assert 0.5 <= time.monotonic() - started < 1.5
        threading.Timer(0.3, release.set).start()
        started = time.monotonic()
        with exclusive(db, wait=10):
            waited = time.monotonic() - started
    assert 0.2 < waited < 5


def test_a_run_refused_while_the_holder_is_still_writing_its_name_still_names_it(tmp_path):
    # the lock is taken a moment before the holder's name is in the file: a run refused in that
    # moment looks again rather than saying "another process"
    db = tmp_path / "w.duckdb"
    lock = tmp_path / "w.duckdb.lock"
    with lock.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

        def write_name() -> None:
            handle.write("pid 4242 since 2026-12-03T09:00:00")
            handle.flush()

        threading.Timer(0.2, write_name).start()
        with pytest.raises(WarehouseBusy, match=r"\(pid 4242 since 2026-12-03T09:00:00\)"), exclusive(db):
            pass
        fcntl.flock(handle, fcntl.LOCK_UN)


def test_a_flow_inside_a_command_that_holds_the_warehouse_holds_it_on(tmp_path):
    db = tmp_path / "w.duckdb"
    refused: list[bool] = []

    def try_it() -> None:
        try:
            with exclusive(db):
                refused.append(False)
        except WarehouseBusy:
            refused.append(True)

    with exclusive(db):
        with exclusive(db):  # the flow's own hold, in the thread of `newswire run`'s
            pass
        other = threading.Thread(target=try_it)
        other.start()
        other.join()
    assert refused == [True]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sql_is_read_only_unless_asked(tmp_path):
    db = tmp_path / "newswire.duckdb"
    connect(db).close()
    before = _digest(db)

    refused = newswire("sql", "create table t as select 1 as x", "--db", str(db))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "newswire sql: the warehouse is opened read-only; pass --write to change it"
    ]
    assert _digest(db) == before

    created = newswire("sql", "create table t as select 1 as x", "--db", str(db), "--write")
    assert created.returncode == 0, created.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select x from t").fetchall() == [(1,)]


def test_sql_write_is_refused_while_a_run_holds_the_warehouse(tmp_path):
    db = tmp_path / "newswire.duckdb"
    connect(db).close()
    with exclusive(db):
        busy = newswire("sql", "create table t as select 1 as x", "--db", str(db), "--write")
        readable = newswire("sql", "select count(*) from articles", "--db", str(db))
    assert busy.returncode == 1
    (line,) = busy.stderr.strip().splitlines()
    assert re.fullmatch(
        rf"newswire sql: {re.escape(str(db))} is being loaded by another run \(pid {os.getpid()} since .*\); "
        r"try again when it ends",
        line,
    ), line
    assert readable.returncode == 0, readable.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from information_schema.tables where table_name = 't'").fetchone() == (0,)


def test_a_run_told_to_wait_gives_up_after_its_wait(tmp_path):
    db = tmp_path / "w.duckdb"
    with exclusive(db):
        started = time.monotonic()
        result = newswire("run", "--source", str(SEED_ARTICLES), "--db", str(db), "--wait", "2")
    assert result.returncode == 1
    assert "is being loaded by another run" in result.stderr
    assert time.monotonic() - started >= 2
