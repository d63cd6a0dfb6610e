"""How far a run is: articles done of the total, their rate, the time left, the stages finished.

The flow reports at its batch and stage boundaries to a `RunProgress` (`watch`), which tells the
listener installed in this process (`listening`): `newswire run` installs a `Bar` on a terminal
and `Lines` elsewhere (`listener_for`). With no listener, as in a served run, the run's own log
lines are all that say how far it is (`Snapshot.describe` words them).

The total is counted before reading (`expected_articles`): a text file or a saved page is one
article and a `.jsonl` file one a non-blank line; feeds, or an input of another kind (a `.json`
array, a web archive), leave it unknown. Once the last input is read, the total is what was read.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, TypeVar

from newswire.ingest.clean import path_text
from newswire.ingest.feeds import is_feeds_source
from newswire.ingest.formats import MANIFEST_NAME, TEXT_SUFFIXES
from newswire.ingest.html import is_page_file
from newswire.ingest.inputs import _list_inputs

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")
B = TypeVar("B", bound=Sized)


def duration(seconds: float) -> str:
    """`seconds` as a person reads them: `42 s`, `3 min 5 s`, `2 h 5 min`."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """How far a run is at one moment: `done` of `total` articles (None when not known) after
    `batches` batches, `elapsed` seconds after it started."""

    done: int
    total: int | None
    batches: int
    elapsed: float

    @property
    def rate(self) -> float | None:
        """Articles per second since the run started; None before any is done."""
        return self.done / self.elapsed if self.done and self.elapsed > 0 else None

    @property
    def seconds_left(self) -> float | None:
        """The time the articles not yet done take at `rate`; None without a total or a rate."""
        if self.total is None or self.rate is None:
            return None
        return max(self.total - self.done, 0) / self.rate

    def describe(self) -> str:
        """`1500 of 5000 articles, 24.1 articles/s, 2 min 25 s left`, or what of it is known."""
        parts = [f"{self.done} articles" if self.total is None else f"{self.done} of {self.total} articles"]
        if self.rate is not None:
            parts.append(f"{self.rate:.1f} articles/s")
        if self.seconds_left is not None and self.done < (self.total or 0):
            parts.append(f"{duration(self.seconds_left)} left")
        return ", ".join(parts)


class Listener(Protocol):
    """What shows a run's progress to a person."""

    def started(self, now: Snapshot) -> None: ...

    def advanced(self, now: Snapshot) -> None: ...

    def stage_done(self, stage: str, now: Snapshot) -> None: ...

    def close(self) -> None: ...


