"""A table's columns are its record's fields: the DDL of a real warehouse file, the staged frames,
the run's staging tables and the load statements that fill them all agree, in order."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

import duckdb
import pandas as pd
import pytest
from batches import extraction

from newswire.load import warehouse
from newswire.load.staging import TABLE_RECORDS, stage
from newswire.records import ActorMention, FlaggedRow, Rejection, columns, updated
from newswire.resources import sql_layer

# Columns of a table that no staged row carries: the load stamps an article's
# (sql/02_load/01_stage_articles.sql); an actor's title is computed over all its mentions when
# the run is published (sql/03_publish/15_upsert_actors.sql).
WAREHOUSE_ONLY = {"articles": ("loaded_at", "run_id"), "actors": ("title",)}
# The run's staging table of each fact table, published into it by position (sql/03_publish).
RUN_TABLES = {table: f"run_{table}" for table in TABLE_RECORDS if table not in ("actors", "dates")}
# The run tables written from records: the run's id, the record's columns, when it was written.
RECORDED = {"quarantine": (FlaggedRow, "flagged_at"), "dq_findings": (FlaggedRow, "flagged_at"),
            "rejected_inputs": (Rejection, "rejected_at")}
# The parameters of the load statements.
RUN = {"run_id": "run", "loaded_at": datetime(2024, 3, 27, 9, 0)}


def difference(table: str, what: str, expected: Sequence[str], found: Sequence[str]) -> str | None:
    """What differs between two column lists, naming the table and the columns; None when nothing does."""
    expected, found = list(expected), list(found)
    if expected == found:
        return None
    missing = [c for c in expected if c not in found]
    unexpected = [c for c in found if c not in expected]
    if not missing and not unexpected:
        return f"{table}: {what}: the same columns in another order: expected {expected}, found {found}"
    parts = ([f"missing {', '.join(missing)}"] if missing else []) + (
        [f"unexpected {', '.join(unexpected)}"] if unexpected else []
    )
    return f"{table}: {what}: {'; '.join(parts)}"


def described(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"describe {table}").fetchall()]


def loaded_columns(
    con: duckdb.DuckDBPyConnection, frames: Mapping[str, pd.DataFrame]
) -> tuple[dict[str, list[str] | None], list[str]]:
    """The columns each statement of sql/02_load selects over the staged frames, by the run table
    it inserts them into (None for a statement that fails to run), and why those fail."""
    for table, frame in frames.items():
        con.register(f"stg_{table}", frame)
    selected, failures = {}, []
    for path in sql_layer(warehouse.LOAD_LAYER):
        statement = path.read_text(encoding="utf-8")
        insert = re.search(r"^insert into (\w+)\s+", statement, flags=re.M)
        assert insert, f"{path.name} inserts into no table"
        query = statement[insert.end():]
        parameters = {name: RUN[name] for name in re.findall(r"\$([a-z_]+)", query)}
        try:
            selected[insert.group(1)] = [d[0] for d in con.execute(query, parameters or None).description]
        except duckdb.Error as exc:
            selected[insert.group(1)] = None
            failures.append(f"{insert.group(1)}: {path.name} does not run over the staged frames: {exc}")
    return selected, failures


def column_differences(con: duckdb.DuckDBPyConnection, frames: Mapping[str, pd.DataFrame]) -> list[str]:
    """Every disagreement between the records, the staged frames and the warehouse's tables."""
    found = []
    for table, record in TABLE_RECORDS.items():
        record_columns = columns(record)
        ddl = described(con, table)
        extra = WAREHOUSE_ONLY.get(table, ())
        found += [
            difference(table, f"the staged frame's columns are not {record.__name__}'s", record_columns,
                       frames[table].columns),
            difference(table, f"the table's columns are not {record.__name__}'s", record_columns,
                       [c for c in ddl if c not in extra]),
            difference(table, "the table's columns no staged row carries", extra, [c for c in ddl if c in extra]),
        ]
    loaded, failures = loaded_columns(con, frames)
    found += failures
    for table, run_table in RUN_TABLES.items():
        found.append(difference(run_table, f"its columns are not those of {table}", described(con, table),
                                described(con, run_table)))
    run_actors = described(con, "run_actors")
    found.append(difference("run_actors", "its columns are not ActorRow's",
                            [c for c in columns(TABLE_RECORDS["actors"]) if c in run_actors], run_actors))
    for run_table in ("run_actors", *RUN_TABLES.values()):
        if loaded.get(run_table, []) is not None:
            found.append(difference(run_table, "the columns its load statement selects are not its own",
                                    described(con, run_table), loaded.get(run_table, [])))
    for table, (record, stamp) in RECORDED.items():
        found.append(difference(table, f"its columns are not run_id, {record.__name__}'s and {stamp}",
                                ["run_id", *columns(record), stamp], described(con, table)))
    return [message for message in found if message]


