"""Charts as SVG from inline query results: what marks are drawn, where, and what they say."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

from newswire.analyst.chart import figures_svg, timeline_svg
from newswire.analyst.queries import Result

SVG = "{http://www.w3.org/2000/svg}"
TIMELINE_COLUMNS = ("event_date", "event_type", "role", "with_actors", "place", "articles", "sources", "said_as")
FIGURE_COLUMNS = ("category", "reported_on", "unit", "value", "qualifier", "as_written", "sources", "event")


def marks(svg: str, tag: str, kind: str) -> list[ElementTree.Element]:
    return [e for e in ElementTree.fromstring(svg).iter(f"{SVG}{tag}") if e.get("class") == kind]


def test_a_timeline_puts_each_event_at_its_date_in_the_lane_of_its_type():
    result = Result(TIMELINE_COLUMNS, (
        (date(2024, 3, 25), "CONSULT", ["source"], ["Antony Blinken"], None, 1, 1, ["met"]),
        (date(2024, 3, 26), "CONSULT", ["participant"], ["Lloyd Austin", "CQ Brown"], ["Pentagon"], 3, 3, ["meeting"]),
        (date(2024, 5, 20), "REJECT", ["source"], [], None, 1, 1, ["cancelled"]),
    ))
    svg = timeline_svg(result, "Yoav Gallant & co: events by date")
    circles = marks(svg, "circle", "event")
    assert len(circles) == 3
    xs = [float(c.get("cx")) for c in circles[:2]] + [float(circles[2].get("cx"))]
    assert xs[0] < xs[1] < xs[2]
    assert circles[0].get("cy") == circles[1].get("cy") != circles[2].get("cy")
    assert float(circles[1].get("r")) > float(circles[0].get("r")), "more sources, a larger mark"
    assert [c.find(f"{SVG}title").text for c in circles] == [
        "2024-03-25 CONSULT with Antony Blinken: 1 source(s), 1 article(s)",
        "2024-03-26 CONSULT with Lloyd Austin, CQ Brown: 3 source(s), 3 article(s)",
        "2024-05-20 REJECT with no one else named: 1 source(s), 1 article(s)",
    ]
    assert [t.text for t in marks(svg, "text", "lane")] == ["CONSULT", "REJECT"]
    assert [t.text for t in marks(svg, "text", "tick")] == ["2024-04", "2024-05"]
    assert ElementTree.fromstring(svg).find(f"{SVG}title").text == "Yoav Gallant & co: events by date"


def test_a_timeline_without_events_says_so():
    svg = timeline_svg(Result(TIMELINE_COLUMNS, ()), "Nobody: events by date")
    assert marks(svg, "circle", "event") == []
    assert "no dated event" in svg


def test_figures_are_bars_scaled_to_the_largest_of_their_category():
    result = Result(FIGURE_COLUMNS, (
        ("hostages", date(2024, 3, 27), "hostages", 100.0, "approximate", ["around 100 hostages"], ["DNA"], None),
        ("hostages", date(2024, 5, 20), "hostages", 128.0, "exact", ["128 hostages"], ["AP"], None),
        ("killed", date(2024, 3, 27), "people", 1200.0, "approximate", ["some 1,200 people"], ["DNA"], None),
        ("killed", date(2024, 4, 18), "fatalities", 0.0, "exact", ["no fatalities"], ["AP"], None),
    ))
    svg = figures_svg(result, "Figures by category")
    bars = marks(svg, "rect", "bar")
    widths = [float(b.get("width")) for b in bars]
    assert len(bars) == 4
    assert widths[1] == widths[2] > widths[0] > widths[3] == 0
    assert round(widths[0] / widths[1], 2) == round(100 / 128, 2)
    assert [t.text for t in marks(svg, "text", "category")] == ["hostages", "killed"]
    assert [t.text for t in marks(svg, "text", "value")] == ["100", "128", "1,200", "0"]
    assert bars[0].find(f"{SVG}title").text == "around 100 hostages (approximate), reported 2024-03-27 by DNA"
