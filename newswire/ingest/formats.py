"""Input formats: from the bytes of one input file to `Article` records.

Accepted: `.txt` (optional first line `date YYYY-MM-DD` or YAML front matter), `.json` (an
object or an array of objects), `.jsonl` (an object a line), and a `manifest.csv` beside
`.txt` files whose values win over the file's own header. A `.jsonl` file may be read from a
line on (`JsonlSpan`), so that a file that grew is read for its new lines only. Bytes are decoded as UTF-8, as
UTF-16 or UTF-32 when a byte-order mark says so, or as Windows-1252 prose, with a note for
all but UTF-8; a binary file is rejected, and so is an article with nothing visible in it. A
broken input becomes a `Rejection` with its reason; a broken record rejects that record only. Input is data only:
YAML is read with `safe_load`, and a manifest row naming a path outside its folder is never read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePosixPath, PureWindowsPath

import yaml

from newswire.ingest.clean import content_key, furniture_spans, has_visible_text, header_date, path_text
from newswire.records import Article, Rejection, stable_id

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".json", ".jsonl")
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("file", "published_at", "source", "title", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)
# The longest real news stories run to a few hundred kilobytes; anything over this is not one
# article, and reading it would only cost memory and time.
MAX_ARTICLE_CHARS = 5_000_000
MAX_ARTICLE_BYTES = 5_000_000  # a `.txt` file, checked before it is read
MAX_RECORD_FILE_BYTES = 500_000_000  # a `.json`, `.jsonl` or manifest file, checked before it is read
FUTURE_SLACK = timedelta(days=1)  # a publication date later than now by more than this is an error
EARLIEST_PUBLISHED = date(1800, 1, 1)  # a publication date before this is an error: no news archive goes back further
WINDOWS_1252_NOTE = "decoded as Windows-1252, not UTF-8"
ENGLISH = "en"  # the language the extractors read (ISO 639-1)
# Byte-order marks and what they announce; UTF-32's little-endian mark starts like UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01  # text has the odd stray control character; a binary file has many
_MAX_NON_ASCII_SHARE = 0.3  # Windows-1252 prose is mostly ASCII with accented letters among it


class InputError(ValueError):
    """An input that cannot become an article; the message is the recorded reason."""


@dataclass(frozen=True, slots=True)
class InputNote:
    """Something worth knowing about an input that loaded (or was left out without being broken)."""

    input_path: str
    note: str


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What an input says about its article besides the text: its record's fields, its front
    matter or `date` line, its manifest row."""

    title: str | None = None
    published_at: date | None = None
    source_name: str | None = None
    url: str | None = None
    published_at_source: str | None = None  # where published_at was found: manifest, front_matter, meta…

    def over(self, other: ArticleMeta) -> ArticleMeta:
        """These values where set, `other`'s elsewhere; the date's source goes with the date."""
        dated = self if self.published_at else other
        return ArticleMeta(
            title=self.title or other.title,
            published_at=dated.published_at,
            source_name=self.source_name or other.source_name,
            url=self.url or other.url,
            published_at_source=dated.published_at_source if dated.published_at else None,
        )


