"""A translation backend that never touches the network, for tests and dry runs.

It "translates" by tagging each line (``"[pl>en] Ponad 500 000 ..."``), counts the requests it
receives, and can be told to fail or hang in the ways real services do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from .backends import DEFAULT_TIMEOUT, call_with_deadline


@dataclass(slots=True)
class FakeBackend:
    """Deterministic stand-in for a deep-translator service.

    ``fail``: an exception (or a function of the request text returning one or None) raised
    instead of answering. ``hang``: block until :meth:`release` or the deadline, like a silent
    server. ``merge_lines``: answer a batch as one line, like a service that loses line breaks.
    """

    name: str = "fake"
    max_chars: int = 4500
    min_interval: float = 0.0
    timeout: float = DEFAULT_TIMEOUT
    fail: BaseException | Callable[[str], BaseException | None] | None = None
    hang: bool = False
    merge_lines: bool = False
    requests: list[str] = field(default_factory=list)
    _gate: threading.Event = field(default_factory=threading.Event)

    def translate(self, text: str, source: str, target: str) -> str:
        """Tag every line with the language pair, or fail as configured."""
        self.requests.append(text)
        error = self.fail(text) if callable(self.fail) and not isinstance(self.fail, BaseException) else self.fail
        if error is not None:
            raise error
        if self.hang:
            return call_with_deadline(self._wait, self.timeout)
        lines = [f"[{source}>{target}] {ln}" for ln in text.split("\n")]
        return " ".join(lines) if self.merge_lines else "\n".join(lines)

    def _wait(self) -> str:
        self._gate.wait()
        return "too late"

    def release(self) -> None:
        """Let hung calls return (their answers are ignored: the deadline has passed)."""
        self._gate.set()
