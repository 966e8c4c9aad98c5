"""The ``claimrecon/1`` JSON export for fact-check desks (schema: ``schema.json`` beside this file)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..records import Report


def to_json(report: Report, with_text: bool = False) -> str:
    return json.dumps(report.to_dict(with_text=with_text), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema() -> dict[str, Any]:
    return json.loads(resources.files("claimrecon.export").joinpath("schema.json").read_text(encoding="utf-8"))


def validate(data: dict[str, Any]) -> list[str]:
    """Problems found by validating an export against the schema (empty when valid)."""
    from jsonschema import Draft202012Validator

    v = Draft202012Validator(schema())
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message}" for e in sorted(v.iter_errors(data), key=str)]
