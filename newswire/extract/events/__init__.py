"""Events: a trigger verb or event noun typed with PLOVER, dated, with its actors in roles.

Triggers come from the parse: a verb or noun whose lemma is in the trigger lexicon
(`plover_triggers.json`), or a verb with the word that completes it ("opened fire"), in the
sense it stands in ("struck a building", not "struck a deal"): `triggers`. Roles come from the
path between an actor's mention and the trigger in the dependency tree, and name the side an
armed agent belongs to ("Israeli jets"), and the places inside the phrase of place of an
attack: `roles`. Each trigger is one mention with its date, and an outcome ("killing two
people") hangs from the violence that caused it: `mentions`. Mentions of one event in an
article are joined into one article event that shares its date, violence in another place
being another event, and violence is also in the places that hold its places: `articles`.
Figures belong to events and give each its dead and injured: `casualties`. The people hit are
no actors unless named: their figures, and the single victims a killing names, count for the
event.
"""

from newswire.extract.events.articles import extract_events
from newswire.extract.events.casualties import figure_events, with_casualties
from newswire.extract.events.mentions import DATE_SOURCES
from newswire.extract.events.roles import IDENTIFYING_ROLES, ROLES
from newswire.extract.events.triggers import CONFLICT_TYPES, EVENT_MODES, EVENT_TYPES

__all__ = [
    "CONFLICT_TYPES",
    "DATE_SOURCES",
    "EVENT_MODES",
    "EVENT_TYPES",
    "IDENTIFYING_ROLES",
    "ROLES",
    "extract_events",
    "figure_events",
    "with_casualties",
]
