"""Web pages to articles: the main text, metadata, encoding and language of one page.

`read_page` is the one reader of a page, whichever way it came (a saved file, a feed's link, a
web archive's record). The main text is trafilatura's, with navigation, teasers, comments and
cookie banners left out; then the lines news pages put around a story and trafilatura keeps
(the headline again, bylines, captions and credits, "Read more" teasers, newsletter and app
prompts: the lexicon `page_furniture.json`) are dropped, and `body` is the paragraphs that
remain, a blank line between two. The publication date is htmldate's original date, with where
it was found (`url`, `meta`, `json-ld`, `text`). The bytes are decoded by the charset the
server or the page declares, else as UTF-8, else as charset-normalizer detects; a page that
cannot be decoded, or that holds no main text, is an `InputError` with the reason. The language
is py3langid's judgement of the main text (the page's declared language when the text is too
short to judge); an article not in English is kept with its language and no text to read.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import charset_normalizer
import py3langid
import trafilatura
from htmldate.core import examine_header, extract_url_date, find_date, json_search
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date
from lxml import html as lxml_html
from lxml.etree import ParserError

from newswire.extract.lexicons import lexicon
from newswire.ingest.clean import is_furniture, path_text
from newswire.ingest.formats import MANIFEST_NAME, ArticleMeta, InputError, Manifest, make_article, parse_published_at
from newswire.records import Article, PageSource, Rejection

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
# The largest news pages weigh a few megabytes of markup (the dev pages run to 1.6 MB); anything
# over this is not one article's page.
MAX_PAGE_BYTES = 20_000_000
# Where a page declares its charset: in the first bytes, as HTML5 says a parser looks for it.
_DECLARATION_WINDOW = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Labels that browsers read as Windows-1252 (WHATWG Encoding Standard): a page that says
# Latin-1 or ASCII and holds curly quotes means Windows-1252.
_WINDOWS_1252_LABELS = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819"})
_LANGUAGE_MIN_CHARS = 200  # below this the main text is too short for a language to be judged from it
_BYLINE_MAX_WORDS = 12
_FURNITURE = lexicon("page_furniture")
_CAPTIONS = tuple(re.compile(p, re.IGNORECASE) for p in _FURNITURE["captions"])
_UPPER_CREDITS = tuple(re.compile(p) for p in _FURNITURE["upper_credits"])
_BYLINE = re.compile(r"^\W*(by|written by|words by|reporting by|story by)\s+\S", re.IGNORECASE)
_DATELINE_ONLY = re.compile(
    r"^\W*(published|updated|posted|last updated|first published)\b.{0,60}$", re.IGNORECASE
)
# `<?xml … encoding="…"?>` before XHTML: lxml refuses it on text that is already decoded.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_HEADLINE_WINDOW = 3  # the headline repeats within the first paragraphs, if at all


@dataclass(frozen=True, slots=True)
class PageDate:
    """A page's publication date and where on the page it was found."""

    published_at: date | None
    source: str | None


