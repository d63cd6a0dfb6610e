"""Precision, recall and F1 from counts, and how much two spans overlap, shared by every measurement."""

from __future__ import annotations

from dataclasses import fields
from typing import Protocol, TypeVar

Counts = TypeVar("Counts")


class Span(Protocol):
    start_char: int
    end_char: int


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share; zero or less when they do not meet."""
    return min(a.end_char, b.end_char) - max(a.start_char, b.start_char)


def ratio(part: int | float, whole: int | float) -> float:
    """part / whole, and 0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision over the predictions, recall over the gold items, and their F1."""
    precision, recall = ratio(matched, predicted), ratio(matched, gold)
    return precision, recall, f1(precision, recall)


def add_counts(a: Counts, b: Counts) -> Counts:
    """Two count records summed field by field (tuples of counts element by element)."""

    def plus(x: int | tuple[int, ...], y: int | tuple[int, ...]) -> int | tuple[int, ...]:
        return tuple(p + q for p, q in zip(x, y, strict=True)) if isinstance(x, tuple) else x + y

    return type(a)(*(plus(getattr(a, f.name), getattr(b, f.name)) for f in fields(a)))
