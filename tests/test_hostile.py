"""Hostile and malformed inputs: each is rejected or noted with its reason, and the good ones still load."""

from __future__ import annotations

import json
import os
import re
import string
import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hostile_inputs import FOREIGN, FUZZ_NAMES, LOADED, MANY_STORIES, NOTED, REJECTED, build_hostile, fuzz_names, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import SEED_ARTICLES

from newswire.ingest.clean import not_english, path_text
from newswire.ingest.inputs import InputFile, ingest
from newswire.load import warehouse

ENGLISH = [
    "Rebels attacked a convoy near Goma on Sunday.",
    "Shr 22 cts vs 17 cts\n    Net 1,232,000 vs 834,000\n    Sales 24.1 mln vs 20.9 mln\n Reuter",
    "Los Angeles police and Las Vegas officials met Nicolas de la Cruz in El Paso on Monday.",
    "Fighting near al-Shifa hospital and in Deir al-Balah continued, the U.N. said.",
    "Café owners protested.",
]


def test_only_good_articles_load_and_every_hostile_input_says_why(tmp_path: Path) -> None:
    hostile = build_hostile(tmp_path)
    started = time.perf_counter()
    result = ingest(hostile)
    assert time.perf_counter() - started < 30
    samples = {a.article_id for a in ingest(SEED_ARTICLES).articles}

    def relative(path: str) -> str:
        return str(Path(path).relative_to(hostile))

    loaded = {relative(a.input_path): a.article_id for a in result.articles}
    assert samples <= set(loaded.values())
    many = {f"many/{n:05d}.txt" for n in range(MANY_STORIES)}
    assert set(loaded) - {p.name for p in SEED_ARTICLES.glob("*.txt")} == LOADED | many
    reasons = {relative(r.input_path): r.reason for r in result.rejections}
    notes = {relative(n.input_path): n.note for n in result.notes}
    assert set(reasons) == set(REJECTED)
    assert set(notes) == set(NOTED)
    for path, reason in reasons.items():
        assert re.fullmatch(REJECTED[path], reason), (path, reason)
    for path, note in notes.items():
        assert re.fullmatch(NOTED[path], note), (path, note)
    assert not any("escape" in a.input_path for a in result.articles)


def test_the_samples_load_the_same_alone() -> None:
    result = ingest(SEED_ARTICLES)
    assert len(result.articles) == 5
    assert (result.rejections, result.notes) == ((), ())


def test_thousands_of_files_load_in_linear_time(tmp_path: Path) -> None:
    def run(count: int) -> float:
        folder = tmp_path / str(count)
        rows = ["file,published_at,source,title,url"]
        for n in range(count):
            write(folder / f"sub{n % 10}" / f"{n:05d}.txt", f"Officials met in Cairo on day {n} of the talks, the ministry said.\n")
            rows.append(f"{n:05d}.txt,2024-01-01,Wire,,")
        for sub in range(10):
            write(folder / f"sub{sub}" / "manifest.csv", "\n".join(rows) + "\n")
        started = time.perf_counter()
        result = ingest(folder)
        elapsed = time.perf_counter() - started
        assert len(result.articles) == count
        assert all(a.published_at is not None for a in result.articles)
        return elapsed

    small, large = run(300), run(3_000)
    assert large < 20
    assert large < small * 10 * 3


def test_thousands_of_inputs_are_recorded_at_once(tmp_path: Path) -> None:
    con = warehouse.connect(tmp_path / "w.duckdb")
    at = datetime.now(UTC)

    def finish(run_id: str, inputs: list[InputFile]) -> None:
        warehouse.begin_run(con)
        warehouse.finish_run(con, warehouse.RunRecord(run_id, None, at, at, "in", 0, 0, 0, {}), [], [], inputs=inputs)

    first = [InputFile(f"/in/{n:05d}.txt", f"hash {n}") for n in range(20_000)]
    started = time.perf_counter()
    finish("r1", first)
    # a statement per input took about 4 ms each: 80 s here
    assert time.perf_counter() - started < 5
    finish("r2", [InputFile("/in/00007.txt", "changed")])
    assert warehouse.loaded_inputs(con) == {**{i.input_path: i.content_hash for i in first}, "/in/00007.txt": "changed"}
    con.close()


def test_a_source_folder_named_in_bytes_that_are_not_utf8_is_recorded_escaped(tmp_path: Path) -> None:
    con = warehouse.connect(tmp_path / "w.duckdb")
    at = datetime.now(UTC)
    source = os.fsdecode(b"/in/\xff\x1b[2J")
    warehouse.begin_run(con)
    warehouse.finish_run(con, warehouse.RunRecord("r1", None, at, at, source, 0, 0, 0, {}), [], [])
    assert con.execute("select source from runs").fetchall() == [("/in/\\xff\\x1b[2J",)]
    con.close()


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
        write(folder / f"{name}.txt", content)
    write(folder / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    write(folder / "batch.json", json.dumps(records))
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


_NAME_BYTES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_").lstrip(b"."))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAME_BYTES.filter(bool))
def test_any_file_name_is_recorded_as_text_that_can_be_stored_and_shown(tmp_path: Path, name: bytes) -> None:
    folder = tmp_path / f"case{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + name + b".txt", "wb") as handle:
        handle.write(b"Officials met in Cairo on Monday.\n")
    result = ingest(folder)
    (article,) = result.articles
    assert article.input_path == path_text(os.path.join(folder, os.fsdecode(name + b".txt")))
    for text in (article.input_path, article.external_id, result.inputs[0].input_path):
        text.encode("utf-8")
        assert not any(unicodedata.category(c) == "Cc" for c in text), text
    assert ingest(folder, {i.input_path: i.content_hash for i in result.inputs}).unchanged == 1


def test_the_generated_names_are_the_same_each_time_and_hostile() -> None:
    names = fuzz_names()
    assert names == fuzz_names() and len(names) == FUZZ_NAMES
    assert any(not _is_utf8(n) for n in names)
    assert any(any(b < 0x20 or b == 0x7F for b in n) for n in names)


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
