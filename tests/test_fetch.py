"""The HTTP client against a real server on 127.0.0.1: politeness, retries, limits and their reasons."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from fixtures.feeds.server import Reply, chunked, html, news_site

from newswire.ingest.fetch import Fetcher, FetchError, FetchSettings, normalise_url, retry_after

# No waits worth the name: backoff and the per-host pace are settings, small here.
FAST = FetchSettings(contact="desk@example.org", host_interval=0.0, backoff=0.05, timeout=2.0, retries=2)
PAGE = "<html><head><title>A story</title></head><body><p>Text of the story.</p></body></html>"
NO_ROBOTS = Reply(404, b"", {"Content-Type": "text/plain"})


def _settings(**changes: object) -> FetchSettings:
    fields = {name: getattr(FAST, name) for name in FAST.__dataclass_fields__}
    return FetchSettings(**{**fields, **changes})


@pytest.fixture()
def site():
    with news_site() as served:
        served.route("/robots.txt", NO_ROBOTS)
        yield served


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM:80/news/story.html", "http://example.com/news/story.html"),
        ("https://example.com:443/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/story#comments", "https://example.com/story"),
        ("  https://example.com/story?fbclid=abc  ", "https://example.com/story"),
    ],
)
def test_a_story_has_one_url(url, expected):
    assert normalise_url(url) == expected


def test_a_relative_link_is_resolved_against_its_base():
    assert normalise_url("../world/story.html#top", base="https://example.com/news/feed.xml") == (
        "https://example.com/world/story.html"
    )


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd", "example.com/feed", "https:///x"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        normalise_url(url)


def test_retry_after_is_seconds_or_an_http_date():
    now = datetime(2024, 3, 12, 12, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90.0
    assert retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0.0
    assert retry_after("soon", now) is None
    assert retry_after(None, now) is None


def test_the_user_agent_names_newswire_and_the_contact_from_the_settings(site):
    site.route("/story.html", html(PAGE))
    settings = FetchSettings.from_env({"NEWSWIRE_CONTACT": "news-desk@example.org"}, host_interval=0.0)
    with Fetcher(settings) as fetcher:
        response = fetcher.page(site.url("/story.html"))
    assert response.content == PAGE.encode()
    agents = {r.headers["user-agent"] for r in site.requests}
    assert len(agents) == 1
    (agent,) = agents
    assert agent.startswith("newswire/") and "news-desk@example.org" in agent
    assert "NEWSWIRE_CONTACT" in FetchSettings.from_env({}).user_agent  # the default says how to give one


def test_a_contact_that_could_break_the_header_is_refused():
    with pytest.raises(ValueError, match="one line"):
        FetchSettings(contact="desk@example.org\r\nX-Injected: yes")


def test_a_404_fails_at_once_with_its_status(site):
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="HTTP 404") as failure:
        fetcher.page(site.url("/gone.html"))
    assert failure.value.status == 404
    assert site.hits("/gone.html") == 1  # not worth a retry


def test_a_500_is_retried_after_a_backoff_then_succeeds(site):
    site.route("/story.html", Reply(500, b"oops", {"Content-Type": "text/plain"}), html(PAGE))
    with Fetcher(FAST) as fetcher:
        response = fetcher.page(site.url("/story.html"))
    assert response.status == 200 and response.content == PAGE.encode()
    first, second = [r.at for r in site.requests if r.path == "/story.html"]
    assert second - first >= FAST.backoff


def test_a_server_that_keeps_failing_fails_the_fetch_after_the_retries(site):
    site.route("/story.html", Reply(503, b"", {"Content-Type": "text/plain"}))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="HTTP 503"):
        fetcher.page(site.url("/story.html"))
    assert site.hits("/story.html") == FAST.retries + 1


def test_a_429_is_retried_when_its_retry_after_says(site):
    site.route("/story.html", Reply(429, b"", {"Retry-After": "1", "Content-Type": "text/plain"}), html(PAGE))
    with Fetcher(FAST) as fetcher:
        assert fetcher.page(site.url("/story.html")).content == PAGE.encode()
    first, second = [r.at for r in site.requests if r.path == "/story.html"]
    assert second - first >= 1.0  # Retry-After, not the 0.05 s backoff


def test_a_retry_after_longer_than_the_limit_fails_at_once(site):
    site.route("/story.html", Reply(429, b"", {"Retry-After": "3600", "Content-Type": "text/plain"}))
    with Fetcher(_settings(max_retry_after=5.0)) as fetcher, pytest.raises(FetchError, match="Retry-After 3600"):
        fetcher.page(site.url("/story.html"))
    assert site.hits("/story.html") == 1


def test_a_server_that_does_not_answer_in_time_is_a_timeout(site):
    site.route("/slow.html", Reply(200, PAGE.encode(), {"Content-Type": "text/html"}, delay=1.5))
    with Fetcher(_settings(timeout=0.3, retries=1)) as fetcher, pytest.raises(FetchError, match="^timeout"):
        fetcher.page(site.url("/slow.html"))
    assert site.hits("/slow.html") == 2  # tried again once


def test_redirects_are_followed_to_the_page(site):
    site.route("/old.html", Reply(301, b"", {"Location": "/new.html?utm_campaign=x"}))
    site.route("/new.html", html(PAGE))
    with Fetcher(FAST) as fetcher:
        response = fetcher.page(site.url("/old.html"))
    assert response.url == site.url("/new.html")
    assert response.content == PAGE.encode()


def test_a_redirect_loop_is_named(site):
    site.route("/a.html", Reply(302, b"", {"Location": "/b.html"}))
    site.route("/b.html", Reply(302, b"", {"Location": "/a.html"}))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="redirect loop") as failure:
        fetcher.page(site.url("/a.html"))
    assert site.url("/b.html") in str(failure.value)
    assert site.hits("/a.html") == 1 and site.hits("/b.html") == 1


def test_redirects_stop_at_the_limit(site):
    for n in range(4):
        site.route(f"/hop{n}", Reply(307, b"", {"Location": f"/hop{n + 1}"}))
    site.route("/hop4", html(PAGE))
    with Fetcher(_settings(max_redirects=2)) as fetcher, pytest.raises(FetchError, match="more than 2 redirects"):
        fetcher.page(site.url("/hop0"))
    assert site.hits("/hop3") == 0
    with Fetcher(_settings(max_redirects=4)) as fetcher:
        assert fetcher.page(site.url("/hop0")).url == site.url("/hop4")


def test_a_page_that_is_not_html_is_not_read(site):
    site.route("/report.pdf", Reply(200, b"%PDF-1.7" + b"\0" * 1000, {"Content-Type": "application/pdf"}))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match=r"not HTML \(content type application/pdf\)"):
        fetcher.page(site.url("/report.pdf"))


def test_a_page_over_the_size_cap_is_not_read(site):
    big = PAGE.encode() * 100
    site.route("/announced.html", Reply(200, big, {"Content-Type": "text/html"}))
    site.route("/streamed.html", Reply(200, chunked(big, 256), {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}))
    small = _settings(max_bytes=1000)
    with Fetcher(small) as fetcher:
        with pytest.raises(FetchError, match="too large: 8,600 bytes, over the 1,000-byte limit"):
            fetcher.page(site.url("/announced.html"))
        with pytest.raises(FetchError, match="too large: over the 1,000-byte limit; reading stopped"):
            fetcher.page(site.url("/streamed.html"))
    with Fetcher(_settings(max_bytes=len(big))) as fetcher:
        assert fetcher.page(site.url("/streamed.html")).content == big


def test_robots_txt_is_obeyed_and_read_once_per_host(site):
    site.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    site.route("/private/memo.html", html(PAGE))
    site.route("/news/story.html", html(PAGE))
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="^robots: disallowed"):
            fetcher.page(site.url("/private/memo.html"))
        fetcher.page(site.url("/news/story.html"))
        fetcher.page(site.url("/news/story.html"))
    assert site.hits("/private/memo.html") == 0
    assert site.hits("/robots.txt") == 1


def test_robots_txt_rules_for_newswire_by_name(site):
    site.route("/robots.txt", Reply(200, b"User-agent: newswire\nDisallow: /\n\nUser-agent: *\nAllow: /\n"))
    site.route("/story.html", html(PAGE))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="robots"):
        fetcher.page(site.url("/story.html"))


def test_a_redirect_into_a_disallowed_path_is_not_followed(site):
    site.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n"))
    site.route("/story.html", Reply(302, b"", {"Location": "/private/story.html"}))
    site.route("/private/story.html", html(PAGE))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="robots"):
        fetcher.page(site.url("/story.html"))
    assert site.hits("/private/story.html") == 0


def test_an_unreachable_robots_txt_allows_nothing(site):
    site.route("/robots.txt", Reply(500, b"", {"Content-Type": "text/plain"}))
    site.route("/story.html", html(PAGE))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="robots: .* unreachable"):
        fetcher.page(site.url("/story.html"))
    assert site.hits("/story.html") == 0


def test_requests_to_one_host_keep_their_distance(site):
    site.route("/story.html", html(PAGE))
    with Fetcher(_settings(host_interval=0.4)) as fetcher:
        fetcher.page(site.url("/story.html"))
        fetcher.page(site.url("/story.html"))
    times = [r.at for r in site.requests]  # robots.txt, then the page twice
    assert all(b - a >= 0.4 for a, b in zip(times, times[1:], strict=False))


def test_a_crawl_delay_slows_newswire_down(site):
    site.route("/robots.txt", Reply(200, b"User-agent: *\nCrawl-delay: 1\n"))
    site.route("/story.html", html(PAGE))
    with Fetcher(FAST) as fetcher:
        fetcher.page(site.url("/story.html"))
        fetcher.page(site.url("/story.html"))
    first, second = [r.at for r in site.requests if r.path == "/story.html"]
    assert second - first >= 1.0


def test_the_concurrency_cap_holds_across_hosts(site):
    site.route("/slow.html", Reply(200, PAGE.encode(), {"Content-Type": "text/html"}, delay=0.5))
    # the same server under two host names: two hosts to the client
    urls = [site.url("/slow.html"), site.url("/slow.html").replace("127.0.0.1", "localhost")]

    def elapsed(settings: FetchSettings) -> float:
        with Fetcher(settings) as fetcher, ThreadPoolExecutor(max_workers=2) as pool:
            started = time.monotonic()
            list(pool.map(fetcher.page, urls))
            return time.monotonic() - started

    assert elapsed(_settings(concurrency=1)) >= 1.0  # one at a time
    assert elapsed(_settings(concurrency=2)) < 1.0  # both hosts at once


def test_a_feed_is_asked_for_conditionally_and_a_304_says_it_is_unchanged(site):
    validators = {"ETag": '"v7"', "Last-Modified": "Tue, 12 Mar 2024 07:30:00 GMT"}

    def feed(headers):
        if headers.get("if-none-match") == '"v7"':
            return Reply(304, b"", validators)
        return Reply(200, b"<rss version='2.0'><channel></channel></rss>", {"Content-Type": "application/rss+xml", **validators})

    site.route("/rss.xml", feed)
    with Fetcher(FAST) as fetcher:
        first = fetcher.feed(site.url("/rss.xml"))
        again = fetcher.feed(site.url("/rss.xml"), first.etag, first.last_modified)
    assert (first.status, first.etag, first.last_modified) == (200, '"v7"', validators["Last-Modified"])
    assert again.not_modified and again.content == b""
    asked = [r.headers for r in site.requests if r.path == "/rss.xml"]
    assert "if-none-match" not in asked[0]
    assert asked[1]["if-none-match"] == '"v7"' and asked[1]["if-modified-since"] == validators["Last-Modified"]


def test_a_feed_may_be_any_xml_json_or_text_but_not_an_image(site):
    site.route("/feed", Reply(200, b"\x89PNG", {"Content-Type": "image/png"}))
    site.route("/feed.xml", Reply(200, b"<rss/>", {"Content-Type": "text/xml; charset=utf-8"}))
    with Fetcher(FAST) as fetcher:
        assert fetcher.feed(site.url("/feed.xml")).content == b"<rss/>"
        with pytest.raises(FetchError, match=r"not a feed \(content type image/png\)"):
            fetcher.feed(site.url("/feed"))
