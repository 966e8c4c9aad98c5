"""The command line: parses arguments, calls the library, prints. No logic of its own.

Exit codes (also in the README):
  0  every input was read
  1  some inputs were skipped or failed (the rest were processed)
  2  usage error (bad option, missing argument, unknown review id, a review file that cannot be used)
  3  the rules are invalid (the message names file and line)
  4  no input could be read (no report is replaced)
  5  a report could not be written (the message names the path and the cause; the previous
     reports are untouched)
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import click
import typer
import typer.core

from . import __version__
from .errors import ClaimreconError, InputError, ReviewError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_RULES, EXIT_NOTHING_READ, EXIT_WRITE = 0, 1, 2, 3, 4, 5


class Command(typer.core.TyperCommand):
    """Help as Unix tools print it: ``Usage: claimrecon compare [OPTIONS] PATH...``, arguments by
    their metavar, options by their flags and metavar, no type names (``<list[str]>``, ``<bool>``).
    Help text is plain (no markup), so ``'claimrecon[dask]'`` prints as written."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                name = p.metavar or (p.name or "").upper()
                pieces.append(name if p.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)
        args = [(p.metavar or (p.name or "").upper(), getattr(p, "help", None) or "")
                for p in params if p.param_type_name == "argument"]
        opts = [rec for p in params if p.param_type_name == "option" for rec in [p.get_help_record(ctx)] if rec]
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


