"""The `news_etl` Prefect flow: ingest -> extract -> validate -> load, a task per batch.

The work itself lives in plain functions (`flows.ingest`, `flows.pipeline`, `flows.staging`,
`flows.validate`, `flows.warehouse`); this module only wires them and adds retries where
I/O can fail.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.ingest import IngestResult, ingest
from flows.nlp import load_model
from flows.pipeline import assign_canonical_events, extract_articles, link_across
from flows.records import Article, Extraction
from flows.reference import load_gazetteer
from flows.staging import StagedBatch, stage
from flows.validate import ExpectationOutcome, validate_tables
from flows import warehouse

ARTICLES_PER_TASK = 64


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    db: str
    articles_read: int
    articles_rejected: int
    articles_duplicate: int
    rows_loaded: dict[str, int]
    rows_in_warehouse: dict[str, int]
    expectations: int
    failed_critical: int
    failed_warning: int
    seconds: float

    def lines(self) -> list[str]:
        loaded = ", ".join(f"{table} {count}" for table, count in self.rows_loaded.items())
        total = ", ".join(f"{table} {count}" for table, count in self.rows_in_warehouse.items())
        return [
            f"run {self.run_id} finished in {self.seconds:.1f} s -> {self.db}",
            f"articles: {self.articles_read} read, {self.articles_rejected} rejected, "
            f"{self.articles_duplicate} duplicate",
            f"rows loaded: {loaded}",
            f"rows in warehouse: {total}",
            f"data quality: {self.expectations} expectations, {self.failed_critical} critical and "
            f"{self.failed_warning} warning failures",
        ]


@task(name="ingest", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(source: Path) -> IngestResult:
    return ingest(source)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: Sequence[Article]) -> list[Extraction]:
    return extract_articles(articles, load_model(), load_gazetteer())


@task(name="link", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def link_task(extractions: Sequence[Extraction], db: Path) -> list[Extraction]:
    """Join actors and events across articles, including those already in the warehouse."""
    con = warehouse.connect(db)
    try:
        people = warehouse.known_people(con)
        events = warehouse.known_events(con, [x.article.article_id for x in extractions])
    finally:
        con.close()
    return assign_canonical_events(link_across(extractions, people), events)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(batch: StagedBatch) -> list[ExpectationOutcome]:
    return validate_tables(batch.frames)


@task(name="load", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_task(
    db: Path,
    batch: StagedBatch,
    run: warehouse.RunRecord,
    ingested: IngestResult,
    outcomes: Sequence[ExpectationOutcome],
) -> dict[str, int]:
    con = warehouse.connect(db)
    try:
        warehouse.publish(con, batch, run, ingested.rejections, outcomes)
        return {
            table: con.execute(f"select count(*) from {table}").fetchone()[0]
            for table in batch.frames
        }
    finally:
        con.close()


def _batches(articles: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


@flow(name="news_etl", flow_run_name="news-etl-{source}", log_prints=False)
def news_etl(source: Path, db: Path) -> RunSummary:
    """Read the articles at `source`, extract their facts, validate them and load `db`."""
    logger = get_run_logger()
    started = time.perf_counter()
    started_at = datetime.now(timezone.utc)
    run_id = flow_run.get_id() or started_at.strftime("%Y%m%dT%H%M%S%f")

    ingested = ingest_task(source)
    logger.info(
        "ingested %d articles (%d rejected, %d duplicate) from %s",
        len(ingested.articles), len(ingested.rejections), ingested.duplicates, source,
    )
    for rejection in ingested.rejections:
        logger.warning("rejected %s: %s", rejection.input_path, rejection.reason)

    extractions = [x for batch in _batches(ingested.articles, ARTICLES_PER_TASK) for x in extract_task(batch)]
    batch = stage(link_task(extractions, db))
    outcomes = validate_task(batch)
    failed = [o for o in outcomes if not o.success]
    for outcome in failed:
        logger.warning(
            "%s expectation failed: %s.%s %s (%d unexpected)",
            outcome.severity, outcome.suite, outcome.column or "", outcome.expectation, outcome.unexpected_count,
        )
    run = warehouse.RunRecord(
        run_id=run_id,
        flow_run_id=flow_run.get_id(),
        started_at=started_at,
        finished_at=datetime.now(timezone.utc),
        source=str(source),
        articles_read=len(ingested.articles),
        articles_rejected=len(ingested.rejections),
        articles_duplicate=ingested.duplicates,
        row_counts=batch.row_counts(),
    )
    totals = load_task(db, batch, run, ingested, outcomes)
    critical = sum(o.severity == "critical" for o in failed)
    summary = RunSummary(
        run_id=run_id,
        db=str(db),
        articles_read=len(ingested.articles),
        articles_rejected=len(ingested.rejections),
        articles_duplicate=ingested.duplicates,
        rows_loaded=batch.row_counts(),
        rows_in_warehouse=totals,
        expectations=len(outcomes),
        failed_critical=critical,
        failed_warning=len(failed) - critical,
        seconds=time.perf_counter() - started,
    )
    for line in summary.lines():
        logger.info(line)
    return summary
