"""A run's result and record, and the check that finds nothing new before a run starts.

`RunResult` is what a run did, as the flow returns it and `newswire run` prints it.
`nothing_new` is the first thing `newswire run` does (holding the warehouse): when every input
at the source is loaded as it is now and none is rejected, it records the run as one that found
nothing new and returns its result, so the command ends without starting Prefect or loading the
model; otherwise it writes nothing and the flow runs. It never fetches: whether a feed has
anything new is the flow's to find out.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from newswire.ingest.feeds import is_feeds_source
from newswire.ingest.inputs import IngestResult, IngestStream
from newswire.load import warehouse


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did, as the flow returns it and `newswire run` prints it."""

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
    quarantined_rows: int
    findings: int
    dashboard: str
    seconds: float
    mode: str = "incremental"
    inputs_unchanged: int = 0

    @classmethod
    def nothing_new(cls, run_id: str, db: str, unchanged: int, seconds: float) -> "RunResult":
        return cls(run_id, db, 0, 0, 0, {}, {}, 0, 0, 0, 0, 0, "", seconds, "incremental", unchanged)

    def lines(self) -> list[str]:
        if self.mode == "incremental" and not self.articles_read and not self.articles_rejected:
            return [
                f"run {self.run_id} finished in {self.seconds:.1f} s -> {self.db}",
                f"nothing new: {self.inputs_unchanged} input(s) unchanged since they were loaded",
            ]
        loaded = ", ".join(f"{table} {count}" for table, count in self.rows_loaded.items()) or "none"
        total = ", ".join(f"{table} {count}" for table, count in self.rows_in_warehouse.items())
        return [
            f"{self.mode} run {self.run_id} finished in {self.seconds:.1f} s -> {self.db}",
            f"articles: {self.articles_read} read, {self.articles_rejected} rejected, "
            f"{self.articles_duplicate} duplicate; {self.inputs_unchanged} inputs unchanged",
            f"rows loaded: {loaded}",
            f"rows in warehouse: {total}",
            f"data quality: {self.expectations} expectations, {self.failed_critical} critical and "
            f"{self.failed_warning} warning failures; {self.quarantined_rows} rows quarantined, "
            f"{self.findings} findings; dashboard {self.dashboard}",
        ]


def run_record(
    run_id: str, flow_run_id: str | None, started_at: datetime, source: Path | str, mode: str, ingested: IngestResult,
    read: int, row_counts: dict[str, int],
) -> warehouse.RunRecord:
    """The run as it is recorded when it finishes, now."""
    return warehouse.RunRecord(
        run_id=run_id, flow_run_id=flow_run_id, started_at=started_at, finished_at=datetime.now(timezone.utc),
        source=str(source), articles_read=read, articles_rejected=len(ingested.rejections),
        articles_duplicate=ingested.duplicates, row_counts=row_counts, mode=mode, inputs_unchanged=ingested.unchanged,
    )


def nothing_new(source: Path | str, db: Path) -> RunResult | None:
    """The result of an incremental run at `source` into `db` that finds nothing new, recorded
    in `db`'s `runs` (with no Prefect flow run); None, and nothing written, when there is an
    input to read or to reject, no warehouse yet, or feeds to ask."""
    if not db.is_file() or is_feeds_source(source):
        return None
    started, started_at = time.perf_counter(), datetime.now(timezone.utc)
    con = warehouse.connect(db)
    try:
        stream = IngestStream(source, warehouse.loaded_inputs(con), warehouse.bytes_read(con))
        if next(iter(stream), None) is not None:
            return None
        ingested = stream.result()
        if ingested.rejections:
            return None
        run_id = str(uuid.uuid4())
        warehouse.record_idle_run(con, run_record(run_id, None, started_at, source, "incremental", ingested, 0, {}))
        return RunResult.nothing_new(run_id, str(db), ingested.unchanged, time.perf_counter() - started)
    finally:
        con.close()