@pytest.fixture
def con(tmp_path):
    connection = warehouse.connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


@pytest.mark.parametrize("batch", [[extraction("a1"), extraction("a2")], []], ids=["two articles", "empty"])
def test_tables_staged_frames_and_records_have_the_same_columns(con, batch):
    problems = column_differences(con, stage(batch).frames)
    assert not problems, "\n".join(problems)


def test_a_difference_names_the_table_and_its_columns(con):
    frames = dict(stage([extraction("a1")]).frames)
    frames["dates"] = frames["dates"][list(reversed(frames["dates"].columns))]
    con.execute("alter table figures add column confidence double")
    con.execute("alter table run_event_actors drop column role")
    problems = column_differences(con, frames)
    assert "figures: the table's columns are not Figure's: unexpected confidence" in problems
    assert "run_event_actors: its columns are not those of event_actors: missing role" in problems
    assert any(p.startswith("dates: the staged frame's columns are not CalendarDay's: the same columns in another "
                            "order") for p in problems)


def test_a_warehouse_made_before_the_newer_figure_columns_gains_them(tmp_path):
    db = tmp_path / "older.duckdb"
    schema = next(p for p in sql_layer(warehouse.SCHEMA_LAYER) if p.name == "05_figures.sql").read_text(encoding="utf-8")
    older = re.sub(r"\n    (?:change|unit_text) varchar,", "", schema)
    assert older != schema
    with duckdb.connect(str(db)) as con:
        con.execute(older)
        assert "change" not in described(con, "figures")
    con = warehouse.connect(db)
    try:
        assert described(con, "figures") == list(columns(TABLE_RECORDS["figures"]))
        assert described(con, "run_figures") == list(columns(TABLE_RECORDS["figures"]))
    finally:
        con.close()


def test_a_warehouse_made_before_articles_came_from_web_pages_gains_their_columns(tmp_path):
    db = tmp_path / "older.duckdb"
    schema = next(p for p in sql_layer(warehouse.SCHEMA_LAYER) if p.name == "01_articles.sql").read_text(encoding="utf-8")
    with duckdb.connect(str(db)) as con:
        con.execute(schema)
        assert "language" not in described(con, "articles")
    con = warehouse.connect(db)
    try:
        ddl = [c for c in described(con, "articles") if c not in WAREHOUSE_ONLY["articles"]]
        assert ddl == list(columns(TABLE_RECORDS["articles"]))
        assert described(con, "run_articles") == described(con, "articles")
        assert described(con, "run_article_sources") == described(con, "article_sources")
    finally:
        con.close()


def test_updated_copies_a_record_only_when_a_field_changes():
    mention = ActorMention("a1", "x1", "Kenya", "GPE", "Kenya", 0, 5, "GPE")
    assert updated(mention, title=None, actor_country=None) is mention
    changed = updated(mention, actor_country="KE")
    assert changed is not mention and changed.actor_country == "KE" and mention.actor_country is None
    assert changed == ActorMention("a1", "x1", "Kenya", "GPE", "Kenya", 0, 5, "GPE", actor_country="KE")
