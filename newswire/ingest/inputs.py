"""Reading a source into `Article` records: listing its inputs, hashing them, admitting what is new.

A source is a file or a folder of inputs in the formats of `newswire.ingest.formats`, web pages
(`newswire.ingest.html`) and web archives (`newswire.ingest.warc`). Each input
is hashed so that one loaded before is not read again: its identity is its own bytes and, for a
text file or a page, its own row of its folder's manifest, so a manifest that grows by rows for new files
leaves the files it named before unchanged. A `.jsonl` file that grew by lines appended after
what was loaded (its first bytes, as many as were read, still hash as loaded) is read from there
on; one rewritten is read whole. Each article is admitted once per content, in English, one text
per record id (within what the run reads). A broken input becomes a `Rejection` with its
reason; it never stops the others. Every input is named by its path as `path_text` gives it
(bytes that are not UTF-8 and control characters escaped), in what is recorded and in what is
compared with the inputs loaded before. Input is data only: nothing in it is executed or followed
(no URL in a file is fetched, symbolic links are not followed). A feeds source (a feed URL or a
feeds file) is read by `newswire.ingest.feeds`, its pages named by their URLs.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.ingest.clean import mask, not_english, path_text
from newswire.ingest.formats import (
    MANIFEST_NAME,
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    RECORD_SUFFIXES,
    TEXT_SUFFIXES,
    ArticleMeta,
    InputError,
    InputNote,
    JsonlSpan,
    Manifest,
    load_manifest,
    make_article,
    metadata_end,
    read_input,
    resumable,
)
from newswire.ingest.html import is_page_file, read_page_file
from newswire.ingest.warc import is_warc, read_warc
from newswire.records import Article, Rejection

if TYPE_CHECKING:
    from newswire.ingest.feeds import FeedState, Unchanged

# The names read from here; the limits and `InputNote` are `newswire.ingest.formats`'s.
__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "IngestResult",
    "IngestStream",
    "InputFile",
    "InputNote",
    "ingest",
    "rebuild_article",
]


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input read in a run (its path as `path_text` gives it, or a page's or a feed's URL), and
    the hash of what it was read from; for a `.jsonl` file, `bytes_read` of its first bytes, which
    the hash covers; for a feed, the validators its server gave (kept for a conditional GET) and
    when it was asked for."""

    input_path: str
    content_hash: str
    bytes_read: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    polled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    duplicates: int
    inputs: tuple[InputFile, ...] = ()
    unchanged: int = 0  # inputs skipped because their hash is the one already loaded
    notes: tuple[InputNote, ...] = ()


@dataclass(slots=True)
class _Listing:
    """The input files under a source, and what was found there but not read."""

    files: list[Path] = field(default_factory=list)
    findings: list[Rejection | InputNote] = field(default_factory=list)


