from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newswire.extract.actors import extract_actors
from newswire.extract.dates import extract_dates
from newswire.extract.events import EVENT_TYPES, extract_events, figure_events, with_casualties
from newswire.extract.figures import extract_figures


def events_of(nlp, gazetteer, text, published=date(2024, 3, 27)):
    doc = nlp(text)
    actors = extract_actors(doc, "a1", gazetteer)
    dates = extract_dates(doc, "a1", published)
    events = extract_events(doc, "a1", published, actors, dates)
    names = {m.actor_id: m.actor_name for m in actors}
    return [(e, {names[a.actor_id]: a.role for a in e.actors}) for e in events]


def test_meeting_is_typed_dated_and_has_its_actors(nlp, gazetteer):
    text = "Defense Minister Yoav Gallant flew to Washington. Gallant met Monday with Secretary of State Antony Blinken."
    (event, roles) = next((e, r) for e, r in events_of(nlp, gazetteer, text) if e.trigger_text == "met")
    assert (event.event_type, event.event_mode, event.trigger_text) == ("CONSULT", "meet", "met")
    assert (event.event_date, event.date_precision, event.date_source) == (date(2024, 3, 25), "day", "text")
    # "Gallant" alone is found because the article named him in full before.
    assert roles == {"Yoav Gallant": "source", "Antony Blinken": "participant"}


def test_attack_has_source_and_target(nlp, gazetteer):
    found = events_of(nlp, gazetteer, "It was a response to the Hamas attack on Israel on October 7.")
    (event, roles) = next((e, r) for e, r in found if e.trigger_text == "attack")
    assert event.event_type == "ASSAULT"
    assert event.event_date == date(2023, 10, 7)
    assert roles["Hamas"] == "source"
    assert roles["Israel"] == "target"


def test_reported_speech_and_negation_are_not_events(nlp, gazetteer):
    assert events_of(nlp, gazetteer, "The official said the minister was receptive.") == []
    assert events_of(nlp, gazetteer, "Kirby said Netanyahu did not meet Blinken.") == []


def test_undated_event_takes_publication_date(nlp, gazetteer):
    ((event, _),) = events_of(nlp, gazetteer, "Netanyahu cancelled the delegation's trip.", date(2024, 3, 26))
    assert (event.event_type, event.event_date, event.date_source) == ("REJECT", date(2024, 3, 26), "publication")
    assert event.event_type in EVENT_TYPES


def test_figures_belong_to_the_event_that_governs_them(nlp, gazetteer):
    text = (
        "It was a response to the Hamas attack on Israel, which killed some 1,200 people. "
        "The offensive has killed over 32,000 Palestinians and driven a third of Gaza's population from their homes."
    )
    doc = nlp(text)
    published = date(2024, 3, 27)
    actors = extract_actors(doc, "a1", gazetteer)
    events = extract_events(doc, "a1", published, actors, extract_dates(doc, "a1", published))
    figures = extract_figures(doc, "a1")
    links = figure_events(doc, figures, events)
    article_event = {e.event_id: e.article_event_id for e in events}
    attack = next(e.article_event_id for e in events if e.trigger_text == "attack")
    # The "killed" of the second sentence: the first is the attack's own outcome, in its article event.
    killing = next(e.event_id for e in events if e.trigger_text == "killed" and e.start_char > text.index("The offensive"))
    linked = {f.mention_text: links.get(f.figure_id) for f in figures}
    assert article_event[linked["some 1,200 people"]] == attack
    assert linked["over 32,000 Palestinians"] == killing
    assert linked["a third of Gaza's population"] is None


def test_a_trigger_typed_outside_plover_is_a_lexicon_error(monkeypatch):
    from newswire.extract.events import triggers as events
    from newswire.extract.lexicons import LexiconError

    monkeypatch.setattr(events, "lexicon", lambda name: {"verbs": {"parley": {"type": "PARLEY", "mode": "meet"}}})
    with pytest.raises(LexiconError, match="'parley' has type 'PARLEY'"):
        events._read_triggers("verbs")


