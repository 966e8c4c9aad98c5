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
from .view import (
    Dispute,
    Position,
    ReportView,
    attribution_phrase,
    figure_phrase,
    joined,
    language_name,
    match_phrase,
    open_state,
    quantity_name,
    sentence_translation,
    split_evidence,
)
from ..text_safety import printable

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


def _attribution(a: Article | None, c: Claim) -> str:
    """Who says it: article, outlet, language, date, whose figure it is, and the English gloss for other languages."""
    bits = [md_code(c.article)]
    if a is not None and a.outlet:
        bits.append(md_text(a.outlet))
    bits.append(f"{md_text(c.lang)} ({md_text(language_name(c.lang))})")
    if a is not None and a.published:
        bits.append(md_text(a.published))
    said = attribution_phrase(c)
    if said:
        bits.append(md_text(said))
    line = "— " + " · ".join(bits)
    if c.gloss and c.lang != "en":
        line += f" · English: {md_text(c.gloss)}"
    return line


def _sentence_gloss(c: Claim) -> list[str]:
    """Quote lines for the sentence's machine translation (--translate), or why there is none."""
    t = sentence_translation(c)
    return [">", f"> {md_text(t[0])}: {md_text(t[1])}"] if t else []


def to_markdown(report: Report, figures: str | None = None) -> str:
    """Render the report as GitHub-flavoured Markdown; ``figures``: the folder, relative to the
    report, holding its pictures (``pictures.write_pictures``), or None for no picture links."""
    return "".join(iter_markdown(report, figures))


def iter_markdown(report: Report, figures: str | None = None) -> Iterator[str]:
    """``to_markdown`` in pieces, a line at a time."""
    v = ReportView.of(report)
    return joined(chain(
        ["# claimrecon report: where the articles disagree", ""],
        _summary(v), _disputes(v), _evidence(v, figures), _agreements(v), _timelines(v, figures), _single(v),
        _not_compared(v), _articles(v),
        [f"claimrecon {md_text(report.version)} · rules {md_text(report.rules_digest)} · "
         "ids are stable across runs: `claimrecon review ID --dismiss` records a decision.", ""],
    ))


def _summary(v: ReportView) -> list[str]:
    s = v.report.summary()
    st = s["articles_by_status"]
    ds = v.disputes()
    open_ = [d for d in ds if d.state == "open"]
    hard = sum(1 for d in open_ if d.severity == "hard")
    langs = Counter(a.language for a in v.report.articles if a.status == "ok")
    by_lang = ", ".join(f"{n} {md_text(language_name(code))}" for code, n in sorted(langs.items(), key=lambda x: str(x[0])))
    not_read = st["skipped"] + st["error"]
    reviewed = len(ds) - len(open_)
    return [
        f"**{s['articles']} articles** ({st['ok']} read" + (f": {by_lang}" if by_lang else "")
        + (f"; {not_read} not read" if not_read else "") + (f"; {s['duplicates']} duplicate" if s["duplicates"] else "")
        + f"), **{s['claims']} figures** on **{s['groups']} quantities**: "
        f"**{len(open_)} in dispute** ({hard} hard, {len(open_) - hard} soft)"
        + (f", {reviewed} reviewed" if reviewed else "") + f"; the JSON lists the {s['conflicts']} pairs of figures behind them.",
        "",
        "- **hard**: the figures cannot both be right, even allowing for their hedges.",
        "- **soft**: the figures differ, but their hedges leave room for both, as when one is a bound "
        "(\"more than 500,000\") that the other figure meets.",
        "",
    ]


def _who(v: ReportView, c: Claim | None, article_id: str) -> str:
    """An article in a table cell: its outlet when known, else its id; language and attribution."""
    outlet, lang, said = v.who(c, article_id)
    name = md_text(outlet) if outlet else md_code(article_id, True)
    return f"{name} ({md_text(lang)}{', ' + md_text(said) if said else ''})"


def _says(v: ReportView, p: Position) -> str:
    named, more = p.named()
    who = [_who(v, c, aid) for aid, c in named]
    return f"**{md_text(p.label)}**: " + ", ".join(who) + (f" and {more} more" if more else "")


def _verdict(d: Dispute) -> str:
    return "; ".join(f"**{sev}**: {md_text(text)}" for sev, text in d.verdict()) or md_text(d.severity)


