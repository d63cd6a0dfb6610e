"""Scoring the figure extractor on sets of sentences annotated with their quantities.

A set is a JSON list of ``{"text": ..., "quantities": [{"value": "75000000", "normalized_unit":
"dollar"}, ...]}``, the format of the evaluation sets of the CQE quantity extractor (Almasian
et al., EMNLP 2023), whose units are the CQE/quantulum3 unit names; a range is written ``a-b``.

- value: a predicted figure matches a gold quantity when its value is the gold value within a
  relative 1e-5, as written or in the unit newswire records it in (a gold ``cent`` is a
  hundredth of ``USD``); a range (qualifier ``range``, or a gold ``a-b``) matches by both its
  ends (`value_low`, `value_high`);
- value+unit: the value matches and the figure's unit is the gold unit, read through `GOLD_UNITS`
  (CQE names -> newswire units: ``dollar`` -> ``USD``, ``kilometre per hour`` -> ``kilometer per
  hour``; ``cent`` is a hundredth of ``USD``, its value scaled). A gold unit the table does not
  know is a counted noun, matched by the figure's unit in singular or plural; ``-`` and
  ``count`` (a bare number) match a figure with no unit or a counted noun;
- value+change: the value matches and so does the gold quantity's ``change``, CQE's attribute
  for a rise, a fall or a bound (``up``/``increase``, ``down``/``decrease``, ``=``, ``~``,
  ``>``, ``<``), against the figure's `change` or else its qualifier. Only gold quantities that
  carry a ``change`` are counted; a set with none prints that it does not annotate changes;
- pairs are one to one within a sentence, for each of the three scores on its own: each gold
  quantity, in order, takes the first free prediction that meets the score's condition.

Each set is scored in two parts, split by sentence: the held-out part is the sentences whose
``sha1(text)`` hex digest ends in 0-4 (about a third), the tuning part the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.evaluation.scores import add_counts, prf
from newswire.extract.figures import extract_figures
from newswire.records import Figure

if TYPE_CHECKING:
    from spacy.language import Language

TOLERANCE = 1e-5
HELD_OUT_DIGITS = frozenset("01234")
PARTS = ("tuning", "held-out")
# CQE unit name -> (newswire unit, factor that turns the gold value into that unit's value).
GOLD_UNITS: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1.0),
    "cent": ("USD", 0.01),
    "euro": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0),
    "penny": ("GBP", 0.01),
    "japanese yen": ("JPY", 1.0),
    "chinese yuan": ("CNY", 1.0),
    "canadian dollar": ("CAD", 1.0),
    "australian dollar": ("AUD", 1.0),
    "new zealand dollar": ("NZD", 1.0),
    "hong kong dollar": ("HKD", 1.0),
    "swiss franc": ("CHF", 1.0),
    "turkish lira": ("TRY", 1.0),
    "rupee": ("INR", 1.0),
    "sri lankan rupee": ("LKR", 1.0),
    "mexican peso": ("MXN", 1.0),
    "finnish markka": ("FIM", 1.0),
    "peseta": ("ESP", 1.0),
    "netherlands guilde": ("NLG", 1.0),
    "mark": ("DEM", 1.0),
    "costa rican colón": ("CRC", 1.0),
    "georgian lari": ("GEL", 1.0),
    "lao kip": ("LAK", 1.0),
    "sen": ("MYR", 0.01),
    "dollar per share": ("USD per share", 1.0),
    "cent per share": ("USD per share", 0.01),
    "penny per share": ("GBP per share", 0.01),
    "canadian dollar per share": ("CAD per share", 1.0),
    "swiss franc per share": ("CHF per share", 1.0),
    "cent per dozen": ("USD per dozen", 0.01),
    "percentage": ("percent", 1.0),
    "% interest": ("percent", 1.0),
    "percentage per year": ("percent per year", 1.0),
    "year of age": ("year", 1.0),
    "month of age": ("month", 1.0),
    "week of age": ("week", 1.0),
    "day of age": ("day", 1.0),
    "pound-mass": ("pound", 1.0),
    "celsius": ("degree Celsius", 1.0),
    "fahrenheit": ("degree Fahrenheit", 1.0),
    "kelvin": ("kelvin", 1.0),
}
# CQE's change attribute -> the figure's change, or its qualifier where it has no change.
GOLD_CHANGES = {
    "up": "up", "increase": "up", "down": "down", "decrease": "down",
    "=": "exact", "~": "approximate", ">": "at_least", "<": "at_most",
}
# Spellings of the CQE names that differ from pint's: the rest of a name is kept as written.
_SPELLINGS = (("metre", "meter"), ("litre", "liter"))
_BARE = frozenset({"-", "count"})
_RANGE = re.compile(r"^(-?[\d.]+(?:e[-+]?\d+)?)-(-?[\d.]+(?:e[-+]?\d+)?)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A gold quantity: its ends (equal unless a range) and its CQE unit name."""

    low: float
    high: float
    unit: str
    change: str | None = None  # in newswire's terms: up, down, or a qualifier


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    quantities: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class QuantityScores:
    """Counts behind the scores of one part of a set; the scores are derived from them."""

    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    value: int = 0
    value_unit: int = 0
    value_change: int = 0
    gold_change: int = 0  # gold quantities that carry a change

    def __add__(self, other: QuantityScores) -> QuantityScores:
        return add_counts(self, other)

    def lines(self) -> list[str]:
        """A short human-readable report, one line per score."""
        rows = [f"{self.sentences} sentences, {self.gold} gold quantities, {self.predicted} predicted figures"]
        for name, matched, gold in (("value", self.value, self.gold), ("value+unit", self.value_unit, self.gold),
                                    ("value+change", self.value_change, self.gold_change)):
            if not gold:
                rows.append(f"{name:<13} not annotated: no gold quantity here carries a change")
                continue
            p, r, f = prf(matched, self.predicted, gold)
            rows.append(f"{name:<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({matched} matched)")
        return rows


