"""One actor across articles: a surname or an acronym used alone joins the full name it has elsewhere."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newswire.extract.actors import acronym_links, actor_id_for, surname_links
from newswire.extract.events import ROLES
from newswire.records import EventActor, Extraction


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
