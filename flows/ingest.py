"""Reading raw inputs into `Article` records.

Accepted: `.txt` (optional first line `date YYYY-MM-DD` or YAML front matter), `.json` (an
object or an array of objects), `.jsonl` (an object a line), and a `manifest.csv` beside
`.txt` files whose values win over the file's own header. A broken input becomes a
`Rejection` with its reason; it never stops the others.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from flows.clean import content_key, furniture_spans, header_date
from flows.records import Article, Rejection, stable_id

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".json", ".jsonl")
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("file", "published_at", "source", "title", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)


class InputError(ValueError):
    """An input that cannot become an article; the message is the recorded reason."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input read in a run, and the hash of what it was read from."""

    input_path: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class InputNote:
    """Something worth knowing about an input that loaded (or was left out without being broken)."""

    input_path: str
    note: str


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    duplicates: int
    inputs: tuple[InputFile, ...] = ()
    unchanged: int = 0  # inputs skipped because their hash is the one already loaded
    notes: tuple[InputNote, ...] = ()


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None = None
    published_at: date | None = None
    source_name: str | None = None
    url: str | None = None

    def over(self, other: _Meta) -> _Meta:
        """These values where set, `other`'s elsewhere."""
        return _Meta(
            title=self.title or other.title,
            published_at=self.published_at or other.published_at,
            source_name=self.source_name or other.source_name,
            url=self.url or other.url,
        )


def decode(raw: bytes) -> str:
    """UTF-8 text with the BOM removed and line endings normalised to `\\n`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_published_at(value: object) -> date | None:
    """An ISO date or datetime (as text or as a date) to a date; empty means unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise InputError(f"published_at {text!r} is not an ISO date or datetime") from exc


def _text_or_none(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{field} must be a string, got {type(value).__name__}")
    return value.strip() or None


def _meta_from_mapping(data: Mapping[str, object]) -> _Meta:
    return _Meta(
        title=_text_or_none(data.get("title"), "title"),
        published_at=parse_published_at(data.get("published_at")),
        source_name=_text_or_none(data.get("source"), "source"),
        url=_text_or_none(data.get("url"), "url"),
    )


def make_article(
    body: str, external_id: str, input_path: str, meta: _Meta, header_end: int = 0
) -> Article:
    """An article from its decoded body; the first `header_end` characters are metadata."""
    if not content_key(body[header_end:]):
        raise InputError("the article has no text")
    skipped = ([(0, header_end)] if header_end else []) + furniture_spans(body, header_end)
    kept = "".join(body[a:b] for a, b in _complement(skipped, len(body)))
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
    )


def _complement(spans: list[tuple[int, int]], length: int) -> Iterator[tuple[int, int]]:
    position = 0
    for start, end in spans:
        yield position, start
        position = end
    yield position, length


def parse_text_file(text: str, external_id: str, input_path: str, manifest: _Meta) -> Article:
    """A `.txt` article: front matter or a `date` line, then the story."""
    front = _FRONT_MATTER.match(text)
    if front is not None:
        try:
            data = yaml.safe_load(front.group(1))
        except yaml.YAMLError as exc:
            raise InputError(f"front matter is not valid YAML: {exc.problem or exc}") from exc
        if not isinstance(data, dict):
            raise InputError("front matter is not a mapping of fields")
        return make_article(text, external_id, input_path, manifest.over(_meta_from_mapping(data)), front.end())
    value, header_end = header_date(text)
    own = _Meta(published_at=parse_published_at(value)) if value else _Meta()
    return make_article(text, external_id, input_path, manifest.over(own), header_end)


def parse_record(data: object, input_path: str) -> Article:
    """One JSON object with `id`, `text` and optional metadata."""
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    missing = [f for f in ("id", "text") if data.get(f) in (None, "")]
    if missing:
        raise InputError(f"missing required field(s): {', '.join(missing)}")
    if not isinstance(data["text"], str):
        raise InputError("text must be a string")
    body = data["text"].lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return make_article(body, str(data["id"]), input_path, _meta_from_mapping(data))


def read_manifest(path: Path) -> dict[str, _Meta]:
    """`file,published_at,source,title,url` rows keyed by file name."""
    reader = csv.DictReader(io.StringIO(decode(path.read_bytes())))
    absent = [f for f in MANIFEST_FIELDS if f not in (reader.fieldnames or [])]
    if absent:
        raise InputError(f"manifest lacks column(s): {', '.join(absent)}")
    entries: dict[str, _Meta] = {}
    for line, row in enumerate(reader, start=2):
        try:
            entries[row["file"].strip()] = _meta_from_mapping(
                {k: row[k] for k in ("title", "published_at", "source", "url")}
            )
        except InputError as exc:
            raise InputError(f"line {line}: {exc}") from exc
    return entries


