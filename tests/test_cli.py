"""The `newswire` command as a user runs it: a real process, a real warehouse file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from paths import GOLD

# The command as a user starts it, with no warehouse named in the environment.
_ENV = {name: value for name, value in os.environ.items() if name != "NEWSWIRE_DB"}


def newswire(*args: str, cwd: Path | None = None, env: dict[str, str] = _ENV) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newswire.cli", *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )


def test_help_explains_every_command():
    result = newswire("--help")
    assert result.returncode == 0
    for command in ("run", "eval", "sql"):
        assert command in result.stdout


def test_run_on_missing_source_fails_with_one_line(tmp_path):
    result = newswire("run", "--source", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"newswire run: source {tmp_path / 'nowhere'} does not exist"]


@pytest.fixture(scope="module")
def cli_warehouse(tmp_path_factory):
    """`newswire run` with no arguments, in a folder that has nothing of newswire's."""
    folder = tmp_path_factory.mktemp("anywhere")
    result = newswire("run", cwd=folder)
    assert result.returncode == 0, result.stderr[-2000:]
    db = folder / "warehouse" / "newswire.duckdb"
    assert db.is_file(), sorted(p.name for p in folder.rglob("*"))
    return db, result.stdout


def test_run_prints_its_summary(cli_warehouse):
    _, stdout = cli_warehouse
    assert "articles: 5 read, 0 rejected, 0 duplicate" in stdout
    assert "rows in warehouse:" in stdout


def test_newswire_db_names_the_default_warehouse(cli_warehouse, tmp_path):
    db, _ = cli_warehouse
    result = newswire("sql", "select count(*) as n from articles", cwd=tmp_path, env={**_ENV, "NEWSWIRE_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[4].strip("│ ") == "5", result.stdout


def test_sql_queries_the_warehouse(cli_warehouse):
    db, _ = cli_warehouse
    result = newswire("sql", "select count(*) as n from articles where published_at is not null", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "5" in result.stdout.split("\n", 3)[-1]
    bad = newswire("sql", "select * from no_such_table", "--db", str(db))
    assert bad.returncode == 1 and "no_such_table" in bad.stderr


def test_a_run_with_nothing_new_ends_before_prefect_starts_and_is_recorded(cli_warehouse):
    db, _ = cli_warehouse
    again = newswire("run", cwd=db.parent.parent)
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stdout.splitlines()[1] == "nothing new: 5 input(s) unchanged since they were loaded"
    assert "Starting temporary server" not in again.stderr and "Flow run" not in again.stderr, again.stderr
    run_id = again.stdout.split()[1]
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "select flow_run_id, articles_read, inputs_unchanged, mode from runs where run_id = ?", [run_id]
        ).fetchone()
        status = con.execute("select status from dq_runs where run_id = ?", [run_id]).fetchone()
    assert row == (None, 0, 5, "incremental")
    assert status == ("nothing new",)


def test_what_the_command_prints_cannot_drive_the_terminal(cli_warehouse):
    db, _ = cli_warehouse
    payload = "chr(27) || '[2J' || chr(27) || ']0;owned' || chr(7) || chr(155) || 'x' || chr(8238)"
    result = newswire("sql", f"select {payload} as name", "--db", str(db))
    assert result.returncode == 0, result.stderr
    # DuckDB writes ESC and BEL as `\e` and `\a` itself; the rest is escaped on the way out.
    assert "[2J" in result.stdout and "\\u009bx\\u202e" in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07\x9b\u202e")
    failed = newswire("sql", "select * from \"\x1b[2J\x9b\"", "--db", str(db))
    assert failed.returncode == 1 and "[2J\\u009b" in failed.stderr
    assert not any(c in failed.stderr for c in "\x1b\x9b")


def test_eval_reports_every_score(cli_warehouse):
    db, _ = cli_warehouse
    result = newswire("eval", "--gold", str(GOLD), "--db", str(db))
    assert result.returncode == 0, result.stderr
    for name in ("dates (span)", "dates (value)", "figures (span)", "figures (value)", "actors", "canonicalisation", "events"):
        assert any(line.startswith(name) for line in result.stdout.splitlines()), name


def test_the_sample_articles_keep_their_scores(cli_warehouse):
    """The sample gold's figures, actors and actor ids are all found and right, every required
    event is found, and dates stay at F1 0.970 (one extra date)."""
    db, _ = cli_warehouse
    result = newswire("eval", "--gold", str(GOLD), "--db", str(db))
    lines = {line[:25].strip(): line for line in result.stdout.splitlines()}
    for name in ("figures (span)", "figures (value)", "actors", "canonicalisation"):
        assert "F1 1.000" in lines[name], lines[name]
    assert "accuracy 1.000" in lines["figures (qualifier)"], lines["figures (qualifier)"]
    assert "R 1.000" in lines["events"], lines["events"]
    for name in ("dates (span)", "dates (value)"):
        assert float(lines[name].split("F1 ")[1].split()[0]) >= 0.970, lines[name]


def test_eval_needs_something_to_measure():
    result = newswire("eval")
    assert result.returncode == 1
    assert "nothing to measure" in result.stderr


def test_eval_scores_a_timeml_folder(tmp_path):
    (tmp_path / "doc.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-27" temporalFunction="false" functionInDocument="CREATION_TIME">'
        "2024-03-27</TIMEX3></DCT>\n"
        '<TEXT>Officials met on <TIMEX3 tid="t1" type="DATE" value="2024-03-26">Tuesday</TIMEX3> '
        'and will meet again <TIMEX3 tid="t2" type="DATE" value="2024-W14">next week</TIMEX3>.</TEXT>\n</TimeML>\n',
        encoding="utf-8",
    )
    result = newswire("eval", "--timeml", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "gold timexes: 2" in result.stdout
    assert "value          P 1.000  R 1.000  F1 1.000  (2 matched)" in result.stdout


@pytest.mark.parametrize("verbose", [False, True])
def test_a_failed_run_shows_its_traceback_only_with_verbose(tmp_path, verbose):
    db_that_is_a_folder = tmp_path
    result = newswire("run", "--db", str(db_that_is_a_folder), *(["--verbose"] if verbose else []), cwd=tmp_path)
    assert result.returncode == 1
    assert any(line.startswith("newswire run: IOException") for line in result.stderr.splitlines()), result.stderr
    assert ("Traceback (most recent call last)" in result.stderr + result.stdout) is verbose
