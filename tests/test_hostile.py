"""Hostile and malformed inputs: each is rejected or noted with its reason, and the good ones still load."""

from __future__ import annotations

import json
import os
import shutil
import string
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.clean import not_english
from flows.ingest import MAX_ARTICLE_BYTES, ingest
from paths import SEED_ARTICLES

STORY = "Officials met in Cairo on Monday and agreed to meet again next week, the ministry said.\n"
FOREIGN = {
    "french": "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse.",
    "german": "Die Bundesregierung hat am Dienstag neue Maßnahmen zur Unterstützung der Landwirte angekündigt.",
    "spanish": "El gobierno anunció el martes una serie de medidas para apoyar a los agricultores afectados por la sequía.",
    "arabic": "أعلنت الحكومة يوم الثلاثاء عن سلسلة من الإجراءات لدعم المزارعين المتضررين من الجفاف.",
    "chinese": "政府周二宣布了一系列措施，以支持受干旱影响的农民。部长表示，援助将在未来几周内发放。",
}
ENGLISH = [
    "Rebels attacked a convoy near Goma on Sunday.",
    "Shr 22 cts vs 17 cts\n    Net 1,232,000 vs 834,000\n    Sales 24.1 mln vs 20.9 mln\n Reuter",
    "Los Angeles police and Las Vegas officials met Nicolas de la Cruz in El Paso on Monday.",
    "Fighting near al-Shifa hospital and in Deir al-Balah continued, the U.N. said.",
    "Café owners protested.",
]


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """The sample articles among one of every hostile input."""
    folder = tmp_path / "in"
    shutil.copytree(SEED_ARTICLES, folder)
    tomorrow_plus = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("gone.txt,2024-01-01,,,\n../escape.txt,2024-01-01,,,\n/etc/passwd,2024-01-01,,,\n")
    _write(tmp_path / "escape.txt", STORY)
    _write(folder / "empty.txt", "")
    _write(folder / "binary.txt", bytes(range(256)) * 4)
    _write(folder / "cp1252.txt", "The caf\u00e9 \u2013 \u201cLe Dôme\u201d \u2013 reopened on Monday, its owner said.".encode("cp1252"))
    _write(folder / "damaged.txt", "Protesters in Zürich and Malmö marched on Monday.".encode("utf-8") + b"\xff\n")
    _write(folder / "gbk.txt", "政府周二宣布了一系列措施，以支持受干旱影响的农民。".encode("gbk"))
    _write(folder / "huge.txt", ("The council met again on Monday. " * 1_600_000)[: 50 * 1024 * 1024])
    _write(folder / "broken.json", '{"id": "b1", "text": ')
    _write(folder / "deep.json", "[" * 100_000 + "]" * 100_000)
    for language, text in FOREIGN.items():
        _write(folder / f"{language}.txt", text)
    records = [
        json.dumps({"id": "r1", "text": STORY.replace("Cairo", "Amman"), "published_at": "2024-06-03"}),
        "{broken",
        json.dumps({"id": "r3", "title": "No text"}),
        json.dumps({"id": "r4", "text": ["not", "a", "string"]}),
        json.dumps({"id": "r5", "text": STORY.replace("Cairo", "Doha"), "published_at": "last week"}),
        json.dumps({"id": "r6", "text": STORY.replace("Cairo", "Rabat"), "published_at": tomorrow_plus}),
        json.dumps({"id": "r1", "text": STORY.replace("Cairo", "Tunis")}),
        json.dumps({"id": "r8", "text": "Lone \ud800 surrogate in Beirut on Monday."}),
        json.dumps({"id": "r9", "text": "x" * 5_000_001}),
        json.dumps({"id": "r10", "text": "Officials met in Baghdad.", "url": "http://127.0.0.1:9/never-fetched"}),
    ]
    _write(folder / "feed.jsonl", "\n".join(records) + "\n")
    _write(folder / "front.txt", "---\ntitle: !!python/object/apply:os.system ['false']\n---\n" + STORY)
    (folder / "many").mkdir()
    os.symlink(folder / "loop", folder / "loop")
    os.symlink(tmp_path / "escape.txt", folder / "outside.txt")
    os.symlink(folder, folder / "many" / "up")
    return folder