def decode(raw: bytes) -> tuple[str, str | None]:
    """Text with the BOM removed and line endings normalised to `\\n`, and a note on its encoding.

    UTF-8 is expected. A UTF-16 or UTF-32 byte-order mark is obeyed. Bytes that are not UTF-8
    but read as Windows-1252 prose (mostly ASCII, accented letters among it) are decoded as
    Windows-1252. A note says which encoding it was when it was not UTF-8.
    """
    text, encoding = _unicode_with_mark(raw)
    note = f"decoded as {encoding} (it starts with a {encoding} byte-order mark)" if encoding else None
    if text is not None:
        if "\0" in text:
            raise InputError(f"binary file, not text (it holds NUL characters once decoded as {encoding})")
    elif b"\0" in raw:
        raise InputError("binary file, not text (it holds NUL bytes)")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text, note = _windows_1252(raw, exc), WINDOWS_1252_NOTE
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise InputError(f"binary file, not text ({controls:,} control characters in {len(text):,})")
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _unicode_with_mark(raw: bytes) -> tuple[str | None, str | None]:
    """Text in the UTF-16 or UTF-32 its byte-order mark announces, and that encoding's name.

    (None, None) when the bytes start with no such mark.
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            name = encoding.upper()
            try:
                return raw.decode(encoding), name
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {name} (byte {exc.start}: {raw[exc.start:exc.start + 4]!r}), "
                    f"though it starts with a {name} byte-order mark"
                ) from exc
    return None, None


def _windows_1252(raw: bytes, utf8_error: UnicodeDecodeError) -> str:
    where = f"byte {utf8_error.start}: {raw[utf8_error.start:utf8_error.start + 1]!r}"
    lenient = raw.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    if sum(not c.isascii() for c in lenient) - broken > broken:
        raise InputError(f"not valid UTF-8 ({where}), though most of it is: a damaged UTF-8 file")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"binary file, not text (not UTF-8, {where}; nor Windows-1252, byte {exc.start}: "
            f"{raw[exc.start:exc.start + 1]!r})"
        ) from exc
    visible = len(text) - sum(c.isspace() for c in text)
    if sum(not c.isascii() for c in text) > visible * _MAX_NON_ASCII_SHARE:
        raise InputError(f"binary file, not text (not UTF-8, {where}; nor Windows-1252 prose)")
    return text


def parse_published_at(value: object) -> date | None:
    """An ISO date or datetime (as text or as a date) to a date; empty means unknown.

    A date later than tomorrow (UTC) is an error: nothing is published in the future; so is one
    before `EARLIEST_PUBLISHED`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            day = date.fromisoformat(text[:10]) if len(text) == 10 else datetime.fromisoformat(text).date()
        except ValueError as exc:
            raise InputError(f"published_at {text[:40]!r} is not an ISO date or datetime") from exc
    else:
        raise InputError(f"published_at must be a date or a string, got {type(value).__name__}")
    latest = (datetime.now(UTC) + FUTURE_SLACK).date()
    if day > latest:
        raise InputError(f"published_at {day.isoformat()} is in the future (later than {latest.isoformat()})")
    if day < EARLIEST_PUBLISHED:
        raise InputError(f"published_at {day.isoformat()} is before {EARLIEST_PUBLISHED.isoformat()}")
    return day


def _checked(value: str, field: str) -> str:
    """`value` when it is text that can be stored: no NUL characters, no lone surrogates."""
    if "\0" in value:
        raise InputError(f"{field} holds NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{field} is not valid Unicode (a lone surrogate at character {exc.start})") from exc
    return value


