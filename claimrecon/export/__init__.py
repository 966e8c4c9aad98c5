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


def _conflicts_csv(report: Report, target: Path) -> dict[Path, Iterable[str]]:
    from .csv_export import CONFLICTS_FILE, iter_conflicts_csv

    return {target.parent / CONFLICTS_FILE: iter_conflicts_csv(report)}


def _claimreview(report: Report, options: ExportOptions) -> Iterable[str]:
    from .claimreview import iter_claimreview

    return iter_claimreview(report, options.base_url, options.author, options.date_published)


def _markdown(report: Report, options: ExportOptions) -> Iterable[str]:
    return iter_markdown(report, options.figures)


def _markdown_pictures(report: Report, target: Path) -> dict[Path, Iterable[str]]:
    from .pictures import FOLDER, picture_files

    return {target.parent / FOLDER / name: [svg] for name, svg in picture_files(report).items()}


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
    # the companion files of a file target: path -> its text in pieces (the Markdown's pictures,
    # the conflicts CSV beside the claims CSV); ``export`` writes them in the same report set
    beside: Callable[[Report, Path], dict[Path, Iterable[str]]] | None = None

    @property
    def render(self) -> Callable[[Report, ExportOptions], str] | None:
        """The whole text of a text format (None for SQLite)."""
        pieces = self.pieces
        return None if pieces is None else lambda report, options: "".join(pieces(report, options))

    def write(self, report: Report, target: str | Path, options: ExportOptions, into: Path | None = None) -> None:
        """Write the report to ``target`` (``-`` = stdout for text formats), atomically, as it is
        rendered; with ``into``, write the new ``target`` there instead (``export`` swaps it in)."""
        if self.pieces is not None:
            if self.beside is not None and str(target) != "-" and self.name == "markdown":
                from .pictures import FOLDER

                options = dataclasses.replace(options, figures=FOLDER)  # its pictures are written beside it
            pieces = options.progress.counted(self.pieces(report, options))
            if into is None:
                write_text(target, pieces)
            else:
                with open(into, "w", encoding="utf-8", newline="\n") as f:
                    for piece in pieces:
                        f.write(piece)
        else:
            from .sqlite_export import write_sqlite

            write_sqlite(target, report, options.created_at, into=into)


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


def export(report: Report, targets: Mapping[str, str], options: ExportOptions | None = None, index: str | Path | None = None) -> None:
    """Write ``report`` in each format of ``targets`` (from ``plan``), as one set: every file is
    written aside, then all are swapped in (``claimrecon.reportset``); a failure leaves the
    previous files untouched and raises ``WriteError`` naming the path and the cause. ``index``:
    where the set's index for ``claimrecon review`` goes (``reconcile.review.INDEX``), if anywhere."""
    import sqlite3

    from ..reportset import ReportSet, write_error

    opts = options or ExportOptions()
    files = {name: target for name, target in targets.items() if target != "-"}
    for name, target in targets.items():
        if target == "-":
            with opts.progress.phase("writing to stdout", bytes_=True):
                FORMATS[name].write(report, target, opts)
    if not files:
        return
    companions: dict[Path, Iterable[str]] = {}
    for name, target in files.items():
        beside = FORMATS[name].beside
        if beside is not None:
            companions.update(beside(report, Path(target)))
    with ReportSet(list(files.values()) + list(companions) + ([str(index)] if index else [])) as rs:
        for name, target in files.items():
            try:
                with opts.progress.phase(f"writing {target}", bytes_=True):
                    FORMATS[name].write(report, target, opts, into=rs.staged(target))
            except (OSError, sqlite3.OperationalError) as e:
                raise write_error(target, e) from None
        for path, pieces in companions.items():
            try:
                with open(rs.staged(path), "w", encoding="utf-8", newline="\n") as f:
                    for piece in pieces:
                        f.write(piece)
            except OSError as e:
                raise write_error(path, e) from None
        if index:
            from ..reconcile.review import index_text

            try:
                rs.staged(index).write_text(index_text(report), encoding="utf-8")
            except OSError as e:
                raise write_error(index, e) from None
    if "markdown" in files:
        from .pictures import FOLDER, remove_stale

        remove_stale(Path(files["markdown"]).parent / FOLDER, {p.name for p in companions})


__all__ = ["FORMATS", "DEFAULT_FORMATS", "ExportOptions", "Format", "export", "parse_formats", "plan", "write_text", "file_mode", "now_utc"]
