"""Actors: people, organisations and places named in an article, one name per actor.

Within an article a later surname joins the full name ("Austin" -> "Lloyd Austin"), known
aliases join their canonical name ("U.S." -> "United States"), a name the model cut in two
where the article writes it whole elsewhere is one mention ("Lockheed" "Martin"), an
adjective of a country before a common noun is the country ("German airline" -> "Germany"),
and titles, determiners and possessives are not part of a name. A name is written with a
capital: what the model takes for one in lowercase ("cts" in "Shr 30 cts vs 36 cts") is a common
word. A surname whose context calls it an organisation's is the firm named after the person
("Pesch and Co" beside "LeRoy Pesch"), and a person named after a title inside what the model
took for an organisation is a person ("National Security Adviser Brent Scowcroft"). The words
around names (titles, roles, portfolios, the heads of event names, companies' legal forms) are
the lexicon `titles.json`. Joining names across articles is `newswire.link.actors`'s work.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from newswire.extract.actor_types import (
    SCORE,
    choose_type,
    context_types,
    country_of_adjective,
    country_of_people,
    describes_organisation,
    is_demonym,
    is_not_an_actor,
    is_owned_product,
    organisation_by_head,
    person_by_title,
    place_type,
    speaks,
    type_of_group_name,
)
from newswire.extract.lexicons import alternation, lexicon
from newswire.extract.nlp import TokenFilter, doc_text, sentence_of
from newswire.extract.places import PlaceName, place_names, reference_casing
from newswire.records import ACTOR_TYPES, ActorMention, stable_id
from newswire.reference import Gazetteer, alias_key, is_given_name

_ARTICLES = {"the", "a", "an"}
_POSSESSIVE = re.compile(r"(['’]s?|['’])$")
_POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}
_PLURAL_TAGS = {"NNPS", "NNS"}
_PLURAL_NAME = re.compile(r"[A-Z][a-z]+[^sui]s")
_BRACKETS = {"(", ")", "[", "]"}
_LEXICON = lexicon("titles")
_TYPE_LEXICON = lexicon("actor_types")
# Plural nouns whose possessive begins a name: "the People's Republic of China", "the Workers' Party".
_COLLECTIVE_OWNERS = frozenset(_TYPE_LEXICON["collective_owners"])
# Words that make an airline's name of a place's: "Air China", "Air France".
_AIRLINE_PREFIXES = frozenset(_TYPE_LEXICON["airline_prefixes"])
# Words before which an operator's name ends: "Air France Flight 447" is a flight of Air France.
_SERVICE_WORDS = frozenset(_TYPE_LEXICON["service_words"])
_SERVICE = re.compile(rf"\s(?:{alternation(_SERVICE_WORDS)})\b", re.IGNORECASE)
# Words that make up a government portfolio: on their own ("Defense" in "Defense Secretary
# Lloyd Austin") they are part of a job title, not an organisation.
_PORTFOLIO_WORDS = frozenset(_LEXICON["portfolio_words"])
# Titles and ranks written before a person's name.
_TITLES = frozenset(_LEXICON["titles"])
# Forms of address: they precede a name but say nothing about the person's role.
_HONORIFICS = frozenset(_LEXICON["honorifics"])
# Nouns that head a role ("Pentagon press secretary", "the company's chief executive").
_ROLE_NOUNS = frozenset(_LEXICON["role_nouns"])
# Words that qualify a role without being one ("deputy", "press" in "press secretary").
_ROLE_QUALIFIERS = frozenset(_LEXICON["role_qualifiers"])
# Heads of names that denote events, not actors ("Worldwide Developers Conference").
_EVENT_HEADS = frozenset(_LEXICON["event_heads"])
# Currency codes: "USD" after an amount is a unit, not an actor.
_CURRENCY_CODES = frozenset(lexicon("currencies")["codes"])
# Legal forms after a company's name: "Microsoft Corp." and "Microsoft" are one actor.
_LEGAL_FORM = re.compile(rf",?\s+(?:{alternation(_LEXICON['legal_forms'])})\.?$")
# A legal form alone names no one: "LLC" where the model cut "Chrysler LLC" in two.
_LEGAL_FORMS = frozenset(form.rstrip(".").casefold() for form in _LEXICON["legal_forms"])
# Words of names of organisations and offices that no person's name holds.
_NOT_IN_PERSONAL_NAMES = _LEGAL_FORMS.union(_PORTFOLIO_WORDS)
# Labels the model gives a person's name by mistake ("Tanzania's Samia Suluhu Hassan" as FAC):
# a later bare surname tagged PERSON claims such a name (`person_by_surname`).
_MISTAKEN_PERSON_LABELS = {"FAC", "PRODUCT", "WORK_OF_ART"}
# Words that join two names into one: "Grant and Ambersley" names two people.
_JOINING_WORDS = frozenset(["and", "&"])
# Pronouns of a person, never of an organisation or a place.
_PERSONAL_PRONOUNS = frozenset(_TYPE_LEXICON["personal_pronouns"])
# Words an acronym's letters skip ("Organization of the Petroleum Exporting Countries").
_ACRONYM_SKIPPED = frozenset(_LEXICON["acronym_skipped"])
# A name written lowercase-then-capital ("iPhone", "eReader") is a product line, not an actor.
_BRAND = re.compile(r"^[a-z][A-Z]")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,9}$")
_LETTER = re.compile(r"[^\W\d_]")
# Marks that open a list item or a line, never a name: bullets, dashes, arrows, asterisks.
_LEADING_MARKS = re.compile(r"[•·▪■►▶*\-–—>]+\s*")
_APPOSITIVE_END = {",", ".", ";", ":", ")", "(", "—", "–", "-", '"', "“", "”"}
# Parts of speech an appositive role is made of ("the president's national security adviser").
_APPOSITIVE_POS = {"ADJ", "DET", "NOUN", "PART", "PROPN"}
_LONGEST_KNOWN_NAME = 8
# Entities that are amounts and times: no actor name stands inside them.
_PLACE_LABELS = {"GPE", "LOC"}
# Endings of agent nouns: "retailer", "distributor", "chipmaker".
_AGENT_ENDINGS = ("er", "or")
# Nouns of armed people and units: the capitalised words compounded on them name a group.
_ARMED_AGENTS = frozenset(lexicon("event_words")["armed_agents"])
_ARMED_NOUNS = TokenFilter(LEMMA, lambda word: word.lower() in _ARMED_AGENTS)
_QUANTITY_LABELS = {"CARDINAL", "DATE", "MONEY", "ORDINAL", "PERCENT", "QUANTITY", "TIME"}


@dataclass(frozen=True, slots=True)
class _NameCandidate:
    start: int
    end: int
    text: str
    label: str
    name: str | None = None  # the canonical name, where the words around it give it: "Sheikh Maqsoud"


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A parse's text with each token's text and character offsets, read once."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]


def _tokens(doc: Doc) -> _Tokens:
    """Read from the parse's arrays, without making a Token object for each token."""
    table = doc.to_array([ORTH, IDX]).tolist()
    strings = doc.vocab.strings
    words = [strings[orth] for orth, _ in table]
    starts = [start for _, start in table]
    text = doc_text(doc)
    return _Tokens(text, words, starts, [start + len(word) for start, word in zip(starts, words)])


