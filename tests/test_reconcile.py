"""Reconciliation: interval verdicts, what is never a conflict, determinism, reviews."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys

import pytest

import claimrecon
from claimrecon.export.json_export import to_json
from claimrecon.export.markdown import to_markdown
from claimrecon.extract import extract
from claimrecon.reconcile import reconcile
from claimrecon.reconcile.review import load_reviews, save_review
from claimrecon.records import Article

from .conftest import CORPUS, ROOT


def _run(*texts: tuple[str, str, str], published: str | None = None):
    """Reconcile one claim-bearing text per article: (article id, language, text)."""
    arts, claims = [], []
    for aid, lang, text in texts:
        arts.append(Article(aid, "ok", language=lang, text=text, published=published))
        claims += extract(text, lang, article_id=aid, published=published)
    groups, conflicts = reconcile(arts, claims)
    return claims, groups, conflicts


def _severities(conflicts):
    return sorted(k.severity for k in conflicts)


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("About 500,000 people were trying to listen in.", "600,000 people were listening.", ["hard"]),
        ("More than 500,000 users took part.", "600,000 people were listening.", ["soft"]),
        ("More than 500,000 users took part.", "About 500,000 people listened.", []),
        ("About 75% of the staff were fired.", "About 80% of the employees were laid off.", ["soft"]),
        ("Musk's more than 140 million followers.", "An account with over 100 million followers.", ["soft"]),
        ("Unions want an 8% pay rise.", "Unions want a 10% pay rise.", ["hard"]),
        ("The rescue lasted more than four hours.", "The rescue lasted about three hours.", ["hard"]),
        ("The canal reopened shortly after 9am.", "The canal reopened at 9.20am.", ["soft"]),
        ("The canal reopened at 9am.", "The canal reopened at 9.40am.", ["hard"]),
        ("The canal reopened shortly after 9am.", "The canal reopened at 8.35am.", ["hard"]),
        ("The canal reopened shortly before 9am.", "The canal reopened at 8.50am.", ["soft"]),
        ("The canal reopened shortly before 9am.", "The canal reopened at 9.25am.", ["hard"]),
        ("Hundreds of thousands of users listened.", "600,000 people were listening.", []),
        # bounds on a figure's two sides leave no value between them; bounds on one side agree
        ("The rescue lasted more than eight hours.", "The rescue lasted nearly eight hours.", ["soft"]),
        ("The rescue lasted at least eight hours.", "The rescue lasted almost eight hours.", ["soft"]),
        ("The rescue lasted more than eight hours.", "The rescue lasted eight hours.", []),
        ("The rescue lasted more than eight hours.", "The rescue lasted over eight hours.", []),
        ("The rescue lasted nearly eight hours.", "The rescue lasted eight hours.", []),
        # a month counts 30 days, a year 365, and a span of the calendar is not a day count
        ("The ban lasted six months.", "The ban lasted 180 days.", []),
        ("The ban lasted 24 months.", "The ban lasted two years.", []),
        ("The ban lasted 18 months.", "The ban lasted 24 months.", ["hard"]),
        ("The lease runs 99 years.", "The lease runs 100 years.", ["soft"]),
        # a clock on the hour is said for a quarter of an hour either side, one on five minutes for two
        ("The fire was under control at 2 a.m.", "The fire was under control at 2:15 a.m.", ["soft"]),
        ("The fire was under control at 2 a.m.", "The fire was under control at 2:20 a.m.", ["hard"]),
        ("Trading began at 12:40 p.m.", "Trading began at 12:41 p.m.", ["soft"]),
        ("Trading began at 12:43 p.m.", "Trading began at 12:44 p.m.", ["hard"]),
    ],
)
def test_interval_verdicts(a, b, expected):
    _, _, conflicts = _run(("a.txt", "en", a), ("b.txt", "en", b))
    assert _severities(conflicts) == expected


def test_cross_language_same_quantity():
    _, groups, conflicts = _run(
        ("en.txt", "en", "About 500,000 people were trying to listen in."),
        ("pl.txt", "pl", "Ponad 600 000 użytkowników słuchało transmisji."),
        ("es.txt", "es", "Unos 500.000 oyentes se conectaron."),
    )
    listeners = [g for g in groups if g.measure == "listeners"]
    assert len(listeners) == 1 and len(listeners[0].claims) == 3
    # "more than 600,000" cannot meet "about 500,000" (at most 550,000) in either language
    assert _severities(conflicts) == ["hard", "hard"]
    assert {frozenset(k.claims) for k in conflicts} and all(any(c.startswith("c-") for c in k.claims) for k in conflicts)


def test_times_compare_as_instants():
    _, _, conflicts = _run(
        ("a.txt", "en", "The event was scheduled for 6 p.m. New York time."),
        ("b.txt", "en", "The stream, scheduled to start at 6 p.m. Eastern, crashed."),
        published="2023-05-24",
    )
    assert conflicts == ()
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The match was scheduled to start at 20:45 CET."),
        ("b.txt", "en", "The match was scheduled to start at 2:45 p.m. ET."),
        published="2027-01-18",
    )
    assert conflicts == () and any(g.verdict == "agree" for g in groups)
    _, _, conflicts = _run(
        ("a.txt", "en", "The match was scheduled to start at 20:45 CET."),
        ("b.txt", "en", "The match was scheduled to start at 4:45 p.m. ET."),
        published="2027-01-18",
    )
    assert _severities(conflicts) == ["hard"]


def test_times_of_two_days_in_two_zones_compare_as_instants():
    """Midnight in one zone between two clock times of one moment: "8:10 p.m. ET on Saturday" is
    01:10 GMT on Sunday, so "3:10 a.m. CET on Sunday" (02:10 GMT) is an hour off and "2:10 a.m.
    CET on Sunday" agrees; two times of one zone on two days are two moments, even when its clocks
    changed between them."""
    _, _, conflicts = _run(
        ("a.txt", "en", "The avalanche struck at 8:10 p.m. ET on Saturday."),
        ("b.txt", "en", "The avalanche struck at 3:10 a.m. CET on Sunday."),
        published="2027-01-18",
    )
    assert _severities(conflicts) == ["hard"]
    _, groups, conflicts = _run(
        ("a.txt", "en", "The avalanche struck at 8:10 p.m. ET on Saturday."),
        ("b.txt", "en", "The avalanche struck at 2:10 a.m. CET on Sunday."),
        published="2027-01-18",
    )
    assert conflicts == () and any(g.verdict == "agree" for g in groups)
    _, _, conflicts = _run(
        ("a.txt", "en", "The avalanche struck at 11 p.m. CET on Saturday."),
        ("b.txt", "en", "The avalanche struck at 1 a.m. CET on Sunday."),
        published="2027-01-18",
    )
    assert conflicts == ()
    # ... nor on the night one zone's clocks change (a red-team review's case)
    _, _, conflicts = _run(
        ("a.txt", "en", "The fire at the Warsaw depot broke out at 11.30pm Polish time on Saturday."),
        ("b.txt", "en", "The fire at the Warsaw depot broke out at 3am Polish time on Sunday."),
        published="2026-03-30",
    )
    assert conflicts == ()


def test_implied_zone_is_never_flagged_against_a_stated_one():
    _, _, conflicts = _run(
        ("en.txt", "en", "The walkout began at 5 a.m. GMT."),
        ("es.txt", "es", "El paro comenzó a las 7:00."),
        published="2027-01-19",
    )
    assert conflicts == ()


@pytest.mark.parametrize("lang, text, zone", [
    ("en", "The ferry sank at 5:20 a.m. on Tuesday (0320 GMT) off the coast.", "local+02:00"),
    ("en", "The slide struck at 3:40 a.m. Sunday (0840 GMT) above the village.", "local-05:00"),
    ("es", "El incendio comenzó a las 9.10 del domingo (7.10 GMT) en un pinar.", "local+02:00"),
    ("pl", "Pożar wybuchł o 4.25 w sobotę (2.25 GMT) w hali magazynowej.", "local+02:00"),
    # another word than the weekday the time is of may lead to another moment: no restatement
    ("en", "The curfew starts at 10 p.m. until dawn (0400 GMT) every night.", None),
    ("en", "Rescuers arrived at 6 a.m. after midnight (0100 GMT) calls.", None),
    ("es", "El toque de queda empieza a las 22.00 hasta mañana (5.00 GMT) cada noche.", None),
    ("pl", "Sklepy otwarto o 9.00 i zamknięto (o 15.00 GMT) w całym mieście.", None),
    ("en", "The curfew runs from 10 p.m. to Sunday (0400 GMT) in the city.", None),
    ("es", "El toque de queda va desde las 22.00 al domingo (5.00 GMT) en la ciudad.", None),
])
def test_a_clock_restated_after_its_weekday_gets_the_offset_of_its_restatement(lang, text, zone):
    first = next(c for c in extract(text, lang, published="2025-03-10") if c.kind == "time")
    assert first.zone == zone


def test_a_local_clock_restated_in_another_zone_reads_the_implied_clocks_of_its_moment():
    """"11:42 a.m. (1042 GMT)" is one figure on the local clock at UTC+01:00: the Polish "12:42",
    whose zone is implied, is read on that clock and is an hour off every other report, the
    stated "10.42am UK time" included, and the reason says how it was read."""
    arts = (("wire.txt", "en", "The avalanche broke away at 11:42 a.m. (1042 GMT) below the peak."),
            ("pl.txt", "pl", "Lawina zeszła o godz. 12:42 na stromym stoku."),
            ("tab.txt", "en", "The avalanche broke away at 10.42am UK time below the peak."))
    claims, groups, conflicts = _run(*arts, published="2025-02-08")
    text = {c.id: c.text for c in claims}
    assert [g for g in groups if g.kind == "time" and len(g.claims) == 4]
    assert sorted(tuple(sorted(text[c] for c in k.claims)) for k in conflicts) == [
        ("10.42am UK time", "12:42"), ("1042 GMT)", "12:42"), ("11:42 a.m.", "12:42")]
    assert all(k.severity == "hard" and "read on the local clock of this moment (UTC+01:00)" in k.reason for k in conflicts)
    # without the restatement no clock is known: the implied "12:42" meets only the other implied time
    claims, _, conflicts = _run(("wire.txt", "en", "The avalanche broke away at 11:42 a.m. below the peak."), *arts[1:], published="2025-02-08")
    text = {c.id: c.text for c in claims}
    assert [sorted(text[c] for c in k.claims) for k in conflicts] == [["11:42 a.m.", "12:42"]]
    assert "read on the local clock" not in conflicts[0].reason


def test_an_implied_time_abroad_may_be_on_the_outlets_home_clock():
    """A Polish outlet's "15:40" of a fire in London in June may be Warsaw's 15:40, the instant
    the wire gives as 1340 GMT: it is flagged only when neither reading agrees ("17:40"). The
    rule's data: ``rules/pl/time.tsv``, type "home"."""
    wire = ("wire.txt", "en", "The fire broke out at 2:40 p.m. (1340 GMT) in a tower block in west London.")
    claims, groups, conflicts = _run(wire, ("pl.txt", "pl", "Pożar wybuchł o godz. 15:40 w bloku w zachodnim Londynie."),
                                     published="2025-06-12")
    assert [g for g in groups if g.kind == "time" and len(g.claims) == 3]
    assert conflicts == ()
    claims, _, conflicts = _run(wire, ("pl.txt", "pl", "Pożar wybuchł o godz. 17:40 w bloku w zachodnim Londynie."),
                                published="2025-06-12")
    text = {c.id: c.text for c in claims}
    assert sorted(tuple(sorted(text[c] for c in k.claims)) for k in conflicts) == [("1340 GMT)", "17:40"), ("17:40", "2:40 p.m.")]
    assert _severities(conflicts) == ["hard", "hard"]
    # a time said to be the local one ("czasu lokalnego") is read on the event's clock alone
    _, _, conflicts = _run(wire, ("pl.txt", "pl", "Pożar wybuchł o godz. 15:40 czasu lokalnego w bloku w zachodnim Londynie."),
                           published="2025-06-12")
    assert _severities(conflicts) == ["hard", "hard"]
    # English has no home clock: an implied "3:40 p.m." of the wire's event is an hour off
    _, _, conflicts = _run(wire, ("tab.txt", "en", "The fire broke out at 3:40 p.m. in a tower block in west London."),
                           published="2025-06-12")
    assert _severities(conflicts) == ["hard", "hard"]


