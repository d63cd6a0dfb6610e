"""Precision, recall and F1 from counts, shared by every measurement."""

from __future__ import annotations


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
