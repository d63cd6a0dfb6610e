from __future__ import annotations

from datetime import date

import pytest

from newswire.extract.pipeline import extract_articles
from newswire.link.events import EventRow, EventSummary, assign_canonical_events, canonical_ids, same_event, summarise
from newswire.records import Article


def summary(
    key, stated=None, published=date(2024, 3, 27), specific=(), actors=(), places=(), kind="CONSULT", known=False,
    mode=None, within=(),
):
    return EventSummary(
        key=key, event_type=kind, stated_date=stated, published_at=published, specific=frozenset(specific),
        actors=frozenset(actors) | frozenset(specific), places=frozenset(places), known=known, mode=mode,
        within=frozenset(within),
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


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # the same neighbourhood, or a neighbourhood and the city its article puts it in
        (summary("a", date(2024, 3, 3), places={"zeitoun"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), places={"zeitoun", "gaza city"}, within={"gaza city"}, kind="ASSAULT"), True),
        (summary("a", date(2024, 3, 3), places={"gaza city"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), places={"zeitoun"}, within={"gaza city"}, kind="ASSAULT"), True),
        # two neighbourhoods of one city
        (summary("a", date(2024, 3, 3), places={"zeitoun", "gaza city"}, within={"gaza city"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), places={"shejaiya", "gaza city"}, within={"gaza city"}, kind="ASSAULT"), False),
        # different place names, with nothing known of them, disagree
        (summary("a", date(2024, 3, 3), places={"gaza city"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), places={"gaza"}, kind="ASSAULT"), False),
        # an air strike is not a shelling
        (summary("a", date(2024, 3, 3), places={"zeitoun"}, kind="ASSAULT", mode="aerial"),
         summary("b", date(2024, 3, 3), places={"zeitoun"}, kind="ASSAULT", mode="shelling"), False),
        (summary("a", date(2024, 3, 3), places={"zeitoun"}, kind="ASSAULT", mode="aerial"),
         summary("b", date(2024, 3, 3), places={"zeitoun"}, kind="ASSAULT"), True),
        # without places, countries and nationalities are not enough
        (summary("a", date(2024, 3, 3), actors={"israel"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), actors={"israel", "palestinian"}, kind="ASSAULT"), False),
        (summary("a", date(2024, 3, 3), specific={"hamas"}, kind="ASSAULT"),
         summary("b", date(2024, 3, 3), actors={"israel"}, kind="ASSAULT"), False),
        # one place, one day, different named people: two events
        (summary("a", date(2024, 3, 26), specific={"austin"}, places={"pentagon"}),
         summary("b", date(2024, 3, 26), specific={"blinken"}, places={"pentagon"}), False),
    ],
)
def test_same_event_needs_places_that_agree(a, b, same):
    assert same_event(a, b) is same
    assert same_event(b, a) is same


def test_a_report_placed_in_a_city_does_not_join_two_neighbourhoods():
    zeitoun = summary("zeitoun", date(2024, 3, 3), places={"zeitoun", "gaza city"}, within={"gaza city"}, kind="ASSAULT")
    again = summary("again", date(2024, 3, 3), places={"zeitoun"}, within={"gaza city"}, kind="ASSAULT")
    shejaiya = summary("shejaiya", date(2024, 3, 3), places={"shejaiya"}, within={"gaza city"}, kind="ASSAULT")
    city = summary("city", date(2024, 3, 3), places={"gaza city"}, kind="ASSAULT")
    ids = canonical_ids([zeitoun, again, shejaiya, city])
    assert ids["zeitoun"] == ids["again"]
    assert len({ids["zeitoun"], ids["shejaiya"], ids["city"]}) == 3
    # with one neighbourhood reported, the city's report is of the same strike
    ids = canonical_ids([zeitoun, city])
    assert ids["zeitoun"] == ids["city"]


def test_a_bare_report_joins_the_one_event_of_its_day():
    attack = summary("attack", date(2023, 10, 7), specific={"hamas"}, actors={"israel"}, kind="ASSAULT")
    bare = summary("bare", date(2023, 10, 7), kind="ASSAULT")
    ids = canonical_ids([attack, bare])
    assert ids["attack"] == ids["bare"]
    other = summary("other", date(2023, 10, 7), specific={"hezbollah"}, kind="ASSAULT")
    ids = canonical_ids([attack, bare, other])
    assert len({ids["attack"], ids["bare"], ids["other"]}) == 3


def test_summarise_keeps_modes_and_the_places_that_hold_an_events_places():
    rows = [
        EventRow("e", "ASSAULT", date(2024, 3, 3), "text", date(2024, 3, 4), event_mode="shelling"),
        EventRow("e", "ASSAULT", date(2024, 3, 3), "text", date(2024, 3, 4), "z", "LOC", "place", "shelling", frozenset({"g"})),
        EventRow("e", "ASSAULT", date(2024, 3, 3), "text", date(2024, 3, 4), "g", "GPE", "place", None),
    ]
    (result,) = summarise(rows)
    assert (result.mode, result.places, result.within, result.specific_places) == (
        "shelling", frozenset({"z", "g"}), frozenset({"g"}), frozenset({"z"})
    )


def test_strikes_in_two_neighbourhoods_stay_two_events_and_one_strike_in_two_reports_is_one(nlp, gazetteer):
    texts = {
        "zeitoun": "On 3 March 2024, Israeli forces shelled houses in the al-Zeitoun neighbourhood of Gaza City, killing two people.",
        "shejaiya": "On 3 March 2024, Israeli forces shelled houses in the Shejaiya neighbourhood of Gaza City, killing three people.",
        "again": "Israeli artillery shelled a building in the al-Zeitoun neighbourhood on 3 March 2024, killing two people.",
    }
    articles = [Article(k, k, None, "outlet " + k, None, date(2024, 3, 4), t, k) for k, t in texts.items()]
    linked = assign_canonical_events(extract_articles(articles, nlp, gazetteer).extractions)
    ids = {x.article.article_id: {e.canonical_event_id for e in x.events if e.event_type == "ASSAULT"} for x in linked}
    assert ids["zeitoun"] == ids["again"]
    assert not ids["zeitoun"] & ids["shejaiya"]
