"""Generate a synthetic multilingual corpus of N news articles for benchmarks.

Every article is rebuilt from the paragraphs of the repository's own articles (``corpus/`` and
``tests/data/dev/``) in one language: English, Spanish and Polish are mixed. Each copy has its
numbers scaled, its proper names swapped and its body paragraphs shuffled, so no two articles
are identical and the extractor sees realistic text at any size. Seeded: the same arguments
always give the same bytes.

Density: the dev articles are short and packed with figures (about 18 claims per kB against
about 3 in ``corpus/``), and the corpus has no Spanish prose. An article is therefore padded
with figure-free paragraphs (the corpus's own, and ``benchmarks/filler/<lang>.txt``, written
for this benchmark) whenever it holds more figures per kB than ``corpus/`` does, so that the
generated feed is about as dense as real articles. ``--dense`` turns the padding rule off.

    python benchmarks/synth.py /tmp/synth --articles 1000
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus", ROOT / "tests" / "data" / "dev"]
FILLER = Path(__file__).resolve().parent / "filler"
#: where the target density of figures comes from
REAL = ROOT / "corpus"

#: Share of each language in the generated corpus.
LANG_WEIGHTS = {"en": 0.5, "es": 0.25, "pl": 0.25}
#: Average article size in bytes (a 100,000-article corpus is about 500 MB).
TARGET_BYTES = 5000
#: Articles per sub-folder, so that no folder holds more than this many files.
PER_FOLDER = 1000

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:[,. \u00a0])\d{3})+(?![\d])|(?<![\w.,:])\d+(?![\d:])")
_NAME = re.compile(r"(?<=[a-z,;] )[A-ZÁÉÍÓÚÑŁŚŻŹĆ][a-ząćęłńóśźżáéíóúñ]{3,}")
_PL_MARKS = set("ąćęłńśźż")
_ES_MARKS = set("ñ¿¡") | {" el ", " los ", " de la ", " del "}


@dataclass(frozen=True, slots=True)
class Source:
    """One source article split into its parts."""

    lang: str
    head: tuple[str, ...]  # title and dateline lines, kept in front
    body: tuple[str, ...]  # paragraphs that may be shuffled and mixed


def guess_lang(text: str) -> str:
    """A crude language guess, enough to keep each synthetic article in one language."""
    low = text.lower()
    if sum(low.count(c) for c in _PL_MARKS) > 3:
        return "pl"
    if any(m in low for m in _ES_MARKS):
        return "es"
    return "en"


def load_sources() -> list[Source]:
    """The repository's articles, split into head lines and body paragraphs."""
    out: list[Source] = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            paras = [p.strip() for p in text.split("\n") if p.strip()]
            head = tuple(p for p in paras[:2] if len(p) < 120)
            body = tuple(paras[len(head):])
            if body:
                out.append(Source(guess_lang(text), head, body))
    return out


def load_filler() -> dict[str, list[str]]:
    """Figure-free paragraphs per language: the sources' own, then ``filler/<lang>.txt``."""
    out: dict[str, list[str]] = {}
    for s in load_sources():
        out.setdefault(s.lang, []).extend(p for p in s.body if not _NUMBER.search(p))
    for path in sorted(FILLER.glob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        out.setdefault(path.stem, []).extend(paras)
    return out


def real_density() -> float:
    """Figures (numerals) per byte in the real articles of ``corpus/``."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt")))
    return len(_NUMBER.findall(text)) / max(1, len(text))


def _perturb_number(m: re.Match[str], rng: random.Random) -> str:
    raw = m.group()
    digits = re.sub(r"\D", "", raw)
    if len(raw) == 4 and raw.startswith(("19", "20")):
        return raw  # a year: keep it, dates stay valid
    value = int(digits)
    if value < 2:
        return raw
    new = max(1, round(value * rng.choice((0.8, 0.9, 1.0, 1.0, 1.1, 1.25))))
    if not re.search(r"\D", raw):
        if value <= 59 and new > 59:
            new = value  # keep clock minutes and day numbers plausible
        return str(new)
    sep = re.search(r"\D", raw).group()  # type: ignore[union-attr]
    return f"{new:,}".replace(",", sep)


def perturb(text: str, rng: random.Random, names: list[str]) -> str:
    """Scale numbers and swap capitalised names mid-sentence."""
    text = _NUMBER.sub(lambda m: _perturb_number(m, rng), text)
    if names:
        swap = {n: rng.choice(names) for n in sorted(set(_NAME.findall(text))) if rng.random() < 0.3}  # sorted: same swaps whatever the hash seed
        if swap:
            text = _NAME.sub(lambda m: swap.get(m.group(), m.group()), text)
    return text


def articles(n: int, seed: int = 0, target_bytes: int = TARGET_BYTES, dense: bool = False) -> Iterator[tuple[str, str]]:
    """(language, text) of ``n`` synthetic articles, deterministic for a given seed."""
    sources = load_sources()
    filler = load_filler()
    density = real_density()
    by_lang: dict[str, list[Source]] = {}
    for s in sources:
        by_lang.setdefault(s.lang, []).append(s)
    langs = [l for l in LANG_WEIGHTS if l in by_lang]
    weights = [LANG_WEIGHTS[l] for l in langs]
    names = sorted({n for s in sources for p in s.body for n in _NAME.findall(p)})
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        lang = rng.choices(langs, weights)[0]
        pool = by_lang[lang]
        base = rng.choice(pool)
        paras = list(base.body)
        size = sum(len(p) for p in paras)
        figures = sum(len(_NUMBER.findall(p)) for p in paras)
        while size < target_bytes or (not dense and figures > density * size * 1.1 and filler.get(lang)):
            if not dense and figures > density * size and filler.get(lang):
                extra = rng.choice(filler[lang])  # too dense so far: pad with prose
            else:
                extra = rng.choice(rng.choice(pool).body)
                if dense and len(_NUMBER.findall(extra)) > 2 and rng.random() < 0.8:
                    continue
            paras.append(extra)
            size += len(extra) + 2
            figures += len(_NUMBER.findall(extra))
        rng.shuffle(paras)
        text = "\n\n".join([*base.head, *paras])
        yield lang, perturb(text, rng, names) + "\n"


def write_corpus(out: Path, n: int, seed: int = 0, target_bytes: int = TARGET_BYTES, dense: bool = False) -> int:
    """Write ``n`` articles under ``out`` (sub-folders of PER_FOLDER files); returns bytes written."""
    total = 0
    for i, (lang, text) in enumerate(articles(n, seed, target_bytes, dense)):
        folder = out / f"{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{i:07d}_{lang}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="Folder to write the articles to.")
    ap.add_argument("--articles", type=int, default=1000, help="How many articles (default 1000).")
    ap.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
    ap.add_argument("--bytes", type=int, default=TARGET_BYTES, help=f"Average article size (default {TARGET_BYTES}).")
    ap.add_argument("--dense", action="store_true", help="Do not pad towards the real articles' density of figures.")
    args = ap.parse_args(argv)
    total = write_corpus(args.out, args.articles, args.seed, args.bytes, args.dense)
    print(f"wrote {args.articles} articles, {total / 1e6:.1f} MB, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
