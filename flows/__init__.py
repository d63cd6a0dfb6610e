"""Prefect entry points: thin modules that `prefect.yaml` names; the work lives in `newswire`."""