def conflict_events(nlp, gazetteer, text, published=date(2024, 3, 27)):
    """The events of `text` with their casualties, as the pipeline gives them."""
    doc = nlp(text)
    actors = extract_actors(doc, "a1", gazetteer)
    events = extract_events(doc, "a1", published, actors, extract_dates(doc, "a1", published))
    figures = extract_figures(doc, "a1")
    links = figure_events(doc, figures, events)
    events = with_casualties(doc, events, [replace(f, event_id=links.get(f.figure_id)) for f in figures])
    names = {m.actor_id: m.actor_name for m in actors}
    return [(e, {names[a.actor_id]: a.role for a in e.actors if a.role != "mentioned"}) for e in events]


def only(found, trigger):
    return next((e, r) for e, r in found if e.trigger_text == trigger)


# Each rule of violence, coercion and protest: a sentence -> (trigger, type, mode, instrument,
# roles it must include, fatalities, injured).
CONFLICT_RULES = [
    # The side named on an armed agent is the source (the country its nationality names), the
    # agent the instrument; an outcome participle counts its dead for the event.
    ("On 3 March 2024, Israeli forces shelled an area east of Rafah, killing two people.",
     "shelled", "ASSAULT", "shelling", "force", {"Israel": "source", "Rafah": "place"}, 2, None),
    # An aircraft gives an attack of no mode its mode; a singular victim counts one; the
    # places inside the locative phrase are places of it.
    ("On 5 March 2024, Israeli jets struck a building in Gaza City, killing a teenager.",
     "struck", "ASSAULT", "aerial", "jet", {"Israel": "source", "Gaza City": "place"}, 1, None),
    # Both sides of a clash take part: the subject is the source, "with" a participant.
    ("On 7 March 2024, Hamas militants clashed with Israeli forces in Khan Younis.",
     "clashed", "ASSAULT", "clash", "militant", {"Hamas": "source", "Israel": "participant"}, None, None),
    # A passive with no agent is kept; the attack it names is the same event.
    ("On 8 March 2024, 14 fighters were killed in an air strike on a school in Rafah.",
     "strike", "ASSAULT", "aerial", "air", {"Rafah": "place"}, 14, None),
    # The second verb of a phrase trigger ("opened fire") is its outcome.
    ("On 9 March 2024, gunmen opened fire and wounded three farmers in Hebron.",
     "opened", "ASSAULT", "firearms", "gunman", {}, None, 3),
    # Coercion with a place it is done in.
    ("On 10 March 2024, police arrested five men in Nablus.",
     "arrested", "COERCE", "arrest", "police", {"Nablus": "place"}, None, None),
    ("On 12 March 2024, the Israeli army ordered the evacuation of Beit Lahia.",
     "ordered", "COERCE", "evacuation", "army", {"Israel": "source"}, None, None),
    # Protest with no organiser named.
    ("On 11 March 2024, thousands marched in Ramallah.", "marched", "PROTEST", "march", None, {"Ramallah": "place"}, None, None),
    # A phrase that says the victim died, a passive singular victim.
    ("On 13 March 2024, a journalist was shot dead in Mogadishu.",
     "shot", "ASSAULT", "firearms", None, {"Mogadishu": "place"}, 1, None),
    # A bomb going off is the cause of the death it is told with, and the weapon its means.
    ("On 12 March 2024, a police officer was killed when a bomb exploded in Kabul.",
     "exploded", "ASSAULT", "explosives", "bomb", {"Kabul": "place"}, 1, None),
    # A toll in a sentence of its own counts for the attack before it, not on top of it.
    ("On 14 March 2024, a drone strike killed a man in Deir al-Balah. Total deaths: 7.",
     "strike", "ASSAULT", "aerial", "drone", {}, 7, None),
    # "left five dead": the figure hangs from the verb of the attack.
    ("On 15 March 2024, a car bomb blew up near a market in Baghdad and left five dead.",
     "blew", "ASSAULT", "explosives", "bomb", {"Baghdad": "place"}, 5, None),
    # Killed and injured told by two outcomes of one attack.
    ("On 16 March 2024, gunmen fired at a bus in Quetta, killing a driver and wounding two women.",
     "fired", "ASSAULT", "firearms", "gunman", {"Quetta": "place"}, 1, 2),
    # A name a place noun is "of" is a place, whatever the model typed it ("Sderot" is an ORG).
    ("On 4 March 2024, Hamas militants fired rockets at the town of Sderot.",
     "fired", "ASSAULT", "shelling", "militant", {"Hamas": "source", "Sderot": "place"}, None, None),
    # A light verb's subject and places are those of the event noun it says happened, and its
    # outcome counts for that noun; the city of a neighbourhood is a place of it too.
    ("On 4 February 2024, Israeli jets launched air strikes on the Tuffah neighbourhood of Gaza City, killing four.",
     "strikes", "ASSAULT", "aerial", "air", {"Israel": "source", "Tuffah": "place", "Gaza City": "place"}, 4, None),
    # So are those of a verb that says the event happened; "armed" makes a clash armed. The first
    # side named of a clash is its source, the other a participant.
    ("On 14 February 2024, armed clashes broke out between Hamas fighters and Israeli troops in Jenin.",
     "clashes", "ASSAULT", "clash", None, {"Hamas": "source", "Israel": "participant", "Jenin": "place"}, None, None),
    # A military word makes any vehicle an armed agent, and its side the source.
    ("On 19 March 2024, Israeli naval boats fired at fishermen off the coast of Gaza City, wounding one.",
     "fired", "ASSAULT", "firearms", "boat", {"Israel": "source", "Gaza City": "place"}, None, 1),
    # A fire a side names is gunfire, not a blaze, and the side is its source.
    ("On 2 February 2024, a man was killed by Israeli fire near the Kuwait roundabout.",
     "killed", "ASSAULT", "kill", "fire", {"Israel": "source"}, 1, None),
    # A nationality with "a" is one victim.
    ("On 12 March 2024, a Palestinian was shot dead by Israeli soldiers during a raid in Tulkarem.",
     "shot", "ASSAULT", "firearms", "soldier", {"Israel": "source", "Tulkarem": "place"}, 1, None),
    # A figure inside another's phrase counts the group, not more dead.
    ("On 3 March 2024, an Israeli air strike hit a house in the Shejaiya neighbourhood of Gaza City, killing five members of one family.",
     "hit", "ASSAULT", None, None, {"Shejaiya": "place", "Gaza City": "place"}, 5, None),
    # A hyphenated event noun; an organisation one protests outside is the place.
    ("On 19 March 2024, students staged a sit-in outside the Islamic University in Gaza City.",
     "in", "PROTEST", "demonstrate", None, {"Islamic University": "place"}, None, None),
    # An event noun of two words; the side that issues it is its source.
    ("On 4 January 2024, the Israeli military issued evacuation orders for several blocks in the al-Bureij area.",
     "orders", "COERCE", "evacuation", None, {"Israel": "source", "al-Bureij": "place"}, None, None),
    ("On 5 January 2024, Israeli forces told residents of the Tuffah neighbourhood to evacuate their homes.",
     "told", "COERCE", "evacuation", "force", {"Israel": "source", "Tuffah": "place"}, None, None),
    # Executing people is killing them.
    ("On 15 January 2024, Hamas gunmen executed three men in Gaza City.",
     "executed", "ASSAULT", "kill", "gunman", {"Hamas": "source", "Gaza City": "place"}, 3, None),
    # The attack the joined outcomes happened in is the cause of all of them; so is a "by" agent.
    ("On 13 January 2024, five people were killed and 20 injured in an Israeli strike on the Nasr neighbourhood.",
     "strike", "ASSAULT", None, None, {"Israel": "source", "Nasr": "place"}, 5, 20),
    ("On 2 May 2024, two Palestinians were killed by Israeli gunfire in the town of Qalqilya.",
     "gunfire", "ASSAULT", "firearms", "gunfire", {"Israel": "source", "Qalqilya": "place"}, 2, None),
    # A death told with the assault that caused it counts for the assault.
    ("On 6 June 2024, a man died of his wounds after Israeli forces shot him in the village of Kafr Malik.",
     "shot", "ASSAULT", "firearms", "force", {"Israel": "source", "Kafr Malik": "place"}, 1, None),
    # A place named in the phrase of who did it is the event's.
    ("On 12 June 2024, a Palestinian teenager was killed by Israeli forces in the town of Beitunia.",
     "killed", "ASSAULT", "kill", "force", {"Israel": "source", "Beitunia": "place"}, 1, None),
    # A projectile that lands is an attack, with the mode of the weapon.
    ("On 13 July 2024, several mortar shells landed in the Jabalia camp, killing two people.",
     "landed", "ASSAULT", "shelling", "shell", {"Jabalia camp": "place"}, 2, None),
    # Two violent verbs of one operation share their agent and their places.
    ("On 2 July 2024, Israeli forces arrested a former prisoner after storming his home in the town of Yatta.",
     "arrested", "COERCE", "arrest", "force", {"Israel": "source", "Yatta": "place"}, None, None),
    # The side of an authority that does it is the source; a light verb's passive subject.
    ("On 7 July 2024, Israeli authorities demolished three homes in the town of Yatta.",
     "demolished", "ASSAULT", "demolition", None, {"Israel": "source", "Yatta": "place"}, None, None),
    ("On 5 July 2024, a demonstration was held in Nablus.",
     "demonstration", "PROTEST", "demonstrate", None, {"Nablus": "place"}, None, None),
    # The place that heads a report, after its city and a dash, is the place of its events.
    ("Gaza City - Sheikh Radwan: On 8 May 2024, an Israeli air strike destroyed a house, killing four people.",
     "destroyed", "ASSAULT", None, None, {"Sheikh Radwan": "place", "Gaza City": "place"}, 4, None),
    # So is a heading written after the date the sentence opens with; its city is a place too.
    ("On 9 May 2024, Homs - Al-Waer: a shell hit a school, killing two children.",
     "hit", "ASSAULT", None, None, {"Al-Waer": "place", "Homs": "place"}, 2, None),
    # An area named by its head noun in lower case is the place without it.
    ("On 3 May 2024, militants attacked a police post in the Bir al-Abed area, killing two policemen.",
     "attacked", "ASSAULT", None, "militant", {"Bir al-Abed": "place"}, 2, None),
    # "the outskirts of" a name is a place, whatever the model typed the name.
    ("On 26 April 2024, Yemeni government forces clashed with Houthi fighters on the outskirts of Taiz.",
     "clashed", "ASSAULT", "clash", "force", {"Taiz": "place", "Houthis": "participant"}, None, None),
    # A weapon that does it is the means and gives the mode.
    ("On 26 April 2024, a ballistic missile struck a tanker in the Red Sea.",
     "struck", "ASSAULT", "aerial", "missile", {"Red Sea": "place"}, None, None),
    # An event noun a verb governs has the verb's places.
    ("On 2 May 2024, teachers went on strike in Aden.", "strike", "PROTEST", "strike", None, {"Aden": "place"}, None, None),
    # A place inside the phrase of what did it.
    ("On 5 April 2024, an explosion at a checkpoint in Jalalabad killed a police officer.",
     "killed", "ASSAULT", "kill", "explosion", {"Jalalabad": "place"}, 1, None),
    # A name shelled is a place even when the model takes it for a person.
    ("On 4 April 2024, Russian forces shelled Kherson.", "shelled", "ASSAULT", "shelling", "force", {"Kherson": "place"}, None, None),
    # Bombs dropped are an attack from the air, and the deaths told with it its dead.
    ("On 5 April 2024, four people died when government helicopters dropped barrel bombs on the village of Tal Rifaat.",
     "dropped", "ASSAULT", "aerial", "helicopter", {"Tal Rifaat": "place"}, 4, None),
    # A vehicle that hits a device made to go off is attacked.
    ("On 6 April 2024, two soldiers were killed when their vehicle struck a landmine near Tessit.",
     "struck", "ASSAULT", "explosives", "landmine", {"Tessit": "place"}, 2, None),
    # A gerund the parse makes a verb is still the cause of the deaths told with it.
    ("On 6 April 2024, three people were killed and 10 injured in shelling on a market in Sennar.",
     "shelling", "ASSAULT", "shelling", None, {"Sennar": "place"}, 3, 10),
    ("On 22 April 2024, RSF shelling of the Karari locality killed 6 people and injured 30.",
     "shelling", "ASSAULT", "shelling", None, {"Karari": "place"}, 6, 30),
    # A place noun in apposition makes the name a place.
    ("On 11 April 2024, Russian troops attacked Ocheretyne, a village north of Avdiivka.",
     "attacked", "ASSAULT", None, "troop", {"Ocheretyne": "place", "Avdiivka": "place"}, None, None),
    # Who clashes is named on the verb that says the clashes happened, each side of an "and".
    ("On 12 April 2024, clashes erupted between Arab tribesmen and SDF fighters in the town of Diban.",
     "clashes", "ASSAULT", "clash", None, {"SDF": "participant", "Diban": "place"}, None, None),
    ("On 9 April 2024, heavy fighting broke out between the army and the RSF in Wad Madani.",
     "fighting", "ASSAULT", "clash", None, {"Wad Madani": "place"}, None, None),
    # The places of what it was done for are its own.
    ("On 14 April 2024, police fired tear gas to disperse protesters in the Burri neighbourhood of Khartoum.",
     "fired", "ASSAULT", "firearms", "police", {"Burri": "place", "Khartoum": "place"}, None, None),
    # A round of a projectile falls as the projectile does, with its mode.
    ("On 23 April 2024, a mortar round fell on a house in Kadugli, killing a mother and her three children.",
     "fell", "ASSAULT", "shelling", "round", {"Kadugli": "place"}, 4, None),
    # Any person killed alone counts one.
    ("On 13 April 2024, unknown assailants shot and killed a tribal elder in the village of Al-Hamidiya.",
     "shot", "ASSAULT", "firearms", "assailant", {"Al-Hamidiya": "place"}, 1, None),
    # An outcome said of its victims ("three people killed") is the outcome of the violence it follows.
    ("On 1 June 2024, an air strike hit a house in Maaret Misrin, resulting in three people killed.",
     "killed", "ASSAULT", "kill", None, {"Maaret Misrin": "place"}, 3, None),
    # The side named on an authority that does it is the source.
    ("On 7 April 2024, Myanmar junta aircraft bombed the town of Hpakant.",
     "bombed", "ASSAULT", "aerial", "aircraft", {"Myanmar": "source", "Hpakant": "place"}, None, None),
    # Lives an attack claims or takes, and lives lost in it, are its dead.
    ("On 6 April 2024, an air strike on a market in Sennar claimed the lives of six people.",
     "strike", "ASSAULT", "aerial", "air", {"Sennar": "place"}, 6, None),
    ("On 7 April 2024, Russian shelling of Kherson took the lives of three civilians.",
     "shelling", "ASSAULT", "shelling", None, {"Russia": "source"}, 3, None),
    ("On 8 April 2024, at least 40 people lost their lives in an air strike on a market in Sennar.",
     "strike", "ASSAULT", "aerial", "air", {"Sennar": "place"}, 40, None),
]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "mode", "means", "roles", "fatalities", "injured"), CONFLICT_RULES,
    ids=[rule[1] + "-" + str(i) for i, rule in enumerate(CONFLICT_RULES)],
)
def test_conflict_rule_examples(nlp, gazetteer, text, trigger, event_type, mode, means, roles, fatalities, injured):
    event, found = only(conflict_events(nlp, gazetteer, text), trigger)
    assert (event.event_type, event.event_mode, event.instrument) == (event_type, mode, means)
    assert {name: found.get(name) for name in roles} == roles
    assert (event.fatalities, event.injured) == (fatalities, injured)
    assert event.date_source in {"text", "sentence"}


