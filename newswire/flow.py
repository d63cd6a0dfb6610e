"""The `news_etl` Prefect flow: ingest -> extract -> validate -> load, a task per batch.

Annotations here are evaluated eagerly: Prefect builds the flow's parameter model from them.

The work itself lives in plain functions (`newswire.ingest.inputs`, `newswire.extract.pipeline`, `newswire.load.staging`,
`newswire.quality.validate`, `newswire.load.warehouse`); this module only wires them, adds retries where
I/O can fail, and tells `newswire.progress` how far the run is at each batch and stage. Articles stream through: each batch is read and extracted, a few batches' worth are validated and staged
in the warehouse, then let go; only counts, keys and the rows flagged by validation are kept
until the run publishes what it staged. An article that fails to parse, extract, link, stage or
validate is rejected with its stage and reason (its traceback goes to the run's log), and the
run goes on: the articles validated together are halved until the article that raises is alone. Large arguments are passed `quote`d, so Prefect does
not walk every record of a batch looking for futures; except to a submitted task, which a Dask
worker would receive still wrapped.
"""

import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from itertools import chain, islice
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from newswire.extract.nlp import stop_parsing
from newswire.extract.pipeline import ExtractedBatch, Failure, extract_articles, load_extractors
from newswire.ingest.feeds import FeedState
from newswire.ingest.inputs import IngestResult, IngestStream, InputFile
from newswire.link.actors import link_across
from newswire.link.events import assign_canonical_events
from newswire.load import warehouse
from newswire.load.staging import TABLE_COLUMNS, StagedBatch, calendar_span, stage
from newswire.progress import RunProgress, expected_articles, watch
from newswire.quality.checks import RUN_TABLE, QualityDecision, combine, decide, run_checks, run_failure, with_checks
from newswire.quality.dashboard import DATA_DOCS, write_site
from newswire.quality.validate import ExpectationOutcome, critical_failures, validate_tables
from newswire.records import Article, Extraction
from newswire.runs import RunResult, run_record

# Articles parsed and extracted together. The next batch is parsed while the articles before it
# are validated and staged.
ARTICLES_PER_BATCH = 500
# Articles linked, validated and staged together, a few batches' worth. A Great Expectations call
# costs about 1.3 s of this process whatever its size (it builds every expectation's metric
# graph), so it runs once for this many articles, not once a batch; their records are let go
# once they are staged, so memory stays bounded. Across groups, a surname alone links to a full
# name already staged or loaded, not to one in a later group.
ARTICLES_PER_VALIDATION = 2500


class RunFailed(RuntimeError):
    """The run could not be published; its validation results are recorded."""


@task(name="loaded-inputs", retries=2, retry_delay_seconds=[2, 8], cache_policy=NO_CACHE)
def loaded_inputs_task(db: Path) -> tuple[dict[str, str], dict[str, int]]:
    """Each input's hash when it was last loaded (an input that still has it is not read again),
    and how many bytes of each `.jsonl` input were read (a grown one is read on from there)."""
    con = warehouse.connect(db)
    try:
        return warehouse.loaded_inputs(con), warehouse.bytes_read(con)
    finally:
        con.close()


@task(name="feed-states", retries=2, retry_delay_seconds=[2, 8], cache_policy=NO_CACHE)
def feed_states_task(db: Path) -> dict[str, FeedState]:
    """Each feed's validators for a conditional GET, and when it was last asked for."""
    con = warehouse.connect(db)
    try:
        return warehouse.feed_states(con)
    finally:
        con.close()


@task(name="read-window", retries=2, retry_delay_seconds=[2, 8], cache_policy=NO_CACHE)
def window_task(db: Path, since: date | None, until: date | None) -> list[str]:
    """The ids of the loaded articles published in a window, to be extracted again."""
    con = warehouse.connect(db)
    try:
        return warehouse.published_between(con, since, until)
    finally:
        con.close()


@task(name="ingest", cache_policy=NO_CACHE)
def read_task(articles: Iterator[Article], size: int) -> tuple[Article, ...]:
    """The next `size` articles of the run (fewer at its end)."""
    return tuple(islice(articles, size))


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: Sequence[Article]) -> ExtractedBatch:
    return extract_articles(articles, *load_extractors())


