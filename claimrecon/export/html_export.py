"""HTML: one self-contained page for reporters, opened straight from a file.

No external assets: the style and the small filter script are inline, and a Content-Security-Policy
allows only those two (by their SHA-256), no images, no connections. Article text is untrusted: all
of it goes through ``html.escape``; even if something slipped through, the policy would block any
script or event handler it carried.

The page works without JavaScript (everything shown); with it, checkboxes filter the discrepancies
by severity and language. Filters can also be set from the address: ``report.html#severity=hard&lang=pl``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator
from html import escape
from itertools import chain

from ..records import Claim, Conflict, Report
from .view import SEVERITY_RANK, ReportView, joined, language_name, measure_label, sentence_translation, split_evidence

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #9a6700; --hard: #cf222e;
        --mark: #fff3b0; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
       Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
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
.sev { display: inline-block; padding: 0 .45em; border-radius: 1em; font-size: .8rem; font-weight: 600;
       color: #fff; }
.sev-hard { background: var(--hard); }
.sev-soft { background: var(--soft); }
.state-dismissed { color: var(--muted); text-decoration: line-through; }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; background: var(--panel);
           border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
#filters fieldset { border: 0; margin: 0; padding: 0; }
#filters legend { font-weight: 600; float: left; margin-right: .5rem; }
#filters label { margin-right: .75rem; white-space: nowrap; }
#shown { margin: 0; color: var(--muted); }
article.evidence { border: 1px solid var(--line); border-left: 4px solid var(--soft); border-radius: 6px;
                   padding: .75rem 1rem; margin: 1rem 0; }
article.evidence[data-severity="hard"] { border-left-color: var(--hard); }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); }
blockquote p { margin: 0; }
blockquote footer { color: var(--muted); font-size: .9rem; }
.gloss { font-style: italic; }
p.translation { color: var(--muted); font-size: .92rem; margin: .25rem 0; }
.ids, .reason, footer.page { color: var(--muted); font-size: .88rem; }
ul.figures li { margin: .2rem 0; }
[hidden] { display: none !important; }
@media print { #filters { display: none; } article.evidence { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var panel = document.getElementById("filters");
  if (!panel) { return; }
  var boxes = Array.prototype.slice.call(panel.querySelectorAll("input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-severity]"));
  var shown = document.getElementById("shown");
  var total = document.querySelectorAll("tr.conflict").length;
  function checked(name) {
    return boxes.filter(function (b) { return b.name === name && b.checked; }).map(function (b) { return b.value; });
  }
  function apply() {
    var sev = checked("severity"), langs = checked("lang"), n = 0;
    items.forEach(function (el) {
      var ok = sev.indexOf(el.getAttribute("data-severity")) >= 0 &&
        el.getAttribute("data-langs").split(" ").some(function (l) { return langs.indexOf(l) >= 0; });
      el.hidden = !ok;
      if (ok && el.tagName === "TR") { n += 1; }
    });
    shown.textContent = "Showing " + n + " of " + total + " discrepancies";
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


def _source_cell(c: Claim) -> str:
    return f"<mark>{e(c.text)}</mark> <code>{e(c.article)}</code> ({e(c.lang)})"


def _filter_attrs(v: ReportView, k: Conflict) -> str:
    return f'data-conflict="{e(k.id)}" data-severity="{e(k.severity)}" data-langs="{e(" ".join(v.conflict_languages(k)))}"'


def to_html(report: Report) -> str:
    """Render the report as one standalone HTML page."""
    return "".join(iter_html(report))


def iter_html(report: Report) -> Iterator[str]:
    """``to_html`` in pieces, a line at a time."""
    v = ReportView.of(report)
    conflicts = v.conflicts()
    s = report.summary()
    st = s["articles_by_status"]
    langs = Counter(a.language for a in report.articles if a.status == "ok")
    by_lang = ", ".join(f"{n} {e(language_name(code))}" for code, n in sorted(langs.items(), key=lambda x: str(x[0])))
    sev = s["conflicts_by_severity"]
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
        + f"), <strong>{s['claims']} figures</strong> on <strong>{s['groups']} quantities</strong>, "
        f'<strong>{s["conflicts"]} discrepancies</strong>: {sev["hard"]} {_sev("hard")}, {sev["soft"]} {_sev("soft")}.</p>',
        "<p><strong>hard</strong>: the two figures cannot both be right, even allowing for their hedges. "
        "<strong>soft</strong>: the figures differ, but their hedges leave room for both.</p>",
        "</header>",
    ]
    H += _filters(v, conflicts)
    H += _table(v, conflicts)
    H += _evidence(v, conflicts)
    return joined(chain(H, _figures(v), _articles(v), [
        f'<footer class="page">claimrecon {e(report.version)} · rules {e(report.rules_digest)} · '
        "ids are stable across runs: <code>claimrecon review ID --dismiss</code> records a decision.</footer>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ]))


def _filters(v: ReportView, conflicts: list[Conflict]) -> list[str]:
    if not conflicts:
        return []
    sev_n = Counter(k.severity for k in conflicts)
    lang_n = Counter(lang for k in conflicts for lang in v.conflict_languages(k))
    H = ['<form id="filters" hidden aria-label="Filter the discrepancies">', "<fieldset><legend>Severity</legend>"]
    H += [f'<label><input type="checkbox" name="severity" value="{e(x)}" checked> {e(x)} ({n})</label>'
          for x, n in sorted(sev_n.items(), key=lambda x: SEVERITY_RANK.get(x[0], len(SEVERITY_RANK)))]
    H += ["</fieldset>", "<fieldset><legend>Language</legend>"]
    H += [f'<label><input type="checkbox" name="lang" value="{e(x)}" checked> {e(language_name(x))} ({n})</label>'
          for x, n in sorted(lang_n.items())]
    H += ["</fieldset>", f'<p id="shown" aria-live="polite">Showing {len(conflicts)} of {len(conflicts)} discrepancies</p>',
          "</form>"]
    return H


def _table(v: ReportView, conflicts: list[Conflict]) -> list[str]:
    H = ['<section id="discrepancies">', "<h2>Discrepancies</h2>"]
    if not conflicts:
        return H + ["<p>No conflicting figures were found.</p>", "</section>"]
    H += ['<table id="conflict-table">',
          "<thead><tr><th>#</th><th>severity</th><th>quantity</th><th>one article says</th><th>another says</th>"
          "<th>review</th></tr></thead>", "<tbody>"]
    for i, k in enumerate(conflicts, 1):
        a, b = (v.claims[c] for c in k.claims)
        state = v.review_state(k)
        H.append(f'<tr class="conflict" {_filter_attrs(v, k)}><td class="num"><a href="#{e(k.id)}">{i}</a></td>'
                 f"<td>{_sev(k.severity)}</td><td>{e(measure_label(v.groups.get(k.group)))}</td>"
                 f"<td>{_source_cell(a)}</td><td>{_source_cell(b)}</td>"
                 f'<td class="state-{e(state)}">{e(state)}</td></tr>')
    return H + ["</tbody>", "</table>", "</section>"]


def _evidence(v: ReportView, conflicts: list[Conflict]) -> list[str]:
    if not conflicts:
        return []
    H = ['<section id="evidence">', "<h2>Evidence</h2>"]
    anchored: set[str] = set()
    for i, k in enumerate(conflicts, 1):
        state = v.review_state(k)
        gid = f' id="{e(k.group)}"' if k.group not in anchored else ""
        anchored.add(k.group)
        H += [f'<article class="evidence" id="{e(k.id)}" {_filter_attrs(v, k)}>',
              f"<h3{gid}>{i}. {e(measure_label(v.groups.get(k.group)))} {_sev(k.severity)} "
              f'<span class="state-{e(state)}">{e(state)}</span></h3>',
              f'<p class="reason">{e(k.reason)}</p>']
        for cid in k.claims:
            c = v.claims[cid]
            a = v.articles.get(c.article)
            who = [f"<code>{e(c.article)}</code>"]
            if a is not None and a.outlet:
                who.append(e(a.outlet))
            who.append(f"{e(c.lang)} ({e(language_name(c.lang))})")
            if a is not None and a.published:
                who.append(e(a.published))
            gloss = f' · <span class="gloss" lang="en">English: {e(c.gloss)}</span>' if c.gloss and c.lang != "en" else ""
            H += [f'<blockquote class="claim" data-claim="{e(c.id)}">',
                  f'<p lang="{e(c.lang)}">{marked(c)}</p>',
                  *_sentence_gloss(c),
                  f"<footer>— {' · '.join(who)}{gloss}</footer>",
                  "</blockquote>"]
        if k.review_note:
            H.append(f'<p class="note">Review note: {e(k.review_note)}</p>')
        H += [f'<p class="ids">conflict <code>{e(k.id)}</code> · group <code>{e(k.group)}</code></p>', "</article>"]
    return H + ["</section>"]


def _figures(v: ReportView) -> Iterator[str]:
    yield from ['<section id="corroborated">', "<h2>Corroborated figures</h2>", '<ul class="figures">']
    rows = v.figures(corroborated=True)
    for g, f in rows:
        label, wordings = v.figure_text(f)
        said = "; ".join(f"{e(text)} (" + ", ".join(f"<code>{e(a)}</code>" for a in arts) + ")" for text, arts in wordings)
        yield (f"<li>{e(measure_label(g))}: <mark>{e(label)}</mark>, {len(f.articles)} articles "
               f"({e(', '.join(f.languages))}): {said}</li>")
    if not rows:
        yield "<li>None.</li>"
    yield from ["</ul>", "</section>", '<section id="single-source">', "<h2>Single-source figures</h2>", '<ul class="figures">']
    single = v.figures(corroborated=False)
    for g, f in single:
        c0 = v.claims[f.claims[0]]
        gloss = f' <span class="gloss">(English: {e(c0.gloss)})</span>' if c0.gloss and c0.lang != "en" else ""
        yield (f"<li>{e(measure_label(g))}: <mark>{e(c0.text)}</mark>{gloss} · "
               + ", ".join(f"<code>{e(x)}</code>" for x in f.articles) + "</li>")
    if not single:
        yield "<li>None.</li>"
    yield from ["</ul>", "</section>"]


def _articles(v: ReportView) -> Iterator[str]:
    yield from ['<section id="articles">', "<h2>Articles</h2>", "<table>",
                "<thead><tr><th>article</th><th>outlet</th><th>language</th><th>published</th><th>status</th>"
                "<th>title</th></tr></thead>", "<tbody>"]
    for a in v.report.articles:
        status = e(a.status)
        if a.reason:
            status += f": {e(a.reason)}"
        if a.duplicate_of:
            status += f", duplicate of <code>{e(a.duplicate_of)}</code>"
        yield (f"<tr><td><code>{e(a.id)}</code></td><td>{e(a.outlet or '–')}</td><td>{e(a.language or '–')}</td>"
               f"<td>{e(a.published or '–')}</td><td>{status}</td><td>{e(a.title or '–')}</td></tr>")
    yield from ["</tbody>", "</table>", "</section>"]