def test_a_country_named_in_the_article_is_the_source_its_adjective_names(nlp, gazetteer):
    text = "Israel denied the report. On 5 March 2024, Israeli warplanes bombarded Gaza City."
    _, roles = only(conflict_events(nlp, gazetteer, text), "bombarded")
    assert roles == {"Israel": "source", "Gaza City": "place"}


def test_a_country_attacked_stays_the_target(nlp, gazetteer):
    _, roles = only(conflict_events(nlp, gazetteer, "On 24 February 2022, Russian troops invaded Ukraine."), "invaded")
    assert roles["Ukraine"] == "target"


def test_an_outcome_is_in_the_article_event_of_its_cause(nlp, gazetteer):
    found = conflict_events(nlp, gazetteer, "On 3 March 2024, Israeli forces shelled an area east of Rafah, killing two people.")
    (shelled, _), (killing, _) = only(found, "shelled"), only(found, "killing")
    assert shelled.article_event_id == killing.article_event_id
    assert killing.fatalities == shelled.fatalities == 2


def test_a_second_verb_takes_the_agent_of_the_first(nlp, gazetteer):
    text = "On 6 March 2024, Israeli troops stormed a mosque in Jenin and detained 20 worshippers."
    _, roles = only(conflict_events(nlp, gazetteer, text), "detained")
    assert roles["Israel"] == "source"


