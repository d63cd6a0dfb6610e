"""Scoring the actor extractor on MEANTIME (NewsReader Wikinews corpus, CAT XML).

A CAT file holds the article as ``<token number sentence t_id>`` elements and, under
``<Markables>``, mentions anchored to token ids. `read_meantime` rebuilds the text as it was
written (tokens joined by one space, none before closing punctuation and clitics, after an
opening bracket or currency sign, or around an apostrophe split from its word as in "O' Leary"
or "I' m"; sentences by a newline) and gives every markable its
character offsets:

- ``ENTITY_MENTION``: offsets, ``syntactic_type`` (NAM for names, PRE.NAM for a name used as a
  premodifier such as "Apple" in "Apple executive", NOM, PRO, ...) and the ``ent_type`` (PER,
  ORG, LOC, PRO, FIN, MIX) of the ``ENTITY`` a ``REFERS_TO`` relation links it to;
- ``VALUE``: offsets and type (MONEY, PERCENT, QUANTITY);
- ``TIMEX3``: offsets, TimeML type and value; the one whose ``functionInDocument`` is
  ``CREATION_TIME`` (the date line) also gives the article's publication date.

Only the first `ANNOTATED_SENTENCES` sentences (the title, the date line and four sentences of
body) are annotated.

`score_entities` compares `extract_actors` with the gold named mentions:

- gold: NAM and PRE.NAM mentions in the annotated sentences whose entity is PER, ORG or LOC;
- predicted: actor mentions starting in the annotated sentences, typed by their actor type
  (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC);
- left out of both sides: predicted NORP mentions ("Chinese", "Democrats": MEANTIME has no such
  class), and predictions that overlap a gold named mention of another class (PRO, FIN, MIX,
  such as "iPhone"), which are counted apart as ``ignored`` and never as errors;
- strict span: identical offsets; overlap span: the spans share a character; typed: an overlap
  pair whose types agree. Pairs are one to one: first each gold mention takes the free
  prediction with its offsets, then each gold mention left takes the free prediction that
  overlaps it most, of its type first. So a name inside a longer gold mention ("Ryanair" in
  "Irish low cost airline, Ryanair", both annotated) keeps its exact match.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.evaluation.scores import add_counts, overlap, prf
from newswire.evaluation.timeml import TmlTimex
from newswire.extract.actors import extract_actors
from newswire.records import ActorMention
from newswire.reference import Gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

ANNOTATED_SENTENCES = 6
NAMED_TYPES = ("NAM", "PRE.NAM")
SCORED_CLASSES = ("PER", "ORG", "LOC")
ACTOR_CLASS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


@dataclass(frozen=True, slots=True)
class MeantimeToken:
    """One token: offsets into `MeantimeDocument.text`, end exclusive."""

    t_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class MeantimeEntityMention:
    """An ENTITY_MENTION: from its first token's start to its last token's end.

    `ent_type` is the type of the ENTITY it refers to, or None when no REFERS_TO links it.
    """

    m_id: str
    start_char: int
    end_char: int
    text: str
    sentence: int
    syntactic_type: str
    ent_type: str | None
    t_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeantimeValue:
    """A VALUE markable (MONEY, PERCENT or QUANTITY), from its first token to its last."""

    m_id: str
    start_char: int
    end_char: int
    text: str
    sentence: int
    value_type: str
    t_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    doc_id: str
    name: str
    text: str
    tokens: tuple[MeantimeToken, ...]
    entity_mentions: tuple[MeantimeEntityMention, ...]
    values: tuple[MeantimeValue, ...]
    timexes: tuple[TmlTimex, ...] = ()
    published_at: date | None = None

    def annotated_end(self) -> int:
        """Where the annotated sentences end in `text`."""
        ends = [t.end_char for t in self.tokens if t.sentence < ANNOTATED_SENTENCES]
        return max(ends, default=0)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'", "’", "'s", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "£", "€", "¥"}
# An apostrophe the tokens split from the word it belongs to: "O'" + "Leary", "I'" + "m", "’" + "s".
_ELIDED = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]['’]$")
_CLITICS = {"s", "t", "m", "d", "ll", "re", "ve"}


def _separator(previous: str, token: str) -> str:
    if token.lower() in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
        return ""
    if _ELIDED.search(previous) and token[:1].isalpha():
        return ""
    return "" if previous in ("'", "’") and token.lower() in _CLITICS else " "


def _parse_tokens(root: ET.Element) -> tuple[str, list[MeantimeToken]]:
    parts: list[str] = []
    tokens: list[MeantimeToken] = []
    length = 0
    previous: int | None = None
    for node in root.iter("token"):
        sentence = int(node.get("sentence", "0"))
        text = node.text or ""
        if previous is not None:
            separator = "\n" if sentence != previous else _separator(tokens[-1].text, text)
            parts.append(separator)
            length += len(separator)
        tokens.append(MeantimeToken(node.get("t_id", ""), sentence, length, length + len(text), text))
        parts.append(text)
        length += len(text)
        previous = sentence
    return "".join(parts), tokens


def _anchored(node: ET.Element, by_id: dict[str, MeantimeToken]) -> list[MeantimeToken]:
    anchors = [by_id[a.get("t_id", "")] for a in node.findall("token_anchor") if a.get("t_id", "") in by_id]
    return sorted(anchors, key=lambda t: t.start_char)


def _parse_entity_types(root: ET.Element) -> dict[str, str]:
    """Mention m_id -> ent_type of the ENTITY its REFERS_TO relation points at."""
    entities = {e.get("m_id", ""): e.get("ent_type", "") for e in root.iter("ENTITY")}
    types: dict[str, str] = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target")
        kind = entities.get(target.get("m_id", "")) if target is not None else None
        if kind:
            for source in relation.findall("source"):
                types[source.get("m_id", "")] = kind
    return types


def _creation_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_meantime(path: Path) -> MeantimeDocument:
    """One CAT XML document: its text rebuilt from tokens; entity mentions, VALUEs and TIMEX3s with offsets."""
    root = ET.parse(path).getroot()
    text, tokens = _parse_tokens(root)
    by_id = {t.t_id: t for t in tokens}
    types = _parse_entity_types(root)
    mentions: list[MeantimeEntityMention] = []
    values: list[MeantimeValue] = []
    timexes: list[TmlTimex] = []
    published_at: date | None = None
    markables = root.find("Markables")
    for node in markables if markables is not None else ():
        anchors = _anchored(node, by_id)
        if not anchors or node.tag not in ("ENTITY_MENTION", "VALUE", "TIMEX3"):
            continue
        start, end = anchors[0].start_char, anchors[-1].end_char
        m_id, t_ids = node.get("m_id", ""), tuple(t.t_id for t in anchors)
        if node.tag == "TIMEX3":
            value = node.get("value", "")
            timexes.append(TmlTimex(m_id, start, end, text[start:end], node.get("type", ""), value))
            if node.get("functionInDocument") == "CREATION_TIME":
                published_at = _creation_date(value)
        elif node.tag == "ENTITY_MENTION":
            mentions.append(
                MeantimeEntityMention(
                    m_id, start, end, text[start:end], anchors[0].sentence,
                    node.get("syntactic_type", ""), types.get(m_id), t_ids,
                )
            )
        else:
            values.append(MeantimeValue(m_id, start, end, text[start:end], anchors[0].sentence, node.get("type", ""), t_ids))
    return MeantimeDocument(
        doc_id=root.get("doc_id", path.stem),
        name=root.get("doc_name", path.stem),
        text=text,
        tokens=tuple(tokens),
        entity_mentions=tuple(sorted(mentions, key=lambda m: (m.start_char, m.end_char))),
        values=tuple(sorted(values, key=lambda v: (v.start_char, v.end_char))),
        timexes=tuple(sorted(timexes, key=lambda t: (t.start_char, t.end_char))),
        published_at=published_at,
    )


def read_corpus(folder: Path) -> list[MeantimeDocument]:
    """Every ``.xml`` file under folder (recursively), in path order."""
    return [read_meantime(path) for path in sorted(folder.rglob("*.xml"))]




@dataclass(frozen=True, slots=True)
class EntityScores:
    """Counts behind the named-entity scores; the scores are derived from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    ignored: int = 0
    strict: int = 0
    overlap: int = 0
    typed: int = 0

    def __add__(self, other: EntityScores) -> EntityScores:
        return add_counts(self, other)

    def prf(self, matched: int) -> tuple[float, float, float]:
        """Precision over the scored predictions, recall over the gold mentions, and their F1."""
        return prf(matched, self.predicted, self.gold)

    @property
    def strict_f1(self) -> float:
        return self.prf(self.strict)[2]

    @property
    def overlap_f1(self) -> float:
        return self.prf(self.overlap)[2]

    @property
    def typed_f1(self) -> float:
        return self.prf(self.typed)[2]

    def lines(self) -> list[str]:
        """A short human-readable report, one line per score."""
        rows = [
            f"{self.documents} documents, {self.gold} gold named mentions (PER/ORG/LOC), "
            f"{self.predicted} predicted, {self.ignored} ignored"
        ]
        for name, matched in (("strict span", self.strict), ("overlap span", self.overlap), ("typed", self.typed)):
            p, r, f = self.prf(matched)
            rows.append(f"{name:<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({matched} matched)")
        return rows


