"""Reading a source into `Article` records: listing its inputs, hashing them, admitting what is new.

A source is a file or a folder of inputs in the formats of `newswire.ingest.formats`. Each input
is hashed so that one loaded before is not read again; each article is admitted once per
content, in English, one text per record id. A broken input becomes a `Rejection` with its
reason; it never stops the others. Every input is named by its path as `path_text` gives it
(bytes that are not UTF-8 and control characters escaped), in what is recorded and in what is
compared with the inputs loaded before. Input is data only: nothing in it is executed or followed
(no URL is fetched, symbolic links are not followed).
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newswire.ingest.clean import mask, not_english, path_text
from newswire.ingest.formats import (
    MANIFEST_NAME,
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_RECORD_FILE_BYTES,
    RECORD_SUFFIXES,
    TEXT_SUFFIXES,
    ArticleMeta,
    InputError,
    InputNote,
    Manifest,
    load_manifest,
    make_article,
    metadata_end,
    read_input,
)
from newswire.records import Article, Rejection

# The names read from here; the limits and `InputNote` are `newswire.ingest.formats`'s.
__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "IngestResult",
    "IngestStream",
    "InputFile",
    "InputNote",
    "content_hash",
    "ingest",
    "rebuild_article",
]


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input read in a run (its path as `path_text` gives it), and the hash of what it was read from."""

    input_path: str
    content_hash: str


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


def content_hash(path: Path, manifest: bytes | None) -> str:
    """What an input was read from: its bytes, and for a text file its folder's manifest too."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if path.suffix.lower() in TEXT_SUFFIXES and manifest is not None:
        digest.update(b"\0" + manifest)
    return digest.hexdigest()


def _manifest_bytes(folder: Path) -> bytes | None:
    path = folder / MANIFEST_NAME
    return path.read_bytes() if path.is_file() and path.stat().st_size <= MAX_RECORD_FILE_BYTES else None


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
    not read again. What else reading finds is tallied as it goes (rejections, notes, the
    inputs read with their hashes, unchanged inputs, duplicates) and `result()` gives it once
    the stream is exhausted. Across inputs only keys are kept, never an article, so a source
    of any size streams through in the memory of its largest input.
    """

    def __init__(self, source: Path, loaded: Mapping[str, str] | None = None) -> None:
        if not source.exists():
            raise FileNotFoundError(f"source {source} does not exist")
        self.rejections: list[Rejection] = []
        self.notes: list[InputNote] = []
        self.inputs: list[InputFile] = []
        self.unchanged = 0
        self._admission = _Admission()
        self._articles = self._read(source, dict(loaded or {}))

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

    def _read(self, source: Path, loaded: Mapping[str, str]) -> Iterator[Article]:
        listing = _list_inputs(source)
        self._found(listing.findings)
        present: dict[Path, set[str]] = {}
        for path in listing.files:
            present.setdefault(path.parent, set()).add(path.name)
        manifest_bytes: dict[Path, bytes | None] = {}
        manifests: dict[Path, Manifest | InputError] = {}
        for path in listing.files:
            if path.name == MANIFEST_NAME:
                continue
            try:
                if path.parent not in manifest_bytes:
                    manifest_bytes[path.parent] = _manifest_bytes(path.parent)
                digest = content_hash(path, manifest_bytes[path.parent])
            except OSError as exc:
                self.rejections.append(Rejection(path_text(path), f"cannot be read: {exc.strerror or exc}"))
                continue
            if loaded.get(path_text(path)) == digest:
                self.unchanged += 1
                continue
            self.inputs.append(InputFile(path_text(path), digest))
            if path.parent not in manifests:
                manifest = manifests[path.parent] = load_manifest(path.parent / MANIFEST_NAME, present[path.parent])
                if isinstance(manifest, Manifest):
                    self._found(manifest.findings)
            is_record = path.suffix.lower() in RECORD_SUFFIXES
            for item in read_input(path, manifests[path.parent]):
                if isinstance(item, Article):
                    item = self._admission.admit(item, is_record)
                if isinstance(item, Article):
                    yield item
                elif item is not None:
                    self._found([item])

    def _found(self, findings: Iterable[Rejection | InputNote]) -> None:
        for finding in findings:
            (self.rejections if isinstance(finding, Rejection) else self.notes).append(finding)


def ingest(source: Path, loaded: Mapping[str, str] | None = None) -> IngestResult:
    """All articles at `source`, the same content kept once, and every rejection (see `IngestStream`)."""
    stream = IngestStream(source, loaded)
    articles = tuple(stream)
    return stream.result(articles)


def rebuild_article(
    article_id: str, external_id: str, title: str | None, source_name: str | None, url: str | None,
    published_at: date | None, body: str, input_path: str,
) -> Article:
    """An article as loaded before, ready to be extracted again (its skipped spans found anew)."""
    meta = ArticleMeta(title=title, published_at=published_at, source_name=source_name, url=url)
    article = make_article(body, external_id, input_path, meta, metadata_end(body))
    if article.article_id != article_id:
        raise InputError(f"article {article_id} no longer hashes to its id; load it again from its input")
    return article
