from __future__ import annotations

import json
import os
from datetime import date

import pytest

from newswire.ingest.clean import furniture_spans, has_visible_text, header_date, mask, path_text, printable
from newswire.ingest.inputs import ingest

STORY = "Officials met in Cairo on Monday.\nThey agreed to meet again next week.\n"


def write(path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def test_txt_with_date_header_keeps_body_as_read(tmp_path):
    write(tmp_path / "a.txt", "date 2024-03-26\n" + STORY)
    result = ingest(tmp_path)
    (article,) = result.articles
    assert article.published_at == date(2024, 3, 26)
    assert article.external_id == "a"
    assert article.body == "date 2024-03-26\n" + STORY
    assert article.skipped_spans[0] == (0, len("date 2024-03-26\n"))


def test_front_matter_fields(tmp_path):
    write(
        tmp_path / "b.txt",
        "---\ntitle: Talks resume\npublished_at: 2024-05-20T08:30:00\nsource: Wire\nurl: https://example.org/b\n---\n"
        + STORY,
    )
    (article,) = ingest(tmp_path).articles
    assert (article.title, article.published_at, article.source_name, article.url) == (
        "Talks resume", date(2024, 5, 20), "Wire", "https://example.org/b",
    )
    assert "title:" not in mask(article.body, article.skipped_spans)


def test_manifest_wins_over_header(tmp_path):
    write(tmp_path / "a.txt", "date 2024-03-26\n" + STORY)
    write(tmp_path / "manifest.csv", "file,published_at,source,title,url\na.txt,2024-03-27,DNA,Headline,\n")
    (article,) = ingest(tmp_path).articles
    assert (article.published_at, article.source_name, article.title) == (date(2024, 3, 27), "DNA", "Headline")


def test_json_array_and_jsonl_with_broken_records(tmp_path):
    write(tmp_path / "batch.json", json.dumps([{"id": "x1", "text": STORY, "published_at": "2024-01-02"}, {"id": "x2"}]))
    write(
        tmp_path / "feed.jsonl",
        json.dumps({"id": "y1", "text": "Rebels attacked a convoy near Goma on Sunday."}) + "\n{not json\n"
        + json.dumps({"id": "y3", "text": "x", "published_at": "yesterday"}) + "\n",
    )
    result = ingest(tmp_path)
    assert sorted(a.external_id for a in result.articles) == ["x1", "y1"]
    reasons = {r.input_path.rsplit("/", 1)[-1]: r.reason for r in result.rejections}
    assert reasons["batch.json[1]"] == "missing required field(s): text"
    assert reasons["feed.jsonl:2"].startswith("invalid JSON")
    assert "published_at 'yesterday'" in reasons["feed.jsonl:3"]


def test_decoding_bom_crlf_and_windows_1252(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.\rThird.")
    write(tmp_path / "latin1.txt", "Caf\u00e9 owners protested.".encode("latin-1"))
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "notes.pdf", b"%PDF")
    result = ingest(tmp_path)
    bodies = {a.external_id: a.body for a in result.articles}
    assert bodies == {"bom": "First line.\nSecond line.\nThird.", "latin1": "Caf\u00e9 owners protested."}
    assert [(n.input_path.rsplit("/", 1)[-1], n.note) for n in result.notes] == [
        ("latin1.txt", "decoded as Windows-1252, not UTF-8")
    ]
    reasons = {r.input_path.rsplit("/", 1)[-1]: r.reason for r in result.rejections}
    assert reasons["empty.txt"] == "the article has no text"
    assert reasons["notes.pdf"] == "unsupported file type '.pdf'"


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\0\0"), ("utf-32-be", b"\0\0\xfe\xff")],
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path, encoding, mark):
    text = "Caf\u00e9 owners in Z\u00fcrich met on Monday.\r\nThey agreed \u2013 again.\n"
    write(tmp_path / "a.txt", mark + text.encode(encoding))
    write(tmp_path / "b.jsonl", mark + (json.dumps({"id": "b", "text": STORY}) + "\n").encode(encoding))
    result = ingest(tmp_path)
    assert result.rejections == ()
    assert {a.external_id: a.body for a in result.articles} == {"a": text.replace("\r\n", "\n"), "b": STORY}
    name = encoding[:6].upper()
    assert {n.note for n in result.notes} == {f"decoded as {name} (it starts with a {name} byte-order mark)"}


def test_a_byte_order_mark_over_bytes_of_another_encoding_is_rejected(tmp_path):
    write(tmp_path / "odd.txt", b"\xff\xfe" + "Officials met.".encode("utf-16-le") + b"\x00\xd8")
    write(tmp_path / "nul.txt", b"\xff\xfe" + "Officials\0met.".encode("utf-16-le"))
    reasons = {r.input_path.rsplit("/", 1)[-1]: r.reason for r in ingest(tmp_path).rejections}
    assert reasons == {
        "odd.txt": "not valid UTF-16 (byte 30: b'\\x00\\xd8'), though it starts with a UTF-16 byte-order mark",
        "nul.txt": "binary file, not text (it holds NUL characters once decoded as UTF-16)",
    }


@pytest.mark.parametrize(
    "text",
    [" \t\n\u00a0\u3000\u2028", "\u200b\u200c\u200d\u2060\ufeff", "\u202e\u2066\u200f", "\x01\x1b\x7f\x85 ", "\U000e0001\u0378"],
)
def test_an_article_of_only_invisible_characters_is_rejected_as_empty(tmp_path, text):
    write(tmp_path / "feed.jsonl", json.dumps({"id": "e", "text": text}) + "\n")
    (rejection,) = ingest(tmp_path).rejections
    assert rejection.reason.startswith("the article has no text")
    assert not has_visible_text(text)
    assert has_visible_text(text + "x") and has_visible_text("\u0301") and has_visible_text("\u00b7")


