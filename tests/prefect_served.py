"""A real Prefect server on a loopback port, and the calls the served-deployment tests make to it."""

from __future__ import annotations

import signal
import socket
import subprocess
import time

import httpx

# The schedule the served deployments are given: far enough away never to fire during a test.
CRON = "0 6 * * *"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(what: str, check, timeout: float, every: float = 1.0):
    """What `check` returns once it is true, within `timeout` seconds. A request to the server
    that fails or times out (a server busy on a loaded machine) counts as not yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except httpx.HTTPError:
            result = None
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def healthy(api: str) -> bool:
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


def trigger_and_wait(api: str, deployment_id: str) -> str:
    flow_run = wait("the server to create a flow run", lambda: _create_flow_run(api, deployment_id), timeout=60, every=2)
    final = wait(
        "the flow run to finish",
        lambda: (state := _flow_run_state(api, flow_run["id"])) in {"COMPLETED", "FAILED", "CRASHED"} and state,
        timeout=240,
        every=2,
    )
    assert final == "COMPLETED", final
    return flow_run["id"]


def served_deployment(api: str) -> dict:
    """The `news_etl` deployment once `newswire serve` has registered it."""
    return wait(
        "the deployment",
        lambda: (r := httpx.get(f"{api}/deployments/name/news_etl/news_etl", timeout=5)).status_code == 200
        and r.json(),
        timeout=120,
    )
