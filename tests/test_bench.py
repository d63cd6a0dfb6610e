from __future__ import annotations

import os
import time

from newswire.evaluation.throughput import Measurement, medians, memory_report, repeat_report, report, tree_rss


def test_report_gives_throughput_and_the_ratios():
    measurements = [
        Measurement("limit", 10.0, 200.0, 100, 30_000, 2),
        Measurement("run", 12.0, 500.0, 100, 30_000, 2),
        Measurement("rerun", 0.6, 350.0, 100, 30_000, 2),
    ]
    lines = report(measurements)
    assert lines[0] == "100 Reuters stories, 30000 words, parsed on 2 processes; medians over the repeats"
    assert "3000 words/s" in lines[1] and "peak     200 MB" in lines[1]
    assert lines[-2] == "full run / bare nlp.pipe on 2 processes throughput: 0.833"
    assert lines[-1] == "run with nothing new / full run time: 0.050"


def test_the_report_names_one_parsing_process_as_one():
    lines = report([Measurement(stage, 4.0, 100.0, 10, 4_000, 1) for stage in ("limit", "run", "rerun")])
    assert lines[0] == "10 Reuters stories, 4000 words, parsed on 1 process; medians over the repeats"
    assert lines[-2] == "full run / bare nlp.pipe on 1 process throughput: 1.000"


def _round(limit: float, run: float, rerun: float, peak: float = 300.0) -> list[Measurement]:
    return [
        Measurement("limit", limit, 200.0, 100, 30_000, 2),
        Measurement("run", run, peak, 100, 30_000, 2),
        Measurement("rerun", rerun, 250.0, 100, 30_000, 2),
    ]


def test_medians_take_each_stage_on_its_own_and_the_largest_peak():
    rounds = [_round(10.0, 14.0, 0.3), _round(12.0, 12.0, 0.1, peak=900.0), _round(11.0, 13.0, 0.2)]
    limit, run, rerun = medians(rounds)
    assert (limit.stage, limit.seconds) == ("limit", 11.0)
    assert (run.stage, run.seconds, run.peak_mb) == ("run", 13.0, 900.0)
    assert (rerun.seconds, rerun.peak_mb) == (0.2, 250.0)


def test_each_repeat_reports_its_own_ratios():
    lines = repeat_report([_round(10.0, 12.5, 0.25), _round(12.0, 12.0, 0.12)])
    assert lines == [
        "repeat 1: limit 10.00 s, full run 12.50 s, nothing new 0.25 s; "
        "full run / limit throughput 0.800, nothing new / full run 0.020",
        "repeat 2: limit 12.00 s, full run 12.00 s, nothing new 0.12 s; "
        "full run / limit throughput 1.000, nothing new / full run 0.010",
    ]


def test_memory_report_compares_each_size_with_the_smallest():
    def run(articles: int, peak: float) -> list[Measurement]:
        return [Measurement("limit", 1.0, 200.0, articles, 10), Measurement("run", 2.0, peak, articles, 10)]

    assert memory_report([run(19000, 660.0), run(2000, 600.0), run(5000, 630.0)]) == [
        "full run peak memory at 5000 / at 2000 stories: 1.050",
        "full run peak memory at 19000 / at 2000 stories: 1.100",
    ]


def test_tree_rss_counts_this_process_and_its_children():
    import subprocess
    import sys

    import psutil

    own = psutil.Process().memory_info().rss
    with subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(200_000_000); time.sleep(30)"]) as child:
        for _ in range(100):
            if psutil.Process(child.pid).memory_info().rss > 200_000_000:
                break
            time.sleep(0.1)
        total = tree_rss(os.getpid())
        child.kill()
    assert own + 200_000_000 < total < own + 400_000_000


def test_bench_command_measures_every_stage(tmp_path):
    import subprocess
    import sys

    from test_reuters import SGML

    (tmp_path / "reut2-000.sgm").write_bytes((SGML * 3).replace('NEWID="7"', 'NEWID="9"', 1).encode("latin-1"))
    result = subprocess.run(
        [sys.executable, "-m", "newswire.cli", "bench", "--articles", "2", "--reuters", str(tmp_path),
         "--processes", "2"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("2 Reuters stories") and "parsed on 2 processes" in lines[0]
    assert [line.split()[0] for line in lines[1:4]] == ["limit", "run", "rerun"]
    assert lines[-3].startswith("full run / bare nlp.pipe on 2 processes throughput: ")
    assert lines[-1].startswith("repeat 1: limit ") and "full run / limit throughput " in lines[-1]


def test_bench_and_run_refuse_a_parsing_setting_that_is_no_number(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "NEWSWIRE_NLP_PROCESSES": "all"}
    for command in (["bench", "--reuters", str(tmp_path)], ["run", "--db", str(tmp_path / "w.duckdb")]):
        result = subprocess.run(
            [sys.executable, "-m", "newswire.cli", *command], capture_output=True, text=True, env=env, timeout=120,
            check=False,
        )
        assert result.returncode == 1
        assert f"newswire {command[0]}: NEWSWIRE_NLP_PROCESSES is a number of processes" in result.stderr
