"""The Markdown discrepancy report: the editor's view of a Report.

It renders on GitHub (CommonMark + GFM tables) and reads as plain text. Article text is
untrusted: every string that comes from an article or a file name goes through ``md_text`` (prose)
or ``md_code`` (ids), so it cannot open a link, an HTML tag, emphasis or a new table cell.
Escapes are backslashes rather than entities, so the plain text stays readable.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain

from ..records import Article, Claim, Conflict, Report
from ..text_safety import printable
from .view import ReportView, joined, language_name, measure_label, sentence_translation, split_evidence

# Characters that can start Markdown or HTML syntax anywhere in a line. ``_`` is handled apart:
# between two letters or digits it cannot open emphasis, so ids like ``003_a7.txt`` stay clean.
_INLINE_SPECIAL = re.compile(r"[\\`*\[\]<>|&~$]")
_LONE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# Line-start constructs (heading, list item, setext or thematic line), only when a space or the end follows.
_LINE_START = re.compile(r"^(?:#{1,6}|[+-]|=+|-+|\d{1,9}[.)])(?=\s|$)")
_BACKTICKS = re.compile(r"`+")
NO_VALUE = "–"


def md_text(text: object) -> str:
    """Untrusted text as inline Markdown: one line, every syntax character escaped."""
    if text is None:
        return ""
    return _md_text(str(text))


@functools.lru_cache(maxsize=1 << 16)  # a big report writes the same ids, names and figures many times
def _md_text(text: str) -> str:
    t = " ".join(printable(text, lines=True).split())
    t = _INLINE_SPECIAL.sub(r"\\\g<0>", t)
    t = _LONE_UNDERSCORE.sub(r"\\_", t)
    m = _LINE_START.match(t)
    if m:  # would start a heading, list, quote or setext line if it began a line
        t = t[: m.end() - 1] + "\\" + t[m.end() - 1 :]
    return t


def md_code(text: object, in_table: bool = False) -> str:
    """Untrusted text as a code span (ids, file names): literal, whatever it contains."""
    return _md_code(str(text), in_table)


@functools.lru_cache(maxsize=1 << 16)
def _md_code(text: str, in_table: bool) -> str:
    t = " ".join(printable(text, lines=True).split()) or " "
    run = max((len(r) for r in _BACKTICKS.findall(t)), default=0)
    fence = "`" * (run + 1)
    pad = " " if t[0] in "` " or t[-1] in "` " else ""
    span = f"{fence}{pad}{t}{pad}{fence}"
    # GFM splits table cells on | even inside code spans; \| is read as a literal pipe there.
    return span.replace("|", "\\|") if in_table else span


def md_cell(text: object) -> str:
    """Prose for a table cell; an empty value shows as a dash."""
    t = md_text(text)
    return t if t else NO_VALUE


def marked_sentence(c: Claim) -> str:
    """The claim's sentence with its figure in bold."""
    before, fig, after = split_evidence(c)
    if not fig:
        return md_text(before)
    # Escape the parts apart so the bold markers stay syntax; strip only at the sentence edges.
    head = md_text(before) + (" " if before[-1:].isspace() else "")
    tail = (" " if after[:1].isspace() else "") + md_text(after)
    return f"{head}**{md_text(fig)}**{tail}"


def _source(c: Claim, in_table: bool = False) -> str:
    """``600,000`` from ``002.txt`` (en), as a cell or a line."""
    return f"{md_text(c.text)} · {md_code(c.article, in_table)} ({md_text(c.lang)})"


def _attribution(a: Article | None, c: Claim) -> str:
    """Who says it: article, outlet, language, date, and the English gloss for other languages."""
    bits = [md_code(c.article)]
    if a is not None and a.outlet:
        bits.append(md_text(a.outlet))
    bits.append(f"{md_text(c.lang)} ({md_text(language_name(c.lang))})")
    if a is not None and a.published:
        bits.append(md_text(a.published))
    line = "— " + " · ".join(bits)
    if c.gloss and c.lang != "en":
        line += f" · English: {md_text(c.gloss)}"
    return line


def _sentence_gloss(c: Claim) -> list[str]:
    """Quote lines for the sentence's machine translation (--translate), or why there is none."""
    t = sentence_translation(c)
    return [">", f"> {md_text(t[0])}: {md_text(t[1])}"] if t else []


def to_markdown(report: Report) -> str:
    """Render the report as GitHub-flavoured Markdown."""
    return "".join(iter_markdown(report))


def iter_markdown(report: Report) -> Iterator[str]:
    """``to_markdown`` in pieces, a line at a time."""
    v = ReportView.of(report)
    return joined(chain(
        ["# claimrecon report: where the articles disagree", ""],
        _summary(v), _articles(v), _discrepancies(v), _timelines(v), _figures(v),
        [f"claimrecon {md_text(report.version)} · rules {md_text(report.rules_digest)} · "
         "ids are stable across runs: `claimrecon review ID --dismiss` records a decision.", ""],
    ))


