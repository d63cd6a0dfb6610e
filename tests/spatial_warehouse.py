"""A warehouse with events placed by hand at known coordinates, for the spatial questions and
the map: the real schema and a few rows."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

from newswire.load import warehouse

RAFAH = (31.297, 34.244)
KHAN_YOUNIS = (31.34, 34.30)
CAIRO = (30.04, 31.24)

# place actor id, name, country, (lat, lon), precision
PLACES = [
    ("p_rafah", "Rafah", "PS", RAFAH, "city"),
    ("p_khan", "Khan Younis", "PS", KHAN_YOUNIS, "city"),
    ("p_cairo", "Cairo", "EG", CAIRO, "city"),
]

# event id, type, date, place actor, sources reporting it, who
EVENTS = [
    ("e_rafah", "ATTACK", date(2024, 5, 7), "p_rafah", 3, "Israel Defense Forces"),
    ("e_khan", "ATTACK", date(2024, 3, 10), "p_khan", 1, "Hamas"),
    ("e_khan_late", "CONSULT", date(2024, 9, 2), "p_khan", 2, "UNRWA"),
    ("e_cairo", "CONSULT", date(2024, 5, 8), "p_cairo", 2, "William Burns"),
]


def placed_warehouse(path: Path) -> Path:
    con = warehouse.connect(path)
    loaded = datetime(2024, 10, 1)
    for actor_id, name, country, (lat, lon), precision in PLACES:
        con.execute(
            "insert into actors (actor_id, name, actor_type, mention_count, article_count, actor_country) "
            "values (?, ?, 'GPE', 2, 2, ?)",
            [actor_id, name, country],
        )
        con.execute(
            "insert into places (actor_id, name, country_code, feature, latitude, longitude, geo_precision, "
            "geo_evidence, articles) values (?, ?, ?, 'city', ?, ?, ?, 'reference place', 2)",
            [actor_id, name, country, lat, lon, precision],
        )
    people = sorted({who for *_, who in EVENTS})
    for who in people:
        con.execute(
            "insert into actors (actor_id, name, actor_type, mention_count, article_count) values (?, ?, 'ORG', 1, 1)",
            [f"a_{who}", who],
        )
    for event_id, event_type, day, place, sources, who in EVENTS:
        _, name, country, (lat, lon), precision = next(p for p in PLACES if p[0] == place)
        for n in range(sources):
            article_id = f"{event_id}_art{n}"
            con.execute(
                "insert into articles (article_id, external_id, title, source_name, published_at, body, loaded_at, run_id) "
                "values (?, ?, ?, ?, ?, ?, ?, 'r1')",
                [article_id, f"{article_id}.txt", f"{event_type} in {name}", f"source {n}", day, f"{who} in {name}.", loaded],
            )
            con.execute(
                "insert into actor_mentions (article_id, actor_id, mention_text, start_char, end_char, ner_label) "
                "values (?, ?, ?, 0, 4, 'GPE')",
                [article_id, place, name],
            )
            mention = f"{event_id}_{n}"
            con.execute(
                "insert into events (event_id, article_id, event_type, trigger_text, start_char, end_char, event_date, "
                "date_precision, date_source, article_event_id, canonical_event_id, country_code, latitude, longitude, "
                "geo_precision, place_source) values (?, ?, ?, 'struck', 0, 6, ?, 'day', 'text', ?, ?, ?, ?, ?, ?, 'place')",
                [mention, article_id, event_type, day, mention, event_id, country, lat, lon, precision],
            )
            con.execute("insert into event_actors (event_id, actor_id, role) values (?, ?, 'place')", [mention, place])
            con.execute("insert into event_actors (event_id, actor_id, role) values (?, ?, 'source')", [mention, f"a_{who}"])
    con.close()
    return path


def open_placed(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(placed_warehouse(path)), read_only=True)
