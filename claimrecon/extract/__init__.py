"""Extract: one article's normalized text -> its numeric claims.

The pipeline per language is ``spacy.blank(lang)`` plus the rule component
``claimrecon_claims`` fed from ``rules/<lang>/``. A cheap pre-filter keeps spaCy off sentences
that hold no digit and no number word; the component reads the others token by token.
Knows nothing about other articles.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from ..records import Article, Attribution, Claim, Scope
from .context import _STOP, attribution_for, measure_for, scope_for
from .engine import Mention, extract_mentions, resolve_weekday
from .gloss import gloss
from .lexicon import Lexicon, lexicon, words_of
from .text import Sentence, inside, quote_spans, sentences

__all__ = ["extract", "extract_article", "pipeline"]

COMPONENT = "claimrecon_claims"


@functools.lru_cache(maxsize=None)
def pipeline(lang: str) -> Any:
    """``spacy.blank(lang)`` with the claimrecon rule component; cached per language."""
    from spacy.language import Language
    from spacy.util import get_lang_class

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"lang": "en"}, func=_make_component)
    lx = lexicon(lang)  # validate the rules before building anything
    nlp = get_lang_class(lang)()  # the tokenizer spacy.blank builds, without its config fill and validation
    nlp.add_pipe(COMPONENT, config={"lang": lx.lang})
    return nlp


def _make_component(nlp: Any, name: str, lang: str) -> "ClaimComponent":
    return ClaimComponent(lexicon(lang))


class ClaimComponent:
    """spaCy component: finds the claims of an article doc, sentence by sentence.

    ``doc.user_data["claimrecon"]`` carries the candidate sentences and the article's context;
    the result, a list of (sentence, claims) pairs, goes to ``doc.user_data["claimrecon_mentions"]``.
    A doc without that context (``nlp("some text")``) is read as one sentence.
    """

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx

    def __call__(self, doc: Any) -> Any:
        ctx = doc.user_data.get("claimrecon", {})
        text = ctx.get("text") or doc.text
        found: list[Found] = ctx.get("found") or _find(self.lx, [Sentence(0, len(text), text, 0, len(text))], ctx.get("published"))
        at = ctx.get("doc_starts") or [f.sentence.start for f in found]  # where each sentence is in the doc
        arr = doc.to_array(["IDX", "LENGTH", "IS_PUNCT"]) if len(doc) else None
        starts = arr[:, 0] if arr is not None else None
        dtext = ctx.get("doc_text") or text
        out = []
        for f, lo_at in zip(found, at):

            def toks(sent: Sentence = f.sentence, lo_at: int = lo_at) -> list[tuple[int, int, str, bool]]:
                """The sentence's tokens, offsets relative to the sentence."""
                if arr is None:
                    return []
                lo, hi = starts.searchsorted(lo_at), starts.searchsorted(lo_at + len(sent.text))
                return [(i - lo_at, i - lo_at + n, dtext[i : i + n], bool(p) or dtext[i : i + n] in _STOP)
                        for i, n, p in arr[lo:hi].tolist()]

            out.append((f.sentence, sentence_claims(self.lx, toks, dict(ctx, sentence=f.sentence, mentions=f.mentions, words=f.words))))
        doc.user_data["claimrecon_mentions"] = out
        return doc


class Found(NamedTuple):
    """A sentence that holds numeric mentions, with them and its words."""

    sentence: Sentence
    mentions: list[Mention]
    words: frozenset[str]


_DIGIT = re.compile(r"\d")


def _find(lx: Lexicon, sents: list[Sentence], published: str | None) -> list[Found]:
    """The sentences that hold a mention. Digits or a number word make a sentence a candidate
    (``Lexicon.candidate_gate``); only candidates are scanned for mentions."""
    out = []
    for sent in sents:
        words = words_of(sent.text)
        if _DIGIT.search(sent.text) is None and not lx.candidate_gate.open(words):
            continue
        mentions = extract_mentions(sent.text, lx, published, words)
        if mentions or (lx.weekday_gate.open(words) and lx.weekday_re.search(sent.text)):  # "on Tuesday" alone is a date
            out.append(Found(sent, mentions, words))
    return out


