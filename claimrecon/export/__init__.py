"""Export: one Report -> each format. Computes nothing the report does not hold.

``FORMATS`` is the registry the CLI and ``claimrecon.samples`` use: format name -> file name in the
output folder and how to write it. ``export`` writes a list of formats, each atomically.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..progress import QUIET, Progress
from ..records import Report
from ..atomic import file_mode, write_text
from .json_export import iter_json
from .markdown import iter_markdown

# The other formats are imported when written: a default run never needs them.


def _csv(report: Report, options: ExportOptions) -> Iterable[str]:
    from .csv_export import iter_csv

    return iter_csv(report)


def _conflicts_csv(report: Report, target: Path) -> None:
    from .csv_export import write_conflicts_csv

    write_conflicts_csv(report, target)


def _claimreview(report: Report, options: ExportOptions) -> Iterable[str]:
    from .claimreview import iter_claimreview

    return iter_claimreview(report, options.base_url, options.author, options.date_published)


def _markdown(report: Report, options: ExportOptions) -> Iterable[str]:
    return iter_markdown(report, options.figures)


def _markdown_pictures(report: Report, target: Path) -> None:
    from .pictures import FOLDER, write_pictures

    write_pictures(report, target.parent / FOLDER)


def _html(report: Report, options: ExportOptions) -> Iterable[str]:
    from .html_export import iter_html

    return iter_html(report)


def now_utc() -> str:
    """The export's timestamp (``sqlite_export.now_utc``)."""
    from .sqlite_export import now_utc

    return now_utc()


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Settings some formats read; the defaults suit every format."""

    base_url: str | None = None  # ClaimReview: each review's url is BASE#<group id>
    created_at: str | None = None  # SQLite: the run's timestamp (None: not recorded)
    jobs: int = 1  # JSON: processes that may render a big report's claims (the same bytes)
    author: str | None = None  # ClaimReview: the organization publishing the reviews
    date_published: str | None = None  # ClaimReview: the day the reviews are published (YYYY-MM-DD)
    progress: Progress = field(default=QUIET, compare=False)  # shows "writing FILE" on a terminal
    figures: str | None = None  # Markdown: the folder of its pictures, linked (set when written to a file)


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its default file name and its renderer (text) or writer (sqlite)."""

    name: str
    filename: str
    pieces: Callable[[Report, ExportOptions], Iterable[str]] | None = None  # text formats: the text in pieces
    stdout: bool = True  # can be written to ``-``
    beside: Callable[[Report, Path], None] | None = None  # writes companion files beside a file target (pictures)

    @property
    def render(self) -> Callable[[Report, ExportOptions], str] | None:
        """The whole text of a text format (None for SQLite)."""
        pieces = self.pieces
        return None if pieces is None else lambda report, options: "".join(pieces(report, options))

    def write(self, report: Report, target: str | Path, options: ExportOptions) -> None:
        """Write the report to ``target`` (``-`` = stdout for text formats), atomically, as it is rendered."""
        if self.pieces is not None:
            companion = self.beside is not None and str(target) != "-"
            if companion and self.name == "markdown":
                from .pictures import FOLDER

                options = dataclasses.replace(options, figures=FOLDER)
            write_text(target, options.progress.counted(self.pieces(report, options)))
            if companion:
                self.beside(report, Path(target))  # type: ignore[misc]
        else:
            from .sqlite_export import write_sqlite

            write_sqlite(target, report, options.created_at)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "report.json", lambda r, o: iter_json(r, jobs=o.jobs)),
    Format("markdown", "report.md", _markdown, beside=_markdown_pictures),
    Format("csv", "report.csv", _csv, beside=_conflicts_csv),
    Format("claimreview", "claimreview.jsonld", _claimreview),
    Format("sqlite", "report.sqlite", None, stdout=False),
    Format("html", "report.html", _html),
)}
#: What ``compare`` writes when no ``--format`` is given.
DEFAULT_FORMATS = ("json", "markdown")


def parse_formats(values: Sequence[str] | None) -> list[str]:
    """``["json,csv", "html"]`` -> ``["json", "csv", "html"]``; ``all`` means every format."""
    names: list[str] = []
    for value in values or ():
        for name in (x.strip().lower() for x in value.split(",")):
            if not name:
                continue
            if name == "all":
                names += [n for n in FORMATS if n not in names]
            elif name not in FORMATS:
                raise InputError(f"unknown format {name!r}", f"Formats: {', '.join(FORMATS)} (or all).")
            elif name not in names:
                names.append(name)
    return names


def plan(formats: Sequence[str], out: str | Path, files: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """Format -> target: the file given for it, else its default name under ``out``.

    Refuses two formats on stdout (they would interleave) and binary formats on stdout.
    """
    files = files or {}
    targets = {name: str(files.get(name) or Path(out) / FORMATS[name].filename) for name in formats}
    on_stdout = [n for n, t in targets.items() if t == "-"]
    for n in on_stdout:
        if not FORMATS[n].stdout:
            raise InputError(f"{n} cannot be written to stdout", "Leave it to --out, or give it a file.")
    if len(on_stdout) > 1:
        raise InputError(f"only one report can go to stdout, not {' and '.join(on_stdout)}", "Give the others a file.")
    return targets


def export(report: Report, targets: Mapping[str, str], options: ExportOptions | None = None) -> None:
    """Write ``report`` in each format of ``targets`` (from ``plan``)."""
    opts = options or ExportOptions()
    for name, target in targets.items():
        with opts.progress.phase(f"writing {target}", bytes_=True):
            FORMATS[name].write(report, target, opts)


__all__ = ["FORMATS", "DEFAULT_FORMATS", "ExportOptions", "Format", "export", "parse_formats", "plan", "write_text", "file_mode", "now_utc"]
