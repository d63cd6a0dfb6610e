"""The map: events as circles on country outlines, framed on the events, checked as drawn and
as a real headless Chromium lays it out, with every request it makes caught on 127.0.0.1."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from analyst import newswire
from spatial_warehouse import placed_warehouse

from newswire.analyst.chart import WORLD, map_extent, map_svg
from newswire.analyst.queries import Result
from newswire.outlines import Outline, country_outlines

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = Path("/usr/bin/chromium")
COLUMNS = ("event_date", "event_type", "latitude", "longitude", "country_code", "geo_precision", "places", "actors",
           "sources", "articles", "canonical_event_id")
ROWS = (
    (date(2024, 3, 10), "ATTACK", 31.34, 34.30, "PS", "city", ["Khan Younis"], ["Hamas"], 1, 1, "e1"),
    (date(2024, 5, 7), "ATTACK", 31.297, 34.244, "PS", "city", ["Rafah"], ["Israel Defense Forces"], 3, 3, "e2"),
    (date(2024, 5, 8), "CONSULT", 30.04, 31.24, "EG", "city", ["Cairo"], ["William Burns"], 2, 2, "e3"),
)
SQUARE = Outline("XX", "Squareland", "M 30 -32 L 35 -32 35 -29 30 -29 Z", (30.0, 29.0, 35.0, 32.0))
FAR = Outline("YY", "Farland", "M 100 10 L 101 10 101 11 100 11 Z", (100.0, -11.0, 101.0, -10.0))


def circles(svg: str) -> list[ElementTree.Element]:
    return [e for e in ElementTree.fromstring(svg).iter(f"{SVG}circle") if e.get("class") == "event"]


@pytest.mark.parametrize(
    ("points", "aspect"),
    [
        ([(31.3, 34.2)], 2.0),
        ([(31.3, 34.2), (30.0, 31.2)], 2.0),
        ([(51.5, -0.1), (-33.9, 151.2)], 2.0),
        ([(89.0, 179.0), (-89.0, -179.0)], 2.0),
        ([(60.0, 10.0), (-40.0, 12.0)], 1.0),
    ],
)
def test_the_frame_holds_every_point_at_the_drawing_aspect(points, aspect):
    west, south, east, north = map_extent(points, aspect)
    assert -180 <= west < east <= 180 and -90 <= south < north <= 90
    for lat, lon in points:
        assert west < lon < east and south < lat < north
    if (west, south, east, north) != WORLD:
        assert (east - west) / (north - south) == pytest.approx(aspect)


def test_no_point_frames_the_world():
    assert map_extent([], 2.0) == WORLD


def test_each_event_is_a_circle_at_its_point_sized_by_sources_coloured_by_type():
    svg = map_svg(Result(COLUMNS, ROWS), "Events by place", [SQUARE, FAR])
    marks = {c.find(f"{SVG}title").text.split(" at ")[1].split(" ")[0]: c for c in circles(svg)}
    assert set(marks) == {"Khan", "Rafah", "Cairo"}
    x = {name: float(c.get("cx")) for name, c in marks.items()}
    y = {name: float(c.get("cy")) for name, c in marks.items()}
    assert x["Cairo"] < x["Rafah"] < x["Khan"], "east is right"
    assert y["Khan"] < y["Rafah"] < y["Cairo"], "north is up"
    radius = {name: float(c.get("r")) for name, c in marks.items()}
    assert radius["Rafah"] > radius["Cairo"] > radius["Khan"]
    assert marks["Rafah"].get("fill") == marks["Khan"].get("fill") != marks["Cairo"].get("fill")
    assert marks["Rafah"].find(f"{SVG}title").text == (
        "2024-05-07 ATTACK at Rafah (PS): Israel Defense Forces; 3 source(s), 3 article(s)"
    )
    legend = [e.text for e in ElementTree.fromstring(svg).iter(f"{SVG}text") if e.get("class") == "legend"]
    assert legend == ["ATTACK", "CONSULT"]


def test_only_the_countries_in_the_frame_are_drawn():
    svg = map_svg(Result(COLUMNS, ROWS), "Events by place", [SQUARE, FAR])
    names = [p.find(f"{SVG}title").text for p in ElementTree.fromstring(svg).iter(f"{SVG}path")]
    assert names == ["Squareland"]


def test_text_from_the_data_is_escaped():
    hostile = ((date(2024, 1, 1), "ATTACK", 1.0, 1.0, "XX", "city", ["<script>alert(1)</script>"], ["A & B"], 1, 1,
                "e9"),)
    svg = map_svg(Result(COLUMNS, hostile), "<b>title</b>", [])
    tree = ElementTree.fromstring(svg)
    assert not [e for e in tree.iter() if e.tag.endswith("script") or e.tag.endswith("b")]
    assert "alert(1)" in circles(svg)[0].find(f"{SVG}title").text


def test_a_map_without_placed_events_says_so_and_shows_the_world():
    svg = map_svg(Result(COLUMNS, ()), "Events by place", country_outlines())
    assert circles(svg) == []
    assert "no placed event" in svg
    assert len([p for p in ElementTree.fromstring(svg).iter(f"{SVG}path")]) == len(country_outlines())


def test_the_outlines_are_every_natural_earth_country_in_degrees():
    outlines = country_outlines()
    assert len(outlines) == 177
    france = next(o for o in outlines if o.country_code == "FR")
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", france.path)]
    xs, ys = numbers[0::2], numbers[1::2]
    assert -55 < min(xs) and max(xs) < 10, "longitudes, French Guiana to Alsace"
    assert -52 < min(ys) and max(ys) < -2, "latitudes negated, SVG's y grows downwards"


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/setup does)"
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=5000",
         *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


# The map inline in a page whose policy lets nothing load (inline script and styles aside) and
# reports each attempt; then, as laid out by the browser, each event circle's box against the
# map's and its tooltip, and every resource the page fetched or tried to.
_MEASURE = """<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<script>
const blocked = [];
document.addEventListener("securitypolicyviolation", e => blocked.push(e.blockedURI));
window.addEventListener("load", () => {{
  const map = document.querySelector("svg.map").getBoundingClientRect();
  const marks = [...document.querySelectorAll("circle.event")].map(c => {{
    const r = c.getBoundingClientRect();
    return {{title: c.querySelector("title").textContent, width: r.width,
             inside: r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom}};
  }});
  const fetched = performance.getEntriesByType("resource").map(e => e.name);
  document.getElementById("measured").textContent = JSON.stringify({{marks, blocked, fetched}});
}});
</script></head><body>{svg}<pre id="measured"></pre></body></html>"""


def measured(svg: str, folder: Path) -> dict:
    page = folder / "measure.html"
    page.write_text(_MEASURE.format(svg=svg), encoding="utf-8")
    shown = chromium("--dump-dom", page.as_uri(), profile=folder / "profile")
    assert shown.returncode == 0, shown.stderr[-2000:]
    found = re.search(r'<pre id="measured">(.*?)</pre>', shown.stdout, re.S)
    assert found and found.group(1), shown.stdout[-2000:]
    return json.loads(unescape(found.group(1)))


def test_chromium_draws_the_map_of_the_command_inside_its_frame_and_fetches_nothing(tmp_path):
    db = placed_warehouse(tmp_path / "newswire.duckdb")
    out = tmp_path / "map.svg"
    done = newswire("chart", "map", "--out", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{out}: 4 events from events_placed"
    shot = tmp_path / "map.png"
    shown = chromium(f"--screenshot={shot}", "--window-size=1000,640", out.as_uri(), profile=tmp_path / "shot")
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    seen = measured(out.read_text(encoding="utf-8"), tmp_path)
    assert len(seen["marks"]) == 4
    assert all(mark["inside"] and mark["width"] > 0 for mark in seen["marks"]), seen["marks"]
    assert any(m["title"].startswith("2024-05-07 ATTACK at Rafah (PS): Israel Defense Forces") for m in seen["marks"])
    assert seen["blocked"] == [] and seen["fetched"] == []


def test_the_page_would_catch_a_map_that_fetches(tmp_path):
    svg = map_svg(Result(COLUMNS, ROWS), "Events by place", [SQUARE])
    fetching = svg.replace("</svg>\n", '<image href="http://example.test/x.png" width="9" height="9"/></svg>\n')
    seen = measured(fetching, tmp_path)
    assert len(seen["marks"]) == 3
    assert set(seen["blocked"]) == {"http://example.test/x.png"}


def test_an_unknown_chart_names_the_charts(tmp_path):
    done = newswire("chart", "globe", "--out", str(tmp_path / "x.svg"), "--db", str(tmp_path / "none.duckdb"))
    assert done.returncode != 0
    assert "map" in done.stderr and "timeline" in done.stderr