def test_two_zones_a_fixed_gap_apart_compare_without_a_date():
    """"4:37 p.m. Swedish time" and "15:37 hora peninsular" with no date: Stockholm and Madrid keep
    one clock in every season, so the two are an hour apart; GMT against Madrid depends on the
    season, so with no date it is not judged."""
    se = ("se.txt", "en", "The solar storm peaked at 4:37 p.m. Swedish time, the institute said.")
    claims, groups, conflicts = _run(se, ("es.txt", "es", "La tormenta solar alcanzó su máximo a las 15:37 hora peninsular, según el instituto."))
    assert _severities(conflicts) == ["hard"]
    _, _, conflicts = _run(se, ("es.txt", "es", "La tormenta solar alcanzó su máximo a las 16:37 hora peninsular, según el instituto."))
    assert conflicts == ()
    _, _, conflicts = _run(("gmt.txt", "en", "The solar storm peaked at 1437 GMT, the institute said."),
                           ("es.txt", "es", "La tormenta solar alcanzó su máximo a las 17:37 hora peninsular, según el instituto."))
    assert conflicts == ()


def test_a_hedged_clock_time_is_named_as_one_in_the_reason():
    _, _, conflicts = _run(("a.txt", "en", "The canal reopened shortly after 9am."), ("b.txt", "en", "The canal reopened at 9.10am."))
    assert [k.severity for k in conflicts] == ["soft"]
    assert "'shortly after'" in conflicts[0].reason and "more than" not in conflicts[0].reason