def test_a_text_file_of_zero_width_characters_is_rejected_as_empty(tmp_path):
    write(tmp_path / "zw.txt", "date 2024-03-26\n\u200b \u200b\n\ufeff")
    (rejection,) = ingest(tmp_path).rejections
    assert rejection.reason == "the article has no text (only whitespace, zero-width or control characters)"


def test_names_that_are_not_utf8_or_hold_control_characters_are_recorded_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    names = {b"\xff\xfe.txt": "\\xff\\xfe", b"\x1b[2Jclear.txt": "\\x1b[2Jclear",
             b"\x1b]0;owned\x07.txt": "\\x1b]0;owned\\x07", b"line\nbreak.txt": "line\\x0abreak",
             "Z\u00fcrich.txt".encode(): "Z\u00fcrich"}
    for n, name in enumerate(names):
        with open(folder + b"/" + name, "wb") as handle:
            handle.write(f"Officials met in Cairo on day {n} of the talks.\n".encode())
    with open(folder + b"/\xe9.jsonl", "wb") as handle:
        handle.write(b'{"id": "r", "text": "Rebels attacked a convoy near Goma."}\n{"id": 1}\n')
    result = ingest(tmp_path)
    assert {a.external_id for a in result.articles} == {*names.values(), "r"}
    assert {a.input_path for a in result.articles} == {f"{tmp_path}/{n}.txt" for n in names.values()} | {
        f"{tmp_path}/\\xe9.jsonl:1"}
    assert [r.input_path for r in result.rejections] == [f"{tmp_path}/\\xe9.jsonl:2"]
    for text in [a.input_path for a in result.articles] + [i.input_path for i in result.inputs]:
        text.encode("utf-8")
        assert printable(text) == text
    again = ingest(tmp_path, {i.input_path: i.content_hash for i in result.inputs})
    assert (again.articles, again.unchanged) == ((), len(names) + 1)


def test_path_text_and_printable():
    assert path_text(os.fsdecode(b"/in/\xff\xfe.txt")) == "/in/\\xff\\xfe.txt"
    assert path_text("/in/Caf\u00e9 \u2013 news.txt") == "/in/Caf\u00e9 \u2013 news.txt"
    assert path_text("/in/\x1b]0;x\x07\x9b.txt") == "/in/\\x1b]0;x\\x07\\u009b.txt"
    assert printable("a\x1b[2Jb\nc\td\u202eevil\u2069") == "a\\x1b[2Jb\nc\td\\u202eevil\\u2069"
    assert printable("Caf\u00e9 \u2013 \u05e9\u05dc\u05d5\u05dd") == "Caf\u00e9 \u2013 \u05e9\u05dc\u05d5\u05dd"


def test_same_content_twice_is_one_article(tmp_path):
    write(tmp_path / "a.txt", "date 2024-03-26\n" + STORY)
    write(tmp_path / "b.jsonl", json.dumps({"id": "copy", "text": STORY + "\nAdvertisement\n"}) + "\n")
    result = ingest(tmp_path)
    assert len(result.articles) == 1
    assert result.duplicates == 1


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Advertisment",
        "Live tv",
        "Latest News",
        "Follow us on Twitter for the latest updates",
        "Stay updated, Stay informed- Follow DNA on WhatsApp.",
        "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
        "© 2024 Example Media. All rights reserved.",
        "Read more: Storm warnings extended across the north coast",
        "PC Gamer Newsletter",
        "Never miss the latest news by signing up to our newsletter today!",
        "If you're seeing this message but you're already a subscriber, you can log in.",
        "For the latest stories download the Nationnews apps for iOS and Android.",
        "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.",
        "We want to hear what you think about this article.",
        "BVINEWS.COM",
        "Release Date:",
    ],
)
def test_furniture_lines_are_skipped(line):
    text = f"Troops entered the city.\n{line}\nResidents fled north."
    spans = furniture_spans(text)
    assert [text[a:b] for a, b in spans] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the ad campaign would follow the election.",
        "Users can follow the results live on the commission's website, officials said on Tuesday after the vote.",
        "Latest figures show 40,000 people have been displaced.",
        "Shareholders will have the right to subscribe to one new share for every four held.",
        "The newsletter of the central bank said inflation would ease by the summer, officials said.",
        "The date of the vote has not been set, the commission said.",
    ],
)
def test_story_lines_are_kept(line):
    assert furniture_spans(f"Troops entered the city.\n{line}\n") == []


def test_repeated_teaser_is_skipped_where_it_repeats():
    teaser = "Leaders warned against a ground invasion and pressed for a more precise operation."
    text = f"{teaser}\n\nStory.\n\n{teaser[:-1]}, officials said on Friday."
    spans = furniture_spans(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert start > len(teaser)
    # Words are compared whole: "operation," differs from "operation." and is kept.
    assert text[start:end] == teaser[: -len(" operation.")]
    assert text[end:] == " operation, officials said on Friday."


def test_masking_keeps_offsets():
    text = "date 2024-01-01 Body text here."
    value, end = header_date(text)
    masked = mask(text, [(0, end)])
    assert value == "2024-01-01"
    assert len(masked) == len(text)
    assert masked[end:] == text[end:]
    assert masked[:end].strip() == ""