def _summary(v: ReportView) -> list[str]:
    s = v.report.summary()
    st = s["articles_by_status"]
    sev = s["conflicts_by_severity"]
    opened = s["open_conflicts_by_severity"]
    langs = Counter(a.language for a in v.report.articles if a.status == "ok")
    by_lang = ", ".join(f"{n} {md_text(language_name(code))}" for code, n in sorted(langs.items(), key=lambda x: str(x[0])))
    not_read = st["skipped"] + st["error"]
    return [
        f"**{s['articles']} articles** ({st['ok']} read" + (f": {by_lang}" if by_lang else "")
        + (f"; {not_read} not read" if not_read else "") + (f"; {s['duplicates']} duplicate" if s["duplicates"] else "")
        + f"), **{s['claims']} figures** on **{s['groups']} quantities**, "
        f"**{s['conflicts']} discrepancies**: {sev['hard']} hard, {sev['soft']} soft "
        f"({opened['hard'] + opened['soft']} not dismissed).",
        "",
        "- **hard**: the two figures cannot both be right, even allowing for their hedges.",
        "- **soft**: the figures differ, but their hedges leave room for both.",
        "",
    ]


def _articles(v: ReportView) -> Iterator[str]:
    yield from ["## Articles", "", "| article | outlet | language | published | status | title |", "|---|---|---|---|---|---|"]
    for a in v.report.articles:
        status = a.status + (f", duplicate of {md_code(a.duplicate_of, True)}" if a.duplicate_of else "")
        yield (f"| {md_code(a.id, True)} | {md_cell(a.outlet)} | {md_cell(a.language)} | {md_cell(a.published)} "
               f"| {status} | {md_cell(a.title)} |")
    yield ""
    skipped = [a for a in v.report.articles if a.status != "ok"]
    if skipped:
        yield from ["Not read:", ""]
        yield from (f"- {md_code(a.id)} ({a.status}): {md_text(a.reason) or 'no reason given'}" for a in skipped)
        yield ""


def _discrepancies(v: ReportView) -> list[str]:
    L = ["## Discrepancies", ""]
    conflicts = v.conflicts()
    if not conflicts:
        return L + ["No conflicting figures were found.", ""]
    L += ["| # | severity | quantity | one article says | another says | review |", "|---|---|---|---|---|---|"]
    for i, k in enumerate(conflicts, 1):
        a, b = (v.claims[c] for c in k.claims)
        L.append(f"| {i} | {md_text(k.severity)} | {md_text(measure_label(v.groups.get(k.group)))} | {_source(a, True)} "
                 f"| {_source(b, True)} | {md_text(v.review_state(k))} |")
    L.append("")
    for i, k in enumerate(conflicts, 1):
        L += _conflict(v, i, k)
    return L


def _conflict(v: ReportView, i: int, k: Conflict) -> list[str]:
    L = [f"### {i}. {md_text(measure_label(v.groups.get(k.group)))}: {md_text(k.severity)}, {md_text(v.review_state(k))}", ""]
    L += [md_text(k.reason), ""]
    for cid in k.claims:
        c = v.claims[cid]
        L += [f"> {marked_sentence(c)}", ">", f"> {_attribution(v.articles.get(c.article), c)}", *_sentence_gloss(c), ""]
    if k.review_note:
        L += [f"Review note: {md_text(k.review_note)}", ""]
    L += [f"conflict {md_code(k.id)} · group {md_code(k.group)}", ""]
    return L


def _timelines(v: ReportView) -> list[str]:
    series = v.timelines()
    if not series:
        return []
    L = ["## Timelines", "", "One count at different moments: these are not conflicts.", ""]
    for _, gs in series:
        name = (gs[0].measure or "unknown quantity").replace("_", " ")
        L.append(f"- {md_text(name)}:")
        for g in gs:
            figs = ", ".join(f"{md_text(c.text)} ({md_code(c.article)})" for c in v.claims.many(g.claims))
            L.append(f"  - {md_text(g.scope.moment or 'no stated moment')}: {figs}")
    L.append("")
    return L


def _figures(v: ReportView) -> Iterator[str]:
    yield from ["## Corroborated figures", "", "Figures that several independent articles report.", ""]
    rows = v.figures(corroborated=True)
    if not rows:
        yield "None."
    for g, f in rows:
        label, wordings = v.figure_text(f)
        said = "; ".join(f"{md_text(text)} ({', '.join(md_code(a) for a in arts)})" for text, arts in wordings)
        yield (f"- {md_text(measure_label(g))}: **{md_text(label)}**, {len(f.articles)} articles "
               f"({md_text(', '.join(f.languages))}): {said}")
    yield from ["", "## Single-source figures", "", "Figures only one article reports: nothing to check them against.", ""]
    single = v.figures(corroborated=False)
    if not single:
        yield "None."
    for g, f in single:
        c0 = v.claims[f.claims[0]]
        gloss = f" (English: {md_text(c0.gloss)})" if c0.gloss and c0.lang != "en" else ""
        yield (f"- {md_text(measure_label(g))}: **{md_text(c0.text)}**{gloss} · "
               + ", ".join(f"{md_code(x)} ({md_text(v.articles[x].language if x in v.articles else '')})" for x in f.articles))
    yield ""
    heading = ["## Figures not compared", "", "What these figures measure is not known, so they are not compared.", ""]
    for c in v.ungrouped():
        yield from heading
        heading = []
        gloss = f" (English: {md_text(c.gloss)})" if c.gloss and c.lang != "en" else ""
        yield f"- **{md_text(c.text)}**{gloss} · {md_code(c.article)}"
    if not heading:
        yield ""


__all__ = ["to_markdown", "iter_markdown", "md_text", "md_code", "marked_sentence"]
