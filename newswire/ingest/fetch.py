"""Fetching news over HTTP, politely and robustly: the one client newswire reads the web with.

Every request names newswire and a contact (`NEWSWIRE_CONTACT`) in its User-Agent, asks
`robots.txt` first (read once per host per `Fetcher`, as RFC 9309 says: a missing one allows
everything, an unreachable one nothing), waits its turn at its host (one request at a time, at
least `host_interval` seconds apart, or the host's `Crawl-delay`) and within a cap on requests
in flight. Redirects are followed up to a limit, each hop asking `robots.txt` again; a 429 or
a 5xx is retried with exponential backoff, or after the server's `Retry-After` when that is not
too long. A feed is asked for conditionally (`If-None-Match`, `If-Modified-Since`) and may be
answered 304. A body is read as a stream and let go past the size cap; its content type is
checked before it is read. URLs are normalised (`courlan`, fragment removed) so that one story
is one URL. Every failure is a `FetchError` whose message is the reason recorded.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import version
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
from courlan import normalize_url

from newswire.ingest.formats import InputError
from newswire.ingest.html import MAX_PAGE_BYTES

CONTACT_ENV = "NEWSWIRE_CONTACT"
# What the User-Agent says when no contact is set: a site owner then at least learns how one is given.
DEFAULT_CONTACT = f"none given, set {CONTACT_ENV}"
ROBOTS_AGENT = "newswire"  # the name robots.txt rules address newswire by
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: at least the first 500 KiB of a robots.txt are read
# 429 asks the client to slow down; these 5xx say the server failed for now, not for good.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,"
    "application/json;q=0.9,text/xml;q=0.9,*/*;q=0.1",
    "robots": "text/plain,*/*;q=0.1",
}
Kind = Literal["page", "feed", "robots"]


class FetchError(InputError):
    """A URL that could not be fetched; the message is the reason recorded (status, timeout,
    robots, too large, not HTML, redirect loop, ...), `status` the HTTP status when one said no."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the client behaves; every wait and limit is a setting, so tests can make them small."""

    contact: str = DEFAULT_CONTACT
    timeout: float = 20.0  # seconds to connect, and between two reads of a response
    deadline: float = 60.0  # seconds for a whole response, however slowly it trickles in
    max_bytes: int = MAX_PAGE_BYTES  # of a page or a feed, once decompressed
    max_redirects: int = 5
    retries: int = 3  # more tries after the first, on a 429, a 5xx, a timeout or a lost connection
    backoff: float = 1.0  # seconds before the first retry; each next one waits twice as long
    max_retry_after: float = 120.0  # the longest `Retry-After` waited for; a longer one fails the fetch
    host_interval: float = 1.0  # seconds between two requests to one host
    max_crawl_delay: float = 30.0  # the longest `Crawl-delay` of a robots.txt obeyed
    concurrency: int = 4  # requests in flight at once, across hosts

    def __post_init__(self) -> None:
        if not self.contact.strip() or any(c in self.contact for c in "\r\n\0"):
            raise ValueError(f"the contact must be one line of text, not {self.contact!r}")
        if self.concurrency < 1 or self.max_redirects < 0 or self.retries < 0 or self.max_bytes < 1:
            raise ValueError("concurrency and max_bytes must be positive, retries and max_redirects not negative")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **settings: object) -> FetchSettings:
        """The settings with the contact of `NEWSWIRE_CONTACT` (the default when it is unset)."""
        contact = environ.get(CONTACT_ENV, "").strip() or DEFAULT_CONTACT
        return cls(contact=contact, **settings)

    @property
    def user_agent(self) -> str:
        return f"newswire/{version('newswire')} (news reader; contact: {self.contact})"


@dataclass(frozen=True, slots=True)
class Response:
    """What a fetch got: the content of a 200, or a 304 that says the copy held is current."""

    url: str  # the URL answered, after redirects, normalised
    status: int
    content: bytes
    content_type: str | None
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def normalise_url(url: str, base: str | None = None) -> str:
    """`url` (resolved against `base`) as one story's one URL: scheme and host lower-cased, the
    default port, tracking parameters and the fragment dropped, the query sorted (`courlan`).

    Anything but an absolute http(s) URL is a `FetchError`.
    """
    text = url.strip()
    if base is not None:
        text = urljoin(base, text)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {text[:200]!r}")
    try:
        normal = normalize_url(text)
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {text[:200]!r}") from exc
    return urlunsplit(urlsplit(normal)._replace(fragment=""))


def retry_after(value: str | None, now: datetime) -> float | None:
    """The seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), or None."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _acceptable(kind: Kind, content_type: str | None) -> bool:
    """Whether a response of this content type can be what was asked for. A missing type is
    left to the reader to judge; a feed may be served as any XML, JSON or text."""
    media = _media_type(content_type)
    if not media or kind == "robots":
        return True
    if kind == "page":
        return media in PAGE_TYPES
    return media.startswith("text/") or media.endswith(("/xml", "+xml", "/json", "+json"))


@dataclass(slots=True)
class _Host:
    """One host's turn: a lock held through each request, and when the next may start."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    interval: float = 0.0


