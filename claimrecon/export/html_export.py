"""HTML: one self-contained page for reporters, opened straight from a file.

No external assets: the style and the small filter script are inline, and a Content-Security-Policy
allows only those two (by their SHA-256), no images, no connections. Article text is untrusted: all
of it goes through ``html.escape``; even if something slipped through, the policy would block any
script or event handler it carried.

The page opens with the answer: one row per quantity in dispute (who says what, and the verdict),
then the evidence with a number line per quantity (inline SVG: no script needed to see it), then
agreements, timelines, single-source figures, figures not compared and the articles, the sections
of the Markdown report. It works from 360 px up: below 40rem its tables become cards.

The page works without JavaScript (everything shown); with it, checkboxes filter the quantities by
review state, severity and name. Filters can also be set from the address:
``report.html#state=open&severity=hard``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator
from html import escape
from itertools import chain

from ..records import Claim, Report
from .markdown import QUOTES
from .view import (
    SEVERITY_RANK,
    Dispute,
    Position,
    ReportView,
    attribution_phrase,
    joined,
    language_name,
    match_phrase,
    open_state,
    quantity_name,
    sentence_translation,
    split_evidence,
)

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #9a6700; --hard: #cf222e;
        --mark: #fff3b0; --panel: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
       Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
p.summary { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num { text-align: right; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
mark { background: var(--mark); padding: 0 .15em; border-radius: 2px; font-weight: 600; color: inherit; }
ul.says { margin: 0; padding-left: 1.1rem; }
ul.says li { margin: 0 0 .2rem; }
.sev { display: inline-block; padding: 0 .45em; border-radius: 1em; font-size: .8rem; font-weight: 600;
       color: #fff; }
.sev-hard { background: var(--hard); }
.sev-soft { background: var(--soft); }
.inferred { color: var(--soft); font-size: .85rem; font-style: italic; }
.likely { color: var(--muted); font-size: .85rem; display: block; }
.state-dismissed { color: var(--muted); text-decoration: line-through; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; background: var(--panel);
           border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
#filters fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
#filters legend { font-weight: 600; float: left; margin-right: .5rem; }
#filters label { margin-right: .75rem; white-space: nowrap; display: inline-block; }
#shown { margin: 0; color: var(--muted); flex-basis: 100%; }
article.evidence { border: 1px solid var(--line); border-left: 4px solid var(--soft); border-radius: 6px;
                   padding: .75rem 1rem; margin: 1rem 0; }
article.evidence[data-severity="hard"] { border-left-color: var(--hard); }
svg.picture { display: block; max-width: 100%; margin: .5rem 0; overflow: visible; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); }
blockquote p { margin: 0; }
blockquote footer { color: var(--muted); font-size: .9rem; }
.gloss { font-style: italic; }
p.translation { color: var(--muted); font-size: .92rem; margin: .25rem 0; }
.ids, .reason, .match, footer.page { color: var(--muted); font-size: .88rem; }
ul.figures li { margin: .2rem 0; }
[hidden] { display: none !important; }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; }
  table.cards td { border: 0; border-bottom: 1px solid var(--line); text-align: left; }
  table.cards td:last-child { border-bottom: 0; }
  table.cards td::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 600;
                           color: var(--muted); text-transform: uppercase; }
}
@media print { #filters { display: none; } article.evidence { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var panel = document.getElementById("filters");
  if (!panel) { return; }
  var boxes = Array.prototype.slice.call(panel.querySelectorAll("input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-quantity]"));
  var shown = document.getElementById("shown");
  var total = document.querySelectorAll("tr.dispute").length;
  function checked(name) {
    return boxes.filter(function (b) { return b.name === name && b.checked; }).map(function (b) { return b.value; });
  }
  function apply() {
    var want = { state: checked("state"), severity: checked("severity"), quantity: checked("quantity") }, n = 0;
    items.forEach(function (el) {
      var ok = Object.keys(want).every(function (k) { return want[k].indexOf(el.getAttribute("data-" + k)) >= 0; });
      el.hidden = !ok;
      if (ok && el.tagName === "TR") { n += 1; }
    });
    shown.textContent = "Showing " + n + " of " + total + " quantities in dispute";
  }
  function fromAddress() {
    var h = window.location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) { return; }
    h.split("&").forEach(function (pair) {
      var kv = pair.split("="), name = decodeURIComponent(kv[0]);
      var wanted = decodeURIComponent(kv[1] || "").split(",");
      boxes.forEach(function (b) { if (b.name === name) { b.checked = wanted.indexOf(b.value) >= 0; } });
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  window.addEventListener("hashchange", function () { fromAddress(); apply(); });
  fromAddress();
  panel.hidden = false;
  apply();
}());
"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; style-src {_sha(STYLE)}; script-src {_sha(SCRIPT)}; img-src 'none'; "
       "base-uri 'none'; form-action 'none'")


def e(text: object) -> str:
    """Escape untrusted text for element content and quoted attributes."""
    return escape("" if text is None else str(text), quote=True)


def marked(c: Claim) -> str:
    """The claim's sentence, escaped, with its figure in ``<mark>``."""
    before, fig, after = split_evidence(c)
    if not fig:
        return e(before)
    return f"{e(before)}<mark>{e(fig)}</mark>{e(after)}"


