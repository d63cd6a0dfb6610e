"""News feeds as a source: the feeds to read, their items, and the pages the items link to.

A source is a feed URL, or a feeds file (`.yaml`/`.yml`): a YAML list whose entries are feed
URLs or mappings with `url`, an optional `source` (the name the feed's articles are loaded
under, over what the pages say) and an optional `poll` interval (`30m`, `2h`, `90s`, `1d`, or
a number of minutes; the feed is asked for again only once that much time has passed since it
was last asked for). The file is read with `yaml.safe_load` and checked whole: anything wrong
with it is one `InputError` that names every problem.

A feed is RSS or Atom (read by `feedparser`) or JSON Feed (plain JSON). Each item not seen
before is fetched (`newswire.ingest.fetch`) and read as a web page (`read_page`), the item's
title, date and link filling what the page lacks. Seen items cost no request: a page is an
input named by its normalised URL, and the warehouse keeps its hash like a file's. A feed is
asked for with the validators of the copy last read, so an unchanged one is a 304. A fetch
that fails is a `Rejection` with its reason and is not kept as seen, so the next run tries it
again; then the feed's validators are not kept either, so the next run reads the whole feed.
A malformed feed is a rejection too. Nothing stops the other feeds or items.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import feedparser
import yaml

from newswire.ingest.fetch import Fetcher, FetchError, FetchSettings, Response, normalise_url
from newswire.ingest.formats import ArticleMeta, InputError, InputNote, parse_published_at
from newswire.ingest.html import read_page
from newswire.ingest.inputs import InputFile
from newswire.records import Article, Rejection

FEEDS_SUFFIXES = (".yaml", ".yml")
MAX_FEEDS_FILE_BYTES = 1_000_000  # a list of feeds; a file larger than this is not one
FEED_DATE_SOURCE = "feed"  # `published_at_source` of a date taken from the feed item
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_FEED_KEYS = frozenset({"url", "source", "poll"})
_POLL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_POLL_UNITS = {"s": "seconds", "m": "minutes", "": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed to read: its URL, the source name its articles get, and how often to ask for it."""

    url: str
    source: str | None = None
    poll: timedelta | None = None


@dataclass(frozen=True, slots=True)
class FeedItem:
    """A story a feed lists: its page's normalised URL, its title and its date, if the feed gives them."""

    link: str
    title: str | None = None
    published_at: date | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and items; `problem` is what was wrong with a feed read all the same."""

    title: str | None
    items: tuple[FeedItem, ...]
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the warehouse keeps of a feed: the validators of the copy last read in full, and
    when it was last asked for."""

    etag: str | None
    last_modified: str | None
    polled_at: datetime


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An input not read again: a seen item, a feed answered 304, a feed not due for a poll."""

    input_path: str


def is_url(source: Path | str) -> bool:
    return isinstance(source, str) and source.strip().lower().startswith(("http://", "https://"))


def is_feeds_source(source: Path | str) -> bool:
    """Whether `source` names feeds: a URL, or a `.yaml`/`.yml` file."""
    return is_url(source) or Path(source).suffix.lower() in FEEDS_SUFFIXES


def parse_poll(value: object) -> timedelta:
    """A poll interval: a number of minutes, or a number with `s`, `m`, `h` or `d`; above zero."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError(f"poll must be like 30m, 2h, 90s, 1d or a number of minutes, not {value!r}")
    found = _POLL.match(str(value))
    if found is None:
        raise InputError(f"poll must be like 30m, 2h, 90s, 1d or a number of minutes, not {value!r}")
    interval = timedelta(**{_POLL_UNITS[found.group(2)]: float(found.group(1))})
    if interval <= timedelta(0):
        raise InputError(f"poll must be longer than zero, not {value!r}")
    return interval


