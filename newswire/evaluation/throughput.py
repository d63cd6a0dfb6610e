"""Throughput and memory of a newswire run against the model's own limit, on Reuters stories.

Each measurement runs in a fresh Python process: `limit` is bare `nlp.pipe` over the stories'
texts with the same model and batch size, on as many processes as the run parses with (by
default one per core the benchmark may use: the model's limit on this machine); `run` is the
full flow (ingest, extract, validate, load) into a new warehouse; `rerun` is what `newswire run`
does again with nothing new (`newswire.runs.nothing_new` finds it before the flow starts), timed
over several runs since it is cheap. Fixed costs (imports, the model, the extractors' reference
data, Great Expectations, the temporary Prefect server) are paid before the clock starts, in every
process, as a serving process pays them once.

Memory is watched from outside, so the watching costs the measured process nothing: four times
a second, the resident set sizes of the measured process and of the processes it started (its
parsing workers) are summed, and the largest sum is the stage's peak. Pages these processes
share (the libraries they load) count once for each, so the sum is an upper bound; unlike a
proportional set size, it does not depend on what else runs on the machine. The temporary
Prefect server, a separate program the process starts, is not counted.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newswire.evaluation.reuters import read_stories

STAGES = ("limit", "run", "rerun")
RERUNS = 3  # runs with nothing new timed in one process, the median reported
SAMPLE_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Measurement:
    stage: str
    seconds: float
    peak_mb: float
    articles: int
    words: int
    processes: int = 1  # that parse with the model

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def write_corpus(reuters: Path, articles: int, folder: Path) -> tuple[int, int]:
    """The first `articles` Reuters stories as one `.jsonl` input; (stories, words)."""
    stories = words = 0
    with (folder / "stories.jsonl").open("w", encoding="utf-8") as handle:
        for story in read_stories(reuters, limit=articles):
            handle.write(json.dumps(story.record()) + "\n")
            stories += 1
            words += len(story.body.split())
    return stories, words


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(stage: str, corpus: Path, db: Path) -> float:
    """The seconds one stage takes in this process (called in a child process by `run_benchmark`)."""
    from newswire.extract.nlp import load_model, nlp_processes
    from newswire.extract.pipeline import NLP_BATCH_SIZE, load_extractors

    nlp = load_model()
    if stage == "limit":
        from newswire.ingest.clean import mask
        from newswire.ingest.inputs import ingest

        texts = [mask(a.body, a.skipped_spans) for a in ingest(corpus).articles]
        return _timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=NLP_BATCH_SIZE, n_process=nlp_processes())))
    import great_expectations  # noqa: F401  (imported once per process, like a serving worker)

    load_extractors()  # the model and the extractors' reference data, as a serving worker holds them

    from newswire.flow import news_etl

    warm = Path(tempfile.mkdtemp())
    (warm / "empty").mkdir()
    news_etl(source=warm / "empty", db=warm / "warm.duckdb")  # starts Prefect's temporary server
    if stage == "run":
        return _timed(lambda: news_etl(source=corpus, db=db))
    from newswire.runs import nothing_new

    # what `newswire run` does: the check for anything new, then the flow only if there is
    return statistics.median(
        _timed(lambda: nothing_new(corpus, db) or news_etl(source=corpus, db=db)) for _ in range(RERUNS)
    )


class PeakMemory:
    """The largest memory a process and the processes forked from it held at once, sampled."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_bytes = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        """Stop watching; the peak in MB."""
        self._stopped.set()
        self._thread.join()
        return self.peak_bytes / 2**20

    def _watch(self) -> None:
        while not self._stopped.wait(SAMPLE_SECONDS):
            self.peak_bytes = max(self.peak_bytes, tree_rss(self.pid))


def tree_rss(pid: int) -> int:
    """Resident bytes of process `pid` and its descendants, summed, leaving out a Prefect server."""
    import psutil

    try:
        processes = [psutil.Process(pid)]
        processes += processes[0].children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            if not _prefect_server(process.cmdline()):
                total += process.memory_info().rss
        except psutil.Error:  # it ended between the listing and the reading
            continue
    return total


def _prefect_server(command: Sequence[str]) -> bool:
    return any(part.startswith("prefect.server") for part in command)


def _child(stage: str, corpus: Path, db: Path, processes: int) -> dict[str, float]:
    """One stage in a fresh process: its seconds and the peak memory of the process and its workers."""
    env = {
        **os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
        "NEWSWIRE_NLP_PROCESSES": str(processes),
        # as `newswire run` does: the temporary Prefect server may need more than 20 s on a busy machine
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": os.environ.get(
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"
        ),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "newswire.evaluation.throughput", stage, str(corpus), str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    ) as process:
        memory = PeakMemory(process.pid)
        stdout, stderr = process.communicate()
        peak_mb = memory.stop()
    if process.returncode != 0:
        raise RuntimeError(f"benchmark stage {stage} failed: {stderr.strip().splitlines()[-1:]}")
    return {"seconds": float(stdout.strip().splitlines()[-1]), "peak_mb": peak_mb}


def run_benchmark(reuters: Path, articles: int, repeats: int, processes: int) -> list[list[Measurement]]:
    """Every stage `repeats` times on the first `articles` Reuters stories, parsing with
    `processes` processes in the limit and in the runs alike: one list of stages per repeat."""
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        corpus.mkdir()
        stories, words = write_corpus(reuters, articles, corpus)
        rounds = []
        for repeat in range(repeats):
            db = Path(work) / f"run{repeat}" / "newswire.duckdb"
            rounds.append([
                Measurement(stage, **_child(stage, corpus, db, processes), articles=stories, words=words,
                            processes=processes)
                for stage in STAGES
            ])
    return rounds


def medians(rounds: Sequence[Sequence[Measurement]]) -> list[Measurement]:
    """Each stage's median time over the repeats, with the largest peak memory of any."""
    first = rounds[0]
    return [
        replace(
            m,
            seconds=statistics.median(r[i].seconds for r in rounds),
            peak_mb=max(r[i].peak_mb for r in rounds),
        )
        for i, m in enumerate(first)
    ]