def test_no_casualties_reported_is_zero_and_nothing_said_is_null(nlp, gazetteer):
    text = "On 3 March 2024, militants attacked a checkpoint in Jenin. No casualties were reported."
    event, _ = only(conflict_events(nlp, gazetteer, text), "attacked")
    assert (event.fatalities, event.injured) == (0, None)
    event, _ = only(conflict_events(nlp, gazetteer, "On 3 March 2024, militants attacked a checkpoint in Jenin."), "attacked")
    assert (event.fatalities, event.injured) == (None, None)


# Everyday senses of violent words that are no violence.
@pytest.mark.parametrize(
    "text",
    [
        "The board fired the chief executive on Monday.",
        "The two companies struck a deal to merge their units.",
        "The agreement struck last week lifted the stock.",
        "Shares plunged and prices shot up after the report.",
        "Stocks rallied on Friday as the dollar climbed.",
        "Ministers clashed over the budget.",
        "The company targeted growth in Asia and hit its sales goals.",
        "An earthquake struck the region on Tuesday.",
        "The court struck down the law.",
        "Shares of the company shot up 11 pct in heavy trading.",
        "Asked about the nominee, the senator shot back that he would not bet on it.",
        "The earthquake which hit the north caused no damage.",
        "Bond issues continued to rally on interest rate optimism.",
        "The company demonstrated a new computer chip.",
        "The military hit back at critics of the budget.",
        "Analysts told investors to leave the sector.",
        "Natural gas fell 2 cents and the plane landed in Paris.",
        "The first round of talks fell apart.",
        "The company dropped its bid and shares dropped on Monday.",
        "The funding round fell through.",
        "The central bank is fighting inflation.",
        "A strike hit the copper mine.",
        "Any company that doesn't like a surprise attack would resist the bid.",
        "SpaceX launched a rocket into orbit from Florida.",
        "The company launched a new drone and fought a takeover bid.",
    ],
)
def test_everyday_senses_are_not_assaults(nlp, gazetteer, text):
    assert [e.trigger_text for e, _ in conflict_events(nlp, gazetteer, text) if e.event_type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text", ["Shares rallied against the dollar on Friday.", "The yen rallied against the euro."]
)
def test_a_market_that_rallies_against_a_currency_is_no_protest(nlp, gazetteer, text):
    assert conflict_events(nlp, gazetteer, text) == []