def test_a_tenfold_slip_joins_a_quantity_whose_other_figures_are_near_the_one_it_slipped_from():
    """"25.000 agentes" is ten times "around 2,500 officers" (a slip) and 12.5 times "more than
    2,000": the second is close to the first, so the slip still joins the quantity and is flagged."""
    claims, groups, conflicts = _run(
        ("es.txt", "es", "Para el partido se desplegaron 25.000 agentes de policía en Varsovia."),
        ("en.txt", "en", "Around 2,500 police officers were deployed in Warsaw for the match."),
        ("wire.txt", "en", "More than 2,000 police officers were deployed in Warsaw for the match."),
    )
    text = {c.id: c.text for c in claims}
    assert [sorted(text[x] for x in g.claims) for g in groups] == [["25.000", "Around 2,500", "More than 2,000"]]
    assert [sorted(text[x] for x in k.claims) for k in conflicts if k.severity == "hard"] == [["25.000", "Around 2,500"]]


def test_the_whole_a_part_is_of_meets_the_other_whole_not_the_part():
    """"1,180 of the roughly 1,400 flights": 1,400 is the whole the part is of, read with the
    other article's daily flights, not with its cancelled ones."""
    claims, _, conflicts = _run(
        ("en.txt", "en", "The airline cancelled 1,180 of the roughly 1,400 flights it operates each day."),
        ("es.txt", "es", "La aerolínea, que opera unos 1.500 vuelos al día, canceló 1.210 vuelos."),
    )
    text = {c.id: c.text for c in claims}
    assert next(c for c in claims if c.text == "roughly 1,400").scope.part == "whole"
    assert [sorted(text[c] for c in k.claims) for k in conflicts] == [["roughly 1,400", "unos 1.500"]]


