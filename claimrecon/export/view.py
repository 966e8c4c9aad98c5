"""Read-only helpers shared by the renderers: lookups, display order and labels.

Nothing here computes a finding. It only indexes what the Report already holds (which claims a
conflict names, which group a claim sits in) and orders it for display, so every format shows the
same thing in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..records import SEVERITIES, Article, Claim, Conflict, Figure, Group, Report, Review

#: Display rank of a severity: hard first. Unknown severities sort last.
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: Names of the languages the rules cover, for prose; other codes are shown as they are.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pl": "Polish"}


def language_name(code: str | None) -> str:
    """``"pl"`` -> ``"Polish"``; unknown codes unchanged, None -> ``"unknown"``."""
    if not code:
        return "unknown"
    return LANGUAGE_NAMES.get(code, code)


def sentence_translation(c: Claim) -> tuple[str, str, bool] | None:
    """(label, text, translated) for a claim's machine-translated sentence (--translate), or None
    when no translation was asked for. Unescaped: each format escapes it its own way."""
    if not c.sentence_gloss_status:
        return None
    by = c.sentence_gloss_backend or "translation service"
    if c.sentence_gloss:
        how = f"machine translation by {by}" + (", from the cache" if c.sentence_gloss_status == "cached" else "")
        return f"English sentence ({how})", c.sentence_gloss, True
    return f"English sentence unavailable ({by})", c.sentence_gloss_error or "no reason given", False


@dataclass(slots=True)
class ReportView:
    """Indexes over one Report, built once per render."""

    report: Report
    articles: dict[str, Article] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    reviews: dict[str, Review] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)  # claim id -> group id
    conflicts_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # claim id -> conflict ids

    @classmethod
    def of(cls, report: Report) -> ReportView:
        v = cls(report)
        v.articles = {a.id: a for a in report.articles}
        v.claims = {c.id: c for c in report.claims}
        v.groups = {g.id: g for g in report.groups}
        v.reviews = {r.target: r for r in report.reviews}
        for g in report.groups:
            for cid in g.claims:
                v.group_of.setdefault(cid, g.id)
        for k in report.conflicts:
            for cid in k.claims:
                if k.id not in v.conflicts_of[cid]:
                    v.conflicts_of[cid].append(k.id)
        return v

    def conflicts(self) -> list[Conflict]:
        """Conflicts ordered by severity (hard first); the report's own order within a severity."""
        order = {k.id: i for i, k in enumerate(self.report.conflicts)}
        return sorted(self.report.conflicts, key=lambda k: (SEVERITY_RANK.get(k.severity, len(SEVERITY_RANK)), order[k.id]))

    def figures(self, corroborated: bool) -> list[tuple[Group, Figure]]:
        """(group, figure) pairs reported by several independent articles, or by exactly one."""
        return [(g, f) for g in self.report.groups for f in g.figures if (len(f.articles) > 1) == corroborated]

    def figure_label(self, f: Figure) -> str:
        """The figure as one phrase: the wording all its claims share, else the unhedged one."""
        cs = [self.claims[c] for c in f.claims if c in self.claims]
        if not cs:
            return str(f.value)
        if len({c.qualifier for c in cs}) > 1:
            plain = [c for c in cs if c.qualifier in ("exact", "only")]
            if plain:
                return plain[0].gloss or plain[0].text
        return cs[0].gloss or cs[0].text

    def wordings(self, f: Figure) -> list[tuple[str, list[str]]]:
        """Each distinct wording of a figure with the articles that use it, in report order."""
        out: dict[str, list[str]] = {}
        for cid in f.claims:
            c = self.claims.get(cid)
            if c is not None and c.article not in out.setdefault(c.text, []):
                out[c.text].append(c.article)
        return list(out.items())

    def ungrouped(self) -> list[Claim]:
        """Claims no group holds (their measure is unknown), in report order."""
        return [c for c in self.report.claims if c.id not in self.group_of]

    def timelines(self) -> list[tuple[str, list[Group]]]:
        """Groups sharing a series id (one count at several moments), by series id then moment."""
        series: dict[str, list[Group]] = defaultdict(list)
        for g in self.report.groups:
            if g.series:
                series[g.series].append(g)
        return [(sid, sorted(gs, key=lambda g: g.scope.moment or "")) for sid, gs in sorted(series.items())]

    def conflict_languages(self, k: Conflict) -> list[str]:
        """Languages of the claims a conflict opposes (sorted, distinct)."""
        return sorted({self.claims[c].lang for c in k.claims if c in self.claims})

    def review_state(self, k: Conflict) -> str:
        """``accepted``, ``dismissed`` or ``open``."""
        return k.review or "open"

    def reviews_touching(self, claim_id: str) -> list[Review]:
        """Reviews recorded on the claim's group or on any conflict naming the claim."""
        targets = [self.group_of.get(claim_id, "")] + self.conflicts_of.get(claim_id, [])
        return [self.reviews[t] for t in targets if t in self.reviews]


def measure_label(g: Group | None) -> str:
    """What a group measures, with the scope cues that tell it apart: ``listeners (relaunch, at 18:21)``."""
    if g is None:
        return "unknown quantity"
    name = (g.measure or "unknown quantity").replace("_", " ")
    sc = g.scope
    extras = [x for x in (
        sc.subevent,
        sc.aggregate,
        sc.period.replace("_", " ") if sc.period else None,
        f"at {sc.moment}" if sc.moment else None,
        "other subject" if sc.subject == "other" else None,
    ) if x]
    return name + (f" ({', '.join(extras)})" if extras else "")


def split_evidence(c: Claim) -> tuple[str, str, str]:
    """The claim's sentence cut around the claim's words: (before, figure, after).

    When the offsets do not fall inside the sentence the whole sentence is ``before`` and the
    figure is empty, so renderers still quote the sentence without marking a wrong span.
    """
    s = c.sentence
    a, b = c.start - c.sentence_start, c.end - c.sentence_start
    if 0 <= a < b <= len(s):
        return s[:a], s[a:b], s[b:]
    return s, "", ""


def article_label(a: Article | None, article_id: str) -> str:
    """``id`` plus outlet when one is known: how prose names an article."""
    if a is not None and a.outlet:
        return f"{a.outlet} ({article_id})"
    return article_id
