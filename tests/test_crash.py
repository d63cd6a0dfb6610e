"""A `newswire run` killed with SIGKILL leaves the warehouse as it was, or, killed once it has
committed, as a clean run leaves it; the next run completes the load.

Each run is a real `python -m newswire.cli run` process (`--verbose` where it is to be killed, so that Prefect's log reaches its console) in its own session (with its temporary
Prefect server), killed as a group. The kill points come from the flow's own log: at DEBUG level
Prefect logs "Executing task 'extract'" as a task starts and "Task run 'load-…' - Finished in
state" as it ends. Killed before its commit, in extraction, in the middle of loading or once
everything is loaded; killed after its commit, while it writes the dashboard.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest
from cli_runs import ENV, newswire, run_command
from paths import DEV_DATA, REPO, SEED_ARTICLES
from warehouse_checks import RUN_SPECIFIC, assert_same_rows, assert_star_integrity, published_rows

from newswire.evaluation.reuters import read_stories

REUTERS = DEV_DATA / "reuters21578"
STORIES = 150


class KillPoint(NamedTuple):
    starts: str  # the log line (a regular expression) that starts the phase
    delay: float  # seconds to wait after it
    ends: str  # the log line that would end the phase, too late to kill in it
    committed: bool  # whether the run has committed when it is killed


KILL_POINTS = {
    "extraction": KillPoint(r"Executing task 'extract'", 2.0, r"Task run 'extract-\S+' - Finished in state", False),
    "load": KillPoint(r"Executing task 'load'", 0.0, r"Task run 'load-\S+' - Finished in state", False),
    "before commit": KillPoint(r"Task run 'load-\S+' - Finished in state", 0.0, r"Executing task 'finish'", False),
    "after commit": KillPoint(r"Task run 'finish-\S+' - Finished in state", 0.0, r"Flow run .* - Finished in state", True),
}

pytestmark = pytest.mark.skipif(not REUTERS.is_dir(), reason=f"Reuters-21578 not found at {REUTERS}")


DEBUG_ENV = dict(ENV, PREFECT_LOGGING_LEVEL="DEBUG")  # logs the start of each task
# Without --verbose the console shows the run's progress and only Prefect's warnings.
VERBOSE = "--verbose"


def _run(source: Path, db: Path) -> subprocess.CompletedProcess:
    result = newswire("run", "--source", str(source), "--db", str(db))
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _run_and_kill(source: Path, db: Path, phase: str) -> None:
    """Start a run and SIGKILL it, with its whole process group, in `phase`."""
    point = KILL_POINTS[phase]
    process = subprocess.Popen(
        [*run_command(source, db), VERBOSE], cwd=REPO, env=DEBUG_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in process.stdout:
            lines.append(line)
            if re.search(point.starts, line):
                started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(timeout=600), "".join(lines[-30:])
        time.sleep(point.delay)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        reader.join(timeout=60)
    assert process.returncode == -signal.SIGKILL
    # all it logged until it died: the phase must not have ended
    assert not any(re.search(point.ends, line) for line in lines), f"killed after {phase} ended"


def _articles_line(result: subprocess.CompletedProcess) -> str:
    """What a run's summary says it read."""
    return next(line for line in result.stdout.splitlines() if line.startswith("articles: "))


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    db = folder / template.name
    shutil.copyfile(template, db)
    return db


@pytest.fixture(scope="module")
def loads(tmp_path_factory):
    """The second input, a warehouse holding a clean first load, and what a clean second load gives."""
    root = tmp_path_factory.mktemp("crash")
    source = root / "reuters.jsonl"
    source.write_text(
        "".join(json.dumps(story.record()) + "\n" for story in read_stories(REUTERS, limit=STORIES)), encoding="utf-8"
    )
    template = root / "first" / "newswire.duckdb"
    _run(SEED_ARTICLES, template)
    assert not template.with_name(template.name + ".wal").exists()
    clean = _copy(template, root / "clean")
    articles = _articles_line(_run(source, clean))
    read, duplicate = re.match(r"articles: (\d+) read, 0 rejected, (\d+) duplicate", articles).groups()
    assert int(read) + int(duplicate) == STORIES, articles
    return source, template, published_rows(template), published_rows(clean, RUN_SPECIFIC), articles


@pytest.mark.parametrize("phase", list(KILL_POINTS))
def test_a_killed_run_publishes_all_or_nothing_and_the_next_run_completes_the_load(loads, tmp_path, phase):
    source, template, before, clean, articles = loads
    db = _copy(template, tmp_path / "warehouse")

    _run_and_kill(source, db, phase)

    with duckdb.connect(str(db)) as con:
        assert_star_integrity(con)
    if KILL_POINTS[phase].committed:
        assert_same_rows(published_rows(db, RUN_SPECIFIC), clean)
        assert "nothing new: 1 input(s) unchanged" in _run(source, db).stdout
    else:
        assert_same_rows(published_rows(db), before)
        assert _articles_line(_run(source, db)) == articles
    with duckdb.connect(str(db), read_only=True) as con:
        assert_star_integrity(con)
    assert_same_rows(published_rows(db, RUN_SPECIFIC), clean)