def test_a_gathering_is_a_protest_only_of_protesters(nlp, gazetteer):
    (gathered, _), = conflict_events(nlp, gazetteer, "Hundreds of protesters gathered outside the ministry in Sweida.")
    assert (gathered.event_type, gathered.event_mode) == ("PROTEST", "demonstrate")
    assert conflict_events(nlp, gazetteer, "Investors gathered in London on Monday.") == []


def test_a_count_alone_in_a_story_of_no_violence_is_no_toll(nlp, gazetteer):
    assert conflict_events(nlp, gazetteer, "Investors gathered in London. 4 fatalities.") == []


def test_a_protest_against_a_law_is_a_protest(nlp, gazetteer):
    (march, roles), = conflict_events(nlp, gazetteer, "Thousands of students marched through Belgrade against the new law.")
    assert (march.event_type, march.event_mode, roles.get("Belgrade")) == ("PROTEST", "march", "place")


def test_a_strike_by_workers_is_a_protest_and_a_drone_strike_an_assault(nlp, gazetteer):
    (labour, _), = conflict_events(nlp, gazetteer, "A strike by workers halted production at the plant.")
    assert (labour.event_type, labour.event_mode) == ("PROTEST", "strike")
    assert conflict_events(nlp, gazetteer, "The strike price of the option is 50 dlrs.") == []
    (bank, _), = conflict_events(nlp, gazetteer, "Banks closed during a strike by bank officers against the banks.")
    assert (bank.event_type, bank.event_mode) == ("PROTEST", "strike")
    attack, _ = only(conflict_events(nlp, gazetteer, "A drone strike hit a car near Tyre."), "strike")
    assert (attack.event_type, attack.event_mode) == ("ASSAULT", "aerial")


