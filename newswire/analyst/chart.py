"""Charts of analysis results as standalone SVG: no script, no font or style from the network.

`timeline_svg` draws the rows of the `actor_timeline` query: a lane per event type, a circle
per event at its date, larger when more sources report it. `figures_svg` draws the rows of
`figures_over_time`: a panel per category, a bar per figure in the order it was reported,
scaled to the largest figure of its category. `map_svg` draws the rows of `events_placed` on
country outlines (equirectangular: x the longitude, y the latitude), framed on the events: a
circle per event at its point, coloured by event type, larger when more sources report it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from math import sqrt
from typing import TYPE_CHECKING

from newswire.analyst.queries import Result, cell_text

if TYPE_CHECKING:
    from newswire.outlines import Outline

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
FONT = "font-family:sans-serif;font-size:12px"


def _records(result: Result) -> list[dict]:
    return [dict(zip(result.columns, row)) for row in result.rows]


def _svg(width: int, height: int, title: str, body: Sequence[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" style="{FONT}">',
            f"<title>{escape(title)}</title>",
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            f'<text x="16" y="26" style="font-size:16px;font-weight:bold">{escape(title)}</text>',
            *body,
            "</svg>",
            "",
        ]
    )


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """The first day of each month from `first` to `last` with its label, or of each year when that is many."""
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if len(months) > 12:
        return [(m, m.strftime("%Y")) for m in months if m.month == 1]
    return [(m, m.strftime("%Y-%m")) for m in months]


def timeline_svg(result: Result, title: str, width: int = 960) -> str:
    """The events of an actor's timeline, by date, in a lane per event type."""
    events = [row for row in _records(result) if row["event_date"] is not None]
    types = sorted({row["event_type"] for row in events})
    left, right, top, lane = 130, 40, 60, 70
    height = top + lane * max(len(types), 1) + 50
    body: list[str] = []
    if not events:
        body.append(f'<text x="{left}" y="{top + 30}">no dated event</text>')
        return _svg(width, height, title, body)
    first, last = min(r["event_date"] for r in events), max(r["event_date"] for r in events)
    pad = max((last - first).days // 20, 7)
    first, last = first - timedelta(days=pad), last + timedelta(days=pad)
    span = (last - first).days

    def x(day: date) -> float:
        return round(left + (width - left - right) * (day - first).days / span, 1)

    axis_y = top + lane * len(types)
    body.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#333333"/>')
    for tick, label in _ticks(first, last):
        body.append(f'<line x1="{x(tick)}" y1="{top}" x2="{x(tick)}" y2="{axis_y + 5}" stroke="#dddddd"/>')
        body.append(f'<text class="tick" x="{x(tick)}" y="{axis_y + 20}" text-anchor="middle">{label}</text>')
    for index, event_type in enumerate(types):
        y = top + lane * index + lane // 2
        colour = PALETTE[index % len(PALETTE)]
        body.append(f'<text class="lane" x="{left - 12}" y="{y + 4}" text-anchor="end">{escape(event_type)}</text>')
        body.append(f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="#eeeeee"/>')
        in_lane = sorted((r for r in events if r["event_type"] == event_type), key=lambda r: r["event_date"])
        for position, row in enumerate(in_lane):
            radius = round(4 + 3 * sqrt(row["sources"] or 1), 1)
            others = cell_text(row["with_actors"]) or "no one else named"
            tip = f"{row['event_date']} {event_type} with {others}: {row['sources']} source(s), {row['articles']} article(s)"
            body.append(
                f'<circle class="event" cx="{x(row["event_date"])}" cy="{y}" r="{radius}" fill="{colour}" '
                f'fill-opacity="0.7"><title>{escape(tip)}</title></circle>'
            )
            label_y = y - radius - 5 if position % 2 == 0 else y + radius + 13
            body.append(
                f'<text class="label" x="{x(row["event_date"])}" y="{label_y}" text-anchor="middle">'
                f'{escape(row["event_date"].strftime("%m-%d"))} {escape(others)}</text>'
            )
    return _svg(width, height, title, body)


def figures_svg(result: Result, title: str, width: int = 960) -> str:
    """A panel per category, a bar per figure as reported, each scaled to its category's largest."""
    rows = _records(result)
    categories = list(dict.fromkeys(row["category"] for row in rows))
    label_width, value_width, row_height, top = 430, 90, 22, 50
    bar_space = width - label_width - value_width - 32
    height = top + sum(row_height * (1 + sum(r["category"] == c for r in rows)) + 10 for c in categories) + 20
    body: list[str] = []
    y = top
    for index, category in enumerate(categories):
        colour = PALETTE[index % len(PALETTE)]
        in_category = [r for r in rows if r["category"] == category]
        largest = max((r["value"] or 0 for r in in_category), default=0) or 1
        body.append(f'<text class="category" x="16" y="{y + 15}" style="font-weight:bold">{escape(category)}</text>')
        y += row_height
        for row in in_category:
            value = row["value"] or 0
            length = round(bar_space * value / largest, 1)
            written = cell_text(row["as_written"])
            label = f"{cell_text(row['reported_on'])}  {written}"
            tip = f"{written} ({row['qualifier']}), reported {cell_text(row['reported_on'])} by {cell_text(row['sources'])}"
            body.append(f'<text x="32" y="{y + 15}">{escape(label)}</text>')
            body.append(
                f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{length}" height="{row_height - 8}" '
                f'fill="{colour}"><title>{escape(tip)}</title></rect>'
            )
            body.append(f'<text class="value" x="{label_width + length + 6}" y="{y + 15}">{cell_text(value)}</text>')
            y += row_height
        y += 10
    if not rows:
        body.append(f'<text x="16" y="{top + 20}">no figure</text>')
    return _svg(width, height, title, body)


# Degrees of longitude and latitude (west, south, east, north).
Extent = tuple[float, float, float, float]
WORLD: Extent = (-180.0, -90.0, 180.0, 90.0)


def map_extent(points: Sequence[tuple[float, float]], aspect: float, least: float = 8.0) -> Extent:
    """The frame of a map of `points` (latitude, longitude): their extent with a margin, at least
    `least` degrees wide, widened to the drawing's `aspect` (width / height), kept on the globe."""
    if not points:
        return WORLD
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    lon_span = max(max(lons) - min(lons), least) * 1.3
    lat_span = max(max(lats) - min(lats), least / aspect) * 1.3
    lon_span, lat_span = max(lon_span, lat_span * aspect), max(lat_span, lon_span / aspect)
    if lon_span >= 360 or lat_span >= 180:
        return WORLD
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    west = min(max(mid_lon - lon_span / 2, -180.0), 180.0 - lon_span)
    south = min(max(mid_lat - lat_span / 2, -90.0), 90.0 - lat_span)
    return west, south, west + lon_span, south + lat_span


def _overlaps(a: Extent, b: Extent) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def map_svg(result: Result, title: str, outlines: Sequence[Outline], width: int = 960) -> str:
    """The events of `events_placed` as circles at their points, on the countries' outlines."""
    events = [row for row in _records(result) if row["latitude"] is not None and row["longitude"] is not None]
    types = sorted({row["event_type"] for row in events})
    left, top, map_width = 16, 44, width - 32
    map_height = map_width // 2
    west, south, east, north = map_extent([(r["latitude"], r["longitude"]) for r in events], map_width / map_height)
    scale = map_width / (east - west)

    def x(longitude: float) -> float:
        return round(left + (longitude - west) * scale, 1)

    def y(latitude: float) -> float:
        return round(top + (north - latitude) * scale, 1)

    body = [
        f'<svg class="map" x="{left}" y="{top}" width="{map_width}" height="{map_height}" '
        f'viewBox="{west:g} {-north:g} {east - west:g} {north - south:g}" preserveAspectRatio="none">',
        f'<rect x="{west:g}" y="{-north:g}" width="{east - west:g}" height="{north - south:g}" fill="#eaf2fa"/>',
        *(
            f'<path class="country" d="{escape(outline.path)}" fill="#f7f7f2" stroke="#9a9a9a" '
            f'stroke-width="0.8" vector-effect="non-scaling-stroke"><title>{escape(outline.name)}</title></path>'
            for outline in outlines
            if _overlaps(outline.bounds, (west, south, east, north))
        ),
        "</svg>",
        f'<rect x="{left}" y="{top}" width="{map_width}" height="{map_height}" fill="none" stroke="#333333"/>',
    ]
    if not events:
        body.append(f'<text x="{left + 12}" y="{top + 24}">no placed event</text>')
    colours = {event_type: PALETTE[index % len(PALETTE)] for index, event_type in enumerate(types)}
    for row in sorted(events, key=lambda r: -(r["sources"] or 1)):
        radius = round(3 + 2.5 * sqrt(row["sources"] or 1), 1)
        where = cell_text(row["places"]) or f"{row['latitude']:.2f}, {row['longitude']:.2f}"
        who = cell_text(row["actors"]) or "no one named"
        tip = (
            f"{cell_text(row['event_date']) or 'undated'} {row['event_type']} at {where} ({row['country_code']}): "
            f"{who}; {row['sources']} source(s), {row['articles']} article(s)"
        )
        body.append(
            f'<circle class="event" cx="{x(row["longitude"])}" cy="{y(row["latitude"])}" r="{radius}" '
            f'fill="{colours[row["event_type"]]}" fill-opacity="0.75" stroke="#ffffff" stroke-width="1">'
            f"<title>{escape(tip)}</title></circle>"
        )
    per_row = max(map_width // 130, 1)
    for index, event_type in enumerate(types):
        legend_x, legend_y = left + 130 * (index % per_row), top + map_height + 22 + 20 * (index // per_row)
        body.append(f'<circle cx="{legend_x + 6}" cy="{legend_y - 4}" r="6" fill="{colours[event_type]}"/>')
        body.append(f'<text class="legend" x="{legend_x + 16}" y="{legend_y}">{escape(event_type)}</text>')
    return _svg(width, top + map_height + 22 + 20 * -(-len(types) // per_row), title, body)
