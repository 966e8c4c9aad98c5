"""Pictures of a disagreement, as hand-built SVG: no plotting library, no script, no network.

- ``number_line``: each stated figure of a disputed quantity as the interval the comparison gives
  it, on one axis (log when the figures span more than 30 times), so "600,000 lies outside every
  about 500,000" shows at a glance. An open bound ("more than 100 million") runs to the edge with
  an arrow.
- ``timeline``: one count at several stated moments ("as of 6:37 p.m.", "as of 7 p.m."), the
  moments left to right, the figures as points with their intervals.

Horizontal positions are percentages and text sizes pixels, so one drawing fits any width from a
phone's 360 px up without its text shrinking: the HTML report inlines it at the page's width, and a
standalone file (``standalone=True``: ``xmlns``, a size, a white background) sits beside the
Markdown report for editors to paste. Styling is by presentation attributes only (the HTML page's
Content-Security-Policy allows no ``style`` attribute), and every piece of text is escaped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .view import Dispute, Position, amount

if TYPE_CHECKING:
    from ..records import Report
    from .view import ReportView

#: figures spanning more than this ratio get a log axis
LOG_RATIO = 30.0
ROW = 40  # px per figure: a label line, then its bar
TOP = 8
AXIS = 34
LEFT, RIGHT = 3.0, 97.0  # the plot's horizontal extent, in percent of the width
WIDTH = 720  # px, of a standalone file
COLOURS = {"hard": "#cf222e", "soft": "#9a6700", "other": "#57606a"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a number line."""

    label: str
    low: float  # -inf: open downwards
    high: float  # inf: open upwards
    value: float | None  # the stated figure (None: a bound alone)
    tone: str  # hard | soft | other


@dataclass(frozen=True, slots=True)
class Scale:
    """Values -> percent of the width, linear or log."""

    lo: float
    hi: float
    log: bool

    def x(self, v: float) -> float:
        if self.log:
            v = math.log10(max(v, self.lo))
            lo, hi = math.log10(self.lo), math.log10(self.hi)
        else:
            lo, hi = self.lo, self.hi
        f = 0.5 if hi == lo else (v - lo) / (hi - lo)
        return round(LEFT + (RIGHT - LEFT) * min(max(f, 0.0), 1.0), 2)

    def ticks(self) -> list[float]:
        if self.log:
            out = [10.0 ** k for k in range(math.ceil(math.log10(self.lo)), math.floor(math.log10(self.hi)) + 1)]
            if len(out) < 3:
                out = sorted({m * 10.0 ** k for k in range(math.floor(math.log10(self.lo)), math.ceil(math.log10(self.hi)) + 1)
                              for m in (1, 2, 5) if self.lo <= m * 10.0 ** k <= self.hi})
            return out
        span = self.hi - self.lo
        step = 10 ** math.floor(math.log10(span / 4)) if span > 0 else 1.0
        for m in (1, 2, 2.5, 5, 10):
            if span / (step * m) <= 6:
                step *= m
                break
        first = math.ceil(self.lo / step) * step
        return [round(first + i * step, 10) for i in range(int((self.hi - first) / step + 1e-9) + 1)]


def scale_for(values: Sequence[float], open_low: bool = False, open_high: bool = False) -> Scale:
    """A scale that shows every value with a margin (a wider one on a side where an interval is
    open, so its arrow shows); log when they span more than ``LOG_RATIO``."""
    lo, hi = min(values), max(values)
    if lo > 0 and hi / lo > LOG_RATIO:
        return Scale(lo / (3 if open_low else 1.5), hi * (3 if open_high else 1.5), True)
    span = (hi - lo) or abs(hi) * 0.5 or 1.0
    low = lo - span * (0.3 if open_low else 0.12)
    if lo >= 0 and low < 0:
        low = 0.0  # counts and shares are never negative
    return Scale(low, hi + span * (0.3 if open_high else 0.12), False)


def tick_label(kind: str, unit: str | None, v: float) -> str:
    """A short axis label: ``450k``, ``1.2M``, ``75%``, ``$44B``, ``1 hour``."""
    if kind == "duration":
        return amount(kind, unit, v)
    a = abs(v)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            text = f"{v / size:.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        text = f"{v:.2f}".rstrip("0").rstrip(".")
    if kind == "percent":
        return text + "%"
    if kind == "money" and unit:
        return {"USD": "$", "EUR": "€", "GBP": "£"}.get(unit, "") + text + ("" if unit in ("USD", "EUR", "GBP") else f" {unit}")
    return text


