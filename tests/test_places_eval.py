"""`newswire eval --places`: country accuracy and share within max_km, against a real warehouse."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newswire.evaluation.places import haversine_km, score_places, warehouse_places
from newswire.load.warehouse import connect

GOLD = [
    {"name": "Israel", "country_code": "IL", "feature": "country", "lat": 31.5, "lon": 34.75},
    {"name": "Rafah", "country_code": "PS", "feature": "city", "lat": 31.29722, "lon": 34.24357, "max_km": 10},
    {"name": "Gaza", "country_code": "PS", "feature": "region", "lat": 31.42, "lon": 34.36, "max_km": 25},
    {"name": "Washington", "country_code": "US", "feature": "city", "lat": 38.89511, "lon": -77.03637, "max_km": 25},
]


def test_haversine_gives_great_circle_kilometres():
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)  # Paris-London
    assert haversine_km(31.5, 34.4, 31.5, 34.4) == 0.0


@pytest.fixture
def warehouse(tmp_path):
    """A warehouse with its real schema and four places: one in the wrong country, one far off."""
    db = tmp_path / "newswire.duckdb"
    con = connect(db)
    con.executemany(
        "insert into places values (?, ?, ?, null, ?, ?, ?, null, ?, 'test row', ?)",
        [
            ("i", "Israel", "IL", "country", 31.77, 35.21, "country", 3),
            ("r", "Rafah", "EG", "city", 31.28, 34.24, "city", 2),
            ("g", "Gaza", "PS", "region", 31.5, 34.47, "admin1", 4),
            ("w", "Washington", "US", "admin1", 47.61, -122.33, "admin1", 1),
        ],
    )
    con.close()
    return db


def test_a_wrong_country_and_a_far_point_are_counted_and_reported(warehouse):
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        score = score_places(GOLD, warehouse_places(con))
    assert (score.places, score.right_country, score.within_reach) == (4, 3, 2)
    assert any(m.startswith("Rafah: EG for PS") for m in score.misses)
    assert any(m.startswith("Washington: US for US") and "max 25" in m for m in score.misses)


def test_a_gold_place_the_warehouse_lacks_is_wrong_on_both_counts():
    score = score_places([{"name": "Kherson", "country_code": "UA", "lat": 46.6, "lon": 32.6, "max_km": 10}], {})
    assert (score.right_country, score.within_reach) == (0, 0)
    assert score.misses == ("Kherson: not found for UA, no point",)


def test_the_eval_command_prints_both_shares(warehouse, tmp_path):
    gold = tmp_path / "places.json"
    gold.write_text(json.dumps({"places": GOLD}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newswire.cli", "eval", "--places", str(gold), "--db", str(warehouse)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "place country            0.750  (3/4)" in result.stdout
    assert "place within max_km      0.500  (2/4)" in result.stdout


def test_a_file_that_is_no_place_list_is_a_clear_error(warehouse, tmp_path):
    gold = tmp_path / "places.json"
    gold.write_text(json.dumps({"about": "no places here"}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newswire.cli", "eval", "--places", str(gold), "--db", str(warehouse)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "is not a list of places" in result.stderr