@task(name="link", cache_policy=NO_CACHE)
def link_task(
    extractions: Sequence[Extraction], con: duckdb.DuckDBPyConnection, published: bool = True
) -> list[Extraction]:
    """Join actors and events across articles: those the run staged before and, with
    `published`, those already in the warehouse."""
    people = warehouse.known_people(con, published)
    events = warehouse.known_events(con, [x.article.article_id for x in extractions], published)
    return assign_canonical_events(link_across(extractions, people), events)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(frames: dict, docs_dir: Path | None) -> list[ExpectationOutcome]:
    """Great Expectations on the staged frames; its Data Docs go to `docs_dir` when given."""
    return validate_tables(frames, docs_dir=docs_dir)


@task(name="load", cache_policy=NO_CACHE)
def load_task(con: duckdb.DuckDBPyConnection, decision: QualityDecision, run_id: str) -> dict[str, int]:
    """Stage what validation let through; the run publishes it when it ends."""
    warehouse.load_batch(con, decision.batch, run_id, datetime.now(timezone.utc))
    return decision.batch.row_counts()


@task(name="finish", cache_policy=NO_CACHE)
def finish_task(
    con: duckdb.DuckDBPyConnection,
    run: warehouse.RunRecord,
    ingested: IngestResult,
    outcomes: Sequence[ExpectationOutcome],
    decisions: Sequence[QualityDecision],
    failure: str | None,
) -> dict[str, int]:
    """Publish the run (or record why not), and count the published rows."""
    warehouse.finish_run(
        con, run, ingested.rejections, outcomes,
        [r for d in decisions for r in d.quarantined], [r for d in decisions for r in d.findings],
        failure, ingested.inputs, ingested.notes,
    )
    return {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table in TABLE_COLUMNS}


@task(name="dashboard", retries=2, retry_delay_seconds=[2, 8], cache_policy=NO_CACHE)
def dashboard_task(db: Path) -> Path:
    """Rebuild the data-quality dashboard beside the warehouse file."""
    con = warehouse.connect(db, read_only=True)
    try:
        return write_site(con, db.parent)
    finally:
        con.close()


def _quality_report(
    run_id: str, status: str, outcomes: Sequence[ExpectationOutcome], decisions: Sequence[QualityDecision]
) -> str:
    """The run's data quality as Markdown, for the Prefect UI."""
    suites: dict[str, list[ExpectationOutcome]] = {}
    for outcome in outcomes:
        suites.setdefault(outcome.suite, []).append(outcome)
    lines = [
        f"# Data quality of run {run_id}",
        f"**{status}** — {sum(d.quarantined_rows for d in decisions)} quarantined rows, "
        f"{sum(len(d.findings) for d in decisions)} findings",
        "",
        "| suite | expectations | critical failed | warnings failed |",
        "|---|---|---|---|",
    ]
    for suite, results in suites.items():
        critical = sum(not o.success and o.severity == "critical" for o in results)
        warning = sum(not o.success and o.severity == "warning" for o in results)
        lines.append(f"| {suite} | {len(results)} | {critical} | {warning} |")
    failed = [o for o in outcomes if not o.success]
    if failed:
        lines += ["", "| suite | column | expectation | severity | unexpected |", "|---|---|---|---|---|"]
        lines += [
            f"| {o.suite} | {o.column or ''} | {o.description or o.expectation} | {o.severity} | {o.unexpected_count} |"
            for o in failed
        ]
    return "\n".join(lines)