def read_feeds_file(path: Path) -> list[Feed]:
    """The feeds a feeds file lists, checked whole; an `InputError` naming every problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FEEDS_FILE_BYTES:
            raise InputError(f"feeds file is {size:,} bytes, over the {MAX_FEEDS_FILE_BYTES:,}-byte limit")
        data = yaml.safe_load(path.read_bytes())
    except OSError as exc:
        raise InputError(f"feeds file cannot be read: {exc.strerror or exc}") from exc
    except yaml.MarkedYAMLError as exc:
        raise InputError(f"feeds file is not valid YAML: {exc.problem or exc} ({exc.problem_mark})") from exc
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise InputError(f"feeds file is not valid YAML: {exc or type(exc).__name__}") from exc
    if not isinstance(data, list) or not data:
        raise InputError("a feeds file is a YAML list of feeds (each a URL, or a mapping with url, source, poll)")
    feeds: list[Feed] = []
    problems: list[str] = []
    for number, entry in enumerate(data, start=1):
        try:
            feed = _feed_entry(entry)
        except InputError as exc:
            problems.append(f"feed {number}: {exc}")
            continue
        if any(f.url == feed.url for f in feeds):
            problems.append(f"feed {number}: {feed.url} is listed before")
        feeds.append(feed)
    if problems:
        raise InputError("; ".join(problems))
    return feeds


def _feed_entry(entry: object) -> Feed:
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict):
        raise InputError(f"expected a URL or a mapping, got {type(entry).__name__}")
    unknown = sorted(str(k) for k in entry if k not in _FEED_KEYS)
    if unknown:
        raise InputError(f"unknown key(s) {', '.join(unknown)} (a feed has url, source, poll)")
    url, source = entry.get("url"), entry.get("source")
    if not isinstance(url, str) or not url.strip():
        raise InputError("no url")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        raise InputError(f"source must be a name, not {source!r}")
    poll = entry.get("poll")
    return Feed(
        url=normalise_url(url),
        source=source.strip() if source else None,
        poll=None if poll is None else parse_poll(poll),
    )


def feeds_of(source: Path | str) -> list[Feed]:
    """The feeds a source names: the one feed of a URL, or those of a feeds file."""
    return [Feed(normalise_url(str(source)))] if is_url(source) else read_feeds_file(Path(source))


def parse_feed(raw: bytes, content_type: str | None, url: str) -> ParsedFeed:
    """A feed's items, their links resolved against `url`; a body that is no feed is an `InputError`."""
    if _looks_like_json(raw, content_type):
        return _json_feed(raw, url)
    parsed = feedparser.parse(raw, response_headers={"content-type": content_type or "application/xml"})
    if not parsed.version and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise InputError(f"not a feed (RSS, Atom or JSON Feed){f': {why}' if why else ''}")
    problem = f"malformed feed, read as far as it goes: {parsed.bozo_exception}" if parsed.bozo else None
    items = []
    for entry in parsed.entries:
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append((entry.get("link"), entry.get("title"), date(*when[:3]) if when else None))
    return ParsedFeed(_text(parsed.feed.get("title")), _items(items, url), problem)


