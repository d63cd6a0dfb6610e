"""The scheduled deployment on a real Prefect server: served, triggered twice, incremental."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from paths import SEED_ARTICLES

CRON = "0 6 * * *"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(what: str, check, timeout: float, every: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    """`prefect server start` on a free loopback port, with its own PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait("the Prefect server", lambda: _healthy(api), timeout=120)
        yield api, env
    finally:
        _stop(process)
        log.close()


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _flow_run_state(api: str, flow_run_id: str) -> str | None:
    state = httpx.get(f"{api}/flow_runs/{flow_run_id}", timeout=10).json().get("state") or {}
    return state.get("type")


def _create_flow_run(api: str, deployment_id: str) -> dict | None:
    """The new flow run, or None while the server answers with an error (it may be busy)."""
    try:
        response = httpx.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=30)
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 201 else None


def _trigger_and_wait(api: str, deployment_id: str) -> str:
    flow_run = _wait("the server to create a flow run", lambda: _create_flow_run(api, deployment_id), timeout=60, every=2)
    final = _wait(
        "the flow run to finish",
        lambda: (state := _flow_run_state(api, flow_run["id"])) in {"COMPLETED", "FAILED", "CRASHED"} and state,
        timeout=240,
        every=2,
    )
    assert final == "COMPLETED", final
    return flow_run["id"]


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


def test_served_deployment_runs_on_schedule_and_loads_only_new_articles(server, tmp_path):
    """Three articles, then five with their manifest grown by two rows: the three are not read again."""
    api, env = server
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
        deployment = _wait(
            "the deployment",
            lambda: (r := httpx.get(f"{api}/deployments/name/news_etl/news_etl", timeout=5)).status_code == 200
            and r.json(),
            timeout=120,
        )
        crons = [s["schedule"].get("cron") for s in deployment["schedules"]]
        assert crons == [CRON]
        assert all(s["active"] for s in deployment["schedules"])

        first = _trigger_and_wait(api, deployment["id"])
        with duckdb.connect(str(db), read_only=True) as con:
            stamped = con.execute("select external_id, run_id, loaded_at from articles order by 1").fetchall()
        _land(landing, all_files)
        second = _trigger_and_wait(api, deployment["id"])
    finally:
        _stop(serving)
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
