from __future__ import annotations

from datetime import date

import pytest

from newswire.link.events import EventRow, EventSummary, canonical_ids, same_event, summarise


def summary(key, stated=None, published=date(2024, 3, 27), specific=(), actors=(), places=(), kind="CONSULT", known=False):
    return EventSummary(
        key=key, event_type=kind, stated_date=stated, published_at=published, specific=frozenset(specific),
        actors=frozenset(actors) | frozenset(specific), places=frozenset(places), known=known,
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # the same day: one shared person is enough
        (summary("a", date(2024, 3, 26), specific={"austin"}), summary("b", date(2024, 3, 26), specific={"austin", "gallant"}), True),
        # the same day, different people: two meetings
        (summary("a", date(2024, 3, 26), specific={"austin"}), summary("b", date(2024, 3, 26), specific={"blinken"}), False),
        # a day apart needs two shared participants
        (summary("a", date(2024, 3, 26), specific={"austin", "gallant"}), summary("b", date(2024, 3, 27), specific={"austin", "gallant"}), True),
        (summary("a", date(2024, 3, 25), specific={"gallant", "blinken"}), summary("b", date(2024, 3, 26), specific={"gallant", "austin"}), False),
        # an unstated date matches a stated one in the week before publication
        (summary("a", date(2024, 3, 25), specific={"netanyahu"}), summary("b", None, date(2024, 3, 26), specific={"netanyahu"}), True),
        (summary("a", date(2024, 3, 1), specific={"netanyahu"}), summary("b", None, date(2024, 3, 26), specific={"netanyahu"}), False),
        # one shared person of several is not enough without a stated date
        (summary("a", date(2024, 3, 25), specific={"gallant", "blinken", "sullivan"}), summary("b", None, date(2024, 3, 26), specific={"sullivan"}), False),
        # types and places must agree
        (summary("a", date(2023, 10, 7), kind="ASSAULT"), summary("b", date(2023, 10, 7), kind="CONSULT"), False),
        (summary("a", date(2024, 3, 26), specific={"x"}, places={"pentagon"}), summary("b", date(2024, 3, 26), specific={"x"}, places={"cairo"}), False),
    ],
)
def test_same_event(a, b, same):
    assert same_event(a, b) is same
    assert same_event(b, a) is same


def test_canonical_ids_join_across_articles_and_keep_known_ids():
    known = summary("canon-1", date(2024, 3, 26), specific={"austin", "gallant"}, known=True)
    new = [
        summary("article-a", date(2024, 3, 27), specific={"austin", "gallant"}),
        summary("article-b", None, date(2024, 3, 26), specific={"austin", "gallant"}),
        summary("article-c", date(2024, 3, 26), specific={"kirby"}),
    ]
    ids = canonical_ids(new, [known])
    assert ids["article-a"] == ids["article-b"] == "canon-1"
    assert ids["article-c"] not in {"canon-1"}
    assert set(ids) == {"article-a", "article-b", "article-c"}
    assert canonical_ids(list(reversed(new)), [known]) == ids


def test_summarise_prefers_stated_dates_and_keeps_roles_apart():
    rows = [
        EventRow("e", "CONSULT", date(2024, 3, 26), "text", date(2024, 3, 27), "p1", "PERSON", "source"),
        EventRow("e", "CONSULT", date(2024, 3, 27), "publication", date(2024, 3, 27), "g1", "GPE", "place"),
        EventRow("e", "CONSULT", date(2024, 3, 27), "publication", date(2024, 3, 27), "o1", "ORG", "mentioned"),
    ]
    (result,) = summarise(rows)
    assert result.stated_date == date(2024, 3, 26)
    assert (result.specific, result.actors, result.places) == (frozenset({"p1"}), frozenset({"p1"}), frozenset({"g1"}))
