from __future__ import annotations

import pandas as pd

from newswire.evaluation.gold import score_actors, score_mentions

GOLD = {
    "articles": {
        "a": {
            "dates": [
                {"start_char": 0, "end_char": 7, "value": "2024-03-26", "required": True},
                {"start_char": 20, "end_char": 25, "value": "2024-03-27", "required": False},
                {"start_char": 40, "end_char": 49, "value": "2023", "required": True},
            ],
            "figures": [{"start_char": 60, "end_char": 75, "value": 32000, "qualifier": "at_least", "required": True}],
            "actors": [
                {"name": "Lloyd Austin", "aliases": ["Austin", "Lloyd Austin"]},
                {"name": "United States", "aliases": ["US", "U.S."]},
            ],
        }
    }
}
ARTICLES = pd.DataFrame({"article_id": ["id-a"], "external_id": ["a"]})


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": "id-a", **row} for row in rows])


def test_dates_match_by_overlap_and_optional_items_are_neutral():
    dates = frame([
        {"start_char": 3, "end_char": 10, "timex_type": "DATE", "timex_value": "2024-03-26"},  # required, right
        {"start_char": 20, "end_char": 25, "timex_type": "DATE", "timex_value": "2024-03-20"},  # optional: ignored
        {"start_char": 40, "end_char": 49, "timex_type": "DATE", "timex_value": "2023-01-01"},  # span right, value wrong
        {"start_char": 80, "end_char": 90, "timex_type": "DATE", "timex_value": "2022"},  # not in the gold
        {"start_char": 90, "end_char": 99, "timex_type": "DURATION", "timex_value": "P6M"},  # durations not scored
    ])
    figures = frame([{"start_char": 65, "end_char": 70, "value": 32000.0, "qualifier": "approximate"}])
    span, value, figure_span, figure_value, qualifier = score_mentions(GOLD, ARTICLES, dates, figures)
    assert (span.tp, span.fp, span.fn) == (2, 1, 0)
    assert (value.tp, value.fp, value.fn) == (1, 2, 1)
    assert (figure_span.tp, figure_value.tp) == (1, 1)
    assert (qualifier.correct, qualifier.total) == (0, 1)


def test_actors_and_canonicalisation():
    actors = pd.DataFrame({
        "actor_id": ["p1", "p2", "g1", "n1"],
        "name": ["Lloyd Austin", "Austin", "United States", "Israeli"],
        "actor_type": ["PERSON", "PERSON", "GPE", "NORP"],
    })
    mentions = frame([
        {"actor_id": "p1", "mention_text": "Lloyd Austin"},
        {"actor_id": "p2", "mention_text": "Austin"},  # a second id for the same person
        {"actor_id": "g1", "mention_text": "US"},
        {"actor_id": "g1", "mention_text": "U.S."},
        {"actor_id": "n1", "mention_text": "Israeli"},  # NORP is not scored
    ])
    found, clusters = score_actors(GOLD, ARTICLES, mentions, actors)
    assert (found.tp, found.fp, found.fn) == (2, 0, 0)
    assert clusters.precision == 1.0
    assert clusters.recall == (0.5 + 0.5 + 1 + 1) / 4
