"""Country outlines and their bounding boxes, from Natural Earth's 1:110m countries.

The countries come from the file that ships in the `pyogrio` wheel (177 countries, with an
ISO 3166-1 alpha-3 code and a name), so nothing is fetched. Each is keyed here by its alpha-2
code: from its alpha-3 code by `country_converter`'s table, or, where Natural Earth gives none
("-99" for France, Norway, Kosovo...), by matching its name against that table's regexes, so a
territory Natural Earth draws apart ("Somaliland", "N. Cyprus") joins the country whose name it
carries. A country of several parts (the United States, France with French Guiana) has the extent of all of
them; one that crosses the antimeridian (Russia, Fiji) spans -180..180. That is a sanity bound
("can a place said to be in Israel lie at these coordinates?"), not a border test.

`country_outlines` gives each country's shape as an SVG path in degrees (x the longitude, y
the latitude negated, as SVG's y grows downwards), drawn by DuckDB's spatial extension
(`ST_Read`, `ST_AsSVG`) from the same file: an equirectangular map's coastlines and borders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

import pyogrio
import pyogrio.raw

from newswire.reference import converter_rows

# (min_lon, min_lat, max_lon, max_lat) in degrees.
Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class Outline:
    """A country's shape: `path` is SVG path data in degrees (x longitude, y minus latitude)."""

    country_code: str | None
    name: str
    path: str
    bounds: Bounds


@dataclass(frozen=True)
class Country:
    """One Natural Earth country: its alpha-2 code (None for a name the table does not know),
    its Natural Earth name, and its bounding box."""

    country_code: str | None
    name: str
    bounds: Bounds


def natural_earth_path() -> Path:
    """The Natural Earth 1:110m countries shapefile shipped in the `pyogrio` wheel."""
    path = Path(str(files("pyogrio"))) / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    if not path.is_file():
        raise RuntimeError(f"no Natural Earth countries at {path}: install pyogrio")
    return path


@cache
def _country_table() -> tuple[dict[str, str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """`country_converter`'s alpha-3 -> alpha-2 codes, and (alpha-2, name regex) pairs."""
    rows = converter_rows()
    by_alpha3 = {row["ISO3"]: row["ISO2"] for row in rows if row["ISO3"] and row["ISO2"]}
    patterns = tuple((row["ISO2"], re.compile(row["regex"], re.IGNORECASE)) for row in rows if row["regex"] and row["ISO2"])
    return by_alpha3, patterns


def alpha2(iso_a3: str | None, name: str) -> str | None:
    """A Natural Earth country's alpha-2 code: "ISR", "Israel" -> "IL"; "-99", "France" -> "FR";
    None when neither its code nor its name is known ("-99", "Somaliland")."""
    by_alpha3, patterns = _country_table()
    if iso_a3 in by_alpha3:
        return by_alpha3[iso_a3]
    matches = {code for code, pattern in patterns if pattern.search(name)}
    return matches.pop() if len(matches) == 1 else None


@cache
def countries() -> tuple[Country, ...]:
    """Every Natural Earth country, in the file's order."""
    path = natural_earth_path()
    meta, _, _, fields = pyogrio.raw.read(path, read_geometry=False, columns=["iso_a3", "name"])
    columns = dict(zip(meta["fields"].tolist(), fields))
    _, boxes = pyogrio.read_bounds(path)
    return tuple(
        Country(alpha2(iso_a3, name), name, (float(boxes[0][i]), float(boxes[1][i]), float(boxes[2][i]), float(boxes[3][i])))
        for i, (iso_a3, name) in enumerate(zip(columns["iso_a3"], columns["name"]))
    )


@cache
def country_bounds() -> Mapping[str, Bounds]:
    """Each country's bounding box (min_lon, min_lat, max_lon, max_lat), keyed by alpha-2 code."""
    bounds: dict[str, Bounds] = {}
    for country in countries():
        if country.country_code is None:
            continue
        if country.country_code in bounds:
            bounds[country.country_code] = _union(bounds[country.country_code], country.bounds)
        else:
            bounds[country.country_code] = country.bounds
    return MappingProxyType(bounds)


def _union(a: Bounds, b: Bounds) -> Bounds:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def within(bounds: Bounds, latitude: float, longitude: float, margin: float = 0.0) -> bool:
    """Whether a point lies inside a bounding box widened by `margin` degrees, edges included."""
    min_lon, min_lat, max_lon, max_lat = bounds
    return (min_lon - margin <= longitude <= max_lon + margin
            and min_lat - margin <= latitude <= max_lat + margin)


@cache
def country_outlines() -> tuple[Outline, ...]:
    """Every Natural Earth country's outline, to two decimals of a degree (about a kilometre)."""
    import duckdb

    from newswire.analyst.extensions import load

    with duckdb.connect() as con:
        load(con, "spatial")
        rows = con.execute(
            "select iso_a3, name, ST_AsSVG(geom, false, 2), ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) "
            "from ST_Read(?)",
            [str(natural_earth_path())],
        ).fetchall()
    return tuple(Outline(alpha2(iso_a3, name), name, path, tuple(box)) for iso_a3, name, path, *box in rows)
