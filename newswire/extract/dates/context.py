"""What a rule's handler knows about its match (`_Ctx`): the publication date it reads against,
whether the match lies in a spaCy DATE/TIME entity, the words just before and after it and, computed
once when asked, its tense; and from those, the side of the anchor a date without a year lies on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from newswire.extract.dates.tense import _FUTURE, _NONE, _PAST, _tense_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newswire.extract.dates.values import _Timex

_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
# a deadline set in the past may still lie ahead: "extended the offer to Nov. 20", "until January"
_DEADLINE = re.compile(r"\b(?:until|till|through|by|to|before|ahead\s+of)\s+(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
# "as soon as Tuesday" looks ahead whatever the tense; "as early as" unless the verb is past
_AS_SOON_AS = re.compile(r"\bas\s+soon\s+as\s+$", re.IGNORECASE)
_AS_EARLY_AS = re.compile(r"\bas\s+early\s+as\s+$", re.IGNORECASE)
# the start of a sentence, after its opening conjunction or quotation mark if any
_SENTENCE_OPENING = re.compile(r"(?:\A|[.!?][\"'”’)]*\s+|\n\s*)(?:(?:and|but)\s+)?[\"“‘]?\Z", re.IGNORECASE)


class _Ctx:
    """What a handler knows about a match: the anchor, entity context and (lazily) tense."""

    __slots__ = ("anchor", "in_entity", "_doc", "_text", "_start", "_end", "_tense")

    def __init__(self, doc: Doc, text: str, start: int, end: int, anchor: date | None, in_entity: bool) -> None:
        self.anchor = anchor
        self.in_entity = in_entity
        self._doc = doc
        self._text = text
        self._start = start
        self._end = end
        self._tense: str | None = None

    def span(self) -> Span | None:
        span = self._doc.char_span(self._start, self._end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def preceded_by(self, pattern: re.Pattern[str]) -> bool:
        """Whether the words just before the expression end with pattern."""
        return self.before(pattern) is not None

    def before(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The match of pattern in the words just before the expression, where they end with it."""
        return pattern.search(self._text[max(0, self._start - 24) : self._start])

    def opens_sentence(self) -> bool:
        """Whether the expression is the first word of its sentence ("And now, ...")."""
        return bool(_SENTENCE_OPENING.search(self._text, max(0, self._start - 24), self._start))

    def followed_by(self, pattern: re.Pattern[str]) -> bool:
        """Whether the words just after the expression start with pattern."""
        return self.after(pattern) is not None

    def after(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The match of pattern at the words just after the expression, if they start with it."""
        return pattern.match(self._text, self._end, self._end + 40)

    def tense(self) -> str:
        if self._tense is None:
            span = self.span()
            tense = _tense_of(span) if span is not None else _NONE
            if self.preceded_by(_AS_SOON_AS) or (tense != _PAST and self.preceded_by(_AS_EARLY_AS)):
                tense = _FUTURE
            self._tense = tense
        return self._tense


_Handler = Callable[[re.Match[str], _Ctx], "_Timex | None"]


def _is_future(ctx: _Ctx) -> bool:
    return ctx.tense() == _FUTURE


def _direction(ctx: _Ctx) -> str:
    """Where a date without a year lies from the anchor: past, future, or nearest when the
    tense does not say (present, or no verb: "payable Dec. 7", "prices peak in November")."""
    if ctx.preceded_by(_SINCE):
        return _PAST
    tense = ctx.tense()
    if tense == _PAST and ctx.preceded_by(_DEADLINE):
        return _NONE
    return tense if tense in (_PAST, _FUTURE) else _NONE
