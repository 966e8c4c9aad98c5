"""Domain errors: small classes with a message that says what to do next.

The CLI catches ``ClaimreconError`` once and prints ``Error: <message>`` without a traceback.
"""

from __future__ import annotations


class ClaimreconError(Exception):
    """Base class of the errors a user can act on."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class RulesError(ClaimreconError):
    """A rules file is malformed; the message names each file and line."""

    exit_code = 3

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s) in the rules:" if len(problems) != 1 else "a problem in the rules:"
        super().__init__(
            head + "\n" + "\n".join(f"  {p}" for p in problems),
            "Fix the file named above, then run `claimrecon rules check`.",
        )


class UnsupportedLanguage(ClaimreconError):
    """No rules folder for the language asked for."""

    def __init__(self, lang: str, available: list[str]) -> None:
        super().__init__(
            f"no rules for language {lang!r}",
            f"Languages with rules: {', '.join(available)}. Add a folder rules/{lang}/ to support it.",
        )


class InputError(ClaimreconError):
    """A path or argument given on the command line cannot be used."""


class ReviewError(ClaimreconError):
    """A review file or review command cannot be applied."""


class WriteError(ClaimreconError):
    """A report could not be written (full disk, read-only folder, a file where a folder
    should be ...): the message names the path and the cause; no report of the run was put in
    place, the previous ones are untouched."""

    exit_code = 5
