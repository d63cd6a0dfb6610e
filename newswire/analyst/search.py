"""Full-text search over the articles' bodies: DuckDB's fts extension (BM25), loaded offline.

The extension comes from the `duckdb-extension-fts` wheel, loaded offline
(`newswire.analyst.extensions`). The index lives in the warehouse (schema
`fts_main_articles`) and covers the articles it was built over; a search first checks that
those are the warehouse's articles (an article's id is a hash of its text, so the same ids
mean the same bodies). When they are not, the search rebuilds the index in one transaction
under the run lock; when it cannot write the warehouse (a run or a reader holds it, or the
file is read-only), it builds the index in memory for this search only.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from newswire.analyst.extensions import load, quoted
from newswire.resources import SQL_DIR

INDEX_SCHEMA = "fts_main_articles"
SENTENCES_VIEW = SQL_DIR / "01_schema" / "20_v_sentences.sql"

# Tokens are runs of letters and digits, lower-cased, accents stripped, English stop words
# dropped, Porter-stemmed: "operations" finds "operation".
_CREATE_INDEX = (
    "pragma create_fts_index('articles', 'article_id', 'body', stemmer = 'porter', stopwords = 'english', "
    "ignore = '[^a-z0-9]+', strip_accents = 1, lower = 1, overwrite = 1)"
)

_INDEX_EXISTS = f"select count(*) > 0 from duckdb_tables() where schema_name = '{INDEX_SCHEMA}' and table_name = 'docs'"

_INDEX_STALE = f"""
select count(*) > 0
from articles
full outer join {INDEX_SCHEMA}.docs as docs on articles.article_id = docs.name
where articles.article_id is null or docs.name is null
"""

_SEARCH = f"""
with query_terms as (
    select distinct stem(token, 'porter') as term
    from (select unnest({INDEX_SCHEMA}.tokenize($text)) as token)
),

weights as (
    -- what a query term is worth: its inverse document frequency, as BM25 counts it
    select
        dict.term,
        ln((stats.num_docs - dict.df + 0.5) / (dict.df + 0.5) + 1) as idf,
    from {INDEX_SCHEMA}.dict as dict
    inner join query_terms on dict.term = query_terms.term
    cross join {INDEX_SCHEMA}.stats as stats
),

scored as (
    select
        article_id,
        {INDEX_SCHEMA}.match_bm25(article_id, $text) as score,
    from articles
),

hits as (
    select
        articles.article_id,
        articles.external_id,
        articles.title,
        articles.source_name,
        articles.published_at,
        scored.score,
    from scored
    inner join articles on scored.article_id = articles.article_id
    where scored.score is not null
    order by scored.score desc, articles.external_id
    limit $limit
),

sentence_scores as (
    select
        sentences.article_id,
        sentences.sentence_no,
        sentences.sentence,
        sum(weights.idf) as score,
    from v_sentences as sentences
    inner join weights
        on list_contains(
            list_transform({INDEX_SCHEMA}.tokenize(sentences.sentence), token -> stem(token, 'porter')),
            weights.term
        )
    where sentences.article_id in (select article_id from hits)
    group by all
),

best_sentences as (
    select
        article_id,
        first(sentence order by score desc, sentence_no) as sentence,
    from sentence_scores
    group by article_id
)

select
    hits.article_id,
    hits.external_id,
    hits.title,
    hits.source_name,
    hits.published_at,
    hits.score,
    best_sentences.sentence,
from hits
left join best_sentences on hits.article_id = best_sentences.article_id
order by hits.score desc, hits.external_id
"""


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    external_id: str
    title: str | None
    source_name: str | None
    published_at: date | None
    score: float
    sentence: str | None


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    load(con, "fts")


def index_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has an index over exactly its articles."""
    return bool(con.execute(_INDEX_EXISTS).fetchone()[0]) and not con.execute(_INDEX_STALE).fetchone()[0]


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """Build (or rebuild) the index over the articles, in one transaction."""
    con.execute("begin transaction")
    try:
        con.execute(_CREATE_INDEX)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _in_memory(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A connection holding a copy of the warehouse's articles, indexed, for one search."""
    con = duckdb.connect()
    try:
        load_fts(con)
        con.execute(f"attach {quoted(db_path)} as warehouse (read_only)")
        con.execute(
            "create table articles as "
            "select article_id, external_id, title, source_name, published_at, body from warehouse.articles"
        )
        con.execute("detach warehouse")
        con.execute(SENTENCES_VIEW.read_text(encoding="utf-8"))
        build_index(con)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def searchable(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection on which `search` runs over every article of the warehouse at `db_path`.

    Read-only when the warehouse's index is current; else the index is rebuilt under the
    run lock first, or, when the warehouse cannot be written now, built in memory.
    """
    con = _read_only(db_path)
    try:
        current = index_is_current(con)
    except BaseException:
        con.close()
        raise
    if not current:
        con.close()
        con = _rebuilt(db_path)
    try:
        yield con
    finally:
        con.close()


def _read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        load_fts(con)
    except BaseException:
        con.close()
        raise
    return con


def _rebuilt(db_path: Path) -> duckdb.DuckDBPyConnection:
    from newswire.load.warehouse import WarehouseBusy, connect, exclusive

    try:
        with exclusive(db_path):
            con = connect(db_path)
            try:
                load_fts(con)
                build_index(con)
            finally:
                con.close()
    except (WarehouseBusy, OSError, duckdb.IOException):
        return _in_memory(db_path)
    return _read_only(db_path)


def search(con: duckdb.DuckDBPyConnection, text: str, limit: int = 10) -> list[Hit]:
    """The articles matching `text`, best first, each with its best-matching sentence."""
    rows = con.execute(_SEARCH, {"text": text, "limit": limit}).fetchall()
    return [Hit(*row) for row in rows]


def format_hits(hits: Sequence[Hit], width: int = 100) -> list[str]:
    """Each hit as its rank and score with its title, a line of where and when, and its sentence."""
    lines = []
    indent = " " * 11
    for rank, hit in enumerate(hits, start=1):
        lines.append(f"{rank:>2}  {hit.score:.3f}  {hit.title or hit.external_id}")
        where = [hit.source_name, hit.published_at.isoformat() if hit.published_at else None]
        if hit.title:
            where.append(hit.external_id)
        lines.append(indent + " · ".join(part for part in where if part))
        if hit.sentence:
            lines += textwrap.wrap(hit.sentence, width, initial_indent=indent, subsequent_indent=indent)
    return lines
