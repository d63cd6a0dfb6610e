"""Actors: people, organisations and places named in an article, one name per actor.

Within an article a later surname joins the full name ("Austin" -> "Lloyd Austin"), known
aliases join their canonical name ("U.S." -> "United States"), and titles, determiners and
possessives are not part of a name. Across articles, `surname_links` joins a bare surname to
the one full name that ends with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from flows.records import ACTOR_TYPES, ActorMention, stable_id
from flows.reference import Gazetteer, alias_key

_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = re.compile(r"(['’]s?|['’])$")
# Words that make up a government portfolio: on their own ("Defense" in "Defense Secretary
# Lloyd Austin") they are part of a job title, not an organisation.
_PORTFOLIO_WORDS = {
    "agriculture", "commerce", "culture", "defence", "defense", "economy", "education", "energy",
    "environment", "finance", "foreign", "health", "home", "homeland", "interior", "justice",
    "labor", "labour", "national", "security", "state", "trade", "transport", "transportation",
    "treasury", "war",
}
# Titles and ranks written before a person's name.
_TITLES = {
    "adm", "admiral", "ambassador", "brig", "capt", "captain", "chancellor", "chief", "col",
    "colonel", "commander", "defence", "defense", "deputy", "dr", "emir", "foreign", "gen",
    "general", "gov", "governor", "judge", "justice", "king", "lt", "maj", "major", "mayor", "minister",
    "mr", "mrs", "ms", "president", "prime", "prince", "princess", "prof", "queen", "rabbi", "rep",
    "secretary", "sen", "senator", "sgt", "sheikh", "sir", "speaker", "vice",
}
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    label: str


def actor_id_for(name: str) -> str:
    """The key of an actor: its canonical name, case folded."""
    return stable_id("actor", alias_key(name))


def _trim(text: str, start: int) -> tuple[str, int]:
    """Without a leading determiner or a trailing possessive; the new start."""
    words = text.split(" ")
    while len(words) > 1 and words[0].casefold() in _DETERMINERS:
        start += len(words[0]) + 1
        words = words[1:]
    text = " ".join(words)
    match = _POSSESSIVE.search(text)
    if match and len(text) > len(match.group()) + 1 and not text.isupper():
        text = text[: match.start()]
    return text, start


def _words(text: str) -> list[str]:
    return [w.strip(".").casefold() for w in text.split()]


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].strip(".").casefold() in _TITLES:
        words = words[1:]
    return " ".join(words)


def _depluralise(name: str) -> str:
    """`Palestinians` -> `Palestinian`: a group named by its plural is the same group."""
    if name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        return name[:-1]
    return name


def _parse_candidates(ents: Iterable[Span], gazetteer: Gazetteer) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for ent in ents:
        if ent.label_ not in ACTOR_TYPES or not ent.text.strip():
            continue
        text, start = _trim(ent.text, ent.start_char)
        words = _words(text)
        if not _LETTER.search(text) or len(text) < 2:
            continue
        if ent.label_ == "PERSON" and len(words) > 1:
            # "Sullivan Israel" in "showed Sullivan Israel's plan": a name ending in a country.
            tail = text.split()[-1]
            known = gazetteer.lookup(tail)
            if known and known[1] == "GPE" and gazetteer.lookup(text) is None:
                tail_start = start + len(text) - len(tail)
                candidates.append(_Candidate(start, tail_start - 1, text[: -len(tail) - 1], "PERSON"))
                candidates.append(_Candidate(tail_start, tail_start + len(tail), tail, "GPE"))
                continue
        if ent.label_ == "ORG" and gazetteer.lookup(text) is None:
            first = text.split()[0]
            known = gazetteer.lookup(first)
            if known and known[1] == "GPE" and all(w in _PORTFOLIO_WORDS for w in words[1:]):
                # "US National Security" in "US National Security Adviser": only the country.
                candidates.append(_Candidate(start, start + len(first), first, "GPE"))
                continue
            if all(w in _PORTFOLIO_WORDS for w in words):
                continue
        candidates.append(_Candidate(start, start + len(text), text, ent.label_))
    return candidates


def _canonical(candidate: _Candidate, gazetteer: Gazetteer) -> tuple[str, str]:
    known = gazetteer.lookup(candidate.text)
    if known:
        return known
    if candidate.label == "PERSON":
        return _strip_titles(candidate.text), "PERSON"
    if candidate.label == "NORP":
        return _depluralise(candidate.text), "NORP"
    return candidate.text, candidate.label


def _surname_owner(name: str, full_names: Sequence[str]) -> str | None:
    """The one full name among `full_names` whose last word is `name`."""
    owners = {full for full in full_names if full != name and full.split()[-1] == name}
    return owners.pop() if len(owners) == 1 else None


def _parse_repeats(doc: Doc, resolved: Sequence[tuple[_Candidate, str, str]]) -> list[tuple[_Candidate, str, str]]:
    """Further mentions of names already found, where the model missed them.

    A name the model tagged once ("Gallant", "Yoav Gallant", "US") is a mention wherever else
    it stands as capitalised tokens outside any entity; a person is also found by surname.
    """
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for candidate, name, kind in resolved:
        span = doc.char_span(candidate.start, candidate.end)
        if span is not None:
            forms.setdefault(tuple(t.text for t in span), (name, kind))
        if kind == "PERSON" and len(name.split()) > 1:
            forms.setdefault((name.split()[-1],), (name, kind))
    covered = set()
    for candidate, _, _ in resolved:
        covered.update(range(candidate.start, candidate.end))
    for ent in doc.ents:
        covered.update(range(ent.start_char, ent.end_char))
    found: list[tuple[_Candidate, str, str]] = []
    longest = max((len(form) for form in forms), default=0)
    i = 0
    while i < len(doc):
        for size in range(min(longest, len(doc) - i), 0, -1):
            span = doc[i : i + size]
            match = forms.get(tuple(t.text for t in span))
            if match and span[0].text[:1].isupper() and not covered & set(range(span.start_char, span.end_char)):
                found.append((_Candidate(span.start_char, span.end_char, span.text, match[1]), *match))
                i += size - 1
                break
        i += 1
    return found


def extract_actors(doc: Doc, article_id: str, gazetteer: Gazetteer) -> list[ActorMention]:
    """Every named actor in `doc`, each mention tied to its canonical name."""
    candidates = _parse_candidates(doc.ents, gazetteer)
    named = [(c, *_canonical(c, gazetteer)) for c in candidates]
    people = [name for _, name, kind in named if kind == "PERSON" and len(name.split()) > 1]
    resolved = [
        (candidate, (_surname_owner(name, people) or name) if len(name.split()) == 1 else name, kind)
        for candidate, name, kind in named
    ]
    resolved = sorted([*resolved, *_parse_repeats(doc, resolved)], key=lambda r: r[0].start)
    # One type per actor in the article: the type most of its mentions were given.
    votes: dict[str, Counter[str]] = {}
    for _, name, kind in resolved:
        votes.setdefault(name, Counter())[kind] += 1
    return [
        ActorMention(
            article_id=article_id,
            actor_id=actor_id_for(name),
            actor_name=name,
            actor_type=_vote(votes[name]),
            mention_text=candidate.text,
            start_char=candidate.start,
            end_char=candidate.end,
            ner_label=candidate.label,
        )
        for candidate, name, _ in resolved
    ]


def _vote(counts: Counter[str]) -> str:
    """The most common type; ties go to the order of ACTOR_TYPES."""
    return max(counts, key=lambda kind: (counts[kind], -ACTOR_TYPES.index(kind)))


def surname_links(mentions: Sequence[ActorMention], known_people: Iterable[str] = ()) -> dict[str, str]:
    """One-word person names that belong to the one full name, seen anywhere, ending with them.

    Returns old actor name -> full name, for the names that link.
    """
    full_names = sorted(
        {m.actor_name for m in mentions if m.actor_type == "PERSON" and len(m.actor_name.split()) > 1}
        | {name for name in known_people if len(name.split()) > 1}
    )
    links: dict[str, str] = {}
    for mention in mentions:
        if mention.actor_type == "PERSON" and len(mention.actor_name.split()) == 1:
            owner = _surname_owner(mention.actor_name, full_names)
            if owner:
                links[mention.actor_name] = owner
    return links
