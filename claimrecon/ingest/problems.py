"""Why an input is not an article: small exceptions that become an Article's status and reason.

Two kinds, two statuses:

* ``Unreadable`` (status ``error``): the input could not be read at all (missing path,
  permission denied, a symlink loop, a file that vanished during the run, an I/O error).
* ``NotAnArticle`` (status ``skipped``): the bytes were read but are not an article we can use
  (empty, binary, too large, undecodable, not article JSON, a language without rules).

They never leave the ingest stage: ``read_input`` turns each into an Article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Article


class InputProblem(Exception):
    """Base class: one input that does not become an ``ok`` article.

    ``partial`` is the Article as far as it got (encoding, language ...), for the report.
    """

    status = "error"

    def __init__(self, reason: str, partial: Article | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.partial = partial


class Unreadable(InputProblem):
    """The path could not be read (status ``error``)."""

    status = "error"


class NotAnArticle(InputProblem):
    """The input was read but holds no usable article text (status ``skipped``)."""

    status = "skipped"
