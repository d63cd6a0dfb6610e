"""Places resolved offline: same-name places told apart by their article, demonyms and national
bodies, capitals for their governments, reference places, unknown places, datelines, and the
chain that places an event."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from newswire.extract.geocode import (
    FEATURES,
    GEO_PRECISIONS,
    PLACE_SOURCES,
    actor_country,
    candidates,
    dateline,
    demonym_country,
    geocode_article,
    main_country,
    place_events,
    resolve_places,
)
from newswire.quality.checks import _within_country
from newswire.records import ActorMention, ArticlePlace, Event, EventActor, stable_id


def _mentions(text: str, actors: dict[str, str]) -> list[ActorMention]:
    """A mention of each named actor wherever its name stands in `text` as a whole word."""
    found = []
    for name, actor_type in actors.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            found.append(ActorMention("a1", stable_id(name), name, actor_type, name, match.start(), match.end(),
                                      actor_type))
    return sorted(found, key=lambda m: m.start_char)


def _place(text: str, actors: dict[str, str], name: str) -> ArticlePlace:
    (row,) = [p for p in resolve_places(text, "a1", _mentions(text, actors)) if p.name == name]
    return row


def test_rafah_in_a_story_about_gaza_is_the_palestinian_town():
    text = "Israeli troops pushed into Rafah, the last refuge in Gaza, as strikes hit the Gaza Strip."
    rafah = _place(text, {"Rafah": "GPE", "Gaza": "GPE", "Gaza Strip": "GPE", "Israeli": "NORP"}, "Rafah")
    assert (rafah.country_code, rafah.feature, rafah.geo_precision) == ("PS", "city", "city")
    assert rafah.latitude == pytest.approx(31.30, abs=0.05) and rafah.longitude == pytest.approx(34.24, abs=0.05)


def test_rafah_in_a_story_about_sinai_is_the_egyptian_town():
    text = "Egyptian officials in Rafah and Cairo said Egypt would reinforce its border in Rafah."
    rafah = _place(text, {"Rafah": "GPE", "Cairo": "GPE", "Egypt": "GPE", "Egyptian": "NORP"}, "Rafah")
    assert rafah.country_code == "EG"
    assert "Egypt" in rafah.geo_evidence or "Cairo" in rafah.geo_evidence


def test_georgia_next_to_tbilisi_is_the_country_and_next_to_atlanta_the_us_state():
    country = _place("Protests spread in Georgia as crowds filled Tbilisi.", {"Georgia": "GPE", "Tbilisi": "GPE"},
                     "Georgia")
    state = _place("Storms hit Georgia; Atlanta lost power.", {"Georgia": "GPE", "Atlanta": "GPE"}, "Georgia")
    assert (country.country_code, country.feature) == ("GE", "country")
    assert (state.country_code, state.admin1, state.feature) == ("US", "GA", "admin1")
    assert state.geo_evidence == "city named in article: Atlanta"


def test_paris_is_france_s_unless_texas_is_named():
    alone = _place("Talks resumed in Paris.", {"Paris": "GPE"}, "Paris")
    texan = _place("A tornado struck Paris, Texas, overnight.", {"Paris": "GPE", "Texas": "GPE"}, "Paris")
    assert (alone.country_code, alone.admin1) == ("FR", "11")
    assert (texan.country_code, texan.admin1) == ("US", "TX")
    assert texan.geo_evidence == "division named in article: Texas"


def test_a_feature_word_keeps_the_kind_it_names():
    city = _place("Crowds gathered in New York on Sunday.", {"New York": "GPE"}, "New York")
    state = _place("Voters in New York state went to the polls.", {"New York": "GPE"}, "New York")
    assert (city.feature, state.feature) == ("city", "admin1")


def test_washington_as_an_actor_is_the_us_capital():
    row = _place("Washington warned that aid would stop.", {"Washington": "GPE"}, "Washington")
    assert (row.country_code, row.admin1, row.feature) == ("US", "DC", "city")
    assert row.latitude == pytest.approx(38.9, abs=0.1) and row.longitude == pytest.approx(-77.04, abs=0.1)


def test_a_camp_from_the_reference_file():
    row = _place("Strikes hit the Jabalia camp overnight.", {"Jabalia camp": "FAC"}, "Jabalia camp")
    assert (row.country_code, row.feature, row.geo_precision) == ("PS", "district", "exact")
    assert row.geo_evidence == "reference place: Jabalia camp"


def test_a_place_no_gazetteer_knows_stays_unresolved_without_a_point():
    row = _place("Fighting reached Qarvendishtan late on Monday.", {"Qarvendishtan": "GPE"}, "Qarvendishtan")
    assert row.geo_precision == "unresolved"
    assert (row.country_code, row.latitude, row.longitude, row.geonames_id) == (None, None, None, None)


def test_accents_and_a_leading_the_do_not_hide_a_place():
    assert {c.country_code for c in candidates("Rafaḩ")} == {c.country_code for c in candidates("rafah")}
    assert [c.feature for c in candidates("the West Bank")] == ["region"]


@pytest.mark.parametrize(
    ("word", "code"), [("Israeli", "IL"), ("Iranian", "IR"), ("Palestinians", "PS"), ("Egyptian", "EG"),
                       ("American", "US"), ("Muslim", None)],
)
def test_a_demonym_names_its_country(word, code):
    assert demonym_country(word) == code


@pytest.mark.parametrize(
    ("name", "actor_type", "code"),
    [("Pentagon", "ORG", "US"), ("Kremlin", "ORG", "RU"), ("Hamas", "ORG", "PS"), ("Israeli", "NORP", "IL"),
     ("Iranian foreign ministry", "ORG", "IR"), ("United Nations", "ORG", None), ("Joe Biden", "PERSON", None)],
)
def test_a_national_body_or_a_demonym_gives_an_actor_its_country(name, actor_type, code):
    assert actor_country(name, actor_type) == code


@pytest.mark.parametrize(
    ("body", "place"),
    [("GAZA CITY, March 3 (Reuters) - Israeli jets struck.", "GAZA CITY"),
     ("Headline of the day\nKYIV — Russian drones hit the capital.", "KYIV"),
     ("RAFAH, Gaza Strip - Crowds fled south.", "RAFAH"),
     ("The talks in Geneva - if they happen - will be long.", None)],
)
def test_dateline(body, place):
    found = dateline(body)
    assert (found[2] if found else None) == place
    if found:
        assert body[found[0] : found[1]] == place


def test_the_dateline_place_is_marked_and_gives_its_evidence():
    text = "GAZA CITY, March 3 (Reuters) - Crowds fled as strikes hit Rafah."
    mentions = _mentions(text, {"GAZA CITY": "GPE", "Rafah": "GPE"})
    rows = {p.name: p for p in resolve_places(text, "a1", mentions)}
    assert rows["GAZA CITY"].dateline and not rows["Rafah"].dateline
    assert (rows["GAZA CITY"].country_code, rows["GAZA CITY"].geo_evidence) == ("PS", "dateline GAZA CITY")
    assert rows["Rafah"].country_code == "PS"  # the dateline's country decides between the two Rafahs


def _event(event_id: str, *actors: tuple[str, str]) -> Event:
    return Event(event_id, "a1", "ASSAULT", None, "struck", 0, 6, None, None, "publication", 0, 6,
                 tuple(EventActor(event_id, stable_id(name), role) for name, role in actors))


def test_an_event_is_placed_by_its_place_then_a_city_actor_then_the_dateline_then_the_country():
    text = "GAZA CITY, March 3 (Reuters) - Israel struck Khan Younis. Washington warned Israel. Talks stalled."
    mentions = _mentions(text, {"GAZA CITY": "GPE", "Israel": "GPE", "Khan Younis": "GPE", "Washington": "GPE"})
    places = resolve_places(text, "a1", mentions)
    events = [
        _event("e1", ("Israel", "source"), ("Khan Younis", "place")),
        _event("e2", ("Washington", "source"), ("Israel", "target")),
        _event("e3", ("Israel", "source")),
    ]
    placed = {e.event_id: e for e in place_events(events, places, main_country(mentions, places))}
    assert (placed["e1"].place_source, placed["e1"].country_code, placed["e1"].geo_precision) == ("place", "PS", "city")
    assert (placed["e2"].place_source, placed["e2"].country_code) == ("actor", "US")
    assert (placed["e3"].place_source, placed["e3"].country_code) == ("dateline", "PS")
    without_dateline = [replace(p, dateline=False) for p in places]
    (last,) = place_events([events[2]], without_dateline, main_country(mentions, without_dateline))
    assert (last.place_source, last.country_code, last.geo_precision, last.latitude) == (
        "article_country", "IL", "country", None)


def test_an_event_without_a_place_role_takes_a_place_of_its_sentence_then_its_target_country():
    text = "Israel and Egypt met in Cairo. Tanks advanced as crowds fled Khan Younis. Hamas attacked Israel."
    mentions = _mentions(text, {"Israel": "GPE", "Egypt": "GPE", "Cairo": "GPE", "Khan Younis": "GPE", "Hamas": "ORG"})
    places = resolve_places(text, "a1", mentions)
    events = [_event("e1", ("Khan Younis", "mentioned"), ("Israel", "mentioned")), _event("e2", ("Hamas", "source"), ("Israel", "target"))]
    placed = {e.event_id: e for e in place_events(events, places, main_country(mentions, places))}
    assert (placed["e1"].place_source, placed["e1"].country_code, placed["e1"].geo_precision) == ("sentence", "PS", "city")
    assert placed["e1"].latitude is not None
    assert (placed["e2"].place_source, placed["e2"].country_code, placed["e2"].latitude) == ("target_country", "IL", None)
    talks = replace(events[0], event_type="CONSULT")
    (about,) = place_events([talks], places, main_country(mentions, places))
    assert about.place_source == "article_country"  # talks about Khan Younis are not held there


def test_geocode_article_gives_mentions_their_countries():
    text = "Israeli forces entered Rafah; the Pentagon said Gaza needed aid."
    mentions = _mentions(text, {"Israeli forces": "ORG", "Rafah": "GPE", "Pentagon": "ORG", "Gaza": "GPE"})
    with_countries, _, places = geocode_article(text, "a1", mentions, [])
    assert {m.actor_name: m.actor_country for m in with_countries} == {
        "Israeli forces": "IL", "Rafah": "PS", "Pentagon": "US", "Gaza": "PS"}
    assert all(p.latitude is not None for p in places)


def test_a_point_outside_its_country_fails_the_bounds_check():
    assert _within_country("IL", 31.77, 35.21)
    assert _within_country("PS", 31.42, 34.36)  # the Gaza Strip, beside the West Bank's box
    assert not _within_country("IL", 40.71, -74.01)
    assert _within_country("IL", None, None)


def test_a_small_town_only_known_in_a_country_the_story_neither_names_nor_borders_is_unresolved():
    far = _place("Soldiers of Burkina Faso killed 18 civilians in the village of Soro.",
                 {"Burkina Faso": "GPE", "Soro": "GPE"}, "Soro")
    beside = _place("A drone from Turkey struck a car near Kobani.", {"Turkey": "GPE", "Kobani": "GPE"}, "Kobani")
    assert (far.geo_precision, far.latitude, far.country_code) == ("unresolved", None, None)
    assert "outside the article's countries" in far.geo_evidence
    assert beside.country_code == "SY"  # Syria borders Turkey


def test_an_event_takes_its_most_specific_place_and_a_country_gives_it_no_point():
    text = "An Israeli strike hit a school in Rafah. Israel struck Israel."
    mentions = _mentions(text, {"Rafah": "GPE", "Israel": "GPE"})
    places = resolve_places(text, "a1", mentions)
    both = _event("e1", ("Israel", "place"), ("Rafah", "place"))
    country_only = _event("e2", ("Israel", "place"))
    placed = {e.event_id: e for e in place_events([both, country_only], places, None)}
    assert (placed["e1"].country_code, placed["e1"].geo_precision) == ("PS", "city")
    assert (placed["e2"].country_code, placed["e2"].geo_precision, placed["e2"].latitude) == ("IL", "country", None)


def test_a_country_s_adjective_does_not_make_it_the_article_s_country():
    text = "An Israeli air strike hit a house in Gaza City. Israeli jets flew on."
    mentions = [m for m in _mentions(text, {"Israeli": "GPE", "Gaza City": "GPE"})]
    as_israel = [replace(m, actor_name="Israel", actor_id=stable_id("Israel")) if m.mention_text == "Israeli" else m
                 for m in mentions]
    places = resolve_places(text, "a1", as_israel)
    assert main_country(as_israel, places) == "PS"


def _validated_places(rows: list[ArticlePlace]):
    import pandas as pd

    from newswire.load.staging import TABLE_COLUMNS
    from newswire.quality.checks import with_checks
    from newswire.quality.validate import validate_tables

    frame = pd.DataFrame([[getattr(r, c) for c in TABLE_COLUMNS["article_places"]] for r in rows],
                         columns=list(TABLE_COLUMNS["article_places"]), dtype=object)
    checked = with_checks({"articles": pd.DataFrame({"article_id": ["a1"], "body": [""], "published_at": [None]}),
                           **{t: pd.DataFrame(columns=list(c)) for t, c in TABLE_COLUMNS.items()
                              if t not in ("articles", "article_places")},
                           "article_places": frame})
    return [o for o in validate_tables({"article_places": checked["article_places"]}) if not o.success]


def test_a_point_outside_its_country_is_critical_and_an_unresolved_place_a_warning():
    good = ArticlePlace("a1", "r", "Rafah", "PS", "GZ", "city", 31.297, 34.244, 281102, "city", "test", False)
    outside = replace(good, actor_id="x", country_code="IL", latitude=40.71, longitude=-74.01)
    unknown = ArticlePlace("a1", "u", "Qarvendishtan", None, None, None, None, None, None, "unresolved", "none", False)
    failures = {(o.column, o.severity, o.unexpected_rows) for o in _validated_places([good, outside, unknown])}
    assert failures == {("point_in_country", "critical", (1,)), ("country_code", "warning", (2,))}


def test_the_suites_allow_exactly_the_values_the_geocoder_gives():
    import json

    from newswire.resources import SUITES_DIR

    def value_set(table: str, column: str) -> list[str]:
        spec = json.loads((SUITES_DIR / f"{table}.json").read_text(encoding="utf-8"))
        (found,) = [e["kwargs"]["value_set"] for e in spec["expectations"]
                    if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == column]
        return found

    assert value_set("article_places", "geo_precision") == list(GEO_PRECISIONS)
    assert value_set("article_places", "feature") == list(FEATURES)
    assert value_set("events", "geo_precision") == list(GEO_PRECISIONS[:-1])  # a placed event is resolved
    assert value_set("events", "place_source") == list(PLACE_SOURCES)