def test_a_mode_outside_event_modes_is_a_lexicon_error():
    from newswire.extract.events import triggers
    from newswire.extract.lexicons import LexiconError

    with pytest.raises(LexiconError, match="'parley' has mode 'talk'"):
        triggers._typed("parley", {"type": "CONSULT", "mode": "talk"})


def conflict_triggers(nlp, gazetteer, text):
    return [(e.trigger_text, e.event_type, e.event_mode) for e, _ in conflict_events(nlp, gazetteer, text)
            if e.event_type in {"ASSAULT", "COERCE", "PROTEST"}]


# A disease, a pest, the weather, a natural disaster, a market, a price, a currency or an
# economic change that hits or kills is no attacker, nor is a disease or a pest killed a victim.
@pytest.mark.parametrize(
    "text",
    [
        "A fungus which attacks the roots of the trees and kills the leaves has spread to the north.",
        "Measles is a highly contagious disease. It has killed thousands of children this year.",
        "Four earthquakes have hit the coast since Sunday.",
        "Severe frost hit the orange groves overnight.",
        "The rise of the yen has hit exporters hard.",
        "The country has been badly hit by the fall in oil prices.",
        "The dollar's slide hit European exporters.",
        "Weak demand hit the steel industry last year.",
        "Farmers used chemicals to kill the weeds.",
    ],
)
def test_nature_markets_and_economies_are_no_attackers(nlp, gazetteer, text):
    assert conflict_triggers(nlp, gazetteer, text) == []