def test_only_good_articles_load_and_every_hostile_input_says_why(hostile: Path) -> None:
    started = time.perf_counter()
    result = ingest(hostile)
    assert time.perf_counter() - started < 30
    samples = {a.article_id for a in ingest(SEED_ARTICLES).articles}
    loaded = {_name(a.input_path): a.article_id for a in result.articles}
    assert samples <= set(loaded.values())
    assert set(loaded) - {f"{p.name}" for p in SEED_ARTICLES.glob("*.txt")} == {"cp1252.txt", "feed.jsonl:1", "feed.jsonl:10"}
    reasons = {_name(r.input_path): r.reason for r in result.rejections}
    notes = {_name(n.input_path): n.note for n in result.notes}
    assert reasons["empty.txt"] == "the article has no text"
    assert reasons["binary.txt"] == "binary file, not text (it holds NUL bytes)"
    assert reasons["damaged.txt"] == "not valid UTF-8 (byte 51: b'\\xff'), though most of it is: a damaged UTF-8 file"
    assert reasons["gbk.txt"].startswith("binary file, not text (not UTF-8")
    assert notes["cp1252.txt"] == "decoded as Windows-1252, not UTF-8"
    assert reasons["huge.txt"] == f"text is 52,428,800 bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit for an article; not read"
    assert reasons["broken.json"].startswith("invalid JSON")
    assert reasons["deep.json"] == "invalid JSON: nested too deeply"
    for language in FOREIGN:
        assert reasons[f"{language}.txt"].startswith("not English ("), language
    assert reasons["feed.jsonl:2"].startswith("invalid JSON")
    assert reasons["feed.jsonl:3"] == "missing required field(s): text"
    assert reasons["feed.jsonl:4"] == "text must be a string, got list"
    assert reasons["feed.jsonl:5"] == "published_at 'last week' is not an ISO date or datetime"
    assert "is in the future (later than" in reasons["feed.jsonl:6"]
    assert reasons["feed.jsonl:7"].startswith("duplicate id 'r1' with different text")
    assert reasons["feed.jsonl:8"].startswith("text is not valid Unicode")
    assert reasons["feed.jsonl:9"].startswith("text is 5,000,001 characters, over the")
    assert reasons["front.txt"].startswith("front matter is not valid YAML")
    assert notes["manifest.csv:7"] == "manifest row names 'gone.txt', which is not in its folder"
    assert reasons["manifest.csv:8"] == "manifest row names '../escape.txt', outside its folder; not read"
    assert reasons["manifest.csv:9"] == "manifest row names '/etc/passwd', outside its folder; not read"
    assert notes["loop"] == "symbolic link, not followed"
    assert notes["up"] == "symbolic link, not followed"
    assert reasons["outside.txt"] == "symbolic link to outside the source folder, not followed"
    assert not any("escape" in a.input_path for a in result.articles)


def test_the_samples_load_the_same_alone(tmp_path: Path) -> None:
    result = ingest(SEED_ARTICLES)
    assert len(result.articles) == 5
    assert (result.rejections, result.notes) == ((), ())


def test_thousands_of_files_load_in_linear_time(tmp_path: Path) -> None:
    def run(count: int) -> float:
        folder = tmp_path / str(count)
        rows = ["file,published_at,source,title,url"]
        for n in range(count):
            _write(folder / f"sub{n % 10}" / f"{n:05d}.txt", f"Officials met in Cairo on day {n} of the talks, the ministry said.\n")
            rows.append(f"{n:05d}.txt,2024-01-01,Wire,,")
        for sub in range(10):
            _write(folder / f"sub{sub}" / "manifest.csv", "\n".join(rows) + "\n")
        started = time.perf_counter()
        result = ingest(folder)
        elapsed = time.perf_counter() - started
        assert len(result.articles) == count
        assert all(a.published_at is not None for a in result.articles)
        return elapsed

    small, large = run(300), run(3_000)
    assert large < 20
    assert large < small * 10 * 3


@pytest.mark.parametrize("text", list(FOREIGN.values()))
def test_other_languages_are_caught(text: str) -> None:
    assert not_english(text) is not None


@pytest.mark.parametrize("text", ENGLISH)
def test_english_copy_passes(text: str) -> None:
    assert not_english(text) is None


def test_sample_articles_are_english() -> None:
    for path in SEED_ARTICLES.glob("*.txt"):
        assert not_english(path.read_text(encoding="utf-8")) is None, path.name


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=10) | st.integers() | _JSON,
        "text": st.text(max_size=200) | _JSON,
        "title": st.text(max_size=20) | _JSON,
        "published_at": st.dates().map(str) | st.text(max_size=12) | _JSON,
        "source": st.text(max_size=10),
        "url": st.text(max_size=10),
    },
)
_FILE_NAME = st.text(string.ascii_lowercase, min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    texts=st.dictionaries(_FILE_NAME, st.text(max_size=300) | st.binary(max_size=300), max_size=4),
    records=st.lists(_RECORD | _JSON, max_size=6),
)
def test_any_input_ends_as_an_article_a_rejection_or_a_note(tmp_path: Path, texts: dict[str, str | bytes], records: list[object]) -> None:
    folder = tmp_path / f"case{len(list(tmp_path.iterdir()))}"
    for name, content in texts.items():
        _write(folder / f"{name}.txt", content)
    _write(folder / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    _write(folder / "batch.json", json.dumps(records))
    result = ingest(folder)
    accounted = (
        {a.input_path for a in result.articles}
        | {r.input_path for r in result.rejections}
        | {n.input_path for n in result.notes}
    )
    for name in texts:
        path = str(folder / f"{name}.txt")
        assert path in accounted or result.duplicates, path
    lines = {f"{folder / 'feed.jsonl'}:{n}" for n in range(1, len(records) + 1)}
    items = {f"{folder / 'batch.json'}[{n}]" for n in range(len(records))}
    if records:
        kept_or_said = lines | items
        missing = kept_or_said - accounted
        assert len(missing) <= result.duplicates, missing
    else:
        assert {str(folder / "feed.jsonl"), str(folder / "batch.json")} <= accounted
