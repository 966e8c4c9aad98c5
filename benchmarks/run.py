"""claimrecon's speed, side by side with its floor and its peer, on one synthetic corpus.

    python benchmarks/run.py                  # 500 articles, about 2.5 MB
    python benchmarks/run.py --articles 2000  # bigger; --corpus DIR to reuse a generated one

Prints one table. Rows, all over the same generated articles (``benchmarks/synth.py``):

- the blank spaCy tokenizer over every article: the floor of any token-level pipeline;
- claimrecon's extraction (``extract_article`` on ingested articles, rules loaded, one core),
  once as a run goes (a sentence met in an earlier article is looked up, not read again) and
  once with every article alone (those caches emptied before each one);
- quantulum3 and claimrecon's extraction over the English articles (quantulum3 only reads
  English); quantulum3 is optional: ``pip install quantulum3``, the row says when it is missing;
- the whole ``claimrecon compare`` command with ``--jobs 1`` and ``--jobs 2``, start-up and
  reports included, with the peak resident memory of its largest process;
- ``reconcile`` over 100,000 and 1,000,000 claims, cloned from the corpus's own claims under
  new article ids, so groups and figures look like a real feed's.

Only public tools: ``time.perf_counter``, ``resource`` (``os.wait4``) and ``subprocess``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

Row = tuple[str, str, float | None, float, int, float | None, str]  # what, text, MB, seconds, articles, peak MB, note


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run_command(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak resident MB of the largest process, exit code) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def mb(n: int) -> float:
    return n / 1e6


def bench_extraction(corpus: Path, quantulum_articles: int) -> tuple[list[Row], list[Any], list[Any]]:
    """Tokenizer, extraction and quantulum3 rows; also the ingested articles and their claims."""
    import spacy

    from claimrecon.extract import clear_caches, extract_article, pipeline
    from claimrecon.ingest import ingest
    from claimrecon.ingest.language import detect_language

    detect_language("A warm-up sentence: langdetect loads its profiles once per process.")
    t_ingest, read = timed(lambda: list(ingest([str(corpus)])))
    articles = [a for a in read if a.status == "ok" and a.language]
    langs = sorted({a.language for a in articles if a.language})
    for lang in langs:
        pipeline(lang)  # rules compiled and spaCy loaded before timing: throughput, not start-up
    tokenizers = {lang: spacy.blank(lang).tokenizer for lang in langs}
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
    n = len(articles)

    t_tok, _ = timed(lambda: [tokenizers[a.language](a.text) for a in articles])
    # one pass, each article timed: extraction caches what it learnt of a sentence, so a second
    # pass over the same articles (for the English row) would be faster than a first one
    claims: list[Any] = []
    each: dict[str, float] = {}

    def extract_all() -> None:
        for a in articles:
            t0 = time.perf_counter()
            claims.extend(extract_article(a))
            each[a.id] = time.perf_counter() - t0

    t_ext, _ = timed(extract_all)

    # again, forgetting every sentence before each article: no help from sentences that other
    # articles share (the synthetic feed repeats many; a real feed repeats wire copy and bylines)
    alone: dict[str, float] = {}
    for a in articles:
        clear_caches()
        t0 = time.perf_counter()
        extract_article(a)
        alone[a.id] = time.perf_counter() - t0
    t_alone = sum(alone.values())
    rows: list[Row] = [
        ("claimrecon ingest", "all", mb(nbytes), t_ingest, n, None, "read, decode, clean, detect language, mark copies"),
        ("spaCy blank tokenizer (floor)", "all", mb(nbytes), t_tok, n, None, ""),
        ("claimrecon extraction", "all", mb(nbytes), t_ext, n, None, f"{t_tok / t_ext:.2f}x the tokenizer"),
        ("  each article alone", "all", mb(nbytes), t_alone, n, None,
         f"{t_tok / t_alone:.2f}x the tokenizer; sentence caches emptied before each article"),
    ]

    english = [a for a in articles if a.language == "en"][:quantulum_articles]
    en_bytes = sum(len(a.text.encode("utf-8")) for a in english)
    t_ext_en = sum(each[a.id] for a in english)  # from the pass above: cold, like quantulum3's
    t_alone_en = sum(alone[a.id] for a in english)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as q3

            q3.parse("warm-up: 3 hours and 500 people")
    except ImportError:
        rows.append(("quantulum3 (English part)", "en", None, 0.0, 0, None, "MISSING: not installed (pip install quantulum3)"))
    except Exception as e:  # noqa: BLE001 - a peer that cannot even start is reported, not fatal
        rows.append(("quantulum3 (English part)", "en", None, 0.0, 0, None, f"MISSING: cannot load ({type(e).__name__}: {e})"[:80]))
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t_q3, _ = timed(lambda: [q3.parse(a.text) for a in english])
        rows.append(("quantulum3 (English part)", "en", mb(en_bytes), t_q3, len(english), None, ""))
        rows.append(("claimrecon extraction (English part)", "en", mb(en_bytes), t_ext_en, len(english), None,
                     f"{t_q3 / t_ext_en:.1f}x quantulum3; each article alone: {t_q3 / t_alone_en:.1f}x"))
    return rows, articles, claims


def bench_compare(corpus: Path, nbytes: int, n: int, jobs_list: list[int]) -> list[Row]:
    rows: list[Row] = []
    exe = [sys.executable, "-m", "claimrecon", "compare", str(corpus)]
    with tempfile.TemporaryDirectory(prefix="claimrecon-bench-") as out:
        for jobs in jobs_list:
            wall, peak, code = run_command([*exe, "--out", out, "--jobs", str(jobs)])
            note = "whole command: start-up, ingest, extract, reconcile, reports" + ("" if code in (0, 1) else f"; EXIT {code}")
            rows.append((f"claimrecon compare --jobs {jobs}", "all", mb(nbytes), wall, n, peak, note))
    return rows


def clone_claims(articles: list[Any], claims: list[Any], total: int) -> tuple[list[Any], list[Any]]:
    """``total`` claims cloned from ``claims`` under new article ids (copy k of article a: ``a~k``)."""
    from claimrecon.records import Article

    out_claims: list[Any] = []
    out_articles: list[Any] = []
    copy = 0
    while len(out_claims) < total:
        for a in articles:
            out_articles.append(Article(f"{a.id}~{copy}", "ok", language=a.language, outlet=a.outlet))
        for c in claims:
            if len(out_claims) >= total:
                break
            out_claims.append(dataclasses.replace(c, id=f"{c.id}~{copy}", article=f"{c.article}~{copy}"))
        copy += 1
    return out_articles, out_claims


def bench_reconcile(articles: list[Any], claims: list[Any], sizes: list[int]) -> list[Row]:
    from claimrecon.reconcile import reconcile

    rows: list[Row] = []
    for size in sizes:
        arts, cs = clone_claims(articles, claims, size)
        secs, (groups, conflicts) = timed(lambda a=arts, c=cs: reconcile(a, c))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((f"reconcile {size:,} claims", "-", None, secs, 0, peak,
                     f"{len(groups):,} groups, {len(conflicts):,} conflicts listed"))
        del arts, cs, groups, conflicts
    return rows


def render(rows: list[Row]) -> str:
    head = f"{'what':<38} {'text':<4} {'MB':>7} {'seconds':>8} {'MB/s':>7} {'articles/s':>10} {'peak MB':>8}  note"
    lines = [head, "-" * len(head)]
    for what, text, size, secs, n, peak, note in rows:
        rate = f"{size / secs:7.3f}" if size and secs else f"{'':>7}"
        arts = f"{n / secs:10.1f}" if n and secs else f"{'':>10}"
        lines.append(
            f"{what:<38} {text:<4} {'' if size is None else f'{size:7.2f}':>7} {f'{secs:8.2f}' if secs else '':>8} {rate} {arts} "
            f"{'' if peak is None else f'{peak:8.0f}':>8}  {note}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark claimrecon against the spaCy tokenizer and quantulum3.")
    ap.add_argument("--articles", type=int, default=500, help="synthetic articles to generate (default 500)")
    ap.add_argument("--corpus", type=Path, help="use this folder of articles instead of generating one")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dense", action="store_true", help="generate the corpus without padding to the real articles' density")
    ap.add_argument("--quantulum-articles", type=int, default=100, help="English articles given to quantulum3 (default 100)")
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="--jobs values for the compare rows (default 1 2)")
    ap.add_argument("--claims", type=int, nargs="*", default=[100_000, 1_000_000], help="reconcile sizes")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="claimrecon-synth-") as tmp:
        corpus = args.corpus or Path(tmp)
        if args.corpus is None:
            synth.write_corpus(corpus, args.articles, args.seed, dense=args.dense)
        print(f"benchmarking on {corpus} ...", file=sys.stderr)
        rows, articles, claims = bench_extraction(corpus, args.quantulum_articles)
        nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
        by_lang = Counter(a.language for a in articles)
        rows += bench_compare(corpus, sum(f.stat().st_size for f in corpus.rglob("*") if f.is_file()), len(articles), args.jobs)
        rows += bench_reconcile(articles, claims, args.claims)

    print(f"claimrecon benchmark: {len(articles):,} synthetic articles, {mb(nbytes):.1f} MB of text "
          f"({', '.join(f'{k} {v}' for k, v in sorted(by_lang.items()))}), {len(claims):,} claims "
          f"({len(claims) / (nbytes / 1000):.1f} per kB); "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(render(rows))
    print("MB: normalized text (extraction rows) or files on disk (compare rows). peak MB: resident memory of the\n"
          "largest process of the command (compare rows) or of this benchmark so far, corpus included (reconcile rows).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