# Seizing, attacking or shooting down an abstract thing (a chance, a law, a story) is a figure of speech.
@pytest.mark.parametrize(
    "text",
    [
        "The company moved quickly to seize the opportunity.",
        "Rivals seized market share from the leader.",
        "The minister said the country must seize this chance for peace.",
        "The idea was quickly shot down by the board.",
        "Aides leaked a story, quickly shot down by the White House.",
        "Exporting countries attacked the new trade act.",
    ],
)
def test_figurative_seizures_are_no_events(nlp, gazetteer, text):
    assert conflict_triggers(nlp, gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police seized a shipment of cocaine at the port.", [("seized", "COERCE", "seize")]),
        ("Rebels seized the town on Sunday.", [("seized", "COERCE", "seize")]),
        ("Troops shot down a drone over the border.", [("shot", "ASSAULT", "firearms")]),
        ("The group said it killed two soldiers.", [("killed", "ASSAULT", "kill")]),
        ("The militia is a powerful force. It has killed dozens of villagers.", [("killed", "ASSAULT", "kill")]),
    ],
)
def test_real_seizures_downings_and_killings_stay(nlp, gazetteer, text, expected):
    assert conflict_triggers(nlp, gazetteer, text) == expected


# An explosion with no agent, no attacker, no device made to go off and no one or nothing hit is
# an accident: no event (PLOVER codes what actors do to each other, not mishaps).
@pytest.mark.parametrize(
    "text",
    [
        "The unmanned rocket exploded shortly after liftoff.",
        "The space shuttle blew up after launch.",
        "A fuel tank exploded during the test.",
    ],
)
def test_accidental_explosions_are_no_events(nlp, gazetteer, text):
    assert conflict_triggers(nlp, gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("A car bomb exploded outside the ministry.", "exploded", "explosives"),
        ("A rocket exploded near a school in the north of the city.", "exploded", "shelling"),
        ("Three soldiers were killed when a rocket exploded.", "exploded", "shelling"),
        ("Insurgents blew up a bridge on the main road.", "blew", "explosives"),
    ],
)
def test_explosions_that_hit_or_are_set_off_are_assaults(nlp, gazetteer, text, trigger, mode):
    assert (trigger, "ASSAULT", mode) in conflict_triggers(nlp, gazetteer, text)


