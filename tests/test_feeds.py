"""News feeds: the feeds file, RSS, Atom and JSON Feed, and their items fetched from 127.0.0.1."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta

import duckdb
import pytest
from cli_runs import ENV, command, newswire, run_command, run_id
from fixtures.feeds.server import HERE, Reply, html, news_site
from prefect_served import CRON, served_deployment, stop, trigger_and_wait

from newswire.ingest.feeds import (
    Feed,
    FeedState,
    Unchanged,
    parse_feed,
    parse_poll,
    read_feeds,
    read_feeds_file,
)
from newswire.ingest.fetch import FetchSettings
from newswire.ingest.formats import InputError, InputNote
from newswire.ingest.inputs import IngestStream, InputFile
from newswire.records import Article, Rejection

FAST = FetchSettings(contact="desk@example.org", host_interval=0.0, backoff=0.05, timeout=2.0, retries=1)
BASE = "https://news.example.org"
RSS = "application/rss+xml"


def _fixture(name: str, base: str = BASE) -> bytes:
    return (HERE / name).read_text(encoding="utf-8").replace("{base}", base).encode()


def _found(items, kind):
    return [item for item in items if isinstance(item, kind)]


@pytest.fixture()
def site():
    """The two newspapers' site: robots.txt, three feeds and the pages they link."""
    with news_site() as served:
        served.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
        served.route("/rss.xml", Reply(200, served.fixture("rss.xml").encode(), {"Content-Type": RSS, "ETag": '"r1"'}))
        served.route("/atom.xml", Reply(200, served.fixture("atom.xml").encode(), {"Content-Type": "application/atom+xml"}))
        served.route("/feed.json", Reply(200, served.fixture("feed.json").encode(), {"Content-Type": "application/feed+json"}))
        served.route("/news/storm.html", html(served.fixture("storm.html")))
        served.route("/news/council.html", html(served.fixture("council.html")))
        served.route("/health/vaccine.html", html(served.fixture("vaccine.html")))
        yield served


def test_rss_items_have_one_url_each_a_title_and_a_date():
    parsed = parse_feed(_fixture("rss.xml"), RSS, f"{BASE}/rss.xml")
    assert parsed.title == "Harbour Gazette: News"
    assert parsed.problem is None
    assert [(i.link, i.title, i.published_at) for i in parsed.items] == [
        (f"{BASE}/news/storm.html", "Storm cuts power to 40,000 homes along the coast", date(2024, 3, 12)),
        (f"{BASE}/news/council.html", "Council approves plan for 1,200 new homes on former rail yard", date(2024, 3, 13)),
    ]


def test_atom_links_are_resolved_against_the_feed_and_lose_their_fragment():
    parsed = parse_feed(_fixture("atom.xml"), "application/atom+xml", f"{BASE}/atom.xml")
    assert parsed.title == "Harbour Gazette: Local"
    assert [(i.link, i.published_at) for i in parsed.items] == [(f"{BASE}/news/council.html", date(2024, 3, 13))]


def test_a_json_feed_is_read_as_plain_json():
    parsed = parse_feed(_fixture("feed.json"), "application/feed+json", f"{BASE}/feed.json")
    assert parsed.title == "Valley Courier: Health"
    assert [(i.link, i.title, i.published_at) for i in parsed.items] == [
        (f"{BASE}/health/vaccine.html", "Health agency extends free flu vaccines to children under 12", date(2024, 10, 2)),
    ]


