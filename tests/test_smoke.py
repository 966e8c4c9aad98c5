from __future__ import annotations

import json

from claimrecon.export.json_export import to_json, validate


def test_corpus_compare_runs_and_validates(corpus_report):
    data = json.loads(to_json(corpus_report))
    assert data["schema"] == "claimrecon/1"
    assert len(data["articles"]) == 5
    assert all(a["status"] == "ok" for a in data["articles"])
    assert validate(data) == []
