"""Numbers written in words: the tables of `lexicons/number_words.json` and the one reader of them.

The figure and date extractors both read "seven", "twenty-five" and "three million" from these
tables; neither keeps a number word of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from newswire.extract.lexicons import lexicon

_WORDS = lexicon("number_words")

ZERO: str = _WORDS["zero"]
"""The word for 0."""
ONES: Mapping[str, int] = MappingProxyType(dict(_WORDS["ones"]))
""""one" ... "nineteen" -> 1 ... 19 (without "zero")."""
TENS: Mapping[str, int] = MappingProxyType(dict(_WORDS["tens"]))
""""twenty" ... "ninety" -> 20 ... 90."""
SCALES: Mapping[str, float] = MappingProxyType({w: float(v) for w, v in _WORDS["scales"].items()})
"""Scale words -> factor: "dozen" -> 12, "hundred" -> 100, "mln" -> 1e6, "crore" -> 1e7, ..."""
SCALE_ABBREVIATIONS: frozenset[str] = frozenset(_WORDS["scale_abbreviations"])
"""The scales that may be written against the digits in one word: "5.93mln", "$3bn"."""
SCALE_LETTERS: Mapping[str, float] = MappingProxyType({w: float(v) for w, v in _WORDS["scale_letters"].items()})
"""Letters that are scales only against the digits: "20m", "10k", "$4b"."""

_SEPARATOR = re.compile(r"-|\s+")


@lru_cache(maxsize=4096)  # the extractors ask about the same few words again and again
def parse_number_words(text: str) -> float | None:
    """The number `text` writes in words, or None: "seven" -> 7, "zero" -> 0,
    "twenty-five" and "twenty five" -> 25 (a tens word, then a ones word below ten)."""
    words = _SEPARATOR.split(text.strip().lower())
    if len(words) == 1:
        word = words[0]
        if word == ZERO:
            return 0.0
        if word in ONES:
            return float(ONES[word])
        if word in TENS:
            return float(TENS[word])
        return None
    if len(words) == 2 and words[0] in TENS and 0 < ONES.get(words[1], 0) < 10:
        return float(TENS[words[0]] + ONES[words[1]])
    return None
