"""Line wraps: a story broken into lines of a fixed width, wherever a word ends.

Wire copy is wrapped at about 70 characters, so a number and its unit ("10.2\\nmln tonnes"), its
scale ("5.5\\nbillion") or the word that makes it a range ("between\\n15 and 18 pct") may stand on
two lines, and the parse keeps each line break as a token of its own. A line break is a wrap when
no line of the text is wider than `WRAP_WIDTH` and the line it ends is full (`FULL_LINE`
characters or more), or the sentence goes on in lower case onto a full line (a story's first
line begins after its dateline): a short line ends a row of a table ("Shr 30 cts vs 36 cts"),
a heading or a paragraph, and a break after a sentence's end stays. The figures are read from the
document without its wraps (`unwrapped`), their offsets those of the text as written.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.nlp import doc_text, rebuilt, tokens_at

# The widest line of a text wrapped at a fixed width, and the shortest a wrap ends.
WRAP_WIDTH = 80
FULL_LINE = 45
_LINE_BREAK = re.compile("\n")
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})
# The token attributes a document without its wraps keeps, and where some of them stand: its
# words and their spacing make the tokens, the rest is set on them.
_WORDS = [ORTH, SPACY]
_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
_DEP, _HEAD, _IOB, _TYPE = (len(_WORDS) + _ATTRS.index(attr) for attr in (DEP, HEAD, ENT_IOB, ENT_TYPE))
# `Token.ent_iob`: inside, outside, beginning of an entity.
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3


@examples(
    Example("The maize harvest is expected to total between 10 and 10.2\nmln tonnes, down from the\n10 to 10.4 "
            "mln tonnes estimated a week ago.", "between 10 and 10.2\nmln tonnes", 1e7, "range", "metric ton",
            "other", (1e7, 1.02e7)),
    Example("A tight money market has pushed interest rates to between\n15 and 18 pct from 13 to 15 pct a month "
            "ago, bankers said.", "between\n15 and 18 pct", 15, "range", "percent", "percent", (15, 18)),
    Example("The company said that its net profit for the year rose to 5.93\nmln dlrs.",
            "5.93\nmln dlrs", 5.93e6, "exact", "USD", "money"),
    Example("Shr 30 cts vs 36 cts\nNet 1,234 vs 1,000\nRevs 12.3 mln vs 10.1 mln", "1,000", 1000, "exact", None,
            "other"),
    NoFigure("Rebels hold a third of\nthe country."),
    Example("USAir Group Inc said it is seeking two\nbillion dlrs in bank debt to complete its takeover of "
            "Piedmont\nAviation Inc.", "two\nbillion dlrs", 2e9, "exact", "USD", "money"),
)
def unwrapped(doc: Doc) -> tuple[Doc, list[int]] | None:
    """The document without its line wraps, and for each of its tokens the index of the same
    token in `doc`; None when `doc` has none. The parse, tags and entities are those of `doc`
    (a word that hung from a wrap hangs from the wrap's head)."""
    text = doc_text(doc)
    if "\n" not in text or max(len(line) for line in text.split("\n")) > WRAP_WIDTH:
        return None
    breaks = tokens_at(doc, (found.start() for found in _LINE_BREAK.finditer(text)))
    wraps = [i for i in breaks if doc[i].text == "\n" and _is_wrap(doc, i)]
    if not wraps:
        return None
    removed = set(wraps)
    kept = [i for i in range(len(doc)) if i not in removed]
    position = numpy.full(len(doc), -1, dtype=numpy.int64)
    position[kept] = numpy.arange(len(kept))
    rows = doc.to_array(_WORDS + _ATTRS)
    heads = numpy.arange(len(doc), dtype=numpy.int64) + rows[:, _HEAD].astype(numpy.int64)
    for i in wraps:
        # a word that hung from a wrap hangs from the wrap's head, or heads its sentence
        head = heads[i]
        while head in removed and heads[head] != head:
            head = heads[head]
        heads[heads == i] = i if head in removed else head
    rows = rows[kept]
    own = numpy.arange(len(kept), dtype=numpy.int64)
    new_heads = numpy.where(position[heads[kept]] < 0, own, position[heads[kept]])
    rows[:, _DEP] = numpy.where(new_heads == own, doc.vocab.strings["ROOT"], rows[:, _DEP])
    rows[:, _HEAD] = (new_heads - own).astype(numpy.uint64)
    inside = rows[:, _IOB] == _INSIDE
    before_type = numpy.concatenate(([0], rows[:-1, _TYPE]))
    before_iob = numpy.concatenate(([_OUTSIDE], rows[:-1, _IOB]))
    # an entity that began at a wrap begins at its next word
    rows[inside & ((before_iob == _OUTSIDE) | (before_type != rows[:, _TYPE])), _IOB] = _BEGIN
    spaces = rows[:, 1].astype(bool) | numpy.isin(numpy.asarray(kept) + 1, wraps)
    return rebuilt(doc.vocab, rows[:, 0].tolist(), spaces.tolist(), _ATTRS, rows[:, len(_WORDS):]), kept


def _is_wrap(doc: Doc, i: int) -> bool:
    """Whether the line break at token i wraps a full line inside a sentence, or a short line
    the sentence goes on from in lower case onto a full one (a story's first line, which begins
    after the dateline: "USAir Group Inc said it is seeking two\nbillion dlrs in bank debt to ...")."""
    if i == 0 or i + 1 >= len(doc) or doc[i - 1].text in _SENTENCE_ENDS:
        return False
    text = doc_text(doc)
    at = doc[i].idx
    if at - (text.rfind("\n", 0, at) + 1) >= FULL_LINE:
        return True
    following = text.find("\n", at + 1)
    full_after = (following if following >= 0 else len(text)) - (at + 1) >= FULL_LINE
    return full_after and doc[i + 1].text[:1].islower()
