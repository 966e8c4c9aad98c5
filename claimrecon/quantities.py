"""Physical units: what a claim's unit measures and how it converts to its dimension's base unit.

The table is ``rules/shared/quantities.tsv``. Its ``unit``, ``pint`` and ``dimension`` columns are
written by hand; ``base``, ``factor`` and ``offset`` are generated from pint's unit definitions
(``python -m claimrecon.quantities --write``), and a test regenerates them and fails on any
difference. Extraction and reconciliation read the table only: pint is needed to regenerate it,
never to read an article (importing pint and building its registry takes about a second).

Base units: SI (m, m², m³, kg, m/s, J, W) except where a documented unit reads better in news:
°C for temperature, the byte (B) for data.
"""

from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from .ruleset import DIMENSIONS, load_shared, rules_root

#: The base unit of each dimension: (symbol written on claims, pint expression).
BASE: dict[str, tuple[str, str]] = {
    "length": ("m", "meter"),
    "area": ("m²", "meter ** 2"),
    "volume": ("m³", "meter ** 3"),
    "mass": ("kg", "kilogram"),
    "speed": ("m/s", "meter / second"),
    "energy": ("J", "joule"),
    "power": ("W", "watt"),
    "data": ("B", "byte"),
    "temperature": ("°C", "degree_Celsius"),
}
assert set(BASE) == set(DIMENSIONS)


@dataclass(frozen=True, slots=True)
class Unit:
    """One physical unit: its dimension and how a value in it converts to the base unit."""

    symbol: str
    dimension: str
    base: str
    factor: float
    offset: float

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset


@functools.lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Every unit of ``shared/quantities.tsv`` by symbol."""
    rows = load_shared()["quantities.tsv"]
    return {r["unit"]: Unit(r["unit"], r["dimension"], r["base"], r["factor"], r["offset"]) for r in rows}


def unit(symbol: str | None) -> Unit | None:
    """The unit of a symbol ("km", "mph", "°F"), or None when it is no physical unit ("%", "USD")."""
    return units().get(symbol) if symbol else None


def to_base(value: float | None, symbol: str | None) -> float | None:
    """``value`` in ``symbol`` converted to its dimension's base unit (None when it is not physical)."""
    u = unit(symbol)
    if u is None or value is None:
        return None
    return u.to_base(value)


# --- generating the table from pint ---------------------------------------------------------------


def _conversion(ureg: object, expression: str, dimension: str) -> tuple[str, float, float]:
    """(base symbol, factor, offset) of a pint unit expression: base = value * factor + offset."""
    base_symbol, base_expr = BASE[dimension]
    q = ureg.Quantity  # type: ignore[attr-defined]
    zero = q(0.0, ureg.parse_units(expression)).to(ureg.parse_units(base_expr)).magnitude  # type: ignore[attr-defined]
    one = q(1.0, ureg.parse_units(expression)).to(ureg.parse_units(base_expr)).magnitude  # type: ignore[attr-defined]
    return base_symbol, float(f"{one - zero:.12g}"), float(f"{zero:.12g}")


def generated_lines(path: Path) -> list[str]:
    """The lines of ``quantities.tsv`` with base, factor and offset worked out by pint from the
    hand-written columns (the generated ones are ignored, so a new row may leave them empty)."""
    import pint

    ureg = pint.UnitRegistry()
    out, header = [], True
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#") or header:
            header = header and (not line.strip() or line.lstrip().startswith("#"))
            out.append(line)
            continue
        cells = line.split("\t")
        if len(cells) < 3 or cells[2] not in DIMENSIONS:
            raise SystemExit(f"shared/quantities.tsv:{lineno}: needs unit, pint and dimension (one of {', '.join(DIMENSIONS)})")
        symbol, expression, dimension = cells[:3]
        base, factor, offset = _conversion(ureg, expression, dimension)
        out.append("\t".join((symbol, expression, dimension, base, f"{factor:.12g}", f"{offset:.12g}")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fill in the base, factor and offset of rules/shared/quantities.tsv from pint.")
    ap.add_argument("--write", action="store_true", help="rewrite the file (else: print it)")
    args = ap.parse_args(argv)
    path = rules_root() / "shared" / "quantities.tsv"
    text = "\n".join(generated_lines(path)) + "\n"
    if args.write:
        path.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