def _batches(articles: Iterator[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """The articles `size` at a time, each batch read when it is asked for."""
    while batch := read_task(quote(articles), size):
        yield batch


def _window(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], size: int) -> Iterator[Article]:
    """The loaded articles of a backfill, fetched `size` at a time."""
    for start in range(0, len(article_ids), size):
        yield from warehouse.loaded_articles(con, article_ids[start : start + size])


def _flags_only(decision: QualityDecision) -> QualityDecision:
    """A batch's decision once its published frames are loaded: what the run's record needs."""
    return replace(decision, batch=StagedBatch({}))


@task(name="record-idle-run", retries=2, retry_delay_seconds=[2, 8], cache_policy=NO_CACHE)
def idle_task(db: Path, run: warehouse.RunRecord, inputs: Sequence[InputFile] = ()) -> None:
    con = warehouse.connect(db)
    try:
        warehouse.record_idle_run(con, run, inputs)
    finally:
        con.close()


def _mode(full_refresh: bool, since: date | None, until: date | None) -> str:
    if since is not None or until is not None:
        return "backfill"
    return "full-refresh" if full_refresh else "incremental"


def _extracted(batches: Iterator[tuple[Article, ...]], ahead: int) -> Iterator[ExtractedBatch]:
    """Each batch's extractions in order, `ahead` batches extracting at a time.

    The next batch is read while they extract. On the default runner extraction overlaps the
    validation and loading of the batch before; on a Dask cluster, `ahead` batches extract on
    as many workers.
    """
    pending = deque(extract_task.submit(batch) for batch in islice(batches, ahead))
    while pending:
        following = next(batches, None)
        extractions = pending.popleft().result()
        if following is not None:
            pending.append(extract_task.submit(following))
        yield extractions


def _groups(
    extracted: Iterator[ExtractedBatch], size: int, failures: list[Failure]
) -> Iterator[list[Extraction]]:
    """The batches' extractions, `size` articles or more at a time (the last group may be fewer);
    the articles that failed join `failures`."""
    group: list[Extraction] = []
    for batch in extracted:
        failures += batch.failures
        group += batch.extractions
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _advanced(batches: Iterator[ExtractedBatch], watched: RunProgress) -> Iterator[ExtractedBatch]:
    """The batches, each counted as done (and logged) once extracted."""
    logger = get_run_logger()
    for index, batch in enumerate(batches):
        done = watched.advance(len(batch.extractions) + len(batch.failures))
        logger.info("batch %d: %d articles extracted; %s", index + 1, len(batch.extractions), done.describe())
        yield batch


def _validated(
    extractions: Sequence[Extraction], con: duckdb.DuckDBPyConnection, published: bool, docs: Path | None,
    failures: list[Failure], calendar_known: tuple[date, date] | None = None,
) -> Iterator[tuple[Sequence[Extraction], QualityDecision, list[ExpectationOutcome]]]:
    """Link, stage and validate extractions: those validated together, the decision, its outcomes.

    The date dimension staged leaves out the days of `calendar_known`, validated before. When
    any of that raises, each half is tried again on its own, down to the one article that
    raises, which joins `failures`. Each part is loaded before the next is linked.
    """
    if not extractions:
        return
    try:
        linked = link_task(quote(extractions), con, published=published)
        frames = with_checks(stage(linked, calendar_known).frames)
        outcomes = validate_task(quote(frames), docs)
        decision = decide(frames, outcomes)
    except Exception as exc:
        if len(extractions) == 1:
            failures.append(Failure.of(extractions[0].article, "validate", exc))
            return
    else:
        yield extractions, decision, outcomes
        return
    half = len(extractions) // 2
    yield from _validated(extractions[:half], con, published, docs, failures, calendar_known)
    yield from _validated(extractions[half:], con, published, docs, failures, calendar_known)


@flow(name="news_etl", flow_run_name="news-etl-{source}", log_prints=False)
def news_etl(
    source: Path | str,
    db: Path,
    full_refresh: bool = False,
    since: date | None = None,
    until: date | None = None,
    extractions_ahead: int = 1,
    wait: float = 0.0,
    articles_per_batch: int = ARTICLES_PER_BATCH,
    articles_per_validation: int = ARTICLES_PER_VALIDATION,
) -> RunResult:
    """Read the new or changed articles at `source`, extract their facts, validate them, load `db`.

    `source` is a file or folder of inputs, a feeds file or a feed URL (`newswire.ingest.inputs`).
    `full_refresh` reads every input and rebuilds the published tables; `since`/`until`
    extract again the loaded articles published in that window, replacing their rows.
    `extractions_ahead` batches extract while one is loaded (the workers of a Dask cluster).
    `wait` is how long to wait for another run holding the warehouse before giving up.
    `articles_per_batch` articles are extracted at a time, and at least `articles_per_validation`
    (or the run's last ones) linked, validated and loaded at a time.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    started_at = datetime.now(timezone.utc)
    run_id = flow_run.get_id() or started_at.strftime("%Y%m%dT%H%M%S%f")
    mode = _mode(full_refresh, since, until)
    with warehouse.exclusive(db, wait):
        if mode == "backfill":
            stream, window, first = None, window_task(db, since, until), ()
        else:
            known = loaded_inputs_task(db) if mode == "incremental" else ()
            stream = IngestStream(source, *known, feeds=feed_states_task(db) if known else None)
            window, first = [], read_task(quote(iter(stream)), articles_per_batch)
        # Once a first read finds no article the stream is exhausted: its findings are all known.
        ingested = stream.result() if stream is not None else IngestResult((), (), 0)
        if mode == "incremental" and not first and not ingested.rejections:
            idle_task(db, run_record(run_id, flow_run.get_id(), started_at, source, mode, ingested, 0, {}), ingested.inputs)
            summary = RunResult.nothing_new(run_id, str(db), ingested.unchanged, time.perf_counter() - started)
            logger.info(summary.lines()[0])
            return summary

        watched = watch(len(window) if stream is None else expected_articles(source, *known))
        con = warehouse.connect(db)
        try:
            warehouse.begin_run(con)
            if stream is None:
                batches = _batches(_window(con, window, articles_per_batch), articles_per_batch)
            else:
                batches = chain([first] if first else [], _batches(iter(stream), articles_per_batch))
            decisions: list[QualityDecision] = []
            outcomes: list[ExpectationOutcome] = []
            loaded: Counter[str] = Counter()
            failures: list[Failure] = []
            read = undated = 0
            docs = db.parent / DATA_DOCS.parent
            calendar: tuple[date, date] | None = None  # the first and last day of the staged calendar
            try:
                extracting = watched.through("extract", _extracted(watched.reading(batches), extractions_ahead))
                for group in _groups(_advanced(extracting, watched), articles_per_validation, failures):
                    # Data Docs render the run's first group; dq_results and the dashboard cover all.
                    parts = _validated(group, con, mode != "full-refresh", None if decisions else docs, failures,
                                       calendar)
                    group_read = 0
                    for extractions, decision, part_outcomes in parts:
                        loaded.update(load_task(con, quote(decision), run_id))
                        calendar = calendar_span(decision.batch, calendar)
                        decisions.append(_flags_only(decision))
                        outcomes = combine([outcomes, part_outcomes] if outcomes else [part_outcomes])
                        group_read += len(extractions)
                        undated += sum(x.article.published_at is None for x in extractions)
                    read += group_read
                    logger.info("%d of %d articles validated and loaded", group_read, len(group))
            finally:
                stop_parsing()  # the parsing workers the extraction started in this process
            watched.finish("load")
            if stream is not None:
                ingested = stream.result()
            for failed in failures:
                logger.warning("%s failed on %s:\n%s", failed.stage, failed.article.input_path, failed.details)
            ingested = replace(ingested, rejections=ingested.rejections + tuple(f.rejection() for f in failures))
            logger.info(
                "%s run: %d articles extracted (%d rejected, %d duplicate, %d inputs unchanged) from %s",
                mode, read, len(ingested.rejections), ingested.duplicates, ingested.unchanged,
                "the warehouse" if mode == "backfill" else source,
            )
            for rejection in ingested.rejections:
                logger.warning("rejected %s: %s", rejection.input_path, rejection.reason)
            run_outcomes = validate_task({RUN_TABLE: run_checks(len(ingested.inputs), read, undated)}, None)
            watched.finish("validate")
            outcomes += run_outcomes
            failure = run_failure(decisions, run_outcomes)
            for outcome in (o for o in outcomes if not o.success):
                logger.warning(
                    "%s expectation failed: %s.%s %s (%d unexpected)", outcome.severity, outcome.suite,
                    outcome.column or "", outcome.expectation, outcome.unexpected_count,
                )
            run = run_record(run_id, flow_run.get_id(), started_at, source, mode, ingested, read, dict(loaded))
            totals = finish_task(con, run, quote(ingested), quote(outcomes), quote(decisions), failure)
            watched.finish("publish")
        finally:
            con.close()
        dashboard = dashboard_task(db)
        watched.finish("dashboard")
    logger.info("data-quality dashboard: %s", dashboard)
    status = "published" if failure is None else f"failed: {failure}"
    create_markdown_artifact(
        key="data-quality", markdown=_quality_report(run_id, status, outcomes, decisions),
        description="Data quality of the run",
    )
    if failure is not None:
        raise RunFailed(f"nothing published: {failure}; see {dashboard}")
    failed = [o for o in outcomes if not o.success]
    critical = len(critical_failures(outcomes))
    summary = RunResult(
        run_id=run_id,
        db=str(db),
        articles_read=read,
        articles_rejected=len(ingested.rejections),
        articles_duplicate=ingested.duplicates,
        rows_loaded=dict(loaded),
        rows_in_warehouse=totals,
        expectations=len(outcomes),
        failed_critical=critical,
        failed_warning=len(failed) - critical,
        quarantined_rows=sum(d.quarantined_rows for d in decisions),
        findings=sum(len(d.findings) for d in decisions),
        dashboard=str(dashboard),
        seconds=time.perf_counter() - started,
        mode=mode,
        inputs_unchanged=ingested.unchanged,
    )
    for line in summary.lines():
        logger.info(line)
    return summary
