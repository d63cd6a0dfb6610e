"""The README's walkthrough, command by command, on a warehouse built from the sample articles.

Each fenced `text` block of the Walkthrough section is a command (`$ …`), the lines typed at
the DuckDB shell's prompt (`D …`), and the output the README promises, which must be what the
command prints now.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from analyst import DUCKDB_CLI, sample_warehouse
from paths import REPO

DEFAULT_DB = "warehouse/newswire.duckdb"


@dataclass(frozen=True)
class Step:
    command: str
    typed: tuple[str, ...]
    output: tuple[str, ...]


def walkthrough_steps(readme: str) -> list[Step]:
    """The steps of the README's Walkthrough section, in order."""
    section = readme.split("\n## Walkthrough\n", 1)[1].split("\n## ", 1)[0]
    steps = []
    for block in re.findall(r"^```text\n(.*?)^```$", section, flags=re.M | re.S):
        first, *rest = block.rstrip("\n").split("\n")
        assert first.startswith("$ "), first
        steps.append(Step(
            first[2:],
            tuple(line[2:] for line in rest if line.startswith("D ")),
            tuple(line for line in rest if not line.startswith("D ")),
        ))
    return steps


STEPS = walkthrough_steps((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_walkthrough_asks_with_every_tool():
    tools = {tuple(shlex.split(step.command)[:2]) for step in STEPS}
    assert {(".venv/bin/newswire", "query"), (".venv/bin/newswire", "search"), (".venv/bin/newswire", "chart")} <= tools
    assert any(step.command.startswith(".venv/bin/duckdb ") and step.typed for step in STEPS)
    assert len([s for s in STEPS if s.output]) >= 7


def argv(command: str, db: Path) -> list[str]:
    """The command as the README writes it, pointed at the test's warehouse."""
    program, *args = shlex.split(command)
    if program == ".venv/bin/newswire":
        return [sys.executable, "-m", "newswire.cli", *args, "--db", str(db)]
    if program == ".venv/bin/duckdb":
        return [str(DUCKDB_CLI), *(str(db) if arg == DEFAULT_DB else arg for arg in args)]
    raise AssertionError(f"the walkthrough runs newswire and duckdb, not {program}")


@pytest.fixture(scope="module")
def sample_db(prefect_server, tmp_path_factory):
    return sample_warehouse(tmp_path_factory.mktemp("walkthrough"))


@pytest.mark.parametrize("step", STEPS, ids=[step.command for step in STEPS])
def test_each_command_prints_what_the_readme_shows(sample_db, step, tmp_path):
    result = subprocess.run(
        argv(step.command, sample_db), input="".join(f"{line}\n" for line in step.typed), cwd=tmp_path,
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [line.rstrip() for line in step.output]
    args = shlex.split(step.command)
    if "--out" in args:
        assert (tmp_path / args[args.index("--out") + 1]).stat().st_size > 0