@dataclass(frozen=True, slots=True)
class _Span:
    start_char: int
    end_char: int
    kind: str


def gold_entities(document: MeantimeDocument) -> list[MeantimeEntityMention]:
    """The scored gold mentions: named, in the annotated sentences, of a PER/ORG/LOC entity."""
    return [
        m
        for m in document.entity_mentions
        if m.sentence < ANNOTATED_SENTENCES and m.syntactic_type in NAMED_TYPES and m.ent_type in SCORED_CLASSES
    ]


def score_document(document: MeantimeDocument, predicted: Sequence[ActorMention]) -> EntityScores:
    """Named-entity counts for one document (see the module docstring for the definitions)."""
    gold = [_Span(m.start_char, m.end_char, m.ent_type or "") for m in gold_entities(document)]
    other = [
        _Span(m.start_char, m.end_char, m.ent_type or "")
        for m in document.entity_mentions
        if m.sentence < ANNOTATED_SENTENCES and m.syntactic_type in NAMED_TYPES and m.ent_type not in SCORED_CLASSES
    ]
    limit = document.annotated_end()
    free: list[_Span] = []
    ignored = 0
    for mention in predicted:
        if mention.start_char >= limit or mention.actor_type not in ACTOR_CLASS:
            continue
        span = _Span(mention.start_char, mention.end_char, ACTOR_CLASS[mention.actor_type])
        if any(overlap(span, o) > 0 for o in other) and not any(overlap(span, g) > 0 for g in gold):
            ignored += 1
        else:
            free.append(span)
    scored = len(free)
    pairs: list[tuple[_Span, _Span]] = []
    unpaired: list[_Span] = []
    for g in gold:
        same = next((p for p in free if (p.start_char, p.end_char) == (g.start_char, g.end_char)), None)
        if same is None:
            unpaired.append(g)
        else:
            free.remove(same)
            pairs.append((g, same))
    for g in unpaired:
        overlapping = [p for p in free if overlap(g, p) > 0]
        if overlapping:
            best = max(overlapping, key=lambda p: (p.kind == g.kind, overlap(g, p)))
            free.remove(best)
            pairs.append((g, best))
    strict = sum((p.start_char, p.end_char) == (g.start_char, g.end_char) for g, p in pairs)
    typed = sum(p.kind == g.kind for g, p in pairs)
    return EntityScores(1, len(gold), scored, ignored, strict, len(pairs), typed)


def predict(documents: Iterable[MeantimeDocument], nlp: Language, gazetteer: Gazetteer) -> list[list[ActorMention]]:
    """The actor extractor's mentions for each document (the whole text is parsed)."""
    documents = list(documents)
    docs = nlp.pipe(d.text for d in documents)
    return [extract_actors(doc, d.doc_id, gazetteer) for d, doc in zip(documents, docs)]


def score_entities(folder: Path, nlp: Language, gazetteer: Gazetteer) -> EntityScores:
    """Named-entity scores of `extract_actors` on every CAT ``.xml`` file under folder.

    `nlp` is a loaded spaCy pipeline (for example `newswire.extract.nlp.load_model()`) and `gazetteer` the
    reference data (`newswire.reference.load_gazetteer()`). Print the result with
    ``"\\n".join(scores.lines())``.
    """
    documents = read_corpus(folder)
    total = EntityScores()
    for document, mentions in zip(documents, predict(documents, nlp, gazetteer)):
        total += score_document(document, mentions)
    return total
