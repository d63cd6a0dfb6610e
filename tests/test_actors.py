from __future__ import annotations

import pytest

from flows.extract.actors import actor_id_for, extract_actors, surname_links


def actors_of(nlp, gazetteer, text):
    mentions = extract_actors(nlp(text), "a1", gazetteer)
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.mention_text
    return mentions


def test_later_surname_joins_full_name(nlp, gazetteer):
    text = "Defense Secretary Lloyd Austin met reporters. Austin said the talks went well."
    names = {(m.mention_text, m.actor_name) for m in actors_of(nlp, gazetteer, text) if m.actor_type == "PERSON"}
    assert ("Austin", "Lloyd Austin") in names
    assert ("Lloyd Austin", "Lloyd Austin") in names


@pytest.mark.parametrize(
    "text",
    [
        "The US sent aid. The U.S. also sent envoys. The United States says more will follow.",
        "America and the USA are the same country as the United States of America.",
    ],
)
def test_country_variants_are_one_actor(nlp, gazetteer, text):
    gpe = {m.actor_id for m in actors_of(nlp, gazetteer, text) if m.actor_type == "GPE"}
    assert gpe == {actor_id_for("United States")}


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("They criticised the White House’s objections.", "White House", "White House"),
        ("The decision of the UN Security Council's members was final.", "UN Security Council", "UN Security Council"),
        ("Gallant showed Sullivan Israel’s plan. Jake Sullivan listened.", "Israel", "Israel"),
    ],
)
def test_determiners_possessives_and_glued_names(nlp, gazetteer, text, mention, name):
    found = {(m.mention_text, m.actor_name) for m in actors_of(nlp, gazetteer, text)}
    assert (mention, name) in found


def test_job_title_fragments_are_not_organisations(nlp, gazetteer):
    text = "Defense Secretary Lloyd Austin met Secretary of State Antony Blinken and US National Security Adviser Jake Sullivan."
    names = {m.actor_name for m in actors_of(nlp, gazetteer, text)}
    assert {"Lloyd Austin", "Antony Blinken", "Jake Sullivan"} <= names
    assert not names & {"Defense", "State", "US National Security"}


def test_titles_are_not_part_of_a_persons_name(nlp, gazetteer):
    text = "Maj Gen Pat Ryder, the Pentagon press secretary, spoke after President Joe Biden."
    names = {m.actor_name for m in actors_of(nlp, gazetteer, text) if m.actor_type == "PERSON"}
    assert names == {"Pat Ryder", "Joe Biden"}


def test_surname_links_across_articles(nlp, gazetteer):
    first = extract_actors(nlp("President Joe Biden spoke on Monday."), "a1", gazetteer)
    second = extract_actors(nlp("Mr. Biden met Israeli officials on Friday."), "a2", gazetteer)
    assert surname_links([*first, *second]) == {"Biden": "Joe Biden"}
    assert surname_links(second, known_people=["Joe Biden", "Hunter Biden"]) == {}