_listener: Listener | None = None


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Runs in this process tell `listener` how far they are (None: nobody), until the block
    ends; then it is closed."""
    global _listener
    before, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = before
        if listener is not None:
            listener.close()


class RunProgress:
    """One run's count of articles done, its total, and the stages it has finished (each once)."""

    def __init__(
        self, total: int | None, listener: Listener | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._total, self._done, self._batches = total, 0, 0
        self._listener, self._clock = listener, clock
        self._started = clock()
        self._finished: set[str] = set()
        if listener is not None:
            listener.started(self.now())

    def now(self) -> Snapshot:
        """Where the run is; a total below what is done is raised to it."""
        total = None if self._total is None else max(self._total, self._done)
        return Snapshot(self._done, total, self._batches, self._clock() - self._started)

    def advance(self, articles: int) -> Snapshot:
        """A batch of `articles` is done."""
        self._done += articles
        self._batches += 1
        now = self.now()
        if self._listener is not None:
            self._listener.advanced(now)
        return now

    def finish(self, stage: str) -> None:
        """`stage` is done: told once, however often it is called."""
        if stage in self._finished:
            return
        self._finished.add(stage)
        if self._listener is not None:
            self._listener.stage_done(stage, self.now())

    def reading(self, batches: Iterable[B]) -> Iterator[B]:
        """The batches as they are read; when the last is, the total is what they held and
        ingest is done."""
        read = 0
        for batch in batches:
            read += len(batch)
            yield batch
        self._total = read
        self.finish("ingest")

    def through(self, stage: str, items: Iterable[T]) -> Iterator[T]:
        """The items, then `stage` is done."""
        yield from items
        self.finish(stage)


def watch(total: int | None) -> RunProgress:
    """A run starting now with `total` articles to do, told to the installed listener."""
    return RunProgress(total, _listener)


def expected_articles(
    source: Path | str, loaded: Mapping[str, str] | None = None, bytes_read: Mapping[str, int] | None = None
) -> int | None:
    """How many articles a run at `source` will read, counted before reading; None when that
    cannot be done cheaply: feeds, or an input that is not a text file, a saved page or a
    `.jsonl` file (a `.json` array, a web archive).

    An input already in `loaded` counts as unchanged, but for the lines of a `.jsonl` file after
    its `bytes_read`. So an input changed since it was loaded is not counted: the total grows
    to what is done when it turns out larger.
    """
    if is_feeds_source(source):
        return None  # a feed's new items are known only once it is fetched
    loaded, bytes_read = loaded or {}, bytes_read or {}
    total = 0
    for path in _list_inputs(Path(source)).files:
        name, suffix = path_text(path), path.suffix.lower()
        if path.name == MANIFEST_NAME:
            continue
        if suffix in TEXT_SUFFIXES or is_page_file(path):
            total += name not in loaded
        elif suffix == ".jsonl":
            start = bytes_read.get(name) if name in loaded else 0
            total += 0 if start is None else _records_after(path, start)
        else:
            return None
    return total


def _records_after(path: Path, start: int) -> int:
    """The non-blank lines of `path` after its first `start` bytes; 0 when it cannot be read
    (reading it rejects it)."""
    try:
        with path.open("rb") as handle:
            handle.seek(start)
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


class Lines:
    """A plain line per batch and per stage done, for logs and pipes."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream or sys.stderr

    def _write(self, line: str) -> None:
        self._stream.write(line + "\n")
        self._stream.flush()

    def started(self, now: Snapshot) -> None:
        self._write("run started: " + ("total not known yet" if now.total is None else f"{now.total} articles to read"))

    def advanced(self, now: Snapshot) -> None:
        self._write(f"batch {now.batches}: {now.describe()}")

    def stage_done(self, stage: str, now: Snapshot) -> None:
        self._write(f"{stage} done after {duration(now.elapsed)}")

    def close(self) -> None:
        """Nothing to close: each line is flushed as it is written."""


class Bar:
    """A rich progress bar on a terminal: articles done of the total, articles/s, the time
    left; a line above it for each stage done."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = console
        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
            console=console, refresh_per_second=2,
        )
        self._task = self._bar.add_task("run", total=None, detail="", start=False)

    def _show(self, now: Snapshot) -> None:
        self._bar.update(self._task, completed=now.done, total=now.total, detail=now.describe())
        self._bar.refresh()

    def started(self, now: Snapshot) -> None:
        self._bar.start()
        self._bar.start_task(self._task)
        self._show(now)

    def advanced(self, now: Snapshot) -> None:
        self._show(now)

    def stage_done(self, stage: str, now: Snapshot) -> None:
        self._show(now)
        self._bar.console.print(f"{stage} done after {duration(now.elapsed)}", markup=False, highlight=False)

    def close(self) -> None:
        self._bar.stop()

    def above(self) -> IO[str]:
        """A stream whose lines, colours and all, print above the bar as each line ends."""
        return _Above(self.console)


class _Above(io.TextIOBase):
    """Text written here, printed on a console a line at a time (above its live display).

    Unlike rich's own `FileProxy`, a console given this as its file writes to it.
    """

    def __init__(self, console: Console) -> None:
        self._console = console
        self._pending = ""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._console.is_terminal

    def write(self, text: str) -> int:
        from rich.text import Text

        *lines, self._pending = (self._pending + text).split("\n")
        if lines:
            self._console.print(Text.from_ansi("\n".join(lines)), soft_wrap=True)
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self.write("\n")


def listener_for(console: Console) -> Bar | Lines:
    """A bar when `console` is an interactive terminal and not in CI (`$CI` set), else lines on
    its file."""
    if console.is_interactive and not os.environ.get("CI"):
        return Bar(console)
    return Lines(console.file)
