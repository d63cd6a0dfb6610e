from __future__ import annotations

import pytest

from newswire.extract.actors import actor_id_for, extract_actors, titles_of
from newswire.link.actors import acronym_links, link_across, surname_links
from newswire.records import Article, Extraction


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


def test_acronym_is_learned_from_its_expansion(nlp, gazetteer):
    text = "The National Transportation Safety Board (NTSB) met on Monday. Later the NTSB said it would act."
    mentions = actors_of(nlp, gazetteer, text)
    assert {m.mention_text for m in mentions} >= {"National Transportation Safety Board", "NTSB"}
    assert {m.actor_name for m in mentions} == {"National Transportation Safety Board"}


def test_acronym_links_across_articles(nlp, gazetteer):
    first = extract_actors(nlp("The National Transportation Safety Board (NTSB) met on Monday."), "a1", gazetteer)
    second = extract_actors(nlp("The NTSB said it would act on Friday."), "a2", gazetteer)
    assert {m.actor_name for m in second} == {"NTSB"}
    assert acronym_links([*first, *second]) == {"NTSB": "National Transportation Safety Board"}


def test_known_alias_joins_its_country(nlp, gazetteer):
    text = "Officials discussed the Islamic Republic on Monday. Iran did not reply."
    names = {m.actor_name for m in actors_of(nlp, gazetteer, text) if m.actor_type == "GPE"}
    assert names == {"Iran"}


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Apple Computer's iTunes store opened. Apple Computer grew.", "Apple Computer", "Apple Computer"),
        ("The Federal Bureau of Investigation (FBI) said so.", "FBI", "FBI"),
    ],
)
def test_entities_are_cut_at_inner_possessives_and_brackets(nlp, gazetteer, text, mention, name):
    found = {(m.mention_text, m.actor_name) for m in actors_of(nlp, gazetteer, text)}
    assert (mention, name) in found


def test_units_currency_codes_products_and_events_are_not_actors(nlp, gazetteer):
    text = "The 30GB iPod costs $ 299 USD. It was shown at the Worldwide Developers Conference by Apple."
    names = {m.actor_name for m in actors_of(nlp, gazetteer, text)}
    assert not names & {"GB", "iPod", "USD", "Worldwide Developers Conference"}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("US Defense Secretary Lloyd Austin welcomed the minister.", "Lloyd Austin", "Defense Secretary"),
        ("Gallant met Secretary of State Antony Blinken on Monday.", "Antony Blinken", "Secretary of State"),
        ("It was hard, Maj Gen Pat Ryder, Pentagon press secretary, said.", "Pat Ryder", "Maj Gen, Pentagon press secretary"),
        (
            "The talks were led by Jake Sullivan, the president’s national security adviser, on Monday.",
            "Jake Sullivan",
            "national security adviser",
        ),
    ],
)
def test_titles_are_kept_as_data(nlp, gazetteer, text, name, title):
    doc = nlp(text)
    mentions = extract_actors(doc, "a1", gazetteer)
    titles = titles_of(doc, mentions)
    assert {titles.get((m.start_char, m.end_char)) for m in mentions if m.actor_name == name} == {title}


def test_a_form_of_address_is_not_a_title(nlp, gazetteer):
    doc = nlp("Mr. Biden met Israeli officials on Friday.")
    assert titles_of(doc, extract_actors(doc, "a1", gazetteer)) == {}


def test_names_differing_only_in_case_link_as_one_actor(nlp, gazetteer):
    def extraction(article_id: str, text: str) -> Extraction:
        article = Article(article_id, article_id, None, None, None, None, text, "x")
        mentions = tuple(extract_actors(nlp(text), article_id, gazetteer))
        return Extraction(article, mentions, (), (), ())

    linked = link_across([
        extraction("a1", "Treasury Secretary James Baker met bankers."),
        extraction("a2", "BAKER said rates would fall. Baker said so again."),
    ])
    names = {m.actor_name for x in linked for m in x.actor_mentions if m.actor_type == "PERSON"}
    assert names == {"James Baker"}


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Microsoft Corp. said it would appeal. Microsoft's lawyers met the judge.", ("Microsoft Corp", "Microsoft")),
        ("Siemens AG cut jobs. Analysts said Siemens had little choice.", ("Siemens AG", "Siemens")),
    ],
)
def test_a_companys_legal_form_is_not_part_of_its_name(nlp, gazetteer, text, mentions):
    found = {m.mention_text.rstrip("."): m.actor_id for m in actors_of(nlp, gazetteer, text)}
    assert found[mentions[0]] == found[mentions[1]] == actor_id_for(mentions[1])


def test_an_acronym_used_without_being_spelt_out_joins_its_expansion(nlp, gazetteer):
    text = "The Federal Trade Commission sued to block the deal. The FTC said the merger would hurt gamers."
    ids = {m.mention_text: m.actor_id for m in actors_of(nlp, gazetteer, text)}
    assert ids["FTC"] == ids["Federal Trade Commission"]


def test_a_bare_surname_claims_a_full_name_the_model_did_not_call_a_person(nlp, gazetteer):
    text = "Kenya's president met Tanzania's Samia Suluhu Hassan in Nairobi. Hassan said the talks were frank."
    found = {m.mention_text: m for m in actors_of(nlp, gazetteer, text)}
    assert found["Hassan"].actor_id == found["Samia Suluhu Hassan"].actor_id
    assert found["Samia Suluhu Hassan"].actor_type == "PERSON"
