"""What a long run is doing, on stderr, on a terminal only.

A run goes through phases: reading and extracting the articles (one pass per article, done by the
workers), indexing the claims, matching and reconciling the quantities, then writing each report.
``Progress`` shows one line per phase while it runs (a bar when the phase knows its total, a counter
otherwise) and clears it when the phase ends. When stderr is not a terminal (piped, a file, a test)
or progress is off (``--quiet``), it writes nothing at all.

    progress = Progress(enabled=True)
    with progress.phase("reconciling", total=40, unit="quantity") as advance:
        for group in groups:
            ...
            advance(1)
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

#: The phases of ``compare``, in order (``phase`` accepts any name; these are the ones the run uses).
PHASES = ("reading and extracting", "indexing claims", "matching", "reconciling", "writing")


class Progress:
    """Phase lines on ``stream`` (default stderr) when it is a terminal and ``enabled``."""

    def __init__(self, enabled: bool = True, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(enabled and isatty is not None and isatty())
        self.advance: Callable[[int], None] = _nothing  # of the phase running now

    @contextlib.contextmanager
    def phase(self, name: str, total: int | None = None, unit: str = "it", bytes_: bool = False) -> Iterator[Callable[[int], None]]:
        """A phase: yields ``advance(n)``; the line goes when the phase ends, however it ends."""
        if not self.enabled:
            yield _nothing
            return
        from tqdm import tqdm

        class Bar(tqdm):  # type: ignore[type-arg]
            monitor_interval = 0  # no monitor thread: worker pools can still fork

        kw: dict[str, Any] = {"unit": "B", "unit_scale": True, "unit_divisor": 1024} if bytes_ else {"unit": f" {unit}"}
        bar = Bar(total=total, desc=name, file=self.stream, dynamic_ncols=True, leave=False, mininterval=0.2, **kw)
        before = self.advance
        self.advance = bar.update
        try:
            bar.refresh()  # shown at once, even before the first step
            yield bar.update  # type: ignore[misc]
        finally:
            self.advance = before
            bar.close()

    def iterate(self, name: str, items: Iterable[T], total: int | None = None, unit: str = "it") -> Iterator[T]:
        """``items``, advancing a phase by one per item."""
        with self.phase(name, total, unit) as advance:
            for item in items:
                yield item
                advance(1)

    def counted(self, pieces: Iterable[str]) -> Iterator[str]:
        """Text pieces as they are written, advancing the current phase by their length."""
        if not self.enabled:
            yield from pieces
            return
        for piece in pieces:
            yield piece
            self.advance(len(piece.encode("utf-8", "surrogatepass")))


def _nothing(n: int) -> None:
    return None


#: progress that shows nothing (the library's default)
QUIET = Progress(enabled=False)


def as_progress(progress: bool | Progress | None) -> Progress:
    """A ``Progress`` from the library's ``progress`` argument (True: stderr, when it is a terminal)."""
    if isinstance(progress, Progress):
        return progress
    return Progress(enabled=True) if progress else QUIET
