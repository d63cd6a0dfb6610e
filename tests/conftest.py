"""Shared fixtures: the real spaCy model, reference data and one Prefect server per session."""

from __future__ import annotations

import os

import pytest


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