def test_amounts_in_two_currencies_of_one_quantity_are_judged_at_rough_rates():
    """When one quantity holds amounts in two currencies (matched through a figure given in both),
    £6.1m and €7m agree at rough rates, 20 mln zł stands about 1.5 times apart from both (a soft
    flag), and 20 bln zł twenty times or more (hard); closer calls are judged only 15% apart
    (``test_amounts_15_percent_apart_in_steady_currencies_are_a_soft_flag``)."""
    from claimrecon.reconcile.intervals import verdict
    gbp, eur, pln, bln, near = (extract(t, lang)[0] for t, lang in (
        ("The fine was £6.1m.", "en"), ("La multa fue de 7 millones de euros.", "es"), ("Kara wyniosła 20 mln zł.", "pl"),
        ("Kara wyniosła 20 mld zł.", "pl"), ("Kara wyniosła 27 mln zł.", "pl")))
    assert [verdict(gbp, eur), verdict(gbp, pln), verdict(eur, pln), verdict(gbp, bln), verdict(gbp, near)] == [None, "soft", "soft", "hard", None]


def test_amounts_15_percent_apart_in_steady_currencies_are_a_soft_flag():
    """With no rate from the run's own articles, two amounts of steady currencies in articles of
    the years the rough rates stand for, 15% or more apart at rough rates, bounds included,
    are a soft flag ("about" read as rounding: a conversion is hedged for its rate); not closer,
    not past a one-sided hedge that covers the gap, not for a currency whose rate swings
    (``rules/shared/exchange.tsv``, steady), and not in articles of other years."""
    from claimrecon.reconcile.intervals import bounds_apart, verdict

    def one(text: str, lang: str) -> Claim:
        return next(c for c in extract(text, lang) if c.kind == "money")

    eur = one("The loss came to €4.8 million.", "en")
    usd_off = one("The loss came to about $6.6 million.", "en")  # about 1.27 times €4.8m at rough rates
    usd_near = one("The loss came to about $5.6 million.", "en")  # about 1.08 times
    usd_edge = one("The loss came to $6.3 million.", "en")  # 1.215 times as written, 1.19 from bound to bound
    usd_close = one("The loss came to $5.9 million.", "en")  # 1.14 times as written, 1.12 from bound to bound
    pln_off = one("Strata wyniosła 27 mln zł.", "pl")  # about 1.3 times €4.8m, the zlotys the larger
    pln_open = one("Strata wyniosła co najmniej 15 mln zł.", "pl")  # "at least": may reach €4.8m
    try_off = one("La pérdida fue de 230 millones de liras turcas.", "es")
    assert [verdict(eur, x, rough=True) for x in (usd_off, usd_near, usd_edge, usd_close, pln_off, pln_open)] == \
        ["soft", None, "soft", None, "soft", None]
    assert verdict(usd_off, eur, rough=True) == "soft" and bounds_apart(eur, pln_off) == bounds_apart(pln_off, eur)
    assert try_off.unit == "TRY" and verdict(eur, try_off, rough=True) is None  # 1.4 times apart, but the lira swings
    assert verdict(eur, usd_off) is None  # articles of other years: the rough rates say nothing this close
    _, _, conflicts = _run(
        ("a.txt", "en", "Analysts put the producer's loss from the recall at €4.8 million."),
        ("b.txt", "en", "Analysts put the producer's loss from the recall at about $6.6 million."),
        published="2025-05-02")
    assert [k.severity for k in conflicts] == ["soft"]
    assert re.search(r"at rough exchange rates one amount is about \d\d% more than the other", conflicts[0].reason)
    _, _, conflicts = _run(
        ("a.txt", "en", "Analysts put the producer's loss from the recall at €4.8 million."),
        ("b.txt", "en", "Analysts put the producer's loss from the recall at about $6.6 million."),
        published="2019-05-02")
    assert conflicts == ()


def test_the_rough_rate_close_call_is_judged_pair_by_pair():
    """Whether the rough rates judge a close call depends on the pair's two articles, not on the
    others of the group: an undated or older third article saying the same amount hides nothing,
    and it is not itself flagged; a copy takes its original's date, a wire dateline the run's year."""
    def conflicts_with(third: Article, text: str = "") -> list[tuple[str, str]]:
        arts = [Article("a.txt", "ok", language="en", text="The producer's loss from the recall came to €4.8 million.",
                        published="2025-05-02"),
                Article("b.txt", "ok", language="en", text="The producer's loss from the recall came to about $6.6 million.",
                        published="2025-05-02"), third]
        claims = [c for a in arts for c in extract(a.text, "en", article_id=a.id, published=a.published)]
        _, conflicts = reconcile(arts, claims)
        where = {c.id: c.article for c in claims}
        return sorted(tuple(sorted(where[x] for x in k.claims)) for k in conflicts)  # type: ignore[misc]

    loss = "The producer's loss from the recall came to €4.8 million."
    assert conflicts_with(Article("c.txt", "ok", language="en", text=loss)) == [("a.txt", "b.txt")]
    assert conflicts_with(Article("c.txt", "ok", language="en", text=loss, published="2019-05-02")) == [("a.txt", "b.txt")]
    copy = Article("c.txt", "ok", language="en", text=loss, duplicate_of="a.txt")
    assert conflicts_with(copy) == [("a.txt", "b.txt"), ("b.txt", "c.txt")]
    wire = Article("c.txt", "ok", language="en", text=loss, dateline_day="05-03")
    assert conflicts_with(wire) == [("a.txt", "b.txt"), ("b.txt", "c.txt")]