def repeat_report(rounds: Sequence[Sequence[Measurement]]) -> list[str]:
    """The ratios of each repeat on its own: its full run against its limit, its run with
    nothing new against its full run."""
    lines = []
    for number, measurements in enumerate(rounds, 1):
        (limit, full, rerun), (throughput, idle) = _stages(measurements), _ratios(measurements)
        lines.append(
            f"repeat {number}: limit {limit.seconds:.2f} s, full run {full.seconds:.2f} s, "
            f"nothing new {rerun.seconds:.2f} s; full run / limit throughput {throughput:.3f}, "
            f"nothing new / full run {idle:.3f}"
        )
    return lines


def _ratios(measurements: Sequence[Measurement]) -> tuple[float, float]:
    """The full run's throughput against the limit's, and the nothing-new run's time against the full run's."""
    limit, full, rerun = _stages(measurements)
    return full.words_per_second / limit.words_per_second, rerun.seconds / full.seconds


def _stages(measurements: Sequence[Measurement]) -> tuple[Measurement, Measurement, Measurement]:
    by_stage = {m.stage: m for m in measurements}
    return by_stage["limit"], by_stage["run"], by_stage["rerun"]


def report(measurements: Sequence[Measurement]) -> list[str]:
    """The benchmark's figures, with the ratios between stages."""
    limit = _stages(measurements)[0]
    throughput, idle = _ratios(measurements)
    parsing = f"{limit.processes} process{'' if limit.processes == 1 else 'es'}"
    lines = [f"{limit.articles} Reuters stories, {limit.words} words, parsed on {parsing}; medians over the repeats"]
    for m in measurements:
        lines.append(
            f"{m.stage:<6} {m.seconds:8.2f} s  {m.words_per_second:8.0f} words/s  {m.articles_per_second:7.1f} "
            f"articles/s  peak {m.peak_mb:7.0f} MB"
        )
    lines.append(f"full run / bare nlp.pipe on {parsing} throughput: {throughput:.3f}")
    lines.append(f"run with nothing new / full run time: {idle:.3f}")
    return lines


def memory_report(runs: Sequence[Sequence[Measurement]]) -> list[str]:
    """How the full run's peak memory grows with the corpus: each size against the smallest."""
    peaks = sorted((m.articles, m.peak_mb) for measurements in runs for m in measurements if m.stage == "run")
    smallest, base = peaks[0]
    return [f"full run peak memory at {n} / at {smallest} stories: {peak / base:.3f}" for n, peak in peaks[1:]]


if __name__ == "__main__":
    stage_name, corpus_dir, db_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    print(measure(stage_name, corpus_dir, db_path))