def parse_quantity(entry: dict[str, str]) -> Quantity:
    """A gold quantity from its JSON entry: ``"75000000"`` or a range ``"15-22"``."""
    text = entry["value"].replace(",", "").strip()
    ranged = _RANGE.match(text)
    low, high = (float(ranged.group(1)), float(ranged.group(2))) if ranged else (float(text), float(text))
    change = entry.get("change")
    if change is not None and change.strip().lower() not in GOLD_CHANGES:
        raise ValueError(f"unknown change {change!r}: expected one of {', '.join(GOLD_CHANGES)}")
    return Quantity(low, high, entry["normalized_unit"].strip().lower(),
                    None if change is None else GOLD_CHANGES[change.strip().lower()])


def read_set(path: Path) -> list[Sentence]:
    """The sentences of a set file, with their gold quantities."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [Sentence(e["text"], tuple(parse_quantity(q) for q in e["quantities"])) for e in entries]


def part_of(sentence: Sentence) -> str:
    """ "held-out" for the sentences whose sha1 hex digest ends in 0-4, else "tuning"."""
    digest = hashlib.sha1(sentence.text.encode("utf-8")).hexdigest()
    return PARTS[1] if digest[-1] in HELD_OUT_DIGITS else PARTS[0]


def close(a: float, b: float) -> bool:
    """Equal within a relative `TOLERANCE`."""
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def gold_unit(name: str) -> tuple[str, float] | None:
    """The newswire unit of a CQE unit name and the factor of its value; None for a bare
    number or a counted noun."""
    if name in GOLD_UNITS:
        return GOLD_UNITS[name]
    if name in _BARE:
        return None
    for cqe, pint_spelling in _SPELLINGS:
        name = name.replace(cqe, pint_spelling)
    return name, 1.0


def _ends(figure: Figure) -> tuple[float, float] | None:
    if figure.qualifier == "range" and figure.value_low is not None and figure.value_high is not None:
        return figure.value_low, figure.value_high
    return None if figure.value is None else (figure.value, figure.value)


def value_matches(quantity: Quantity, figure: Figure, factor: float = 1.0) -> bool:
    """Whether the figure's value (or range ends) is the gold one, scaled by `factor`."""
    ends = _ends(figure)
    return ends is not None and close(ends[0], quantity.low * factor) and close(ends[1], quantity.high * factor)


def value_in_unit_matches(quantity: Quantity, figure: Figure) -> bool:
    """Whether the figure's value is the gold one, as written or in the unit newswire records
    ("48 cents" is 0.48 USD)."""
    mapped = gold_unit(quantity.unit)
    return value_matches(quantity, figure) or (mapped is not None and value_matches(quantity, figure, mapped[1]))


def unit_matches(quantity: Quantity, figure: Figure, known_units: frozenset[str]) -> bool:
    """Whether the figure's value and unit are the gold ones (see the module docstring)."""
    mapped = gold_unit(quantity.unit)
    if mapped is None:
        return value_matches(quantity, figure) and (figure.unit or "").lower() not in known_units
    unit, factor = mapped
    if quantity.unit in GOLD_UNITS:
        return figure.unit == unit and value_matches(quantity, figure, factor)
    written = (figure.unit or "").lower()
    plurals = (f"{unit}s", f"{unit}es", f"{unit[:-1]}ies")
    return value_matches(quantity, figure) and (written == unit or written.endswith(plurals))


def _pairs(golds: Sequence[Quantity], predicted: Sequence[Figure], matches: Callable[[Quantity, Figure], bool]) -> int:
    """How many gold quantities take a prediction, one to one, each the first free one that matches."""
    free = list(predicted)
    matched = 0
    for quantity in golds:
        found = next((f for f in free if matches(quantity, f)), None)
        if found is not None:
            free.remove(found)
            matched += 1
    return matched


def score_sentence(sentence: Sentence, figures: Sequence[Figure], known_units: frozenset[str]) -> QuantityScores:
    """The counts of one sentence (see the module docstring for the definitions)."""
    golds = sentence.quantities
    return QuantityScores(
        1, len(golds), len(figures),
        _pairs(golds, figures, value_in_unit_matches),
        _pairs(golds, figures, lambda q, f: unit_matches(q, f, known_units)),
        _pairs([q for q in golds if q.change], figures,
               lambda q, f: value_in_unit_matches(q, f) and (f.change or f.qualifier) == q.change),
        sum(q.change is not None for q in golds),
    )


def known_units_of(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The newswire units the gold names of a set map to, beside those of `GOLD_UNITS`: a
    figure's unit in this set is a counted noun unless it is one of them."""
    mapped = {gold_unit(q.unit) for s in sentences for q in s.quantities if q.unit not in _BARE}
    return frozenset({u for u, _ in GOLD_UNITS.values()} | {m[0] for m in mapped if m is not None})


def score_set(path: Path, nlp: Language) -> dict[str, QuantityScores]:
    """The scores of `extract_figures` on a set file, by part (`PARTS`).

    `nlp` is a loaded spaCy pipeline (for example `newswire.extract.nlp.load_model()`). Print a
    part with ``"\\n".join(scores[part].lines())``.
    """
    sentences = read_set(path)
    known = known_units_of(sentences)
    totals = dict.fromkeys(PARTS, QuantityScores())
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
        figures = extract_figures(doc, "quantities")
        totals[part_of(sentence)] += score_sentence(sentence, figures, known)
    return totals