def _sentence_gloss(c: Claim) -> list[str]:
    """The sentence's machine translation (--translate), or why there is none."""
    t = sentence_translation(c)
    if t is None:
        return []
    lang = ' lang="en"' if t[2] else ""
    return [f'<p class="translation"{lang}>{e(t[0])}: {e(t[1])}</p>']


def _sev(severity: str) -> str:
    return f'<span class="sev sev-{e(severity)}">{e(severity)}</span>'


def to_html(report: Report) -> str:
    """Render the report as one standalone HTML page."""
    return "".join(iter_html(report))


def iter_html(report: Report) -> Iterator[str]:
    """``to_html`` in pieces, a line at a time."""
    v = ReportView.of(report)
    ds = v.disputes()
    open_ = [d for d in ds if d.state == "open"]
    hard = sum(1 for d in open_ if d.severity == "hard")
    s = report.summary()
    st = s["articles_by_status"]
    langs = Counter(a.language for a in report.articles if a.status == "ok")
    by_lang = ", ".join(f"{n} {e(language_name(code))}" for code, n in sorted(langs.items(), key=lambda x: str(x[0])))
    reviewed = len(ds) - len(open_)
    H: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>claimrecon report: where the articles disagree</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Where the articles disagree</h1>",
        f'<p class="summary"><strong>{s["articles"]} articles</strong> ({st["ok"]} read'
        + (f": {by_lang}" if by_lang else "")
        + (f"; {st['skipped'] + st['error']} not read" if st["skipped"] + st["error"] else "")
        + (f"; {s['duplicates']} duplicate" if s["duplicates"] else "")
        + f"), <strong>{s['claims']} figures</strong> on <strong>{s['groups']} quantities</strong>: "
        f"<strong>{len(open_)} in dispute</strong> ({hard} {_sev('hard')}, {len(open_) - hard} {_sev('soft')})"
        + (f", {reviewed} reviewed" if reviewed else "")
        + f"; the JSON lists the {s['conflicts']} pairs of figures behind them.</p>",
        "<p><strong>hard</strong>: the figures cannot both be right, even allowing for their hedges. "
        "<strong>soft</strong>: the figures differ, but their hedges leave room for both, as when one is a bound "
        "(“more than 500,000”) that the other figure meets.</p>",
        "</header>",
    ]
    H += _filters(ds)
    H += _disputes(v, ds)
    H += _evidence(v, ds)
    return joined(chain(H, _agreements(v), _timelines(v), _single(v), _not_compared(v), _articles(v), [
        f'<footer class="page">claimrecon {e(report.version)} · rules {e(report.rules_digest)} · '
        "ids are stable across runs: <code>claimrecon review ID --dismiss</code> records a decision.</footer>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ]))


def _attrs(d: Dispute) -> str:
    """What the filters read: review state, severity, quantity."""
    return f'data-group="{e(d.group.id)}" data-state="{e(d.state)}" data-severity="{e(d.severity)}" data-quantity="{e(d.name)}"'


def _filters(ds: list[Dispute]) -> list[str]:
    if not ds:
        return []
    H = ['<form id="filters" hidden aria-label="Filter the quantities in dispute">']
    for name, legend, values in (
        ("state", "Review", Counter(d.state for d in ds)),
        ("severity", "Severity", Counter(d.severity for d in ds)),
        ("quantity", "Quantity", Counter(d.name for d in ds)),
    ):
        order = sorted(values, key=lambda x: ({"open": 0, "hard": 0}.get(x, 1), SEVERITY_RANK.get(x, 9), x)) \
            if name != "quantity" else list(values)
        H.append(f"<fieldset><legend>{legend}</legend>")
        H += [f'<label><input type="checkbox" name="{name}" value="{e(x)}" checked> {e(x)} ({values[x]})</label>'
              for x in order]
        H.append("</fieldset>")
    H += [f'<p id="shown" aria-live="polite">Showing {len(ds)} of {len(ds)} quantities in dispute</p>', "</form>"]
    return H


def _who(v: ReportView, c: Claim | None, article_id: str) -> str:
    outlet, lang, said = v.who(c, article_id)
    name = e(outlet) if outlet else f"<code>{e(article_id)}</code>"
    return f"{name} ({e(lang)}{', ' + e(said) if said else ''})"


def _says(v: ReportView, p: Position) -> str:
    named, more = p.named()
    who = [_who(v, c, aid) for aid, c in named]
    return f"<mark>{e(p.label)}</mark>: " + ", ".join(who) + (f" and {more} more" if more else "")


def _verdict(d: Dispute) -> str:
    return "; ".join(f"{_sev(sev)} {e(text)}" for sev, text in d.verdict()) or _sev(d.severity)


def _quantity(d: Dispute) -> str:
    name = e(d.name)
    if d.inferred and d.group.match is not None:
        name += f' <span class="inferred">inferred match, confidence {d.group.match.confidence:.2f}</span>'
    if d.likelihood is not None:
        name += f' <span class="likely">likely right {d.likelihood:.2f}</span>'
    return name


def _row(v: ReportView, i: int, d: Dispute) -> str:
    says = "".join(f"<li>{_says(v, p)}</li>" for p in d.named())
    note = d.group.review_note or next((k.review_note for k in d.conflicts if k.review_note), None)
    state = e(open_state(d)) + (f": {e(note)}" if note else "")
    return (f'<tr class="dispute" {_attrs(d)}><td class="num" data-label="#"><a href="#{e(d.group.id)}">{i}</a></td>'
            f'<td data-label="quantity">{_quantity(d)}</td><td data-label="who says what"><ul class="says">{says}</ul></td>'
            f'<td data-label="verdict">{_verdict(d)}</td><td data-label="review" class="state-{e(d.state)}">{state}</td></tr>')


def _disputes(v: ReportView, ds: list[Dispute]) -> list[str]:
    H = ['<section id="disputes">', "<h2>Quantities in dispute</h2>"]
    open_ = [d for d in ds if d.state == "open"]
    head = ("<thead><tr><th>#</th><th>quantity</th><th>who says what</th><th>verdict</th><th>{}</th></tr></thead>")
    if not open_:
        H.append("<p>No open disagreement: " + ("every one found has been reviewed (below).</p>" if ds
                                                  else "no conflicting figures were found.</p>"))
    else:
        H += ['<table id="dispute-table" class="cards">', head.format("review"), "<tbody>"]
        H += [_row(v, i, d) for i, d in enumerate(open_, 1)]
        H += ["</tbody>", "</table>"]
    done = [d for d in ds if d.state != "open"]
    if done:
        H += ["<h3>Reviewed</h3>", '<table id="reviewed-table" class="cards">', head.format("decision"), "<tbody>"]
        H += [_row(v, i, d) for i, d in enumerate(done, len(open_) + 1)]
        H += ["</tbody>", "</table>"]
    return H + ["</section>"]


def _quote(v: ReportView, c: Claim) -> list[str]:
    a = v.articles.get(c.article)
    who = [f"<code>{e(c.article)}</code>"]
    if a is not None and a.outlet:
        who.append(e(a.outlet))
    who.append(f"{e(c.lang)} ({e(language_name(c.lang))})")
    if a is not None and a.published:
        who.append(e(a.published))
    said = attribution_phrase(c)
    if said:
        who.append(e(said))
    gloss = f' · <span class="gloss" lang="en">English: {e(c.gloss)}</span>' if c.gloss and c.lang != "en" else ""
    return [f'<blockquote class="claim" data-claim="{e(c.id)}">', f'<p lang="{e(c.lang)}">{marked(c)}</p>',
            *_sentence_gloss(c), f"<footer>— {' · '.join(who)}{gloss}</footer>", "</blockquote>"]


def _evidence(v: ReportView, ds: list[Dispute]) -> list[str]:
    if not ds:
        return []
    from .pictures import number_line

    H = ['<section id="evidence">', "<h2>Evidence</h2>"]
    for i, d in enumerate(ds, 1):
        H += [f'<article class="evidence" id="{e(d.group.id)}" {_attrs(d)}>',
              f"<h3>{i}. {_quantity(d)} {_sev(d.severity)} <span class=\"state-{e(d.state)}\">{e(d.state)}</span></h3>"]
        svg = number_line(d)
        if svg:
            H.append(svg.rstrip("\n"))
        H.append(f'<p class="reason">{_verdict(d)}.</p>')
        decided = [k for k in d.conflicts if k.review]
        if decided:
            H.append('<p class="reviewed">Reviewed pairs:</p><ul class="figures">' + "".join(
                f"<li><code>{e(k.id)}</code> ({e(k.severity)}): {e(k.review)}" + (f": {e(k.review_note)}" if k.review_note else "")
                + "</li>" for k in decided) + "</ul>")
        match = match_phrase(d.group)
        if match:
            H.append(f'<p class="match">{e(match[0].upper() + match[1:])}.</p>')
        for p in d.positions:
            n = len(p.articles)
            H.append(f"<h4><mark>{e(p.label)}</mark>: {n} article{'s' if n != 1 else ''} ({e(', '.join(p.languages))})"
                     + ("" if p.comparable else ", not compared: a vague amount") + "</h4>")
            quoted: set[tuple[str, str]] = set()
            for c in p.claims:
                if (c.article, c.sentence) in quoted or len(quoted) >= QUOTES:
                    continue
                quoted.add((c.article, c.sentence))
                H += _quote(v, c)
            rest = [aid for aid in p.articles if aid not in {a for a, _ in quoted}]
            if rest:
                H.append("<p>Also: " + ", ".join(f"<code>{e(a)}</code>" for a in rest[:20])
                         + (f" and {len(rest) - 20} more" if len(rest) > 20 else "") + "</p>")
        notes = [k.review_note for k in d.conflicts if k.review_note]
        if d.group.review_note or notes:
            H.append(f'<p class="note">Review note: {e(d.group.review_note or notes[0])}</p>')
        ids = ", ".join(f"<code>{e(k.id)}</code>" for k in d.conflicts[:12]) + (
            f" and {len(d.conflicts) - 12} more" if len(d.conflicts) > 12 else "")
        n = len(d.conflicts)
        H += [f'<p class="ids">group <code>{e(d.group.id)}</code> ({n} pair{"s" if n != 1 else ""} in the JSON: {ids}) · '
              f"<code>claimrecon review {e(d.group.id)} --dismiss</code> dismisses the quantity</p>", "</article>"]
    return H + ["</section>"]


def _agreements(v: ReportView) -> Iterator[str]:
    yield from ['<section id="agreements">', "<h2>Agreements</h2>",
                "<p>Figures that several independent articles report, on quantities not in dispute.</p>", '<ul class="figures">']
    disputed = v.disputed()
    rows = [(g, f) for g, f in v.figures(corroborated=True) if g.id not in disputed]
    for g, f in rows:
        label, wordings = v.figure_text(f)
        said = "; ".join(f"{e(text)} (" + ", ".join(f"<code>{e(a)}</code>" for a in arts) + ")" for text, arts in wordings)
        yield (f'<li id="{e(g.id)}">{e(quantity_name(g))}: <mark>{e(label)}</mark>, {len(f.articles)} articles '
               f"({e(', '.join(f.languages))}): {said}</li>")
    if not rows:
        yield "<li>None.</li>"
    yield from ["</ul>", "</section>"]


def _timelines(v: ReportView) -> Iterator[str]:
    from .pictures import series_of, timeline_of

    series = series_of(v)
    if not series:
        return
    disputed = v.disputed()
    yield from ['<section id="timelines">', "<h2>Timelines</h2>", "<p>One count at different moments: these are not conflicts.</p>"]
    for s in series:
        yield f"<h3>{e(s.name)}</h3>"
        svg = timeline_of(s)
        if svg:
            yield svg.rstrip("\n")
        yield '<ul class="figures">'
        for m in s.moments:
            yield (f"<li>{e(m.label)}: " + "; ".join(f"{e(p.label)} (" + ", ".join(f"<code>{e(a)}</code>" for a in p.articles) + ")"
                                                    for p in m.positions) + "</li>")
        if s.undated and disputed.intersection(s.undated_groups):
            yield "<li>no stated moment: in dispute, see the evidence above</li>"
        elif s.undated:
            yield ("<li>no stated moment: " + "; ".join(f"{e(p.label)} (" + ", ".join(f"<code>{e(a)}</code>" for a in p.articles) + ")"
                                                       for p in s.undated) + "</li>")
        yield "</ul>"
    yield "</section>"


def _single(v: ReportView) -> Iterator[str]:
    yield from ['<section id="single-source">', "<h2>Single-source figures</h2>",
                "<p>Figures only one article reports, on quantities not in dispute: nothing to check them against.</p>",
                '<ul class="figures">']
    disputed = v.disputed()
    single = [(g, f) for g, f in v.figures(corroborated=False) if g.id not in disputed]
    for g, f in single:
        c0 = v.claims[f.claims[0]]
        gloss = f' <span class="gloss">(English: {e(c0.gloss)})</span>' if c0.gloss and c0.lang != "en" else ""
        yield (f"<li>{e(quantity_name(g))}: <mark>{e(c0.text)}</mark>{gloss} · "
               + ", ".join(f"<code>{e(x)}</code>" for x in f.articles) + "</li>")
    if not single:
        yield "<li>None.</li>"
    yield from ["</ul>", "</section>"]


def _not_compared(v: ReportView) -> Iterator[str]:
    heading = ['<section id="not-compared">', "<h2>Figures not compared</h2>",
               "<p>What these figures measure is not known, or they only say when another figure was counted "
               "(“by 6pm”), so they are not compared.</p>", '<ul class="figures">']
    for c in v.ungrouped():
        yield from heading
        heading = []
        gloss = f' <span class="gloss">(English: {e(c.gloss)})</span>' if c.gloss and c.lang != "en" else ""
        yield f"<li><mark>{e(c.text)}</mark>{gloss} · <code>{e(c.article)}</code></li>"
    if not heading:
        yield from ["</ul>", "</section>"]


def _articles(v: ReportView) -> Iterator[str]:
    yield from ['<section id="articles">', "<h2>Articles</h2>", '<table class="cards">',
                "<thead><tr><th>article</th><th>outlet</th><th>language</th><th>published</th><th>status</th>"
                "<th>title</th></tr></thead>", "<tbody>"]
    for a in v.report.articles:
        status = e(a.status)
        if a.reason:
            status += f": {e(a.reason)}"
        if a.duplicate_of:
            status += f", duplicate of <code>{e(a.duplicate_of)}</code>"
        yield (f'<tr><td data-label="article"><code>{e(a.id)}</code></td><td data-label="outlet">{e(a.outlet or "–")}</td>'
               f'<td data-label="language">{e(a.language or "–")}</td><td data-label="published">{e(a.published or "–")}</td>'
               f'<td data-label="status">{status}</td><td data-label="title">{e(a.title or "–")}</td></tr>')
    yield from ["</tbody>", "</table>", "</section>"]