def _text_or_none(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{field} must be a string, got {type(value).__name__}")
    return _checked(value, field).strip() or None


def _meta_from_mapping(data: Mapping[str, object], source: str) -> ArticleMeta:
    """The metadata fields of a record, front matter or manifest row; `source` names which."""
    return ArticleMeta(
        title=_text_or_none(data.get("title"), "title"),
        published_at=parse_published_at(data.get("published_at")),
        source_name=_text_or_none(data.get("source"), "source"),
        url=_text_or_none(data.get("url"), "url"),
        published_at_source=source,
    )


def make_article(
    body: str, external_id: str, input_path: str, meta: ArticleMeta, header_end: int = 0,
    language: str | None = None,
) -> Article:
    """An article from its decoded body; the first `header_end` characters are metadata.

    An article whose `language` is known and is not English is kept whole and read for nothing:
    all of it is skipped, since English is what the extractors read.
    """
    if len(body) > MAX_ARTICLE_CHARS:
        raise InputError(f"text is {len(body):,} characters, over the {MAX_ARTICLE_CHARS:,}-character limit for an article")
    if not content_key(body[header_end:]):
        raise InputError("the article has no text")
    if not has_visible_text(body[header_end:]):
        raise InputError("the article has no text (only whitespace, zero-width or control characters)")
    skipped = ([(0, header_end)] if header_end else []) + furniture_spans(body, header_end)
    kept = "".join(body[a:b] for a, b in _complement(skipped, len(body)))
    if language not in (None, ENGLISH):
        skipped = [(0, len(body))]
    return Article(
        article_id=stable_id(content_key(kept)),
        external_id=external_id,
        title=meta.title,
        source_name=meta.source_name,
        url=meta.url,
        published_at=meta.published_at,
        body=body,
        input_path=input_path,
        skipped_spans=tuple(skipped),
        language=language,
        published_at_source=meta.published_at_source if meta.published_at else None,
    )


def _complement(spans: list[tuple[int, int]], length: int) -> Iterator[tuple[int, int]]:
    position = 0
    for start, end in spans:
        yield position, start
        position = end
    yield position, length


def parse_text_file(text: str, external_id: str, input_path: str, manifest: ArticleMeta) -> Article:
    """A `.txt` article: front matter or a `date` line, then the story."""
    front = _FRONT_MATTER.match(text)
    if front is not None:
        try:
            data = yaml.safe_load(front.group(1))
        except yaml.MarkedYAMLError as exc:
            raise InputError(f"front matter is not valid YAML: {exc.problem or exc}") from exc
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            raise InputError(f"front matter is not valid YAML: {exc or type(exc).__name__}") from exc
        if not isinstance(data, dict):
            raise InputError("front matter is not a mapping of fields")
        own = _meta_from_mapping(data, "front_matter")
        return make_article(text, external_id, input_path, manifest.over(own), front.end())
    value, header_end = header_date(text)
    own = ArticleMeta(published_at=parse_published_at(value), published_at_source="front_matter") if value else ArticleMeta()
    return make_article(text, external_id, input_path, manifest.over(own), header_end)


def metadata_end(body: str) -> int:
    """Where the metadata at the start of a `.txt` body ends: its front matter or `date` line."""
    front = _FRONT_MATTER.match(body)
    return front.end() if front is not None else header_date(body)[1]


def parse_record(data: object, input_path: str) -> Article:
    """One JSON object with `id`, `text` and optional metadata."""
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    missing = [f for f in ("id", "text") if data.get(f) in (None, "")]
    if missing:
        raise InputError(f"missing required field(s): {', '.join(missing)}")
    if not isinstance(data["text"], str):
        raise InputError(f"text must be a string, got {type(data['text']).__name__}")
    if not isinstance(data["id"], str | int) or isinstance(data["id"], bool):
        raise InputError(f"id must be a string or an integer, got {type(data['id']).__name__}")
    body = _checked(data["text"], "text").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    external_id = _checked(str(data["id"]), "id")
    return make_article(body, external_id, input_path, _meta_from_mapping(data, "record"))


@dataclass(slots=True)
class Manifest:
    """A folder's manifest: the metadata of each file it names, each file's row as written (its
    values in `MANIFEST_FIELDS` order, the last row when a file has several), and what is wrong
    with its rows."""

    entries: dict[str, ArticleMeta | InputError] = field(default_factory=dict)
    findings: list[Rejection | InputNote] = field(default_factory=list)
    rows: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _outside(name: str) -> bool:
    """Whether a manifest's file name points out of its folder: absolute, or through `..`."""
    return any(p.is_absolute() or p.drive or ".." in p.parts for p in (PurePosixPath(name), PureWindowsPath(name)))


def read_manifest(path: Path, present: set[str]) -> Manifest:
    """`file,published_at,source,title,url` rows keyed by file name.

    `present` are the names of the files beside it. A row whose metadata is broken rejects the
    file it names (and only that one); a row naming a path outside the folder is rejected and
    the path never read; so is a row naming a file that is not there.
    """
    if path.stat().st_size > MAX_RECORD_FILE_BYTES:
        raise InputError(f"manifest is {path.stat().st_size:,} bytes, over the {MAX_RECORD_FILE_BYTES:,}-byte limit")
    text, _ = decode(path.read_bytes())
    manifest = Manifest()
    try:
        reader = csv.DictReader(io.StringIO(text))
        absent = [f for f in MANIFEST_FIELDS if f not in (reader.fieldnames or [])]
        if absent:
            raise InputError(f"manifest lacks column(s): {', '.join(absent)}")
        for line, row in enumerate(reader, start=2):
            where = f"{path_text(path)}:{line}"
            name = (row.get("file") or "").strip()
            if not name:
                manifest.findings.append(Rejection(where, "manifest row names no file"))
            elif _outside(name):
                manifest.findings.append(Rejection(where, f"manifest row names {name!r}, outside its folder; not read"))
            else:
                if name not in present:
                    manifest.findings.append(Rejection(where, f"manifest row names {name!r}, which is not in its folder"))
                manifest.rows[name] = tuple(row.get(k) or "" for k in MANIFEST_FIELDS)
                try:
                    manifest.entries[name] = _meta_from_mapping(
                        {k: row.get(k) for k in ("title", "published_at", "source", "url")}, "manifest"
                    )
                except InputError as exc:
                    manifest.entries[name] = InputError(f"{MANIFEST_NAME} line {line}: {exc}")
    except csv.Error as exc:
        raise InputError(f"manifest is not valid CSV: {exc}") from exc
    return manifest


def load_manifest(path: Path, present: set[str]) -> Manifest | InputError:
    """The manifest at `path` (an empty one when there is none), or why it cannot be read."""
    if not path.is_file():
        return Manifest()
    try:
        return read_manifest(path, present)
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(f"cannot be read: {exc.strerror or exc}")


def _parse_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise InputError("invalid JSON: nested too deeply") from exc
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc


@dataclass(frozen=True, slots=True)
class JsonlSpan:
    """The part of a `.jsonl` file to read: its bytes from `start` to `end` (to its end when None),
    the first of them on line `line`."""

    start: int = 0
    end: int | None = None
    line: int = 1


def resumable(head: bytes) -> bool:
    """Whether a file that starts with `head` can be decoded from a later line on: not UTF-16 or
    UTF-32, whose byte-order mark only its first bytes carry."""
    return not any(head.startswith(mark) for mark, _ in _BYTE_ORDER_MARKS)


def _read_records(path: Path, text: str, name: str, span: JsonlSpan) -> Iterator[Article | Rejection]:
    """Each record of a `.json` or `.jsonl` file (`name` as `path_text` gives it), as an article or a rejection.

    A `.jsonl` file is parsed a line at a time, as its records are asked for; `text` is its `span`,
    and only a span from its start must hold a record.
    """
    if path.suffix.lower() == ".jsonl":
        empty = span.start == 0
        for n, line in enumerate(_each_line(text), start=span.line):
            if not line.strip():
                continue
            empty = False
            try:
                item = _parse_json(line)
            except InputError as exc:
                yield Rejection(f"{name}:{n}", str(exc).replace(" at line 1 column", " at column"))
                continue
            yield _record(item, f"{name}:{n}")
        if empty:
            raise InputError("the file holds no records")
        return
    data = _parse_json(text)
    if data == []:
        raise InputError("the file holds no records")
    if not isinstance(data, list):
        yield _record(data, name)
        return
    for n, item in enumerate(data):
        yield _record(item, f"{name}[{n}]")


def _each_line(text: str) -> Iterator[str]:
    """`text.split("\\n")`, a line at a time."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _record(item: object, where: str) -> Article | Rejection:
    try:
        return parse_record(item, where)
    except InputError as exc:
        return Rejection(where, str(exc))


def read_input(
    path: Path, manifest: Manifest | InputError, span: JsonlSpan = JsonlSpan()
) -> Iterator[Article | Rejection | InputNote]:
    """What one input holds, read as it is asked for; a note on how it was decoded comes first.

    The input is named as `path_text` gives its path, and its external id is its name so given.
    Of a `.jsonl` file only `span` is read.
    """
    suffix = path.suffix.lower()
    name = path_text(path)
    try:
        if suffix in RECORD_SUFFIXES:
            if suffix != ".jsonl":
                span = JsonlSpan()
            text, note = _read_text(path, MAX_RECORD_FILE_BYTES, "file is", "a record file", span)
            if note is not None:
                yield InputNote(name, note)
            yield from _read_records(path, text, name, span)
        elif suffix in TEXT_SUFFIXES:
            if isinstance(manifest, InputError):
                raise InputError(f"{MANIFEST_NAME}: {manifest}")
            meta = manifest.entries.get(path.name, ArticleMeta())
            if isinstance(meta, InputError):
                raise meta
            text, note = _read_text(path, MAX_ARTICLE_BYTES, "text is", "an article")
            if note is not None:
                yield InputNote(name, note)
            yield parse_text_file(text, path_text(path.stem), name, meta)
        else:
            yield Rejection(name, f"unsupported file type {suffix or '(none)'!r}")
    except InputError as exc:
        yield Rejection(name, str(exc))
    except OSError as exc:
        yield Rejection(name, f"cannot be read: {exc.strerror or exc}")


def _read_text(
    path: Path, limit: int, subject: str, kind: str, span: JsonlSpan = JsonlSpan()
) -> tuple[str, str | None]:
    """The decoded text of `path` (of its `span`) and its note, not read when that is over `limit`
    bytes for a `kind`."""
    end = path.stat().st_size if span.end is None else span.end
    size = end - span.start
    if size > limit:
        raise InputError(f"{subject} {size:,} bytes, over the {limit:,}-byte limit for {kind}; not read")
    with path.open("rb") as handle:
        handle.seek(span.start)
        return decode(handle.read(size))
