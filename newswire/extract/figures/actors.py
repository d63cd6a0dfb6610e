"""`figure_actors`: the actor a figure counts ("32,000 Palestinians" counts the NORP actor
Palestinians; "810,000 people" and "$3bn" count no actor), and the person whose age it gives
("Maria Lopez, 37")."""

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
    earliest. An age links to the person it is written against (`_age_of`). A figure that
    links to nothing is left out.
    """
    links: dict[str, str] = {}
    for figure in figures:
        if figure.category == "age":
            person = _age_of(figure, actor_mentions)
            if person is not None:
                links[figure.figure_id] = person
            continue
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


# Characters between a person's name and the age written after it: ", " ("Maria Lopez, 37",
# "Lopez (37)"), ", a " or " is " ("Lopez, a 37-year-old", "Lopez is 37 years old"); before a
# bare number, " aged " and ", aged " ("Lopez, aged 37").
_GAPS_BEFORE_AGE = frozenset({2, 4})
_GAPS_BEFORE_AGED = frozenset({6, 7})


def _age_of(figure: Figure, actor_mentions: Sequence[ActorMention]) -> str | None:
    """The person an age is written against: a PERSON mention just before it ("Maria Lopez, 37",
    "Steve Jobs, aged 55", "Lopez, a 37-year-old"), else one just after it ("the 37-year-old
    Maria Lopez"). A person noun that names nobody ("a 12-year-old girl") and the age of a thing
    ("a 45-year-old law") link to no actor."""
    gaps = _GAPS_BEFORE_AGE | (_GAPS_BEFORE_AGED if figure.mention_text.isdigit() else frozenset())
    people = [m for m in actor_mentions if m.article_id == figure.article_id and m.ner_label == "PERSON"]
    before = [m for m in people if figure.start_char - m.end_char in gaps]
    if before:
        return max(before, key=lambda m: m.end_char).actor_id
    after = [m for m in people if m.start_char == figure.end_char + 1]
    return after[0].actor_id if after else None
