"""The scheduled deployment on a real Prefect server: served, triggered twice, incremental."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import httpx
from paths import SEED_ARTICLES
from prefect_served import CRON, served_deployment, stop, trigger_and_wait


def _land(landing: Path, files: list[Path]) -> None:
    """Copy `files` into `landing` with a manifest of their rows only, as articles arrive."""
    for path in files:
        shutil.copy(path, landing / path.name)
    with (SEED_ARTICLES / "manifest.csv").open(encoding="utf-8") as handle:
        header, *rows = handle.read().splitlines(keepends=True)
    names = {path.name for path in files}
    (landing / "manifest.csv").write_text(
        header + "".join(row for row in rows if row.split(",", 1)[0] in names), encoding="utf-8"
    )


def test_served_deployment_runs_on_schedule_and_loads_only_new_articles(prefect_api, tmp_path):
    """Three articles, then five with their manifest grown by two rows: the three are not read again."""
    api, env = prefect_api
    landing = tmp_path / "landing"
    landing.mkdir()
    seeds = sorted(SEED_ARTICLES.glob("*.txt"))
    first_files, all_files = seeds[:3], seeds[:5]
    _land(landing, first_files)
    db = tmp_path / "warehouse" / "newswire.duckdb"
    log = (tmp_path / "serve.log").open("w")
    serving = subprocess.Popen(
        [sys.executable, "-m", "newswire.cli", "serve", "--cron", CRON, "--source", str(landing), "--db", str(db)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deployment = served_deployment(api)
        crons = [s["schedule"].get("cron") for s in deployment["schedules"]]
        assert crons == [CRON]
        assert all(s["active"] for s in deployment["schedules"])

        first = trigger_and_wait(api, deployment["id"])
        with duckdb.connect(str(db), read_only=True) as con:
            stamped = con.execute("select external_id, run_id, loaded_at from articles order by 1").fetchall()
        _land(landing, all_files)
        second = trigger_and_wait(api, deployment["id"])
    finally:
        stop(serving)
        log.close()

    runs = httpx.post(
        f"{api}/flow_runs/filter",
        json={"deployments": {"id": {"any_": [deployment["id"]]}}, "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}},
        timeout=10,
    ).json()
    assert {r["id"] for r in runs} == {first, second}
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.execute(
            "select flow_run_id, articles_read, inputs_unchanged, articles_rejected from runs order by started_at"
        ).fetchall()
        articles = con.execute("select external_id, run_id, loaded_at from articles order by 1").fetchall()
    assert loaded == [(first, 3, 0, 0), (second, 2, 3, 0)]
    assert [a[0] for a in articles] == [p.stem for p in all_files]
    assert articles[:3] == stamped
    assert {a[1] for a in stamped} == {first}
    assert {a[1] for a in articles[3:]} == {second}
    assert deployment["parameters"]["source"] == str(landing.resolve())