class Fetcher:
    """An HTTP client for one run: robots.txt, turns and limits are kept per host while it lives.

    Safe to share between threads: requests to one host wait their turn, `concurrency` are in
    flight at most. Close it (or use it as a context manager) when the run is done.
    """

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings.from_env()
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
        )
        self._slots = threading.BoundedSemaphore(self.settings.concurrency)
        self._lock = threading.Lock()  # guards the two dicts below
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def page(self, url: str) -> Response:
        """A news page: HTML, within the size cap."""
        return self._fetch(url, "page", {}, self.settings.max_bytes)

    def feed(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """A feed, asked for on condition that it changed since the copy with these validators."""
        conditions = {}
        if etag:
            conditions["If-None-Match"] = etag
        if last_modified:
            conditions["If-Modified-Since"] = last_modified
        return self._fetch(url, "feed", conditions, self.settings.max_bytes)

    def _fetch(self, url: str, kind: Kind, conditions: Mapping[str, str], limit: int) -> Response:
        """GET `url`, following redirects: each hop is checked against robots.txt and rate-limited."""
        current = normalise_url(url)
        visited = [current]
        while True:
            if kind != "robots":
                self._check_robots(current)
            response = self._get(current, kind, conditions, limit)
            if isinstance(response, Response):
                return response
            target = normalise_url(response, base=current)
            if target in visited:
                raise FetchError(f"redirect loop: {' -> '.join([*visited, target])}")
            if len(visited) > self.settings.max_redirects:
                raise FetchError(f"more than {self.settings.max_redirects} redirects (from {visited[0]})")
            visited.append(target)
            current = target

    def _get(self, url: str, kind: Kind, conditions: Mapping[str, str], limit: int) -> Response | str:
        """One URL's response, retried while the server says to try later; or where it redirects."""
        headers = {"Accept": _ACCEPT[kind], **conditions}
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                with self._turn(url), self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {status} redirect without a Location")
                        return location
                    if status == 304 and conditions:
                        return self._response(url, response, b"")
                    if status == 200:
                        if not _acceptable(kind, response.headers.get("content-type")):
                            what = "not HTML" if kind == "page" else "not a feed"
                            raise FetchError(f"{what} (content type {_media_type(response.headers.get('content-type'))})")
                        return self._response(url, response, self._body(response, limit, truncate=kind == "robots"))
                    failure = f"HTTP {status} {response.reason_phrase}".rstrip()
                    if status not in RETRY_STATUSES or last:
                        raise FetchError(failure, status)
                    wait = self._wait_before_retry(attempt, response.headers.get("retry-after"), failure, status)
            except httpx.TimeoutException as exc:
                if last:
                    raise FetchError(f"timeout: no answer within {self.settings.timeout:g} s ({type(exc).__name__})") from exc
                wait = self.settings.backoff * 2**attempt
            except httpx.TransportError as exc:
                if last:
                    raise FetchError(f"connection failed: {exc or type(exc).__name__}") from exc
                wait = self.settings.backoff * 2**attempt
            self._hold_host(url, wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _wait_before_retry(self, attempt: int, header: str | None, failure: str, status: int) -> float:
        asked = retry_after(header, datetime.now(UTC))
        if asked is None:
            return self.settings.backoff * 2**attempt
        if asked > self.settings.max_retry_after:
            raise FetchError(
                f"{failure} (Retry-After {asked:g} s, longer than the {self.settings.max_retry_after:g} s waited at most)",
                status,
            )
        return asked

    def _body(self, response: httpx.Response, limit: int, truncate: bool) -> bytes:
        """The body, read as it streams in; past `limit` bytes or the deadline, reading stops."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise FetchError(f"too large: {int(declared):,} bytes, over the {limit:,}-byte limit; not read")
        started = time.monotonic()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                if truncate:
                    break
                raise FetchError(f"too large: over the {limit:,}-byte limit; reading stopped")
            if time.monotonic() - started > self.settings.deadline:
                raise FetchError(f"timeout: the response took longer than {self.settings.deadline:g} s")
        return b"".join(chunks)[:limit]

    def _response(self, url: str, response: httpx.Response, content: bytes) -> Response:
        return Response(
            url=url, status=response.status_code, content=content,
            content_type=response.headers.get("content-type"), fetched_at=datetime.now(UTC),
            etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
        )

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc
        with self._lock:
            return self._hosts.setdefault(key, _Host(interval=self.settings.host_interval))

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """This request's turn at its host, and a slot among the requests in flight."""
        host = self._host(url)
        with host.lock:
            pause = host.next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            with self._slots:
                try:
                    yield
                finally:
                    host.next_at = time.monotonic() + host.interval

    def _hold_host(self, url: str, seconds: float) -> None:
        """Let no request reach `url`'s host for `seconds` (a retry waits at least that long)."""
        host = self._host(url)
        with host.lock:
            host.next_at = max(host.next_at, time.monotonic() + seconds)

    def _check_robots(self, url: str) -> None:
        parser = self._robots_for(url)
        if isinstance(parser, FetchError):
            raise parser
        if not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"robots: disallowed by {urljoin(url, '/robots.txt')}")

    def _robots_for(self, url: str) -> RobotFileParser | FetchError:
        """The host's robots.txt, fetched on its first URL; its Crawl-delay sets the host's pace."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
                parser = self._robots[origin]
                if isinstance(parser, RobotFileParser):
                    delay = parser.crawl_delay(ROBOTS_AGENT)
                    if delay:
                        host = self._host(url)
                        host.interval = max(host.interval, min(float(delay), self.settings.max_crawl_delay))
            return self._robots[origin]

    def _read_robots(self, origin: str) -> RobotFileParser | FetchError:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._fetch(f"{origin}/robots.txt", "robots", {}, ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                parser.parse([])  # RFC 9309: a robots.txt that is not there allows everything
                return parser
            return FetchError(f"robots: {origin}/robots.txt unreachable ({exc}), so nothing on it is fetched")
        parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
        return parser
