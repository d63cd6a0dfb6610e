"""Scoring the warehouse's places against a gold list of where each place is (`seeds_places.json`).

A gold place is matched by its canonical name (case folded) to the warehouse's `places`, whose
name is its actor's (of several so named, the one most articles name). It is right in country when the
country codes are equal, and within reach when its country is right and, for a place with a
`max_km`, its point lies within that many kilometres (great-circle) of the gold point: Egypt's
Rafah, 2 km from the Palestinian town, is no hit for it. A gold place the warehouse lacks is
wrong on both counts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb

from newswire.evaluation.scores import ratio
from newswire.reference import alias_key

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True, slots=True)
class PlaceScore:
    places: int
    right_country: int
    within_reach: int
    misses: tuple[str, ...]  # one line per gold place wrong on either count

    def lines(self) -> list[str]:
        return [
            f"{'place country':<24} {ratio(self.right_country, self.places):.3f}  ({self.right_country}/{self.places})",
            f"{'place within max_km':<24} {ratio(self.within_reach, self.places):.3f}  ({self.within_reach}/{self.places})",
            *(f"  {miss}" for miss in self.misses),
        ]


def warehouse_places(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, float | None, float | None]]:
    """Each place's name (folded) and its country, latitude and longitude."""
    rows = con.execute("select name, country_code, latitude, longitude from places order by articles desc, actor_id").fetchall()
    found: dict[str, tuple[str | None, float | None, float | None]] = {}
    for name, country, latitude, longitude in rows:
        found.setdefault(alias_key(name), (country, latitude, longitude))
    return found


def score_places(gold: Sequence[Mapping[str, object]],
                 found: Mapping[str, tuple[str | None, float | None, float | None]]) -> PlaceScore:
    """How many gold places have the right country, and how many lie within reach."""
    right = reach = 0
    misses = []
    for place in gold:
        name = str(place["name"])
        country, latitude, longitude = found.get(alias_key(name), (None, None, None))
        country_ok = country == place["country_code"]
        max_km = place.get("max_km")
        if max_km is None:
            reach_ok, detail = country_ok, ""
        elif latitude is None or longitude is None:
            reach_ok, detail = False, ", no point"
        else:
            km = haversine_km(float(place["lat"]), float(place["lon"]), latitude, longitude)
            reach_ok, detail = country_ok and km <= float(max_km), f", {km:.1f} km (max {max_km})"
        right += country_ok
        reach += reach_ok
        if not (country_ok and reach_ok):
            misses.append(f"{name}: {country or 'not found'} for {place['country_code']}{detail}")
    return PlaceScore(len(gold), right, reach, tuple(misses))
