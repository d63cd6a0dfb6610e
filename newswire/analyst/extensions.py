"""The DuckDB extensions the analyst uses (fts, spatial), loaded offline from their wheels,
and the views an extension brings.

Each extension ships in its own PyPI wheel (`duckdb-extension-fts`, `duckdb-extension-spatial`)
built for one DuckDB version; it is loaded from its path inside site-packages, so DuckDB never
looks in its extension folder nor downloads anything. A run never loads them: only a question
that uses one. The spatial views (`sql/05_spatial`: events and places as point geometries) are
temporary, made on the connection that loaded spatial, so a read-only warehouse serves them too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb

from newswire.resources import sql_layer

EXTENSIONS = ("fts", "spatial")
# The SQL layer of temporary views each extension brings, made once it is loaded.
VIEW_LAYERS = {"spatial": "05_spatial"}


def extension_path(name: str) -> Path:
    """The extension `name` shipped in its wheel for this DuckDB version."""
    if name not in EXTENSIONS:
        raise ValueError(f"unknown extension {name!r}: one of {', '.join(EXTENSIONS)}")
    package = f"duckdb_extension_{name}"
    try:
        root = Path(str(files(package)))
    except ModuleNotFoundError:
        raise RuntimeError(f"no {name} extension: install duckdb-extension-{name}=={duckdb.__version__}") from None
    path = root / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise RuntimeError(
            f"no {name} extension for DuckDB {duckdb.__version__} at {path}: "
            f"install duckdb-extension-{name}=={duckdb.__version__}"
        )
    return path


def quoted(path: Path) -> str:
    """A path as an SQL string literal, for the statements that take no parameter (LOAD, ATTACH)."""
    return "'" + str(path).replace("'", "''") + "'"


def _views(name: str) -> list[str]:
    """The statements that make the views the extension `name` brings."""
    layer = VIEW_LAYERS.get(name)
    return [path.read_text(encoding="utf-8").strip() for path in sql_layer(layer)] if layer else []


def setup_script(name: str) -> str:
    """What loads the extension `name` and makes its views in the `duckdb` shell: `use` as SQL."""
    return "\n".join([f"load {quoted(extension_path(name))};", *_views(name)]) + "\n"


def load(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute(f"load {quoted(extension_path(name))}")


def use(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load the extension `name` on the warehouse's connection and make the views it brings."""
    load(con, name)
    for statement in _views(name):
        con.execute(statement)
