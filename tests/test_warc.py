"""Web archives as inputs: a small WARC written here with warcio, read record by record.

Each archive holds the news page of tests/fixtures/html, a page in French, an image, a 404, a
request and a page without a date of its own; one record is broken on purpose.
"""

from __future__ import annotations

import io
import tracemalloc
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from paths import FIXTURES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newswire.ingest.inputs import IngestStream
from newswire.ingest.warc import read_warc
from newswire.records import Article, Rejection

NEWS_PAGE = (FIXTURES / "html" / "harbour_flood.html").read_bytes()
FRENCH_PAGE = (FIXTURES / "html" / "inondations.html").read_bytes()
UNDATED_PAGE = (
    "<html><head><title>Harbour bridge to close for repairs</title></head><body><article>"
    "<p>The old harbour bridge in Port Elwin will close for six months of repairs from next week, the regional "
    "council said, after engineers found cracks in two of its supports.</p>"
    "<p>Drivers will be sent along the coast road, which adds about 20 minutes to a journey into the town centre, "
    "and the council will run an extra bus every hour while the work goes on.</p>"
    "</article></body></html>"
).encode()
CAPTURED = "2024-03-27T10:00:00Z"


def _response(writer: WARCWriter, uri: str, body: bytes, status: str = "200 OK",
              content_type: str = "text/html; charset=utf-8") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": CAPTURED})
    writer.write_record(record)


def write_archive(path: Path, gzipped: bool, broken: bool = True) -> None:
    """An archive of pages and other records; with `broken`, the record after the image is damaged."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    _response(writer, "https://www.coastalherald.example/news/port-elwin-floods", NEWS_PAGE)
    request = writer.create_warc_record("https://www.coastalherald.example/news/port-elwin-floods", "request",
                                        payload=io.BytesIO(b"GET /news/port-elwin-floods HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    _response(writer, "https://www.coastalherald.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(500),
              content_type="image/png")
    damaged_at = buffer.tell()
    _response(writer, "https://www.coastalherald.example/news/storm", NEWS_PAGE.replace(b"Port Elwin", b"Port Ardin"))
    _response(writer, "https://www.coastalherald.example/missing", b"<html><body>Not found</body></html>",
              status="404 Not Found")
    _response(writer, "https://www.courrier-littoral.example/actualite/inondations-port-elwin", FRENCH_PAGE)
    _response(writer, "https://www.coastalherald.example/bridge", UNDATED_PAGE)
    data = bytearray(buffer.getvalue())
    if broken:
        # overwrite the damaged record's first bytes after its gzip header, or its WARC/1.0 line
        start = damaged_at + 10 if gzipped else damaged_at
        data[start:start + 24] = b"\x00" * 14 + b"NOT A WARC" if gzipped else b"BROKEN RECORD LINE\r\n\r\n.."
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_broken_record_is_recorded_and_the_rest_read(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_archive(path, gzipped)

    items = list(read_warc(path, path.name))
    articles = [i for i in items if isinstance(i, Article)]
    rejections = [i for i in items if isinstance(i, Rejection)]

    assert [a.url for a in articles] == [
        "https://www.coastalherald.example/news/port-elwin-floods",
        "https://www.courrier-littoral.example/actualite/inondations-port-elwin",
        "https://www.coastalherald.example/bridge",
    ]
    assert len(rejections) == 1
    assert rejections[0].reason.startswith("broken WARC record: ")
    assert rejections[0].reason.endswith("the rest of the file is read")
    assert rejections[0].reason.isascii() and rejections[0].reason.isprintable()
    assert all(i.input_path.startswith(f"{path.name}#") for i in items)
    offsets = [int(i.input_path.rsplit("#", 1)[1]) for i in items]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_an_intact_archive_gives_its_pages_with_the_record_address_and_date_as_fallbacks(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path, gzipped=True, broken=False)

    articles = [i for i in read_warc(path, path.name) if isinstance(i, Article)]

    assert len(articles) == 4  # the two news pages, the French page and the undated one; no image, 404 or request
    news, storm, french, bridge = articles
    assert (news.published_at, news.published_at_source) == (date(2024, 3, 26), "meta")  # the page's own date wins
    assert "Port Ardin" in storm.body
    assert french.language == "fr" and french.skipped_spans == ((0, len(french.body)),)
    assert (bridge.published_at, bridge.published_at_source) == (date(2024, 3, 27), "warc")
    assert bridge.url == "https://www.coastalherald.example/bridge"
    assert bridge.external_id == "https://www.coastalherald.example/bridge"
    assert bridge.page.fetched_at == datetime(2024, 3, 27, 10, 0, tzinfo=timezone.utc)
    assert bridge.page.url == "https://www.coastalherald.example/bridge"
    assert bridge.page.raw == UNDATED_PAGE


def test_an_archive_is_streamed_not_read_whole(tmp_path):
    path = tmp_path / "big.warc.gz"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(40):
        _response(writer, f"https://img.example/{n}.png", bytes(range(256)) * 4096, content_type="image/png")  # 1 MB
    _response(writer, "https://www.coastalherald.example/bridge", UNDATED_PAGE)
    path.write_bytes(buffer.getvalue())

    tracemalloc.start()
    try:
        items = list(read_warc(path, path.name))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [type(i).__name__ for i in items] == ["Article"]
    assert peak < 8 * 2**20, f"reading a 40 MB archive took {peak:,} bytes"


def test_an_archive_in_a_folder_is_one_input_and_its_records_articles(tmp_path):
    write_archive(tmp_path / "crawl.warc.gz", gzipped=True)

    stream = IngestStream(tmp_path)
    articles = list(stream)
    result = stream.result()

    assert len(articles) == 3
    assert [i.input_path.rsplit("/", 1)[-1] for i in result.inputs] == ["crawl.warc.gz"]
    assert len(result.rejections) == 1 and "broken WARC record" in result.rejections[0].reason
    again = IngestStream(tmp_path, {i.input_path: i.content_hash for i in result.inputs})
    assert list(again) == [] and again.result().unchanged == 1