def _symlink_finding(link: Path, root: str) -> Rejection | InputNote:
    """What a symbolic link under the source `root` leads to; it is never followed.

    A link out of the source, a loop (back to itself, or to a folder that holds it) and a link
    to nothing are rejected; a link to a file or folder inside, read in its own place, is noted.
    """
    target = os.path.normpath(os.path.join(os.path.abspath(link.parent), os.readlink(link)))
    if os.path.commonpath([root, target]) != root:
        return Rejection(path_text(link), "symbolic link to outside the source folder, not followed")
    try:
        resolved = os.path.realpath(link, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Rejection(path_text(link), "symbolic link loop (it leads back to itself), not followed")
        return Rejection(path_text(link), "symbolic link to nothing (its target does not exist), not followed")
    if os.path.isdir(resolved) and os.path.commonpath([resolved, os.path.realpath(link.parent)]) == resolved:
        return Rejection(path_text(link), "symbolic link to a folder that holds it (a loop), not followed")
    return InputNote(path_text(link), "symbolic link, not followed")


def _list_inputs(source: Path) -> _Listing:
    """Every regular file under `source`, hidden names left out, symbolic links not followed.

    A single scan of each folder: linear in the number of entries, and a link loop cannot make
    it go round.
    """
    listing = _Listing()
    if source.is_file():
        listing.files.append(source)
        return listing
    root = os.path.abspath(source)
    folders = [source]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            listing.findings.append(Rejection(path_text(folder), f"folder cannot be read: {exc.strerror or exc}"))
            continue
        for entry in found:
            path = folder / entry.name
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                listing.findings.append(_symlink_finding(path, root))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif entry.is_file(follow_symlinks=False):
                listing.files.append(path)
            else:
                listing.findings.append(Rejection(path_text(path), "not a regular file (a device, pipe or socket); not read"))
    listing.files.sort()
    return listing


@dataclass(frozen=True, slots=True)
class _Scan:
    """An input hashed: its identity, its size, its first bytes and, when asked for, the hash of
    its first bytes up to an offset and how many line breaks they hold."""

    content_hash: str
    size: int
    head: bytes
    prefix_hash: str | None = None
    prefix_lines: int = 0


def _has_manifest_row(path: Path) -> bool:
    """Whether a folder's manifest may describe the input: a text file or a saved page."""
    return path.suffix.lower() in TEXT_SUFFIXES or is_page_file(path)


def _own_row(path: Path, manifest: Manifest | InputError | None) -> bytes | None:
    """What a text file's or a page's identity takes from its folder's manifest: its own row, or
    why the manifest cannot be read; None for a file without a row and for other inputs."""
    if not _has_manifest_row(path) or manifest is None:
        return None
    if isinstance(manifest, InputError):
        return f"{MANIFEST_NAME}: {manifest}".encode()
    row = manifest.rows.get(path.name)
    return None if row is None else json.dumps(row).encode()


def _scan(path: Path, row: bytes | None, prefix: int | None = None) -> _Scan:
    """Hash `path`'s bytes, then its manifest `row`; its first `prefix` bytes are hashed apart
    too when the file holds more than that."""
    digest = hashlib.sha256()
    lines = 0
    prefix_hash = None
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        if prefix is not None:
            remaining = prefix
            while remaining and (block := handle.read(min(remaining, 1 << 20))):
                digest.update(block)
                lines += block.count(b"\n")
                remaining -= len(block)
            prefix_hash = None if remaining else digest.hexdigest()
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
        size = handle.tell()
    if row is not None:
        digest.update(b"\0" + row)
    if prefix is not None and size <= prefix:
        prefix_hash = None  # nothing appended: the whole hash alone says whether it is as loaded
    return _Scan(digest.hexdigest(), size, head, prefix_hash, lines)


def _unread(scan: _Scan, loaded_hash: str | None, bytes_read: int | None) -> JsonlSpan | None:
    """What of an input is to be read: None when it is as loaded; of a `.jsonl` file loaded up to
    `bytes_read`, the lines appended after that when its first bytes still hash as loaded;
    else the whole file, as it was hashed."""
    if scan.content_hash == loaded_hash:
        return None
    if bytes_read is not None and scan.prefix_hash == loaded_hash and resumable(scan.head):
        return JsonlSpan(bytes_read, scan.size, scan.prefix_lines + 1)
    return JsonlSpan(0, scan.size)


class _Admission:
    """Which articles of a run are kept: English, one per content, one text per record id.

    Only keys are remembered: the content ids seen, and the first article of each record id.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.ids: dict[str, tuple[str, str]] = {}  # record id -> (article id, input path) of the first
        self.duplicates = 0

    def admit(self, article: Article, is_record: bool) -> Article | Rejection | None:
        """The article when it is new; a rejection; None for content already admitted."""
        language = not_english(mask(article.body, article.skipped_spans))
        if language is not None:
            return Rejection(article.input_path, language)
        first = self.ids.get(article.external_id) if is_record else None
        if first is not None and first[0] != article.article_id:
            return Rejection(
                article.input_path,
                f"duplicate id {article.external_id!r} with different text (the first, at {first[1]}, is kept)",
            )
        if is_record:
            self.ids.setdefault(article.external_id, (article.article_id, article.input_path))
        if article.article_id in self.seen:
            self.duplicates += 1
            return None
        self.seen.add(article.article_id)
        return article


class IngestStream:
    """The articles at `source`, the same content kept once, read one input at a time as iterated.

    `loaded` maps an input path to the hash it had when last loaded; an input with that hash is
    not read again. `bytes_read` maps a `.jsonl` input's path to how many of its first bytes that
    hash covers: when the file has grown and those bytes still hash the same, only what follows
    them is read. What else reading finds is tallied as it goes (rejections, notes, the
    inputs read with their hashes, unchanged inputs, duplicates) and `result()` gives it once
    the stream is exhausted. Across inputs only keys are kept, never an article, so a source
    of any size streams through in the memory of its largest input. For a feeds source, `feeds`
    are the feeds' validators and poll times (`newswire.ingest.feeds.FeedState`) and `loaded`
    holds the pages by URL.
    """

    def __init__(
        self, source: Path | str, loaded: Mapping[str, str] | None = None, bytes_read: Mapping[str, int] | None = None,
        feeds: Mapping[str, FeedState] | None = None,
    ) -> None:
        from newswire.ingest import feeds as feed_source  # it reads pages into this module's records

        if not feed_source.is_url(source) and not Path(source).exists():
            raise FileNotFoundError(f"source {source} does not exist")
        self.rejections: list[Rejection] = []
        self.notes: list[InputNote] = []
        self.inputs: list[InputFile] = []
        self.unchanged = 0
        self._admission = _Admission()
        if feed_source.is_feeds_source(source):
            self._articles = self._read_feeds(feed_source.read_feeds(source, dict(loaded or {}), dict(feeds or {})))
        else:
            self._articles = self._read(Path(source), dict(loaded or {}), dict(bytes_read or {}))

    def __iter__(self) -> Iterator[Article]:
        return self._articles

    @property
    def duplicates(self) -> int:
        return self._admission.duplicates

    def result(self, articles: tuple[Article, ...] = ()) -> IngestResult:
        """What has been found so far, with `articles`."""
        return IngestResult(
            articles, tuple(self.rejections), self.duplicates, tuple(self.inputs), self.unchanged, tuple(self.notes)
        )

    def _read(self, source: Path, loaded: Mapping[str, str], bytes_read: Mapping[str, int]) -> Iterator[Article]:
        listing = _list_inputs(source)
        self._found(listing.findings)
        present: dict[Path, set[str]] = {}
        for path in listing.files:
            present.setdefault(path.parent, set()).add(path.name)
        manifests: dict[Path, Manifest | InputError] = {}
        reported: set[Path] = set()  # the folders whose manifest findings are recorded
        for path in listing.files:
            if path.name == MANIFEST_NAME:
                continue
            folder, name, suffix = path.parent, path_text(path), path.suffix.lower()
            if folder not in manifests and _has_manifest_row(path):
                manifests[folder] = load_manifest(folder / MANIFEST_NAME, present[folder])
            jsonl = suffix == ".jsonl"
            read_before = bytes_read.get(name) if jsonl else None
            try:
                scan = _scan(path, _own_row(path, manifests.get(folder)), read_before)
            except OSError as exc:
                self.rejections.append(Rejection(name, f"cannot be read: {exc.strerror or exc}"))
                continue
            span = _unread(scan, loaded.get(name), read_before)
            if span is None:
                self.unchanged += 1
                continue
            self.inputs.append(InputFile(name, scan.content_hash, scan.size if jsonl else None))
            if folder not in manifests:
                manifests[folder] = load_manifest(folder / MANIFEST_NAME, present[folder])
            if folder not in reported:
                reported.add(folder)
                if isinstance(manifests[folder], Manifest):
                    self._found(manifests[folder].findings)
            is_record = suffix in RECORD_SUFFIXES
            for item in _read_input(path, manifests[folder], span):
                if isinstance(item, Article):
                    item = self._admission.admit(item, is_record)
                if isinstance(item, Article):
                    yield item
                elif item is not None:
                    self._found([item])

    def _read_feeds(self, found: Iterator[Article | Rejection | InputNote | InputFile | Unchanged]) -> Iterator[Article]:
        """The new articles of a feeds source (`newswire.ingest.feeds.read_feeds`), tallied as
        a folder's are; a page's article is admitted as a file's is."""
        for item in found:
            if isinstance(item, Article):
                item = self._admission.admit(item, is_record=False)
            if isinstance(item, Article):
                yield item
            elif isinstance(item, InputFile):
                self.inputs.append(item)
            elif isinstance(item, Rejection | InputNote):
                self._found([item])
            elif item is not None:
                self.unchanged += 1

    def _found(self, findings: Iterable[Rejection | InputNote]) -> None:
        for finding in findings:
            (self.rejections if isinstance(finding, Rejection) else self.notes).append(finding)


def _read_input(
    path: Path, manifest: Manifest | InputError, span: JsonlSpan
) -> Iterable[Article | Rejection | InputNote]:
    """What one input holds: a saved page's article, a web archive's pages, or a file of the
    formats of `newswire.ingest.formats`."""
    if is_page_file(path):
        return [read_page_file(path, manifest)]
    if is_warc(path):
        return read_warc(path, path_text(path))
    return read_input(path, manifest, span)


def ingest(source: Path, loaded: Mapping[str, str] | None = None) -> IngestResult:
    """All articles at `source`, the same content kept once, and every rejection (see `IngestStream`)."""
    stream = IngestStream(source, loaded)
    articles = tuple(stream)
    return stream.result(articles)


def rebuild_article(
    article_id: str, external_id: str, title: str | None, source_name: str | None, url: str | None,
    published_at: date | None, body: str, input_path: str, author: str | None = None,
    language: str | None = None, published_at_source: str | None = None,
) -> Article:
    """An article as loaded before, ready to be extracted again (its skipped spans found anew)."""
    meta = ArticleMeta(
        title=title, published_at=published_at, source_name=source_name, url=url,
        published_at_source=published_at_source,
    )
    article = make_article(body, external_id, input_path, meta, metadata_end(body), language=language)
    if article.article_id != article_id:
        raise InputError(f"article {article_id} no longer hashes to its id; load it again from its input")
    return replace(article, author=author)