def _read_records(path: Path) -> Iterator[Article | Rejection]:
    text = decode(path.read_bytes())
    if path.suffix == ".jsonl":
        items = [(f"{path}:{n}", line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
        for where, line in items:
            try:
                yield parse_record(json.loads(line), where)
            except json.JSONDecodeError as exc:
                yield Rejection(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            except InputError as exc:
                yield Rejection(where, str(exc))
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    records = data if isinstance(data, list) else [data]
    for n, item in enumerate(records):
        where = f"{path}[{n}]" if isinstance(data, list) else str(path)
        try:
            yield parse_record(item, where)
        except InputError as exc:
            yield Rejection(where, str(exc))


def _input_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(
        p for p in source.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(source).parts)
    )


def _read_file(path: Path, manifest: dict[str, _Meta] | InputError) -> Iterator[Article | Rejection]:
    suffix = path.suffix.lower()
    try:
        if suffix in RECORD_SUFFIXES:
            yield from _read_records(path)
        elif suffix in TEXT_SUFFIXES:
            if isinstance(manifest, InputError):
                raise InputError(f"{MANIFEST_NAME}: {manifest}")
            yield parse_text_file(decode(path.read_bytes()), path.stem, str(path), manifest.get(path.name, _Meta()))
        else:
            yield Rejection(str(path), f"unsupported file type {suffix or '(none)'!r}")
    except InputError as exc:
        yield Rejection(str(path), str(exc))
    except OSError as exc:
        yield Rejection(str(path), f"cannot be read: {exc.strerror or exc}")


def content_hash(path: Path) -> str:
    """What an input was read from: its bytes, and for a text file its folder's manifest too."""
    digest = hashlib.sha256(path.read_bytes())
    manifest = path.parent / MANIFEST_NAME
    if path.suffix.lower() in TEXT_SUFFIXES and manifest.is_file():
        digest.update(b"\0" + manifest.read_bytes())
    return digest.hexdigest()


def _load_manifest(path: Path) -> dict[str, _Meta] | InputError:
    if not path.is_file():
        return {}
    try:
        return read_manifest(path)
    except InputError as exc:
        return exc


def ingest(source: Path, loaded: Mapping[str, str] | None = None) -> IngestResult:
    """All articles at `source`, the same content kept once, and every rejection.

    `loaded` maps an input path to the hash it had when last loaded; an input with that hash
    is not read again.
    """
    if not source.exists():
        raise FileNotFoundError(f"source {source} does not exist")
    loaded = loaded or {}
    articles: dict[str, Article] = {}
    rejections: list[Rejection] = []
    inputs: list[InputFile] = []
    duplicates = unchanged = 0
    manifests: dict[Path, dict[str, _Meta] | InputError] = {}
    for path in _input_files(source):
        if path.name == MANIFEST_NAME:
            continue
        try:
            digest = content_hash(path)
        except OSError as exc:
            rejections.append(Rejection(str(path), f"cannot be read: {exc.strerror or exc}"))
            continue
        if loaded.get(str(path)) == digest:
            unchanged += 1
            continue
        inputs.append(InputFile(str(path), digest))
        if path.parent not in manifests:
            manifests[path.parent] = _load_manifest(path.parent / MANIFEST_NAME)
        for item in _read_file(path, manifests[path.parent]):
            if isinstance(item, Rejection):
                rejections.append(item)
            elif item.article_id in articles:
                duplicates += 1
            else:
                articles[item.article_id] = item
    return IngestResult(tuple(articles.values()), tuple(rejections), duplicates, tuple(inputs), unchanged)


def rebuild_article(
    article_id: str, external_id: str, title: str | None, source_name: str | None, url: str | None,
    published_at: date | None, body: str, input_path: str,
) -> Article:
    """An article as loaded before, ready to be extracted again (its skipped spans found anew)."""
    meta = _Meta(title=title, published_at=published_at, source_name=source_name, url=url)
    front = _FRONT_MATTER.match(body)
    header_end = front.end() if front is not None else header_date(body)[1]
    article = make_article(body, external_id, input_path, meta, header_end)
    if article.article_id != article_id:
        raise InputError(f"article {article_id} no longer hashes to its id; load it again from its input")
    return article