def _looks_like_json(raw: bytes, content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media.endswith(("/json", "+json")) or raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _json_feed(raw: bytes, url: str) -> ParsedFeed:
    """A JSON Feed (jsonfeed.org): an object with its `version`, `title` and `items`."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"not a feed: invalid JSON ({exc})") from exc
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION):
        raise InputError(f"not a feed: JSON without a JSON Feed version ({JSON_FEED_VERSION}…)")
    entries = data.get("items")
    if not isinstance(entries, list):
        raise InputError("not a feed: a JSON Feed without a list of items")
    items = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        link = entry.get("url") or entry.get("external_url")
        items.append((link, entry.get("title"), _json_date(entry.get("date_published") or entry.get("date_modified"))))
    return ParsedFeed(_text(data.get("title")), _items(items, url))


def _json_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _items(entries: Sequence[tuple[object, object, date | None]], url: str) -> tuple[FeedItem, ...]:
    """Items with a link, each link once; a date that cannot be a publication date is left out."""
    items: dict[str, FeedItem] = {}
    for link, title, day in entries:
        if not isinstance(link, str) or not link.strip():
            continue
        try:
            normal = normalise_url(link, base=url)
        except FetchError:
            continue
        try:
            day = parse_published_at(day)
        except InputError:
            day = None
        items.setdefault(normal, FeedItem(normal, _text(title), day))
    return tuple(items.values())


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_feeds(
    source: Path | str,
    seen: Mapping[str, str],
    states: Mapping[str, FeedState],
    settings: FetchSettings | None = None,
    now: datetime | None = None,
) -> Iterator[Article | Rejection | InputNote | InputFile | Unchanged]:
    """What the feeds at `source` hold that is new, read as it is asked for.

    `seen` are the inputs loaded before (a page by its URL), `states` the feeds' validators and
    poll times. Yielded: each article, rejection and note; an `InputFile` for each page and feed
    read, which the warehouse keeps when the run is published; an `Unchanged` for each input not
    read again.
    """
    now = now or datetime.now(UTC)
    try:
        feeds = feeds_of(source)
    except InputError as exc:
        yield Rejection(str(source), str(exc))
        return
    done: set[str] = set()  # pages read in this run, whichever feed listed them
    with Fetcher(settings) as fetcher:
        for feed in feeds:
            yield from _read_feed(fetcher, feed, seen, states.get(feed.url), done, now)


def _read_feed(
    fetcher: Fetcher, feed: Feed, seen: Mapping[str, str], state: FeedState | None, done: set[str], now: datetime,
) -> Iterator[Article | Rejection | InputNote | InputFile | Unchanged]:
    if state is not None and feed.poll is not None and now - state.polled_at < feed.poll:
        yield Unchanged(feed.url)
        return
    try:
        if state is None:
            response = fetcher.feed(feed.url)
        else:
            response = fetcher.feed(feed.url, state.etag, state.last_modified)
    except FetchError as exc:
        yield Rejection(feed.url, str(exc))
        return
    if response.not_modified:
        yield Unchanged(feed.url)
        yield InputFile(
            feed.url, seen.get(feed.url, ""), etag=response.etag or state.etag,
            last_modified=response.last_modified or state.last_modified, polled_at=now,
        )
        return
    try:
        parsed = parse_feed(response.content, response.content_type, feed.url)
    except InputError as exc:
        yield Rejection(feed.url, str(exc))
        return
    if parsed.problem:
        yield InputNote(feed.url, parsed.problem)
    fresh = []
    for item in parsed.items:
        if item.link in seen or item.link in done:
            yield Unchanged(item.link)
        else:
            done.add(item.link)
            fresh.append(item)
    complete = True
    for item, fetched in _fetch_pages(fetcher, fresh):
        if isinstance(fetched, FetchError):
            complete = False
            yield Rejection(item.link, str(fetched))
            continue
        yield from _page(feed, parsed, item, fetched, done)
    # validators kept only when every item was read: else a 304 would hide the items to retry
    yield InputFile(
        feed.url, content_hash(response.content), etag=response.etag if complete else None,
        last_modified=response.last_modified if complete else None, polled_at=now,
    )


def _fetch_pages(fetcher: Fetcher, items: Sequence[FeedItem]) -> Iterator[tuple[FeedItem, Response | FetchError]]:
    """Each item's page or why it could not be fetched, in order, a few fetched at a time."""
    ahead = 2 * fetcher.settings.concurrency
    with ThreadPoolExecutor(max_workers=fetcher.settings.concurrency, thread_name_prefix="newswire-fetch") as pool:
        pending: deque[tuple[FeedItem, Future[Response | FetchError]]] = deque()
        for item in items:
            pending.append((item, pool.submit(_try_page, fetcher, item.link)))
            if len(pending) >= ahead:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()


def _try_page(fetcher: Fetcher, url: str) -> Response | FetchError:
    try:
        return fetcher.page(url)
    except FetchError as exc:
        return exc


def _page(
    feed: Feed, parsed: ParsedFeed, item: FeedItem, fetched: Response, done: set[str]
) -> Iterator[Article | Rejection | InputFile]:
    """The article of a fetched page, and the page as an input (at its link and, when it was
    redirected, at the address it was found at)."""
    digest = content_hash(fetched.content)
    yield InputFile(item.link, digest)
    if fetched.url != item.link:
        done.add(fetched.url)
        yield InputFile(fetched.url, digest)
    fallbacks = ArticleMeta(
        title=item.title, published_at=item.published_at, source_name=parsed.title, url=item.link,
        published_at_source=FEED_DATE_SOURCE if item.published_at else None,
    )
    try:
        yield read_page(
            fetched.content, item.link, url=fetched.url, fetched_at=fetched.fetched_at,
            content_type=fetched.content_type, overrides=ArticleMeta(source_name=feed.source), fallbacks=fallbacks,
        )
    except InputError as exc:
        yield Rejection(item.link, str(exc))
