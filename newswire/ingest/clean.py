"""Page furniture: the lines scrapers leave in that are not part of the story.

Nothing is deleted from the article body. These functions find the character ranges that
extraction must not read, and produce a same-length text in which those ranges are blanked,
so every offset found in it is an offset into the body as read.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
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


# The commonest English function words.
_ENGLISH_WORDS = frozenset(
    """
    the of and to a in is that for it as was with be by on not he i this are or his from at which
    but have an had they you were their one all we can her has there been if more when will would
    who so no she other its may these what them than some him into only could new about two our
    do most after also any over said such where should my those me how then out up because both
    each through very under while against before between since during without
    """.split()
)
# Function words of the languages most often met in scraped news that share the Latin script;
# none is also an English word ("die", "also", "al", "el", "do" and "am" are left out).
_FOREIGN_WORDS = frozenset(
    """
    le la les des du et est une dans pour qui que sur pas avec sont aux ces ont par mais ou été
    cette leur nous vous il elle ils au un de der und das ist nicht mit von dem ein eine einer
    einen sich auf für zu im auch wird wurde werden wurden hat haben sind bei nach aus wie oder
    aber noch nur zum zur über vom los las y en del por con es se su sus para lo como más pero
    fue ha este esta entre di che non della sono gli nel alla è os da dos não em um uma com foi
    são mais het een van niet dat zijn voor met ook wordt aan bij
    """.split()
)
_LETTERS = re.compile(r"[^\W\d_]+")
_LANGUAGE_SAMPLE = 20_000  # characters read to judge the language: enough, and cheap on a long text
_MIN_SCRIPT_LETTERS = 10
_MIN_FOREIGN_WORDS = 3


def _script(char: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name: LATIN, ARABIC, CJK…"""
    return unicodedata.name(char, "UNKNOWN").split()[0]


def not_english(text: str) -> str | None:
    """Why `text` is not English prose, or None when it is (or is too short to tell).

    Two cheap signals, judged on the first characters: most letters outside the Latin script,
    or more (lower-case) function words of French, German, Spanish, Italian, Portuguese or
    Dutch than of English. A low share of English words alone is no signal: wire copy such as
    an earnings table ("Shr 22 cts vs 17 cts") has almost none.
    """
    sample = text[:_LANGUAGE_SAMPLE]
    words = _LETTERS.findall(sample)
    letters = sum(len(w) for w in words)
    scripts = Counter(_script(c) for w in words for c in w if not c.isascii())
    scripts.pop("LATIN", None)
    if letters >= _MIN_SCRIPT_LETTERS and scripts.total() > letters / 2:
        script, count = scripts.most_common(1)[0]
        name = script.title() if len(script) > 3 else script
        return f"not English ({count / letters:.0%} of letters are {name} script)"
    english = sum(w.lower() in _ENGLISH_WORDS for w in words)
    # Only lower-case words count for the others: "Los Angeles" and "De Beers" are English copy.
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if foreign >= _MIN_FOREIGN_WORDS and foreign > english:
        return (
            f"not English ({foreign} of {len(words)} words are French, German, Spanish, Italian,"
            f" Portuguese or Dutch function words; {english} are English ones)"
        )
    return None
