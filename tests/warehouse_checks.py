"""Assertions about a warehouse file shared by the flow and CLI tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import duckdb

CONTRACT_COLUMNS = {
    "articles": {"article_id", "external_id", "title", "source_name", "url", "published_at", "body"},
    "actors": {"actor_id", "name", "actor_type"},
    "actor_mentions": {"article_id", "actor_id", "mention_text", "start_char", "end_char"},
    "date_mentions": {
        "article_id", "mention_text", "start_char", "end_char", "timex_type", "timex_value", "resolved_date",
    },
    "figures": {
        "figure_id", "article_id", "mention_text", "start_char", "end_char", "value", "value_low", "value_high",
        "qualifier", "unit", "category",
    },
    "events": {
        "event_id", "article_id", "event_type", "trigger_text", "start_char", "end_char", "event_date",
        "date_precision", "canonical_event_id",
    },
    "event_actors": {"event_id", "actor_id", "role"},
    "dates": {"date", "year", "quarter", "month", "day", "weekday"},
}
MENTION_TABLES = ("actor_mentions", "date_mentions", "figures", "events")
PUBLISHED = (*CONTRACT_COLUMNS, "inputs")
RUN_SPECIFIC = frozenset({"loaded_at", "run_id"})


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in CONTRACT_COLUMNS}


def assert_contract_columns(con: duckdb.DuckDBPyConnection) -> None:
    for table, required in CONTRACT_COLUMNS.items():
        columns = {row[0] for row in con.execute(f"describe {table}").fetchall()}
        assert required <= columns, f"{table} lacks {sorted(required - columns)}"


def assert_unique(con: duckdb.DuckDBPyConnection, table: str, key: str) -> None:
    total, distinct = con.execute(f"select count(*), count(distinct ({key})) from {table}").fetchone()
    assert total == distinct, f"{table}: {total - distinct} duplicate values of ({key})"


def assert_covered(con: duckdb.DuckDBPyConnection, table: str, column: str, dimension: str, key: str) -> None:
    orphans = con.execute(
        f"select count(*) from {table} where {column} is not null "
        f"and {column} not in (select {key} from {dimension})"
    ).fetchone()[0]
    assert orphans == 0, f"{orphans} rows of {table}.{column} have no {dimension}.{key}"


def assert_offsets_give_text(con: duckdb.DuckDBPyConnection) -> int:
    """Every mention's offsets select its text from the article body; returns mentions checked."""
    bodies = dict(con.execute("select article_id, body from articles").fetchall())
    checked = 0
    for table in MENTION_TABLES:
        text_column = "trigger_text" if table == "events" else "mention_text"
        for article_id, text, start, end in con.execute(
            f"select article_id, {text_column}, start_char, end_char from {table}"
        ).fetchall():
            assert bodies[article_id][start:end] == text, f"{table}: {text!r} at {start}:{end}"
            checked += 1
    return checked


def assert_star_integrity(con: duckdb.DuckDBPyConnection) -> None:
    assert_contract_columns(con)
    assert_unique(con, "articles", "article_id")
    assert_unique(con, "actors", "actor_id")
    assert_unique(con, "figures", "figure_id")
    assert_unique(con, "events", "event_id")
    assert_unique(con, "dates", "date")
    for table in ("actor_mentions", "date_mentions", "figures", "events"):
        assert_covered(con, table, "article_id", "articles", "article_id")
    assert_covered(con, "actor_mentions", "actor_id", "actors", "actor_id")
    assert_covered(con, "event_actors", "actor_id", "actors", "actor_id")
    assert_covered(con, "event_actors", "event_id", "events", "event_id")
    assert_covered(con, "articles", "published_at", "dates", "date")
    assert_covered(con, "events", "event_date", "dates", "date")
    assert_covered(con, "date_mentions", "resolved_date", "dates", "date")


def published_rows(db: Path, leave_out: frozenset[str] = frozenset()) -> dict[str, Counter]:
    """Every row of the published tables (as a multiset), without the columns `leave_out`."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = {}
        for table in PUBLISHED:
            columns = [row[0] for row in con.execute(f"describe {table}").fetchall() if row[0] not in leave_out]
            quoted = ", ".join(f'"{column}"' for column in columns)
            rows[table] = Counter(con.execute(f"select {quoted} from {table}").fetchall())
    return rows


def assert_same_rows(actual: Mapping[str, Counter], expected: Mapping[str, Counter]) -> None:
    """Each table's rows (multisets) are the same in `actual` as in `expected`."""
    assert set(actual) == set(expected)
    for table in expected:
        extra, missing = actual[table] - expected[table], expected[table] - actual[table]
        assert not extra and not missing, (
            f"{table}: {sum(extra.values())} unexpected rows, {sum(missing.values())} missing; "
            f"e.g. {list(extra)[:2]} / {list(missing)[:2]}"
        )