def _quantity(d: Dispute) -> str:
    name = md_text(d.name)
    if d.inferred and d.group.match is not None:
        name += f" (inferred match, confidence {d.group.match.confidence:.2f})"
    return name


def _disputes(v: ReportView) -> list[str]:
    L = ["## Quantities in dispute", ""]
    ds = v.disputes()
    open_ = [d for d in ds if d.state == "open"]
    if not open_:
        L += ["No open disagreement: " + ("every one found has been reviewed (below)." if ds else "no conflicting figures were found."), ""]
    else:
        L += ["| # | quantity | who says what | verdict | likely right | review |", "|---|---|---|---|---|---|"]
        for i, d in enumerate(open_, 1):
            L.append(f"| [{i}](#{_anchor(i, d)}) | {_quantity(d)} | {' · '.join(_says(v, p) for p in d.named())} | {_verdict(d)} "
                     f"| {_likely(d)} | {md_text(open_state(d))} |")
        L.append("")
    done = [d for d in ds if d.state != "open"]
    if done:
        L += ["### Reviewed", "", "| # | quantity | who says what | verdict | decision |", "|---|---|---|---|---|"]
        for i, d in enumerate(done, len(open_) + 1):
            note = d.group.review_note or next((k.review_note for k in d.conflicts if k.review_note), None)
            L.append(f"| [{i}](#{_anchor(i, d)}) | {_quantity(d)} | {' · '.join(_says(v, p) for p in d.named())} | {_verdict(d)} "
                     f"| {md_text(d.state)}{': ' + md_text(note) if note else ''} |")
        L.append("")
    return L


def _likely(d: Dispute) -> str:
    """``0.87``: how likely the dispute's likeliest flag is right, or ``–``."""
    return f"{d.likelihood:.2f}" if d.likelihood is not None else "–"


def _pair(v: ReportView, d: Dispute, k: Conflict) -> str:
    """``600,000 vs 500,000``: the figures a pair opposes."""
    texts = []
    for cid in k.claims:
        c = v.claims.get(cid)
        texts.append(figure_phrase(c) if c is not None else cid)
    return " vs ".join(texts)


def _anchor(i: int, d: Dispute) -> str:
    """GitHub's anchor of the evidence heading ``### i. name: severity, state``."""
    heading = f"{i}. {d.name}: {d.severity}, {d.state}"
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


#: quotes per figure in the evidence; the articles beyond are named
QUOTES = 3


def _evidence(v: ReportView, figures: str | None) -> list[str]:
    ds = v.disputes()
    if not ds:
        return []
    from .pictures import number_line, number_line_file

    L = ["## Evidence", ""]
    for i, d in enumerate(ds, 1):
        L += [f"### {i}. {md_text(d.name)}: {md_text(d.severity)}, {md_text(d.state)}", ""]
        if figures is not None and number_line(d) is not None:
            L += [f"![{md_text(d.name)}: each figure as an interval on one number line]({figures}/{number_line_file(d)})", ""]
        L += [_verdict(d) + ".", ""]
        if d.likelihood is not None:
            L += [f"Likely right: {d.likelihood:.2f}: about as often as flags of its shape (its kind, how many outlets"
                  " give each figure, digits slipped or not) were right on the annotated test events.", ""]
        decided = [k for k in d.conflicts if k.review]
        if decided:
            L += ["Reviewed pairs:", ""] + [
                f"- {md_code(k.id)} ({md_text(k.severity)}: {md_text(_pair(v, d, k))}): {md_text(k.review)}"
                + (f": {md_text(k.review_note)}" if k.review_note else "") for k in decided] + [""]
        match = match_phrase(d.group)
        if match:
            L += [md_text(match[0].upper() + match[1:]) + ".", ""]
        for p in d.positions:
            n = len(p.articles)
            L += [f"**{md_text(p.label)}**: {n} article{'s' if n != 1 else ''} ({md_text(', '.join(p.languages))})"
                  + ("" if p.comparable else ", not compared: a vague amount"), ""]
            quoted: set[tuple[str, str]] = set()
            for c in p.claims:
                if (c.article, c.sentence) in quoted or len(quoted) >= QUOTES:
                    continue
                quoted.add((c.article, c.sentence))
                L += [f"> {marked_sentence(c)}", ">", f"> {_attribution(v.articles.get(c.article), c)}", *_sentence_gloss(c), ""]
            rest = [aid for aid in p.articles if aid not in {a for a, _ in quoted}]
            if rest:
                L += ["Also: " + ", ".join(md_code(a) for a in rest[:20]) + (f" and {len(rest) - 20} more" if len(rest) > 20 else ""), ""]
        notes = [k.review_note for k in d.conflicts if k.review_note]
        if d.group.review_note or notes:
            L += [f"Review note: {md_text(d.group.review_note or notes[0])}", ""]
        ids = ", ".join(md_code(k.id) for k in d.conflicts[:12]) + (f" and {len(d.conflicts) - 12} more" if len(d.conflicts) > 12 else "")
        L += [f"group {md_code(d.group.id)} ({len(d.conflicts)} pair{'s' if len(d.conflicts) != 1 else ''} in the JSON: {ids}) · "
              f"`claimrecon review {d.group.id} --dismiss` dismisses the quantity", ""]
    return L


