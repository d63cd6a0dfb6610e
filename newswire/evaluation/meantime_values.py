"""Scoring the figure extractor on MEANTIME VALUE markables (MONEY, PERCENT, QUANTITY).

- gold: the VALUE markables of the annotated sentences (`newswire.evaluation.meantime`);
- predicted: figures starting in the annotated sentences, except durations (MEANTIME marks a
  duration as a TIMEX3, not as a VALUE);
- overlap span: the spans share a character; pairs are one to one, each gold value taking the
  free prediction with the same offsets, else the one that overlaps it most;
- strict span: an overlap pair with identical offsets. MEANTIME leaves the counted noun out of
  a VALUE ("3,800" in "3,800 attendees") where a figure keeps it, so strict scores stay low;
- per-type recall: overlap-matched gold values of each type over the gold values of that type.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.evaluation.meantime import ANNOTATED_SENTENCES, MeantimeDocument, read_corpus
from newswire.evaluation.scores import add_counts, overlap, prf, ratio
from newswire.extract.figures import extract_figures
from newswire.records import Figure

if TYPE_CHECKING:
    from spacy.language import Language

VALUE_TYPES = ("MONEY", "PERCENT", "QUANTITY")
UNSCORED_CATEGORIES = ("duration",)


@dataclass(frozen=True, slots=True)
class ValueScores:
    """Counts behind the VALUE scores; the scores are derived from them.

    `gold_by_type` and `found_by_type` count gold values and overlap-matched gold values per
    type, in the order of `VALUE_TYPES`.
    """

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    overlap: int = 0
    gold_by_type: tuple[int, ...] = (0,) * len(VALUE_TYPES)
    found_by_type: tuple[int, ...] = (0,) * len(VALUE_TYPES)

    def __add__(self, other: ValueScores) -> ValueScores:
        return add_counts(self, other)

    def prf(self, matched: int) -> tuple[float, float, float]:
        """Precision over the scored figures, recall over the gold values, and their F1."""
        return prf(matched, self.predicted, self.gold)

    def recall_by_type(self) -> dict[str, float]:
        """Overlap recall of each VALUE type."""
        return {
            kind: ratio(found, gold)
            for kind, gold, found in zip(VALUE_TYPES, self.gold_by_type, self.found_by_type)
        }

    def lines(self) -> list[str]:
        """A short human-readable report, one line per score."""
        rows = [
            f"{self.documents} documents, {self.gold} gold values, "
            f"{self.predicted} predicted figures (durations left out)"
        ]
        for name, matched in (("overlap span", self.overlap), ("strict span", self.strict)):
            p, r, f = self.prf(matched)
            rows.append(f"{name:<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({matched} matched)")
        rows.append(
            "recall by type  "
            + "  ".join(
                f"{kind} {found}/{gold}"
                for kind, gold, found in zip(VALUE_TYPES, self.gold_by_type, self.found_by_type)
            )
        )
        return rows


def scored_figures(document: MeantimeDocument, figures: Iterable[Figure]) -> list[Figure]:
    """The figures that count: in the annotated sentences and not durations."""
    limit = document.annotated_end()
    return [f for f in figures if f.start_char < limit and f.category not in UNSCORED_CATEGORIES]


def score_document(document: MeantimeDocument, figures: Sequence[Figure]) -> ValueScores:
    """VALUE counts for one document (see the module docstring for the definitions)."""
    gold = [v for v in document.values if v.value_type in VALUE_TYPES and v.sentence < ANNOTATED_SENTENCES]
    free = scored_figures(document, figures)
    predicted = len(free)
    strict = matched = 0
    found = [0] * len(VALUE_TYPES)
    for value in gold:
        overlapping = [f for f in free if overlap(value, f) > 0]
        if not overlapping:
            continue
        best = max(
            overlapping,
            key=lambda f: (
                (f.start_char, f.end_char) == (value.start_char, value.end_char),
                overlap(value, f),
            ),
        )
        free.remove(best)
        matched += 1
        strict += (best.start_char, best.end_char) == (value.start_char, value.end_char)
        found[VALUE_TYPES.index(value.value_type)] += 1
    by_type = tuple(sum(v.value_type == kind for v in gold) for kind in VALUE_TYPES)
    return ValueScores(1, len(gold), predicted, strict, matched, by_type, tuple(found))


def predict(documents: Iterable[MeantimeDocument], nlp: Language) -> list[list[Figure]]:
    """The figure extractor's figures for each document (the whole text is parsed)."""
    documents = list(documents)
    docs = nlp.pipe(d.text for d in documents)
    return [extract_figures(doc, d.doc_id) for d, doc in zip(documents, docs)]


def score_values(folder: Path, nlp: Language) -> ValueScores:
    """VALUE scores of `extract_figures` on every CAT ``.xml`` file under folder.

    `nlp` is a loaded spaCy pipeline (for example `newswire.extract.nlp.load_model()`). Print the result
    with ``"\\n".join(scores.lines())``.
    """
    documents = read_corpus(folder)
    total = ValueScores()
    for document, figures in zip(documents, predict(documents, nlp)):
        total += score_document(document, figures)
    return total
