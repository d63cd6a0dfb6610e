"""Shared fixtures: the real spaCy model, reference data, one Prefect server per session for the
flow tests, and one a module for the served deployments."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from prefect_served import free_port, healthy, stop, wait


@pytest.fixture(scope="session")
def nlp():
    from newswire.extract.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def gazetteer():
    from newswire.reference import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real, temporary Prefect server and database for the flow tests."""
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    """A served deployment's own `prefect server start` on a free loopback port, with its own PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
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
        wait("the Prefect server", lambda: healthy(api), timeout=120)
        yield api, env
    finally:
        stop(process)
        log.close()
