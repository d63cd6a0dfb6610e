"""Web archives to articles: the HTML pages a `.warc` or `.warc.gz` file holds.

A web archive (Common Crawl's CC-NEWS, any crawler's WARC output) is read with warcio, one
record at a time, so a file of any size is read in the memory of its largest page. Of its
records, the responses with HTTP status 200 and an HTML content type are pages, read by
`newswire.ingest.html.read_page` with the record's target URI and WARC-Date as the page's
fallback address and date. A record that cannot be read is a `Rejection` named by the file and
the record's offset (`crawl.warc.gz#1234`); reading goes on at the next record. Other records
(requests, metadata, redirects, images) are left out without a finding: an archive is mostly them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from newswire.ingest.clean import printable
from newswire.ingest.formats import ArticleMeta, InputError
from newswire.ingest.html import MAX_PAGE_BYTES, read_page
from newswire.records import Article, Rejection

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_RECORD = re.compile(rb"(?:^|\r?\n)WARC/1\.[01]\r?\n")
_SCAN_BLOCK = 1 << 20
# What a broken record raises while it is read: its framing, its headers or its compressed body.
_BROKEN = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError, OSError)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, name: str) -> Iterator[Article | Rejection]:
    """Each page of the web archive at `path` (named `name`) as an article, and each broken
    record or unreadable page as a rejection, read as they are asked for."""
    gzipped = path.name.lower().endswith(".gz")
    with path.open("rb") as handle:
        start: int | None = 0
        while start is not None:
            handle.seek(start)
            records = ArchiveIterator(handle)
            try:
                for record in records:
                    if _is_page(record):
                        raw = record.content_stream().read(MAX_PAGE_BYTES + 1)
                        # the offset is known once the record is read to its end
                        yield _page(record, raw, f"{name}#{records.get_record_offset()}")
            except _BROKEN as exc:
                # the iterator stands at the start of the record it could not read
                failed = records.offset
                yield Rejection(f"{name}#{failed}", f"broken WARC record: {_reason(exc)}; the rest of the file is read")
                start = _next_record(handle, failed + 1, gzipped)
            else:
                start = None


def _is_page(record: ArcWarcRecord) -> bool:
    """A response record whose HTTP status is 200 and whose content is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status == "200" and content_type in _HTML_TYPES


def _page(record: ArcWarcRecord, raw: bytes, where: str) -> Article | Rejection:
    """The article of one page record, whose content is `raw`; a rejection when it holds none."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    fetched_at = _warc_date(record.rec_headers.get_header("WARC-Date"))
    try:
        if len(raw) > MAX_PAGE_BYTES:
            raise InputError(f"page is over the {MAX_PAGE_BYTES:,}-byte limit for a web page")
        fallbacks = ArticleMeta(
            url=uri, published_at=fetched_at.date() if fetched_at else None, published_at_source="warc"
        )
        return read_page(
            raw, where, url=uri, fetched_at=fetched_at,
            content_type=record.http_headers.get_header("Content-Type"), fallbacks=fallbacks,
        )
    except InputError as exc:
        return Rejection(where, f"{uri or 'page'}: {exc}")


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _reason(exc: BaseException) -> str:
    """The error as a short line of ASCII: what a broken record quotes of itself may be binary."""
    text = printable(" ".join(str(exc).split()).encode("ascii", "backslashreplace").decode("ascii"))
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__


def _next_record(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """Where the next record starts after byte `after`: the next gzip member of a `.warc.gz`,
    the next `WARC/1.x` line of a `.warc`; None at the end of the file. Read a block at a time."""
    marker = _GZIP_MEMBER if gzipped else None
    position = after
    tail = b""
    while True:
        handle.seek(position)
        block = handle.read(_SCAN_BLOCK)
        if not block:
            return None
        data = tail + block
        base = position - len(tail)
        if marker is not None:
            found = data.find(marker)
            if found >= 0:
                return base + found
        elif match := _WARC_RECORD.search(data):
            return base + match.start() + (len(match.group()) - len(match.group().lstrip(b"\r\n")))
        tail = data[-16:]
        position += len(block)
