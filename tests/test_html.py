"""Web pages as inputs: main text, metadata, encoding and language of a page, saved pages in a
folder, the real development pages, and a run of pages into a real warehouse.

The news pages under tests/fixtures/html are written for the tests in the shapes real sites use
(a cookie banner, navigation, a byline, a captioned photo, a "Read more" teaser, a newsletter
box, share buttons, related stories, comments, a footer). The development pages are read in
place from ../shared/data/html-dev, never copied.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from datetime import date

import duckdb
import pytest
import trafilatura
from cli_runs import newswire
from paths import DEV_DATA, FIXTURES

from newswire.evaluation.html import PageScores, part_of, score_pages, shingle_scores
from newswire.ingest.formats import ArticleMeta, InputError
from newswire.ingest.html import decode_page, is_caption, main_text, read_page
from newswire.ingest.inputs import IngestStream

PAGES = FIXTURES / "html"
NEWS_PAGE = PAGES / "harbour_flood.html"
FRENCH_PAGE = PAGES / "inondations.html"
HTML_DEV = DEV_DATA / "html-dev"
STORY = [
    "About 2,000 people were forced from their homes in Port Elwin on Monday",
    "Emergency crews evacuated two care homes and a primary school",
    '"We have not seen water like this since 1998," Brooks told reporters',
    "The national weather service said a further 40 millimetres of rain could fall by Wednesday",
    "Insurers estimate the damage at 15 million pounds",
]
BOILERPLATE = [
    "We use cookies",  # cookie banner
    "Subscribe today and save",  # navigation
    "Home",  # breadcrumbs
    "By Maria Okafor",  # byline
    "Residents wade through a flooded street",  # caption
    "Read more: Storm warnings",  # teaser in the story
    "Sign up for our newsletter",  # newsletter box
    "The Morning Briefing",
    "Share on Facebook",
    "Old harbour bridge to close",  # related stories
    "The council was warned about the lower town defences",  # comments
    "Celebrity chef opens seafront restaurant",  # most read
    "All rights reserved",  # footer
    "Follow The Coastal Herald on Twitter",
]


def test_a_news_page_gives_its_story_without_the_page_around_it():
    article = read_page(NEWS_PAGE.read_bytes(), "harbour_flood.html")

    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == len(STORY)
    for paragraph, start in zip(paragraphs, STORY, strict=True):
        assert paragraph.startswith(start)
    for text in BOILERPLATE:
        assert text not in article.body
    assert "Floods force 2,000 people" not in article.body  # the headline is the title


def test_a_news_page_gives_its_metadata():
    article = read_page(NEWS_PAGE.read_bytes(), "harbour_flood.html")

    assert article.title == "Floods force 2,000 people from their homes in Port Elwin"
    assert article.published_at == date(2024, 3, 26)  # published, not modified (28 March)
    assert article.published_at_source == "meta"
    assert article.author == "Maria Okafor"
    assert article.source_name == "The Coastal Herald"
    assert article.url == "https://www.coastalherald.example/news/port-elwin-floods"
    assert article.language == "en"
    assert article.skipped_spans == ()
    assert article.page.content_sha256 == hashlib.sha256(NEWS_PAGE.read_bytes()).hexdigest()
    assert article.page.raw == NEWS_PAGE.read_bytes()


def test_a_manifest_row_wins_and_a_feed_item_fills_only_what_the_page_lacks():
    raw = NEWS_PAGE.read_bytes()
    row = ArticleMeta(title="Port Elwin floods", published_at=date(2024, 3, 27), published_at_source="manifest")
    item = ArticleMeta(title="Feed title", published_at=date(2024, 3, 25), source_name="Feed", url="https://feed.example/1",
                       published_at_source="feed")

    overridden = read_page(raw, "p.html", overrides=row, fallbacks=item)
    filled = read_page(raw, "p.html", fallbacks=item)

    assert (overridden.title, overridden.published_at, overridden.published_at_source) == (
        "Port Elwin floods", date(2024, 3, 27), "manifest")
    assert overridden.source_name == "The Coastal Herald"
    assert (filled.title, filled.published_at, filled.published_at_source) == (
        "Floods force 2,000 people from their homes in Port Elwin", date(2024, 3, 26), "meta")
    bare = b"<html><body><article>" + b"".join(
        f"<p>{line}, the regional council said in a statement on the floods.</p>".encode() for line in STORY
    ) + b"</article></body></html>"
    undated = read_page(bare, "bare.html", fallbacks=item)
    assert (undated.title, undated.published_at, undated.published_at_source, undated.url) == (
        "Feed title", date(2024, 3, 25), "feed", "https://feed.example/1")


@pytest.mark.parametrize(
    ("markup", "expected", "source"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-10-07T09:00:00Z",'
         ' "dateModified": "2023-11-01T10:00:00Z"}</script>', date(2023, 10, 7), "json-ld"),
        ('<meta property="article:published_time" content="2022-05-06">', date(2022, 5, 6), "meta"),
        ("", date(2021, 2, 3), "url"),
    ],
)
def test_the_date_source_is_recorded(markup, expected, source):
    page = (
        f"<html><head>{markup}</head><body><article>"
        + "".join(f"<p>{line}, the regional council said in a statement.</p>" for line in STORY)
        + "</article></body></html>"
    )
    url = "https://news.example/2021/02/03/floods" if source == "url" else "https://news.example/floods"
    article = read_page(page.encode(), "p.html", url=url)
    assert (article.published_at, article.published_at_source) == (expected, source)


WINDOWS_1252_PAGE = (
    "<html><head>{meta}<title>Caf\u00e9 owners \u201cpriced out\u201d</title></head><body><article>"
    + "".join(
        f"<p>The caf\u00e9 on Rue de l\u2019\u00c9glise said prices had risen by 12 per cent \u2013 the \u201chighest "
        f"rise in a decade\u201d \u2013 and that it could no longer pay the rent, its owner said on Tuesday ({i}).</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "content_type"),
    [
        ('<meta charset="windows-1252">', None),  # declared in the page
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', None),  # Latin-1 read as 1252
        ("", "text/html; charset=windows-1252"),  # declared by the server
        ("", None),  # declared nowhere: detected
    ],
)
def test_a_page_in_a_legacy_encoding_is_decoded(meta, content_type):
    raw = WINDOWS_1252_PAGE.format(meta=meta).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")

    article = read_page(raw, "cafe.html", content_type=content_type)

    assert "The caf\u00e9 on Rue de l\u2019\u00c9glise" in article.body
    assert "\u201chighest rise in a decade\u201d \u2013" in article.body


def test_a_wrong_declaration_gives_way_to_the_bytes():
    raw = WINDOWS_1252_PAGE.format(meta='<meta charset="utf-8">').encode("utf-8")
    assert "\u201chighest rise" in decode_page(raw, "text/html; charset=ascii-but-unknown")
    assert "\u201chighest rise" in decode_page(raw, "text/html; charset=us-ascii")


def test_an_undecodable_page_is_rejected_with_its_reason():
    rng = random.Random(1)
    noise = bytes(rng.randrange(1, 256) for _ in range(3000))
    with pytest.raises(InputError, match="cannot be decoded: not UTF-8"):
        read_page(noise, "noise.html")
    with pytest.raises(InputError, match="binary file"):
        read_page(b"<html>\0\0\0</html>", "nul.html")
    with pytest.raises(InputError, match="no main text found on the page$"):
        read_page(b"<html><head><title>Home</title></head><body></body></html>", "empty.html")
    with pytest.raises(InputError, match="only page furniture"):
        read_page(b"<html><body><p>Advertisement</p><p>Read more: Five walks to try</p></body></html>", "ad.html")


def test_a_page_in_another_language_is_kept_with_its_language_and_nothing_to_read():
    article = read_page(FRENCH_PAGE.read_bytes(), "inondations.html")

    assert article.language == "fr"
    assert article.body.startswith("Environ 2 000 personnes ont dû quitter leur logement")
    assert article.skipped_spans == ((0, len(article.body)),)
    assert article.title == "Inondations : 2 000 personnes évacuées à Port-Elwin"


@pytest.mark.parametrize(
    "line",
    [
        "Residents wade through a flooded street on Monday. (AP Photo/Jon Reyes)",
        "Photo: Rescue workers in the lower town",
        "The minister (left) looks on as the chief executive signs the agreement at the ceremony.",
        "Troops patrol the border. /Getty Images",
        "AMO found 475 pounds of cocaine inside a vessel. By U.S. CUSTOMS AND BORDER PROTECTION",
    ],
)
def test_captions_and_credits_are_told(line):
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The photo agency said it had left the region by Tuesday.",
        "Protesters marched to the ministry, led by union leaders.",
        "The council (which meets on Fridays) approved the budget.",
    ],
)
def test_story_lines_are_not_captions(line):
    assert not is_caption(line)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Floods hit Port Elwin\nBy Maria Okafor\nWater rose overnight.", ["Water rose overnight."]),
        ("Updated 3:45 PM, March 26, 2024\nWater rose overnight.", ["Water rose overnight."]),
        ("Water rose overnight.\nRead more: Storm warnings extended", ["Water rose overnight."]),
        ("Water rose overnight.\nNever miss the latest news by signing up to our newsletter today!",
         ["Water rose overnight."]),
        ("Water rose overnight.\nTo view the full story, please subscribe to The Herald.", ["Water rose overnight."]),
        ("Water rose overnight.\nFor the latest news download the Herald apps for iOS and Android.",
         ["Water rose overnight."]),
        ("Water rose overnight.\nSubmit your letter to the editor via this form.", ["Water rose overnight."]),
        ("Water rose overnight.\nWe may receive compensation when you click on links to those products.",
         ["Water rose overnight."]),
        ("Water rose overnight.\nHERALDNEWS.COM", ["Water rose overnight."]),
        ("By Tuesday, the water had fallen.\nThe council will follow the advice of engineers.",
         ["By Tuesday, the water had fallen.", "The council will follow the advice of engineers."]),
        ("Subscribers to the water company were told to boil their water, the council said on Tuesday.",
         ["Subscribers to the water company were told to boil their water, the council said on Tuesday."]),
    ],
)
def test_the_lines_around_a_story_are_dropped_and_the_story_kept(text, kept):
    assert main_text(text, "Floods hit Port Elwin", "Maria Okafor").split("\n\n") == kept


def test_saved_pages_in_a_folder_are_read_with_their_manifest_rows(tmp_path):
    (tmp_path / "flood.html").write_bytes(NEWS_PAGE.read_bytes())
    (tmp_path / "inondations.htm.gz").write_bytes(gzip.compress(FRENCH_PAGE.read_bytes()))
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00not gzip at all")
    (tmp_path / "manifest.csv").write_text(
        "file,published_at,source,title,url\nflood.html,2024-03-27,Herald wire,,\n", encoding="utf-8"
    )

    stream = IngestStream(tmp_path)
    articles = {a.external_id: a for a in stream}
    result = stream.result()

    assert set(articles) == {"flood", "inondations"}
    assert (articles["flood"].published_at, articles["flood"].published_at_source) == (date(2024, 3, 27), "manifest")
    assert articles["flood"].source_name == "Herald wire"
    assert articles["flood"].title == "Floods force 2,000 people from their homes in Port Elwin"
    assert articles["inondations"].language == "fr"
    assert [(r.input_path.rsplit("/", 1)[-1], r.reason[:22]) for r in result.rejections] == [
        ("broken.html.gz", "not a valid gzip file:")]
    # the manifest row is part of the page's identity
    before = {i.input_path: i.content_hash for i in result.inputs}
    (tmp_path / "manifest.csv").write_text(
        "file,published_at,source,title,url\nflood.html,2024-03-28,Herald wire,,\n", encoding="utf-8"
    )
    again = IngestStream(tmp_path, before)
    assert [a.external_id for a in again] == ["flood"]


def test_shingle_scores_are_those_of_the_benchmarks():
    reference = "one two three four five six"
    assert shingle_scores(reference, reference) == (1.0, 1.0)
    # 3 shingles in each, 2 shared ("one two three four", "two three four five")
    assert shingle_scores("one two three four five extra", "zero one two three four five") == (2 / 3, 2 / 3)
    assert shingle_scores("one two three four five", reference) == (1.0, 2 / 3)
    assert shingle_scores("", reference) == (0.0, 0.0)


def test_a_page_passes_only_with_every_snippet_and_no_boilerplate():
    scores = PageScores()
    expected = {"with": ["a b", "c d"], "without": ["x y", "gone"], "without_absent_from_page": ["gone"]}
    scores.add(expected, "a  b c d", True)
    scores.add(expected, "a b c d x y", False)
    scores.add(expected, None, False)
    assert (scores.pages, scores.passing, scores.with_found, scores.without_found, scores.dated) == (3, 1, 4, 1, 1)
    assert (scores.without_on_page, scores.without_on_page_found) == (3, 1)


needs_dev_pages = pytest.mark.skipif(
    not (HTML_DEV / "expected.json").is_file(), reason=f"the development pages are not at {HTML_DEV}"
)


@needs_dev_pages
def test_every_development_page_reads_dated_and_in_english():
    parts = score_pages(HTML_DEV)
    for scores in parts.values():
        assert scores.unread == []
        assert scores.dated == scores.pages
    assert sum(s.pages for s in parts.values()) == len(json.loads((HTML_DEV / "expected.json").read_text()))
    assert 0.25 < parts["held-out"].pages / sum(s.pages for s in parts.values()) < 0.4


@needs_dev_pages
def test_the_cleanup_beats_trafilatura_alone_on_the_tuning_pages_and_drops_only_headlines():
    expected = json.loads((HTML_DEV / "expected.json").read_text(encoding="utf-8"))
    alone, ours = PageScores(), PageScores()
    lost = []
    for name, entry in sorted(expected.items()):
        if part_of(name) != "tuning":
            continue
        markup = decode_page((HTML_DEV / "pages" / name).read_bytes())
        document = trafilatura.bare_extraction(markup, url=entry["url"], with_metadata=True, include_comments=False)
        body = main_text(document.text, document.title, document.author)
        alone.add(entry, document.text, False)
        ours.add(entry, body, False)
        squeeze = " ".join
        lost += [(s, document.title) for s in entry["with"]
                 if squeeze(s.split()) in squeeze(document.text.split()) and squeeze(s.split()) not in squeeze(body.split())]
    assert ours.passing > alone.passing
    assert ours.without_found < alone.without_found
    assert all(" ".join(snippet.split()) in " ".join(title.split()) for snippet, title in lost), lost


def test_pages_run_into_a_warehouse_with_their_sources_offsets_and_language(tmp_path):
    source = tmp_path / "pages"
    source.mkdir()
    (source / "flood.html").write_bytes(NEWS_PAGE.read_bytes())
    (source / "inondations.html.gz").write_bytes(gzip.compress(FRENCH_PAGE.read_bytes()))
    db = tmp_path / "w.duckdb"

    first = newswire("run", "--source", str(source), "--db", str(db))
    assert first.returncode == 0, first.stdout + first.stderr

    with duckdb.connect(str(db), read_only=True) as con:
        articles = {row[0]: row[1:] for row in con.execute(
            "select external_id, article_id, language, published_at, published_at_source, author from articles"
        ).fetchall()}
        assert {k: v[1:] for k, v in articles.items()} == {
            "flood": ("en", date(2024, 3, 26), "meta", "Maria Okafor"),
            "inondations": ("fr", date(2024, 3, 26), "meta", None),
        }
        french, english = articles["inondations"][0], articles["flood"][0]
        mentions = con.execute(
            "select a.body, m.start_char, m.end_char, m.mention_text, m.article_id from actor_mentions m "
            "join articles a using (article_id)"
        ).fetchall()
        assert mentions and all(body[s:e] == text for body, s, e, text, _ in mentions)
        assert {"Port Elwin", "Daniel Brooks"} <= {text for *_, text, _ in mentions}
        for table in ("actor_mentions", "date_mentions", "figures", "events"):
            assert con.execute(f"select count(*) from {table} where article_id = ?", [french]).fetchone()[0] == 0
        assert con.execute("select count(*) from figures where article_id = ?", [english]).fetchone()[0] > 0
        sources = con.execute(
            "select article_id, content_sha256, raw_gzip, url from article_sources order by input_path"
        ).fetchall()
        assert {row[0] for row in sources} == {english, french}
        for _, sha, raw_gzip, _ in sources:
            assert hashlib.sha256(gzip.decompress(raw_gzip)).hexdigest() == sha
        findings = con.execute(
            "select article_id, column_name, severity from dq_findings where column_name = 'language'"
        ).fetchall()
        assert findings == [(french, "language", "warning")]

    second = newswire("run", "--source", str(source), "--db", str(db))
    assert second.returncode == 0, second.stdout + second.stderr
    assert "nothing new" in second.stdout
