"""Page furniture: the lines scrapers leave in that are not part of the story.

Nothing is deleted from the article body. These functions find the character ranges that
extraction must not read, and produce a same-length text in which those ranges are blanked,
so every offset found in it is an offset into the body as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A line is furniture when it matches one of these and is short: a real paragraph that
# happens to mention WhatsApp or a share button is longer than a prompt to use one.
_FURNITURE_MAX_WORDS = 30
_FURNITURE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # advertisement markers, including the common misspelling "Advertisment"
        r"^\W*(advert[a-z]*|sponsored( content)?|promoted( content)?|ad)\W*$",
        r"^\W*(story continues below|continue reading|scroll (down )?to continue)\b",
        # section and navigation labels
        r"^\W*(live\s*(tv|updates|blog)?|latest( news)?|top stories|trending( now| news)?"
        r"|related( (news|stories|articles))?|recommended( for you)?|most (read|popular)"
        r"|also read|read more|more news|must read|watch( video)?|breaking( news)?)\W*$",
        # share, follow and subscribe prompts
        r"\bfollow (us|\w+) on\b",
        r"\b(share|tweet|post) (this|on) (article|story|facebook|twitter|x|whatsapp|linkedin)\b",
        r"\b(subscribe|sign up) (to|for) (our|the)\b.*\b(newsletter|channel|updates)\b",
        r"\b(download|get) (the|our) \w+ app\b",
        r"\bclick here\b",
        r"\bstay (updated|informed|tuned)\b",
        r"\b(also|read) (on|in) (whatsapp|telegram|google news)\b",
        # syndication and copyright notes
        r"\bthis story has not been edited by\b",
        r"\b(auto-generated|published) from a syndicated feed\b",
        r"^\W*(©|\(c\)|copyright\b)",
        r"\ball rights reserved\b",
    )
)

_REPEAT_MIN_WORDS = 8
_WORD = re.compile(r"\S+")
_HEADER_DATE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)


def header_date(text: str) -> tuple[str | None, int]:
    """The `date YYYY-MM-DD` header at the start of a text: its value and where it ends."""
    match = _HEADER_DATE.match(text)
    if match is None:
        return None, 0
    return match.group(1), match.end()


def _lines(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _FURNITURE_MAX_WORDS:
        return False
    return any(p.search(stripped) for p in _FURNITURE_PATTERNS)


def furniture_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Ranges of `text` (from `start`) that are page furniture or repeated text.

    A run of eight words or more that already appeared in an earlier paragraph (a teaser
    printed above the story that then repeats it) is skipped where it repeats, so nothing
    is counted twice.
    """
    spans: list[tuple[int, int]] = []
    seen: set[tuple[str, ...]] = set()
    for line_start, line_end in _lines(text):
        if line_end <= start:
            continue
        line_start = max(line_start, start)
        if _is_furniture(text[line_start:line_end]):
            spans.append((line_start, line_end))
            continue
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, line_start, line_end)]
        shingles = [tuple(w[2] for w in words[i : i + _REPEAT_MIN_WORDS]) for i in range(len(words) - _REPEAT_MIN_WORDS + 1)]
        repeats = [
            (words[i][0], words[i + _REPEAT_MIN_WORDS - 1][1]) for i, shingle in enumerate(shingles) if shingle in seen
        ]
        spans.extend(_merge(repeats))
        seen.update(shingles)
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span blanked to spaces: same length, so offsets are unchanged."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def content_key(text: str) -> str:
    """What identifies an article's content: its words, whitespace folded."""
    return " ".join(text.split())
