"""Page furniture: the lines scrapers leave in that are not part of the story.

Nothing is deleted from the article body. These functions find the character ranges that
extraction must not read, and produce a same-length text in which those ranges are blanked,
so every offset found in it is an offset into the body as read. The furniture lines are the
lexicon `page_furniture.json`. `not_english` tells prose in another language from English by
its script and by the function words of `language_words.json`.

Text that must be safe wherever it goes is made so here as well: `path_text` gives a file's
path as storable text (bytes that are not UTF-8 and control characters escaped), `printable`
escapes what a terminal would act on, and `has_visible_text` tells an article from one of
whitespace, zero-width and control characters only.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath

from newswire.extract.lexicons import LexiconError, lexicon

# A line is furniture when it matches one of these and is short: a real paragraph that
# happens to mention WhatsApp or a share button is longer than a prompt to use one.
_FURNITURE_MAX_WORDS = 30
_FURNITURE = lexicon("page_furniture")
_FURNITURE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (rf"^\W*(?:{'|'.join(_FURNITURE['labels'])})\W*$", *_FURNITURE["phrases"])
)

_REPEAT_MIN_WORDS = 8
_WORD = re.compile(r"\S+")
_HEADER_DATE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)


# C0 and C1 control characters (DEL among them): a terminal acts on them, a name never needs them.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# What a console shows as is: line ends and tabs of multi-line output, nothing else of the above;
# nor the bidirectional embeddings, overrides and isolates that reorder what follows them.
_CONSOLE_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Unicode categories that put nothing on the page: spaces, line and paragraph separators,
# control and format (zero-width, bidi, BOM) characters, and code points not assigned yet.
_INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cn"})


def _escaped(match: re.Match[str]) -> str:
    """An ASCII control character as `\\x1b`, any other as `\\u009b`: a byte that is not UTF-8
    stays told apart (`\\x9b`), and JSON reads the second form as the character itself."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x7F else f"\\u{code:04x}"


def path_text(path: PurePath | str) -> str:
    """A file's path as text that can be stored and shown anywhere.

    A name is bytes to the file system: bytes that are not UTF-8 (which Python holds as lone
    surrogates, and no UTF-8 store accepts) are written as `\\xff`, and control characters
    as `\\x1b`, `\\x0a` (`\\u009b` beyond ASCII), so that a name can neither break a store nor act on a
    terminal or forge a log line. Any other name is unchanged.
    """
    text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    return _CONTROLS.sub(_escaped, text)


def printable(text: str) -> str:
    """`text` as a console may show it: control and bidi-override characters escaped, except line ends and tabs."""
    return _CONSOLE_UNSAFE.sub(_escaped, text)


def has_visible_text(text: str) -> bool:
    """Whether `text` holds anything but whitespace, zero-width, control and unassigned characters."""
    return any(unicodedata.category(c) not in _INVISIBLE for c in text)


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


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture: short, and a label or a prompt of `page_furniture.json`."""
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
        if is_furniture(text[line_start:line_end]):
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


_LANGUAGE_WORDS = lexicon("language_words")
# The commonest English function words.
_ENGLISH_WORDS = frozenset(_LANGUAGE_WORDS["english"])
# Function words of the languages most often met in scraped news that share the Latin script;
# none is also an English word.
_FOREIGN_WORDS = frozenset(w for words in _LANGUAGE_WORDS["foreign"].values() for w in words)
if _FOREIGN_WORDS & _ENGLISH_WORDS:
    raise LexiconError(f"language_words: {sorted(_FOREIGN_WORDS & _ENGLISH_WORDS)} are listed as English and foreign")
_FOREIGN_LANGUAGES = list(_LANGUAGE_WORDS["foreign"])
# How a reason names them: "French, German, Spanish, Italian, Portuguese or Dutch".
_FOREIGN_NAMES = " or ".join(filter(None, [", ".join(_FOREIGN_LANGUAGES[:-1]), _FOREIGN_LANGUAGES[-1]]))
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
            f"not English ({foreign} of {len(words)} words are {_FOREIGN_NAMES}"
            f" function words; {english} are English ones)"
        )
    return None