def is_acronym(text: str) -> bool:
    """Whether `text` is written as an acronym: "FBI", "U.N.", "AT&T"."""
    return _ACRONYM.match(text) is not None


def actor_id_for(name: str) -> str:
    """The key of an actor: its canonical name, case folded."""
    return stable_id("actor", alias_key(name))


def _trim(text: str, start: int) -> tuple[str, int]:
    """Without a leading bullet or other mark, a leading determiner or a trailing possessive; the
    new start. "• Embiid" in a list is "Embiid"."""
    marks = _LEADING_MARKS.match(text)
    if marks and marks.end() < len(text):
        start += marks.end()
        text = text[marks.end() :]
    words = text.split(" ")
    while len(words) > 1 and words[0].casefold() in _ARTICLES:
        start += len(words[0]) + 1
        words = words[1:]
    text = " ".join(words)
    match = _POSSESSIVE.search(text)
    if match and len(text) > len(match.group()) + 1 and not text.isupper():
        text = text[: match.start()].rstrip()
    return text, start


def _words(text: str) -> list[str]:
    return [w.strip(".").casefold() for w in text.split()]


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].strip(".").casefold() in _TITLES.union(_ROLE_NOUNS):
        words = words[1:]
    return " ".join(words)


def _depluralise(name: str) -> str:
    """`Palestinians` -> `Palestinian`: a group named by its plural is the same group."""
    if name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        return name[:-1]
    return name


def _parse_spans(doc: Doc) -> list[Span]:
    """The model's actor entities, cut at brackets, inner possessives and scores, without units.

    "the Federal Bureau of Investigation (FBI" holds two names, "Apple Computer's Mac OS" the
    owner and the thing owned, but "the People's Republic of China" one; "GB" glued to the
    number in "30GB" is a unit. "Air" before a place makes an airline ("Air China"), an
    airline's name ends before "Flight" ("Air France Flight 447"), and a team's before its score
    ("Chelsea 2-0").
    """
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_TYPES:
            continue
        prefix = doc[ent.start - 1] if ent.start > 0 else None
        if ent.label_ in _PLACE_LABELS and prefix is not None and prefix.text in _AIRLINE_PREFIXES and prefix.ent_iob_ == "O":
            spans.append(Span(doc, ent.start - 1, ent.end, label="ORG"))
            continue
        end = ent.end
        if len(ent) > 1 and _SERVICE.search(ent.text):
            end = next((i for i in range(ent.start + 1, ent.end) if doc[i].lower_ in _SERVICE_WORDS), ent.end)
        cuts = [
            i
            for i in range(ent.start, end)
            if doc[i].text in _BRACKETS
            or (
                doc[i].text in _POSSESSIVE_TOKENS
                and doc[i].tag_ == "POS"
                and i < end - 1
                and doc[i - 1].lower_ not in _COLLECTIVE_OWNERS
            )
        ]
        for begin, stop in zip([ent.start, *(c + 1 for c in cuts)], [*cuts, end]):
            stop = next((i for i in range(begin + 1, stop) if _starts_score(doc[i])), stop)
            while stop > begin and doc[stop - 1].is_lower and doc[stop - 1].is_stop:
                stop -= 1  # "the Islamic Republic on": a function word the model took in
            glued_to_number = begin > 0 and doc[begin - 1].like_num and not doc[begin - 1].whitespace_
            if stop > begin and not glued_to_number:
                spans.append(Span(doc, begin, stop, label=ent.label_))
    return spans


