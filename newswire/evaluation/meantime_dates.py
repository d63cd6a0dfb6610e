"""Scoring the date extractor on MEANTIME's TIMEX3 markables: news from neither TimeML corpus.

MEANTIME annotates the temporal expressions of its annotated sentences (see `meantime`) in
TimeML, with values resolved against the article's date line, its ``CREATION_TIME``. Each
document is scored as a TimeML document with that date as its publication date, by the
TempEval-3 definitions of `timeml`; predictions after the annotated sentences are left out.
Documents without a creation time are skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newswire.evaluation.meantime import MeantimeDocument, read_corpus
from newswire.evaluation.timeml import TimemlScores, TmlDocument, predict, score_document

if TYPE_CHECKING:
    from spacy.language import Language


def as_timeml(document: MeantimeDocument) -> TmlDocument:
    """The document's text and TIMEX3 markables, dated by its creation time."""
    return TmlDocument(document.doc_id, document.published_at, document.text, document.timexes)


def score_dates(folder: Path, nlp: Language) -> TimemlScores:
    """TempEval-3 timex scores of `extract_dates` on every dated CAT ``.xml`` file under folder.

    `nlp` is a loaded spaCy pipeline (for example `newswire.extract.nlp.load_model()`). Print the result
    with ``"\\n".join(scores.lines())``.
    """
    documents = [d for d in read_corpus(folder) if d.published_at is not None]
    views = [as_timeml(d) for d in documents]
    total = TimemlScores()
    for document, view, mentions in zip(documents, views, predict(views, nlp)):
        limit = document.annotated_end()
        total += score_document(view, [m for m in mentions if m.start_char < limit])
    return total
