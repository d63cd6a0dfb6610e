"""Throughput and memory of a newswire run against the model's own limit, on Reuters stories.

Each measurement runs in a fresh Python process, so its peak memory is its own: `limit` is
bare `nlp.pipe` over the stories' texts with the same model, batch size and number of
processes the pipeline uses; `run` is the full flow (ingest, extract, validate, load) into a
new warehouse; `rerun` is the same flow again with nothing new. Fixed costs (imports, the
model, Great Expectations, the temporary Prefect server) are paid before the clock starts, in
every process, as a serving process pays them once.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flows.benchmarks.reuters import read_stories

STAGES = ("limit", "run", "rerun")


@dataclass(frozen=True, slots=True)
class Measurement:
    stage: str
    seconds: float
    peak_mb: float
    articles: int
    words: int

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def write_corpus(reuters: Path, articles: int, folder: Path) -> tuple[int, int]:
    """The first `articles` Reuters stories as one `.jsonl` input; (stories, words)."""
    stories = list(read_stories(reuters, limit=articles))
    with (folder / "stories.jsonl").open("w", encoding="utf-8") as handle:
        for story in stories:
            handle.write(json.dumps(story.record()) + "\n")
    return len(stories), sum(len(s.body.split()) for s in stories)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(stage: str, corpus: Path, db: Path) -> dict[str, float]:
    """One stage in this process (called in a child process by `run_benchmark`)."""
    from flows.nlp import load_model, nlp_processes
    from flows.pipeline import NLP_BATCH_SIZE

    nlp = load_model()
    if stage == "limit":
        from flows.clean import mask
        from flows.ingest import ingest

        texts = [mask(a.body, a.skipped_spans) for a in ingest(corpus).articles]
        seconds = _timed(
            lambda: sum(1 for _ in nlp.pipe(texts, batch_size=NLP_BATCH_SIZE, n_process=nlp_processes()))
        )
        return {"seconds": seconds, "peak_mb": _peak_mb()}
    import great_expectations  # noqa: F401  (imported once per process, like a serving worker)

    from flows.etl import news_etl

    warm = Path(tempfile.mkdtemp())
    (warm / "empty").mkdir()
    news_etl(source=warm / "empty", db=warm / "warm.duckdb")  # starts Prefect's temporary server
    seconds = _timed(lambda: news_etl(source=corpus, db=db))
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def _child(stage: str, corpus: Path, db: Path) -> dict[str, float]:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", "flows.benchmarks.throughput", stage, str(corpus), str(db)],
        capture_output=True, text=True, env=env, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark stage {stage} failed: {result.stderr.strip().splitlines()[-1:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_benchmark(reuters: Path, articles: int, repeats: int) -> list[Measurement]:
    """Every stage `repeats` times (medians), on the first `articles` Reuters stories."""
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        corpus.mkdir()
        stories, words = write_corpus(reuters, articles, corpus)
        results: dict[str, list[dict[str, float]]] = {stage: [] for stage in STAGES}
        for repeat in range(repeats):
            db = Path(work) / f"run{repeat}" / "newswire.duckdb"
            for stage in STAGES:
                results[stage].append(_child(stage, corpus, db))
    return [
        Measurement(
            stage=stage,
            seconds=statistics.median(r["seconds"] for r in runs),
            peak_mb=max(r["peak_mb"] for r in runs),
            articles=stories,
            words=words,
        )
        for stage, runs in results.items()
    ]


def report(measurements: Sequence[Measurement]) -> list[str]:
    """The benchmark's figures, with the ratios between stages."""
    by_stage = {m.stage: m for m in measurements}
    limit, full, rerun = by_stage["limit"], by_stage["run"], by_stage["rerun"]
    lines = [f"{limit.articles} Reuters stories, {limit.words} words; medians over the repeats"]
    for m in measurements:
        lines.append(
            f"{m.stage:<6} {m.seconds:8.2f} s  {m.words_per_second:8.0f} words/s  {m.articles_per_second:7.1f} "
            f"articles/s  peak {m.peak_mb:7.0f} MB"
        )
    lines.append(f"full run / bare nlp.pipe throughput: {full.words_per_second / limit.words_per_second:.3f}")
    lines.append(f"run with nothing new / full run time: {rerun.seconds / full.seconds:.3f}")
    return lines


if __name__ == "__main__":
    stage_name, corpus_dir, db_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    print(json.dumps(measure(stage_name, corpus_dir, db_path)))
