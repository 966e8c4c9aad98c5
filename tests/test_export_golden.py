"""Exact-output tests: a small hand-built report rendered in every text format, byte for byte.

The report is built from records (no extraction), so these files change only when a renderer
changes. After an intended change, regenerate them and review the diff:

    CLAIMRECON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_export_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from claimrecon.export.claimreview import to_claimreview
from claimrecon.export.csv_export import to_csv
from claimrecon.export.html_export import to_html
from claimrecon.export.json_export import to_json
from claimrecon.export.markdown import to_markdown
from claimrecon.records import Article, Attribution, Claim, Conflict, Figure, Group, Report, Review, Scope

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
UPDATE = os.environ.get("CLAIMRECON_UPDATE_GOLDEN") == "1"

HOSTILE_ID = "evil |`x`| <b>.txt"
HOSTILE_SENTENCE = ("More than 500,000 <script>alert(1)</script> listeners | joined, "
                    "<img src=x onerror=alert(1)> said [x](javascript:alert(1)) and `rm -rf` *loudly*.")


def _claim(cid: str, article: str, lang: str, sentence: str, text: str, value: float | str | None, *,
           qualifier: str = "exact", measure: str | None = "passengers", gloss: str | None = None,
           kind: str = "count", at: int = 100, low: float | None = None, high: float | None = None,
           scope: Scope | None = None, source: str | None = None) -> Claim:
    start = at + sentence.index(text)
    return Claim(cid, article, lang, kind, value, None, low if low is not None else value if isinstance(value, float) else None,
                 high if high is not None else value if isinstance(value, float) else None, qualifier, 0.5, measure, text,
                 start, start + len(text), sentence, at, scope or Scope(), Attribution(source, source is not None, None),
                 gloss=gloss)


def desk_report() -> Report:
    """Three outlets in three languages on one ferry fire, one hostile article, one skipped file."""
    arts = (
        Article("ferry_en.txt", "ok", path="in/ferry_en.txt", sha256="a" * 64, format="text", encoding="utf-8",
                language="en", language_confidence=1.0, title="Fire on Baltic ferry", published="2027-02-10",
                outlet="Wire Service", url="https://wire.example/ferry", text="x" * 400),
        Article("ferry_es.txt", "ok", path="in/ferry_es.txt", sha256="b" * 64, format="text", encoding="utf-8",
                language="es", language_confidence=0.99, title="Incendio en el ferri", published="2027-02-10",
                outlet="Diario", text="x" * 300),
        Article("ferry_pl.txt", "ok", path="in/ferry_pl.txt", sha256="c" * 64, format="text", encoding="utf-8",
                language="pl", language_confidence=0.98, title="Pożar na promie", published="2027-02-10",
                outlet="Portal", text="x" * 300),
        Article(HOSTILE_ID, "ok", path="in/evil.txt", sha256="d" * 64, format="text", encoding="utf-8",
                language="en", language_confidence=0.9, title="<script>alert(1)</script> | title",
                outlet="[x](javascript:alert(1))", text="x" * 300),
        Article("scan.pdf", "skipped", reason="not a text file (application/pdf) | <b>skip</b>", path="in/scan.pdf"),
    )
    en_pax = "The ferry caught fire with 412 passengers and 38 crew on board, the coast guard said."
    es_pax = "El ferri, con 412 pasajeros y 38 tripulantes a bordo, se incendió el martes."
    pl_pax = "Na pokładzie promu było 415 pasażerów i 38 członków załogi."
    claims = (
        _claim("c-en-pax", "ferry_en.txt", "en", en_pax, "412", 412.0, gloss="412 passengers", source="the coast guard"),
        _claim("c-en-crew", "ferry_en.txt", "en", en_pax, "38", 38.0, measure="crew", gloss="38 crew"),
        _claim("c-en-hurt", "ferry_en.txt", "en", "Twenty-seven people were treated for smoke inhalation.",
               "Twenty-seven", 27.0, measure="treated", gloss="27 treated", at=200),
        _claim("c-es-pax", "ferry_es.txt", "es", es_pax, "412", 412.0, gloss="412 passengers"),
        _claim("c-es-crew", "ferry_es.txt", "es", es_pax, "38", 38.0, measure="crew", gloss="38 crew"),
        _claim("c-pl-pax", "ferry_pl.txt", "pl", pl_pax, "415", 415.0, gloss="415 passengers"),
        _claim("c-pl-crew", "ferry_pl.txt", "pl", pl_pax, "38", 38.0, measure="crew", gloss="38 crew"),
        _claim("c-pl-hurt", "ferry_pl.txt", "pl", "Pomocy udzielono ponad 30 osobom.", "ponad 30", 30.0,
               qualifier="more_than", measure="treated", gloss="more than 30 treated", low=30.0, high=None, at=150),
        _claim("c-pl-time", "ferry_pl.txt", "pl", "Prom zapalił się o 3:15 nad ranem.", "3:15 nad ranem", "03:15:00",
               kind="time", measure=None, gloss="03:15", at=50),
        _claim("c-evil-pax", HOSTILE_ID, "en", HOSTILE_SENTENCE, "More than 500,000", 500000.0, qualifier="more_than",
               gloss="more than 500,000 <b>passengers</b> | `x`", low=500000.0, high=None),
        _claim("c-en-1am", "ferry_en.txt", "en", "By 1 a.m. 300 passengers had been rescued.", "300", 300.0,
               measure="rescued", gloss="300 rescued", at=300, scope=Scope(moment="01:00")),
        _claim("c-pl-2am", "ferry_pl.txt", "pl", "Do 2:00 uratowano 400 osób.", "400", 400.0, measure="rescued",
               gloss="400 rescued", at=250, scope=Scope(moment="02:00")),
    )
    groups = (
        Group("g-pax", "count", "passengers", Scope(), ("c-en-pax", "c-es-pax", "c-pl-pax", "c-evil-pax"), "conflict", (
            Figure(412.0, "exact", ("c-en-pax", "c-es-pax"), ("ferry_en.txt", "ferry_es.txt"), ("en", "es")),
            Figure(415.0, "exact", ("c-pl-pax",), ("ferry_pl.txt",), ("pl",)),
            Figure(500000.0, "more_than", ("c-evil-pax",), (HOSTILE_ID,), ("en",)),
        )),
        Group("g-crew", "count", "crew", Scope(), ("c-en-crew", "c-es-crew", "c-pl-crew"), "agree", (
            Figure(38.0, "exact", ("c-en-crew", "c-es-crew", "c-pl-crew"), ("ferry_en.txt", "ferry_es.txt", "ferry_pl.txt"),
                   ("en", "es", "pl")),
        )),
        Group("g-hurt", "count", "treated", Scope(), ("c-en-hurt", "c-pl-hurt"), "conflict", (
            Figure(27.0, "exact", ("c-en-hurt",), ("ferry_en.txt",), ("en",)),
            Figure(30.0, "more_than", ("c-pl-hurt",), ("ferry_pl.txt",), ("pl",)),
        )),
        Group("g-r1", "count", "rescued", Scope(moment="01:00"), ("c-en-1am",), "single",
              (Figure(300.0, "exact", ("c-en-1am",), ("ferry_en.txt",), ("en",)),), series="s-rescued"),
        Group("g-r2", "count", "rescued", Scope(moment="02:00"), ("c-pl-2am",), "single",
              (Figure(400.0, "exact", ("c-pl-2am",), ("ferry_pl.txt",), ("pl",)),), series="s-rescued"),
    )
    conflicts = (
        Conflict("k-soft-hurt", "g-hurt", ("c-en-hurt", "c-pl-hurt"), "soft", 0.9,
                 "ferry_en.txt says 27 treated; ferry_pl.txt says more than 30 treated."),
        Conflict("k-hard-pl-en", "g-pax", ("c-en-pax", "c-pl-pax"), "hard", 0.8,
                 "ferry_en.txt says 412 passengers; ferry_pl.txt says 415 passengers; these cannot both be right."),
        Conflict("k-hard-evil", "g-pax", ("c-en-pax", "c-evil-pax"), "hard", 0.7,
                 "ferry_en.txt says 412; evil says more than 500,000 <script>alert(2)</script>.", review="dismissed",
                 review_note="not this ferry <img src=x onerror=alert(3)> | [y](javascript:alert(4))"),
    )
    reviews = (Review("k-hard-evil", "dismissed", "not this ferry <img src=x onerror=alert(3)> | [y](javascript:alert(4))",
                      "2027-02-11T09:00:00+00:00"),)
    return Report(arts, claims, groups, conflicts, reviews, "0.0.0-golden", "golden-rules")


RENDERERS: dict[str, Callable[[Report], str]] = {
    "desk.md": to_markdown,
    "desk.csv": to_csv,
    "desk.jsonld": lambda r: to_claimreview(r, "https://desk.example/ferry.html"),
    "desk.html": to_html,
    "desk.json": to_json,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str) -> None:
    got = RENDERERS[name](desk_report()).encode("utf-8")
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
    assert path.exists(), f"missing {path}: run CLAIMRECON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q {__file__}"
    assert got == path.read_bytes(), (
        f"{name} differs from its golden file; if the change is intended run "
        "CLAIMRECON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_export_golden.py and review the diff")


def test_golden_report_is_valid_json_export() -> None:
    import json

    from claimrecon.export.json_export import validate

    assert validate(json.loads(to_json(desk_report()))) == []
