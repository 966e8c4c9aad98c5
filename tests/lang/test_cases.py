"""Every language's table of extraction cases (rules/<lang>/cases.tsv), one test per line.

A rules folder without a cases table fails, so no language lands untested.
"""

from __future__ import annotations

import math
import re

import pytest

from claimrecon.extract import extract
from claimrecon.ruleset import available_languages, read_table, rules_root

LANGS = available_languages()


def _cases():
    for lang in LANGS:
        path = rules_root() / lang / "cases.tsv"
        if not path.exists():
            continue
        rows, problems = read_table(path, f"{lang}/cases.tsv")
        assert not problems, problems
        for r in rows:
            yield pytest.param(lang, r, id=f"{lang}:{r.line}:{r['text'][:40]}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_a_cases_table(lang):
    path = rules_root() / lang / "cases.tsv"
    assert path.exists(), f"rules/{lang}/ has no cases.tsv: add the language's table of test cases"
    rows, problems = read_table(path, f"{lang}/cases.tsv")
    assert not problems
    assert len(rows) >= 20, f"rules/{lang}/cases.tsv has only {len(rows)} cases"


def _norm_time(v: str) -> str:
    return re.sub(r"(\d{2}:\d{2}):00", r"\1", v)


def _value_ok(kind: str, expected: str, got: object) -> bool:
    if kind in ("time", "date"):
        if not isinstance(got, str):
            return False
        g = _norm_time(got)
        return g == expected or g.endswith(expected) or (kind == "time" and re.fullmatch(r"\d{2}:\d{2}", expected) is not None and g[-5:] == expected) \
            or (kind == "time" and re.search(r"(?:T|^)(\d{2}:\d{2})", g) is not None and re.search(r"(?:T|^)(\d{2}:\d{2})", g).group(1) == expected)
    if got is None:
        return False
    return math.isclose(float(got), float(expected), rel_tol=1e-6, abs_tol=1e-9)


def _matches(row, c) -> list[str]:
    """Differences between the expected row and claim c (empty: it matches)."""
    diffs = []
    if c["kind"] != row["kind"]:
        return ["kind"]
    if row["value"] is not None and not _value_ok(row["kind"], row["value"], c["value"]):
        return ["value"]
    for col in ("unit", "qualifier", "measure"):
        exp = row[col]
        if exp is None:
            continue
        if (c[col] if exp != "null" else None) != (exp if exp != "null" else None) and not (exp == "null" and c[col] is None):
            diffs.append(f"{col}: expected {exp}, got {c[col]}")
    for col in ("low", "high"):
        exp = row[col]
        if exp is not None and (c[col] is None or not math.isclose(float(c[col]), float(exp), rel_tol=1e-6)):
            diffs.append(f"{col}: expected {exp}, got {c[col]}")
    for token in (row["note"] or "").split():
        if "=" not in token or token.startswith("published="):
            continue
    note = row["note"] or ""
    for key, val in re.findall(r"(scope\.\w+|source|quoted|change|dimension)=(.+?)(?=\s+\w[\w.]*=|$)", note):
        if key.startswith("scope."):
            got = c["scope"][key.split(".", 1)[1]]
            got = "null" if got is None else got  # "scope.subject=null": the claim has none
            got = str(got).lower() if isinstance(got, bool) else got  # "scope.increment=false"
        elif key == "source":
            got = c["attribution"]["source"]
        elif key in ("change", "dimension"):
            got = str(c[key]).lower()  # "none" when the claim has none
        else:
            got = str(c["attribution"]["quoted"]).lower()
        if got != val.strip():
            diffs.append(f"{key}: expected {val.strip()!r}, got {got!r}")
    return diffs


@pytest.mark.parametrize("lang,row", list(_cases()))
def test_case(lang, row):
    m = re.search(r"published=(\d{4}-\d{2}-\d{2})", row["note"] or "")
    claims = [c.to_dict() for c in extract(row["text"], lang, published=m.group(1) if m else None)]
    if row["kind"] == "none":
        assert claims == [], f"expected no claim, got {[(c['text'], c['kind'], c['value']) for c in claims]}"
        return
    best = None
    for c in claims:
        d = _matches(row, c)
        if d == []:
            return
        if d not in (["kind"], ["value"]):
            best = (c["text"], d)
    found = [(c["text"], c["kind"], c["value"], c["qualifier"], c["measure"]) for c in claims]
    pytest.fail(f"no claim matches; closest {best}; found {found}")
