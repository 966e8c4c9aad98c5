"""The ``claimrecon/1`` JSON export for fact-check desks (schema: ``schema.json`` beside this file)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..records import Report


def to_json(report: Report, with_text: bool = False) -> str:
    """The report as ``claimrecon/1`` JSON text (article text only ``with_text``)."""
    return json.dumps(report.to_dict(with_text=with_text), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the ``claimrecon/1`` export, as shipped in the package."""
    data: dict[str, Any] = json.loads(resources.files("claimrecon.export").joinpath("schema.json").read_text(encoding="utf-8"))
    return data


def validate(data: dict[str, Any]) -> list[str]:
    """Problems found by validating an export against the schema (empty when valid)."""
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    v = Draft202012Validator(schema())
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message}" for e in sorted(v.iter_errors(data), key=str)]


def from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a Report from a ``claimrecon/1`` export, to render a saved report in another format.

    Article text is not part of an export unless it was written ``with_text``; no renderer needs it.
    """
    from ..records import Article, Attribution, Claim, Conflict, Figure, Group, Review, Scope

    def article(d: dict[str, Any]) -> Article:
        return Article(**{k: v for k, v in d.items() if k in Article.__dataclass_fields__})

    def claim(d: dict[str, Any]) -> Claim:
        fields = {k: v for k, v in d.items() if k in Claim.__dataclass_fields__}
        fields["scope"] = Scope(**d.get("scope") or {})
        fields["attribution"] = Attribution(**d.get("attribution") or {})
        return Claim(**fields)

    def figure(d: dict[str, Any]) -> Figure:
        return Figure(d["value"], d["qualifier"], tuple(d["claims"]), tuple(d["articles"]), tuple(d["languages"]))

    def group(d: dict[str, Any]) -> Group:
        fields = {k: v for k, v in d.items() if k in Group.__dataclass_fields__}
        fields.update(scope=Scope(**d.get("scope") or {}), claims=tuple(d["claims"]),
                      figures=tuple(figure(f) for f in d.get("figures", ())))
        return Group(**fields)

    def conflict(d: dict[str, Any]) -> Conflict:
        fields = {k: v for k, v in d.items() if k in Conflict.__dataclass_fields__}
        fields["claims"] = tuple(d["claims"])
        return Conflict(**fields)

    return Report(
        tuple(article(a) for a in data["articles"]),
        tuple(claim(c) for c in data["claims"]),
        tuple(group(g) for g in data["groups"]),
        tuple(conflict(k) for k in data["conflicts"]),
        tuple(Review(**r) for r in data.get("reviews", ())),
        data.get("version", ""),
        data.get("rules_digest", ""),
    )
