"""The DuckDB warehouse: schema from `sql/01_schema`, loads from `sql/02_load` and `sql/03_publish`.

A run is published in one transaction: either everything it loaded is, or nothing is and the
warehouse stays as it was. Each batch is staged as it comes (`sql/02_load`) in the run's own
temporary tables, committed there, so DuckDB keeps at most its memory limit of them and spills
the rest; when the run ends, one transaction replaces the staged articles' facts with them and
brings the dimensions up to date (`sql/03_publish`). A transaction open across the whole run
held every uncommitted batch, and DuckDB's memory grew with the run. The web page of each
article read from one is staged with it (`run_article_sources`) and published with it into
`article_sources`, replacing the page it had.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from newswire.ingest.clean import path_text
from newswire.ingest.feeds import FeedState
from newswire.ingest.inputs import InputFile, InputNote, rebuild_article
from newswire.link.events import EventRow, EventSummary, summarise
from newswire.load.staging import SourceRow, StagedBatch, staged_sources
from newswire.quality.checks import distinct_rows
from newswire.quality.validate import ExpectationOutcome
from newswire.records import Article, FlaggedRow, Rejection, columns
from newswire.reference import ALIASES_FILE, COUNTRIES_FILE
from newswire.resources import SEEDS_DIR, existing, sql_layer

SCHEMA_LAYER = "01_schema"
LOAD_LAYER = "02_load"
PUBLISH_LAYER = "03_publish"
# What a full refresh empties before it publishes: everything extracted, not the run history.
PUBLISHED_TABLES = ("event_actors", "events", "figures", "date_mentions", "actor_mentions", "actors", "articles",
                    "dates", "inputs", "article_sources", "article_places", "places")


# The run's staging tables, emptied when a run begins.
RUN_TABLES = ("run_actors", "run_articles", "run_actor_mentions", "run_date_mentions", "run_figures", "run_events",
              "run_event_actors", "run_article_sources", "run_article_places", "run_actor_countries")
# DuckDB's memory while batches are staged (the parsing workers run then) and while the run is
# published (they have stopped); beyond it, DuckDB spills to a temporary file beside the warehouse.
STAGING_MEMORY = 64 * 2**20
PUBLISH_MEMORY = 256 * 2**20
# How long a run that finds the warehouse held looks for the holder's name in the lock file: the
# holder writes it just after taking the lock.
HOLDER_GRACE = 1.0


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


# The lock files each thread holds: a flow run inside a command that holds the warehouse
# (`newswire run` takes it before Prefect starts; Prefect runs the flow in the same thread)
# holds it already.
_HELD = threading.local()


@contextmanager
def exclusive(db_path: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the warehouse for one run.

    While another run holds it, wait up to `wait` seconds for it to end (checking every tenth
    of a second), then fail with a clear message; the default fails at once. Where this
    thread holds it already, it is held on.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock").resolve()
    held: set[Path] = _HELD.__dict__.setdefault("paths", set())
    if lock_path in held:
        yield
        return
    deadline = time.monotonic() + wait
    with lock_path.open("a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() < deadline:
                    time.sleep(min(0.1, max(deadline - time.monotonic(), 0.0)))
                    continue
                handle.seek(0)
                holder = handle.read().strip()
                if not holder and time.monotonic() < deadline + HOLDER_GRACE:
                    # the holder has just taken the lock and not yet written its name, or is
                    # letting it go: look again
                    time.sleep(0.01)
                    continue
                raise WarehouseBusy(
                    f"{db_path} is being loaded by another run ({holder or 'another process'}); try again when it ends"
                ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now().isoformat(timespec='seconds')}")
        handle.flush()
        held.add(lock_path)
        try:
            yield
        finally:
            held.discard(lock_path)
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


_PARAMETER = re.compile(r"\$([a-z_]+)")


@dataclass(frozen=True, slots=True)
class RunRecord:
    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime
    source: str
    articles_read: int
    articles_rejected: int
    articles_duplicate: int
    row_counts: Mapping[str, int]
    mode: str = "incremental"  # incremental, full-refresh or backfill
    inputs_unchanged: int = 0


def _execute(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    parameters: Mapping[str, object],
    frames: Mapping[str, pd.DataFrame] | None = None,
) -> None:
    """Run the statement in `path`, binding the parameters it names; with `frames`, each frame
    is readable in it as `stg_<table>`."""
    statement = path.read_text(encoding="utf-8")
    wanted = {name: parameters[name] for name in _PARAMETER.findall(statement)}
    try:
        if frames:
            _execute_over(con, statement, wanted or None, frames)
        else:
            con.execute(statement, wanted or None)
    except duckdb.Error as exc:
        raise RuntimeError(f"{path.relative_to(path.parents[1])}: {exc}") from exc


def _execute_over(
    con: duckdb.DuckDBPyConnection,
    statement: str,
    parameters: Mapping[str, object] | None,
    frames: Mapping[str, pd.DataFrame],
) -> None:
    """Run `statement` reading each frame as `stg_<table>` through DuckDB's replacement scan.

    The scan finds a data frame by its name in the namespace of the Python code that runs the
    statement, and holds it only while the statement runs; a view registered over a frame would
    hold it until unregistered. So the statement runs in a namespace of its own that binds the
    names.
    """
    namespace: dict[str, object] = {f"stg_{name}": frame for name, frame in frames.items()}
    namespace.update(con=con, statement=statement, parameters=parameters)
    exec("con.execute(statement, parameters)", namespace)  # noqa: S102  (fixed code, see above)


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file, with its schema in place."""
    if read_only:
        return duckdb.connect(str(db_path), read_only=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
    for path in sql_layer(SCHEMA_LAYER):
        _execute(con, path, {})
    return con


def known_people(con: duckdb.DuckDBPyConnection, published: bool = True) -> list[str]:
    """Names of the people in the batches the run has staged and, with `published`, in the warehouse."""
    rows = con.execute(
        "select name from run_actors where actor_type = 'PERSON' "
        "union select name from actors where $published and actor_type = 'PERSON'",
        {"published": published},
    ).fetchall()
    return [row[0] for row in rows]


def loaded_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each input path and the hash it had when it was last loaded."""
    return dict(con.execute("select input_path, content_hash from inputs").fetchall())


def bytes_read(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each `.jsonl` input path and how many of its first bytes its loaded hash covers: a file
    grown past them, and whose first bytes still hash the same, is read on from there."""
    return dict(con.execute("select input_path, bytes_read from inputs where bytes_read is not null").fetchall())


def feed_states(con: duckdb.DuckDBPyConnection) -> dict[str, FeedState]:
    """Each feed asked for before: the validators of the copy last read, and when it was asked for."""
    rows = con.execute("select input_path, etag, last_modified, polled_at from inputs where polled_at is not null")
    return {url: FeedState(etag, last_modified, polled_at) for url, etag, last_modified, polled_at in rows.fetchall()}


def published_between(con: duckdb.DuckDBPyConnection, since: date | None, until: date | None) -> list[str]:
    """The ids of the loaded articles published in a window (ends included), in publication order."""
    rows = con.execute(
        """
        select article_id
        from articles
        where ($since is null or published_at >= $since) and ($until is null or published_at <= $until)
        order by published_at, article_id
        """,
        {"since": since, "until": until},
    ).fetchall()
    return [row[0] for row in rows]


def loaded_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[Article]:
    """Loaded articles, in the order of `article_ids`, ready to be extracted again."""
    names = columns(Article)
    rows = con.execute(
        f"select {', '.join(names)} from articles where list_contains($ids, article_id)", {"ids": list(article_ids)}
    ).fetchall()
    by_id = {values["article_id"]: values for values in (dict(zip(names, row, strict=True)) for row in rows)}
    return [rebuild_article(**by_id[article_id]) for article_id in article_ids]


def known_events(
    con: duckdb.DuckDBPyConnection, replaced_articles: Sequence[str], published: bool = True
) -> list[EventSummary]:
    """Canonical events of the batches the run has staged and, with `published`, those in the
    warehouse, leaving out the articles the run replaces."""
    rows = con.execute(
        """
        with run_types as (
            select
                actor_id,
                any_value(actor_type) as actor_type,
            from run_actors
            where actor_type is not null
            group by actor_id
        ),

        staged as (
            select
                events.canonical_event_id,
                events.event_type,
                events.event_date,
                events.date_source,
                articles.published_at,
                event_actors.actor_id,
                run_types.actor_type,
                event_actors.role,
                events.event_mode,
            from run_events as events
            inner join run_articles as articles on events.article_id = articles.article_id
            left join run_event_actors as event_actors on events.event_id = event_actors.event_id
            left join run_types on event_actors.actor_id = run_types.actor_id
        ),

        loaded as (
            select
                events.canonical_event_id,
                events.event_type,
                events.event_date,
                events.date_source,
                articles.published_at,
                event_actors.actor_id,
                actors.actor_type,
                event_actors.role,
                events.event_mode,
            from events
            inner join articles on events.article_id = articles.article_id
            left join event_actors on events.event_id = event_actors.event_id
            left join actors on event_actors.actor_id = actors.actor_id
            where
                $published
                and not list_contains($replaced, events.article_id)
                and events.article_id not in (select run.article_id from run_articles as run)
        )

        select * from staged
        union all
        select * from loaded
        """,
        {"replaced": list(replaced_articles), "published": published},
    ).fetchall()
    return summarise((EventRow(*row) for row in rows), known=True)


def begin_run(con: duckdb.DuckDBPyConnection) -> None:
    """Start staging a run: its staging tables emptied, DuckDB's memory set for the batches."""
    con.execute(f"set memory_limit = '{STAGING_MEMORY} bytes'")
    for table in RUN_TABLES:
        con.execute(f"delete from {table}")


def _parameters(run_id: str, loaded_at: datetime) -> dict[str, object]:
    return {
        "run_id": run_id,
        "loaded_at": loaded_at,
        "countries_csv": str(existing(SEEDS_DIR / COUNTRIES_FILE)),
        "actor_aliases_csv": str(existing(SEEDS_DIR / ALIASES_FILE)),
    }


def load_batch(con: duckdb.DuckDBPyConnection, batch: StagedBatch, run_id: str, loaded_at: datetime) -> None:
    """Stage one batch in the run's tables, committed there; nothing is published yet."""
    parameters = _parameters(run_id, loaded_at)
    for path in sql_layer(LOAD_LAYER):
        _execute(con, path, parameters, batch.frames)
    if "articles" in batch.frames:
        sources = staged_sources(batch.frames["articles"])
        if sources:
            frame = pd.DataFrame([asdict(row) for row in sources], columns=list(columns(SourceRow)))
            frame["run_id"] = run_id
            frame["loaded_at"] = loaded_at
            _insert(con, "run_article_sources", frame)


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run: RunRecord,
    rejections: Sequence[Rejection],
    outcomes: Sequence[ExpectationOutcome],
    quarantined: Sequence[FlaggedRow] = (),
    findings: Sequence[FlaggedRow] = (),
    failure: str | None = None,
    inputs: Sequence[InputFile] = (),
    notes: Sequence[InputNote] = (),
) -> None:
    """Publish the staged run with its record in one transaction, or with a `failure` record
    only the run, publishing nothing.

    A full refresh (`run.mode`) first empties the published tables. The hashes of the `inputs`
    read (with, for a `.jsonl` file, how many bytes of it were read) are stored with a published
    run, so the next run skips them while unchanged and reads only what was appended to one.
    """
    con.execute(f"set memory_limit = '{PUBLISH_MEMORY} bytes'")
    con.execute("begin transaction")
    try:
        if failure is None:
            if run.mode == "full-refresh":
                for table in PUBLISHED_TABLES:
                    con.execute(f"delete from {table}")
            parameters = _parameters(run.run_id, run.finished_at)
            for path in sql_layer(PUBLISH_LAYER):
                _execute(con, path, parameters)
            con.execute("insert or replace into article_sources by name select * from run_article_sources")
            if inputs:
                # one statement for all: a statement per input costs milliseconds, minutes for a big folder
                _insert(con, "inputs", _inputs_frame(inputs, run), replace=True)
        _record_run(con, run, rejections, outcomes, quarantined, findings, failure)
        _insert(
            con,
            "input_notes",
            pd.DataFrame(
                [(run.run_id, n.input_path, n.note, run.finished_at) for n in notes],
                columns=["run_id", "input_path", "note", "noted_at"],
            ),
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def publish(
    con: duckdb.DuckDBPyConnection,
    batch: StagedBatch,
    run: RunRecord,
    rejections: Sequence[Rejection],
    outcomes: Sequence[ExpectationOutcome],
    quarantined: Sequence[FlaggedRow] = (),
    findings: Sequence[FlaggedRow] = (),
    failure: str | None = None,
    inputs: Sequence[InputFile] = (),
) -> None:
    """A run of one batch: `begin_run`, `load_batch`, `finish_run`."""
    begin_run(con)
    if failure is None:
        load_batch(con, batch, run.run_id, run.finished_at)
    finish_run(con, run, rejections, outcomes, quarantined, findings, failure, inputs)


def record_idle_run(con: duckdb.DuckDBPyConnection, run: RunRecord, inputs: Sequence[InputFile] = ()) -> None:
    """A run that found nothing new: recorded with the feeds it asked for (when, and their
    validators), nothing else touched."""
    con.execute("begin transaction")
    try:
        polled = [i for i in inputs if i.polled_at is not None]
        if polled:
            _insert(con, "inputs", _inputs_frame(polled, run), replace=True)
        _record_run(con, run, [], [], [], [], None, status="nothing new")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _inputs_frame(inputs: Sequence[InputFile], run: RunRecord) -> pd.DataFrame:
    """The `inputs` rows of the inputs a run read."""
    return pd.DataFrame(
        [
            (i.input_path, i.content_hash, run.run_id, run.finished_at, i.bytes_read, i.etag, i.last_modified,
             i.polled_at)
            for i in inputs
        ],
        columns=["input_path", "content_hash", "run_id", "loaded_at", "bytes_read", "etag", "last_modified",
                 "polled_at"],
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, replace: bool = False) -> None:
    """`frame`'s rows into `table`; with `replace`, a row replaces the one with its key."""
    con.register("rows_to_insert", frame)
    try:
        con.execute(f"insert {'or replace ' if replace else ''}into {table} by name select * from rows_to_insert")
    finally:
        con.unregister("rows_to_insert")


def _flagged(rows: Sequence[FlaggedRow], run: RunRecord) -> pd.DataFrame:
    frame = pd.DataFrame([asdict(r) for r in rows], columns=list(columns(FlaggedRow)))
    frame.insert(0, "run_id", run.run_id)
    frame["flagged_at"] = run.finished_at
    return frame


def _record_run(
    con: duckdb.DuckDBPyConnection,
    run: RunRecord,
    rejections: Sequence[Rejection],
    outcomes: Sequence[ExpectationOutcome],
    quarantined: Sequence[FlaggedRow],
    findings: Sequence[FlaggedRow],
    failure: str | None,
    status: str = "published",
) -> None:
    record = asdict(run)
    record["row_counts"] = json.dumps(dict(run.row_counts))
    record["source"] = path_text(run.source)  # a folder named in bytes that are not UTF-8, stored escaped
    con.execute(
        "insert or replace into runs by name select $run_id as run_id, $flow_run_id as flow_run_id, "
        "$started_at as started_at, $finished_at as finished_at, $source as source, $mode as mode, "
        "$inputs_unchanged as inputs_unchanged, $articles_read as articles_read, "
        "$articles_rejected as articles_rejected, $articles_duplicate as articles_duplicate, "
        "$row_counts as row_counts",
        record,
    )
    _insert(
        con,
        "rejected_inputs",
        pd.DataFrame(
            [(run.run_id, r.input_path, r.reason, run.finished_at) for r in rejections],
            columns=["run_id", "input_path", "reason", "rejected_at"],
        ),
    )
    failed = [o for o in outcomes if not o.success]
    critical = sum(o.severity == "critical" for o in failed)
    con.execute(
        "insert or replace into dq_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run.run_id, run.finished_at, len(outcomes), len(failed), critical, len(failed) - critical, critical == 0,
            status if failure is None else f"failed: {failure}",
            distinct_rows(quarantined), distinct_rows(findings),
        ],
    )
    _insert(
        con,
        "dq_results",
        pd.DataFrame(
            [
                (run.run_id, o.suite, o.expectation, o.column, o.severity, o.success, o.element_count,
                 o.unexpected_count, o.unexpected_sample, o.description)
                for o in outcomes
            ],
            columns=["run_id", "suite", "expectation", "column_name", "severity", "success", "element_count",
                     "unexpected_count", "unexpected_sample", "description"],
        ),
    )
    _insert(con, "quarantine", _flagged(quarantined, run))
    _insert(con, "dq_findings", _flagged(findings, run))
