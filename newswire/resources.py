"""Where newswire finds what it reads at run time: SQL, suites, lexicons, reference data, samples.

Everything ships inside the package and is found here, once, through `importlib.resources`:
`newswire.sql`, `newswire.expectations` and `newswire.seeds` are the repository's top-level
`sql/`, `expectations/` and `seeds/` (pyproject.toml maps them into the wheel), the lexicons
live in `newswire.extract.lexicons` and the Data Docs stylesheet beside the validation code.
A folder or file that is missing or empty is an error that names its path.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


class MissingResource(RuntimeError):
    """A file newswire needs at run time is not where the package puts it."""


def _path(package: str, *parts: str) -> Path:
    # Installed wheels and editable installs both lay resources out as plain files.
    return Path(str(files(package).joinpath(*parts)))


SQL_DIR = _path("newswire.sql")
SUITES_DIR = _path("newswire.expectations")
SEEDS_DIR = _path("newswire.seeds")
SAMPLE_ARTICLES = SEEDS_DIR / "articles"
LEXICONS_DIR = _path("newswire.extract", "lexicons")
DATA_DOCS_STYLESHEET = _path("newswire.quality", "data_docs", "offline.css")


def files_in(folder: Path, pattern: str) -> list[Path]:
    """The files of a shipped folder that match `pattern`, sorted; an error when there are none."""
    if not folder.is_dir():
        raise MissingResource(f"{folder} is missing: newswire is not installed whole")
    found = sorted(folder.glob(pattern))
    if not found:
        raise MissingResource(f"{folder} has no {pattern} files: newswire is not installed whole")
    return found


def sql_layer(layer: str) -> list[Path]:
    """The statements of one SQL layer (`01_schema`, `02_load`, ...), in the order of their numbers."""
    return files_in(SQL_DIR / layer, "*.sql")


def existing(path: Path) -> Path:
    """`path`, which must be a non-empty shipped file."""
    if not path.is_file() or path.stat().st_size == 0:
        raise MissingResource(f"{path} is missing or empty: newswire is not installed whole")
    return path
