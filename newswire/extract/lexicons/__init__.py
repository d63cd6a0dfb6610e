"""Word lists and rule tables of the extractors, as data files, and the one loader that reads them.

Each `<name>.json` beside this module is one lexicon: a JSON object with an `about` string (what
it lists, where it comes from, how its readers use it) and its `entries`. Adding a month
abbreviation, a holiday, a currency or a title is one line in one of these files; the regex
alternations and prefilters are built from them by `alternation`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from newswire.resources import LEXICONS_DIR, existing


class LexiconError(ValueError):
    """A lexicon file is malformed, or one of its entries cannot be used."""


@cache
def lexicon(name: str) -> Any:
    """The entries of lexicon `name` (read once per process)."""
    path = existing(LEXICONS_DIR / f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or "entries" not in data or not isinstance(data.get("about"), str):
        raise LexiconError(f"{path}: a lexicon is an object with an 'about' string and its 'entries'")
    return data["entries"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, each escaped, longest first so that the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
