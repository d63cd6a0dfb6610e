"""`figure_actors`: the actor a figure counts ("32,000 Palestinians" counts the NORP actor
Palestinians; "810,000 people" and "$3bn" count no actor)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newswire.extract.figures.categories import UNCOUNTED_CATEGORIES
from newswire.records import ActorMention, Figure


def figure_actors(
    figures: Sequence[Figure], actor_mentions: Sequence[ActorMention]
) -> dict[str, str]:
    """figure_id -> actor_id for the figures that count an actor: "32,000 Palestinians" counts
    the NORP actor Palestinians; "810,000 people" and "$3bn" count no actor.

    A figure's counted noun is its unit as written in its mention: the last whole-word,
    case-insensitive occurrence of `unit` in `mention_text` ("Palestinians" in "hundreds of
    thousands of displaced Palestinians"). Money, percentages and durations count no noun, nor
    does a figure whose unit is not written in its mention ("two-front war" counts "fronts").
    The figure links to the actor mention of the same article whose span is, contains or
    overlaps the counted noun; of several, the one sharing the most characters, then the
    earliest. A figure that links to nothing is left out.
    """
    links: dict[str, str] = {}
    for figure in figures:
        span = _parse_counted_chars(figure)
        if span is None:
            continue
        start, end = span
        overlapping = [
            (min(end, m.end_char) - max(start, m.start_char), -m.start_char, m.actor_id)
            for m in actor_mentions
            if m.article_id == figure.article_id and m.start_char < end and start < m.end_char
        ]
        if overlapping:
            links[figure.figure_id] = max(overlapping)[2]
    return links


def _parse_counted_chars(figure: Figure) -> tuple[int, int] | None:
    """Character span of the counted noun in the article, when the mention writes it."""
    if figure.unit is None or figure.category in UNCOUNTED_CATEGORIES:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(figure.unit)}(?!\w)", re.IGNORECASE)
    found = list(pattern.finditer(figure.mention_text))
    if not found:
        return None
    return figure.start_char + found[-1].start(), figure.start_char + found[-1].end()
