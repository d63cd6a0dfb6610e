"""From articles to extractions: the spaCy pass and every extractor, as plain functions.

One article never stops the others: an article the model cannot parse, or that an extractor
fails on, is set aside as a `Failure` with its stage and reason, and the rest go on. A batch
whose parse fails (a worker that raises or dies) is parsed again article by article, so only
the article that fails is set aside.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from newswire.extract.actors import extract_actors, titles_of
from newswire.extract.dates import extract_dates
from newswire.extract.events import extract_events, figure_events, with_casualties
from newswire.extract.figures import extract_figures, figure_actors
from newswire.extract.geocode import geocode_article
from newswire.extract.nlp import load_model, nlp_processes, parse
from newswire.ingest.clean import mask
from newswire.records import Article, Extraction, Rejection, updated
from newswire.reference import Gazetteer, load_gazetteer

# Texts nlp.pipe takes at a time: measured on Reuters stories, 32 parses 5% faster than 16 and as
# fast as 64 or more.
NLP_BATCH_SIZE = 32
_REASON_CHARS = 300  # of an exception's message, in a rejection's reason
# A short story that reaches every extractor's reference data: a dateline, a place inside a
# city, actors, dates, an attack with its toll, money, a percentage and a measure.
_WARM_UP = Article(
    article_id="warm-up", external_id="warm-up", title=None, source_name=None, url=None,
    published_at=date(2024, 3, 27), input_path="warm-up",
    body=(
        "NAIROBI, March 26 (Reuters) - Gunmen attacked a market in the Eastleigh district of Nairobi "
        "on Tuesday, killing 12 people, Kenya's interior ministry said. President William Ruto "
        "condemned the attack. The Central Bank of Kenya raised its rate by half a point to 13 percent "
        "last month, and maize rose 2.5 dlrs to 180 dlrs a tonne, up from 150 dlrs a year ago."
    ),
)


@dataclass(frozen=True, slots=True)
class Failure:
    """An article set aside: the `stage` that failed on it ("parse", "extract"), why, and the traceback."""

    article: Article
    stage: str
    reason: str
    details: str

    @classmethod
    def of(cls, article: Article, stage: str, exc: BaseException) -> Failure:
        """`article` set aside at `stage` for `exc`, its reason one line of at most `_REASON_CHARS`."""
        lines = str(exc).strip().splitlines()
        if len(lines) > 1:  # a worker's traceback: its last line says what was raised
            reason = lines[-1].strip()
        else:
            reason = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
        if len(reason) > _REASON_CHARS:
            reason = reason[: _REASON_CHARS - 1] + "…"
        return cls(article, stage, reason, "".join(traceback.format_exception(exc)))

    def rejection(self) -> Rejection:
        return Rejection(self.article.input_path, f"{self.stage} failed: {self.reason}")


@dataclass(frozen=True, slots=True)
class ExtractedBatch:
    extractions: list[Extraction]
    failures: list[Failure]


def extract_articles(
    articles: Sequence[Article], nlp: Language, gazetteer: Gazetteer, batch_size: int = NLP_BATCH_SIZE
) -> ExtractedBatch:
    """Parse each article once (page furniture blanked) and run every extractor on it.

    The parse runs in worker processes while this one extracts from the documents already parsed.
    """
    texts = [mask(a.body, a.skipped_spans) for a in articles]
    extractions, failures = [], []
    for article, doc in zip(articles, _parsed(nlp, texts, batch_size), strict=True):
        if isinstance(doc, BaseException):
            failures.append(Failure.of(article, "parse", doc))
            continue
        try:
            extractions.append(_extraction(article, doc, gazetteer))
        except Exception as exc:
            failures.append(Failure.of(article, "extract", exc))
    return ExtractedBatch(extractions, failures)


@cache
def load_extractors() -> tuple[Language, Gazetteer]:
    """The model and the reference data, loaded once per process, the extractors warmed up on them."""
    nlp, gazetteer = load_model(), load_gazetteer()
    warm_up(nlp, gazetteer)
    return nlp, gazetteer


def warm_up(nlp: Language, gazetteer: Gazetteer) -> None:
    """Load what the extractors load on first use (the geocoding index, the unit registry, the
    place and type gazetteers, the libraries they import) by extracting one short story, so
    that it is paid where the model is loaded rather than by a run's first batch."""
    _extraction(_WARM_UP, nlp(_WARM_UP.body), gazetteer)


def _extraction(article: Article, doc: Doc, gazetteer: Gazetteer) -> Extraction:
    actors = extract_actors(doc, article.article_id, gazetteer)
    titles = titles_of(doc, actors)
    actors = [updated(m, title=titles.get((m.start_char, m.end_char))) for m in actors]
    dates = extract_dates(doc, article.article_id, article.published_at)
    events = extract_events(doc, article.article_id, article.published_at, actors, dates)
    actors, events, places = geocode_article(article.body, article.article_id, actors, events)
    figures = extract_figures(doc, article.article_id)
    counted, belongs = figure_actors(figures, actors), figure_events(doc, figures, events)
    figures = [updated(f, actor_id=counted.get(f.figure_id), event_id=belongs.get(f.figure_id)) for f in figures]
    return Extraction(
        article=article,
        actor_mentions=tuple(actors),
        date_mentions=tuple(dates),
        figures=tuple(figures),
        events=tuple(with_casualties(doc, events, figures)),
        places=tuple(places),
    )


def _parsed(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc | Exception]:
    """Each text's document in order, or the exception that parsing it raised.

    Documents come a batch at a time, so when a parse fails the first text not yet parsed begins
    the batch that failed: its texts are parsed again one at a time, then the rest as before.
    """
    done = 0
    while done < len(texts):
        try:
            for doc in parse(nlp, texts[done:], batch_size, nlp_processes()):
                yield doc
                done += 1
        except Exception as failed:
            batch = texts[done : done + batch_size]
            alone = [_parsed_alone(nlp, text, batch_size) for text in batch]
            if len(batch) > 1 and all(isinstance(doc, Exception) for doc in alone):
                raise failed  # not one article's doing: the parse itself is broken
            yield from alone
            done += len(batch)


def _parsed_alone(nlp: Language, text: str, batch_size: int) -> Doc | Exception:
    try:
        (doc,) = parse(nlp, [text], batch_size, nlp_processes())
    except Exception as exc:
        return exc
    return doc

