"""The Data Docs site validate_tables writes beside its validation, browsed offline."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from batches import checked_frames, extraction

import newswire.quality.validate
from newswire.quality.checks import RUN_TABLE, run_checks
from newswire.quality.validate import ExpectationOutcome, validate_tables

CHROMIUM = Path("/usr/bin/chromium")
TABLES = {
    "articles", "actors", "actor_mentions", "date_mentions", "figures", "events", "event_actors", "dates", "article_places", "run",
}
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def clean_frames() -> dict[str, pd.DataFrame]:
    return {
        **checked_frames([extraction("a1"), extraction("a2"), extraction("a3")]),
        RUN_TABLE: run_checks(inputs=3, articles=3, undated=0),
    }


@pytest.fixture(scope="module")
def clean_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ExpectationOutcome]]:
    docs = tmp_path_factory.mktemp("site") / "docs"
    return docs, validate_tables(clean_frames(), docs_dir=docs)


def validation_rows(index: Path) -> dict[str, bool]:
    """Each validation page the index links to, relative to the site, and whether its row says it passed."""
    rows = {}
    for row in re.findall(r"<tr>.*?</tr>", index.read_text(encoding="utf-8"), re.DOTALL):
        links = set(re.findall(r'href="(validations/[^"]+)"', row))
        if not links:
            continue
        [link] = links
        passed, failed = "fa-check-circle" in row, "fa-times" in row
        assert passed != failed, row
        rows[link] = passed
    return rows


def tables_of(links: dict[str, bool] | list[str]) -> list[str]:
    return sorted(link.split("/")[1] for link in links)


def test_docs_for_a_clean_batch_link_one_validation_page_per_table(
    clean_docs: tuple[Path, list[ExpectationOutcome]],
) -> None:
    docs, outcomes = clean_docs

    assert outcomes == validate_tables(clean_frames())
    index = docs / "index.html"
    rows = validation_rows(index)
    assert tables_of(rows) == sorted(TABLES)
    assert all(rows.values())
    for link in rows:
        page = (docs / link).read_text(encoding="utf-8")
        assert "Expectation Validation Result" in page and "Succeeded" in page
    suites = re.findall(r'href="expectations/(\w+)\.html"', index.read_text(encoding="utf-8"))
    assert set(suites) == TABLES
    assert all((docs / "expectations" / f"{suite}.html").is_file() for suite in TABLES)


def test_no_written_page_needs_the_network_or_scripts(clean_docs: tuple[Path, list[ExpectationOutcome]]) -> None:
    docs, _ = clean_docs
    pages = sorted(docs.rglob("*.html"))

    assert len(pages) == 1 + 2 * len(TABLES)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(text), (page, EXTERNAL.search(text))
        assert "<script" not in text, page
        assert ".fa-check-circle::before" in text, page


def test_chromium_without_network_shows_the_suites_and_results(
    clean_docs: tuple[Path, list[ExpectationOutcome]], tmp_path: Path
) -> None:
    docs, _ = clean_docs
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/setup does)"
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom", (docs / "index.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    suites_pane = dom[dom.index('id="Expectation-Suites"'):]
    listed = re.findall(r'<a href="expectations/(\w+)\.html">\s*(\w+)\s*</a>', suites_pane)
    assert sorted(listed) == sorted((suite, suite) for suite in TABLES)
    results_pane = dom[dom.index('id="Validation-Results"'):dom.index('id="Expectation-Suites"')]
    assert results_pane.count("fa-check-circle") == len(TABLES)


def test_earlier_runs_stay_browsable_until_the_oldest_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newswire.quality.validate, "DOCS_RUNS_KEPT", 2)
    docs = tmp_path / "docs"
    late = clean_frames()["articles"]
    late.loc[1, "published_at"] = date(1850, 6, 1)

    validate_tables({"articles": late}, docs_dir=docs)
    [first] = validation_rows(docs / "index.html")
    validate_tables({"articles": clean_frames()["articles"]}, docs_dir=docs)
    rows = validation_rows(docs / "index.html")

    assert tables_of(rows) == ["articles", "articles"]
    assert rows[first] is False and list(rows.values()).count(True) == 1
    assert "Failed" in (docs / first).read_text(encoding="utf-8")
    assert set(re.findall(r'href="expectations/(\w+)\.html"', (docs / "index.html").read_text(encoding="utf-8"))) == TABLES

    validate_tables({"dates": clean_frames()["dates"]}, docs_dir=docs)
    rows = validation_rows(docs / "index.html")

    assert tables_of(rows) == ["articles", "dates"] and first not in rows
    assert not (docs / first).exists()
    assert len(list((docs / "results").rglob("*.json"))) == 2
