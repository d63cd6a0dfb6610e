"""Figures extracted from short news sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newswire.extract.figures import CATEGORIES, extract_figures, figure_actors
from newswire.extract.figures.currencies import (
    currency_in,
    hundredth_of,
    initialled_currency,
    shared_currencies,
    symbols,
)
from newswire.extract.figures.examples import RULE_EXAMPLES, Example, NoFigure
from newswire.extract.nlp import load_model
from newswire.records import QUALIFIERS, ActorMention, Figure, stable_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def figures(nlp: Language, text: str) -> list[Figure]:
    return extract_figures(nlp(text), "a1")


def only(nlp: Language, text: str, mention: str) -> Figure:
    """The one figure whose mention text is `mention`."""
    found = [f for f in figures(nlp, text) if f.mention_text == mention]
    assert len(found) == 1, [f.mention_text for f in figures(nlp, text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "value", "qualifier"),
    [
        ("Israel's offensive has killed over 32,000 Palestinians.", "over 32,000 Palestinians",
         32000, "at_least"),
        ("The attack killed some 1,200 people.", "some 1,200 people", 1200, "approximate"),
        ("Militants took around 250 people hostage.", "around 250 people", 250, "approximate"),
        ("It fired more than 300 missiles and drones.", "more than 300 missiles and drones",
         300, "at_least"),
        ("At least 40 people were killed.", "At least 40 people", 40, "at_least"),
        ("Nearly 90 workers lost their jobs.", "Nearly 90 workers", 90, "approximate"),
        ("An estimated 20,000 people fled.", "An estimated 20,000 people", 20000, "approximate"),
        ("Up to 500 people fled the town.", "Up to 500 people", 500, "at_most"),
        ("Fewer than 20 families remain.", "Fewer than 20 families", 20, "at_most"),
        ("The army holds 128 hostages.", "128 hostages", 128, "exact"),
    ],
)
def test_qualifiers(nlp: Language, text: str, mention: str, value: float, qualifier: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_estimated_as_a_verb_qualifies_without_joining_the_span(nlp: Language) -> None:
    figure = only(nlp, "The agency estimated 810,000 people had fled Rafah.", "810,000 people")
    assert figure.qualifier == "approximate"


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Aid reached 1.2 million people.", "1.2 million people", 1_200_000),
        ("The firm sold 5.93 mln shares.", "5.93 mln shares", 5_930_000),
        ("Officials counted 810,000 people.", "810,000 people", 810_000),
        ("More than 1 million Palestinians sheltered there.",
         "More than 1 million Palestinians", 1_000_000),
        ("Two hundred and fifty soldiers arrived.", "Two hundred and fifty soldiers", 250),
    ],
)
def test_scales(nlp: Language, text: str, mention: str, value: float) -> None:
    assert only(nlp, text, mention).value == value


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("The company paid $3bn for the stake.", "$3bn", 3e9, "USD"),
        ("Congress approved $4.5 billion in aid.", "$4.5 billion", 4.5e9, "USD"),
        ("It raised US$20 million last week.", "US$20 million", 2e7, "USD"),
        ("The bank lent €20m to the city.", "€20m", 2e7, "EUR"),
        ("A deal worth £13 billion was signed.", "£13 billion", 1.3e10, "GBP"),
        ("The fund raised 40 million dollars.", "40 million dollars", 4e7, "USD"),
        ("The ministry spent 2.5 billion shekels.", "2.5 billion shekels", 2.5e9, "ILS"),
        ("Exports fell by 300 million euros.", "300 million euros", 3e8, "EUR"),
        ("Net profit was 5.93 mln dlrs in the quarter.", "5.93 mln dlrs", 5.93e6, "USD"),
        ("Sales rose to 1.2 billion Canadian dlrs.", "1.2 billion Canadian dlrs", 1.2e9, "CAD"),
        ("The unit lost 40 mln stg last year.", "40 mln stg", 4e7, "GBP"),
    ],
)
def test_money(nlp: Language, text: str, mention: str, value: float, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "money")


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Prices rose 3 pct in March.", "3 pct", 3),
        ("Turnout was 40% in the capital.", "40%", 40),
        ("Sales grew 12 percent on the year.", "12 percent", 12),
        ("Unemployment fell 2.5 per cent.", "2.5 per cent", 2.5),
    ],
)
def test_percent(nlp: Language, text: str, mention: str, value: float) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, "percent", "percent")


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit", "category"),
    [
        ("Israel says the group has four battalions.", "four battalions", 4, "battalions",
         "military_units"),
        ("Tensions grew between two nations.", "two nations", 2, "nations", "other"),
        ("A dozen soldiers were deployed.", "A dozen soldiers", 12, "soldiers", "military_units"),
        ("Troops shot down a pair of drones.", "a pair of drones", 2, "drones", "weapons"),
        ("Twenty-five people were arrested.", "Twenty-five people", 25, "people", "arrested"),
        ("Israel has been fighting a two-front war.", "two-front war", 2, "fronts", "other"),
        ("They spoke at the 90-minute meeting.", "90-minute", 90, "minute", "duration"),
        ("The talks lasted 48 hours.", "48 hours", 48, "hour", "duration"),
        ("The war has gone on for more than six months.", "more than six months", 6, "month",
         "duration"),
    ],
)
def test_word_numbers_and_hyphenated_quantities(
    nlp: Language, text: str, mention: str, value: float, unit: str, category: str
) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, unit, category)


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("Drought has driven a third of Gaza's population to the brink.",
         "a third of Gaza's population", 0.3333, "population"),
        ("Officials said two-thirds of voters backed the plan.", "two-thirds of voters",
         0.6667, "voters"),
        ("The strikes hit half of the city.", "half of the city", 0.5, "city"),
    ],
)
def test_shares(nlp: Language, text: str, mention: str, value: float, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "share")
    assert figure.qualifier == "approximate"


def test_qualified_share(nlp: Language) -> None:
    figure = only(nlp, "They fled, more than half of the city's population.",
                  "more than half of the city's population")
    assert (figure.value, figure.qualifier) == (0.5, "at_least")


@pytest.mark.parametrize(
    ("text", "mention", "low", "high", "unit"),
    [
        ("Israel believes dozens of hostages are held in Rafah.", "dozens of hostages",
         24, 99, "hostages"),
        ("Hundreds of people gathered in the square.", "Hundreds of people", 200, 999, "people"),
        ("The group has thousands of fighters.", "thousands of fighters", 2000, 9999,
         "fighters"),
        ("Aid is needed for hundreds of thousands of displaced Palestinians.",
         "hundreds of thousands of displaced Palestinians", 200_000, 999_999, "Palestinians"),
        ("Tens of thousands of people marched.", "Tens of thousands of people", 20_000, 99_999,
         "people"),
        ("A few residents stayed behind.", "A few residents", 2, 5, "residents"),
        ("Several journalists were detained.", "Several journalists", 3, 9, "journalists"),
        ("Several hundred families left.", "Several hundred families", 300, 999, "families"),
    ],
)
def test_vague_amounts(
    nlp: Language, text: str, mention: str, low: float, high: float, unit: str
) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.value_low, figure.value_high) == (low, low, high)
    assert (figure.qualifier, figure.unit) == ("at_least", unit)


@pytest.mark.parametrize(
    ("text", "mention", "low", "high"),
    [
        ("Between 750,000 and 800,000 people fled.", "Between 750,000 and 800,000 people",
         750_000, 800_000),
        ("Police said 15 to 22 soldiers were involved.", "15 to 22 soldiers", 15, 22),
        ("Medics treated 15-22 people at the scene.", "15-22 people", 15, 22),
        ("The project will cost $3-4 billion.", "$3-4 billion", 3e9, 4e9),
        ("The siege lasted two to three weeks.", "two to three weeks", 2, 3),
    ],
)
def test_ranges(nlp: Language, text: str, mention: str, low: float, high: float) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.value_low, figure.value_high) == (low, low, high)
    assert figure.qualifier == "range"


def test_exact_numbers_have_equal_bounds(nlp: Language) -> None:
    figure = only(nlp, "They are holding 128 hostages.", "128 hostages")
    assert (figure.value_low, figure.value_high) == (128, 128)


@pytest.mark.parametrize(
    ("text", "mention", "unit"),
    [
        ("The barrage resulted in little damage and no fatalities.", "no fatalities",
         "fatalities"),
        ("The blast caused no casualties.", "no casualties", "casualties"),
    ],
)
def test_none_is_zero(nlp: Language, text: str, mention: str, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.qualifier, figure.unit, figure.category) == (
        0, "exact", unit, "killed")


@pytest.mark.parametrize(
    "text",
    [
        "It was launched in response to the October 7 attack.",
        "On March 27, 2024, at 10:30 a.m., the minister spoke.",
        "The 22nd Amendment was ratified in 1951.",
        "He finished first and she came second.",
        "The Big 12 and the Airbus A380 and the Boeing 737 were discussed.",
        "The F-35 and the G7 summit were delayed by COVID-19.",
        "The figures are on page 12 of the report.",
        "For details call 555-123-4567 today.",
        "He was born in 1990.",
        "Arsenal won 3-1 on Sunday.",
        "He left two years ago.",
    ],
)
def test_not_figures(nlp: Language, text: str) -> None:
    assert [f.mention_text for f in figures(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The US abstained, and the resolution passed 14-0.", "14-0"),
        ("The council voted 9-3 to approve the plan.", "9-3"),
    ],
)
def test_vote_tallies(nlp: Language, text: str, mention: str) -> None:
    figure = only(nlp, text, mention)
    first = float(mention.split("-")[0])
    assert (figure.value, figure.unit, figure.category, figure.qualifier) == (
        first, "votes", "vote", "exact")


@pytest.mark.parametrize(
    ("text", "mention", "unit", "category"),
    [
        ("Israel's offensive has killed over 32,000 Palestinians.", "over 32,000 Palestinians",
         "Palestinians", "killed"),
        ("The strike wounded 45 civilians.", "45 civilians", "civilians", "injured"),
        ("Some 3,000 people were injured in the quake.", "Some 3,000 people", "people",
         "injured"),
        ("They are still holding around 100 hostages.", "around 100 hostages", "hostages",
         "hostages"),
        ("Militants took around 250 people hostage.", "around 250 people", "people",
         "hostages"),
        ("The agency said 810,000 people had fled Rafah.", "810,000 people", "people",
         "displaced"),
        ("Aid reached 20,000 displaced Palestinians.", "20,000 displaced Palestinians",
         "Palestinians", "displaced"),
        ("Police arrested 45 protesters.", "45 protesters", "protesters", "arrested"),
        ("The flood affected about 2 million people.", "about 2 million people", "people",
         "other"),
        ("Iran launched 120 ballistic missiles.", "120 ballistic missiles", "missiles",
         "weapons"),
        ("The army moved 3,000 troops north.", "3,000 troops", "troops", "military_units"),
        ("The meeting between two defense officials ended.", "two defense officials",
         "defense officials", "other"),
        ("Hezbollah's 5 km advance stalled.", "5 km", "kilometer", "other"),
        ("A 6.1-magnitude aftershock followed.", "6.1-magnitude", "magnitude", "other"),
        ("The temperature hit 45 degrees.", "45 degrees", "degree", "other"),
        ("The floods left 33 million homeless.", "33 million homeless", "people", "displaced"),
        ("The blast left 12 dead and 40 wounded.", "12 dead", "people", "killed"),
        ("The navy sent two destroyers to the strait.", "two destroyers", "destroyers", "weapons"),
        ("The region has 12 coal mines.", "12 coal mines", "coal mines", "other"),
    ],
)
def test_unit_and_category(
    nlp: Language, text: str, mention: str, unit: str, category: str
) -> None:
    figure = only(nlp, text, mention)
    assert (figure.unit, figure.category) == (unit, category)


OFFSET_TEXT = (
    "Hamas-led militants took around 250 people hostage.\n\n"
    "                                        \n\n"
    "Israel says the group has four battalions composed of thousands of fighters, "
    "and $4.5 billion in aid, up 3 pct, with no fatalities."
)


def test_offsets_round_trip_sorted_and_disjoint(nlp: Language) -> None:
    doc = nlp(OFFSET_TEXT)
    found = extract_figures(doc, "a1")
    assert [f.mention_text for f in found] == [
        "around 250 people", "four battalions", "thousands of fighters", "$4.5 billion",
        "3 pct", "no fatalities",
    ]
    for figure in found:
        assert doc.text[figure.start_char:figure.end_char] == figure.mention_text
        assert figure.figure_id == stable_id("a1", figure.start_char, figure.end_char)
        assert figure.article_id == "a1"
        assert figure.qualifier in QUALIFIERS and figure.category in CATEGORIES
    for before, after in zip(found, found[1:]):
        assert before.end_char <= after.start_char


def test_masked_runs_are_ignored(nlp: Language) -> None:
    masked = "Officials counted some 40" + " " * 40 + "people, and 3 pct more."
    found = figures(nlp, masked)
    assert [(f.mention_text, f.unit) for f in found] == [("some 40", None), ("3 pct", "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to meet again soon.",
        "Tensions grew between the two nations.",
        "The two men spoke on Monday.",
        "These three countries signed the accord.",
    ],
)
def test_definite_small_word_numbers_refer_back(nlp: Language, text: str) -> None:
    assert [f.mention_text for f in figures(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Israel is fighting two Iranian proxy groups.", "two Iranian proxy groups"),
        ("Hamas still holds the 128 hostages.", "128 hostages"),
        ("Delegates met for the two-day summit.", "two-day"),
    ],
)
def test_indefinite_digit_and_hyphenated_counts_stay(nlp: Language, text: str, mention: str) -> None:
    assert mention in [f.mention_text for f in figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Apple confirmed that Papermaster, 49, had left the company.", "49", 49),
        ("Jobs, aged 55, has taken medical leave.", "55", 55),
        ("Jobs died at the age of 56, the company said.", "56", 56),
        ("A 55-year-old man was killed.", "55-year-old", 55),
        ("The boy, who is 12 years old, survived.", "12 years old", 12),
    ],
)
def test_ages(nlp: Language, text: str, mention: str, value: float) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, "year", "age")


@pytest.mark.parametrize(
    ("text", "mention", "unit"),
    [
        ("Films will retail for around $9.99 US dollars each.", "around $9.99 US dollars", "USD"),
        ("It costs $5 Canadian dollars.", "$5 Canadian dollars", "CAD"),
    ],
)
def test_symbol_with_named_dollars(nlp: Language, text: str, mention: str, unit: str) -> None:
    assert only(nlp, text, mention).unit == unit


def test_currency_signs_and_subunits_come_from_cldr() -> None:
    table = symbols()
    assert (table["aud$"], table["nzd$"], table["gbp£"], table["c$"]) == ("AUD", "NZD", "GBP", "CAD")
    assert "a$" in table and "usd$" in table
    assert (hundredth_of("USD"), hundredth_of("GBP"), hundredth_of("JPY"), hundredth_of("XYZ")) == (0.01, 0.01, None,
                                                                                                 None)
    assert (initialled_currency("N.Z.", "dlrs"), initialled_currency("H.K.", "dollars")) == ("NZD", "HKD")
    assert initialled_currency("NZ", "dlrs") is None and initialled_currency("N.Z.", "shares") is None


def test_a_currency_word_several_countries_share_is_that_of_the_country_named() -> None:
    crowns = shared_currencies("crowns")
    assert {"SEK", "NOK", "DKK", "CZK"} <= crowns and shared_currencies("dollars") == frozenset()
    assert currency_in(crowns, "Stockholm-based Ericsson paid 3 billion crowns.") == "SEK"
    # the sentence's country before the article's
    assert currency_in(crowns, "Denmark offered meal at 315 crowns.", "Norway and Norway again.") == "DKK"
    assert currency_in(crowns, "No country here.", "Norway, then Norwegian boats.") == "NOK"
    assert currency_in(shared_currencies("won"), "North Korea and South Korea met.") is None


def test_an_unresolved_shared_currency_word_is_money_of_unknown_currency(nlp: Language) -> None:
    figure = only(nlp, "The group earned 7.2 billion crowns.", "7.2 billion crowns")
    assert (figure.unit, figure.unit_text, figure.category) == (None, "crowns", "money")


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("He dropped two 500-pound bombs.", [("two", "bombs"), ("500-pound", "pound")]),
        ("Exporters shipped about 58 mln 60-kilo bags.", [("about 58 mln", "bags"), ("60-kilo", "kilogram")]),
        ("The firm owns 40 747 jets.", [("40 747 jets", "jets")]),
    ],
)
def test_a_number_with_its_own_unit_before_the_noun_is_a_figure_of_its_own(
    nlp: Language, text: str, mentions: list[tuple[str, str]]
) -> None:
    assert [(f.mention_text, f.unit) for f in figures(nlp, text)] == mentions


def test_hyphenated_counted_noun_is_read_whole(nlp: Language) -> None:
    figure = only(nlp, "Apple has released several re-designs of the iPod.", "several re-designs")
    assert figure.unit == "re-designs"


def mention(figure: Figure, text: str, actor_id: str, article_id: str = "a1") -> ActorMention:
    start = figure.start_char + figure.mention_text.index(text)
    return ActorMention(article_id, actor_id, text, "NORP", text, start, start + len(text), "NORP")


def test_figure_actors_links_the_counted_noun(nlp: Language) -> None:
    text = "The war has killed over 32,000 Palestinians and displaced 810,000 people in Gaza."
    found = figures(nlp, text)
    palestinians, people = found
    doc_start = text.index("Gaza")
    gaza = ActorMention("a1", "gaza", "Gaza", "GPE", "Gaza", doc_start, doc_start + 4, "GPE")
    links = figure_actors(found, [mention(palestinians, "Palestinians", "pal"), gaza])
    assert links == {palestinians.figure_id: "pal"}


def test_figure_actors_needs_an_overlap_in_the_same_article(nlp: Language) -> None:
    figure = only(nlp, "Israel fights two Iranian proxy groups.", "two Iranian proxy groups")
    iranian = mention(figure, "Iranian", "iran")
    groups = mention(figure, "groups", "groups")
    elsewhere = mention(figure, "groups", "groups", article_id="a2")
    assert figure_actors([figure], [iranian]) == {}
    assert figure_actors([figure], [elsewhere]) == {}
    assert figure_actors([figure], [iranian, groups]) == {figure.figure_id: "groups"}


def test_figure_actors_skips_money_and_percent(nlp: Language) -> None:
    found = figures(nlp, "Exports rose 3 percent to 40 million dollars.")
    assert [f.category for f in found] == ["percent", "money"]
    mentions = [mention(f, f.mention_text.split()[-1], "x") for f in found]
    assert figure_actors(found, mentions) == {}


@pytest.mark.parametrize(
    ("text", "mention", "value", "qualifier"),
    [
        ("Some 1,000 or more people gathered.", "Some 1,000 or more people", 1000, "approximate"),
        ("Officials said 1,000 or more people gathered.", "1,000 or more people", 1000,
         "at_least"),
        ("About 20 people or so stayed.", "About 20 people or so", 20, "approximate"),
        ("Police counted 20 people or so.", "20 people or so", 20, "approximate"),
        ("There were 40-plus people in the room.", "40-plus people", 40, "at_least"),
        ("Rioters burned 50-odd cars.", "50-odd cars", 50, "approximate"),
        ("The convoy had 30+ trucks.", "30+ trucks", 30, "at_least"),
        ("It hit 100 targets or fewer.", "100 targets or fewer", 100, "at_most"),
    ],
)
def test_qualifiers_after_the_number(
    nlp: Language, text: str, mention: str, value: float, qualifier: str
) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("Six in 10 Americans support the plan.", "Six in 10 Americans", 0.6, "Americans"),
        ("One in five children is malnourished.", "One in five children", 0.2, "children"),
    ],
)
def test_ratios_are_shares(nlp: Language, text: str, mention: str, value: float, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category, figure.qualifier) == (
        value, unit, "share", "approximate")


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("About 40pc of voters are undecided.", "About 40pc", 40, "percent"),
        ("The Fed raised rates by 25 basis points.", "25 basis points", 25, "basis point"),
    ],
)
def test_more_percent_forms(nlp: Language, text: str, mention: str, value: float, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "percent")


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("The bill passed by a vote of 230 to 196.", "230 to 196", 230),
        ("The final vote was 52 to 48.", "52 to 48", 52),
    ],
)
def test_vote_tallies_written_with_to(nlp: Language, text: str, mention: str, value: float) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, "votes", "vote")


def test_people_who_take_to_the_streets_are_not_hostages(nlp: Language) -> None:
    figure = only(nlp, "Thousands of people took to the streets.", "Thousands of people")
    assert figure.category == "other"


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("Half a million people fled.", "Half a million people", 500_000, "people"),
        ("A quarter of a million people lack water.", "A quarter of a million people", 250_000,
         "people"),
        ("Half a dozen soldiers were hurt.", "Half a dozen soldiers", 6, "soldiers"),
        ("The state set aside Rs 500 crore for relief.", "Rs 500 crore", 5e9, "INR"),
        ("The scheme built 3 lakh homes.", "3 lakh homes", 300_000, "homes"),
        ("A 10,000-strong force was deployed.", "10,000-strong force", 10_000, "force"),
    ],
)
def test_fractions_of_scales_south_asian_scales_and_strength(
    nlp: Language, text: str, mention: str, value: float, unit: str
) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "mention", "qualifier"),
    [
        ("Inflation stayed above 5 percent.", "above 5 percent", "at_least"),
        ("Unemployment fell below 4 percent.", "below 4 percent", "at_most"),
        ("A maximum of 200 people may attend.", "A maximum of 200 people", "at_most"),
        ("Police sent a minimum of 50 guards.", "a minimum of 50 guards", "at_least"),
        ("Upward of 3,000 people attended.", "Upward of 3,000 people", "at_least"),
        ("Not more than 10 people were allowed.", "Not more than 10 people", "at_most"),
    ],
)
def test_more_qualifier_phrases(nlp: Language, text: str, mention: str, qualifier: str) -> None:
    assert only(nlp, text, mention).qualifier == qualifier


def test_a_subset_shares_the_event_of_its_count(nlp: Language) -> None:
    text = "More than 1,000 were killed, including at least 300 children."
    assert only(nlp, text, "at least 300 children").category == "killed"


def test_the_base_of_a_rate_is_not_a_count(nlp: Language) -> None:
    found = figures(nlp, "There are over 30 cases per 100,000 people.")
    assert [f.mention_text for f in found] == ["over 30 cases"]


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [
        ("The headphones reach 120 dB at full volume.", "120 dB", 120, "decibel"),
        ("The laptop has an 11.6-inch screen.", "11.6-inch", 11.6, "inch"),
        ("It is only 9.3 millimetres thick.", "9.3 millimetres", 9.3, "millimeter"),
        ("The camera has 5 megapixels.", "5 megapixels", 5, "megapixel"),
        ("Users get 5 gigabytes of storage.", "5 gigabytes", 5, "gigabyte"),
    ],
)
def test_measures(nlp: Language, text: str, mention: str, value: float, unit: str) -> None:
    figure = only(nlp, text, mention)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "other")


def test_a_change_and_where_it_ended_is_not_a_range(nlp: Language) -> None:
    found = figures(nlp, "The price will be cut by $200 to $399.")
    assert [(f.mention_text, f.qualifier) for f in found] == [("$200", "exact"), ("$399", "exact")]
    assert only(nlp, "Prices fell by 2 to 3 percent.", "2 to 3 percent").qualifier == "range"


@pytest.mark.parametrize(
    ("rule", "example"), RULE_EXAMPLES, ids=[f"{rule}: {example.text}" for rule, example in RULE_EXAMPLES]
)
def test_rule_examples(nlp: Language, rule: str, example: Example | NoFigure) -> None:
    if isinstance(example, NoFigure):
        assert [f.mention_text for f in figures(nlp, example.text)] == []
        return
    figure = only(nlp, example.text, example.mention)
    assert (figure.value, figure.qualifier, figure.unit, figure.category) == (
        example.value, example.qualifier, example.unit, example.category)
    if example.change is not None or rule.startswith("changes."):
        assert figure.change == example.change
    if example.bounds is not None:
        assert (figure.value_low, figure.value_high) == example.bounds


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("The Nikkei gained 1.2 per cent to 18,402.55.", [("1.2 per cent", "up"), ("18,402.55", None)]),
        ("The Dow fell 120 points to 38,000.", [("120 points", "down"), ("38,000", None)]),
        ("The Nasdaq -0.4% at 15,210.", [("-0.4%", "down"), ("15,210", None)]),
        ("Net profit rose 12 pct to 5.93 mln dlrs from 4.2 mln dlrs.",
         [("12 pct", "up"), ("5.93 mln dlrs", None), ("4.2 mln dlrs", None)]),
        ("Inflation fell to 3%, down from 5% a year earlier.", [("3%", None), ("5%", None)]),
        ("Up to 500 people fled the town.", [("Up to 500 people", None)]),
    ],
)
def test_a_change_and_its_level_are_two_figures(
    nlp: Language, text: str, changes: list[tuple[str, str | None]]
) -> None:
    assert [(f.mention_text, f.change) for f in figures(nlp, text)] == changes


def test_a_signed_change_is_a_magnitude(nlp: Language) -> None:
    figure = only(nlp, "The Nasdaq -0.4% at 15,210.", "-0.4%")
    assert (figure.value, figure.unit, figure.change) == (0.4, "percent", "down")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The Dow fell 120 points to 38,000.", ["points", "points"]),
        ("The FTSE 100 closed at 7,500.", ["points"]),
        ("Shares rose 5% to 120.", ["percent", None]),
        ("The stock rose two points to 48-3/4.", ["points", "points"]),
    ],
)
def test_index_levels_count_points(nlp: Language, text: str, units: list[str | None]) -> None:
    assert [f.unit for f in figures(nlp, text)] == units


def test_an_age_links_to_the_person_named(nlp: Language) -> None:
    text = "Maria Lopez, 37, was arrested. The 45-year-old Tom Hill was freed. Ann Lee, aged 61, spoke."
    found = figures(nlp, text)
    assert [(f.mention_text, f.category) for f in found] == [("37", "age"), ("45-year-old", "age"), ("61", "age")]

    def person(name: str, actor_id: str) -> ActorMention:
        start = text.index(name)
        return ActorMention("a1", actor_id, name, "PERSON", name, start, start + len(name), "PERSON")

    people = [person("Maria Lopez", "lopez"), person("Tom Hill", "hill"), person("Ann Lee", "lee")]
    assert figure_actors(found, people) == {
        found[0].figure_id: "lopez", found[1].figure_id: "hill", found[2].figure_id: "lee"}


def test_an_age_of_a_thing_or_a_person_noun_links_to_no_actor(nlp: Language) -> None:
    text = "Obama's 12-year-old daughter read the 45-year-old law."
    found = figures(nlp, text)
    assert [(f.mention_text, f.category) for f in found] == [("12-year-old", "age"), ("45-year-old", "age")]
    obama = ActorMention("a1", "obama", "Obama", "PERSON", "Obama", 0, 5, "PERSON")
    assert figure_actors(found, [obama]) == {}


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a number in words that stands for what it counts
        ("The boat sailed with a crew of six.", ["six"]),
        ("Twelve were rescued from the mine.", ["Twelve"]),
        # after the noun it belongs to, a number labels it
        ("The bond pays 2 pct in years one and two.", ["2 pct"]),
        # coordinated with a hyphenated number, it leaves its unit to it
        ("Two, three and six-month rates were unchanged.", ["six-month"]),
        # "the two" refers back, "one" is a pronoun, "no one" is nobody
        ("The two met in Geneva and one said no one was hurt.", []),
    ],
)
def test_numbers_in_words_standing_alone(nlp: Language, text: str, mentions: list[str]) -> None:
    assert [f.mention_text for f in figures(nlp, text)] == mentions


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tickets cost 35 and 45 dollars.", [("35", 35, "USD"), ("45 dollars", 45, "USD")]),
        ("Shares rose 3, 4 and 5 pct.", [("3", 3, "percent"), ("4", 4, "percent"), ("5 pct", 5, "percent")]),
        ("Dealers forecast 25 and 30 billion marks.",
         [("25", 2.5e10, "DEM"), ("30 billion marks", 3e10, "DEM")]),
        # a day and a year stay dates; ", or" restates in another unit; a counted noun is the count's
        ("It bought 98 mln stg on March 30 and 49 mln stg on April 8.",
         [("98 mln stg", 9.8e7, "GBP"), ("49 mln stg", 4.9e7, "GBP")]),
        ("Notes due 1994 and 75 mln dlrs of bonds were sold.", [("75 mln dlrs", 7.5e7, "USD")]),
        ("Jobless rose to 699,800, or 9.1 pct of the workforce.",
         [("699,800", 699_800, None), ("9.1 pct", 9.1, "percent")]),
        ("Police counted 35 and 45 protesters.", [("35", 35, None), ("45 protesters", 45, "protesters")]),
        ("The deficit fell from 3.450 to 1.350 billion dlrs.",
         [("3.450", 3.45e9, "USD"), ("1.350 billion dlrs", 1.35e9, "USD")]),
        ("He moved from 1986 to 20 pct.", [("20 pct", 20, "percent")]),
    ],
)
def test_numbers_coordinated_share_the_unit_of_the_last(
    nlp: Language, text: str, found: list[tuple[str, float, str | None]]
) -> None:
    assert [(f.mention_text, f.value, f.unit) for f in figures(nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The stock rose 3/4 to 25-1/2.", [("3/4", 0.75, None, "up"), ("25-1/2", 25.5, None, None)]),
        ("The bonds carry a 1-1/8 pct premium.", [("1-1/8 pct", 1.125, "percent", None)]),
        ("Shares were off 1-1/4 at 12-7/8.", [("1-1/4", 1.25, None, "down"), ("12-7/8", 12.875, None, None)]),
        ("Bonds traded between 100-26/32 and 101-3/32.", [("between 100-26/32 and 101-3/32", 100.8125, None, None)]),
        # a fraction alone is not a figure without a unit or a change: a date or a score
        ("The vote on 3/4 was delayed.", []),
    ],
)
def test_fractions_as_wire_copy_writes_them(
    nlp: Language, text: str, found: list[tuple[str, float, str | None, str | None]]
) -> None:
    assert [(f.mention_text, f.value, f.unit, f.change) for f in figures(nlp, text)] == found


def test_a_figure_across_a_line_wrap_keeps_the_offsets_of_the_text() -> None:
    text = ("The company said that its net profit for the year rose to 5.93\nmln dlrs from 4.2 mln dlrs, and "
            "that\nsales were up 12\npct.")
    found = extract_figures(load_model()(text), "a1")
    assert [(f.mention_text, f.value, f.unit) for f in found] == [
        ("5.93\nmln dlrs", 5.93e6, "USD"), ("4.2 mln dlrs", 4.2e6, "USD"), ("12", 12, None)]
    first = found[0]
    assert text[first.start_char:first.end_char] == first.mention_text
    assert first.figure_id == stable_id("a1", first.start_char, first.end_char)
