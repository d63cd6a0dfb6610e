"""Extraction on a local Dask cluster of two workers loads the same rows as the default runner."""

from __future__ import annotations

import duckdb
from paths import SEED_ARTICLES
from warehouse_checks import CONTRACT_COLUMNS

RUN_COLUMNS = {"loaded_at", "run_id"}


def table_rows(db, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [row[0] for row in con.execute(f"describe {table}").fetchall() if row[0] not in RUN_COLUMNS]
        return sorted(con.execute(f"select {', '.join(columns)} from {table}").fetchall(), key=repr)


def test_dask_cluster_loads_the_same_rows_as_the_default_runner(prefect_server, tmp_path):
    from prefect_dask import DaskTaskRunner

    from newswire.flow import news_etl

    default_db = tmp_path / "default" / "w.duckdb"
    dask_db = tmp_path / "dask" / "w.duckdb"
    news_etl(source=SEED_ARTICLES, db=default_db)
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True})
    summary = news_etl.with_options(task_runner=runner)(source=SEED_ARTICLES, db=dask_db, extractions_ahead=2)
    assert summary.articles_read == 5
    for table in CONTRACT_COLUMNS:
        assert table_rows(dask_db, table) == table_rows(default_db, table), table
