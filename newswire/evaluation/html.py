"""Scores of the page reader's main text on a set of annotated news pages.

A set is a folder holding `pages/` (the saved pages) and `expected.json`: for each page file its
`url`, the `with` snippets its main text must hold and the `without` snippets it must not (and
`without_absent_from_page`, those that occur nowhere on the page). Matching is trafilatura's
own: whitespace collapsed in both, then a case-sensitive substring. A page passes when its body
holds every `with` snippet and no `without` one; a page that cannot be read fails. When an entry
also gives the page's whole reference text (`reference`), the body is scored as the public
article-extraction benchmarks score it: precision and recall of its 4-token shingles, per page,
averaged. Pages are scored in two parts by their file name: the held-out part is the names
whose `sha1` hex digest ends in 0-4 (about a third), the tuning part the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newswire.ingest.formats import InputError
from newswire.ingest.html import read_page

PARTS = ("tuning", "held-out")
SHINGLE_TOKENS = 4
_HELD_OUT_DIGITS = frozenset("01234")


def part_of(name: str) -> str:
    """The part a page file belongs to: `held-out` for about a third of names, `tuning` for the rest."""
    return "held-out" if hashlib.sha1(name.encode("utf-8")).hexdigest()[-1] in _HELD_OUT_DIGITS else "tuning"


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def shingles(text: str, size: int = SHINGLE_TOKENS) -> Counter[tuple[str, ...]]:
    """The text's runs of `size` whitespace-separated tokens, with their counts."""
    tokens = text.split()
    return Counter(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0)))


def shingle_scores(extracted: str, reference: str) -> tuple[float, float]:
    """Precision and recall of the extracted text's 4-token shingles against the reference's."""
    found, wanted = shingles(extracted), shingles(reference)
    common = sum((found & wanted).values())
    precision = common / found.total() if found else float(not wanted)
    recall = common / wanted.total() if wanted else 1.0
    return precision, recall


@dataclass(slots=True)
class PageScores:
    """What one part of a set scored."""

    pages: int = 0
    passing: int = 0
    unread: list[str] = field(default_factory=list)  # pages that could not be read, with why
    with_found: int = 0
    with_total: int = 0
    without_found: int = 0
    without_total: int = 0
    without_on_page: int = 0  # `without` snippets that occur on their page
    without_on_page_found: int = 0
    dated: int = 0
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)

    def add(self, expected: dict, body: str | None, dated: bool) -> None:
        """One page's outcome: its body (None when it could not be read) against its snippets."""
        self.pages += 1
        text = normalised(body or "")
        hits = [normalised(s) in text for s in expected["with"]]
        absent = set(expected.get("without_absent_from_page", ()))
        bad = [(normalised(s) in text, s in absent) for s in expected["without"]]
        self.passing += body is not None and all(hits) and not any(found for found, _ in bad)
        self.with_found += sum(hits)
        self.with_total += len(hits)
        self.without_found += sum(found for found, _ in bad)
        self.without_total += len(bad)
        self.without_on_page += sum(not gone for _, gone in bad)
        self.without_on_page_found += sum(found and not gone for found, gone in bad)
        self.dated += dated
        if "reference" in expected:
            precision, recall = shingle_scores(body or "", expected["reference"])
            self.precisions.append(precision)
            self.recalls.append(recall)

    def lines(self) -> list[str]:
        ratio = _ratio
        lines = [
            f"pages passing (every 'with' snippet, no 'without' one): {self.passing}/{self.pages} "
            f"({ratio(self.passing, self.pages)})",
            f"'with' recall: {self.with_found}/{self.with_total} ({ratio(self.with_found, self.with_total)})",
            f"'without' rejection: {self.without_total - self.without_found}/{self.without_total} "
            f"({ratio(self.without_total - self.without_found, self.without_total)}); of those on the page: "
            f"{self.without_on_page - self.without_on_page_found}/{self.without_on_page} "
            f"({ratio(self.without_on_page - self.without_on_page_found, self.without_on_page)})",
            f"pages giving a publication date: {self.dated}/{self.pages} ({ratio(self.dated, self.pages)})",
        ]
        if self.precisions:
            precision = sum(self.precisions) / len(self.precisions)
            recall = sum(self.recalls) / len(self.recalls)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            lines.append(
                f"main-text F1 (4-token shingles, per page, averaged): {f1:.3f} "
                f"(precision {precision:.3f}, recall {recall:.3f}, {len(self.precisions)} pages)"
            )
        else:
            lines.append("main-text F1: not measured, the set gives no reference bodies ('reference')")
        lines += [f"unread: {reason}" for reason in self.unread]
        return lines


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def score_pages(folder: Path) -> dict[str, PageScores]:
    """The scores of the tuning and held-out parts of the set in `folder`."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    parts = {part: PageScores() for part in PARTS}
    for name, entry in sorted(expected.items()):
        scores = parts[part_of(name)]
        try:
            article = read_page((folder / "pages" / name).read_bytes(), name, url=entry.get("url"))
        except (InputError, OSError) as exc:
            scores.unread.append(f"{name}: {exc}")
            scores.add(entry, None, False)
            continue
        scores.add(entry, article.body, article.published_at is not None)
    return parts