def test_about_on_a_conversion_allows_a_twentieth_at_the_runs_rate():
    """At the rate the run's own articles use (here 0.85 pounds to the euro, from "€40 (£34)"),
    "about £38" for €40 is a conversion 12% off: flagged (soft), where the +/-10% "about" gives a
    count would have let it pass; "about £36" stands within a twentieth of £34 and agrees."""
    def pairs(hedged: str) -> list[tuple[str, str, str]]:
        claims, _, conflicts = _run(
            ("a.txt", "en", "A seat at the final costs €40 (£34), the organisers said."),
            ("b.txt", "en", f"A seat at the final costs {hedged}, the organisers said."),
            ("c.txt", "es", "Una entrada para la final cuesta 40 euros, según los organizadores."),
            published="2025-05-02")
        text = {c.id: c.text for c in claims}
        return sorted((text[k.claims[0]], text[k.claims[1]], k.severity) for k in conflicts)

    # (the two amounts in pounds differ within the hedge: soft, as for any one currency)
    assert pairs("about £38") == [("about £38", "40 euros", "soft"), ("£34", "about £38", "soft"), ("€40", "about £38", "soft")]
    assert pairs("about £36") == [("£34", "about £36", "soft")]


def test_moments_totals_and_last_year_are_not_conflicts():
    _, groups, conflicts = _run(
        ("a.txt", "en", "As of 6:37 p.m., the event had about 200,000 listeners."),
        ("b.txt", "en", "As of 7 p.m. Eastern, with about 280,000 listeners, it was working."),
        ("c.txt", "en", "It already accumulates 2.6 million connected users."),
        ("d.txt", "en", "More than 500,000 users took part in the event."),
        ("e.txt", "en", "A similar event last year drew 900,000 listeners."),
    )
    assert conflicts == ()
    series = {g.series for g in groups if g.scope.moment}
    assert len(series) == 1 and None not in series, "the two moments form one timeline"


def test_same_article_and_duplicates_never_flag_each_other():
    text = "About 500,000 people were trying to listen in. Later 600,000 people were listening."
    arts = [Article("a.txt", "ok", language="en", text=text), Article("b.txt", "ok", language="en", text=text, duplicate_of="a.txt")]
    claims = extract(text, "en", article_id="a.txt") + extract(text, "en", article_id="b.txt")
    groups, conflicts = reconcile(arts, claims)
    assert conflicts == ()
    fig = [f for g in groups for f in g.figures]
    assert all(len(f.articles) == 1 for f in fig), "a duplicate is not a second source"


def test_unknown_measure_is_never_compared():
    _, groups, conflicts = _run(("a.txt", "en", "There were 500 of them."), ("b.txt", "en", "There were 900 of them."))
    assert conflicts == () and groups == ()


def test_reconcile_is_order_independent():
    report = claimrecon.compare([str(CORPUS)])
    base = reconcile(report.articles, report.claims)
    rnd = random.Random(3)
    for _ in range(5):
        claims = list(report.claims)
        rnd.shuffle(claims)
        arts = list(report.articles)
        rnd.shuffle(arts)
        assert reconcile(arts, claims) == base


