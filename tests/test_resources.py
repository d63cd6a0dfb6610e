"""What newswire reads at run time ships with it, and a missing piece is an error naming its path."""

from __future__ import annotations

import pytest

from newswire import resources
from newswire.resources import MissingResource, existing, files_in, sql_layer


@pytest.mark.parametrize("layer", ["01_schema", "02_load", "03_publish", "04_analysis"])
def test_every_sql_layer_ships_its_statements(layer):
    statements = sql_layer(layer)
    assert statements and all(path.suffix == ".sql" for path in statements)
    assert [path.name for path in statements] == sorted(path.name for path in statements)


def test_suites_reference_data_and_samples_ship():
    assert {path.stem for path in files_in(resources.SUITES_DIR, "*.json")} >= {"articles", "figures", "run"}
    assert existing(resources.SEEDS_DIR / "countries.csv").stat().st_size > 0
    assert len(files_in(resources.SAMPLE_ARTICLES, "*.txt")) == 5
    assert existing(resources.DATA_DOCS_STYLESHEET).read_text(encoding="utf-8").strip()


def test_a_missing_layer_names_its_path():
    with pytest.raises(MissingResource, match=r"99_nowhere is missing"):
        sql_layer("99_nowhere")


def test_an_empty_folder_names_its_path(tmp_path):
    with pytest.raises(MissingResource, match=rf"{tmp_path} has no \*\.sql files"):
        files_in(tmp_path, "*.sql")


def test_an_empty_file_names_its_path(tmp_path):
    empty = tmp_path / "countries.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(MissingResource, match="countries.csv is missing or empty"):
        existing(empty)