def _starts_score(token: Token) -> bool:
    """Whether a match's score begins at `token`: "2" in "Chelsea 2-0", which is no part of a name."""
    return token.like_num and SCORE.match(doc_text(token.doc), token.idx) is not None


def _named_by_creed(spans: Sequence[Span]) -> list[Span]:
    """`spans` with a nationality or creed that begins an organisation's name joined to it:
    "Islamic" + "State", "Kurdish" + "Workers' Party" (the model cuts them in two); a country's
    people before a name stay apart ("Israeli" "Hamas")."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None and last.label_ == "NORP" and span.label_ == "ORG" and last.end == span.start
            and last.root.head.i in range(span.start, span.end) and country_of_people(last.text) is None
        ):
            joined[-1] = Span(span.doc, last.start, span.end, label="ORG")
            continue
        joined.append(span)
    return joined


def _armed_groups(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """`spans` with the names of armed groups the model missed or mistook: the capitalised words
    compounded on a noun of armed people name the group, an organisation ("RSF fighters", "Islamic
    State fighters", "M23 rebels", "Fano militiamen"), unless they are a place or its people
    ("Gaza militants", "US troops"). A single common word opening a sentence is no name
    ("Government forces")."""
    found = list(spans)
    for token in (doc[i] for i in _ARMED_NOUNS(doc)):
        if token.pos_ != "NOUN":
            continue
        opening = sentence_of(doc, token.i).start
        start = token.i
        while (
            start > opening and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= start
            and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ not in _QUANTITY_LABELS
        ):
            start -= 1
        group = doc[start : token.i]
        if not group or (start == opening and len(group) == 1 and group.text.isalpha() and group.text.istitle()):
            continue
        inside = [s for s in found if s.start < group.end and group.start < s.end]
        if any(s.start < group.start or s.end > group.end for s in inside) or any(
            place_type(s.text) or is_demonym(s.text) for s in inside
        ):
            continue
        found = [s for s in found if s not in inside]
        found.append(Span(doc, group.start, group.end, label="ORG"))
    return sorted(found, key=lambda s: s.start)


def _side_of(ent: Span) -> str | None:
    """The country whose nationality names a side that fights: "Israeli jets", "French troops",
    "Chadian soldiers" are the state's forces, so the attacker is the country."""
    root = ent.root
    if root.dep_ not in ("amod", "compound", "nmod") or root.head.lemma_.lower() not in _ARMED_AGENTS:
        return None
    return country_of_people(ent.text)


def _is_group(span: Span) -> bool:
    """A plural name after "the" ("the Beatles", "the Smiths") names a group, not a person:
    one word the tagger calls plural, or a capitalised word in a plural's "-s" ending ("the
    Beatles' record company", where the possessive hides the plural from it), not in "-ss",
    "-us" or "-is" ("the Hess lawyer") and not before a noun it qualifies, as a surname does
    ("the Williams sisters", "the Adams administration")."""
    words = [t for t in span if t.text not in _POSSESSIVE_TOKENS]
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    first = words[0].lower_ if words else ""
    named = [t for t in words if t.lower_ not in _ARTICLES]
    return (
        (first in _ARTICLES or before in _ARTICLES)
        and len(named) == 1
        and (
            named[0].tag_ in _PLURAL_TAGS
            or (_PLURAL_NAME.fullmatch(named[0].text) is not None and named[0].dep_ != "compound")
        )
    )


def _parse_candidates(spans: Iterable[Span], gazetteer: Gazetteer) -> list[_NameCandidate]:
    candidates: list[_NameCandidate] = []
    for ent in spans:
        if not ent.text.strip():
            continue
        text, start = _trim(ent.text, ent.start_char)
        words = _words(text)
        if (
            not _LETTER.search(text) or len(text) < 2 or text.islower() or text in _CURRENCY_CODES
            or _LEGAL_FORMS.issuperset(words)
        ):
            continue  # a name has a capital: "cts" and "dlrs vs" in "Shr 30 cts vs 36 cts" are words
        known = gazetteer.lookup(text)
        if known is None and (words[-1] in _EVENT_HEADS or _BRAND.match(text)):
            continue
        if ent.label_ == "PERSON" and len(words) > 1:
            # "Sullivan Israel" in "showed Sullivan Israel's plan": a name ending in a country.
            tail = text.split()[-1]
            tail_known = gazetteer.lookup(tail)
            if tail_known and tail_known[1] == "GPE" and known is None:
                tail_start = start + len(text) - len(tail)
                candidates.append(_NameCandidate(start, tail_start - 1, text[: -len(tail) - 1], "PERSON"))
                candidates.append(_NameCandidate(tail_start, tail_start + len(tail), tail, "GPE"))
                continue
        if ent.label_ != "PERSON" and len(words) > 3 and known is None and (person := _person_after_title(text, start)):
            # "National Security Adviser Brent Scowcroft", which the model took for an organisation
            owner = text[: person.start - start].rstrip()
            if not all(w in _PORTFOLIO_WORDS or w in _TITLES or w in _ROLE_NOUNS for w in _words(owner)):
                candidates.append(_NameCandidate(start, start + len(owner), owner, ent.label_))
            candidates.append(person)
            continue
        if ent.label_ == "ORG" and known is None:
            first = text.split()[0]
            first_known = gazetteer.lookup(first)
            if first_known and first_known[1] == "GPE" and all(w in _PORTFOLIO_WORDS for w in words[1:]):
                # "US National Security" in "US National Security Adviser": only the country.
                candidates.append(_NameCandidate(start, start + len(first), first, "GPE"))
                continue
            if all(w in _PORTFOLIO_WORDS for w in words):
                continue
        place = (country_of_adjective(ent) or _side_of(ent)) if ent.label_ == "NORP" else None
        if place is not None:
            # "German" in "German airline Lufthansa" is Germany: a place, not a nationality.
            name, kind = gazetteer.lookup(place) or (place, place_type(place) or "GPE")
            candidates.append(_NameCandidate(start, start + len(text), text, kind, name))
            continue
        label = "ORG" if ent.label_ == "PERSON" and known is None and _is_group(ent) else ent.label_
        if known is None and person_by_title(ent):
            label = "PERSON"  # "Spokeswoman Sandy Angers", which the model took for an organisation
        candidates.append(_NameCandidate(start, start + len(text), text, label))
    return candidates


def _without_descriptions(candidates: Sequence[_NameCandidate], doc: Doc) -> list[_NameCandidate]:
    """Names without the noun describing them that the model took into them: "Chipmaker Nvidia"
    at the start of a sentence is Nvidia, an organisation.

    Only a noun of what the organisation does, an agent noun ("Retailer", "Lender",
    "Distributor"), is cut: nouns of a kind of organisation begin names ("Bank Negara", "Daily
    Mail", "Network Rail", "Airline Pilots Association"). It is cut where the rest of the name
    is written alone elsewhere in the article, or where it is a maker's ("Drugmaker Eli Lilly"),
    and not after a capitalised word ("Lloyds Retailer Finance" is one name)."""
    alone = {c.text for c in candidates}
    trimmed: list[_NameCandidate] = []
    for c in candidates:
        first, _, rest = c.text.partition(" ")
        word = first.casefold()
        named = rest[:1].isupper() and describes_organisation(word) and word.endswith(_AGENT_ENDINGS)
        if named and (rest in alone or word.endswith("maker")) and _begins_phrase(doc, c.start):
            c = _NameCandidate(c.end - len(rest), c.end, rest, "ORG", c.name)
        trimmed.append(c)
    return trimmed


def _begins_phrase(doc: Doc, start_char: int) -> bool:
    """Whether the token at `start_char` begins a sentence or follows no capitalised word."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    return token.i == 0 or bool(token.is_sent_start) or not doc[token.i - 1].text[:1].isupper()


def _person_after_title(text: str, start: int) -> _NameCandidate | None:
    """The person named after a capitalised title inside a name: "Brent Scowcroft" in "National
    Security Adviser Brent Scowcroft"; a full name of two words or more, none of them a title, a
    portfolio or a legal form, nor ending in an organisation's head ("General Motors Corp",
    "Foreign Affairs Ministry" stay whole)."""
    words = list(re.finditer(r"\S+", text))
    for i in range(1, len(words) - 2):
        title = words[i].group()
        rest = [w.group() for w in words[i + 1 :]]
        named = all(w[:1].isupper() and not _is_title(w) and _words(w)[0] not in _NOT_IN_PERSONAL_NAMES for w in rest)
        if title[:1].isupper() and _is_title(title) and named and not organisation_by_head(" ".join(rest)):
            return _NameCandidate(start + words[i + 1].start(), start + len(text), text[words[i + 1].start() :], "PERSON")
    return None


def _is_title(word: str) -> bool:
    return word.strip(".").casefold() in _TITLES or word.strip(".").casefold() in _ROLE_NOUNS


def _as_places(candidates: Sequence[_NameCandidate], places: Sequence[PlaceName], doc: Doc) -> list[_NameCandidate]:
    """The model's names with the places found by their head nouns, and their further mentions.

    A part of a city is named as the head noun names it elsewhere in the article ("Sheikh
    Maqsoud", which the model takes for a person); a camp or a building only where the model
    took its bare name for a person ("Al-Shifa" for "Al-Shifa hospital").
    """
    bare = {alias_key(p.bare): p for p in places}
    found = [
        _NameCandidate(doc[p.start].idx, doc[p.end - 1].idx + len(doc[p.end - 1]), doc[p.start : p.end].text, p.label, p.name)
        for p in places
    ]
    for c in candidates:
        place = bare.get(alias_key(c.text))
        if place is not None and (place.name == place.bare or c.label == "PERSON"):
            c = _NameCandidate(c.start, c.end, c.text, place.label, place.name)
        for area in (p for p in places if p.name == p.bare and len(p.bare) > len(c.text)):
            start = c.end - len(area.bare)  # "Sheikh Radwan", of which the model took "Radwan" for a person
            if start >= 0 and alias_key(doc_text(doc)[start : c.end]) == alias_key(area.bare) and doc.char_span(start, c.end):
                c = _NameCandidate(start, c.end, doc_text(doc)[start : c.end], area.label, area.name)
        found.append(c)
    return sorted(found, key=lambda c: c.start)


def _initials(name: str) -> set[str]:
    """The acronyms a name can have: initials of every word, or of its content words only."""
    words = name.replace("-", " ").split()
    return {
        "".join(w[0] for w in words).upper(),
        "".join(w[0] for w in words if w.casefold() not in _ACRONYM_SKIPPED).upper(),
    }


def _parse_acronyms(doc: Doc, text: str, candidates: Sequence[_NameCandidate]) -> tuple[list[_NameCandidate], dict[str, str]]:
    """Acronyms defined in the text: "the Federal Bureau of Investigation (FBI)".

    Returns the acronyms the model did not tag, as new candidates, and the pairs learned, both
    ways (alias key of one form -> the other form).
    """
    starts = {c.start for c in candidates}
    found: list[_NameCandidate] = []
    partners: dict[str, str] = {}
    for candidate in candidates:
        if candidate.label == "PERSON" or len(candidate.text.split()) < 2:
            continue
        after = doc.char_span(candidate.end, len(text), alignment_mode="expand")
        if after is None or len(after) < 3 or after[0].text != "(" or after[2].text != ")":
            continue
        acronym = after[1]
        if not is_acronym(acronym.text) or acronym.text.replace(".", "").replace("&", "") not in _initials(candidate.text):
            continue
        partners[alias_key(acronym.text)] = candidate.text
        partners[alias_key(candidate.text)] = acronym.text
        if acronym.idx not in starts:
            found.append(_NameCandidate(acronym.idx, acronym.idx + len(acronym.text), acronym.text, candidate.label))
    return found, partners


def _parse_known(tokens: _Tokens, gazetteer: Gazetteer, covered: bytearray) -> list[_NameCandidate]:
    """Names the reference data knows that the model did not tag ("the Islamic Republic").

    A known name of several words is found wherever it stands capitalised outside any entity;
    a one-word name only when it is a country or an acronym, so that "Fed" in "fed up" or a
    capitalised common word stays a word.
    """
    text, words, starts, ends = tokens.text, tokens.words, tokens.starts, tokens.ends
    found: list[_NameCandidate] = []
    i = 0
    while i < len(words):
        if not words[i][:1].isupper() or covered[starts[i]]:
            i += 1  # a name found here would hold a covered character
            continue
        for size in range(min(_LONGEST_KNOWN_NAME, len(words) - i), 0, -1):
            start, end = starts[i], ends[i + size - 1]
            if 1 in covered[start:end]:
                continue
            name = text[start:end]
            known = gazetteer.lookup(name)
            if known is None or (size == 1 and known[1] != "GPE" and not is_acronym(name)):
                continue
            found.append(_NameCandidate(start, end, name, known[1]))
            i += size - 1
            break
        i += 1
    return found


def _canonical(candidate: _NameCandidate, gazetteer: Gazetteer, partners: Mapping[str, str]) -> tuple[str, str]:
    """The name and type an actor is known by.

    An acronym and its expansion defined in the text share the reference name of either form,
    else the expansion.
    """
    if candidate.name is not None:
        return candidate.name, candidate.label
    partner = partners.get(alias_key(candidate.text))
    known = gazetteer.lookup(candidate.text) or (gazetteer.lookup(partner) if partner else None)
    if known:
        return known
    if partner:
        return max((candidate.text, partner), key=len), candidate.label
    if candidate.label == "PERSON":
        return _strip_titles(candidate.text), "PERSON"
    if candidate.label == "NORP":
        return _depluralise(candidate.text), "NORP"
    if candidate.label == "ORG":
        stripped = _LEGAL_FORM.sub("", candidate.text)
        return (gazetteer.lookup(stripped) or (stripped, "ORG")) if stripped else (candidate.text, "ORG")
    return (reference_casing(candidate.text) if candidate.label in _PLACE_LABELS else candidate.text), candidate.label


def _unspelt_acronyms(candidates: Sequence[_NameCandidate], partners: Mapping[str, str]) -> dict[str, str]:
    """Acronyms used without being spelt out ("the Federal Trade Commission ... the FTC"): each
    joins the one longer name in the article whose initials it is, both ways."""
    expansions = [c.text for c in candidates if c.label not in ("PERSON", "NORP") and len(c.text.split()) > 1]
    found: dict[str, str] = {}
    for candidate in candidates:
        key = alias_key(candidate.text)
        if not is_acronym(candidate.text) or key in partners:
            continue
        letters = candidate.text.replace(".", "").replace("&", "")
        owners = {name for name in expansions if letters in _initials(_LEGAL_FORM.sub("", name))}
        if len(owners) == 1:
            owner = owners.pop()
            found[key] = owner
            found[alias_key(owner)] = candidate.text
    return found


def _owner(candidate: _NameCandidate, name: str, people: Sequence[str], doc: Doc) -> str:
    """The full name a one-word name is the surname of, unless the words around call it an
    organisation's: the firm named after a person of the article ("Pesch and Co", "shares of
    Dell", "Ford's chief executive") is its own actor."""
    owner = surname_owner(name, people)
    if owner is None:
        return name
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    kinds = context_types(span) if span is not None else []
    return name if "ORG" in kinds and "PERSON" not in kinds else owner


def person_by_surname(name: str, kind: str, surnames: Collection[str]) -> bool:
    """Whether a name of several words is a person's because the article gives its last word
    alone, as a person (one of `surnames`), the way news names a person again: where the
    model's label is one it gives people by mistake ("Samia Suluhu Hassan" as FAC), or where
    the name begins with a given name ("Shigeki Matsumoto of Nikko Securities" as ORG, then
    "Matsumoto said"). A firm named after its founder is named again by its first word
    ("Merrill" for "Merrill Lynch"), or by its last word as a firm ("Lilly" for "Eli Lilly")."""
    words = name.split()
    if len(words) < 2 or words[-1] not in surnames:
        return False
    return kind in _MISTAKEN_PERSON_LABELS or _begins_with_given_name(name)


def _begins_with_given_name(name: str) -> bool:
    """A name of several words that begins with a given name that is no nationality ("German
    Reich") and joins no two names ("Grant and Ambersley", "Tate & Lyle")."""
    words = name.split()
    if len(words) < 2 or not is_given_name(words[0]) or _JOINING_WORDS.intersection(words):
        return False
    return country_of_people(words[0]) is None


def _taken_up_by_pronoun(doc: Doc, named: Sequence[tuple[_NameCandidate, str, str]]) -> set[str]:
    """Names that begin with a given name, which the model did not call a person's, and that
    a personal pronoun takes up where the grammar binds it to the name as the subject of its
    verb: the subject of what the name's verb reports ("Novak Djokovic said he was
    delighted"), the owner of its object ("Kylian Mbappe scored his 20th goal"), or the
    subject of the next sentence, with no other name between ("Kylian Mbappe scored twice.
    He now has 20 goals"). An organisation is "it"; a pronoun elsewhere may take up someone
    else ("Morgan Stanley fired the trader after he lost $2 billion")."""
    found: set[str] = set()
    for k, (candidate, name, kind) in enumerate(named):
        if kind == "PERSON" or name in found or not _begins_with_given_name(name):
            continue
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = span.root.head
        bound = [
            grandchild
            for child in verb.children
            if child.dep_ in ("ccomp", "dobj")
            for grandchild in child.children
            if grandchild.dep_ == ("nsubj" if child.dep_ == "ccomp" else "poss")
        ]
        sentence = sentence_of(doc, span.start)
        if sentence.end < len(doc) and (k + 1 == len(named) or named[k + 1][0].start >= sentence.end_char):
            bound.extend(t for t in sentence_of(doc, sentence.end).root.children if t.dep_ == "nsubj")
        if any(t.lower_ in _PERSONAL_PRONOUNS for t in bound):
            found.add(name)
    return found


def surname_owner(name: str, full_names: Sequence[str]) -> str | None:
    """The one full name among `full_names` whose last word is `name`."""
    owners = {full for full in full_names if full != name and full.split()[-1] == name}
    return owners.pop() if len(owners) == 1 else None


def _parse_repeats(
    doc: Doc, tokens: _Tokens, resolved: Sequence[tuple[_NameCandidate, str, str]], covered: bytearray
) -> list[tuple[_NameCandidate, str, str]]:
    """Further mentions of names already found, where the model missed them.

    A name the model tagged once ("Gallant", "Yoav Gallant", "US") is a mention wherever else
    it stands as capitalised tokens outside the `covered` characters (actor names and
    quantities); a person is also found by surname. Other entities do not hide a name:
    "Apple" stands in the event "Apple Worldwide Developers Conference".
    """
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for candidate, name, kind in resolved:
        span = doc.char_span(candidate.start, candidate.end)
        if span is not None:
            forms.setdefault(tuple(t.text for t in span), (name, kind))
        if kind == "PERSON" and len(name.split()) > 1 and name.split()[-1].rstrip(".").casefold() not in _LEGAL_FORMS:
            forms.setdefault((name.split()[-1],), (name, kind))  # "Inc" is no surname of "Plantronics Inc"
    firsts = {form[0] for form in forms if form}
    text, words, starts, ends = tokens.text, tokens.words, tokens.starts, tokens.ends
    found: list[tuple[_NameCandidate, str, str]] = []
    longest = max((len(form) for form in forms), default=0)
    i = 0
    while i < len(words):
        if words[i] not in firsts or not words[i][:1].isupper() or covered[starts[i]]:
            i += 1
            continue
        for size in range(min(longest, len(words) - i), 0, -1):
            match = forms.get(tuple(words[i : i + size]))
            start, end = starts[i], ends[i + size - 1]
            if match and 1 not in covered[start:end]:
                found.append((_NameCandidate(start, end, text[start:end], match[1]), *match))
                i += size - 1
                break
        i += 1
    return found


def _article_types(
    resolved: Sequence[tuple[_NameCandidate, str, str]], spans: Mapping[_NameCandidate, Span], gazetteer: Gazetteer
) -> dict[str, str]:
    """One type per actor in the article: the reference data's, else `choose_type`'s from the
    contexts of all its mentions (a name and its later short forms are one actor) and the
    labels of its longest mentions, whose words tell the model most: "Robert Maxwell", which
    it calls a person, and not the four "Maxwell" it takes for an organisation. A
    nationality's context says nothing ("Irish stock markets"), nor a surname's.

    A single word the model took for a person, with no context, that begins an organisation's
    name in the article is that organisation's short form ("Douglas" beside "Douglas
    Aircraft", "Benetton" beside "Benetton Group"), as is one it took for a place that no
    gazetteer knows ("Novopharm" beside "Novopharm Ltd of Canada"; "Singapore" beside
    "Singapore Airlines" stays the country); a longer name it took for a person that begins
    with an organisation's one-word name is that organisation's full name ("Lockheed Martin"
    beside "Lockheed")."""
    labels: dict[str, list[str]] = {}
    longest: dict[str, int] = {}
    context: dict[str, list[str]] = {}
    group_uses: dict[str, list[str | None]] = {}
    for candidate, name, kind in resolved:
        size = len(candidate.text.split())
        if size > longest.get(name, 0):
            longest[name], labels[name] = size, []
        if size == longest[name]:
            labels[name].append(kind)
        surname = candidate.text != name and name.split()[-1] == candidate.text
        said = context_types(spans[candidate]) if kind != "NORP" and not surname else []
        context.setdefault(name, []).extend(said)
        if kind == "NORP" and not surname and candidate.text.split()[-1] == name.split()[-1]:  # not "Turks" for "Turk"
            group_uses.setdefault(name, []).append(type_of_group_name(spans[candidate]))
    for name, uses in group_uses.items():
        if all(use == "ORG" for use in uses):
            context[name].append("ORG")
    types = {
        name: known[1] if (known := gazetteer.lookup(name)) else choose_type(name, labels[name], context[name])
        for name in labels
    }
    firsts = {name.split()[0] for name, kind in types.items() if kind == "ORG" and " " in name}
    organisations = {name for name, kind in types.items() if kind == "ORG" and " " not in name}
    return {
        name: "ORG"
        if not context[name]
        and not gazetteer.lookup(name)
        and (
            (kind == "PERSON" and (name in firsts or (" " in name and name.split()[0] in organisations)))
            or (kind in _PLACE_LABELS and name in firsts and place_type(name) is None)
        )
        else kind
        for name, kind in types.items()
    }


def _joined(resolved: Sequence[tuple[_NameCandidate, str, str]], text: str) -> list[tuple[_NameCandidate, str, str]]:
    """Two mentions side by side that spell a name of the article together are one mention of
    it: "Lockheed" and "Martin", which the model cut apart, where it wrote "Lockheed Martin"
    whole elsewhere."""
    joined: list[tuple[_NameCandidate, str, str]] = []
    for candidate, name, kind in resolved:
        if joined:
            first = joined[-1][0]
            whole = text[first.start : candidate.end]
            if candidate.start == first.end + 1 and text[first.end] == " " and alias_key(whole) == alias_key(name):
                joined[-1] = (_NameCandidate(first.start, candidate.end, whole, candidate.label), name, kind)
                continue
        joined.append((candidate, name, kind))
    return joined


def extract_actors(doc: Doc, article_id: str, gazetteer: Gazetteer) -> list[ActorMention]:
    """Every named actor in `doc`, each mention tied to its canonical name."""
    tokens = _tokens(doc)
    places = place_names(doc, gazetteer)
    spans = [
        s for s in _armed_groups(doc, _named_by_creed(_parse_spans(doc)))
        if not any(s.start < p.end and p.start < s.end for p in places)
    ]
    candidates = _as_places(_without_descriptions(_parse_candidates(spans, gazetteer), doc), places, doc)
    acronyms, partners = _parse_acronyms(doc, tokens.text, candidates)
    covered = bytearray(len(tokens.text))
    for start, end in [
        *((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in _QUANTITY_LABELS),
        *((c.start, c.end) for c in [*candidates, *acronyms]),
    ]:
        covered[start:end] = b"\x01" * (end - start)
    candidates = sorted([*candidates, *acronyms, *_parse_known(tokens, gazetteer, covered)], key=lambda c: c.start)
    for c in candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    partners = {**_unspelt_acronyms(candidates, partners), **partners}
    named = [(c, *_canonical(c, gazetteer, partners)) for c in candidates]
    surnames = {name for _, name, kind in named if kind == "PERSON" and len(name.split()) == 1}
    taken_up = _taken_up_by_pronoun(doc, named)
    named = [
        (c, name, "PERSON" if name in taken_up or person_by_surname(name, kind, surnames) else kind)
        for c, name, kind in named
    ]
    people = [name for _, name, kind in named if kind == "PERSON" and len(name.split()) > 1]
    resolved = [
        (candidate, _owner(candidate, name, people, doc) if len(name.split()) == 1 else name, kind)
        for candidate, name, kind in named
    ]
    resolved = sorted([*resolved, *_parse_repeats(doc, tokens, resolved, covered)], key=lambda r: r[0].start)
    spans = {c: doc.char_span(c.start, c.end, alignment_mode="expand") for c, _, _ in resolved}
    # Places are never products ("COLOMBIA 103" in a table, "250 U.S. companies"), but an
    # index the model took for a place is an index ("Tokyo's Nikkei").
    # A lone name the model calls a person, after its maker's possessive, is a product, unless
    # one of its mentions speaks: "Tesla's Cybertruck"; not "BOC's Airco" where "Airco said".
    voiced = {name for candidate, name, _ in resolved if spans[candidate] is not None and speaks(spans[candidate])}
    resolved = [
        (candidate, name, kind) for candidate, name, kind in resolved
        if (span := spans[candidate]) is not None and not is_not_an_actor(span, kind in _PLACE_LABELS)
        and not is_owned_product(span, candidate.label == "PERSON" and " " not in name and name not in voiced)
    ]
    types = {**_article_types(resolved, spans, gazetteer), **{p.name: p.label for p in places}}
    resolved = _joined(resolved, tokens.text)
    return [
        ActorMention(
            article_id=article_id,
            actor_id=actor_id_for(name),
            actor_name=name,
            actor_type=types[name],
            mention_text=candidate.text,
            start_char=candidate.start,
            end_char=candidate.end,
            ner_label=candidate.label,
        )
        for candidate, name, _ in resolved
    ]


def _is_title_word(token: Token) -> bool:
    word = token.text.strip(".").casefold()
    return word in _TITLES or word in _PORTFOLIO_WORDS or word in _ROLE_NOUNS or word in _ROLE_QUALIFIERS


def _parse_title_before(doc: Doc, span: Span) -> list[Token]:
    """Title words at the start of the mention and right before it, forms of address left out.

    "Defense Secretary Lloyd Austin", "Secretary of State Antony Blinken", "Maj Gen Pat Ryder",
    "national security advisor Jake Sullivan"; not "Mr." in "Mr. Biden".
    """
    end = span.start
    while end < span.end - 1 and _is_title_word(doc[end]):
        end += 1
    begin = end
    while begin > 0:
        previous = doc[begin - 1]
        joins = previous.lower_ == "of" and begin > 1 and begin < end and _is_title_word(doc[begin - 2])
        if not (_is_title_word(previous) or joins):
            break
        begin -= 1
    words = [t for t in doc[begin:end] if t.text.strip(".").casefold() not in _HONORIFICS]
    heads = _TITLES.union(_ROLE_NOUNS) - _HONORIFICS
    return words if any(t.text.strip(".").casefold() in heads for t in words) else []


def _parse_appositive(doc: Doc, span: Span) -> list[Token]:
    """A role given in an appositive after the name, without determiners or its owner.

    "Pat Ryder, Pentagon press secretary," -> "Pentagon press secretary"; "Jake Sullivan, the
    president's national security adviser" -> "national security adviser".
    """
    if span.end >= len(doc) - 1 or doc[span.end].text != ",":
        return []
    phrase: list[Token] = []
    for token in doc[span.end + 1 : span.end + 12]:
        if token.text in _APPOSITIVE_END or token.is_sent_start or token.pos_ not in _APPOSITIVE_POS:
            return []
        phrase.append(token)
        owned = token.i + 1 < len(doc) and doc[token.i + 1].text in _POSSESSIVE_TOKENS
        if token.lower_ in _ROLE_NOUNS and not owned:
            break
    else:
        return []
    head = phrase[-1].i + 1
    while head < len(doc) and doc[head].lower_ in _ROLE_NOUNS:
        phrase.append(doc[head])
        head += 1
    owner_end = max((i for i, t in enumerate(phrase) if t.text in _POSSESSIVE_TOKENS), default=-1)
    return [t for t in phrase[owner_end + 1 :] if t.lower_ not in _ARTICLES]


def _parse_title(doc: Doc, span: Span) -> str | None:
    """The title or role of the person named by `span`: before the name, in an appositive, or both.

    "Maj Gen Pat Ryder, Pentagon press secretary" -> "Maj Gen, Pentagon press secretary".
    """
    parts = [" ".join(t.text for t in words) for words in (_parse_title_before(doc, span), _parse_appositive(doc, span))]
    parts = [part for part in parts if part]
    return ", ".join(dict.fromkeys(parts)) or None


def titles_of(doc: Doc, mentions: Iterable[ActorMention]) -> dict[tuple[int, int], str]:
    """The title or role given with each person mention in `doc`, where there is one.

    Keyed by the mention's (start_char, end_char); `doc` is the parse `extract_actors` read.
    "Defense Secretary Lloyd Austin" -> "Defense Secretary"; "Jake Sullivan, the president's
    national security adviser" -> "national security adviser".
    """
    titles: dict[tuple[int, int], str] = {}
    for mention in mentions:
        if mention.actor_type != "PERSON":
            continue
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        title = _parse_title(doc, span) if span is not None else None
        if title:
            titles[(mention.start_char, mention.end_char)] = title
    return titles

