"""Named analysis queries: the files of `sql/04_analysis`, their parameters, their results as text.

A query file starts with a comment: its first line is the question the query answers, and
each line `-- $name: description (default: value)` declares a parameter, bound by DuckDB as
a prepared-statement parameter; a line `-- uses: spatial` names a DuckDB extension the query
needs, loaded (with its views) before it runs. Everything here is a plain function; running a
query takes a connection the caller opened. CSV output is safe to open in a spreadsheet (`neutralised`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.resources import SQL_DIR, files_in

if TYPE_CHECKING:
    import duckdb

ANALYSIS_DIR = SQL_DIR / "04_analysis"
# Table cells longer than this are cut with an ellipsis; csv and json keep every character.
CELL_WIDTH = 60

_NUMBER_PREFIX = re.compile(r"^\d+_")
_PARAMETER_LINE = re.compile(r"^--\s*\$(?P<name>[a-z_]+):\s*(?P<description>.*?)\s*(?:\(default:\s*(?P<default>.*)\))?$")
_USES_LINE = re.compile(r"^--\s*uses:\s*(?P<names>[a-z_ ,]+?)\s*$")
_PARAMETER_USE = re.compile(r"\$([a-z_]+)")
_COMMENT = re.compile(r"--[^\n]*")


class QueryError(ValueError):
    """A query that cannot be run as asked: its name, a parameter or the output format."""


class UnknownQuery(QueryError):
    """No query has that name."""


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    description: str
    default: str | None


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    question: str
    parameters: tuple[Parameter, ...]
    sql: str
    extensions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


def parse_query(name: str, sql: str) -> Query:
    """A query from its file's text: the question is the header's first line."""
    header = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        header.append(line)
    question = next((line.lstrip("- ").strip() for line in header if line.lstrip("- ").strip()), "")
    parameters = tuple(
        Parameter(match["name"], match["description"], match["default"])
        for match in map(_PARAMETER_LINE.match, header)
        if match
    )
    extensions = tuple(
        extension
        for match in map(_USES_LINE.match, header)
        if match
        for extension in re.split(r"[ ,]+", match["names"])
        if extension
    )
    return Query(name, question, parameters, sql, extensions)


def used_parameters(sql: str) -> set[str]:
    """The `$names` the statement itself uses, comments left out."""
    return set(_PARAMETER_USE.findall(_COMMENT.sub("", sql)))


def query_name(path: Path) -> str:
    """`01_actor_timeline.sql` is the query `actor_timeline`."""
    return _NUMBER_PREFIX.sub("", path.stem)


def available_queries(directory: Path = ANALYSIS_DIR) -> list[Query]:
    """Every query of the folder, in the order of the files' numbers."""
    return [parse_query(query_name(path), path.read_text(encoding="utf-8")) for path in files_in(directory, "*.sql")]


def find_query(queries: Sequence[Query], name: str) -> Query:
    """The query of that name, else the only one whose name contains it."""
    exact = [q for q in queries if q.name == name]
    if exact:
        return exact[0]
    partial = [q for q in queries if name in q.name]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise QueryError(f"{name!r} could be {', '.join(q.name for q in partial)}; give more of the name")
    raise UnknownQuery(f"no query named {name!r}")


def parse_assignments(assignments: Sequence[str]) -> dict[str, str]:
    """`["actor=Lloyd Austin", "top=5"]` as a mapping; the value is everything after the first `=`."""
    values: dict[str, str] = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, not {assignment!r}")
        values[name.strip()] = value
    return values


def bind(query: Query, given: Mapping[str, str]) -> dict[str, str]:
    """The value of each of the query's parameters: the one given, else its default."""
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        takes = ", ".join(declared) or "no parameter"
        raise QueryError(f"{query.name} has no parameter {', '.join(unknown)} (it takes {takes})")
    values = {}
    for name, parameter in declared.items():
        value = given.get(name, parameter.default)
        if value is None:
            raise QueryError(f"{query.name} needs --param {name}=… ({parameter.description})")
        values[name] = value
    return values


def run(con: duckdb.DuckDBPyConnection, query: Query, values: Mapping[str, str]) -> Result:
    """The query's answer on an open connection, its parameters bound by name, the extensions
    it uses loaded first."""
    from newswire.analyst.extensions import use

    for extension in query.extensions:
        use(con, extension)
    con.execute(query.sql, dict(values) or None)
    columns = tuple(column[0] for column in con.description)
    return Result(columns, tuple(con.fetchall()))


def listing(queries: Sequence[Query]) -> list[str]:
    """A line per query with its question, and one per parameter with its default."""
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for query in queries:
        lines.append(f"{query.name:<{width}}  {query.question}")
        for parameter in query.parameters:
            default = f" (default: {parameter.default})" if parameter.default is not None else ""
            lines.append(f"    --param {parameter.name}=…  {parameter.description}{default}")
    return lines


def cell_text(value: object) -> str:
    """A value as text: NULL empty, lists joined, whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: Result, cell_width: int = CELL_WIDTH) -> str:
    """Columns aligned under a ruled header, numbers to the right, then the row count."""
    cells = [[_cut(cell_text(v), cell_width) for v in row] for row in result.rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(result.columns)]
    numeric = [
        bool(result.rows) and all(isinstance(row[i], (int, float)) or row[i] is None for row in result.rows)
        for i in range(len(result.columns))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if right else v.ljust(w) for v, w, right in zip(values, widths, numeric)
        ).rstrip()

    lines = [line(result.columns), line(["-" * w for w in widths]), *(line(row) for row in cells)]
    lines.append(f"({len(result.rows)} row{'' if len(result.rows) == 1 else 's'})")
    return "\n".join(lines)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """A CSV cell that no spreadsheet runs: one starting like a formula gets a leading `'`."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _csv_value(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return neutralised(cell_text(value))


def format_csv(result: Result) -> str:
    """A header and a line per row; lists joined with `, `, NULL empty.

    Text cells that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a
    carriage return first) start with `'`, the OWASP rule: a title such as `=HYPERLINK(…)`
    is shown, never run. Numbers stay numbers; the warehouse keeps every value as given.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_csv_value(v) for v in row] for row in result.rows)
    return buffer.getvalue().rstrip("\n")


def _json_value(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def format_json(result: Result) -> str:
    """An array of objects, one per row, keyed by column; lists stay arrays."""
    rows = [{c: _json_value(v) for c, v in zip(result.columns, row)} for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2)


FORMATS: dict[str, Callable[[Result], str]] = {"table": format_table, "csv": format_csv, "json": format_json}


def formatter(name: str) -> Callable[[Result], str]:
    """The function that renders a result in that output format."""
    if name not in FORMATS:
        raise QueryError(f"--format is {', '.join(FORMATS)}, not {name!r}")
    return FORMATS[name]
