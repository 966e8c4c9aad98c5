"""What a mention measures, when, and on whose word: measure, scope and attribution.

Works on one sentence with its spaCy tokens (for word windows) and the compiled rules.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Attribution, Scope
from .engine import Mention
from .lexicon import Lexicon
from .text import clause_bounds

_STOP = set(",.;:!?()[]“”„\"«»—–")


def _token_starts(doc: Any) -> list[tuple[int, int, str, bool]]:
    return [(t.idx, t.idx + len(t.text), t.text, bool(t.is_punct) or t.text in _STOP) for t in doc]


def _measure_of(lx: Lexicon, text: str) -> tuple[str, str | None] | None:
    for pat, measure, applies in lx.nouns:
        if pat.fullmatch(text):
            return measure, applies
    return None


def _applies(applies: str | None, kind: str) -> bool:
    return applies is None or kind in applies.split(",")


def noun_after(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], pos: int, kind: str, limit: int = 5) -> tuple[str, int] | None:
    """The first measure noun in the few words after ``pos``, stopping at punctuation or a number."""
    seen = 0
    for a, b, text, stop in toks:
        if a < pos:
            continue
        if stop and text not in ("'", "’", "'s", "’s"):
            break
        if text[:1].isdigit():
            break
        m = lx.noun_re.match(s, a)
        if m:
            found = _measure_of(lx, m.group())
            if found and _applies(found[1], kind):
                return found[0], m.end()
        seen += 1
        if seen >= limit:
            break
    return None


def noun_before(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], pos: int, kind: str, limit: int = 4) -> tuple[str, int] | None:
    """A measure noun just before the figure ("subida salarial del 8%", "podwyżki o 10 proc.")."""
    before = [t for t in toks if t[1] <= pos]
    for a, b, text, stop in reversed(before[-limit:]):
        if stop:
            break
        m = lx.noun_re.match(s, a)
        if m and m.end() <= pos:
            found = _measure_of(lx, m.group())
            if found and _applies(found[1], kind) and not found[0].startswith("@"):
                return found[0], a
    return None


def context_spans(lx: Lexicon, s: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clause of the mention, plus a fronted subordinate clause ("When it was relaunched, ...")."""
    cl = clause_bounds(s, start, end)
    spans = [cl]
    first = clause_bounds(s, 0, 0)
    if first != cl and first[1] <= cl[0] and lx.fronted_re.match(s[first[0] : first[1]]):
        spans.insert(0, first)
    return spans


def context_cue(lx: Lexicon, s: str, spans: list[tuple[int, int]], want: str, anchor: int) -> str | None:
    """The context cue for class or kind ``want`` nearest to the mention."""
    best: tuple[int, int, str] | None = None
    for a, b in spans:
        for m in lx.context_re.finditer(s, a, b):
            for pat, measure, applies in lx.contexts:
                if applies == want and pat.fullmatch(m.group()):
                    dist = min(abs(m.start() - anchor), abs(m.end() - anchor))
                    cand = (dist, -len(m.group()), measure)
                    if best is None or cand < best:
                        best = cand
                    break
    return best[2] if best else None


def measure_for(lx: Lexicon, s: str, toks: list[tuple[int, int, str, bool]], men: Mention) -> str | None:
    spans = context_spans(lx, s, men.core_start, men.end)
    kind = men.kind
    noun = noun_after(lx, s, toks, men.end, kind) if kind in ("count", "percent") else None
    if noun is None and kind in ("count", "percent"):
        noun = noun_before(lx, s, toks, men.start, kind)
    measure: str | None = noun[0] if noun else None
    if measure and measure.startswith("@"):
        cls = measure
        measure = context_cue(lx, s, spans, cls, men.core_start)
        if measure is None and cls == "@staff":
            measure = "staff"
        men.extra["class"] = cls
    elif measure is None and kind not in ("count",):
        measure = context_cue(lx, s, spans, kind, men.core_start)
    men.extra["noun"] = noun is not None
    return measure


def scope_for(lx: Lexicon, s: str, men: Mention) -> Scope:
    spans = context_spans(lx, s, men.core_start, men.end)
    found: dict[str, str] = {}
    for a, b in spans:
        for m in lx.scope_re.finditer(s, a, b):
            for pat, fieldname, value in lx.scope:
                if pat.fullmatch(m.group()):
                    if fieldname == "period" and lx.since_re.search(s[max(a, m.start() - 40) : m.start()]):
                        break  # "since buying the company last year": a start, not the period
                    found.setdefault(fieldname, value)
                    break
    return Scope(
        aggregate=found.get("aggregate"),
        period=found.get("period"),
        subevent=found.get("subevent"),
        subject=found.get("subject"),
    )


_NAME = r"(?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*)(?:\s+(?:[A-ZÁÉÍÓÚÑŁŚŻŹĆ][\w’'.-]*|de|del|la|van|von))*"


def attribution_for(lx: Lexicon, s: str, quoted: bool) -> Attribution:
    m = lx.attr_before_re.search(s)
    if m:
        rest = s[m.end() :]
        src = re.match(r"\s*([^,;:()\"“”„]+)", rest)
        if src:
            words = src.group(1).split()[:5]
            return Attribution(source=" ".join(words).strip(" .") or None, quoted=quoted, cue=m.group().lower())
    v = lx.attr_verb_re.search(s)
    if v:
        before = s[: v.start()].rstrip()
        after = s[v.end() :]
        name_after = re.match(rf"\s+(?:\w+\s+){{0,3}}?({_NAME})", after)
        name_before = re.search(rf"({_NAME})(?:\s+\w+)?\s*$", before)
        src = None
        if name_before and not re.search(r"[”\"»]\s*$", before[: name_before.start()] + " ") and name_before.end() >= len(before) - 12:
            src = name_before.group(1)
        elif name_after:
            src = name_after.group(1)
        else:
            words = re.findall(r"[\w’'-]+", before)[-2:]
            src = " ".join(words) or None
        return Attribution(source=src, quoted=quoted, cue=v.group().lower())
    return Attribution(source=None, quoted=quoted, cue=None)
