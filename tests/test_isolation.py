"""One bad article never stops the others: a parse that fails takes down its batch at most, and
the batch is parsed again article by article; an extractor or a validation that raises on one
article rejects that article, with its stage and reason, and the run goes on."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest
from warehouse_checks import assert_star_integrity

import newswire.extract.pipeline as pipeline
from newswire.extract.nlp import pipe
from newswire.records import Article
from newswire.reference import load_gazetteer

POISON = "Zorblax"  # the word the broken parts below fail on


def _article(n: int, text: str) -> Article:
    return Article(f"a{n}", f"e{n}", None, None, None, date(2024, 6, 4), text, f"in/{n}.txt")


def _articles(count: int, poisoned: set[int]) -> list[Article]:
    return [
        _article(n, f"{POISON} officials met on Monday." if n in poisoned else f"Officials met {n} times on Monday.")
        for n in range(count)
    ]


def _parse_failing_on_poison(death: bool):
    """`parse` as the workers do it, a batch at a time, with a batch that holds the poison failing."""

    def parse(nlp, texts, batch_size, processes):
        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            if any(POISON in t for t in batch):
                if death:
                    raise RuntimeError("parsing process 4242 ended (exit code -9)")
                raise RuntimeError("parsing failed in process 4242:\nTraceback ...\nValueError: no parse for this")
            yield from pipe(nlp, batch, batch_size)

    return parse


@pytest.mark.parametrize("death", [False, True], ids=["raises", "dies"])
def test_a_failed_parse_is_retried_article_by_article(nlp, monkeypatch, death) -> None:
    monkeypatch.setattr(pipeline, "parse", _parse_failing_on_poison(death))
    articles = _articles(11, {5})
    extracted = pipeline.extract_articles(articles, nlp, load_gazetteer(), batch_size=4)
    assert [x.article.article_id for x in extracted.extractions] == [a.article_id for a in articles if a.article_id != "a5"]
    (failure,) = extracted.failures
    assert (failure.article.article_id, failure.stage) == ("a5", "parse")
    expected = "RuntimeError: parsing process 4242 ended (exit code -9)" if death else "ValueError: no parse for this"
    assert failure.reason == expected
    assert failure.rejection().input_path == "in/5.txt"
    assert failure.rejection().reason == f"parse failed: {expected}"
    assert all(x.date_mentions for x in extracted.extractions)


def test_a_parse_that_fails_for_every_article_of_a_batch_is_not_theirs(nlp, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "parse", _parse_failing_on_poison(False))
    with pytest.raises(RuntimeError, match="parsing failed"):
        pipeline.extract_articles(_articles(6, {0, 1, 2, 3}), nlp, load_gazetteer(), batch_size=4)


def test_an_extractor_that_raises_rejects_its_article_only(nlp, monkeypatch) -> None:
    extract_dates = pipeline.extract_dates

    def failing(doc, article_id, published_at):
        if POISON in doc.text:
            raise OverflowError("date value out of range")
        return extract_dates(doc, article_id, published_at)

    monkeypatch.setattr(pipeline, "extract_dates", failing)
    extracted = pipeline.extract_articles(_articles(5, {1, 3}), nlp, load_gazetteer())
    assert [x.article.article_id for x in extracted.extractions] == ["a0", "a2", "a4"]
    assert [(f.article.article_id, f.stage, f.reason) for f in extracted.failures] == [
        ("a1", "extract", "OverflowError: date value out of range"),
        ("a3", "extract", "OverflowError: date value out of range"),
    ]
    assert "Traceback" in extracted.failures[0].details


def test_a_run_rejects_the_articles_that_fail_and_publishes_the_rest(prefect_server, tmp_path, monkeypatch) -> None:
    import newswire.flow as flow

    extract_dates, stage = pipeline.extract_dates, flow.stage

    def failing_extraction(doc, article_id, published_at):
        if "convoy" in doc.text:
            raise ZeroDivisionError("division by zero")
        return extract_dates(doc, article_id, published_at)

    def failing_stage(extractions, calendar_known=None):
        if any(POISON in x.article.body for x in extractions):
            raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")
        return stage(extractions, calendar_known)

    monkeypatch.setattr(pipeline, "extract_dates", failing_extraction)
    monkeypatch.setattr(flow, "stage", failing_stage)
    texts = [
        "Rebels attacked a convoy near Goma on Sunday, killing 12 soldiers.",
        f"The {POISON} envoy arrived in Geneva on Monday for talks.",
        "The European Union agreed on Tuesday to send 500 tonnes of food aid.",
        "Protesters rallied in Nairobi on Monday, police said.",
        "The central bank raised its main rate by 25 basis points on Wednesday.",
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": t, "published_at": "2024-06-04"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = flow.news_etl(source=feed, db=db, articles_per_batch=4)
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = {row[0] for row in con.execute("select external_id from articles").fetchall()}
        rejected = sorted(con.execute("select input_path, reason from rejected_inputs").fetchall())
        assert_star_integrity(con)
    assert loaded == {"n2", "n3", "n4"}
    assert (result.articles_read, result.articles_rejected) == (3, 2)
    assert [(path.rsplit("/", 1)[-1], reason) for path, reason in rejected] == [
        ("feed.jsonl:1", "extract failed: ZeroDivisionError: division by zero"),
        ("feed.jsonl:2", "validate failed: UnicodeEncodeError: 'utf-8' codec can't encode character '\\udcff' "
                         "in position 0: surrogates not allowed"),
    ]


def test_the_warm_up_story_reaches_every_extractor(nlp, gazetteer) -> None:
    extraction = pipeline._extraction(pipeline._WARM_UP, nlp(pipeline._WARM_UP.body), gazetteer)
    assert {m.actor_type for m in extraction.actor_mentions} >= {"GPE", "PERSON", "ORG"}
    assert extraction.date_mentions and extraction.events and extraction.places
    assert {f.unit for f in extraction.figures} >= {"USD", "percent"}
    assert any(e.fatalities == 12 for e in extraction.events)


def test_the_extractors_are_loaded_and_warmed_once_a_process() -> None:
    first = pipeline.load_extractors()
    assert pipeline.load_extractors() is first
    assert first[0].has_pipe("ner") and first[1].lookup("Kenya") is not None
