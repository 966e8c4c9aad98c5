"""The Markdown discrepancy report: the editor's view of a Report.

Article text is untrusted: everything quoted from an article goes through ``md_escape`` so it
cannot open a link, an HTML tag or break a table.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..records import Article, Claim, Conflict, Group, Report

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str | None) -> str:
    """Escape Markdown and HTML so article text renders as text, on one line."""
    if text is None:
        return ""
    t = re.sub(r"\s+", " ", str(text)).strip()
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "<>" else m.group(1), t)


def _evidence(c: Claim) -> str:
    """The sentence with the claim's words in bold."""
    s = c.sentence
    a = c.start - c.sentence_start
    b = c.end - c.sentence_start
    if 0 <= a < b <= len(s):
        return f"{md_escape(s[:a])} **{md_escape(s[a:b])}** {md_escape(s[b:])}".strip()
    return md_escape(s)


def _who(a: Article | None, article_id: str) -> str:
    if a is None:
        return md_escape(article_id)
    bits = [f"`{article_id.replace('`', '')}`"]
    if a.outlet:
        bits.append(md_escape(a.outlet))
    if a.language:
        bits.append(a.language)
    return ", ".join(bits)


def _measure(g: Group) -> str:
    name = (g.measure or "unknown").replace("_", " ")
    sc = g.scope
    extras = [x for x in (sc.subevent, sc.aggregate, sc.period and sc.period.replace("_", " "), sc.moment and f"at {sc.moment}") if x]
    return name + (f" ({', '.join(extras)})" if extras else "")


def to_markdown(report: Report) -> str:
    arts = {a.id: a for a in report.articles}
    claims = {c.id: c for c in report.claims}
    groups = {g.id: g for g in report.groups}
    s = report.summary()
    L: list[str] = []
    L.append("# claimrecon discrepancy report")
    L.append("")
    by_lang = Counter(a.language for a in report.articles if a.status == "ok")
    sev = s["conflicts_by_severity"]
    L.append(
        f"{s['articles']} articles ({', '.join(f'{n} {l}' for l, n in sorted(by_lang.items(), key=lambda x: str(x[0])))}), "
        f"{s['claims']} numeric claims, {s['groups']} quantities, "
        f"**{sev['hard']} hard** and **{sev['soft']} soft** conflicts."
    )
    L.append("")
    L.append("- **hard**: the two figures cannot both be right, even allowing for their hedges.")
    L.append("- **soft**: the figures differ, but their hedges leave room for both.")
    L.append("")

    L.append("## Discrepancies")
    L.append("")
    if not report.conflicts:
        L.append("No conflicting figures were found.")
        L.append("")
    else:
        L.append("| # | quantity | says | says | severity | review |")
        L.append("|---|---|---|---|---|---|")
        for i, k in enumerate(report.conflicts, 1):
            a, b = claims[k.claims[0]], claims[k.claims[1]]
            g = groups.get(k.group)
            L.append(
                f"| {i} | {md_escape(_measure(g)) if g else ''} | {md_escape(a.text)} ({md_escape(a.article)}) | "
                f"{md_escape(b.text)} ({md_escape(b.article)}) | {k.severity} | {k.review or 'open'} |"
            )
        L.append("")
        for i, k in enumerate(report.conflicts, 1):
            L += _conflict_section(i, k, claims, groups, arts)

    timelines: dict[str, list[Group]] = defaultdict(list)
    for g in report.groups:
        if g.series:
            timelines[g.series].append(g)
    if timelines:
        L.append("## Timelines (one count at different moments: not conflicts)")
        L.append("")
        for sid in sorted(timelines):
            gs = sorted(timelines[sid], key=lambda g: g.scope.moment or "")
            L.append(f"- {md_escape((gs[0].measure or '').replace('_', ' '))}: " + "; ".join(
                f"{md_escape(g.scope.moment or 'no stated moment')}: " + ", ".join(
                    f"{md_escape(claims[cid].text)} ({md_escape(claims[cid].article)})" for cid in g.claims) for g in gs))
        L.append("")

    L.append("## Corroborated figures")
    L.append("")
    rows = [(g, f) for g in report.groups for f in g.figures if len(f.articles) > 1]
    if not rows:
        L.append("None.")
    for g, f in rows:
        c0 = claims[f.claims[0]]
        L.append(f"- {md_escape(_measure(g))}: **{md_escape(c0.gloss or c0.text)}**, reported by {len(f.articles)} independent articles "
                 f"({', '.join(f.languages)}): " + ", ".join(md_escape(x) for x in f.articles))
    L.append("")

    L.append("## Single-source figures")
    L.append("")
    single = [(g, f) for g in report.groups for f in g.figures if len(f.articles) == 1]
    if not single:
        L.append("None.")
    for g, f in single:
        c0 = claims[f.claims[0]]
        L.append(f"- {md_escape(_measure(g))}: {md_escape(c0.text)} — {md_escape(c0.gloss)} ({md_escape(c0.article)})")
    L.append("")
    grouped = {cid for g in report.groups for cid in g.claims}
    loose = [c for c in report.claims if c.id not in grouped]
    if loose:
        L.append("## Figures not compared (what they measure is not known)")
        L.append("")
        for c in loose:
            L.append(f"- {md_escape(c.text)} ({md_escape(c.article)}): {md_escape(c.gloss)}")
        L.append("")

    L.append("## Inputs")
    L.append("")
    L.append("| article | status | language | title | published | note |")
    L.append("|---|---|---|---|---|---|")
    for a in report.articles:
        note = a.reason or (f"duplicate of {a.duplicate_of}" if a.duplicate_of else "")
        L.append(f"| {md_escape(a.id)} | {a.status} | {a.language or ''} | {md_escape(a.title)} | {a.published or ''} | {md_escape(note)} |")
    L.append("")
    L.append(f"claimrecon {md_escape(report.version)}, rules {md_escape(report.rules_digest)}")
    L.append("")
    return "\n".join(L)


def _conflict_section(i: int, k: Conflict, claims: dict[str, Claim], groups: dict[str, Group], arts: dict[str, Article]) -> list[str]:
    g = groups.get(k.group)
    L = [f"### {i}. {md_escape(_measure(g)) if g else ''}: {k.severity}" + (f" ({k.review})" if k.review else ""), ""]
    L.append(md_escape(k.reason))
    L.append("")
    for cid in k.claims:
        c = claims[cid]
        L.append(f"> {_evidence(c)}")
        L.append(">")
        L.append(f"> — {_who(arts.get(c.article), c.article)}" + (f"; English: {md_escape(c.gloss)}" if c.gloss and c.lang != "en" else ""))
        L.append("")
    if k.review_note:
        L.append(f"Review note: {md_escape(k.review_note)}")
        L.append("")
    L.append(f"<sub>conflict `{k.id}`, group `{k.group}`</sub>")
    L.append("")
    return L