# An event noun that an intention, a plan, a threat, a call or a possibility governs has not
# happened, as with verbs ("would strike", "threatened to strike").
@pytest.mark.parametrize(
    "text",
    [
        "The union threatened a strike over pay.",
        "Pilots called a strike for next week.",
        "Workers voted for a national strike.",
        "Delegates backed a proposal for a general strike.",
        "Dockers are almost certain to go on strike this spring.",
        "The union called for a strike at all ports.",
        "A possible strike would close the mines.",
        "Officials warned of a planned protest outside parliament.",
        "The company could be inviting a strike by pressing ahead with the cuts.",
        "Engineers will stage a strike on March 9.",
        "Talks were held to avert a strike at the plant.",
        "The army has prepared a would-be offensive in the south.",
        "Rebels are likely to attack the town within days.",
    ],
)
def test_planned_or_threatened_events_are_no_events(nlp, gazetteer, text):
    assert conflict_triggers(nlp, gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Teachers went on strike on Monday.", "strike", "PROTEST"),
        ("Talks resumed to try to end the strike that began in January.", "strike", "PROTEST"),
        ("Thousands joined a protest against the new tax.", "protest", "PROTEST"),
        ("The rebels launched an offensive in the north.", "offensive", "ASSAULT"),
        ("The market bombing killed 68 people.", "bombing", "ASSAULT"),
    ],
)
def test_events_that_happened_stay(nlp, gazetteer, text, trigger, event_type):
    assert trigger in {t for t, kind, _ in conflict_triggers(nlp, gazetteer, text) if kind == event_type}


# What is fired gives the attack its mode, whatever the verb's own.
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Militants fired a missile at a cargo ship.", "aerial"),
        ("Troops fired rockets at the village.", "shelling"),
        ("The army fired mortar shells at the camp.", "shelling"),
        ("Gunmen fired bullets at a car.", "firearms"),
        ("Gunmen fired at a car.", "firearms"),
    ],
)
def test_the_weapon_fired_sets_the_mode(nlp, gazetteer, text, mode):
    assert ("fired", "ASSAULT", mode) in conflict_triggers(nlp, gazetteer, text)


# An attack noun of words or business, or one that names a kind of weapon or unit, is no event.
@pytest.mark.parametrize(
    "text",
    [
        "The minister launched a charm offensive in Brussels.",
        "Exporters are bracing for a coffee market offensive from producer countries.",
        "The firm fought off a takeover raid by its rival.",
        "The army wants to buy new attack helicopters.",
        "Police found an assault rifle in the car.",
        "The commission issued arrest warrants against 50 others.",
        "The senator died of a heart attack on Sunday.",
    ],
)
def test_figurative_and_equipment_attack_nouns_are_no_events(nlp, gazetteer, text):
    assert conflict_triggers(nlp, gazetteer, text) == []