def test_an_item_without_a_link_or_with_an_impossible_date_loses_only_that():
    raw = (
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>No link</title></item>"
        b"<item><title>From the future</title><link>/a.html</link><pubDate>Tue, 01 Jan 2999 00:00:00 GMT</pubDate></item>"
        b"<item><title>Twice</title><link>/a.html?utm_source=x</link></item>"
        b"<item><title>Mail</title><link>mailto:desk@example.org</link></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(raw, RSS, f"{BASE}/rss.xml")
    assert [(i.link, i.title, i.published_at) for i in parsed.items] == [(f"{BASE}/a.html", "From the future", None)]


@pytest.mark.parametrize(
    ("raw", "content_type", "reason"),
    [
        ((HERE / "malformed.xml").read_bytes(), "text/html", "not a feed"),
        (b'{"title": "no version", "items": []}', "application/json", "without a JSON Feed version"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}', "application/json", "without a list of items"),
        (b"{not json", "application/feed+json", "invalid JSON"),
    ],
)
def test_what_is_no_feed_is_an_error_with_its_reason(raw, content_type, reason):
    with pytest.raises(InputError, match=reason):
        parse_feed(raw, content_type, f"{BASE}/feed")


def test_a_broken_feed_is_read_as_far_as_it_goes_with_a_note():
    truncated = _fixture("rss.xml").split(b"</item>")[0] + b"</item><item><title>Cut off"
    parsed = parse_feed(truncated, RSS, f"{BASE}/rss.xml")
    assert [i.link for i in parsed.items][:1] == [f"{BASE}/news/storm.html"]
    assert parsed.problem is not None and parsed.problem.startswith("malformed feed")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("30m", timedelta(minutes=30)), ("2h", timedelta(hours=2)), ("90s", timedelta(seconds=90)),
     ("1d", timedelta(days=1)), (15, timedelta(minutes=15)), ("1.5h", timedelta(minutes=90))],
)
def test_a_poll_interval_has_a_unit_or_is_minutes(value, expected):
    assert parse_poll(value) == expected


@pytest.mark.parametrize("value", ["0m", "soon", "-5m", True, [30], "30 minutes"])
def test_a_poll_interval_that_means_nothing_is_an_error(value):
    with pytest.raises(InputError, match="poll must be"):
        parse_poll(value)


def test_a_feeds_file_lists_urls_with_optional_source_and_poll(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text(
        f"- {BASE}/rss.xml\n"
        f"- url: {BASE}/feed.json?utm_source=list\n  source: Valley Courier\n  poll: 2h\n",
        encoding="utf-8",
    )
    assert read_feeds_file(path) == [
        Feed(f"{BASE}/rss.xml"),
        Feed(f"{BASE}/feed.json", "Valley Courier", timedelta(hours=2)),
    ]


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("feeds: []\n", ["a feeds file is a YAML list"]),
        ("[]\n", ["a feeds file is a YAML list"]),
        ("- [unclosed\n", ["not valid YAML"]),
        (f"- url: {BASE}/a\n  pol: 5m\n- ftp://example.org/feed\n",
         ["feed 1: unknown key(s) pol", "feed 2: not an http(s) URL"]),
        (f"- url: {BASE}/a\n  poll: often\n- source: Nameless\n", ["feed 1: poll must be", "feed 2: no url"]),
        (f"- {BASE}/a\n- {BASE}/a#again\n", [f"feed 2: {BASE}/a is listed before"]),
        (f"- url: {BASE}/a\n  source: 7\n", ["feed 1: source must be a name"]),
    ],
)
def test_a_feeds_file_with_anything_wrong_names_every_problem(tmp_path, text, reasons):
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as failure:
        read_feeds_file(path)
    for reason in reasons:
        assert reason in str(failure.value)


def test_each_new_item_is_read_as_a_page_with_the_feed_filling_what_it_lacks(site):
    items = list(read_feeds(site.url("/rss.xml"), {}, {}, FAST))
    storm, council = _found(items, Article)
    assert storm.input_path == site.url("/news/storm.html")  # the feed's tracking parameters dropped
    assert (storm.published_at, storm.published_at_source) == (date(2024, 3, 12), "meta")
    assert storm.source_name == "Harbour Gazette"
    assert "40,000 homes" in storm.body and "cookies" not in storm.body and "third night running" not in storm.body
    # the council page gives no date: the feed item's is used, and said to be the feed's
    assert (council.published_at, council.published_at_source) == (date(2024, 3, 13), "feed")
    assert council.page is not None and council.page.url == site.url("/news/council.html")
    assert not _found(items, Rejection)
    inputs = {i.input_path: i for i in _found(items, InputFile)}
    assert set(inputs) == {site.url("/news/storm.html"), site.url("/news/council.html"), site.url("/rss.xml")}
    assert inputs[site.url("/rss.xml")].etag == '"r1"' and inputs[site.url("/rss.xml")].polled_at is not None


