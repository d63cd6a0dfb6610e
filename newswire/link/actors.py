"""One actor across articles: a surname or an acronym used alone joins the full name it has elsewhere.

`surname_links` joins a bare surname to the one full name, in any article or among the people
already known, that ends with it; `acronym_links` joins an acronym used alone to the one name it
was defined for in another article; `link_across` applies both to a run's extractions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newswire.extract.actors import actor_id_for, is_acronym, surname_owner
from newswire.extract.events import ROLES
from newswire.records import ActorMention, EventActor, Extraction
from newswire.reference import alias_key


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
            owner = surname_owner(mention.actor_name, full_names)
            if owner:
                links[mention.actor_name] = owner
    return links


def acronym_links(mentions: Sequence[ActorMention]) -> dict[str, str]:
    """Acronyms defined in one article ("the Federal Bureau of Investigation (FBI)") used alone in others.

    A mention whose text is an acronym but whose actor has another name says what the acronym
    stands for; an actor named by that acronym alone joins it, when it stands for one name only.
    Returns old actor name -> the name it joins.
    """
    meanings: dict[str, set[str]] = {}
    for mention in mentions:
        if is_acronym(mention.mention_text) and alias_key(mention.mention_text) != alias_key(mention.actor_name):
            meanings.setdefault(alias_key(mention.mention_text), set()).add(mention.actor_name)
    links: dict[str, str] = {}
    for mention in mentions:
        names = meanings.get(alias_key(mention.actor_name), set())
        if len(names) == 1:
            links[mention.actor_name] = next(iter(names))
    return links


def link_across(extractions: Sequence[Extraction], known_people: Iterable[str] = ()) -> list[Extraction]:
    """Join a surname or an acronym used alone to the full name it has in other articles."""
    mentions = [m for x in extractions for m in x.actor_mentions]
    links = {**surname_links(mentions, known_people), **acronym_links(mentions)}
    if not links:
        return list(extractions)
    # Keyed by actor id: names that differ only in case ("DLRS", "Dlrs") are one actor.
    full_names = {actor_id_for(short): full for short, full in links.items()}
    ids = {actor_id: actor_id_for(full) for actor_id, full in full_names.items()}
    linked = []
    for x in extractions:
        relinked = tuple(
            replace(m, actor_name=full_names[m.actor_id], actor_id=ids[m.actor_id]) if m.actor_id in ids else m
            for m in x.actor_mentions
        )
        events = tuple(replace(e, actors=_relinked(e.actors, ids)) for e in x.events)
        figures = tuple(replace(f, actor_id=ids.get(f.actor_id, f.actor_id)) for f in x.figures)
        linked.append(replace(x, actor_mentions=relinked, figures=figures, events=events))
    return linked


def _relinked(actors: Sequence[EventActor], ids: dict[str, str]) -> tuple[EventActor, ...]:
    best: dict[str, EventActor] = {}
    for actor in actors:
        actor = replace(actor, actor_id=ids.get(actor.actor_id, actor.actor_id))
        kept = best.get(actor.actor_id)
        if kept is None or ROLES.index(actor.role) < ROLES.index(kept.role):
            best[actor.actor_id] = actor
    return tuple(sorted(best.values(), key=lambda a: a.actor_id))