#: -h as well as --help; help paragraphs wrapped at the terminal's width, up to 100 columns
CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimrecon {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="claimrecon",
    help="Find where news articles about one event disagree on their numbers.",
    epilog="Example:  claimrecon compare corpus/",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
rules_app = typer.Typer(help="Work with the language rules in rules/.", no_args_is_help=True, rich_markup_mode=None,
                        context_settings=CONTEXT)
app.add_typer(rules_app, name="rules")


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find where news articles about one event disagree on their numbers."""


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _clean(text: str) -> str:
    """Untrusted text (file names, titles, notes) without the control characters a terminal obeys."""
    from .text_safety import printable

    return printable(text)


def _fail(e: ClaimreconError) -> typer.Exit:
    from .text_safety import printable

    _err(f"Error: {printable(e.message, lines=True)}")  # messages quote paths and file contents
    if e.hint:
        _err(printable(e.hint, lines=True))
    return typer.Exit(e.exit_code)


def _check_base_url(url: str | None) -> None:
    """--base-url: an http(s) url or a relative path; never another scheme (javascript:, data:)."""
    import re

    from .text_safety import web_url

    if url and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url) and not web_url(url):
        raise InputError(f"--base-url {url!r} is not an http:// or https:// url", "Give where the report will be published, e.g. https://desk.example/report.html")


@app.command(cls=Command, short_help="Report where articles disagree on their numbers.", epilog="Example:  claimrecon compare corpus/ --format all --out output")
def compare(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Folders, files, or - for stdin.")],
    json_file: Annotated[Optional[str], typer.Option(
        "--json", metavar="FILE", help="Write the JSON export here (- for stdout).")] = None,
    markdown_file: Annotated[Optional[str], typer.Option(
        "--markdown", metavar="FILE", help="Write the Markdown report here (- for stdout).")] = None,
    formats: Annotated[Optional[list[str]], typer.Option(
        "--format", "-f", metavar="LIST",
        help="Reports to write into OUT, comma-separated or repeated: json, markdown, csv, claimreview, sqlite, "
             "html, or all (default: json,markdown).")] = None,
    sqlite_file: Annotated[Optional[str], typer.Option(
        "--sqlite", metavar="FILE", help="Append this run to a SQLite database (earlier runs are kept).")] = None,
    base_url: Annotated[Optional[str], typer.Option(
        "--base-url", metavar="URL", help="Where the report will be published: ClaimReview urls become URL#<group id>.")] = None,
    author: Annotated[Optional[str], typer.Option(
        "--author", metavar="NAME", help="ClaimReview: the organization publishing the reviews (its author).")] = None,
    review_date: Annotated[Optional[str], typer.Option(
        "--review-date", metavar="YYYY-MM-DD", help="ClaimReview: the day the reviews are published (datePublished).")] = None,
    out: Annotated[Path, typer.Option(
        "--out", metavar="DIR", help="Output folder for the reports not given a file.")] = Path("output"),
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="LANG", help="Read every article as this language (en, es, pl).")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="CODEC", help="Decode every file with this encoding (e.g. cp1250).")] = None,
    reviews: Annotated[Optional[Path], typer.Option(
        "--reviews", metavar="FILE", help="Review decisions file (default: OUT/reviews.json).")] = None,
    translate: Annotated[str, typer.Option(
        "--translate", metavar="BACKEND",
        help="Machine-translate the non-English sentences that hold figures: none (default, nothing leaves this "
             "machine), google, mymemory, or libre (with --translate-url). Any backend but none SENDS THOSE ARTICLE "
             "SENTENCES TO THAT THIRD-PARTY SERVICE: do not use it on material you may not share.")] = "none",
    translate_url: Annotated[Optional[str], typer.Option(
        "--translate-url", metavar="URL",
        help="Your LibreTranslate server, for --translate libre (e.g. http://localhost:5000/).")] = None,
    translation_cache: Annotated[Optional[Path], typer.Option(
        "--translation-cache", metavar="FILE",
        help="Translations kept between runs and shareable; a re-run sends nothing already in it "
             "(default: OUT/translations.json).")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        "--min-confidence", min=0.0, max=1.0, metavar="C",
        help="How sure the match of two claims must be (0-1) before they are compared: higher gives fewer, "
             "surer flags (default: the match stage's own, 0.39).")] = None,
    min_likelihood: Annotated[Optional[float], typer.Option(
        "--min-likelihood", min=0.0, max=1.0, metavar="L",
        help="List only the flags at least this likely to be right (0-1, each flag's 'likelihood'): 0.8 kept about "
             "nine right flags in ten on the annotated test events, and seven in ten of the right ones (default: all).")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, metavar="N",
        help="Worker processes reading and extracting articles; the report is the same for any number.")] = 1,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Run on this dask.distributed cluster (e.g. tcp://10.0.0.5:8786; needs the dask extra: pip install 'claimrecon[dask]'). "
             "Workers must see the input files at the same paths.")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print no summary and no progress: only warnings and errors, on stderr.")] = False,
) -> None:
    """Compare the numbers of articles about one event and report where they disagree.

    Writes OUT/report.json and OUT/report.md (or the --format list) and prints a summary. On a
    terminal, stderr shows each phase as it runs: reading and extracting, reconciling, writing.

    \b
    Exit codes:
      0  every input was read
      1  some inputs were skipped or failed (the rest are reported)
      2  usage error
      3  invalid rules
      4  no input could be read (no report is replaced)
      5  a report could not be written (none is replaced)

    A failed translation never changes the exit code: stderr warns, the reports say why.
    """
    from . import compare as run_compare
    from .export import DEFAULT_FORMATS, ExportOptions, export, now_utc, parse_formats, plan
    from .progress import Progress
    from .reconcile.review import INDEX

    review_file = reviews or out / "reviews.json"
    progress = Progress(enabled=not quiet)
    try:
        _check_base_url(base_url)
        files = {"json": json_file, "markdown": markdown_file, "sqlite": sqlite_file}
        names = parse_formats(formats) or list(DEFAULT_FORMATS)
        targets = plan(names + [n for n, f in files.items() if f and n not in names], out, files)
        warnings = _claimreview_warnings(names, base_url, author, review_date)
        report = run_compare(paths, lang=lang, encoding=encoding, reviews=review_file,
                             translate=None if translate.lower() == "none" else translate,  # None: translate not even imported
                             translate_url=translate_url, translation_cache=translation_cache or out / "translations.json",
                             jobs=jobs, scheduler=scheduler, progress=progress, min_confidence=min_confidence,
                             min_likelihood=min_likelihood)
    except ClaimreconError as e:
        raise _fail(e) from None
    s = report.summary()
    st = s["articles_by_status"]
    if st["ok"] == 0:  # nothing read: the reports of an earlier run stay as they are
        targets = {name: target for name, target in targets.items() if target == "-"}
    try:
        export(report, targets, ExportOptions(base_url=base_url, created_at=now_utc(), jobs=jobs, author=author,
                                              date_published=review_date, progress=progress),
               index=out / INDEX if any(t != "-" for t in targets.values()) else None)
    except ClaimreconError as e:
        report.close()
        raise _fail(e) from None
    to_stdout = "-" in targets.values()
    sev = s["conflicts_by_severity"]
    lines = [
        f"articles   {s['articles']} ({st['ok']} read, {st['skipped']} skipped, {st['error']} failed"
        + (f", {s['duplicates']} duplicate" if s["duplicates"] else "") + ")",
        f"claims     {s['claims']}",
        f"groups     {s['groups']}",
        f"conflicts  {s['conflicts']} ({sev['hard']} hard, {sev['soft']} soft)",
    ]
    disputed = _disputed(report)
    if disputed:
        lines.append(f"disputed   {disputed}")
    # an ok article's reason: what of it was left out (claimrecon.bounds)
    problems = [f"{a.status if a.status != 'ok' else 'note'}: {_clean(a.id)}: {_clean(a.reason or '')}"
                for a in report.articles if a.status != "ok" or a.reason]
    warning = None
    if translate.lower() != "none":
        from .translate import summarize

        t = summarize(report.claims)
        lines.append(f"translated {t.translated + t.cached} of {t.sentences} sentences ({t.cached} from the cache)")
        warning = t.warning()
    report.close()  # removes the claim store's temporary files (at exit otherwise)
    if st["ok"] == 0:
        lines.append(f"wrote      nothing: no article was read, the reports in {out} are left as they were")
    elif not to_stdout:
        lines.append("wrote      " + ", ".join(targets.values()))
    if not quiet:
        typer.echo("\n".join(lines), err=to_stdout)
    for line in problems + warnings:  # what went wrong goes to stderr, --quiet or not
        _err(line)
    if warning:
        _err(warning)
    if st["ok"] == 0:
        raise typer.Exit(EXIT_NOTHING_READ)
    if st["skipped"] or st["error"]:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(cls=Command, short_help="Print the claims of one text as JSON.", epilog="Example:  claimrecon extract corpus/003_a755ee8edd3d3d50.txt")
def extract(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A text file, or - for stdin.")],
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="LANG", help="Language of the text (en, es, pl); detected if not given.")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", metavar="YYYY-MM-DD", help="Publication date, to resolve weekdays and zones.")] = None,
) -> None:
    """Print the claims of one text as JSON, for rule authors and benchmarks."""
    from . import extract as run_extract
    from .ingest import read_path

    path = None if file == "-" else Path(file)
    try:
        art = read_path(file if file != "-" else "<stdin>", path, lang=lang)[0]
        if art.status != "ok":
            _err(f"Error: {_clean(art.id)}: {_clean(art.reason or '')}")
            raise typer.Exit(EXIT_NOTHING_READ)
        claims = run_extract(art.text, art.language or "en", published=published or art.published, article=art.id)
    except ClaimreconError as e:
        raise _fail(e) from None
    from .bounds import absurd_figures

    for note in absurd_figures(art.text, [(int(c["start"]), int(c["end"])) for c in claims]):  # type: ignore[call-overload]
        _err(f"note: {note}")
    typer.echo(json.dumps({"article": art.id, "language": art.language, "claims": claims}, ensure_ascii=False, indent=2))


@app.command(cls=Command, short_help="Show the text and metadata the extractor sees.", epilog="Example:  claimrecon ingest corpus/003_a755ee8edd3d3d50.txt")
def ingest(
    path: Annotated[str, typer.Argument(
        metavar="PATH", help="A file (text, Markdown, HTML, JSON, JSON Lines), a folder, or - for stdin.")],
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="LANG", help="Override language detection.")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="CODEC", help="Decode with this encoding (e.g. cp1250).")] = None,
) -> None:
    """Show what the extractor will see for one article: metadata and normalized text.

    Each article (one per JSON Lines record) prints as its JSON metadata, a line "---" and its
    normalized text. Exit codes: 0 all read; 1 some skipped or failed; 2 usage error; 4 none read.
    """
    from .ingest import ingest as run_ingest

    try:
        arts = run_ingest([path], lang=lang, encoding=encoding)
    except ClaimreconError as e:
        raise _fail(e) from None
    for a in arts:
        meta = {k: v for k, v in a.to_dict().items() if k != "chars"}
        typer.echo(json.dumps(meta, ensure_ascii=False, indent=2))
        typer.echo("---")
        typer.echo(a.text)
    if all(a.status != "ok" for a in arts):
        raise typer.Exit(EXIT_NOTHING_READ)
    if any(a.status != "ok" for a in arts):
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(cls=Command, short_help="Print the JSON Schema of the export.", epilog="Example:  claimrecon schema > claimrecon-1.schema.json")
def schema() -> None:
    """Print the JSON Schema of the claimrecon/1 export."""
    from .export.json_export import schema as get_schema

    typer.echo(json.dumps(get_schema(), ensure_ascii=False, indent=2))


@app.command(cls=Command, short_help="Record a decision on a conflict or a quantity.", epilog="Example:  claimrecon review k-1a2b3c4d5e6f --dismiss --note \"different events\"")
def review(
    target: Annotated[str, typer.Argument(metavar="ID", help="A conflict id (k-...) or group id (g-...) from the reports in OUT.")],
    dismiss: Annotated[bool, typer.Option("--dismiss", help="Mark it a false flag: it stays dismissed on re-runs.")] = False,
    accept: Annotated[bool, typer.Option("--accept", help="Mark it a real discrepancy.")] = False,
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="Why: shown in every report.")] = "",
    out: Annotated[Optional[Path], typer.Option(
        "--out", metavar="DIR", help="The folder of the reports reviewed (default: output); the decision goes to OUT/reviews.json, "
                      "which `compare --out OUT` reads.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", metavar="FILE", help="Another review file (give the same to compare --reviews).")] = None,
) -> None:
    """Record a journalist's decision on a conflict or a group of the reports in OUT; every later
    report written there shows it. An id not in those reports is refused (exit 2) and the open
    conflicts are listed.
    """
    from .reconcile.review import load_index, load_reviews, open_conflicts, save_review
    from .reportset import folder_lock, recover

    if dismiss == accept:
        _err("Error: give exactly one of --dismiss or --accept.")
        raise typer.Exit(EXIT_USAGE)
    folder = out if out is not None else (file.parent if file is not None else Path("output"))
    review_file = file if file is not None else folder / "reviews.json"
    try:
        if folder.is_dir():
            with folder_lock(folder, create=False):
                recover(folder)  # a run killed while swapping its reports in: finish it first
        index = load_index(folder)
        if index is None:
            raise ReviewError(f"no reports to review in {folder}",
                              f"Run `claimrecon compare ... --out {folder}` first, or give the folder of the reports with --out.")
        if target not in {k[0] for k in index["conflicts"]} | {g[0] for g in index["groups"]}:
            open_ = open_conflicts(index, load_reviews(review_file))
            _err(f"Error: {target} is not a conflict or group of the reports in {folder}.")
            _err(f"Open conflicts ({len(open_)}):" if open_ else "No conflict is open there.")
            for k in open_[:20]:
                _err(f"  {k[0]}  {k[2]:4}  {_clean(k[3])}: {_clean(k[4])[:150]}")
            if len(open_) > 20:
                _err(f"  ... and {len(open_) - 20} more (see the reports)")
            raise typer.Exit(EXIT_USAGE)
        r = save_review(review_file, target, "dismissed" if dismiss else "accepted", note)
    except ClaimreconError as e:
        raise _fail(e) from None
    typer.echo(f"{r.target}: {r.state}" + (f" ({_clean(r.note)})" if r.note else "") + f"  -> {review_file}")


@rules_app.command("check", cls=Command, short_help="Validate the rules files and test cases.", epilog="Example:  claimrecon rules check")
def rules_check() -> None:
    """Validate every rules file and every language's test-case table."""
    from .ruleset import check_all, rules_root

    langs, problems = check_all()
    if problems:
        for p in problems:
            _err(p)
        _err(f"{len(problems)} problem(s) in {rules_root()}")
        raise typer.Exit(EXIT_RULES)
    typer.echo(f"rules ok: {', '.join(langs)} ({rules_root()})")


def _claimreview_warnings(formats: list[str], base_url: str | None, author: str | None, date: str | None) -> list[str]:
    """One warning naming what a ClaimReview export lacks for Google's fact-check markup (or none);
    a malformed --review-date is a usage error."""
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--review-date must be a day as YYYY-MM-DD, not {date!r}") from None
    if "claimreview" not in formats:
        return []
    from .export.claimreview import missing_for_google

    missing = missing_for_google(base_url, author, date)
    if not missing:
        return []
    return ["Warning: claimreview.jsonld lacks " + ", ".join(missing) + ", which Google's fact-check markup "
            "requires; give them to publish it as it is."]


def _disputed(report: Any) -> str:
    """``3 quantities (listeners, staff cut, followers)``: the quantities with open discrepancies."""
    from .export.view import ReportView

    open_ = [d for d in ReportView.of(report).disputes() if d.state == "open"]
    if not open_:
        return ""
    names = ", ".join(d.name for d in open_[:5]) + (f" and {len(open_) - 5} more" if len(open_) > 5 else "")
    return f"{len(open_)} {'quantity' if len(open_) == 1 else 'quantities'} ({names})"


def main() -> None:
    # Importing spaCy makes ~10^5 objects that live as long as the process: collect less often
    # while they arrive, and freeze them all on the way out so that the interpreter's last
    # collections skip them (together about 0.3 s of a short run).
    gc.set_threshold(10_000, 10, 10)
    try:
        app()
    except ClaimreconError as e:  # pragma: no cover - commands catch their own
        _err(f"Error: {e}")
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        _err("Interrupted.")
        sys.exit(130)
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
