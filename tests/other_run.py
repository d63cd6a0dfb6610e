"""Another run holding a warehouse, played by a thread of the test's own process: the warehouse
lock is re-entrant for the thread that holds it, so a hold in the test's thread stands for no
other run."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newswire.load.warehouse import exclusive


@contextmanager
def held_by_another_run(db: Path) -> Iterator[threading.Event]:
    """The warehouse held by another thread until the block ends or the event it gives is set."""
    held, release = threading.Event(), threading.Event()

    def run() -> None:
        with exclusive(db):
            held.set()
            release.wait(timeout=60)

    holder = threading.Thread(target=run)
    holder.start()
    assert held.wait(timeout=10)
    try:
        yield release
    finally:
        release.set()
        holder.join()