def test_byte_identical_json_whatever_hash_seed_and_input_order(tmp_path):
    files = sorted(CORPUS.iterdir())
    outs = []
    for seed, order in (("0", files), ("12345", list(reversed(files))), ("random", files[2:] + files[:2])):
        out = tmp_path / f"out-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "claimrecon", "compare", *map(str, order), "--out", str(out)],
                       check=True, env=env, capture_output=True, cwd=ROOT)
        outs.append((out / "report.json").read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_dismissed_conflict_stays_dismissed(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(CORPUS, folder)
    reviews = tmp_path / "reviews.json"
    first = claimrecon.compare([str(folder)], reviews=reviews)
    target = first.conflicts[0]
    save_review(reviews, target.id, "dismissed", "checked with the outlet")
    assert load_reviews(reviews)[0].target == target.id
    again = claimrecon.compare([str(folder)], reviews=reviews)
    k = {c.id: c for c in again.conflicts}[target.id]
    assert k.review == "dismissed" and k.review_note == "checked with the outlet"
    assert "dismissed" in to_markdown(again)
    data = json.loads(to_json(again))
    assert any(c["id"] == target.id and c["review"] == "dismissed" for c in data["conflicts"])
    assert data["summary"]["open_conflicts_by_severity"][target.severity] == data["summary"]["conflicts_by_severity"][target.severity] - 1


def test_a_moments_local_clock_keeps_each_figure_as_written_in_every_export(tmp_path):
    """On the CLI path (the run's store), a time read on the moment's local clock keeps its
    figure: every figure of the group lists its claims and shows the clock as written, and the
    fact-check markup is written."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("wire.txt", "The avalanche broke away at 11:42 a.m. (1042 GMT) below the peak, police said."),
                       ("pl.txt", "Lawina zeszła o godz. 12:42 na stromym stoku, podała policja."),
                       ("tab.txt", "The avalanche broke away at 10.42am UK time below the peak, police said.")):
        (src / name).write_text("Avalanche\n\n8 February 2025\n\n" + text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "claimrecon", "compare", str(src), "--out", str(out), "-f", "json,claimreview"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    times = [g for g in report["groups"] if g["kind"] == "time" and len(g["claims"]) > 1]
    assert times and all(f["claims"] for g in times for f in g["figures"])
    assert "12:42:00" in {f["value"][-8:] for g in times for f in g["figures"]}
    assert any("read on the local clock" in k["reason"] for k in report["conflicts"])
    assert (out / "claimreview.jsonld").exists()


def test_one_clock_figure_read_at_two_offsets_is_flagged(tmp_path):
    """"11.42am UK time" in an article that prints no date is read at London's offset on the
    day the others report (UTC+00:00 in February); the Polish outlet's implied "godz. 11:42" is
    read on the moment's local clock (UTC+01:00, from the wire's restatement). Both write the
    figure 11:42, yet they are an hour apart: the pair is judged, not taken for one figure."""
    src = tmp_path
    for name, text in (("wire.txt", "The avalanche broke away at 11:42 a.m. (1042 GMT) below the peak, police said."),
                       ("pl.txt", "Lawina zeszła o godz. 11:42 na stromym stoku, podała policja."),
                       ("tab.txt", "The avalanche broke away at 11.42am UK time below the peak, police said.")):
        dated = "" if name == "tab.txt" else "8 February 2025\n\n"
        (src / name).write_text("Avalanche\n\n" + dated + text + "\n", encoding="utf-8")
    with claimrecon.compare([str(src)]) as report:
        text = {c.id: c.text for c in report.claims}
        flagged = {tuple(sorted(text[c] for c in k.claims)): k.severity for k in report.conflicts}
    assert flagged.get(("11.42am UK time", "11:42")) == "hard"
    # the wire's own two writings and the Polish one agree
    assert not any("11:42" in pair and ("1042 GMT)" in pair or "11:42 a.m." in pair) for pair in flagged)


def test_two_whole_counts_one_apart_cannot_both_be_right():
    # 12.5-13.5 and 13.5-14.5 touch, but nothing rounds to both 13 and 14
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Police arrested 13 people after the raids."),
        ("b.txt", "es", "La policía detuvo a 14 personas tras las redadas."),
    )
    assert [k.severity for k in conflicts] == ["hard"]




def test_two_local_clocks_written_alike_agree_whatever_their_restatements():
    """"5:30 local time (0430 GMT)" and "5:30am local time (0330 GMT)": each article's restatement
    gives its local clock another offset, but both say 5:30 on the local clock, and that they
    agree on; the restatements in GMT are what disagree."""
    claims, _, conflicts = _run(
        ("a.txt", "en", "Inspectors and police entered the orchards at 5:30 local time (0430 GMT) on Tuesday."),
        ("b.txt", "en", "Inspectors and police entered the orchards at 5:30am local time (0330 GMT) on Tuesday."),
        published="2025-09-16")
    text = {c.id: c.text for c in claims}
    flagged = {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}
    assert ("0330 GMT)", "0430 GMT)") in flagged
    assert ("5:30 local time", "5:30am local time") not in flagged


def test_a_local_clock_written_as_two_articles_write_it_in_named_zones_is_their_instant():
    """"8.27pm local time (1927 GMT)" beside "20.27 (hora peninsular)" and "20:27 CEST": two
    articles write 20:27 at UTC+02:00, so the local 8.27pm is that instant and its own GMT
    restatement is the one that disagrees. With one such article there is no telling which
    clock is wrong, and the local time is flagged as before."""
    en = ("en.txt", "en", "Totality began at 8.27pm local time (1927 GMT) over Burgos.")
    es = ("es.txt", "es", "La totalidad comenzó en Burgos a las 20.27 (hora peninsular).")
    cest = ("uk.txt", "en", "Totality began over Burgos at 20:27 CEST.")
    claims, _, conflicts = _run(en, es, cest, published="2026-08-12")
    text = {c.id: c.text for c in claims}
    flagged = {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}
    assert ("1927 GMT)", "20.27 (hora peninsular)") in flagged and ("1927 GMT)", "20:27 CEST") in flagged
    assert not any("8.27pm local time" in pair for pair in flagged)
    claims, _, conflicts = _run(en, es, published="2026-08-12")
    text = {c.id: c.text for c in claims}
    assert ("20.27 (hora peninsular)", "8.27pm local time") in {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}
    # a restatement three hours off the witnesses is no slip of a season or a neighbour's zone
    far = ("en.txt", "en", "Totality began at 8.27pm local time (2127 GMT) over Burgos.")
    claims, _, conflicts = _run(far, es, cest, published="2026-08-12")
    text = {c.id: c.text for c in claims}
    assert ("20.27 (hora peninsular)", "8.27pm local time") in {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}


def test_a_local_clock_is_not_read_on_other_stories_clock_without_its_own_restatement():
    """A local time that its article never restated may be right where two outlets abroad give
    their readers' clock ("12.33 hora peninsular" of a blackout in Lisbon, an hour behind Madrid);
    and one written by another story at the local time's own offset ("15.12 hora canaria") keeps
    it there: the local time stays flagged against the two others, as before."""
    es = (("es1.txt", "es", "El apagón afectó a Portugal y Lisboa a las 12.33 hora peninsular del lunes."),
          ("es2.txt", "es", "El apagón en Portugal, en Lisboa, comenzó a las 12.33 (hora peninsular)."))
    claims, _, conflicts = _run(("en.txt", "en", "The blackout hit Lisbon, Portugal, at 12:33 local time on Monday, cutting power across Portugal."), *es,
                                published="2025-04-28")
    text = {c.id: c.text for c in claims}
    assert {tuple(sorted(text[c] for c in k.claims)) for k in conflicts} == {
        ("12.33 hora peninsular", "12:33 local time"), ("12.33 (hora peninsular)", "12:33 local time")}
    canary = (("en.txt", "en", "The lava reached the sea at 3.12pm local time (1412 GMT) on La Palma."),
              ("es1.txt", "es", "La lava llegó al mar en La Palma a las 15.12 hora peninsular."),
              ("es2.txt", "es", "La colada alcanzó el mar en La Palma a las 15.12 (hora peninsular)."),
              ("es3.txt", "es", "La lava llegó al mar en La Palma a las 15.12 hora canaria."))
    claims, _, conflicts = _run(*canary, published="2021-09-19")
    text = {c.id: c.text for c in claims}
    flagged = {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}
    assert ("15.12 hora canaria", "15.12 hora peninsular") in flagged and ("15.12 hora peninsular", "3.12pm local time") in flagged
    assert ("15.12 hora canaria", "3.12pm local time") not in flagged


def test_a_local_time_read_on_other_stories_clock_exports_as_written(tmp_path):
    """Through the claim store and every export: the re-read local time keeps the figure its
    article wrote (claim review markup looks its claims up by it), and an implied "20:27" of the
    same moment is read on the witnessed clock, not on the overruled restatement's."""
    from claimrecon.export.claimreview import to_claimreview

    texts = {"en.txt": "Totality began at 8.27pm local time (1927 GMT) over Burgos.",
             "es.txt": "La totalidad comenzó en Burgos a las 20.27 (hora peninsular).",
             "uk.txt": "Totality began over Burgos at 20:27 CEST.",
             "en2.txt": "Totality began over Burgos at 20:27 on Wednesday."}

    def run(names):
        folder = tmp_path / str(len(names))
        folder.mkdir()
        for name in names:
            (folder / name).write_text(f"Eclipse over Burgos\nBURGOS, Aug 12 2026\n\n{texts[name]}\n", encoding="utf-8")
        with claimrecon.compare([str(folder)]) as report:
            data = json.loads(to_json(report))
            to_claimreview(report)
        text = {c["id"]: c["text"] for c in data["claims"]}
        figures = {text[c]: f["value"] for g in data["groups"] if g["kind"] == "time" for f in g["figures"] for c in f["claims"]}
        return sorted(tuple(sorted(text[c] for c in k["claims"])) for k in data["conflicts"]), figures

    flagged, figures = run(["en.txt", "es.txt", "uk.txt"])
    assert figures["8.27pm local time"].endswith("20:27:00+01:00")  # as its article wrote it
    assert flagged == [("1927 GMT)", "20.27 (hora peninsular)"), ("1927 GMT)", "20:27 CEST")]
    flagged, figures = run(list(texts))
    assert len(figures) == len(texts) + 1
    assert flagged == [("1927 GMT)", "20.27 (hora peninsular)"), ("1927 GMT)", "20:27"), ("1927 GMT)", "20:27 CEST")]


def test_every_flag_says_how_likely_it_is_right(corpus_report):
    from claimrecon.reconcile.likelihood import model

    assert corpus_report.conflicts and all(0.0 <= k.likelihood <= 1.0 for k in corpus_report.conflicts)
    # the model weighs every feature the report computes: a feature added without refitting fails here
    from claimrecon.reconcile.likelihood import features
    f = features("hard", "count", "same_word", 0.5, 600.0, 500.0, 1, 2, 2, 3, "en", "pl", "exact", "about", 1)
    assert set(model()["weights"]) == set(f)


def test_a_miscopied_figure_one_outlet_alone_gives_is_likelier_right_than_two_agreed_figures():
    from claimrecon.reconcile.likelihood import features, likelihood

    # "15,135" against "15.315" that two outlets give: one figure miscopied
    slip = likelihood(features("hard", "count", "same_word", 0.5, 15135.0, 15315.0, 1, 2, 2, 3, "en", "es", "exact", "exact", 1))
    # "940" and "1,395", each given by two outlets, in a group of five figures: two quantities as often as one
    camps = likelihood(features("hard", "count", "same_word", 0.5, 940.0, 1395.0, 2, 2, 5, 4, "en", "es", "exact", "exact", 6))
    assert slip >= 0.8 and camps <= 0.6


def test_a_later_outlets_higher_figure_is_likelier_a_rise_than_an_error():
    from claimrecon.reconcile.likelihood import features, likelihood, published_at

    # a Polish paper at 08:00 and a Spanish one at 20:00 (06:00 and 18:00 UTC, on their outlets'
    # home clocks); English names no home clock and is read on UTC
    morning, evening = published_at("2026-06-10", "08:00", "pl"), published_at("2026-06-10", "20:00", "es")
    assert published_at("2026-06-10", "08:00", "en").utcoffset().total_seconds() == 0
    assert published_at("2026-06-10", None, "pl") is None
    shape = ("hard", "count", "same_word", 0.6)
    rose = features(*shape, 2380.0, 3240.0, 1, 1, 2, 2, "pl", "es", "exact", "exact", 1, morning, evening)
    fell = features(*shape, 3240.0, 2380.0, 1, 1, 2, 2, "pl", "es", "exact", "exact", 1, morning, evening)
    assert (rose["rise_hours"], rose["fall_hours"], fell["rise_hours"], fell["fall_hours"]) == (12.0, 0.0, 0.0, 12.0)
    # the evacuees of the morning and of the evening: a rise as often as an error
    assert likelihood(rose) < likelihood(fell)


def test_nearly_and_more_than_one_figure_is_a_soft_flag_that_says_why(tmp_path):
    (tmp_path / "a.txt").write_text("The rescue of the miners lasted more than eight hours, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The rescue of the miners lasted nearly eight hours, officials said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The rescue of the miners lasted eight hours, officials said.\n", encoding="utf-8")
    with claimrecon.compare([str(tmp_path)]) as report:
        [k] = report.conflicts
        assert k.severity == "soft" and "fell short of the figure" in k.reason
        [g] = [g for g in report.groups if g.id == k.group]
        assert len(g.figures) == 1 and len(g.figures[0].claims) == 3  # one figure, whatever the hedges
        md = to_markdown(report)
        assert "one says short of the figure, the other past it" in md and "allows" not in md.split("## Evidence")[0]
        from claimrecon.reconcile.likelihood import features
        f = features("soft", "duration", "same_word", 1.0, 28800.0, 28800.0, 1, 1, 1, 3, "en", "en", "nearly", "more_than", 1)
        assert f["slip"] == 0.0  # an equal figure is no miscopied one


def test_min_likelihood_is_a_share():
    with pytest.raises(ValueError):
        claimrecon.compare(CORPUS, min_likelihood=float("nan"))


def test_min_likelihood_lists_only_the_likelier_flags():
    every = claimrecon.compare(CORPUS)
    surer = claimrecon.compare(CORPUS, min_likelihood=0.5)
    try:
        kept = {k.id for k in every.conflicts if k.likelihood >= 0.5}
        assert kept and len(kept) < len(every.conflicts)
        assert {k.id for k in surer.conflicts} == kept
        assert [g.id for g in surer.groups] == [g.id for g in every.groups]  # the groups stay
    finally:
        every.close()
        surer.close()


def test_a_clock_a_count_is_taken_at_is_not_compared_with_other_clocks():
    """"By 1pm local time, 4,800 tickets had been sold" and "Do godz. 15 sprzedano 12 600 biletów":
    each clock says when its outlet took the count, and outlets take counts at different clocks;
    the two are no disagreement (the clocks of what happened are still compared: see below)."""
    for second in (("pl", "Do godz. 15 sprzedano 12 600 biletów."), ("en", "By 3pm, 12,600 tickets had been sold.")):
        claims, _, conflicts = _run(("a.txt", "en", "By 1pm local time, 4,800 tickets had been sold."), ("b.txt", *second),
                                    published="2025-09-16")
        kinds = {c.id: c.kind for c in claims}
        assert {c.kind for c in claims} >= {"time", "count"}  # the clocks and counts were read
        assert not [k for k in conflicts if any(kinds[c] == "time" for c in k.claims)]


@pytest.mark.parametrize("first, second, pair", [
    # guards from a red-team review: a clock after the count it follows is an "until" as often as
    # a count's moment ("abiertos hasta las 20.00"), and a negation makes "hasta las" an "until"
    # ("no se restablecieron hasta las 17:05"): those clocks are still compared
    (("es", "Los 22.000 colegios electorales permanecerán abiertos hasta las 20.00."),
     ("pl", "22 tys. lokali wyborczych będzie otwartych do godz. 21."), ("20.00", "21")),
    (("es", "Los pagos con tarjeta no se restablecieron hasta las 17:05, y 3.200 cajeros siguieron sin servicio."),
     ("pl", "Płatności kartami przywrócono o godz. 18:05, a 3,2 tys. bankomatów nadal nie działało."), ("17:05", "18:05")),
])
def test_a_clock_that_ends_something_is_still_compared(first, second, pair):
    claims, _, conflicts = _run(("a.txt", *first), ("b.txt", *second), published="2025-09-16")
    text = {c.id: c.text for c in claims}
    assert pair in {tuple(sorted(text[c] for c in k.claims)) for k in conflicts}
