"""Short reports of events in a city at war, as conflict datasets code them: each yields an event
of the expected PLOVER type, dated on the coded day, with the attacker as its source (through the
country actor where the article names it), the most specific place among its places, and the
stated dead as its fatalities (none when none are stated). Two reports of one day in different
places stay two canonical events."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from newswire.extract.pipeline import extract_articles
from newswire.link.actors import link_across
from newswire.link.events import EventSummary, assign_canonical_events, canonical_ids
from newswire.records import Article

CONFLICT = {"ASSAULT", "COERCE", "PROTEST"}
PUBLISHED = date(2024, 4, 2)

# A report -> (PLOVER type, the attacker's actor or None when none is named, the most specific
# place, the killed or None when no one is said to be killed).
REPORTS = [
    ('On 3 March 2024, Israeli forces shelled an area east of Khan Younis, killing two people.',
     'ASSAULT', 'Israel', 'Khan Younis', 2),
    ('On 3 March 2024, an Israeli air strike hit a house in the Shejaiya neighbourhood of Gaza City, killing five members of one family.',
     'ASSAULT', 'Israel', 'Shejaiya', 5),
    ('On 4 March 2024, Israeli snipers shot dead a teenager near the Nasser hospital in Khan Younis.',
     'ASSAULT', 'Israel', 'Nasser hospital', 1),
    ('On 4 March 2024, Hamas militants fired rockets at the town of Sderot. No casualties were reported.',
     'ASSAULT', 'Hamas', 'Sderot', None),
    ('On 5 March 2024, two people were killed when an Israeli drone struck a car on Salah al-Din street in Deir al-Balah.',
     'ASSAULT', 'Israel', 'Salah al-Din street', 2),
    ('On 5 March 2024, Israeli forces raided the Jenin refugee camp and arrested 12 men.',
     'ASSAULT', 'Israel', 'Jenin camp', None),
    ('On 6 March 2024, Israeli troops detained three journalists at a checkpoint near Nablus.',
     'COERCE', 'Israel', 'Nablus', None),
    ('On 6 March 2024, the Israeli army ordered the evacuation of the al-Zeitoun neighbourhood in Gaza City.',
     'COERCE', 'Israel', 'al-Zeitoun', None),
    ('On 7 March 2024, Israeli bulldozers demolished four homes in the village of Masafer Yatta.',
     'ASSAULT', 'Israel', 'Masafer Yatta', None),
    ('On 7 March 2024, hundreds of people protested in Ramallah against the war.',
     'PROTEST', None, 'Ramallah', None),
    ('On 8 March 2024, Hamas militants clashed with Israeli forces in the Tal al-Hawa area of Gaza City.',
     'ASSAULT', 'Hamas', 'Tal al-Hawa', None),
    ('On 8 March 2024, Israeli artillery shelled the Bureij camp, killing a woman and her two children.',
     'ASSAULT', 'Israel', 'Bureij camp', 3),
    ('On 9 March 2024, three civilians were killed in an Israeli air strike on a school in Rafah.',
     'ASSAULT', 'Israel', 'Rafah', 3),
    ('On 9 March 2024, Israeli warplanes bombed a mosque in the Nuseirat camp. There were no casualties.',
     'ASSAULT', 'Israel', 'Nuseirat camp', None),
    ('On 10 March 2024, Gaza City - Sheikh Radwan: Israeli aircraft struck a residential building, killing seven people.',
     'ASSAULT', 'Israel', 'Sheikh Radwan', 7),
    ('On 10 March 2024, Gaza City - Al-Daraj: Israeli artillery shelled several houses. No injuries were reported.',
     'ASSAULT', 'Israel', 'Al-Daraj', None),
    ('On 11 March 2024, Israeli police arrested a Palestinian man at the Damascus Gate in Jerusalem.',
     'COERCE', 'Israel', 'Damascus Gate', None),
    ('On 11 March 2024, settlers attacked farmers in the village of Turmus Ayya, wounding two.',
     'ASSAULT', None, 'Turmus Ayya', None),
    ('On 12 March 2024, a Palestinian was shot dead by Israeli soldiers during a raid in Tulkarem.',
     'ASSAULT', 'Israel', 'Tulkarem', 1),
    ('On 12 March 2024, Hamas militants detonated an explosive device near an Israeli tank in Beit Hanoun.',
     'ASSAULT', 'Hamas', 'Beit Hanoun', None),
    ('On 13 March 2024, thousands of demonstrators marched through Tel Aviv demanding a ceasefire.',
     'PROTEST', None, 'Tel Aviv', None),
    ('On 13 March 2024, an Israeli drone strike killed four people in the Maghazi camp.',
     'ASSAULT', 'Israel', 'Maghazi camp', 4),
    ('On 14 March 2024, Russian forces shelled the Saltivka district of Kharkiv, killing an elderly man.',
     'ASSAULT', 'Russia', 'Saltivka', 1),
    ('On 14 March 2024, Russian drones struck energy facilities in Odesa. No casualties were reported.',
     'ASSAULT', 'Russia', 'Odesa', None),
    ('On 15 March 2024, the Rapid Support Forces shelled the Karari district of Omdurman, killing 11 civilians.',
     'ASSAULT', 'Rapid Support Forces', 'Karari', 11),
    ('On 15 March 2024, Sudanese army aircraft bombed a market in Nyala, killing at least 20 people.',
     'ASSAULT', 'Sudan', 'Nyala', 20),
    ('On 16 March 2024, Israeli forces ordered residents of Beit Lahia to evacuate.',
     'COERCE', 'Israel', 'Beit Lahia', None),
    ('On 16 March 2024, Israeli forces detained 15 people in a raid on the town of Qabatiya.',
     'COERCE', 'Israel', 'Qabatiya', None),
    ('On 17 March 2024, one person was killed and three were wounded when Israeli tanks shelled the Jabalia camp.',
     'ASSAULT', 'Israel', 'Jabalia camp', 1),
    ('On 17 March 2024, Hezbollah fighters fired anti-tank missiles at an Israeli army post near Metula.',
     'ASSAULT', 'Hezbollah', 'Metula', None),
    ('On 18 March 2024, an Israeli strike on a car in the town of Bint Jbeil killed two Hezbollah members.',
     'ASSAULT', 'Israel', 'Bint Jbeil', 2),
    ('On 18 March 2024, Palestinian gunmen opened fire at an Israeli checkpoint near Huwara. No one was hurt.',
     'ASSAULT', 'Palestine', 'Huwara', None),
    ('On 19 March 2024, students staged a sit-in outside the Islamic University in Gaza City.',
     'PROTEST', None, 'Islamic University', None),
    ('On 19 March 2024, Israeli naval boats fired at fishermen off the coast of Gaza City, wounding one.',
     'ASSAULT', 'Israel', 'Gaza City', None),
    ('On 20 March 2024, a sniper killed a man on Omar al-Mukhtar street in Gaza City.',
     'ASSAULT', None, 'Omar al-Mukhtar street', 1),
    ('On 20 March 2024, Israeli forces demolished a house in the Shuafat camp in East Jerusalem.',
     'ASSAULT', 'Israel', 'Shuafat camp', None),
    ('On 21 March 2024, militants attacked an army post in the Sheikh Zuweid area, killing three soldiers.',
     'ASSAULT', None, 'Sheikh Zuweid', 3),
    ('On 21 March 2024, Israeli jets struck the al-Amal neighbourhood of Khan Younis, killing nine people.',
     'ASSAULT', 'Israel', 'al-Amal', 9),
    ('On 22 March 2024, Israeli forces arrested a doctor at Kamal Adwan hospital in Beit Lahia.',
     'COERCE', 'Israel', 'Kamal Adwan hospital', None),
    ('On 22 March 2024, dozens of residents protested outside the UN office in Rafah over food shortages.',
     'PROTEST', None, 'Rafah', None),
    ('On 23 April 2024, Russian forces shelled the Industrialnyi district of Kharkiv, wounding five people.',
     'ASSAULT', 'Russia', 'Industrialnyi', None),
    ('On 23 April 2024, two civilians were killed when a Russian guided bomb hit a house in the town of Selydove.',
     'ASSAULT', 'Russia', 'Selydove', 2),
    ('On 24 April 2024, Sudanese army drones struck a gathering of RSF fighters in the Sharq al-Nil district, killing 14 fighters.',
     'ASSAULT', 'Sudan', 'Sharq al-Nil', 14),
    ('On 24 April 2024, RSF fighters killed a doctor at the Saudi hospital in El Fasher.',
     'ASSAULT', 'RSF', 'Saudi hospital', 1),
    ('Homs - Al-Waer: On 25 April 2024, an explosive device went off near a bus, killing three passengers.',
     'ASSAULT', None, 'Al-Waer', 3),
    ('On 25 April 2024, Syrian regime artillery shelled the village of Kansafra in southern Idlib. There were no casualties.',
     'ASSAULT', 'Syria', 'Kansafra', None),
    ('On 26 April 2024, a Houthi ballistic missile struck a tanker in the Red Sea, injuring two crew members.',
     'ASSAULT', 'Houthi', 'Red Sea', None),
    ('On 26 April 2024, Yemeni government forces clashed with Houthi fighters on the outskirts of Taiz, killing four fighters.',
     'ASSAULT', 'Yemen', 'Taiz', 4),
    ('On 27 April 2024, JNIM militants attacked a military post in the town of Boulkessi, killing nine soldiers.',
     'ASSAULT', 'JNIM', 'Boulkessi', 9),
    ('On 27 April 2024, Burkina Faso soldiers executed 18 civilians in the village of Soro.',
     'ASSAULT', 'Burkina Faso', 'Soro', 18),
    ('On 28 April 2024, Myanmar army helicopters fired on the town of Kyaukme, wounding several residents.',
     'ASSAULT', 'Myanmar', 'Kyaukme', None),
    ('On 28 April 2024, junta soldiers detained 30 young men at a checkpoint in Mandalay.',
     'COERCE', None, 'Mandalay', None),
    ('On 29 April 2024, hundreds of refugees protested outside the UNHCR office in Adre over aid cuts.',
     'PROTEST', None, 'Adre', None),
    ('On 29 April 2024, a Turkish drone strike on a car near Kobani killed three members of the SDF.',
     'ASSAULT', 'Turkey', 'Kobani', 3),
    ('On 30 April 2024, a nurse was shot dead by RSF gunmen in the Al-Daraja neighbourhood of El Geneina.',
     'ASSAULT', 'RSF', 'Al-Daraja', 1),
    ('On 30 April 2024, Ukrainian authorities ordered the evacuation of children from villages near Kupiansk.',
     'COERCE', 'Ukraine', 'Kupiansk', None),
    ('On 1 May 2024, Russian drones hit a power plant in the Dnipro region, killing one worker and injuring four.',
     'ASSAULT', 'Russia', 'Dnipro', 1),
    ('On 1 May 2024, Somali forces raided an al-Shabaab hideout in the village of Bariire and arrested seven suspects.',
     'ASSAULT', 'Somalia', 'Bariire', None),
    ('Mogadishu - Hodan: On 1 May 2024, gunmen opened fire on a minibus, killing a driver.',
     'ASSAULT', None, 'Hodan', 1),
    ('On 2 May 2024, teachers went on strike in Aden demanding unpaid salaries.',
     'PROTEST', None, 'Aden', None),
    # A single victim named by what the person does counts one.
    ('Aleppo - Al-Ashrafieh: On 2 March 2024, unidentified gunmen shot dead a shopkeeper.',
     'ASSAULT', None, 'Al-Ashrafieh', 1),
    # A protest is one whatever it is against.
    ('On 5 March 2024, thousands of protesters marched through central Tbilisi against a foreign agents law.',
     'PROTEST', None, 'Tbilisi', None),
    # A killing told after the violence, with no doer or place of its own, is its outcome; the
    # first side of a clash is its source.
    ('On 17 March 2024, Palestinian militants and Israeli troops exchanged fire in the Balata camp in Nablus. One militant was killed.',
     'ASSAULT', 'Palestin', 'Balata camp', 1),
    # The capitalised words on a noun of armed people name the group; the verb that killed
    # counts the dead whatever they were before.
    ('On 19 March 2024, RSF fighters shelled the Abu Shouk camp in El Fasher, killing six displaced people.',
     'ASSAULT', 'RSF', 'Abu Shouk camp', 6),
    ('On 3 March 2024, JNIM militants ambushed a convoy near Menaka, killing seven soldiers.',
     'ASSAULT', 'JNIM', 'Menaka', 7),
    ('On 11 March 2024, Islamic State fighters attacked an army post in the Badiya desert, leaving five soldiers dead.',
     'ASSAULT', 'Islamic State', 'Badiya', 5),
    # "the village of X" names a town the model may not know.
    ('On 8 March 2024, Myanmar military forces raided the village of Let Yet Kone in Sagaing region, killing 13 villagers.',
     'ASSAULT', 'Myanmar', 'Let Yet Kone', 13),
    # A road is a place; so are mountains, and the place an evacuation is ordered for.
    ('On 16 March 2024, gunmen abducted 30 passengers from a bus on the Abuja-Kaduna highway.',
     'ASSAULT', None, 'Abuja-Kaduna highway', None),
    ('On 18 March 2024, Turkish warplanes struck PKK positions in the Qandil mountains, killing four fighters.',
     'ASSAULT', 'Turkey', 'Qandil', 4),
    ('On 19 March 2024, the Israeli army issued evacuation orders for the Bureij camp.',
     'COERCE', 'Israel', 'Bureij camp', None),
    # The nationality of the forces that attack is the state: the attacker is the country.
    ('On 9 March 2024, French troops killed a senior Islamic State commander near Tessit.',
     'ASSAULT', 'France', 'Tessit', 1),
    ('On 18 March 2024, Chadian soldiers clashed with Boko Haram fighters on the shores of Lake Chad, leaving 17 soldiers dead.',
     'ASSAULT', 'Chad', 'Lake Chad', 17),
    # Fighting, a device that goes off, houses burned down, rockets launched at a place.
    ('On 8 March 2024, Peshmerga forces and PKK fighters fought near Sinjar. Three fighters were killed.',
     'ASSAULT', 'Peshmerga', 'Sinjar', 3),
    ('On 4 March 2024, a bomb planted on a motorcycle went off in a market in Quetta, killing four.',
     'ASSAULT', None, 'Quetta', 4),
    ('On 8 March 2024, Tatmadaw troops burned down houses in the village of Kinma in Magway region.',
     'ASSAULT', 'Tatmadaw', 'Kinma', None),
    ('On 30 March 2024, Hezbollah launched dozens of rockets at army positions in the Golan Heights.',
     'ASSAULT', 'Hezbollah', 'Golan Heights', None),
    # The leader of a coalition is the side of its raid; the dead are killed whatever they were.
    ('On 31 March 2024, a Saudi-led coalition air raid on a prison in Saada killed 60 detainees.',
     'ASSAULT', 'Saudi', 'Saada', 60),
    ('On 17 March 2024, a gunman opened fire at a wedding in Diyarbakir, killing a guest and injuring two.',
     'ASSAULT', None, 'Diyarbakir', 1),
    # A count alone after the violence is its toll; the vicinity of a town is the town.
    ('On 2 March 2024, Israeli jets bombed a house in the Tal al-Sultan area of Rafah. 4 fatalities.',
     'ASSAULT', 'Israel', 'Tal al-Sultan', 4),
    ('On 8 March 2024, Turkish forces shelled the vicinity of Tal Rifaat.',
     'ASSAULT', 'Turkey', 'Tal Rifaat', None),
    # A place named before the places that hold it in brackets keeps its whole name.
    ('On 7 March 2024, unidentified armed men shot and injured a civilian in Sheikh Maqsoud (Aleppo).',
     'ASSAULT', None, 'Sheikh Maqsoud', None),
    # Protesters who gather protest.
    ('On 11 March 2024, protesters gathered in front of the governorate building in Sweida to demand the release of detainees.',
     'PROTEST', None, 'Sweida', None),
]


def coded_date(text: str) -> date:
    return datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()


@pytest.fixture(scope="module")
def extracted(nlp, gazetteer):
    articles = [
        Article(f"r{i}", f"r{i}", None, "reports", None, PUBLISHED, text, f"r{i}.txt")
        for i, (text, *_) in enumerate(REPORTS)
    ]
    batch = extract_articles(articles, nlp, gazetteer)
    return {x.article.body: x for x in assign_canonical_events(link_across(batch.extractions))}


def main_event(extraction, event_type):
    """The report's first event of the expected type, else its first of violence, coercion or
    protest; with the roles of every mention of its article event."""
    found = [e for e in extraction.events if e.event_type in CONFLICT]
    event = next((e for e in found if e.event_type == event_type), found[0] if found else None)
    assert event is not None, "no event"
    names = {m.actor_id: m.actor_name for m in extraction.actor_mentions}
    roles = {
        (names[a.actor_id], a.role)
        for e in extraction.events if e.article_event_id == event.article_event_id for a in e.actors
    }
    return event, roles


@pytest.mark.parametrize(("text", "event_type", "source", "place", "killed"), REPORTS)
def test_a_report_is_coded_as_its_event(extracted, text, event_type, source, place, killed):
    event, roles = main_event(extracted[text], event_type)
    assert event.event_type == event_type
    assert event.event_date == coded_date(text)
    if source is not None:
        assert (source, "source") in roles or any(r == "source" and name.startswith(source[:5]) for name, r in roles)
    assert event.fatalities == killed or (killed is None and event.fatalities == 0)
    assert (place, "place") in roles


def test_reports_of_one_day_stay_distinct_events(extracted):
    days: dict[date, list[str]] = {}
    for text, event_type, *_ in REPORTS:
        event, _ = main_event(extracted[text], event_type)
        days.setdefault(event.event_date, []).append(event.canonical_event_id)
    assert all(len(set(ids)) == len(ids) for ids in days.values())


def test_a_report_that_counts_its_dead_is_not_a_bare_reference():
    """A report with nobody named and no place that counts its own dead is an event of its own,
    not a reference to the one other event of its type that day."""
    day = date(2024, 3, 21)
    named = EventSummary("a", "ASSAULT", day, PUBLISHED, frozenset(), frozenset({"israel"}), frozenset({"khan-younis"}))
    counted = EventSummary("b", "ASSAULT", day, PUBLISHED, frozenset(), frozenset(), frozenset(), counted=True)
    bare = EventSummary("c", "ASSAULT", day, PUBLISHED, frozenset(), frozenset(), frozenset())
    ids = canonical_ids([named, counted])
    assert ids["b"] != ids["a"]
    ids = canonical_ids([named, bare])
    assert ids["c"] == ids["a"]


def test_two_attacks_of_one_day_in_one_report_stay_two_events(nlp, gazetteer):
    """Violence in two places of one city on one day is two events, each with its own dead."""
    text = (
        "On 5 March 2024, an Israeli air strike hit a house in the Shejaiya neighbourhood of Gaza City, "
        "killing three people. Later that day, Israeli jets struck a car in the Zeitoun neighbourhood, killing two men."
    )
    batch = extract_articles([Article("two", "two", None, "reports", None, PUBLISHED, text, "two.txt")], nlp, gazetteer)
    (extraction,) = assign_canonical_events(batch.extractions)
    hit = next(e for e in extraction.events if e.trigger_text == "hit")
    struck = next(e for e in extraction.events if e.trigger_text == "struck")
    assert hit.canonical_event_id != struck.canonical_event_id
    assert (hit.fatalities, struck.fatalities) == (3, 2)
