"""TempEval-3 scoring of the date extractor on TimeML (`.tml`) corpora such as TimeBank and AQUAINT.

Each document's ``<DCT>`` TIMEX3 is its publication date; the TIMEX3 elements inside ``<TEXT>`` are
the gold expressions. The plain text of ``<TEXT>`` is rebuilt with the character offsets of every
gold TIMEX3, parsed with the spaCy model and passed to `extract_dates` with the DCT as
``published_at``. The scores follow the TempEval-3 definitions:

- strict span: predicted and gold offsets are identical;
- relaxed span: predicted and gold spans overlap (one-to-one);
- value: a relaxed match whose TimeML value is the gold value; precision over all predictions,
  recall over all gold expressions;
- value, notation-normalised: the same with both values written one way first (`notation`), so
  that two spellings of one value (``1968-XX`` and ``1968``, ``2000-W7`` and ``2000-W07``)
  count as equal;
- type accuracy: share of relaxed matches whose type (DATE, TIME, DURATION, SET) is the gold type.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.evaluation.scores import add_counts, overlap, prf, ratio
from newswire.extract.dates import extract_dates
from newswire.records import DateMention

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class TmlTimex:
    """A gold temporal expression: offsets into `TmlDocument.text`, end exclusive."""

    tid: str
    start_char: int
    end_char: int
    text: str
    timex_type: str
    value: str


@dataclass(frozen=True, slots=True)
class TmlDocument:
    doc_id: str
    published_at: date | None
    text: str
    timexes: tuple[TmlTimex, ...]


@dataclass(frozen=True, slots=True)
class TimemlScores:
    """Counts behind the TempEval-3 timex scores; the scores are derived from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    typed: int = 0
    notation: int = 0  # relaxed matches whose values are equal once `notation` has rewritten them

    def __add__(self, other: TimemlScores) -> TimemlScores:
        return add_counts(self, other)

    def prf(self, matched: int) -> tuple[float, float, float]:
        """Precision over the predictions, recall over the gold expressions, and their F1."""
        return prf(matched, self.predicted, self.gold)

    @property
    def strict_f1(self) -> float:
        return self.prf(self.strict)[2]

    @property
    def relaxed_f1(self) -> float:
        return self.prf(self.relaxed)[2]

    @property
    def value_f1(self) -> float:
        return self.prf(self.value)[2]

    @property
    def notation_f1(self) -> float:
        return self.prf(self.notation)[2]

    @property
    def type_accuracy(self) -> float:
        return ratio(self.typed, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return ratio(self.value, self.relaxed)

    def lines(self) -> list[str]:
        """A short human-readable report, one line per score."""
        rows = [f"documents: {self.documents}, gold timexes: {self.gold}, predicted: {self.predicted}"]
        scored = (
            ("strict span", self.strict),
            ("relaxed span", self.relaxed),
            ("value", self.value),
            ("value notation", self.notation),
        )
        for name, matched in scored:
            p, r, f = self.prf(matched)
            rows.append(f"{name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({matched} matched)")
        rows.append(f"{'type':<14} accuracy {self.type_accuracy:.3f} on relaxed matches")
        rows.append(f"{'value':<14} accuracy {self.value_accuracy:.3f} on relaxed matches")
        return rows


_UNSPECIFIED_GROUPS = re.compile(r"(?:-X+)+$")
_UNSPECIFIED_DIGITS = re.compile(r"^(\d{3})X$|^(\d{2})XX$")
_ONE_DIGIT_WEEK = re.compile(r"-W(\d)(?!\d)")
_HOUR_ONLY = re.compile(r"T(\d{2})$")
_ZERO_SECONDS = re.compile(r"(T\d{2}:\d{2}):00$")
_LONG_UNIT = re.compile(r"^P(\d+)(DE|CE|ML)$")
_YEARS_IN = {"DE": 10, "CE": 100, "ML": 1000}


def notation(value: str | None) -> str | None:
    """A TimeML value written one way, for comparing values that differ only in notation:

    - trailing groups that leave every digit unspecified go: ``1968-XX`` and ``1968-XX-XX`` are
      ``1968``; a group that names a unit stays (``1989-WXX``, ``1988-QX``);
    - a decade or century with its missing digits written as X is the TimeML decade or century:
      ``198X`` is ``198``, ``19XX`` is ``19``;
    - a week number has two digits: ``2000-W7`` is ``2000-W07``;
    - a time of day has hours and minutes: ``T17`` is ``T17:00``, ``T17:00:00`` is ``T17:00``;
    - a duration counted in decades, centuries or millennia is counted in years: ``P1DE`` is
      ``P10Y``, ``P2CE`` is ``P200Y``.

    A part of day stays what it is (``1999-10-07TMO`` is not ``1999-10-07``), and so does
    everything else: the granularity a value is written at is part of what it says.
    """
    if value is None:
        return None
    v = value.strip().upper()
    v = _UNSPECIFIED_GROUPS.sub("", v) or v
    v = _UNSPECIFIED_DIGITS.sub(lambda m: m.group(1) or m.group(2), v)
    v = _ONE_DIGIT_WEEK.sub(r"-W0\1", v)
    v = _HOUR_ONLY.sub(r"T\1:00", v)
    v = _ZERO_SECONDS.sub(r"\1", v)
    long_unit = _LONG_UNIT.match(v)
    if long_unit:
        v = f"P{int(long_unit.group(1)) * _YEARS_IN[long_unit.group(2)]}Y"
    return v


def _parse_dct(root: ET.Element) -> date | None:
    timex = root.find("DCT/TIMEX3")
    value = (timex.get("value") or "") if timex is not None else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _parse_text(element: ET.Element) -> tuple[str, list[TmlTimex]]:
    """The element's text without markup, and every TIMEX3 inside it with its offsets."""
    parts: list[str] = []
    timexes: list[TmlTimex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node is not element:
            timexes.append(
                TmlTimex(
                    tid=node.get("tid", ""),
                    start_char=start,
                    end_char=length,
                    text="".join(parts)[start:length],
                    timex_type=node.get("type", ""),
                    value=node.get("value", ""),
                )
            )

    walk(element)
    return "".join(parts), sorted(timexes, key=lambda t: (t.start_char, t.end_char))


def read_tml(path: Path) -> TmlDocument:
    """One TimeML document: its id, DCT, the plain text of ``<TEXT>`` and the gold TIMEX3s in it."""
    root = ET.parse(path).getroot()
    body = root.find("TEXT")
    text, timexes = _parse_text(body) if body is not None else ("", [])
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return TmlDocument(doc_id, _parse_dct(root), text, tuple(timexes))


def score_document(document: TmlDocument, predicted: Sequence[DateMention]) -> TimemlScores:
    """TempEval-3 counts for one document, pairing gold and predictions one-to-one.

    Each gold expression takes the unpaired prediction with the same offsets, else the one
    that overlaps it most.
    """
    free = list(predicted)
    strict = relaxed = value = typed = notated = 0
    for gold in document.timexes:
        overlapping = [p for p in free if overlap(gold, p) > 0]
        if not overlapping:
            continue
        best = max(
            overlapping,
            key=lambda p: (p.start_char == gold.start_char and p.end_char == gold.end_char, overlap(gold, p)),
        )
        free.remove(best)
        relaxed += 1
        strict += best.start_char == gold.start_char and best.end_char == gold.end_char
        value += best.timex_value == gold.value
        typed += best.timex_type == gold.timex_type
        notated += notation(best.timex_value) == notation(gold.value)
    return TimemlScores(1, len(document.timexes), len(predicted), strict, relaxed, value, typed, notated)


def read_corpus(folder: Path) -> list[TmlDocument]:
    """Every ``.tml`` file under folder (recursively), in path order."""
    return [read_tml(path) for path in sorted(folder.rglob("*.tml"))]


def predict(documents: Iterable[TmlDocument], nlp: Language) -> list[list[DateMention]]:
    """The extractor's mentions for each document, with its DCT as the publication date."""
    documents = list(documents)
    docs = nlp.pipe(d.text for d in documents)
    return [extract_dates(doc, d.doc_id, d.published_at) for d, doc in zip(documents, docs)]


def score_timeml(folder: Path, nlp: Language) -> TimemlScores:
    """TempEval-3 timex scores of `extract_dates` on every ``.tml`` file under folder.

    `nlp` is a loaded spaCy pipeline (for example `newswire.extract.nlp.load_model()`). Print the result
    with ``"\\n".join(scores.lines())``.
    """
    documents = read_corpus(folder)
    total = TimemlScores()
    for document, mentions in zip(documents, predict(documents, nlp)):
        total += score_document(document, mentions)
    return total