def test_a_source_name_in_the_feeds_file_wins_over_the_page(site, tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- url: {site.url('/feed.json')}\n  source: The Courier\n", encoding="utf-8")
    (article,) = _found(read_feeds(feeds, {}, {}, FAST), Article)
    assert article.source_name == "The Courier"
    assert article.published_at == date(2024, 10, 2)


def test_seen_items_cost_no_request(site):
    seen = {site.url("/news/storm.html"): "hash"}
    items = list(read_feeds(site.url("/rss.xml"), seen, {}, FAST))
    assert [a.input_path for a in _found(items, Article)] == [site.url("/news/council.html")]
    assert [u.input_path for u in _found(items, Unchanged)] == [site.url("/news/storm.html")]
    assert site.hits("/news/storm.html") == 0


def test_a_story_in_two_feeds_is_fetched_once(site, tmp_path):
    feeds = tmp_path / "feeds.yml"
    feeds.write_text("\n".join(f"- {site.url(p)}" for p in ("/rss.xml", "/atom.xml", "/feed.json")), encoding="utf-8")
    items = list(read_feeds(feeds, {}, {}, FAST))
    assert len(_found(items, Article)) == 3
    assert site.hits("/news/council.html") == 1
    assert site.hits("/robots.txt") == 1


def test_a_failed_fetch_is_a_rejection_not_seen_and_the_feed_is_read_whole_next_time(site):
    site.route("/news/council.html", Reply(404, b"", {"Content-Type": "text/plain"}))
    items = list(read_feeds(site.url("/rss.xml"), {}, {}, FAST))
    assert [(r.input_path, r.reason) for r in _found(items, Rejection)] == [
        (site.url("/news/council.html"), "HTTP 404 Not Found")
    ]
    assert [a.input_path for a in _found(items, Article)] == [site.url("/news/storm.html")]
    inputs = {i.input_path: i for i in _found(items, InputFile)}
    assert site.url("/news/council.html") not in inputs  # so the next run tries it again
    assert inputs[site.url("/rss.xml")].etag is None  # no 304 may hide it then


def test_robots_txt_keeps_a_page_out(site):
    site.route("/rss.xml", Reply(200, (
        f"<rss version='2.0'><channel><title>T</title><item><link>{site.url('/private/memo.html')}</link></item>"
        f"<item><link>{site.url('/news/storm.html')}</link></item></channel></rss>"
    ).encode(), {"Content-Type": RSS}))
    site.route("/private/memo.html", html("<p>internal</p>"))
    items = list(read_feeds(site.url("/rss.xml"), {}, {}, FAST))
    (rejection,) = _found(items, Rejection)
    assert rejection.input_path == site.url("/private/memo.html") and rejection.reason.startswith("robots")
    assert site.hits("/private/memo.html") == 0
    assert len(_found(items, Article)) == 1


def test_a_malformed_feed_is_a_rejection_and_the_other_feeds_are_read(site, tmp_path):
    site.route("/broken.xml", Reply(200, (HERE / "malformed.xml").read_bytes(), {"Content-Type": "text/html"}))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- {site.url('/broken.xml')}\n- {site.url('/feed.json')}\n", encoding="utf-8")
    items = list(read_feeds(feeds, {}, {}, FAST))
    (rejection,) = _found(items, Rejection)
    assert rejection.input_path == site.url("/broken.xml") and rejection.reason.startswith("not a feed")
    assert [a.input_path for a in _found(items, Article)] == [site.url("/health/vaccine.html")]
    assert site.url("/broken.xml") not in {i.input_path for i in _found(items, InputFile)}


def test_a_feed_that_cannot_be_fetched_is_a_rejection(site, tmp_path):
    items = list(read_feeds(site.url("/missing.xml"), {}, {}, FAST))
    assert [(r.input_path, r.reason) for r in _found(items, Rejection)] == [(site.url("/missing.xml"), "HTTP 404 Not Found")]


def test_a_feed_answered_304_fetches_no_item(site):
    site.route("/rss.xml", _conditional_rss(site))
    before = datetime(2024, 3, 12, tzinfo=UTC)
    items = list(read_feeds(site.url("/rss.xml"), {site.url("/rss.xml"): "feed hash"}, {
        site.url("/rss.xml"): FeedState('"r1"', None, before),
    }, FAST))
    assert not _found(items, Article) and not _found(items, Rejection)
    assert [u.input_path for u in _found(items, Unchanged)] == [site.url("/rss.xml")]
    (feed,) = _found(items, InputFile)
    assert (feed.input_path, feed.content_hash, feed.etag) == (site.url("/rss.xml"), "feed hash", '"r1"')
    assert feed.polled_at > before
    assert site.hits("/news/storm.html") == site.hits("/news/council.html") == 0


def test_a_feed_is_not_asked_for_before_its_poll_interval_has_passed(site, tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- url: {site.url('/rss.xml')}\n  poll: 30m\n", encoding="utf-8")
    now = datetime(2024, 3, 12, 12, 0, tzinfo=UTC)
    states = {site.url("/rss.xml"): FeedState(None, None, now - timedelta(minutes=10))}
    items = list(read_feeds(feeds, {}, states, FAST, now=now))
    assert [type(i) for i in items] == [Unchanged]
    assert site.requests == []
    later = now + timedelta(minutes=25)
    assert len(_found(read_feeds(feeds, {}, states, FAST, now=later), Article)) == 2


def test_the_ingest_stream_reads_a_feed_url_as_it_reads_a_folder(site, monkeypatch):
    monkeypatch.setenv("NEWSWIRE_CONTACT", "desk@example.org")
    site.route("/news/council.html", Reply(503, b"", {"Content-Type": "text/plain", "Retry-After": "0"}))
    stream = IngestStream(site.url("/rss.xml"), {site.url("/news/storm.html"): "hash"})
    assert list(stream) == []
    result = stream.result()
    assert result.unchanged == 1
    assert [r.input_path for r in result.rejections] == [site.url("/news/council.html")]
    assert [i.input_path for i in result.inputs] == [site.url("/rss.xml")]
    assert all("desk@example.org" in r.headers["user-agent"] for r in site.requests)


def test_a_feeds_file_that_cannot_be_read_is_a_rejection_of_the_stream(tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("- ftp://example.org/feed\n", encoding="utf-8")
    stream = IngestStream(feeds)
    assert list(stream) == []
    assert [(r.input_path, r.reason) for r in stream.result().rejections] == [
        (str(feeds), "feed 1: not an http(s) URL: 'ftp://example.org/feed'")
    ]


def test_a_feeds_file_that_is_not_there_fails_like_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        IngestStream(tmp_path / "feeds.yaml")


def test_a_note_of_a_broken_feed_reaches_the_run(site):
    truncated = site.fixture("rss.xml").split("</item>")[0] + "</item><item><title>Cut off"
    site.route("/rss.xml", Reply(200, truncated.encode(), {"Content-Type": RSS}))
    items = list(read_feeds(site.url("/rss.xml"), {}, {}, FAST))
    (note,) = _found(items, InputNote)
    assert note.input_path == site.url("/rss.xml") and note.note.startswith("malformed feed")
    assert [a.input_path for a in _found(items, Article)] == [site.url("/news/storm.html")]


def _conditional_rss(site):
    """The RSS feed with its ETag, answered 304 when asked for with it."""

    def answer(headers):
        if headers.get("if-none-match") == '"r1"':
            return Reply(304, b"", {"ETag": '"r1"'})
        return Reply(200, site.fixture("rss.xml").encode(), {"Content-Type": RSS, "ETag": '"r1"'})

    return answer


def test_newswire_run_on_a_feeds_file_twice_fetches_nothing_new_the_second_time(site, tmp_path):
    """End to end: the feeds file served from 127.0.0.1, two runs into one DuckDB file."""
    site.route("/rss.xml", _conditional_rss(site))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        f"- url: {site.url('/rss.xml')}\n  source: Harbour Gazette\n- {site.url('/feed.json')}\n", encoding="utf-8"
    )
    db = tmp_path / "warehouse" / "newswire.duckdb"
    env = {**ENV, "NEWSWIRE_CONTACT": "desk@example.org"}

    def run() -> subprocess.CompletedProcess:
        done = subprocess.run(run_command(feeds, db), env=env, capture_output=True, text=True, timeout=900, check=False)
        assert done.returncode == 0, done.stderr
        return done

    first = run()
    pages = {"/news/storm.html", "/news/council.html", "/health/vaccine.html"}
    assert {r.path for r in site.requests} == pages | {"/robots.txt", "/rss.xml", "/feed.json"}
    asked_first = len(site.requests)
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("select url, source_name, published_at from articles order by url").fetchall()
        feed_row = con.execute(
            "select etag, polled_at from inputs where input_path = ?", [site.url("/rss.xml")]
        ).fetchone()
        facts = con.execute("select count(*) from actor_mentions").fetchone()[0]
    assert [a[0] for a in articles] == sorted(site.url(p) for p in pages)
    assert {a[1] for a in articles if "/news/" in a[0]} == {"Harbour Gazette"}
    assert facts > 0
    assert feed_row[0] == '"r1"'

    second = run()
    again = site.requests[asked_first:]
    assert not {r.path for r in again} & pages  # no page fetched again
    assert [r.headers.get("if-none-match") for r in again if r.path == "/rss.xml"] == ['"r1"']
    assert "nothing new" in second.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(pages)
        polled = con.execute("select polled_at from inputs where input_path = ?", [site.url("/rss.xml")]).fetchone()[0]
        runs = con.execute("select run_id from runs order by started_at").fetchall()
    assert polled > feed_row[1]  # the poll of the run that found nothing new is kept
    assert [r[0] for r in runs] == [run_id(first.stdout), run_id(second.stdout)]


def test_newswire_run_names_what_is_wrong_with_a_feeds_file_before_it_starts(tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("- url: https://news.example.org/rss.xml\n  poll: often\n- gopher://example.org/\n", encoding="utf-8")
    done = newswire("run", "--source", str(feeds), "--db", str(tmp_path / "newswire.duckdb"))
    assert done.returncode == 1
    assert "feed 1: poll must be" in done.stderr and "feed 2: not an http(s) URL" in done.stderr
    assert not (tmp_path / "newswire.duckdb").exists()
    done = newswire("run", "--source", "ftp://example.org/feed.xml", "--db", str(tmp_path / "newswire.duckdb"))
    assert done.returncode == 1 and "does not exist" in done.stderr



def test_newswire_serve_polls_a_feeds_file_on_its_schedule(request, site, tmp_path):
    """The served deployment on a real Prefect server, triggered twice: the feed's items, then
    nothing at all, the feed not being due before its poll interval has passed."""
    api, prefect_env = request.getfixturevalue("prefect_api")  # `prefect server start` on 127.0.0.1
    site.route("/rss.xml", _conditional_rss(site))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- url: {site.url('/rss.xml')}\n  poll: 1h\n", encoding="utf-8")
    db = tmp_path / "warehouse" / "newswire.duckdb"
    log = (tmp_path / "serve.log").open("w")
    serving = subprocess.Popen(
        command("serve", "--cron", CRON, "--source", str(feeds), "--db", str(db)),
        env={**prefect_env, "NEWSWIRE_CONTACT": "desk@example.org"}, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deployment = served_deployment(api)
        assert deployment["parameters"]["source"] == str(feeds.resolve())
        first = trigger_and_wait(api, deployment["id"])
        asked_first = len(site.requests)
        second = trigger_and_wait(api, deployment["id"])
    finally:
        stop(serving)
        log.close()
    assert {r.path for r in site.requests[:asked_first]} == {"/robots.txt", "/rss.xml", "/news/storm.html", "/news/council.html"}
    assert site.requests[asked_first:] == []
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select flow_run_id, articles_read from runs order by started_at").fetchall()
    assert runs == [(first, 2), (second, 0)]
