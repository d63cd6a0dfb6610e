"""The real `newswire` command in its own process, as the end-to-end tests start it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from paths import REPO

# Each run starts its own temporary Prefect server; on a busy machine it needs time to start.
ENV = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180")
_RUN_ID = re.compile(r"^(?:(?:incremental|full-refresh|backfill) )?run (\S+) finished in ", re.MULTILINE)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newswire.cli", *args]


def run_command(source: Path, db: Path) -> list[str]:
    return command("run", "--source", str(source), "--db", str(db))


def newswire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), cwd=REPO, env=ENV, capture_output=True, text=True, timeout=900, check=False)


def run_id(stdout: str) -> str:
    """The run id a run's summary gives."""
    found = _RUN_ID.search(stdout)
    assert found is not None, stdout
    return found.group(1)
