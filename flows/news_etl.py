"""The `news_etl` flow, as the entry point `prefect.yaml` deploys (`flows/news_etl.py:news_etl`)."""

from newswire.flow import news_etl

__all__ = ["news_etl"]
