"""Quality gate: the export of each annotated event scored against its gold file, compared with
pinned floors (tests/data/quality_floors.json) that may only go up."""

from __future__ import annotations

import json

import pytest

import claimrecon
from claimrecon.evaluate import score
from claimrecon.export.json_export import to_json

from .conftest import DATA, ROOT

FLOORS = json.loads((DATA / "quality_floors.json").read_text(encoding="utf-8"))
EVENTS = [k for k in FLOORS if not k.startswith("_")]


@pytest.fixture(scope="module", params=EVENTS)
def scored(request):
    floor = FLOORS[request.param]
    report = claimrecon.compare([str(ROOT / floor["path"])])
    export = json.loads(to_json(report))
    gold = json.loads((ROOT / floor["gold"]).read_text(encoding="utf-8"))
    return request.param, floor, score(gold, export)


def test_extraction_floor(scored):
    name, floor, s = scored
    assert s.extraction[0] >= floor["extraction"], f"{name}: missed {s.missed_claims}"
    assert s.extraction_stretch[0] >= floor["extraction_stretch"], f"{name}: missed {s.missed_claims}"


def test_conflict_floor(scored):
    name, floor, s = scored
    assert s.conflicts[0] >= floor["conflicts"], f"{name}: {s.pairs}"
    assert s.hard_severity[0] >= floor["hard_severity"], f"{name}: {s.pairs}"


def test_no_false_flags_beyond_floor(scored):
    name, floor, s = scored
    assert len(s.false_flags) <= floor["max_false_flags"], f"{name}: {s.false_flags}"
    assert s.precision >= floor["precision"]


def test_issue_acceptance_on_corpus():
    """The product's two named conflicts, with "about 500,000" vs "600,000" flagged hard."""
    report = claimrecon.compare([str(ROOT / "corpus")])
    s = score(json.loads((DATA / "gold" / "corpus.json").read_text(encoding="utf-8")), json.loads(to_json(report)))
    assert s.pairs["l2~l4"] == "hard"
    assert s.pairs["s1~s4"] in ("hard", "soft")
    assert s.extraction[0] >= 20 and s.precision >= 0.9


def test_evaluator_agrees_with_reference_scorer():
    """Our scorer prints what the evaluation kit's reference scorer printed for mutated exports."""
    gold = json.loads((DATA / "gold" / "corpus.json").read_text(encoding="utf-8"))
    cases = json.loads((DATA / "eval" / "agreement.json").read_text(encoding="utf-8"))
    assert len(cases) >= 10
    for case in cases:
        assert score(gold, case["export"]).line() == case["reference_line"]


def test_every_gold_is_in_the_form_the_scorers_read():
    # a gold the scorers cannot read hides claims whatever the tool does: a clock time written
    # "6:12" for "06:12" matched nothing in round 35 until it was given its zero; the pairs of a
    # quantity name its own claims, with a severity the scorers know (a pair within one article,
    # which some early golds list as "none", is read as agreement and harms nothing)
    import re

    bad = []
    for path in sorted(DATA.glob("**/gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for q in gold["quantities"]:
            claims = {c["id"]: c for c in q["claims"]}
            for c in q["claims"]:
                if c["kind"] == "time" and not re.fullmatch(r"\d\d:\d\d", str(c["value"])):
                    bad.append(f"{path.parent.name}: {c['id']} time {c['value']!r}")
                if c["kind"] == "money" and not c.get("unit"):
                    bad.append(f"{path.parent.name}: {c['id']} money with no unit")
            for pair, severity in q.get("pairs", {}).items():
                a, _, b = pair.partition("~")
                if a not in claims or b not in claims or severity not in ("hard", "flag", "soft_or_none", "none"):
                    bad.append(f"{path.parent.name}: pair {pair} {severity}")
    assert bad == []