def read_page(
    raw: bytes,
    input_path: str,
    *,
    url: str | None = None,
    fetched_at: datetime | None = None,
    content_type: str | None = None,
    overrides: ArticleMeta | None = None,
    fallbacks: ArticleMeta | None = None,
    external_id: str | None = None,
) -> Article:
    """The article a web page holds.

    `url` is where the page was fetched from and `content_type` the server's header, if any.
    `overrides` (a manifest row, front matter) win over what the page says; `fallbacks` (a
    feed item's title, date and link, a web archive record's address and date) fill what the
    page lacks. `external_id` defaults to the page's address, else `input_path`.
    """
    if len(raw) > MAX_PAGE_BYTES:
        raise InputError(f"page is {len(raw):,} bytes, over the {MAX_PAGE_BYTES:,}-byte limit for a web page")
    markup = _XML_DECLARATION.sub("", decode_page(raw, content_type), count=1)
    try:
        tree = lxml_html.document_fromstring(markup)
    except (ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}") from exc
    document = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, output_format="python"
    )
    if document is None or not (document.text or "").strip():
        raise InputError("no main text found on the page")
    title = _clean_title(document.title)
    body = main_text(document.text, title, document.author)
    if not body:
        raise InputError("no main text found on the page (only page furniture)")
    page_url = document.url or url
    found = publication_date(tree, page_url)
    own = ArticleMeta(
        title=title, published_at=found.published_at, source_name=document.sitename or document.hostname,
        url=page_url, published_at_source=found.source,
    )
    meta = (overrides or ArticleMeta()).over(own).over(fallbacks or ArticleMeta())
    language = page_language(body, tree.get("lang"))
    article = make_article(body, external_id or page_url or input_path, input_path, meta, language=language)
    page = PageSource(
        url=url or page_url, fetched_at=fetched_at, content_sha256=hashlib.sha256(raw).hexdigest(),
        content_type=content_type, raw=raw,
    )
    return replace(article, author=_clean_author(document.author), page=page)


def is_page_file(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES)


def page_stem(path: Path) -> str:
    """A page file's name without `.html`, `.htm` or `.gz`: its external id."""
    name = path.name
    for suffix in PAGE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_page_file(path: Path, manifest: Manifest | InputError) -> Article | Rejection:
    """A saved page (gzipped when its name ends in `.gz`), its manifest row winning over what it says."""
    name = path_text(path)
    try:
        if isinstance(manifest, InputError):
            raise InputError(f"{MANIFEST_NAME}: {manifest}")
        meta = manifest.entries.get(path.name, ArticleMeta())
        if isinstance(meta, InputError):
            raise meta
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise InputError(f"page is {size:,} bytes, over the {MAX_PAGE_BYTES:,}-byte limit for a web page; not read")
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gunzipped(raw)
        return read_page(raw, name, overrides=meta, external_id=path_text(page_stem(path)))
    except InputError as exc:
        return Rejection(name, str(exc))
    except OSError as exc:
        return Rejection(name, f"cannot be read: {exc.strerror or exc}")


def decode_page(raw: bytes, content_type: str | None = None) -> str:
    """The page's markup as text: in the charset its server or its markup declares, else UTF-8,
    else as charset-normalizer detects; an `InputError` when none of them reads it."""
    if raw.startswith(codecs.BOM_UTF8):
        return _decoded(raw[len(codecs.BOM_UTF8):], "utf-8", "its UTF-8 byte-order mark")
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(mark):
            return _decoded(raw, encoding, "its UTF-16 byte-order mark")
    if b"\0" in raw:
        raise InputError("binary file, not a web page (it holds NUL bytes)")
    declared, where = _declared_charset(raw, content_type)
    if declared is not None:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; the bytes are read as they are below
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        said = f"; it declares {declared} ({where}), which does not read it either" if declared else ""
        raise InputError(
            f"cannot be decoded: not UTF-8 (byte {utf8_error.start}: {raw[utf8_error.start:utf8_error.start + 1]!r}), "
            f"and no encoding reads it as text{said}"
        )
    return str(best)


