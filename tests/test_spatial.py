"""The spatial extension from its wheel, the spatial views and `events_near`, on a warehouse
whose events were placed by hand at known coordinates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from math import asin, cos, radians, sin, sqrt

import duckdb
import pytest
from analyst import DUCKDB_CLI, newswire
from spatial_warehouse import CAIRO, KHAN_YOUNIS, RAFAH, open_placed, placed_warehouse

from newswire.analyst.extensions import extension_path, load, setup_script, use
from newswire.analyst.queries import QueryError, available_queries, bind, find_query, parse_query, run


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(radians, p)) for p in (a, b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * asin(sqrt(h))


@pytest.fixture
def placed(tmp_path):
    with open_placed(tmp_path / "newswire.duckdb") as con:
        yield con


def near(con, **params):
    query = find_query(available_queries(), "events_near")
    result = run(con, query, bind(query, params))
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_spatial_loads_from_its_wheel_with_no_extension_folder_nor_network(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "import duckdb, json\n"
        "from newswire.analyst.extensions import load\n"
        f"con = duckdb.connect(config={{'extension_directory': {str(home / 'ext')!r}, "
        "'autoinstall_known_extensions': False, 'autoload_known_extensions': False})\n"
        "load(con, 'spatial')\n"
        "print(json.dumps(con.execute(\"select ST_AsText(ST_Point(34.244, 31.297)), "
        "(select loaded from duckdb_extensions() where extension_name = 'spatial')\").fetchone()))\n"
    )
    # no proxy reaches anything: a download attempt would fail, not fetch
    env = {**os.environ, "HOME": str(home), "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["POINT (34.244 31.297)", True]
    assert not (home / "ext").exists() and not (home / ".duckdb").exists()


def test_an_unknown_extension_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown extension 'postgres'"):
        extension_path("postgres")


def test_events_within_km_of_a_place_and_not_beyond(placed):
    rows = near(placed, place="Rafah", km="50")
    assert {r["canonical_event_id"] for r in rows} == {"e_rafah", "e_khan", "e_khan_late"}
    assert [r["km"] for r in rows] == sorted(r["km"] for r in rows), "nearest first"
    khan = next(r for r in rows if r["canonical_event_id"] == "e_khan")
    assert khan["km"] == pytest.approx(haversine_km(RAFAH, KHAN_YOUNIS), abs=0.1)
    assert {r["canonical_event_id"] for r in near(placed, place="Rafah", km="5")} == {"e_rafah"}
    cairo = {r["canonical_event_id"]: r["km"] for r in near(placed, place="Rafah", km="400")}["e_cairo"]
    assert cairo == pytest.approx(haversine_km(RAFAH, CAIRO), rel=0.005)
    assert {r["canonical_event_id"] for r in near(placed, place="Cairo", km="50")} == {"e_cairo"}


def test_date_bounds_are_inclusive_and_each_optional(placed):
    def ids(**dates):
        return {r["canonical_event_id"] for r in near(placed, place="Rafah", km="50", **dates)}

    assert ids(**{"from": "2024-05-07", "to": "2024-05-07"}) == {"e_rafah"}
    assert ids(**{"from": "2024-05-08"}) == {"e_khan_late"}
    assert ids(to="2024-05-06") == {"e_khan"}
    assert ids(**{"from": "2024-03-11", "to": "2024-09-01"}) == {"e_rafah"}


def test_the_place_is_found_by_how_an_article_names_it_in_any_case(placed):
    assert {r["canonical_event_id"] for r in near(placed, place="KHAN YOUNIS", km="1")} == {"e_khan", "e_khan_late"}


def test_a_place_with_no_point_is_an_error_that_names_it(placed):
    with pytest.raises(duckdb.Error, match="no place named Atlantis"):
        near(placed, place="Atlantis", km="50")
    with pytest.raises(duckdb.Error, match="date"):
        near(placed, place="Rafah", km="50", **{"from": "May 2024"})


def test_an_event_is_placed_where_most_of_its_sources_place_it(tmp_path):
    db = placed_warehouse(tmp_path / "newswire.duckdb")
    with duckdb.connect(str(db)) as con:
        # e_rafah's three sources: one of them now places it in Egypt, country-wide
        con.execute(
            "update events set country_code = 'EG', latitude = 26.5, longitude = 30.0, geo_precision = 'country' "
            "where event_id = 'e_rafah_0'"
        )
        placed = con.execute(
            "select country_code, latitude, longitude, geo_precision from canonical_event_places "
            "where canonical_event_id = 'e_rafah'"
        ).fetchall()
        assert placed == [("PS", *RAFAH, "city")]
        # one source each way: the finer precision wins
        con.execute("update events set country_code = 'EG', latitude = 26.5, longitude = 30.0, "
                    "geo_precision = 'country' where event_id = 'e_khan_late_0'")
        placed = con.execute(
            "select country_code, geo_precision from canonical_event_places where canonical_event_id = 'e_khan_late'"
        ).fetchall()
        assert placed == [("PS", "city")]


def test_the_views_hold_only_what_has_a_point(tmp_path):
    db = placed_warehouse(tmp_path / "newswire.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute("update events set country_code = null, latitude = null, longitude = null, "
                    "geo_precision = 'unresolved' where canonical_event_id = 'e_cairo'")
        con.execute("update places set latitude = null, longitude = null, geo_precision = 'unresolved' "
                    "where actor_id = 'p_cairo'")
        use(con, "spatial")
        events = dict(con.execute("select canonical_event_id, ST_AsText(geom) from v_event_points").fetchall())
        places = [name for (name,) in con.execute("select name from v_place_points order by name").fetchall()]
    assert events == {"e_rafah": "POINT (34.244 31.297)", "e_khan": "POINT (34.3 31.34)",
                      "e_khan_late": "POINT (34.3 31.34)"}
    assert places == ["Khan Younis", "Rafah"]


def test_a_query_declares_the_extensions_it_uses():
    assert parse_query("q", "-- Where?\n-- uses: spatial\nselect 1").extensions == ("spatial",)
    assert parse_query("q", "-- Where?\nselect 1 -- uses: spatial").extensions == ()
    queries = available_queries()
    assert find_query(queries, "events_near").extensions == ("spatial",)
    assert find_query(queries, "actor_timeline").extensions == ()


def test_spatial_is_loaded_only_when_a_question_uses_it(placed):
    def spatial_loaded():
        return placed.execute("select loaded from duckdb_extensions() where extension_name = 'spatial'").fetchone()[0]

    timeline = find_query(available_queries(), "actor_timeline")
    run(placed, timeline, bind(timeline, {}))
    assert not spatial_loaded()
    near(placed, place="Rafah", km="1")
    assert spatial_loaded()


def test_unknown_parameters_are_refused():
    query = find_query(available_queries(), "events_near")
    with pytest.raises(QueryError, match="no parameter radius"):
        bind(query, {"radius": "5"})


def test_the_setup_script_gives_the_duckdb_shell_the_same_views(tmp_path):
    db = placed_warehouse(tmp_path / "newswire.duckdb")
    printed = newswire("query", "--setup", "spatial")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == setup_script("spatial")
    assert printed.stdout.startswith(f"load '{extension_path('spatial')}';")
    script = tmp_path / "spatial.sql"
    script.write_text(printed.stdout, encoding="utf-8")
    shell = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-init", str(script), "-csv", "-noheader", str(db),
         "-c", "select canonical_event_id from v_event_points order by canonical_event_id"],
        capture_output=True, text=True, timeout=120, check=False, env={**os.environ, "HOME": str(tmp_path)},
    )
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["e_cairo", "e_khan", "e_khan_late", "e_rafah"]


def test_events_near_from_the_command_line(tmp_path):
    db = placed_warehouse(tmp_path / "newswire.duckdb")
    done = newswire("query", "events_near", "--param", "place=Rafah", "--param", "km=50", "--param", "from=2024-05-01",
                    "--format", "json", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert [row["canonical_event_id"] for row in json.loads(done.stdout)] == ["e_rafah", "e_khan_late"]
    missing = newswire("query", "events_near", "--param", "place=Atlantis", "--db", str(db))
    assert missing.returncode != 0
    assert "no place named Atlantis" in missing.stderr


def test_load_is_idempotent(placed):
    load(placed, "spatial")
    load(placed, "spatial")
    assert placed.execute("select ST_X(ST_Point(1, 2))").fetchone() == (1.0,)