def _dateline(lx: Lexicon, sent: Sentence, mentions: list[Mention]) -> bool:
    """A line that is only a date (and maybe a place and weekday): page furniture, not a claim."""
    if sent.start != sent.paragraph_start or sent.end < sent.paragraph_end - 1:
        return False
    rest = sent.text
    for m in sorted((m for m in mentions if m.kind == "date"), key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end :]
    if rest == sent.text:
        return False
    rest = lx.weekday_re.sub("", rest)
    rest = re.sub(r"[\W\d_]+", " ", rest).strip()
    return len(rest.split()) <= 3 and all(w[:1].isupper() for w in rest.split())


def _time_value(h: int, mi: int, zone: str | None, date: str | None, lx: Lexicon, published: str | None = None) -> tuple[str, str | None]:
    """ISO clock time as written, with its UTC offset when the zone is stated. A zone that
    follows daylight saving needs a date: the stated one, else the publication date (the season
    is known even when the day is not; the date itself is then not claimed)."""
    tz = lx.zone_tz.get(zone.lower(), zone) if zone else None
    offset = ""
    when = date or (published[:10] if published else None)
    if tz and re.fullmatch(r"[+-]\d\d:\d\d", tz):
        offset = tz
    elif tz and tz != "local" and when:
        try:
            d = dt.date.fromisoformat(when)
            off = dt.datetime(d.year, d.month, d.day, h, mi, tzinfo=ZoneInfo(tz)).utcoffset()
            if off is not None:
                total = int(off.total_seconds() // 60)
                sign = "+" if total >= 0 else "-"
                offset = f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
        except Exception:  # an unknown zone name leaves the offset unknown, never guessed
            offset = ""
    clock = f"{h:02d}:{mi:02d}:00{offset}"
    return (f"{date}T{clock}" if date else clock), tz


def sentence_claims(lx: Lexicon, tokens: Callable[[], list[tuple[int, int, str, bool]]], ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims of one sentence as plain dicts (offsets relative to the sentence); ``toks`` are
    its tokens as (start, end, text, is punctuation), offsets relative to the sentence, from a
    callable so that sentences without a mention are never split into tokens."""
    sent: Sentence = ctx["sentence"]
    s: str = sent.text
    base = sent.start if sent else 0
    published: str | None = ctx.get("published")
    quotes: list[tuple[int, int]] = ctx.get("quotes", [])
    full_text: str | None = ctx.get("text")
    words: frozenset[str] = ctx.get("words") or words_of(s)
    mentions: list[Mention] = ctx["mentions"] if ctx.get("mentions") is not None else extract_mentions(s, lx, published, words)
    if sent is not None and _dateline(lx, sent, mentions):
        return []
    toks = tokens() if mentions else []
    weekday_date = None
    wm = lx.weekday_re.search(s) if lx.weekday_gate.open(words) else None
    if wm:
        weekday_date = resolve_weekday(lx.weekdays.get(wm.group().lower(), 0), published)
    explicit_date = next((m.value for m in mentions if m.kind == "date" and m.value), None)
    out: list[dict[str, Any]] = []
    anchors: list[tuple[int, str]] = []
    for men in mentions:
        measure = measure_for(lx, s, toks, men) if men.kind != "date" else None
        if men.kind == "count" and men.words_only and not men.extra.get("has_scale") and not men.extra.get("noun"):
            continue  # "one of them", "three times": a number word that counts nothing known
        if men.kind == "time":
            h, mi = men.hour_minute or (0, 0)
            date = explicit_date or weekday_date
            value, tz = _time_value(h, mi, men.zone, date, lx, published)
            men.value, men.zone, men.date = value, tz, date
            if measure is None and lx.anchor_re.search(s[max(0, men.start - 20) : men.start]):
                anchors.append((men.start, value[11:16] if "T" in value else value[:5]))
        scope = scope_for(lx, s, men) if men.kind != "date" else Scope()
        quoted = inside(quotes, base + men.core_start)
        attribution = attribution_for(lx, s, quoted, men.core_start)
        if quoted and attribution.source is None and full_text:
            attribution = _speaker_after_quote(lx, full_text, quotes, base + men.core_start) or attribution
        out.append({"men": men, "measure": measure, "scope": scope, "attribution": attribution})
    if anchors:
        for c in out:
            men = c["men"]
            if men.kind in ("count", "percent"):
                pos, moment = min(anchors, key=lambda a: abs(a[0] - men.start))
                sc: Scope = c["scope"]
                if sc.moment is None:  # a named moment ("at kickoff") stated in the clause wins
                    c["scope"] = Scope(moment, sc.aggregate, sc.period, sc.subevent, sc.subject)
    if wm and weekday_date and not any(m.kind == "date" for m in mentions) and not (sent and _dateline_words(lx, sent)):
        # "on Tuesday", "el martes", "we wtorek": a date once the publication date fixes the week
        men = Mention("date", wm.start(), wm.end(), wm.start(), wm.end(), weekday_date, date=weekday_date)
        out.append({"men": men, "measure": None, "scope": Scope(), "attribution": attribution_for(lx, s, inside(quotes, base + wm.start()))})
        out.sort(key=lambda c: (c["men"].start, c["men"].end))
    return out


def _dateline_words(lx: Lexicon, sent: Sentence) -> bool:
    """A line that is a weekday and a date, nothing else."""
    return sent.start == sent.paragraph_start and len(sent.text) < 45 and bool(re.search(r"\d{4}", sent.text))


def _speaker_after_quote(lx: Lexicon, text: str, quotes: list[tuple[int, int]], pos: int) -> Attribution | None:
    """The speaker named right after the quote that holds ``pos`` ("...,” Sacks said.")."""
    for a, b in quotes:
        if a <= pos < b:
            tail = text[b : b + 80].split("\n", 1)[0]
            tail = re.split(r"(?<=[.!?])\s", tail, maxsplit=1)[0]
            att = attribution_for(lx, tail, True, 0)
            if att.source:
                return att
    return None


def _claim_id(article_id: str, text_hash: str, start: int, end: int) -> str:
    """Stable across runs and unique in a report: the article's id (two copies of one text are
    two articles), its text (an edited text gets new ids) and the claim's offsets."""
    key = f"{article_id}\x00{text_hash}:{start}:{end}".encode("utf-8", "surrogatepass")
    return "c-" + hashlib.blake2b(key, digest_size=6).hexdigest()


def extract(text: str, lang: str, *, article_id: str = "-", published: str | None = None) -> list[Claim]:
    """The numeric claims of one normalized text in language ``lang``.

    >>> [c.value for c in extract("Ponad 500 000 użytkowników dołączyło.", "pl")]
    [500000.0]
    """
    lx = lexicon(lang)
    nlp = pipeline(lang)
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    claims: list[Claim] = []
    found = _find(lx, sentences(text, lx.abbreviations), published)
    if not found:
        return claims
    quotes = quote_spans(text)
    # one Doc per article, made of the sentences that hold a mention and nothing else: a sentence
    # is whole whitespace-separated chunks, so its tokens are the same as in the whole text
    doc_starts, pos = [], 0
    for f in found:
        doc_starts.append(pos)
        pos += len(f.sentence.text) + 1
    doc_text = " ".join(f.sentence.text for f in found)
    doc = nlp.make_doc(doc_text)
    doc.user_data["claimrecon"] = {"found": found, "doc_starts": doc_starts, "doc_text": doc_text, "published": published,
                                   "quotes": quotes, "text": text}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for sent, found in doc.user_data["claimrecon_mentions"]:
        for c in found:
            men: Mention = c["men"]
            start, end = sent.start + men.start, sent.start + men.end
            value = men.value
            if isinstance(value, float) and value.is_integer() and men.kind not in ("percent",):
                value = float(value)
            claims.append(
                Claim(
                    id=_claim_id(article_id, text_hash, start, end),
                    article=article_id,
                    lang=lang,
                    kind=men.kind,
                    value=value,
                    unit=men.unit,
                    low=men.low,
                    high=men.high,
                    qualifier=men.qualifier,
                    precision=men.precision,
                    measure=c["measure"],
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.text,
                    sentence_start=sent.start,
                    scope=c["scope"],
                    attribution=c["attribution"],
                    zone=men.zone,
                    date=men.date,
                    gloss=gloss(lx, men.kind, men.value, men.unit, men.qualifier, c["measure"], men.low, men.high, men.zone),
                )
            )
    return claims


def extract_article(article: Article) -> list[Claim]:
    """The claims of an ingested article (none unless its status is ``ok``)."""
    if article.status != "ok" or not article.language:
        return []
    return extract(article.text, article.language, article_id=article.id, published=article.published)
