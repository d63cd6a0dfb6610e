"""For the analyst's tests: a warehouse the real flow builds from the samples, and the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import SEED_ARTICLES

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"


def sample_warehouse(folder: Path) -> Path:
    """The sample articles loaded by `news_etl` into `folder/newswire.duckdb` (needs `prefect_server`)."""
    from newswire.flow import news_etl

    db = folder / "newswire.duckdb"
    news_etl(source=SEED_ARTICLES, db=db)
    return db


def newswire(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`newswire ARGS` in a process of its own, as an analyst runs it."""
    return subprocess.run(
        [sys.executable, "-m", "newswire.cli", *args], capture_output=True, text=True, timeout=300, check=False, cwd=cwd
    )
