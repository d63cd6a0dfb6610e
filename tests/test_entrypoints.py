"""The deployments in prefect.yaml point at a flow that loads, through the thin modules of flows/."""

from __future__ import annotations

import yaml
from paths import REPO
from prefect.flows import load_flow_from_entrypoint

from newswire.flow import news_etl


def test_every_deployment_entrypoint_loads_the_news_etl_flow():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    assert spec["deployments"]
    for deployment in spec["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        flow = load_flow_from_entrypoint(f"{REPO / path}:{name}")
        assert flow.name == news_etl.name
        assert set(deployment["parameters"]) <= set(flow.parameters.properties), deployment["name"]
