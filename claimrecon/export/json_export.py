"""The ``claimrecon/1`` JSON export for fact-check desks (schema: ``schema.json`` beside this file)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from importlib import resources
from json.encoder import encode_basestring
from typing import Any

from ..records import Report


def to_json(report: Report, with_text: bool = False) -> str:
    """The report as ``claimrecon/1`` JSON text (article text only ``with_text``)."""
    return "".join(iter_json(report, with_text))


def iter_json(report: Report, with_text: bool = False, jobs: int = 1) -> Iterator[str]:
    """``to_json`` in pieces, one claim (article, group...) at a time: the same text, in bounded memory.

    With ``jobs`` > 1, the claims of a big report kept in a claim store are rendered by that
    many processes (``ClaimStore.rendered``): the same text, sooner.
    """
    doc = report.to_dict(with_text=with_text, lists=Stream)
    render = getattr(report.claims, "rendered", None)
    if jobs > 1 and render is not None and len(report.claims) >= PARALLEL_FROM:
        doc["claims"] = Rendered(lambda inner: render(inner, jobs))
    yield from encode(doc)
    yield "\n"


#: a report with fewer claims is rendered in this process: starting workers would cost more
PARALLEL_FROM = 50_000


class Stream:
    """A list that ``encode`` writes one item at a time (the items are iterated once). Its items
    have one shape: if the first holds no ``Stream``, none does (checked once, not per item)."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Rendered(Stream):
    """A list whose items come already rendered: ``render(inner)`` gives texts of consecutive
    items, each item as ``dumps(item, inner)`` gives it, several joined by ``"," + inner``."""

    __slots__ = ()

    def __init__(self, render: Callable[[str], Iterable[str]]) -> None:
        super().__init__(render)


def encode(value: Any, level: int = 0) -> Iterator[str]:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` in pieces, with each ``Stream`` written as
    a list. Dicts and lists that hold no ``Stream`` are written whole, by ``dumps``."""
    pad = "\n" + "  " * level
    if isinstance(value, Rendered):
        inner = pad + "  "
        sep = "["
        for text in value.items(inner):  # type: ignore[operator]
            if text:
                yield sep + inner + text
                sep = ","
        yield "[]" if sep == "[" else pad + "]"
    elif isinstance(value, Stream) or (isinstance(value, (list, tuple)) and _streams(value)):
        items = iter(value.items if isinstance(value, Stream) else value)
        first = next(items, _NONE)
        if first is _NONE:
            yield "[]"
            return
        inner = pad + "  "
        plain = isinstance(value, Stream) and not _streams(first)  # then no item needs looking into
        sep = "["
        for item in chain([first], items):
            if plain or not _streams(item):
                yield sep + inner + dumps(item, inner)
            else:
                yield sep + inner
                yield from encode(item, level + 1)
            sep = ","
        yield pad + "]"
    elif isinstance(value, dict) and _streams(value):
        sep = "{"
        for k, v in value.items():
            yield sep + pad + "  " + json.dumps(k, ensure_ascii=False) + ": "
            yield from encode(v, level + 1)
            sep = ","
        yield pad + "}"
    else:
        yield dumps(value, pad)


_NONE = object()
#: dict key -> its JSON and the separator after it: a report repeats a few dozen keys millions of times
_KEYS: dict[str, str] = {}


def render_rows(rows: list[bytes], inner: str) -> str:
    """Claims of the claim store (``data`` of its rows) as JSON list items at ``inner``, joined:
    run in a worker process by ``ClaimStore.rendered``."""
    from ..store import row_dict

    from ..records import exported

    return ("," + inner).join(dumps(exported(row_dict(data)), inner) for data in rows)


def dumps(value: Any, pad: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, its lines after the first indented as
    ``pad`` says (``"\n"`` plus the spaces): the same text, without the pure-Python encoder's
    generators (``json.dumps`` runs in C only without ``indent``)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + "  "
        parts = []
        append = parts.append
        for k, v in value.items():
            key = _KEYS.get(k) if type(k) is str else None
            if key is None:
                if type(k) is not str:
                    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", pad)  # keys json converts
                key = _KEYS[k] = encode_basestring(k) + ": "
            # the common cases first, inline: a str, None, a finite float
            t = type(v)
            if t is str:
                append(key + encode_basestring(v))
            elif v is None:
                append(key + "null")
            elif t is float and -math.inf < v < math.inf:
                append(key + float.__repr__(v))
            else:
                append(key + _scalar(v, inner))
        return "{" + inner + ("," + inner).join(parts) + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + "  "
        return "[" + inner + ("," + inner).join(_scalar(v, inner) for v in value) + pad + "]"
    return _scalar(value, pad)


def _scalar(v: Any, pad: str) -> str:
    # the tests and their order are json.encoder's
    if isinstance(v, str):
        return encode_basestring(v)  # type: ignore[no-any-return]
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return int.__repr__(v)
    if isinstance(v, float):
        if v != v:
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return float.__repr__(v)
    if isinstance(v, (list, tuple, dict)):
        return dumps(v, pad)
    return json.dumps(v)  # not JSON: raises json's TypeError


def _streams(value: Any) -> bool:
    """Whether a ``Stream`` is somewhere in ``value`` (in its dicts, lists and tuples)."""
    if isinstance(value, Stream):
        return True
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, (list, tuple)):
        return False
    for v in value:  # a loop, not any(): this runs for every claim
        if isinstance(v, (Stream, dict, list, tuple)) and _streams(v):
            return True
    return False


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
    from ..records import Article, Attribution, Claim, Conflict, Counted, Figure, Group, Match, Review, Scope, imported_kind

    def article(d: dict[str, Any]) -> Article:
        return Article(**{k: v for k, v in d.items() if k in Article.__dataclass_fields__})

    def claim(d: dict[str, Any]) -> Claim:
        fields = {k: v for k, v in d.items() if k in Claim.__dataclass_fields__}
        fields["scope"] = Scope(**d.get("scope") or {})
        fields["attribution"] = Attribution(**d.get("attribution") or {})
        counted = dict(d.get("counted") or {})
        counted["terms"] = tuple(counted.get("terms") or ())
        counted["weights"] = tuple(counted.get("weights") or ())
        fields["counted"] = Counted(**counted)
        fields["kind"] = imported_kind(fields["kind"], fields.get("dimension"))
        return Claim(**fields)

    def figure(d: dict[str, Any]) -> Figure:
        return Figure(d["value"], d["qualifier"], tuple(d["claims"]), tuple(d["articles"]), tuple(d["languages"]))

    def group(d: dict[str, Any]) -> Group:
        fields = {k: v for k, v in d.items() if k in Group.__dataclass_fields__}
        fields.update(scope=Scope(**d.get("scope") or {}), claims=tuple(d["claims"]),
                      figures=tuple(figure(f) for f in d.get("figures", ())))
        m = d.get("match")
        fields["match"] = Match(m["basis"], m["confidence"], tuple(m.get("evidence") or ())) if m else None
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
