"""What the data-quality dashboard reads from the warehouse, and the records it reads it into.

`collect` reads `runs`, `dq_runs`, `dq_results`, `quarantine`, `dq_findings`, `rejected_inputs`
and `articles`: every run, and the expectations, flagged rows and rejections of the latest one.
`newswire.quality.dashboard` renders what it read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from newswire.records import FlaggedRow, Rejection


@dataclass(frozen=True, slots=True)
class RunHistoryRow:
    """One run of the warehouse's history, as `runs` and `dq_runs` record it; either side may be missing."""

    run_id: str
    started_at: datetime | None
    finished_at: datetime | None
    source: str | None
    articles_read: int | None
    articles_rejected: int | None
    articles_duplicate: int | None
    row_counts: tuple[tuple[str, int], ...]
    expectations: int | None
    failed: int | None
    critical_failures: int | None
    warnings: int | None
    status: str | None
    quarantined_rows: int | None
    flagged_rows: int | None

    @property
    def published(self) -> bool:
        return self.status == "published"

    @property
    def failure_reason(self) -> str | None:
        """The reason after 'failed: ', or None for a run that did not fail."""
        if self.status is None or not self.status.startswith("failed"):
            return None
        return self.status.partition(":")[2].strip() or None

    @property
    def when(self) -> datetime | None:
        return self.started_at or self.finished_at


@dataclass(frozen=True, slots=True)
class ExpectationResult:
    suite: str
    expectation: str
    column_name: str | None
    severity: str
    success: bool
    element_count: int
    unexpected_count: int
    unexpected_sample: tuple[str, ...]
    description: str | None


@dataclass(frozen=True, slots=True)
class FlaggedRowWithArticle(FlaggedRow):
    """A quarantined row or a finding as the warehouse recorded it, with the article it belongs
    to: from `articles` when it is loaded, else from the row itself."""

    external_id: str | None
    title: str | None
    published_at: str | None

    @property
    def fields(self) -> tuple[tuple[str, str], ...]:
        """The row's columns and their values, as text."""
        values = json.loads(self.row_json) if self.row_json else {}
        return tuple((str(k), _text(v)) for k, v in values.items()) if isinstance(values, dict) else ()

    @property
    def checked_value(self) -> str | None:
        return dict(self.fields).get(self.column_name) if self.column_name else None


@dataclass(frozen=True, slots=True)
class DashboardData:
    runs: tuple[RunHistoryRow, ...]  # oldest first
    results: tuple[ExpectationResult, ...]  # of the latest run
    quarantined: tuple[FlaggedRowWithArticle, ...]  # of the latest run
    findings: tuple[FlaggedRowWithArticle, ...]  # of the latest run
    rejected: tuple[Rejection, ...]  # of the latest run
    data_docs_href: str | None = None

    @property
    def latest(self) -> RunHistoryRow | None:
        return self.runs[-1] if self.runs else None


_RUNS_SQL = """
select
    coalesce(r.run_id, d.run_id) as run_id,
    r.started_at,
    r.finished_at,
    r.source,
    r.articles_read,
    r.articles_rejected,
    r.articles_duplicate,
    r.row_counts,
    d.expectations,
    d.failed,
    d.critical_failures,
    d.warnings,
    d.status,
    d.quarantined_rows,
    d.flagged_rows
from runs as r
full outer join dq_runs as d on r.run_id = d.run_id
order by coalesce(r.started_at, r.finished_at, d.validated_at), run_id
"""

_RESULTS_SQL = """
select suite, expectation, column_name, severity, success, element_count, unexpected_count,
    unexpected_sample, description
from dq_results
where run_id = $run_id
order by suite, success, severity, expectation, column_name
"""

_FLAGGED_SQL = """
select
    f.table_name,
    f.expectation,
    f.column_name,
    f.severity,
    f.description,
    f.article_id,
    coalesce(a.external_id, json_extract_string(f.row_json, '$.external_id')) as external_id,
    coalesce(a.title, json_extract_string(f.row_json, '$.title')) as title,
    coalesce(cast(a.published_at as varchar), json_extract_string(f.row_json, '$.published_at')) as published_at,
    f.row_key,
    f.row_json
from {table} as f
left join articles as a on f.article_id = a.article_id
where f.run_id = $run_id
order by f.table_name, f.expectation, f.row_key
"""

_REJECTED_SQL = """
select input_path, reason
from rejected_inputs
where run_id = $run_id
order by input_path
"""


def collect(con: duckdb.DuckDBPyConnection) -> DashboardData:
    """Read every run, and the expectations, flagged rows and rejections of the latest one."""
    runs = tuple(_run(row) for row in con.execute(_RUNS_SQL).fetchall())
    if not runs:
        return DashboardData(runs=(), results=(), quarantined=(), findings=(), rejected=())
    latest = {"run_id": runs[-1].run_id}
    results = tuple(
        ExpectationResult(
            suite, expectation, column, severity, bool(success), int(elements), int(unexpected),
            _sample(sample), description,
        )
        for suite, expectation, column, severity, success, elements, unexpected, sample, description
        in con.execute(_RESULTS_SQL, latest).fetchall()
    )
    quarantined, findings = (
        tuple(_flagged(row) for row in con.execute(_FLAGGED_SQL.format(table=table), latest).fetchall())
        for table in ("quarantine", "dq_findings")
    )
    rejected = tuple(Rejection(*row) for row in con.execute(_REJECTED_SQL, latest).fetchall())
    return DashboardData(runs, results, quarantined, findings, rejected)


def _run(row: tuple) -> RunHistoryRow:
    (run_id, started, finished, source, read, rejected, duplicate, row_counts,
     expectations, failed, critical, warnings, status, quarantined, flagged) = row
    counts = json.loads(row_counts) if row_counts else {}
    return RunHistoryRow(
        run_id, started, finished, source, read, rejected, duplicate,
        tuple((str(table), int(rows)) for table, rows in counts.items()),
        expectations, failed, critical, warnings, status, quarantined, flagged,
    )


def _sample(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    values = json.loads(raw)
    items = values if isinstance(values, list) else [values]
    return tuple(_text(value) for value in items)


def _flagged(row: tuple) -> FlaggedRowWithArticle:
    *recorded, external_id, title, published_at, row_key, row_json = row
    return FlaggedRowWithArticle(*recorded, row_key, row_json, external_id, title, published_at)


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