def _svg_open(height: int, title: str, desc: str, ident: str, standalone: bool) -> list[str]:
    size = f'width="{WIDTH}" height="{height}"' if standalone else f'width="100%" height="{height}"'
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg{ns} class="picture" {size} role="img" aria-labelledby="{ident}-t {ident}-d" '
           f'font-family="{_e(FONT)}" font-size="13">',
           f'<title id="{ident}-t">{_e(title)}</title>', f'<desc id="{ident}-d">{_e(desc)}</desc>']
    if standalone:
        out.append('<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>')
    out.append("<defs>" + "".join(
        f'<marker id="{ident}-{tone}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" '
        f'markerWidth="14" markerHeight="14" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for tone, colour in COLOURS.items()) + "</defs>")
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def bars_of(d: Dispute) -> list[Bar]:
    """The rows of a dispute's number line: its comparable figures, tone by their worst pair."""
    soft = {id(p) for pair in d.soft + d.bound + d.rates for p in pair}
    out = []
    for p in d.positions:
        if not p.comparable or p.low > p.high:
            continue
        tone = "hard" if p.hard else "soft" if id(p) in soft else "other"
        n = len(p.articles)
        label = f"{p.label} · {n} article{'s' if n != 1 else ''} ({', '.join(p.languages)})"
        stated = float(p.value) if isinstance(p.value, (int, float)) else None
        out.append(Bar(label, p.low, p.high, stated, tone))
    return out


def number_line(d: Dispute, standalone: bool = False) -> str | None:
    """The dispute's number line as SVG text, or None when fewer than two figures can be drawn."""
    bars = bars_of(d)
    if len(bars) < 2:
        return None
    p0 = next(p for p in d.positions if p.comparable)
    return draw_number_line(bars, d.name, p0.kind, p0.unit, f"nl-{d.group.id}", standalone)


def draw_number_line(bars: Sequence[Bar], name: str, kind: str, unit: str | None, ident: str,
                     standalone: bool = False) -> str:
    """``bars`` on one axis (see the module's docstring)."""
    ident = _slug(ident)
    finite = [x for b in bars for x in (b.low, b.high, b.value) if x is not None and math.isfinite(x)]
    sc = scale_for(finite, any(b.low == -math.inf for b in bars), any(b.high == math.inf for b in bars))
    height = TOP + ROW * len(bars) + AXIS
    summary = "; ".join(f"{b.label}: {_range_text(b, kind, unit)}" for b in bars)
    out = _svg_open(height, f"{name}: each figure as an interval on one number line"
                    + (" (log scale)" if sc.log else ""), summary, ident, standalone)
    for i, b in enumerate(bars):
        y = TOP + ROW * i
        colour = COLOURS[b.tone]
        out.append(f'<text x="{LEFT}%" y="{y + 13}" fill="#1f2328">{_e(b.label)}</text>')
        x1 = LEFT if b.low == -math.inf else sc.x(b.low)
        x2 = RIGHT if b.high == math.inf else sc.x(b.high)
        yb = y + 26
        ends = (f' marker-start="url(#{ident}-{b.tone})"' if b.low == -math.inf else "") + \
               (f' marker-end="url(#{ident}-{b.tone})"' if b.high == math.inf else "")
        if x2 - x1 < 0.6:  # a point figure: a short bar still shows
            x1, x2 = x1 - 0.3, x2 + 0.3
        out.append(f'<line class="interval" x1="{x1}%" y1="{yb}" x2="{x2}%" y2="{yb}" stroke="{colour}" '
                   f'stroke-width="6" stroke-linecap="butt" stroke-opacity="0.55"{ends}/>')
        if b.value is not None:
            out.append(f'<circle class="stated" cx="{sc.x(b.value)}%" cy="{yb}" r="5" fill="{colour}" '
                       f'stroke="#ffffff" stroke-width="1.5"/>')
    ya = TOP + ROW * len(bars) + 6
    out.append(f'<line x1="{LEFT}%" y1="{ya}" x2="{RIGHT}%" y2="{ya}" stroke="#8c959f" stroke-width="1"/>')
    ticks = sc.ticks()
    last_x = -100.0
    for t in ticks:
        x = sc.x(t)
        out.append(f'<line x1="{x}%" y1="{ya}" x2="{x}%" y2="{ya + 5}" stroke="#8c959f" stroke-width="1"/>')
        if x - last_x >= 9:  # labels at least ~9% apart: they never run into each other at 360 px
            anchor = "start" if x < LEFT + 3 else "end" if x > RIGHT - 3 else "middle"
            out.append(f'<text class="tick" x="{x}%" y="{ya + 19}" text-anchor="{anchor}" fill="#59636e" '
                       f'font-size="11">{_e(tick_label(kind, unit, t))}</text>')
            last_x = x
    if sc.log:
        out.append(f'<text x="{RIGHT}%" y="{ya + 32}" text-anchor="end" fill="#59636e" font-size="10">log scale</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _range_text(b: Bar, kind: str, unit: str | None) -> str:
    lo = "no lower bound" if b.low == -math.inf else amount(kind, unit, b.low)
    hi = "no upper bound" if b.high == math.inf else amount(kind, unit, b.high)
    return f"from {lo} to {hi}"


@dataclass(frozen=True, slots=True)
class Moment:
    """One moment of a timeline and the figures stated for it."""

    label: str  # "18:37"
    positions: tuple[Position, ...]


def _minutes(label: str) -> int | None:
    m = re.match(r"^(\d{1,2}):(\d{2})", label)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def timeline(name: str, moments: Sequence[Moment], ident: str, standalone: bool = False) -> str | None:
    """A count over its moments as SVG text, or None with fewer than two moments holding figures."""
    moments = [m for m in moments if any(p.comparable and p.low <= p.high for p in m.positions)]
    if len(moments) < 2:
        return None
    ident = _slug(ident)
    p0 = next(p for m in moments for p in m.positions if p.comparable)
    kind, unit = p0.kind, p0.unit
    values = [x for m in moments for p in m.positions if p.comparable
              for x in (p.low, p.high, float(p.value)) if math.isfinite(x)]  # type: ignore[arg-type]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1.0
    vlo, vhi = max(0.0, lo - pad) if lo >= 0 else lo - pad, hi + pad
    plot_top, plot_h = 20, 150
    height = plot_top + plot_h + 40

    def y(v: float) -> float:
        return round(plot_top + plot_h * (1 - (v - vlo) / (vhi - vlo)), 1)

    # moments left to right by clock time when every one reads as HH:MM, else evenly
    clock = [_minutes(m.label) for m in moments]
    if None in clock or len(set(clock)) < len(clock):
        clock = list(range(len(moments)))
    c0, c1 = min(clock), max(clock)  # type: ignore[type-var]

    def x(i: int) -> float:
        return round(LEFT + 10 + (RIGHT - LEFT - 14) * ((clock[i] - c0) / (c1 - c0)), 2)  # type: ignore[operator]

    summary = "; ".join(f"{m.label}: " + ", ".join(p.label for p in m.positions if p.comparable) for m in moments)
    out = _svg_open(height, f"{name} over time: one count at {len(moments)} moments", summary, ident, standalone)
    for t in Scale(vlo, vhi, False).ticks():
        yy = y(t)
        out.append(f'<line x1="{LEFT + 8}%" y1="{yy}" x2="{RIGHT}%" y2="{yy}" stroke="#d1d9e0" stroke-width="1"/>')
        out.append(f'<text class="tick" x="{LEFT}%" y="{yy + 4}" fill="#59636e" font-size="11">{_e(tick_label(kind, unit, t))}</text>')
    prev: tuple[float, float] | None = None
    for i, m in enumerate(moments):
        xs = x(i)
        stated = [p for p in m.positions if p.comparable and p.low <= p.high]
        mid = sum(float(p.value) for p in stated) / len(stated)  # type: ignore[arg-type]
        if prev is not None:
            out.append(f'<line x1="{prev[0]}%" y1="{prev[1]}" x2="{xs}%" y2="{y(mid)}" stroke="#0969da" stroke-width="2" '
                       'stroke-opacity="0.6"/>')
        prev = (xs, y(mid))
        for p in stated:
            top = y(min(p.high, vhi)) if math.isfinite(p.high) else plot_top
            bottom = y(max(p.low, vlo)) if math.isfinite(p.low) else plot_top + plot_h
            ends = (' marker-start="url(#' + ident + '-other)"' if not math.isfinite(p.high) else "") + \
                   (' marker-end="url(#' + ident + '-other)"' if not math.isfinite(p.low) else "")
            out.append(f'<line class="interval" x1="{xs}%" y1="{top}" x2="{xs}%" y2="{bottom}" stroke="#0969da" '
                       f'stroke-width="6" stroke-opacity="0.35"{ends}/>')
            out.append(f'<circle class="stated" cx="{xs}%" cy="{y(float(p.value))}" r="5" fill="#0969da" stroke="#ffffff" '  # type: ignore[arg-type]
                       'stroke-width="1.5"/>')
            side = ' dx="-9" text-anchor="end"' if i == len(moments) - 1 else ' dx="9"'
            out.append(f'<text x="{xs}%"{side} y="{y(float(p.value)) + 4}" fill="#1f2328" font-size="12">'  # type: ignore[arg-type]
                       f'{_e(p.label)}</text>')
        out.append(f'<text x="{xs}%" y="{plot_top + plot_h + 22}" text-anchor="middle" fill="#1f2328">{_e(m.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- the pictures of a report, and their files beside the Markdown -----------------------------------------

#: the folder, beside the Markdown report, that holds its pictures
FOLDER = "figures"


def number_line_file(d: Dispute) -> str:
    return f"{_slug(d.name)}-{d.group.id}.svg"


def timeline_file(name: str, series: str) -> str:
    return f"timeline-{_slug(name)}-{series}.svg"


@dataclass(frozen=True, slots=True)
class Series:
    """A timeline: one count at several moments (``ReportView.timelines``)."""

    id: str
    name: str
    moments: tuple[Moment, ...]  # the groups with a stated moment, in moment order
    undated: tuple[Position, ...]  # figures of the same count with no stated moment
    undated_groups: tuple[str, ...] = ()  # the ids of their groups


def series_of(v: "ReportView") -> list[Series]:
    from .view import positions_of, quantity_name

    out = []
    for sid, groups in v.timelines():
        moments = tuple(Moment(g.scope.moment, tuple(positions_of(v, g).values())) for g in groups if g.scope.moment)
        undated = tuple(p for g in groups if not g.scope.moment for p in positions_of(v, g).values())
        out.append(Series(sid, quantity_name(groups[0]).split(" (at ")[0], moments, undated,
                          tuple(g.id for g in groups if not g.scope.moment)))
    return out


def timeline_of(s: Series, standalone: bool = False) -> str | None:
    return timeline(s.name, s.moments, f"tl-{s.id}", standalone)


def picture_files(report: "Report") -> dict[str, str]:
    """Every picture of the report as a standalone SVG: file name -> its text."""
    from .view import ReportView

    v = ReportView.of(report)
    files: dict[str, str] = {}
    for d in v.disputes():
        svg = number_line(d, standalone=True)
        if svg:
            files[number_line_file(d)] = svg
    for s in series_of(v):
        svg = timeline_of(s, standalone=True)
        if svg:
            files[timeline_file(s.name, s.id)] = svg
    return files


def remove_stale(folder: str | Path, keep: set[str]) -> None:
    """Remove the pictures an earlier run left in ``folder`` (claimrecon's names only)."""
    out = Path(folder)
    if out.is_dir():
        for old in out.glob("*.svg"):
            if old.name not in keep and _OURS.match(old.name):
                old.unlink(missing_ok=True)


def write_pictures(report: "Report", folder: str | Path) -> list[Path]:
    """Every picture of the report as a standalone SVG file in ``folder``; pictures left there by
    an earlier run (claimrecon's names only) are removed. Returns the files written."""
    from ..atomic import write_text

    files = picture_files(report)
    out = Path(folder)
    if files:
        out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in files.items():
        write_text(out / name, svg)
        written.append(out / name)
    remove_stale(out, set(files))
    return written


_OURS = re.compile(r"^(?:timeline-[a-z0-9-]*-s-[0-9a-f]{12}|[a-z0-9-]*-g-[0-9a-f]{12})\.svg$")