def _decoded(raw: bytes, encoding: str, why: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot be decoded as {encoding.upper()} (byte {exc.start}), though {why} says it is") from exc


def _declared_charset(raw: bytes, content_type: str | None) -> tuple[str | None, str | None]:
    """The codec the server's header or the page's `<meta>` names, and which named it; an
    unknown name is no declaration."""
    candidates = []
    if content_type and (header := _HEADER_CHARSET.search(content_type)):
        candidates.append((header.group(1), "Content-Type header"))
    if meta := _META_CHARSET.search(raw[:_DECLARATION_WINDOW]):
        candidates.append((meta.group(1).decode("ascii"), "meta charset"))
    for label, where in candidates:
        label = label.strip().lower()
        if label in _WINDOWS_1252_LABELS:
            return "cp1252", where
        try:
            return codecs.lookup(label).name, where
        except LookupError:
            continue
    return None, None


def main_text(text: str, title: str | None, author: str | None) -> str:
    """trafilatura's main text (a line a paragraph) as paragraphs a blank line apart, without
    the lines news pages put around a story: the headline again, bylines and datelines,
    captions and credits, and page furniture (teasers, newsletter and app prompts)."""
    headline = _folded(title) if title else None
    byline = _folded(author) if author else None
    kept: list[str] = []
    for position, line in enumerate(text.split("\n")):
        paragraph = " ".join(line.split())
        if not paragraph:
            continue
        folded = _folded(paragraph)
        if headline and position < _HEADLINE_WINDOW and folded == headline:
            continue
        if _is_byline(paragraph, byline) or is_caption(paragraph) or is_furniture(paragraph):
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def _is_byline(paragraph: str, author: str | None) -> bool:
    """A line that names the writer or only the time of publication: "By Jane Doe", "Updated 3:45 PM"."""
    words = paragraph.split()
    if len(words) > _BYLINE_MAX_WORDS:
        return False
    if author and _folded(paragraph).removeprefix("by ").strip() == author:
        return True
    return bool(_BYLINE.match(paragraph) and paragraph[-1] not in ".?!\"”") or bool(_DATELINE_ONLY.match(paragraph))


def is_caption(paragraph: str) -> bool:
    """A photo caption or credit (the lexicon's `captions` and `upper_credits`): "Photo: …",
    "… (AP Photo/Name)", "… /Getty Images", "The minister (left) …", "… By U.S. CUSTOMS AND BORDER PROTECTION"."""
    return any(p.search(paragraph) for p in _CAPTIONS) or any(p.search(paragraph) for p in _UPPER_CREDITS)


def _folded(text: str) -> str:
    """Text compared loosely: case, accents, quotes and punctuation folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) or None if title else None


def _clean_author(author: str | None) -> str | None:
    return " ".join(author.split()) or None if author else None


def publication_date(tree: lxml_html.HtmlElement, url: str | None) -> PageDate:
    """The page's original publication date (not the date it was modified) and where it was
    found: its address, its `<meta>` tags, its JSON-LD, or its text.

    htmldate's own order: the address first, then the header and JSON-LD, then the page. On
    the page only a full date counts (htmldate's fast search): its extensive search takes a bare
    year in the story ("since 1998") for 1 January of that year.
    """
    options = Extractor(True, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    if url is None and (canonical := tree.find('.//link[@rel="canonical"]')) is not None:
        url = canonical.get("href")
    for source, value in (
        ("url", extract_url_date(url, options)),
        ("meta", examine_header(tree, options)),
        ("json-ld", json_search(tree, options)),
        ("text", find_date(tree, extensive_search=False, original_date=True, url=url)),
    ):
        if value is None:
            continue
        try:
            return PageDate(parse_published_at(value), source)
        except InputError:
            continue  # a date in the future or before any archive: not the publication date
    return PageDate(None, None)


def page_language(body: str, declared: str | None) -> str | None:
    """The ISO 639-1 language of the main text: py3langid's judgement, or the page's own
    `<html lang>` when the text is too short to judge."""
    if len(body) >= _LANGUAGE_MIN_CHARS:
        return py3langid.classify(body)[0]
    if declared:
        return declared.strip().split("-")[0].split("_")[0].lower() or None
    return None


def gunzipped(raw: bytes, limit: int = MAX_PAGE_BYTES) -> bytes:
    """A gzipped page's bytes, read no further than `limit` (a small file can unpack to gigabytes)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        page = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise InputError(f"not a valid gzip file: {exc}") from exc
    if len(page) > limit:
        raise InputError(f"page unpacks to over {limit:,} bytes, the limit for a web page; not read")
    if not inflater.eof:
        raise InputError("not a valid gzip file: it ends before its data does")
    return page