def _agreements(v: ReportView) -> Iterator[str]:
    yield from ["## Agreements", "", "Figures that several independent articles report, on quantities not in dispute.", ""]
    disputed = v.disputed()
    rows = [(g, f) for g, f in v.figures(corroborated=True) if g.id not in disputed]
    if not rows:
        yield "None."
    for g, f in rows:
        label, wordings = v.figure_text(f)
        said = "; ".join(f"{md_text(text)} ({', '.join(md_code(a) for a in arts)})" for text, arts in wordings)
        yield (f"- {md_text(quantity_name(g))}: **{md_text(label)}**, {len(f.articles)} articles "
               f"({md_text(', '.join(f.languages))}): {said}")
    yield ""


def _timelines(v: ReportView, figures: str | None) -> list[str]:
    from .pictures import series_of, timeline_file, timeline_of

    series = series_of(v)
    if not series:
        return []
    L = ["## Timelines", "", "One count at different moments: these are not conflicts.", ""]
    disputed = v.disputed()
    for s in series:
        L += [f"### {md_text(s.name)}", ""]
        if figures is not None and timeline_of(s) is not None:
            L += [f"![{md_text(s.name)} over time]({figures}/{timeline_file(s.name, s.id)})", ""]
        for m in s.moments:
            L.append(f"- {md_text(m.label)}: " + "; ".join(
                f"{md_text(p.label)} ({', '.join(md_code(a) for a in p.articles)})" for p in m.positions))
        if s.undated and disputed.intersection(s.undated_groups):
            L.append("- no stated moment: in dispute, see the evidence above")
        elif s.undated:
            L.append("- no stated moment: " + "; ".join(
                f"{md_text(p.label)} ({', '.join(md_code(a) for a in p.articles)})" for p in s.undated))
        L.append("")
    return L


def _single(v: ReportView) -> Iterator[str]:
    yield from ["## Single-source figures", "", "Figures only one article reports, on quantities not in dispute: "
                "nothing to check them against.", ""]
    disputed = v.disputed()
    single = [(g, f) for g, f in v.figures(corroborated=False) if g.id not in disputed]
    if not single:
        yield "None."
    for g, f in single:
        c0 = v.claims[f.claims[0]]
        gloss = f" (English: {md_text(c0.gloss)})" if c0.gloss and c0.lang != "en" else ""
        yield (f"- {md_text(quantity_name(g))}: **{md_text(c0.text)}**{gloss} · "
               + ", ".join(f"{md_code(x)} ({md_text(v.articles[x].language if x in v.articles else '')})" for x in f.articles))
    yield ""


def _not_compared(v: ReportView) -> Iterator[str]:
    heading = ["## Figures not compared", "",
               "What these figures measure is not known, or they only say when another figure was counted "
               "(“by 6pm”), so they are not compared.", ""]
    for c in v.ungrouped():
        yield from heading
        heading = []
        gloss = f" (English: {md_text(c.gloss)})" if c.gloss and c.lang != "en" else ""
        yield f"- **{md_text(c.text)}**{gloss} · {md_code(c.article)}"
    if not heading:
        yield ""


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


__all__ = ["to_markdown", "iter_markdown", "md_text", "md_code", "marked_sentence"]
