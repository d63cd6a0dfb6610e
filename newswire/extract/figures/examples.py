"""The worked examples of the figure rules: a sentence, and the figure a rule reads from it.

Each rule of the extractor carries its examples beside it, in an `@examples(...)` line above
the function that applies it; `RULE_EXAMPLES` collects them, and the tests run every one
through `extract_figures`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

_Rule = TypeVar("_Rule", bound=Callable[..., object])


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence and the figure it reports: its mention text and fields; `bounds`, when given,
    are its value_low and value_high; `change` is its direction, None for a level."""

    text: str
    mention: str
    value: float
    qualifier: str
    unit: str | None
    category: str
    bounds: tuple[float, float] | None = None
    change: str | None = None


@dataclass(frozen=True, slots=True)
class NoFigure:
    """A sentence in which the extractor finds no figure."""

    text: str


RULE_EXAMPLES: list[tuple[str, Example | NoFigure]] = []
"""(rule, example) for every example of every rule: the rule is `module.function`."""


def examples(*cases: Example | NoFigure) -> Callable[[_Rule], _Rule]:
    """Record `cases` as the examples of the rule defined below; the rule itself is unchanged."""

    def record(rule: _Rule) -> _Rule:
        name = f"{rule.__module__.rsplit('.', 1)[-1]}.{rule.__name__}"
        RULE_EXAMPLES.extend((name, case) for case in cases)
        return rule

    return record
