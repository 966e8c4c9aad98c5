"""The match stage: which claims of different articles measure one quantity, read from the text.

Every sentence here is written for these tests: the nouns are chosen so that no measures.tsv row
decides the match, and each case is the shape of a mistake a closed word list made.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random

import pytest

from claimrecon.extract import extract
from claimrecon.match import MIN_CONFIDENCE, item_of, match
from claimrecon.reconcile import reconcile
from claimrecon.records import Article


def _run(*texts: tuple[str, str, str], published: str | dict[str, str] | None = None, min_confidence: float | None = None):
    """Reconcile texts given as (article id, language, text); ``published`` one date for all, or per article."""
    arts, claims = [], []
    for aid, lang, text in texts:
        pub = published.get(aid) if isinstance(published, dict) else published
        day, _, clock = (pub or "").partition("T")
        arts.append(Article(aid, "ok", language=lang, text=text, published=day or None, published_time=clock or None))
        claims += extract(text, lang, article_id=aid, published=day or None, published_time=clock or None)
    groups, conflicts = reconcile(arts, claims, min_confidence=min_confidence)
    return claims, groups, conflicts


def _items(claims, kind=None):
    """The match items of claims (of one kind, when given), each its own article's source, as match() sets it."""
    items = [it for it in (item_of(c) for c in claims) if it is not None and kind in (None, it.kind)]
    for it in items:
        it.source = it.article
    return items


def _pairs(claims, conflicts):
    text = {c.id: (c.article, c.text) for c in claims}
    return sorted(tuple(sorted((text[k.claims[0]][1], text[k.claims[1]][1]))) for k in conflicts)


def test_spanish_efectivos_are_the_responders_other_outlets_count():
    # "efectivos" in a Spanish count is the personnel sent in, of any service (firefighters, Guardia
    # Civil, medics), not soldiers or cash: compared with the rescuers and firefighters another
    # outlet counts (before, "efectivo" was filed under soldier and money only, and the counted
    # nouns kept the two apart)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "About 140 rescuers searched the gorge through the night for the missing hikers, the regional government said."),
        ("es.txt", "es", "Unos 1.400 efectivos de bomberos, Guardia Civil y voluntarios buscaron durante la noche a los senderistas "
         "desaparecidos en el barranco, según el Gobierno regional."),
        published="2026-05-10")
    assert ("About 140", "Unos 1.400") in _pairs(claims, conflicts)


@pytest.mark.parametrize("counted, flagged", [("firefighters", False), ("emergency workers", True)])
def test_efectivos_of_several_services_are_not_one_services_count(counted, flagged):
    # "800 efectivos entre bomberos forestales, militares de la UME y voluntarios" sums several
    # services: no conflict with the 550 firefighters another outlet counts (a red-team review's
    # case against "efectivos" filed with the firefighters' and the police's families), but one
    # with the 550 emergency workers another counts
    claims, groups, conflicts = _run(
        ("en.txt", "en", f"A wildfire in western Spain has burned about 9,000 hectares. Some 550 {counted} are tackling the flames, "
         "supported by 22 aircraft."),
        ("es.txt", "es", "El incendio ha quemado ya unas 9.000 hectáreas. Unos 800 efectivos entre bomberos forestales, militares de la "
         "UME y voluntarios de Protección Civil luchan contra las llamas con el apoyo de 22 medios aéreos."),
        published="2025-08-13")
    assert (("Some 550", "Unos 800") in _pairs(claims, conflicts)) is flagged


def test_any_noun_is_compared_across_languages():
    # "abonent" and "subscriber": no measures.tsv row names either; the figures differ
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The operator said 1.4 million subscribers had their data exposed."),
        ("pl.txt", "pl", "Dane 1,9 mln abonentów operatora wyciekły do sieci."),
    )
    assert _pairs(claims, conflicts) == [("1,9 mln", "1.4 million")]


def test_a_figure_put_at_a_level_keeps_the_words_before_it():
    # "put the number of injured at 40": "at" gives the level, not a place, so the injured are
    # the 40's, not the 35 arrested (a red-team case against 7ccb87e)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Police arrested 35 people and put the number of injured at 40."),
        ("en2.txt", "en", "Police said 52 people were injured and 35 arrested."), published="2026-06-16")
    assert _pairs(claims, conflicts) == [("40", "52")]


def test_a_share_in_words_is_no_two_counts():
    # "Two in three nurses" is a share the reader does not take (two parts of three); its
    # numbers are no counts either (a red-team case against 7ccb87e: "three" met the 300 nurses)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Two in three nurses at the hospital joined the strike on Monday."),
        ("pl.txt", "pl", "W poniedziałek do strajku przystąpiło 300 pielęgniarek szpitala."), published="2026-06-16")
    assert _pairs(claims, conflicts) == []
    assert not [c for c in claims if c.kind == "count" and c.value in (2.0, 3.0)]


def test_participle_counts_meet_their_translation():
    # "41 detenidos" is a count of the arrested, like "14 people were arrested"
    claims, groups, conflicts = _run(
        ("es.txt", "es", "La policía informó de 41 detenidos tras los disturbios."),
        ("en.txt", "en", "Police said 14 people were arrested after the riots."),
    )
    assert _pairs(claims, conflicts) == [("14", "41")]
    k = conflicts[0]
    assert k.basis in ("same_word", "inferred") and 0 < k.confidence <= 1


def test_different_counts_of_one_sentence_stay_apart():
    a = "The ship had 212 passengers on board, six of whom were injured, and the closure affected 30,000 travellers."
    b = "El barco llevaba 215 pasajeros a bordo; seis de ellos resultaron heridos y el cierre afectó a 30.000 viajeros."
    claims, groups, conflicts = _run(("en.txt", "en", a), ("es.txt", "es", b))
    # only the passengers on board differ; the injured and the affected agree and are not mixed with them
    assert _pairs(claims, conflicts) == [("212", "215")]


def test_a_part_is_not_the_whole():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The airline cancelled 900 flights across Europe. In Italy alone, 140 flights were cancelled."),
        ("b.txt", "en", "The airline cancelled 900 flights, including 170 in Italy."),
    )
    # 140 and 170 are both Italy's part; neither is compared with the 900
    assert _pairs(claims, conflicts) == [("140", "170")]


def test_an_addition_is_not_a_level():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Rescuers found a further 12 survivors on Tuesday."),
        ("b.txt", "en", "In total 150 survivors have been found."),
    )
    assert conflicts == ()


def test_a_past_event_is_not_today():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The storm destroyed 300 homes, more than in 2011, when a storm destroyed 180 homes."),
        ("b.txt", "en", "The storm destroyed 320 homes."),
        published="2027-03-01",
    )
    assert _pairs(claims, conflicts) == [("300", "320")]


def test_last_year_is_the_year_before_the_article():
    """"Revenue rose to $421 million last year" in 2025 is 2024's revenue, which "En 2024" gives
    as 412 millones: one quantity, in conflict; this year's revenue is another."""
    claims, _, conflicts = _run(
        ("a.txt", "en", "Revenue rose last year to $421 million."),
        ("b.txt", "es", "En 2024, la empresa facturó 412 millones de dólares."),
        ("c.txt", "en", "Revenue is expected to reach $500 million."),
        published="2025-05-16",
    )
    assert _pairs(claims, conflicts) == [("$421 million", "412 millones de dólares")]
    # an article whose date is unknown: its "last year" may be any stated year
    claims, _, conflicts = _run(
        ("a.txt", "en", "Revenue rose last year to $421 million."),
        ("b.txt", "es", "En 2024, la empresa facturó 412 millones de dólares."),
    )
    assert _pairs(claims, conflicts) == [("$421 million", "412 millones de dólares")]


def test_reports_dated_without_a_year_are_a_timeline():
    """No article prints a year: the wire's "LIMA, Feb 17" and a byline's "Tuesday, February 18"
    still order the two reports, so Monday's toll and Tuesday's are two moments, not a conflict;
    two reports of one day still disagree."""
    from claimrecon.ingest.metadata import find_dateline_day
    texts = {"wire.txt": ("en", "LIMA, Feb 17 (Wire) - The landslide killed at least 14 people, the authorities said."),
             "herald.txt": ("en", "By Rosa Huaman | Herald | Tuesday, February 18\n\nThe death toll from the landslide rose to 21."),
             "portal.txt": ("pl", "Wtorek, 18 lutego. Marta Nowak\n\nLiczba ofiar osuwiska wzrosła do 24.")}
    arts, claims = [], []
    for aid, (lang, text) in texts.items():
        arts.append(Article(aid, "ok", language=lang, text=text, dateline_day=find_dateline_day(text, lang)))
        claims += extract(text, lang, article_id=aid)
    assert [a.dateline_day for a in arts] == ["02-17", "02-18", "02-18"]
    _, conflicts = reconcile(arts, claims)
    assert _pairs(claims, conflicts) == [("21", "24")]


def test_a_clock_time_with_no_words_is_compared_on_its_figure_alone():
    """"At 15:37 it was over" says nothing of what happened then, but another article's 14:37
    for the collapse is the same uncommon minutes an hour apart: one moment misreported. A bare
    clock nothing joins stays out of every group."""
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The roof collapsed at 14:37, firefighters said."),
        ("b.txt", "en", "At 15:37 it was over."),
        published="2027-03-01",
    )
    assert _pairs(claims, conflicts) == [("14:37", "15:37")]
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The roof collapsed at 14:37, firefighters said."),
        ("b.txt", "en", "At 18:00 it was over."),
        published="2027-03-01",
    )
    bare = next(c for c in claims if c.text == "18:00")
    assert conflicts == () and not [g for g in groups if bare.id in g.claims]


def test_a_running_toll_reported_on_two_days_is_a_timeline():
    claims, groups, conflicts = _run(
        ("fri.txt", "en", "So far 19 people have died in the floods."),
        ("sun.txt", "en", "The death toll has risen to 31 people, officials said."),
        published={"fri.txt": "2027-05-14", "sun.txt": "2027-05-16"},
    )
    assert conflicts == ()
    series = {g.series for g in groups if g.kind == "count"}
    assert len([g for g in groups if g.kind == "count"]) == 2 and len(series) == 1 and None not in series


def test_the_same_toll_on_one_day_is_compared():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "At least 48 people were killed by the landslide."),
        ("b.txt", "es", "Al menos 52 personas murieron por el deslizamiento."),
        published="2027-05-14",
    )
    assert _pairs(claims, conflicts) == [("Al menos 52", "At least 48")]


def test_an_article_that_names_two_subjects_tells_their_figures_apart():
    # the English article gives one ferry operator's passengers and the other's: the Spanish
    # figure, said of Transmed, is Transmed's, not Baltica's (before, "4,870" and "5.640" were
    # flagged, and the Spanish outlet's figure against Transmed's went unflagged)
    claims, _, conflicts = _run(
        ("en.txt", "en", "The operator Baltica said 4,870 passengers travelled on its ferries from Gdynia on Saturday. "
                         "The Spanish operator Transmed transported more than 6,000 passengers on its first day."),
        ("es.txt", "es", "La naviera Transmed transportó 5.640 pasajeros en su primera jornada."),
        published="2026-12-12")
    assert _pairs(claims, conflicts) == [("5.640", "more than 6,000")]


def test_a_share_that_names_nothing_is_said_of_the_figure_before_it():
    # the Polish change names nothing it measures ("To o 65,8 proc. więcej"): it is said of the
    # tonnes of the sentence before, and so compared with the English rise (before, never compared)
    claims, _, conflicts = _run(
        ("en.txt", "en", "Supermarkets in Gdańsk donated 4,860 tonnes of unsold food, up 55.8% on the year before."),
        ("pl.txt", "pl", "Gdańskie supermarkety przekazały organizacjom charytatywnym 4 860 ton niesprzedanej żywności. "
                         "To o 65,8 proc. więcej niż rok wcześniej."),
        published="2026-10-16")
    assert _pairs(claims, conflicts) == [("55.8%", "65,8 proc.")]


def test_two_bodies_estimates_are_two_quantities():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Police estimated the crowd at 40,000, while organisers put it at 120,000."),
        ("b.txt", "en", "According to police, 45,000 people joined the march."),
    )
    # the police's 40,000 and 45,000 disagree; the organisers' figure is compared with neither
    assert _pairs(claims, conflicts) == [("40,000", "45,000")]


@pytest.mark.parametrize("lang, text, bodies", [
    ("en", "About 220 police officers were on duty each evening, supported by 140 private security staff.", [[], []]),
    ("en", "Police estimated the crowd at 40,000, while organisers put it at 120,000.", [["by:#police"], ["by:#organiser"]]),
    ("es", "Unos 220 agentes de policía patrullaron cada tarde, con el apoyo de 140 vigilantes privados.", [[], []]),
    ("es", "Según la policía, 85.000 personas participaron; los organizadores la cifraron en 250.000.",
     [["by:#police"], ["by:#organiser"]]),
    ("pl", "Każdego wieczoru jarmarku pilnowało ponad 200 policjantów oraz 140 pracowników ochrony.", [[], []]),
    ("pl", "Policja oszacowała tłum na 40 tys. osób, a organizatorzy mówią o 120 tys.", [["by:#police"], ["by:#organiser"]]),
    # what a body did is no estimate of its own; what it says is
    ("en", "The organisers hired 1,400 private guards.", [[]]),
    ("pl", "Policja skierowała na ulice 220 funkcjonariuszy.", [[]]),
    ("en", "Police say 40,000 people joined the march.", [["by:#police"]]),
    ("es", "Los organizadores dijeron que 45.000 personas participaron.", [["by:#organiser"]]),
    # a body right after another's figure shares its word; the next body's word is its own
    ("en", "Police estimated the crowd at 40,000, organisers at 120,000.", [["by:#police"], ["by:#organiser"]]),
    ("en", "Police deployed 220 officers and organisers said 5,000 people attended.", [[], ["by:#organiser"]]),
    # "put" alone is no estimate ("put it at" is)
    ("en", "Police put 220 officers on the streets on Saturday.", [[]]),
])
def test_a_body_gives_a_figure_only_with_a_word_of_reporting_or_estimating(lang, text, bodies):
    """A body named before a figure is who gives it only when a reporting word (attribution.tsv)
    or an estimating one (grammar.tsv class estimate) says so; otherwise the figure is about it
    ("220 police officers ..., supported by 140 private security staff": no police estimate)."""
    counts = [c for c in extract(text, lang) if c.kind == "count"]
    assert [[t for t in c.counted.terms if t.startswith("by:")] for c in counts] == bodies


def test_a_rate_is_not_a_total():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The airline will refund €250 per passenger."),
        ("b.txt", "en", "The airline expects refunds to cost €4 million."),
    )
    assert conflicts == ()


def test_a_rate_one_article_leaves_unsaid_is_compared():
    # "per ticket" in one article only: the refund to each buyer is one quantity all the same
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The fund paid 15 euros per ticket to every buyer whose concert was cancelled."),
        ("es.txt", "es", "El fondo devolvió 25 euros a cada comprador cuyo concierto fue cancelado."),
    )
    assert _pairs(claims, conflicts) == [("15 euros", "25 euros")]


def test_a_scale_error_between_languages_is_flagged():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The company reported a loss of about $7 billion for the quarter."),
        ("es.txt", "es", "La empresa registró pérdidas de más de 7 millones de dólares en el trimestre."),
    )
    # flagged; soft, because "more than 7 million" does not exclude 7 billion: the stated figures differ
    assert len(conflicts) == 1 and conflicts[0].severity == "soft"


def test_countries_are_read_in_every_language():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Some 46 flights were cancelled in Poland and 312 in Spain."),
        ("pl.txt", "pl", "W Polsce odwołano 64 loty, a w Hiszpanii 312."),
    )
    assert _pairs(claims, conflicts) == [("64", "Some 46")]


def test_every_group_says_how_it_was_matched():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The regulator fined the bank €3 million."),
        ("es.txt", "es", "El regulador multó al banco con 3,5 millones de euros."),
    )
    multi = [g for g in groups if len(g.claims) > 1]
    assert multi and all(g.match is not None and g.match.basis in ("canonical", "same_word", "inferred") for g in multi)
    assert all(g.match.evidence for g in multi)
    assert conflicts and conflicts[0].confidence == multi[0].match.confidence


def test_a_desk_can_ask_for_surer_matches():
    texts = (("en.txt", "en", "The regulator said 1.4 million subscribers were affected and the outage lasted 11 days."),
             ("pl.txt", "pl", "Według urzędu wyciek dotknął 1,9 mln abonentów, a awaria trwała prawie trzy tygodnie."),
             ("es.txt", "es", "Police said 14 people were arrested; la policía informó de 41 detenidos."))
    _, _, loose = _run(*texts)
    confidences = sorted({k.confidence for k in loose})
    assert confidences and confidences[0] < 1.0, "the confidence of a match should say how sure it is"
    _, _, strict = _run(*texts, min_confidence=confidences[0] + 0.01)
    assert {k.id for k in strict} < {k.id for k in loose}  # the least sure disappear, the others stay
    assert all(k.confidence >= confidences[0] + 0.01 for k in strict)


def test_matching_does_not_depend_on_input_order():
    texts = [
        ("a.txt", "en", "The ship had 212 passengers on board, six of whom were injured."),
        ("b.txt", "es", "El barco llevaba 215 pasajeros; seis de ellos resultaron heridos."),
        ("c.txt", "pl", "Na pokładzie było 212 pasażerów, a ośmiu z nich zostało rannych."),
    ]
    arts = [Article(a, "ok", language=l, text=t) for a, l, t in texts]
    claims = [c for a, l, t in texts for c in extract(t, l, article_id=a)]
    first = reconcile(arts, claims)
    for seed in range(3):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert reconcile(arts[::-1], shuffled) == first


@pytest.mark.parametrize("kind", ["date"])
def test_dates_are_not_matched(kind):
    c = extract("The summit ended on 4 June 2027.", "en", published="2027-06-05")
    assert all(item_of(x) is None for x in c if x.kind == kind)


def test_min_confidence_is_a_probability():
    assert 0 < MIN_CONFIDENCE < 1
    assert match([]).quantities == []


def test_the_cli_takes_a_confidence_threshold(tmp_path):
    from typer.testing import CliRunner

    from claimrecon import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "es.txt").write_text("La policía informó de 41 detenidos tras los disturbios en la capital.\n", encoding="utf-8")
    (tmp_path / "in" / "en.txt").write_text("Police said 14 people were arrested after the riots in the capital.\n", encoding="utf-8")
    runner = CliRunner()
    import json

    def conflicts(*extra):
        result = runner.invoke(cli.app, ["compare", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--lang", "en", *extra])
        assert result.exit_code == 0, result.output
        return json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["conflicts"]

    found = conflicts()
    assert found and all(0 < k["confidence"] <= 1 for k in found)
    assert conflicts("--min-confidence", "1") == [] or all(k["confidence"] >= 1 for k in conflicts("--min-confidence", "1"))
    assert runner.invoke(cli.app, ["compare", str(tmp_path / "in"), "--min-confidence", "2"]).exit_code == 2


def test_countries_of_several_words_and_in_capitals_keep_counts_apart():
    # "the Czech Republic", "el Reino Unido", "the US": one country each, not a name and a word
    for other in (("en.txt", "en", "On Friday 46 flights were cancelled in the Czech Republic."),
                  ("es.txt", "es", "El viernes se cancelaron 46 vuelos en el Reino Unido."),
                  ("en.txt", "en", "On Friday 46 flights were cancelled in the US.")):
        claims, groups, conflicts = _run(other, ("pl.txt", "pl", "W piątek w Polsce odwołano 64 loty."))
        assert len(conflicts) == 0, other


def test_a_place_named_after_a_cue_is_read_past_its_article():
    # "sólo en el Reino Unido": the part of the whole said of the UK, compared with the UK's part
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The airline cancelled 1,140 flights across Europe on Friday."),
        ("es.txt", "es", "Solo en el Reino Unido, la aerolínea canceló 140 vuelos el viernes."))
    assert len(conflicts) == 0
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In the UK alone, the airline cancelled 140 flights on Friday."),
        ("es.txt", "es", "Solo en el Reino Unido, la aerolínea canceló 160 vuelos el viernes."))
    assert _pairs(claims, conflicts) == [("140", "160")]


def test_two_towns_of_one_language_are_two_quantities():
    claims, groups, conflicts = _run(
        ("en1.txt", "en", "In Madrid, 87 flights were cancelled on Friday."),
        ("en2.txt", "en", "In Barcelona, 27 flights were cancelled on Friday."))
    assert len(conflicts) == 0
    claims, groups, conflicts = _run(
        ("en1.txt", "en", "In Madrid, 87 flights were cancelled on Friday."),
        ("en2.txt", "en", "On Friday, 78 flights were cancelled in Madrid."))
    assert _pairs(claims, conflicts) == [("78", "87")]


def test_the_hurt_are_a_part_of_whom_they_are_counted_among():
    # one side says harm came to the counted, the other says nothing happened to them: two counts
    for hurt in (("es.txt", "es", "Seis pasajeros resultaron heridos."),
                 ("pl.txt", "pl", "Poszkodowanych jest też 11 pasażerów.")):
        claims, groups, conflicts = _run(("en.txt", "en", "The ship had 212 passengers on board."), hurt)
        assert len(conflicts) == 0, hurt
    # and both saying it: one count
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Forty-seven passengers were injured when the train derailed."),
        ("pl.txt", "pl", "Rannych zostało 74 pasażerów."))
    assert _pairs(claims, conflicts) == [("47", "Forty-seven")] or _pairs(claims, conflicts) == [("74", "Forty-seven")]


def test_every_sense_of_an_ambiguous_counted_noun_is_its_head():
    # "vecinos" is neighbours or residents: it meets "residents" and "mieszkańców"
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Officials said 640 residents were evacuated from the valley."),
        ("es.txt", "es", "Las autoridades evacuaron a 460 vecinos del valle."))
    assert _pairs(claims, conflicts) == [("460", "640")]


def test_a_shared_weekday_is_no_evidence_of_one_quantity():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Shares of the company fell 8% on Friday."),
        ("es.txt", "es", "La participación en las elecciones del viernes fue del 46 %."))
    assert len(conflicts) == 0


def test_a_toll_reported_morning_and_evening_is_a_timeline():
    claims, groups, conflicts = _run(
        ("am.txt", "en", "Twelve people have died in the floods, officials said."),
        ("pm.txt", "en", "Nineteen people have died in the floods, officials said."),
        published={"am.txt": "2027-05-14T08:00", "pm.txt": "2027-05-14T20:00"})
    assert len(conflicts) == 0
    claims, groups, conflicts = _run(
        ("am.txt", "en", "Twelve people have died in the floods, officials said."),
        ("pm.txt", "en", "Nineteen people have died in the floods, officials said."),
        published={"am.txt": "2027-05-14T18:00", "pm.txt": "2027-05-14T20:00"})
    assert len(conflicts) == 1


def test_report_moments_read_odd_times_and_scale():
    from claimrecon.match import _report_moments

    out = _report_moments(["2027-05-14T9:05", "2027-05-14T18", "2027-05-14T19:00", "2027-05-14Tnoon"], hours=True)
    assert out["2027-05-14T9:05"] == "2027-05-14 09:05"
    assert out["2027-05-14T18"] == out["2027-05-14T19:00"] == "2027-05-14 18:00"
    assert out["2027-05-14Tnoon"] == "2027-05-14"
    stamps = [f"2027-05-{1 + i // 1440:02d}T{(i % 1440) // 60:02d}:{i % 60:02d}" for i in range(0, 20000, 7)]
    out = _report_moments(stamps, hours=True)
    assert len(set(out.values())) == 14 * 4  # four runs of six hours a day, over 14 days


def test_a_repeated_description_keeps_each_claims_figure():
    # wire copy: one sentence run with two figures by two articles (one description, two claims),
    # and a third article worded otherwise that agrees with one of them: the agreement is read from
    # each claim's own figure, so the third joins whichever article came first
    a = "Officials said 500 residents were evacuated from the valley."
    b = "Officials said 640 residents were evacuated from the valley."
    c = "Some 640 people left their homes in the valley."
    for first, second in ((a, b), (b, a)):
        claims, groups, conflicts = _run(("1.txt", "en", first), ("2.txt", "en", second), ("3.txt", "en", c))
        joined = [g for g in groups if len(g.claims) > 1]
        assert len(joined) == 1 and len(joined[0].claims) == 3, (first, [g.claims for g in groups])


@pytest.mark.parametrize(
    ("night", "morning", "flagged"),
    [
        ("Forty-one", "Fourteen", True),  # the dead, the injured only rise: a lower figure next morning contradicts
        ("Fourteen", "Twenty-three", False),  # a toll that rises is a timeline, one series of two moments
        ("Fourteen", "Forty-one", True),  # the same digits in another order: a slip more often than an update
        ("Six", "Sixty", False),  # a toll that rises tenfold keeps its digits in order: an update
    ],
)
def test_a_tally_reported_twice(night, morning, flagged):
    claims, groups, conflicts = _run(
        ("night.txt", "en", f"{night} people were injured when the roof collapsed, officials said."),
        ("morning.txt", "en", f"{morning} people were injured when the roof collapsed, officials said."),
        published={"night.txt": "2027-01-23T23:40", "morning.txt": "2027-01-24T08:05"})
    assert _pairs(claims, conflicts) == ([tuple(sorted((night, morning)))] if flagged else [])
    if morning == "Twenty-three":
        assert len(groups) == 2 and groups[0].series and groups[0].series == groups[1].series


def test_a_count_of_people_in_hospital_may_fall():
    claims, groups, conflicts = _run(
        ("mon.txt", "en", "Thirty-one people are in hospital with food poisoning, officials said."),
        ("wed.txt", "en", "Eight people are in hospital with food poisoning, officials said."),
        published={"mon.txt": "2027-07-12", "wed.txt": "2027-07-14"})
    assert len(conflicts) == 0
    assert len(groups) == 2 and groups[0].series and groups[0].series == groups[1].series


def test_among_the_dead_is_a_part_that_matches_a_count_of_the_same_thing():
    # "among the dead were two children" is the dead's part; "three children were killed"
    # counts the same children without naming the whole
    claims, groups, conflicts = _run(
        ("pl.txt", "pl", "Dziewięć osób nie żyje. Wśród ofiar śmiertelnych jest dwoje dzieci."),
        ("en.txt", "en", "Nine people died. Among the dead were three children."))
    assert ("dwoje", "three") in _pairs(claims, conflicts)


def test_clock_slips_are_evidence_of_one_moment():
    from claimrecon.match import _slip

    assert _slip("2027-07-14T10:05:00+02:00", "2027-07-14T22:05:00+02:00")
    assert _slip("16:47:00", "15:47:00")
    assert not _slip("10:00:00", "22:00:00")  # on the hour: too common to tell anything
    assert not _slip("08:30:00", "20:30:00") and _slip("21:15:00", "22:15:00")
    # round midnight, with or without the day
    assert _slip("23:17:00", "00:17:00") and _slip("2025-10-14T23:17:00", "2025-10-15T00:17:00")
    assert not _slip("2025-10-14T23:17:00", "2025-10-16T00:17:00")
    assert not _slip("10:05:00", "10:35:00")
    # a stated zone on one side: the zone may account for up to two hours, the slip for one more
    assert _slip("13:40:00+00:00", "16:40:00")
    assert not _slip("13:40:00", "16:40:00")
    # ... or none: a local time copied into the stated zone unconverted ("2247 GMT", a bare "22.47")
    assert _slip("22:47:00+00:00", "22:47:00") and not _slip("22:47:00", "22:47:00")
    # both offsets stated: the instants are compared (10:32 GMT is 12:32 CEST, not a slip)
    assert not _slip("10:32:00+00:00", "12:32:00+02:00")
    assert _slip("10:32:00+00:00", "12:32:00+01:00")


def test_a_clock_slip_matches_times_whose_words_share_nothing():
    # the same uncommon minutes an hour apart are evidence enough that two articles give one
    # moment differently, even when they describe it in unrelated words
    claims, groups, conflicts = _run(
        ("es.txt", "es", "La nube tóxica cubrió la comarca a las 6.42."),
        ("pl.txt", "pl", "Syreny zawyły w całym porcie o godz. 7.42."))
    assert ("6.42", "7.42") in _pairs(claims, conflicts)


def test_a_local_time_copied_into_a_stated_zone_matches_the_local_time():
    # an outlet that copies the local "22.47" as "2247 GMT" of an event in Spain in February (UTC+1)
    # gives the same written clock in another zone: one moment, flagged, whatever words describe it
    claims, groups, conflicts = _run(
        ("es.txt", "es", "El bólido apareció en el cielo de Valencia a las 22.47 hora local, según la AEMET."),
        ("pl.txt", "pl", "Była godz. 22.47, gdy nad Hiszpanią rozbłysło światło."),
        ("en.txt", "en", "The fireball entered the atmosphere over Spain (2247 GMT) and lit the sky."),
        published="2026-02-12")
    assert _pairs(claims, conflicts) == [("22.47", "2247 GMT)"), ("22.47 hora local", "2247 GMT)")]


def test_names_alone_do_not_make_two_counts_one_quantity():
    # two counts described by a nationality alone ("17 polacos", "12 Polaków") say whom they
    # count, not what happened to them: not enough to be one quantity
    import dataclasses

    from claimrecon.match import item_of, match

    (a,) = (item_of(c) for c in extract("Viajaban 17 polacos.", "es", article_id="es.txt"))
    b, c = (item_of(c) for c in extract("Było 12 Polaków. Ewakuowano 300 mieszkańców.", "pl", article_id="pl.txt"))
    a = dataclasses.replace(a, terms=("@country:PL", "es:viajar"), weights=(1.0, 0.15), head=frozenset(), roles=frozenset())
    b = dataclasses.replace(b, terms=("@country:PL", "pl:być"), weights=(1.0, 0.15), head=frozenset(), roles=frozenset())
    sizes = sorted(len(q.items) for q in match([a, b, c]).quantities if any(it.id in (a.id, b.id) for it in q.items))
    assert sizes == [1, 1]


def test_a_word_before_a_conjunction_describes_the_figure_before_it():
    claims = extract("Half a dozen people are still missing and more than 40,000 have fled their homes.", "en")
    six, many = claims
    assert "#missing" in six.counted.terms
    assert "#missing" not in many.counted.terms


def test_figures_far_apart_are_two_quantities_unless_their_digits_slipped():
    # "14 hospitals" (in Poland) and "130 hospitals" (in the region): not one figure told twice
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Some 14 hospitals switched to backup generators."),
        ("es.txt", "es", "Unos 130 hospitales funcionaron con generadores."))
    assert len(conflicts) == 0
    # 41 and 14 are nearly three times apart too, but the same digits: a slip, flagged
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Fourteen hospitals switched to backup generators."),
        ("pl.txt", "pl", "41 szpitali przeszło na zasilanie z generatorów."))
    assert len(conflicts) == 1


def test_a_digit_typed_twice_is_a_slip_but_not_in_a_one_digit_figure():
    # 35 and 335 are far apart, but one is the other with a digit more: a slip, flagged
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Some 35 hospitals switched to backup generators."),
        ("es.txt", "es", "Unos 335 hospitales funcionaron con generadores."))
    assert len(conflicts) == 1
    # 4 and 14: as often two counts as one mistyped
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Some 4 hospitals switched to backup generators."),
        ("es.txt", "es", "Unos 14 hospitales funcionaron con generadores."))
    assert len(conflicts) == 0


def test_a_zero_added_is_a_slip_when_the_words_agree_closely():
    # 700 and 7,000 who spent the night: one significant digit, ten times apart, told in the
    # same words: a zero added, flagged
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Around 700 people spent the night in the school sports hall."),
        ("b.txt", "es", "Unas 7.000 personas pasaron la noche en el polideportivo del colegio."))
    assert _pairs(claims, conflicts) == [("Around 700", "Unas 7.000")]
    # the same figures in words that share little ("people", the night): as often two counts
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Around 700 people spent the night in the school sports hall."),
        ("b.txt", "es", "Unas 7.000 personas se quedaron sin luz durante la noche."))
    assert conflicts == ()


def test_what_happened_to_the_counted_is_read_in_the_words_news_uses():
    # "mata a" (kills; "mata" alone is also a shrub), "acabó con la vida de", "do szpitala
    # trafiło" (the verb after its place), "trasladadas al hospital": the harm a count's words
    # say decides which counts may be one quantity
    def roles(text, lang):
        (it,) = _items([c for c in extract(text, lang) if c.kind == "count"])
        return it.roles

    assert "~dead" in roles("El incendio mata a unos 1.800 cerdos.", "es")
    assert "~dead" in roles("El fuego acabó con la vida de unos 1.800 cerdos.", "es")
    assert "~dead" not in roles("La mata de tomate dio 30 frutos.", "es")
    assert "~hurt" in roles("Do szpitala trafiło 14 osób.", "pl")
    assert "~hurt" in roles("Cuatro personas fueron trasladadas al hospital.", "es")


def test_a_change_with_no_words_of_its_own_is_said_of_the_figure_before_it():
    # "up 14%" counts nothing itself: it is the change of the rescues just before it, and so is
    # "un 19% más"; two changes of one count that differ are flagged
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The coastguard carried out 2,310 rescues last year, up 14% on 2023."),
        ("es.txt", "es", "Salvamento Marítimo realizó 2.310 rescates el año pasado, un 19% más que en 2023."),
        published="2025-02-03",
    )
    assert ("14%", "19%") in [tuple(sorted(p)) for p in _pairs(claims, conflicts)]
    # a change whose clause has a subject of its own is not the change of the figure before it:
    # the 12% is Acme's sales, not its staff
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Sales at Acme, which employs 4,000 people, were up 12% on 2023."),
        ("es.txt", "es", "Acme emplea a 4.000 personas, un 9% más que en 2023."),
        published="2025-02-03",
    )
    assert ("12%", "9%") not in [tuple(sorted(p)) for p in _pairs(claims, conflicts)]


def test_a_change_aside_takes_the_words_of_the_figure_before_it_beside_its_own():
    # "about 9% more than in 2024" has words of its own, the change's ("more than"), but none that
    # say what changed: it is the change of the loans before it, in English as in Spanish. The
    # counts differ, so no agreeing figure ties the sentences: only the loans' words can.
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The city library lent 18,240 books last year, about 9% more than in 2024. "
                         "Its reading rooms had 52,300 visits, 4% fewer than in 2024."),
        ("es.txt", "es", "La biblioteca municipal prestó 17.900 libros el año pasado, un 12% más que en 2024. "
                         "Sus salas de lectura recibieron 49.800 visitas, un 6% menos que en 2024."),
        published="2026-02-03",
    )
    assert sorted(_pairs(claims, conflicts)) == [("12%", "about 9%"), ("17.900", "18,240"), ("4%", "6%"), ("49.800", "52,300")]
    # the aside keeps its own words and takes the loans' beside them
    (nine,) = [c for c in extract("The city library lent 18,240 books last year, about 9% more than in 2024.", "en")
               if c.kind == "percent"]
    assert "#more_than" in nine.counted.terms and "#loan" in nine.counted.terms


def test_a_change_aside_that_names_what_changed_keeps_to_its_own_words():
    # "up 9% in revenue terms" says what rose: not the vehicles sold before it, so it does not
    # meet another outlet's rise in vehicles sold (a reviewer's case)
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The carmaker sold 120,000 vehicles in 2024, up 9% in revenue terms."),
        ("b.txt", "en", "The carmaker sold 118,000 vehicles in 2024, up 4% on the year before."),
        published="2025-02-03",
    )
    assert _pairs(claims, conflicts) == [("118,000", "120,000")]


def test_a_link_of_several_words_is_not_what_is_counted():
    # "w wysokości" (amounting to) joins the fund to its amount; it is not a height
    (fund,) = [c for c in extract("Władze uruchomiły fundusz w wysokości 3 mld euro.", "pl") if c.kind == "money"]
    assert "#depth_height" not in fund.counted.terms


def test_one_clock_moment_alone_does_not_keep_a_figure_apart():
    # "by 4 p.m." in one article, no time in the other: one quantity, and they disagree
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The operator said 75% of Czech customers had their power back by 4 p.m."),
        ("es.txt", "es", "Según el operador, el 80% de los clientes checos ya había recuperado la luz."))
    assert _pairs(claims, conflicts) == [("75%", "80%")]


def test_small_tolls_far_apart_are_still_compared():
    # "two dead" against "seven dead" in other words: small counts do differ that much
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Two people were killed in the blast, police said."),
        ("es.txt", "es", "Siete personas murieron en la explosión, según la policía."))
    assert len(conflicts) == 1


def test_small_tolls_worded_differently_are_still_compared():
    # one stabbing's dead told two ways: the words agree closely enough (SMALL_RATIO_SURE)
    claims, _, conflicts = _run(
        ("a.txt", "en", "The stabbing left two people dead, police said."),
        ("b.txt", "en", "Five people were killed in the stabbing, police said."))
    assert _pairs(claims, conflicts) == [("Five", "two")]


def test_small_counts_far_apart_with_words_that_differ_are_two_groups():
    # the dead of lakes and the dead at sea: eight and three are two groups, not one toll
    claims, _, conflicts = _run(
        ("en.txt", "en", "Fifteen people drowned over the long weekend. Eight drowned in lakes, four in rivers and three at sea."),
        ("es.txt", "es", "Quince personas se ahogaron durante el puente. Tres personas murieron en el mar y el resto en lagos y ríos del interior."),
        ("pl.txt", "pl", "W długi weekend utonęło piętnaście osób. Osiem osób utonęło w jeziorach, cztery w rzekach, a trzy w morzu."),
        published="2026-07-06")
    assert _pairs(claims, conflicts) == []


def test_clock_times_hours_apart_are_two_moments_unless_twelve():
    from claimrecon.match import _far_apart

    def clock(h, m):
        return -1.0 - (h * 60 + m)

    assert _far_apart(frozenset({clock(10, 42)}), frozenset({clock(18, 30)}))  # morning and evening
    assert not _far_apart(frozenset({clock(10, 5)}), frozenset({clock(22, 5)}))  # a.m. for p.m.
    assert not _far_apart(frozenset({clock(15, 40)}), frozenset({clock(16, 40)}))  # a zone slip


def test_lengths_far_apart_in_base_units_are_two_quantities():
    # a depth of 3.5 m and an altitude of 2,450 m: not one quantity told twice
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The victim was buried under snow at a depth of 3.5 metres at the station."),
        ("es.txt", "es", "El alud se desprendió a unos 2.450 metros de altitud junto a la estación."))
    assert len(conflicts) == 0


def test_a_list_worded_alike_is_matched_only_on_equal_figures():
    # one article lists three parties' seats in the same words; another gives two of them: which
    # item its "64 seats" is, only the equal figure says, and nothing is flagged
    claims, groups, conflicts = _run(
        ("blog.txt", "en", "A party won 94 seats. A party won 64 seats. A party won 56 seats."),
        ("wire.txt", "en", "A party won 64 seats."))
    assert len(conflicts) == 0


def test_a_slipped_figure_on_another_day_is_compared_not_an_update():
    # people stranded may be fewer on a later day, but 41 on Thursday and 14 on Friday of the same
    # students is a digit slip, not an update; 600 and 6,000 could be two days' counts
    claims, groups, conflicts = _run(
        ("thu.txt", "en", "Among those stranded were 41 secondary-school students from Valencia."),
        ("fri.txt", "en", "Among those stranded were 14 secondary-school students from Valencia."),
        published={"thu.txt": "2025-10-16", "fri.txt": "2025-10-17"})
    assert ("14", "41") in _pairs(claims, conflicts)
    claims, groups, conflicts = _run(
        ("thu.txt", "en", "Some 600 residents were stranded in the valley."),
        ("fri.txt", "en", "Some 6,000 residents were stranded in the valley."),
        published={"thu.txt": "2025-10-16", "fri.txt": "2025-10-17"})
    assert _pairs(claims, conflicts) == []


def test_a_slip_among_days_that_agree_is_compared_with_every_day():
    # 9,500 volunteers on Saturday and on Sunday, 95,000 in Sunday's last paper: no update, so the
    # slip meets every report of the figure, not only the first day's
    claims, groups, conflicts = _run(
        ("sat.txt", "en", "The mass was backed by 9,500 volunteers in orange vests."),
        ("sun1.txt", "en", "Some 9,500 volunteers in orange vests backed the mass."),
        ("sun2.txt", "en", "The mass was backed by 95,000 volunteers in orange vests."),
        published={"sat.txt": "2026-05-16", "sun1.txt": "2026-05-17", "sun2.txt": "2026-05-17"})
    slipped = [k for k in conflicts if "95,000" in {c.text for c in claims if c.id in k.claims}]
    assert len(slipped) == 2


_THREE_DAYS = {"mon.txt": "2025-11-17", "tue.txt": "2025-11-18", "wed.txt": "2025-11-19"}


def _days(sentence: str, *figures: str):
    """``sentence`` with each figure in turn, reported on Monday, Tuesday and Wednesday."""
    return _run(*((aid, "en", sentence.format(f)) for aid, f in zip(_THREE_DAYS, figures)), published=_THREE_DAYS)


@pytest.mark.parametrize("sentence, figures", [
    # no rules row calls a share of cargo spilled a tally: 4%, 6%, 7% are updates
    ("The tanker has lost {} of its cargo, the coastguard said.", ("nearly 4%", "about 6%", "around 7%")),
    # 12%, 21%, 30%: a timeline, and 21 is not 12 misreported
    ("Arrivals have risen {} since January, the ministry said.", ("12%", "21%", "30%")),
])
def test_a_figure_moving_one_way_over_three_report_days_is_a_timeline(sentence, figures):
    claims, groups, conflicts = _days(sentence, *figures)
    assert not conflicts
    # two days that differ may be an error as well as an update: they stay compared
    claims, groups, conflicts = _days(sentence, *figures[:2])
    assert len(conflicts) == 1


def test_a_country_fronting_a_clause_is_every_figure_s_there():
    # "En España, ..." names where all the clause's figures are, not only the nearest one's; a
    # clause that names two countries gives none of its figures the other's
    claims = extract("En España, el grupo clausurará 44 de sus 109 establecimientos.", "es")
    assert [("@country:ES" in c.counted.terms) for c in claims] == [True, True]
    claims = extract("In Spain the group will shut 44 stores; in Poland, 38 stores and 980 jobs.", "en")
    assert [next(t for t in c.counted.terms if t.startswith("@country:")) for c in claims] == ["@country:ES", "@country:PL", "@country:PL"]


def test_a_duration_is_said_of_its_clause_s_event_whichever_figure_is_nearer():
    # "empezaron" is nearer the clock time, but the 36 hours are how long what began took
    (six, hours) = extract("Los equipos empezaron a trabajar a las 6.00 del lunes y tardaron 36 horas.", "es")
    assert "#began" in six.counted.terms and "#began" in hours.counted.terms
    assert hours.counted.weights[hours.counted.terms.index("#began")] < six.counted.weights[six.counted.terms.index("#began")]


def test_one_figure_in_two_currencies_is_a_conflict():
    # no exchange rate is assumed, but the same figure of one quantity in pounds and in euros
    # names the wrong currency somewhere; a conversion (another figure) is never flagged
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The retailer reported a quarterly loss of £74 million."),
        ("es.txt", "es", "La cadena registró una pérdida trimestral de 74 millones de euros."))
    assert _pairs(claims, conflicts) == [("74 millones de euros", "£74 million")]
    assert "two currencies" in conflicts[0].reason
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The retailer reported a quarterly loss of £180 million."),
        ("es.txt", "es", "La cadena registró una pérdida trimestral de 215 millones de euros."))
    assert not conflicts
    # one significant digit ("£1 million", "1 millón de euros") is too common a figure to tell
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The retailer reported a quarterly loss of £1 million."),
        ("es.txt", "es", "La cadena registró una pérdida trimestral de 1 millón de euros."))
    assert not conflicts


@pytest.mark.parametrize(
    ("lang", "text", "figure", "concept"),
    [
        ("en", "The death toll from the collapse of a busy road bridge in the city of Monterrey rose to 12 on Tuesday.",
         "12", "#death_toll"),
        ("es", "La cifra de muertos por el derrumbe del puente de Monterrey ascendió a 12 este martes.", "12", "#death_toll"),
        ("pl", "Liczba zabitych w katastrofie mostu w Monterrey wzrosła do 21.", "21", "#death_toll"),
    ],
)
def test_a_figure_a_verb_gives_as_its_subjects_level_counts_that_subject(lang, text, figure, concept):
    # however many words stand between the subject and "rose to", the figure counts the subject
    (c,) = [c for c in extract(text, lang, article_id="a.txt") if c.text == figure]
    assert concept in c.counted.terms
    assert dict(zip(c.counted.terms, c.counted.weights))[concept] == 1.0


@pytest.mark.parametrize(
    ("lang", "text", "rate"),
    [
        ("es", "Le impusieron una multa de 4 millones de euros por deficiencias graves.", False),
        ("es", "Hubo 1.140 muertes al calor en una semana.", False),
        ("es", "El hotel cobra 150 euros por noche.", True),
        ("pl", "Bank ukarano karą 10 mln euro za czerwcową awarię systemu.", False),
        ("pl", "Bilet kosztuje 50 zł za dobę.", True),
        ("pl", "Bilet kosztuje 50 zł za osobę.", True),
        ("pl", "Nałożono na spółkę 2 mln zł kary za awarię.", False),
    ],
)
def test_a_rate_word_makes_a_rate_only_of_a_unit(lang, text, rate):
    # "por", "al", "za" also say why ("por deficiencias", "za awarię"): only a unit makes a rate
    (c,) = [c for c in extract(text, lang, article_id="a.txt") if c.kind in ("money", "count")]
    assert any(t.startswith("per:") for t in c.counted.terms) == rate, c.counted.terms


def test_an_amount_and_its_conversion_in_brackets_share_their_words():
    claims = extract("The museum valued the jewels at 550 million Swedish crowns ($54 million), police said.", "en",
                     article_id="a.txt")
    a, b = [c for c in claims if c.kind == "money"]
    assert a.counted.terms and a.counted.terms == b.counted.terms


def test_a_thousandfold_slip_across_currencies_is_flagged():
    # "1.2 billion pesos ($65 million)" in one article, "1.2 million pesos" in another: the
    # dollars and the pesos are a thousand times apart at any plausible rate
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Mexican officials said rebuilding the bridge would cost $65 million."),
        ("paper.txt", "en", "Mexican officials said rebuilding the bridge would cost 1.2 million pesos."),
    )
    assert _pairs(claims, conflicts) == [("$65 million", "1.2 million pesos")]
    assert "times apart" in conflicts[0].reason
    # the same amount converted is no conflict, and no figure a few times apart is judged either
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Mexican officials said rebuilding the bridge would cost $65 million."),
        ("paper.txt", "en", "Mexican officials said rebuilding the bridge would cost 1.2 billion pesos."),
    )
    assert conflicts == ()


def test_a_wire_datelines_day_takes_the_year_of_the_other_articles():
    from claimrecon.match import dateline_days

    arts = [Article("wire.txt", "ok", language="en", dateline_day="12-30", published_time="16:05"),
            Article("paper.txt", "ok", language="en", published="2026-01-02"),
            Article("far.txt", "ok", language="en", dateline_day="06-01"),
            Article("dated.txt", "ok", language="en", published="2026-01-03", dateline_day="01-01")]
    # the nearest year to the other articles' dates, across New Year; a day months away is left
    # undated; an article that prints its full date keeps it
    assert dateline_days(arts) == {"wire.txt": "2025-12-30T16:05"}
    # and none when no article of the run prints a full date
    assert dateline_days(arts[:1]) == {"wire.txt": "--12-30T16:05"}  # no year in the run: the day alone


def test_a_bylines_weekday_lets_days_without_a_year_resolve_weekdays():
    from claimrecon.match import _day, calendar_year

    arts = [Article("pl.txt", "ok", language="pl", dateline_day="02-18", dateline_weekday=2),
            Article("es.txt", "ok", language="es", dateline_day="02-18")]
    year = calendar_year(arts)
    assert year is not None and dt.date(year, 2, 18).isoweekday() == 2
    # "El lunes por la noche la cifra era de 12": the Monday before Tuesday 18 February, shown without a year
    assert _day(["#dead", "#weekday_1"], [1.0, 0.5], "--02-18", year) == "--02-17"
    assert _day(["#dead", "#weekday_1"], [1.0, 0.5], "--02-18") == ""  # no calendar: not resolved
    # a Monday before 1 January would be last year's: not resolved on a day without its year
    assert _day(["#weekday_1"], [1.0], "--01-01", 2025) == ""
    # where the articles' weekdays disagree, the calendar most of them fit
    odd = Article("x.txt", "ok", language="en", dateline_day="02-19", dateline_weekday=2)
    assert dt.date(calendar_year(arts + [arts[0], odd]), 2, 18).isoweekday() == 2
    assert dt.date(calendar_year([odd, odd, arts[0]]), 2, 19).isoweekday() == 2
    # a weekday a byline names outranks any read from an article's words
    guessed = Article("g.txt", "ok", language="en", dateline_day="02-18", weekday_guess=5)
    assert dt.date(calendar_year([arts[0], guessed, guessed]), 2, 18).isoweekday() == 2
    assert dt.date(calendar_year([guessed, arts[1]]), 2, 18).isoweekday() == 5
    # a run that prints a year gives none
    assert calendar_year(arts + [Article("y.txt", "ok", language="en", published="2025-02-18")]) is None
    assert calendar_year(arts[1:]) is None


@pytest.mark.parametrize(("first", "second", "joined"), [("Two", "Five", False), ("Twenty", "Thirty", True)])
def test_small_counts_need_surer_words_to_be_one_quantity(first, second, joined):
    # two dead, five arrested, three children: small counts are everywhere in a story, so two of
    # them are one quantity only on stronger evidence than larger figures need
    from claimrecon.match import _join
    from claimrecon.match.nodes import Nodes

    block = Nodes(lambda it: str(it.value))
    for aid, text in (("a.txt", f"{first} firefighters were hurt in the fire."), ("b.txt", f"{second} firemen were injured.")):
        (c,) = extract(text, "en", article_id=aid)
        it = item_of(c)
        it.source = aid
        block.add(it)
    nodes = block.finish()
    assert len(nodes) == 2
    clusters = _join(nodes, {(0, 1): (0.45, ())}, MIN_CONFIDENCE)  # enough for most figures, not for small counts
    assert (len(clusters) == 1) == joined


@pytest.mark.parametrize(
    ("total", "count", "flagged"),
    [
        # one count: the first says it sums
        ("Police arrested a total of 23 people across four countries, officials said.",
         "Police arrested 22 people across four countries, officials said.", [("22", "23")]),
        # "400 flights on Monday" is a day's count, not the strike's total
        ("The airline cancelled a total of 450 flights.", "The airline cancelled 400 flights on Monday.", []),
    ],
)
def test_a_total_and_a_count_that_does_not_say_it_sums(total, count, flagged):
    claims, groups, conflicts = _run(("a.txt", "en", total), ("b.txt", "en", count), published="2024-05-07")
    assert _pairs(claims, conflicts) == flagged


def test_a_reported_clause_has_its_own_subject():
    # "said", "que", "że" open a clause: the level verb's subject is not the speaker
    for lang, text, concept in (("en", "The mayor said the number of injured was 12.", "#injured"),
                                ("es", "El alcalde dijo que la cifra de heridos ascendió a 12.", "#injured"),
                                ("pl", "Burmistrz podał, że liczba rannych wynosi 12.", "#injured")):
        (c,) = extract(text, lang, article_id="a.txt")
        assert concept in c.counted.terms and "#mayor" not in c.counted.terms[:2], (lang, c.counted.terms)


def test_a_bracketed_amount_in_the_same_currency_is_another_amount():
    claims = extract("Revenue was €5 million (up from €4 million) last year.", "en", article_id="a.txt")
    a, b = [c for c in claims if c.kind == "money"]
    assert "#revenue" in a.counted.terms and "#revenue" not in b.counted.terms


def test_a_rising_toll_is_a_slip_only_from_one_day_to_the_next():
    # 13 dead on Wednesday, 31 on Sunday: four days may well bring the rise
    claims, groups, conflicts = _run(
        ("wed.txt", "en", "Thirteen people have died in the floods so far, officials said."),
        ("sun.txt", "en", "Thirty-one people have died in the floods so far, officials said."),
        published={"wed.txt": "2027-05-05", "sun.txt": "2027-05-09"})
    assert conflicts == ()


def test_an_impossible_published_date_does_not_stop_matching():
    # an article's date may come from anywhere (a JSON export, an API caller): "2024-02-30" is no date
    arts = [Article("a.txt", "ok", language="en", text="x", published="2024-02-30"),
            Article("b.txt", "ok", language="en", text="x", dateline_day="02-28")]
    claims = extract("Police arrested 22 people.", "en", article_id="a.txt") + \
        extract("Police arrested 23 people.", "en", article_id="b.txt")
    groups, conflicts = reconcile(arts, claims)
    assert len(conflicts) == 1


def test_figures_told_beside_an_agreeing_one_are_compared():
    # "sheds"/"galpones", "silos": no table links the words; the agreeing 1,482 says the two
    # sentences tell one fact, so their nearest other figures are one quantity told twice
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Inspectors counted 1,482 sheds, 37 silos and 900 tractors after the flood."),
        ("es.txt", "es", "Los inspectores contaron 1.482 galpones y 41 silos tras la riada."),
    )
    assert _pairs(claims, conflicts) == [("37", "41")]
    k = conflicts[0]
    assert "told beside an agreeing figure" in k.reason


def test_figures_beside_an_agreeing_one_stay_apart_when_far_apart():
    # 37 and 90 are too far apart to be one figure told twice: the anchor is no evidence for them
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Inspectors counted 1,482 sheds and 37 silos after the flood."),
        ("es.txt", "es", "Los inspectores contaron 1.482 galpones y 90 silos tras la riada."),
    )
    assert len(conflicts) == 0


def test_a_scale_slip_told_beside_an_agreeing_figure_is_compared():
    # "repairs"/"arreglos": no word in common; a thousand times apart, the same digits: a slip of
    # one quantity, told in sentences that agree on 1,482
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Inspectors counted 1,482 damaged sheds and put the repairs at 4.2 million zlotys."),
        ("es.txt", "es", "Los inspectores contaron 1.482 galpones dañados y cifraron los arreglos en 4.200 millones de eslotis."),
    )
    assert _pairs(claims, conflicts) == [("4.2 million zlotys", "4.200 millones de eslotis")]


@pytest.mark.parametrize("en, xx", [
    # the same digits in another order: "has been paid" and "ya han ingresado" share no word
    (("en.txt", "en", "Back taxes and fines bring the debt to €138.6m. So far 38.2% has been paid, the agency said. "
      "Another 9% is being contested in court."),
     ("es.txt", "es", "Las cuotas y multas elevan la deuda a 138,6 millones de euros. Los contribuyentes ya han "
      "ingresado el 32,8%, y un 9% está recurrido.")),
    # three significant digits exactly ten times apart: a decimal point slipped
    (("en.txt", "en", "Turnout reached 61.4% in the capital. Postal votes were 2.35% of the total, officials said, and "
      "8% of ballots were blank."),
     ("pl.txt", "pl", "Frekwencja w stolicy wyniosła 61,4 proc. Głosy korespondencyjne stanowiły 23,5 proc., a 8 proc. "
      "kart było pustych.")),
])
def test_a_slip_told_next_to_an_agreeing_figure_is_compared_with_no_word_in_common(en, xx):
    # the sentences agree on another figure (€138.6m, 61.4%): a figure beside it whose digits
    # slipped from the other's is the same quantity told twice, though no word ties the two
    claims, _, conflicts = _run(en, xx, published="2026-03-02")
    assert _pairs(claims, conflicts) in ([("32,8%", "38.2%")], [("2.35%", "23,5 proc.")])
    assert "the same digits" in conflicts[0].reason and "told next to an agreeing figure" in conflicts[0].reason


@pytest.mark.parametrize("en_share, pl_share", [
    ("26", "2,6"),  # two significant digits ten times apart: as often two shares as one slipped
    ("12", "2,1"),  # 12 and 2.1: the same digits at another size, which no slip of order gives
])
def test_figures_next_to_an_agreeing_one_with_no_word_in_common_slip_only_strictly(en_share, pl_share):
    claims, _, conflicts = _run(
        ("en.txt", "en", f"Turnout reached 61.4% in the capital. Postal votes were {en_share}% of the total, officials said, "
         "and 8% of ballots were blank."),
        ("pl.txt", "pl", f"Frekwencja w stolicy wyniosła 61,4 proc. Głosy korespondencyjne stanowiły {pl_share} proc., "
         "a 8 proc. kart było pustych."),
        published="2026-03-02")
    assert _pairs(claims, conflicts) == []


def test_next_to_an_agreeing_figure_ten_times_apart_is_no_slip_of_two_counted_nouns():
    # residents and firefighters, each told next to the agreeing 3,400 hectares: 1,250 and 125 are
    # two counts, however alike their digits (a red-team review's case)
    claims, _, conflicts = _run(
        ("en.txt", "en", "The fire has burned 3,400 hectares since it broke out on Monday afternoon near the village of "
         "Villanueva de Viver. Some 1,250 residents of two villages spent the night in sports halls in nearby towns."),
        ("es.txt", "es", "El incendio sigue sin control tras calcinar 3.400 hectáreas, según el último balance. Trabajan en la "
         "extinción 125 bomberos, con el apoyo de 14 medios aéreos."),
        published="2026-07-23")
    assert _pairs(claims, conflicts) == []


@pytest.mark.parametrize("en, es", [
    # two counted nouns, residents and firefighters: 1,250 and 1,520 are two counts
    ("The fire has burned 3,400 hectares since it broke out on Monday afternoon. Some 1,250 residents of two "
     "villages spent the night in sports halls in nearby towns.",
     "El incendio sigue sin control tras calcinar 3.400 hectáreas, según el último balance. Trabajan en la extinción "
     "1.520 bomberos, con el apoyo de 14 medios aéreos."),
    # a change against a level: exports rose 12%, youth unemployment stood at 21%
    ("Inflation eased to 3.2% in May, the statistics office said. Exports rose 12% on the year.",
     "La inflación bajó al 3,2% en mayo, según el instituto de estadística. La tasa de paro juvenil se situó en el 21%."),
])
def test_next_to_an_agreeing_figure_swapped_digits_of_two_measures_are_no_slip(en, es):
    # a reviewer's cases: the same digits in another order, but the words say two measures
    claims, _, conflicts = _run(("en.txt", "en", en), ("es.txt", "es", es), published="2026-06-10")
    assert _pairs(claims, conflicts) == []


def test_next_to_an_agreeing_figure_a_rise_is_no_slip_of_a_fall():
    # "fell 12%" and "wzrosła o 21 proc.": the same digits in another order, but one change went
    # down and the other up (a red-team review's case)
    claims, _, conflicts = _run(
        ("en.txt", "en", "Police detected 71.8% of all crimes. Burglaries fell 12%, while the number of drink-drivers caught rose 9%."),
        ("pl.txt", "pl", "Wykrywalność wyniosła 71,8 proc. Liczba oszustw internetowych wzrosła o 21 proc."),
        published="2026-01-20")
    assert _pairs(claims, conflicts) == []


@pytest.mark.parametrize("en, xx, pair", [
    (("en.txt", "en", "The radioactive source had been missing for 32 hours when a scrapyard worker found it. The plant "
      "will stay shut for at least a week."),
     ("pl.txt", "pl", "Źródło promieniotwórcze zaginęło na 23 godziny, zanim znalazł je pracownik złomowiska. Blok pozostanie "
      "wyłączony przez 10 dni."),
     ("23 godziny", "32 hours")),
    (("en.txt", "en", "The radioactive source was missing for 32 hours before it was found. The exclusion zone stayed in "
      "place for nine hours."),
     ("es.txt", "es", "La fuente radiactiva estuvo desaparecida 23 horas hasta que la encontraron. El perímetro se mantuvo "
      "durante ocho horas."),
     ("23 horas", "32 hours")),
])
def test_a_swap_in_durations_is_read_in_the_unit_they_are_written_in(en, xx, pair):
    # 32 and 23 hours are 115,200 and 82,800 seconds, whose digits tell nothing: read in hours,
    # they are the same digits in another order, evidence that the two are one duration miscopied
    claims, groups, conflicts = _run(en, xx, published="2026-02-10")
    assert _pairs(claims, conflicts) == [pair]
    of = {cid: g for g in groups for cid in g.claims}
    assert "the same digits" in of[conflicts[0].claims[0]].match.evidence


@pytest.mark.parametrize("en_missing, es_missing, slipped", [
    ("1.5 hours", "15 horas", True),  # 1.5 and 15 as written (90 and 900 minutes have one digit each)
    ("two days", "84 horas", False),  # 2 days and 84 hours: no digits written alike (48 and 84 hours are)
])
def test_each_duration_is_read_in_its_own_written_unit(en_missing, es_missing, slipped):
    claims, groups, conflicts = _run(
        ("en.txt", "en", f"The radioactive source was missing for {en_missing} before it was found. The exclusion zone "
         "stayed in place for nine hours."),
        ("es.txt", "es", f"La fuente radiactiva estuvo desaparecida {es_missing} hasta que la encontraron. El perímetro se "
         "mantuvo durante ocho horas."),
        published="2026-02-10")
    of = {cid: g for g in groups for cid in g.claims}
    assert len(conflicts) == 1
    assert ("the same digits" in of[conflicts[0].claims[0]].match.evidence) is slipped


def test_durations_more_than_twice_apart_stay_apart_whatever_their_digits():
    # two towns' response times, both ambulances': 41 and 14 minutes read as a slip would join
    # them (a red-team review's case); durations more than twice apart never join on a slip
    claims, _, conflicts = _run(
        ("en.txt", "en", "In Ogrodzieniec, the ambulance took 41 minutes to arrive on Saturday night."),
        ("pl.txt", "pl", "W sąsiednich Łazach karetka dojechała po 14 minutach."),
        published="2026-02-10")
    assert _pairs(claims, conflicts) == []


def test_a_day_that_opens_the_clause_dates_a_toll_far_from_it():
    # "W poniedziałek po południu ... o pięciu zabitych": Monday's toll, eight words from its day;
    # the Spanish article's seven dead are Tuesday's (its date): a timeline, not a conflict
    claims, groups, conflicts = _run(
        ("pl.txt", "pl", "W poniedziałek po południu służby ratunkowe informowały o pięciu zabitych w karambolu."),
        ("es.txt", "es", "Son ya siete los fallecidos en el choque en cadena."),
        published={"pl.txt": "2026-01-13", "es.txt": "2026-01-13"})
    assert len(conflicts) == 0
    ids = {c.text: c.id for c in claims}
    of = {cid: g for g in groups for cid in g.claims}
    five, seven = of[ids["pięciu"]], of[ids["siete"]]
    assert five.id != seven.id and five.series is not None and five.series == seven.series  # one toll's timeline


@pytest.mark.parametrize("gmt, flagged", [("09:20 GMT", True), ("11:20 GMT", False)])
def test_an_implied_clock_is_read_on_the_clock_of_the_country_reported(gmt, flagged):
    # both articles report Poland: the Polish outlet's bare "13:20" is Warsaw's clock in August
    # (UTC+2), 11:20 GMT; two hours from 09:20 GMT, the same instant as 11:20 GMT
    claims, groups, conflicts = _run(
        ("en.txt", "en", f"In Poland, inspectors took the first water samples from the river at {gmt} on Tuesday."),
        ("pl.txt", "pl", "W Polsce inspektorzy pobrali pierwsze próbki wody z rzeki we wtorek o 13:20."),
        published={"en.txt": "2025-08-12", "pl.txt": "2025-08-12"})
    assert _pairs(claims, conflicts) == ([(gmt, "13:20")] if flagged else [])


def test_an_implied_clock_stays_unread_when_the_articles_name_two_countries_alike():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Poland and Germany, inspectors took the first water samples at 09:20 GMT on Tuesday."),
        ("en2.txt", "en", "In Germany and Poland, inspectors took the first water samples on Tuesday at 13:20."),
        published={"en.txt": "2025-08-12", "en2.txt": "2025-08-12"})
    assert len(conflicts) == 0


def test_an_implied_clock_is_read_on_the_clock_of_the_country_named_most_when_articles_name_two():
    # both articles name Poland and Germany, Poland more often (the Polish outlet's own "Polska"
    # aside): the bare "13:20" is Warsaw's clock in August, 11:20 GMT, two hours from 09:20 GMT
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Poland, inspectors took the first water samples from the river at 09:20 GMT on Tuesday. "
                         "In Germany, 12 samples were taken. In Poland, 40 samples were taken in all."),
        ("es.txt", "es", "En Polonia, los inspectores tomaron las primeras 25 muestras del río el martes. "
                         "En Alemania se tomaron 12 muestras. En Polonia se tomaron 40 en total."),
        ("pl.txt", "pl", "W Polsce inspektorzy pobrali pierwsze próbki wody z rzeki we wtorek o 13:20. "
                         "W Niemczech pobrano 12 próbek. W Polsce pobrano w sumie 40 próbek."),
        published={"en.txt": "2025-08-12", "es.txt": "2025-08-12", "pl.txt": "2025-08-12"})
    assert ("09:20 GMT", "13:20") in _pairs(claims, conflicts)


def test_an_outlet_naming_its_own_country_does_not_make_it_the_events():
    # Polish pilgrims at a shrine in Portugal: the Polish outlet names Poland in every sentence,
    # the others name Portugal as often as Poland; Lisbon's clock (UTC+1 in August) is the event's,
    # so the wire's 10.40 GMT and the bare 11.40 agree
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Portugal, 40 Polish pilgrims reached the shrine at 10.40 GMT on Tuesday. "
                         "Poland sent 12 buses to Portugal this year."),
        ("pl.txt", "pl", "W Portugalii 40 polskich pielgrzymów dotarło do sanktuarium we wtorek o 11.40. "
                         "Polska wysłała w tym roku 12 autokarów. Z Polski przyjechało 300 osób, z Krakowa 45 osób, a z Polski południowej 80 osób."),
        published={"en.txt": "2025-08-12", "pl.txt": "2025-08-12"})
    assert ("10.40 GMT", "11.40") not in _pairs(claims, conflicts)


def test_a_country_of_two_clocks_reads_no_moment_on_either_when_restatements_differ():
    # Tenerife keeps the Canaries' clock (UTC+1 in August), an hour behind mainland Spain's: the
    # wire's "12.20 local time (11.20 GMT)" is right, the paper's "1.20pm local time (11.20 GMT)"
    # wrong; the mainland's clock is no arbiter, so only the paper's local time disagrees
    claims, groups, conflicts = _run(
        ("en.txt", "en", "A tourist boat sank off Tenerife in Spain at 12.20 local time (11.20 GMT) on Tuesday."),
        ("en2.txt", "en", "A whale-watching boat sank off Tenerife, Spain, at 1.20pm local time (11.20 GMT) on Tuesday."),
        ("es.txt", "es", "Un barco turístico se hundió el martes frente a Tenerife, en España, a las 12.20."),
        published={"en.txt": "2025-08-12", "en2.txt": "2025-08-12", "es.txt": "2025-08-12"})
    pairs = _pairs(claims, conflicts)
    assert ("1.20pm local time", "12.20") in pairs or ("1.20pm local time", "12.20 local time") in pairs
    assert not any("11.20 GMT)" in p and "12.20" in p for p in pairs)


def test_a_lone_restatement_off_the_runs_other_restated_clocks_is_the_slip():
    # Venice in November (UTC+1), no country or town the run's articles name as a place: the
    # wire restates two moments at UTC+1 and a third, "2.20pm local time (3.20pm GMT)", at UTC-1,
    # a clock no named zone keeps; the bare "14.20" and "2.20pm" are read on the run's UTC+1 and so
    # contradict the slipped restatement (a red-team review's case; before, the lone restatement
    # set the moment's clock, and nothing was flagged)
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "A water bus collided with a cargo barge on the Grand Canal at 06:40 local time (05:40 GMT) on Thursday, "
         "injuring 14 passengers, Italian police said. Traffic on the canal was halted until 10:35 local time (09:35 GMT), when "
         "the barge was towed away. The transport company said a second vaporetto was taken out of service at 2.20pm local time "
         "(3.20pm GMT) after inspectors found damage to its hull."),
        ("paper.txt", "en", "Fourteen people were hurt when a vaporetto hit a barge on the Grand Canal on Thursday morning. The "
         "collision happened at 06:40, and a second vaporetto was taken out of service at 2.20pm after inspectors found damage "
         "to its hull, the transport company said."),
        ("es.txt", "es", "Un vaporetto chocó con una barcaza en el Gran Canal a las 06.40 del jueves, con 14 pasajeros heridos, según "
         "la policía italiana. La empresa de transporte retiró de servicio un segundo vaporetto a las 14.20 tras detectar daños "
         "en el casco."),
        published="2026-11-12")
    pairs = _pairs(claims, conflicts)
    assert ("14.20", "3.20pm GMT)") in pairs and ("2.20pm", "3.20pm GMT)") in pairs
    assert not any("05:40 GMT)" in p or "09:35 GMT)" in p for p in pairs)


#: runs whose lone restatement is right: (wire, paper, Spanish outlet, publication date, the bare
#: clock times that must meet no flag); red-team and review cases against the first version of
#: the rule above
_LONE_RIGHT = {
    # a ferry from Portsmouth (UTC+1 in July) docking in Bilbao (UTC+2)
    "another country": (
        "The ferry left Portsmouth in England at 8.15pm local time (1915 GMT) on Tuesday. The crew alerted the coastguard at "
        "11.50pm local time (2250 GMT). The ferry docked in Bilbao, Spain, at 2.30pm local time (1230 GMT) on Wednesday, "
        "Spanish port authorities said.",
        "The ferry finally docked in Bilbao at 2.30pm on Wednesday, the port authorities said.",
        "El ferri atracó en Bilbao, en España, a las 14.30 del miércoles, según la Autoridad Portuaria.",
        "2026-07-15", ("2.30pm", "14.30")),
    # a storm in Valencia whose Sunday falls after the clocks went back (Saturday UTC+2, Sunday UTC+1)
    "another day": (
        "Storm Bruno made landfall near Valencia in Spain at 9.15am local time (0715 GMT) on Saturday. The regional "
        "government issued a red alert at 6.30pm local time (1630 GMT) on Saturday. The river Turia burst its banks in "
        "Paterna at 11.40am local time (1040 GMT) on Sunday, emergency services said.",
        "The river Turia burst its banks in Paterna at 11.40am on Sunday, according to the emergency services.",
        "El río Turia se desbordó en Paterna, en España, a las 11.40 del domingo, según los servicios de emergencia.",
        "2026-10-26", ("11.40am", "11.40")),
    # an undated Saturday-night time in a report of the Sunday the clocks went back (UTC+2 then)
    "the clocks changed the day before": (
        "Police in Spain said the storm struck the coast at 11.15pm local time (2115 GMT). The river burst its banks at "
        "9.40am local time (0840 GMT) on Sunday, and the red alert was lifted at 4.10pm local time (1510 GMT).",
        "The storm struck the coast at 11.15pm, Spanish police said.",
        "La tormenta llegó a la costa a las 23.15, según la policía española.",
        "2026-10-25", ("11.15pm", "23.15")),
    # Darwin (UTC+9:30) beside Brisbane (UTC+10): half an hour is a zone, not a slip
    "half an hour": (
        "The cyclone crossed the coast near Brisbane in Australia at 6.10am local time (2010 GMT). Flights resumed in "
        "Brisbane at 3.25pm local time (0525 GMT). Further west it crossed into the Northern Territory near Darwin at "
        "2.20pm local time (0450 GMT).",
        "The cyclone reached the Northern Territory near Darwin at 2.20pm, Australian officials said.",
        "El ciclón entró en el Territorio del Norte, cerca de Darwin, en Australia, a las 14.20.",
        "2026-02-10", ("2.20pm", "14.20")),
    # no country or town the run names as a place: no clock can tell the slip from another port
    "no place named": (
        "The ferry left port at 8.15pm local time (1915 GMT) on Tuesday. The crew alerted the coastguard at 11.50pm local "
        "time (2250 GMT). It docked at its destination at 2.30pm local time (1230 GMT) on Wednesday, the operator said.",
        "The ferry finally docked at 2.30pm on Wednesday, the operator said.",
        "El ferri atracó a las 14.30 del miércoles, según la naviera.",
        "2026-07-15", ("2.30pm", "14.30")),
}


@pytest.mark.parametrize("case", sorted(_LONE_RIGHT))
def test_a_lone_restatement_on_a_clock_the_run_names_stands(case):
    # each lone restatement is on a clock of the run's countries that day (or the day before,
    # for a time that names no day), half an hour off the others, or in a run that names no
    # place: no slip, so the bare clock times meet no flag
    wire, paper, es, published, bare = _LONE_RIGHT[case]
    claims, groups, conflicts = _run(("wire.txt", "en", wire), ("paper.txt", "en", paper), ("es.txt", "es", es), published=published)
    assert not any(b in p for p in _pairs(claims, conflicts) for b in bare)


def test_two_restatements_at_two_offsets_read_the_implied_clocks_on_the_country_reported():
    # Poland in August is UTC+2: the English outlet restates 13:20 rightly (11:20 GMT), the
    # Spanish one wrongly (12.20 GMT); the Polish outlet's bare 13:20 is read on Warsaw's clock
    # and so contradicts the wrong restatement
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Poland, inspectors took the first water samples from the river at 13:20 local time (11:20 GMT) on Tuesday."),
        ("es.txt", "es", "En Polonia, los inspectores tomaron las primeras muestras del río el martes a las 13.20 hora local (12.20 GMT)."),
        ("pl.txt", "pl", "W Polsce inspektorzy pobrali pierwsze próbki wody z rzeki we wtorek o 13:20."),
        published={"en.txt": "2025-08-12", "es.txt": "2025-08-12", "pl.txt": "2025-08-12"})
    pairs = _pairs(claims, conflicts)
    assert ("12.20 GMT)", "13:20") in pairs
    assert ("11:20 GMT)", "13:20") not in pairs and ("13:20", "13:20 local time") not in pairs
    # the Spanish outlet's own "13.20 hora local" is Warsaw's 13:20 too: only its restatement is wrong
    assert ("11:20 GMT)", "13.20 hora local") not in pairs and ("12.20 GMT)", "13:20 local time") in pairs


def test_a_restatement_of_a_local_time_abroad_stands_when_the_people_are_polish():
    # Polish tourists in Tenerife in June: every article names Poland (the people), none names a
    # place whose clock is UTC+1, yet "10.40am local time (0940 GMT)" is right (the Canaries keep
    # UTC+1 in summer); the run's country must not override it (a red-team case against 6d863b2)
    wire = ("en.txt", "en", "A bus carrying 38 Polish tourists overturned on a mountain road in Tenerife at 10.40am local time (0940 GMT) on Thursday.")
    polish = ("pl.txt", "pl", "Autokar z 38 polskimi turystami przewrócił się w czwartek o godz. 10.40 na górskiej drodze na Teneryfie.")
    spanish = ("es.txt", "es", "Una guagua con 38 turistas polacos volcó el jueves a las 10.40 en una carretera de montaña de Tenerife.")
    claims, groups, conflicts = _run(wire, polish, spanish, published="2025-06-12")
    assert not [p for p in _pairs(claims, conflicts) if "GMT" in p[0] + p[1]]


def test_a_lone_restatement_off_the_clock_of_the_country_named_as_the_place_is_the_slip():
    # Poland keeps UTC+2 in June, so 7.30am there is 6.30am in the UK: "(5.30am UK time)" implies
    # UTC+3, no clock of Poland's. With no other article restating the time, the clock of the
    # country the articles name as the place ("in Poland", "w Polsce") is the local one, and the
    # restatement is flagged against the outlets' 7.30 (against the Tenerife test above: there
    # Poland is named only through its people)
    wire = ("en.txt", "en", "Police in Poland shut the A4 motorway near Kraków at 7.30am local time (5.30am UK time) on Tuesday after 14 lorries collided.")
    spanish = ("es.txt", "es", "La policía cerró el martes a las 7.30 la autopista A4 cerca de Cracovia, en Polonia, tras chocar 14 camiones.")
    polish = ("pl.txt", "pl", "Policja zamknęła we wtorek o godz. 7.30 autostradę A4 pod Krakowem, w Polsce, po zderzeniu 14 ciężarówek.")
    claims, groups, conflicts = _run(wire, spanish, polish, published="2026-06-16")
    pairs = _pairs(claims, conflicts)
    assert pairs == [("5.30am UK time)", "7.30"), ("5.30am UK time)", "7.30")]  # against the Spanish and Polish 7.30


def test_a_country_named_as_a_place_by_few_of_the_articles_that_name_it_sets_no_clock():
    # red-team cases against 9a756ec: the run names Poland through its people in every article
    # and as a place only in passing ("Poland's foreign ministry", "back to Poland"); Crete and
    # Tenerife keep their own clocks, so the restatements are right and nothing is flagged
    wire = ("en.txt", "en", "A bus carrying 38 Polish tourists overturned on a mountain road in Tenerife at 10.40am local time (0940 GMT) on Thursday.")
    ministry = ("en2.txt", "en", "Poland's foreign ministry said 12 of the 38 tourists were taken to hospital after the crash at 10.40am.")
    polish = ("pl.txt", "pl", "Autokar z 38 polskimi turystami przewrócił się w czwartek o godz. 10.40 na górskiej drodze na Teneryfie.")
    spanish = ("es.txt", "es", "Una guagua con 38 turistas polacos volcó el jueves a las 10.40 en una carretera de montaña de Tenerife.")
    claims, groups, conflicts = _run(wire, ministry, polish, spanish, published="2025-06-12")
    assert not [p for p in _pairs(claims, conflicts) if "GMT" in p[0] + p[1]]
    crete = ("en.txt", "en", "A tourist boat carrying 30 British holidaymakers capsized off Crete at 11.30am local time (9.30am UK time) on Thursday.")
    claims, groups, conflicts = _run(crete, ("es.txt", "es", "Una embarcación con 30 turistas británicos volcó el jueves a las 11.30 frente a Creta."),
                                     ("pl.txt", "pl", "Łódź z 30 brytyjskimi turystami wywróciła się w czwartek o 11.30 u wybrzeży Krety."),
                                     published="2025-06-12")
    assert _pairs(claims, conflicts) == []


def test_places_named_are_not_the_countries_named_through_their_people():
    from claimrecon.extract.counted import places_named

    assert places_named("Police in Poland shut the motorway.", "en") == {"PL"}
    assert places_named("A bus carrying 38 Polish tourists overturned in Tenerife.", "en") == frozenset()
    assert places_named("Volcó una guagua con 38 turistas polacos en España.", "es") == {"ES"}
    assert places_named("Autokar z polskimi turystami przewrócił się w Hiszpanii, a Polacy byli już w Polsce.", "pl") == {"ES", "PL"}
    assert places_named("Odciętych zostało 14 polskich turystów; godz. 10.40 czasu polskiego.", "pl") == frozenset()


def test_of_two_restatements_the_one_no_clock_of_the_run_keeps_sets_no_local_clock():
    # Madrid in October keeps UTC+2 (the Canaries UTC+1): "18:12 local time (19:12 BST)" implies
    # UTC+0, which no clock of Spain, the country the articles name, keeps then, so the other
    # restatement's UTC+2 is the local clock, the Spanish outlet's "18.12" is read on it and the
    # wrong BST is flagged against it
    right = ("en1.txt", "en", "In Madrid the student march set off at 18:12 local time (17:12 BST) on Wednesday, Spanish police said.")
    wrong = ("en2.txt", "en", "The students' march in Madrid set off at 18:12 local time (19:12 BST) on Wednesday, Spanish police said.")
    spanish = ("es.txt", "es", "La marcha de los estudiantes por Madrid arrancó el miércoles a las 18.12, según la policía.")
    claims, groups, conflicts = _run(right, wrong, spanish, published="2026-10-14")
    pairs = _pairs(claims, conflicts)
    assert ("18.12", "19:12 BST)") in pairs
    assert ("17:12 BST)", "18.12") not in pairs and ("18.12", "17:12 BST)") not in pairs


def test_a_tally_anchored_to_a_clock_time_is_a_moment_of_its_day_before_a_later_report_of_that_day():
    # "hasta las 17.30" gives that moment's toll; the next morning's report of the day's toll may
    # be higher: a timeline, not a conflict (a rise the same evening is no disagreement either)
    spanish = ("es.txt", "es", "Hasta las 17.30, según el parte del servicio de rescate TOPR, 29 habían sido hospitalizados.")
    wire = ("en.txt", "en", "A heatwave in Poland's Tatra mountains put 38 competitors in hospital yesterday.")
    claims, groups, conflicts = _run(spanish, wire, published={"es.txt": "2026-06-27T18:05", "en.txt": "2026-06-28T08:15"})
    series = [g.series for g in groups if g.series]
    assert len(series) == 2 and len(set(series)) == 1  # one quantity, two moments of it
    assert _pairs(claims, conflicts) == []


def test_an_outlets_own_clock_is_no_proof_of_a_restatement():
    # London in July (UTC+1), no article names Britain next to a figure: the Spanish outlet's
    # "14.15 hora local (12.15 GMT)" slips to Spain's clock; that Madrid keeps UTC+2 must not make
    # it the local clock (a red-team case against eb978e6), so the wire's right 1315 GMT stands
    wire = ("en1.txt", "en", "A tower crane collapsed onto a building site in Stratford at 2.15pm local time (1315 GMT) on Thursday, the police said.")
    daily = ("en2.txt", "en", "The crane came down at 2.15pm on Thursday, police said.")
    spanish = ("es.txt", "es", "Una grúa se desplomó sobre una obra en Stratford a las 14.15 hora local (12.15 GMT) del jueves, según la policía.")
    polish = ("pl.txt", "pl", "Dźwig runął na plac budowy w Stratford w czwartek o 14.15 czasu lokalnego.")
    claims, groups, conflicts = _run(wire, daily, spanish, polish, published="2025-07-10")
    pairs = _pairs(claims, conflicts)
    assert ("12.15 GMT)", "1315 GMT)") in pairs
    assert not any("1315 GMT)" in p and ("2.15pm" in p or "14.15 czasu lokalnego" in p) for p in pairs)


def test_a_lone_restatement_no_named_clock_keeps_gives_way_to_that_time_written_in_a_named_zone():
    # Poland in July keeps UTC+2: "1.47pm local time (12.47 GMT)" implies UTC+1, which no zone of
    # Poland keeps, while another article writes the same 13:47 as Warsaw time; so the local clock
    # is Warsaw's, the Spanish outlet's "13.47" is read on it, and the wrong GMT is what disagrees
    wire = ("en1.txt", "en", "The gold purchase was announced at 1.47pm local time (12.47 GMT) on Tuesday, Polish officials said.")
    daily = ("en2.txt", "en", "The National Bank of Poland announced the purchase of 21 tonnes at 13:47 Warsaw time on Tuesday.")
    spanish = ("es.txt", "es", "El banco central de Polonia anunció la compra el martes a las 13.47.")
    claims, groups, conflicts = _run(wire, daily, spanish, published="2026-07-07")
    pairs = _pairs(claims, conflicts)
    assert ("12.47 GMT)", "13.47") in pairs
    assert ("13.47", "13:47 Warsaw time") not in pairs and ("13:47 Warsaw time", "13.47") not in pairs


def test_a_clock_time_in_a_stated_zone_never_joins_an_implied_one_hours_apart_on_every_clock_of_the_run():
    # the morning count's "a las 8.30" (Spain's clock, implied) and the evening count's "7pm
    # local time (6pm BST)" are two moments: no clock of the run (Spain's, Britain's) brings them
    # within three hours, so they are never one quantity to flag, whatever words the two share
    es = ("es.txt", "es", "A las 8.30, unas 2.100 personas esperaban en el aeropuerto de Bilbao, según datos de la compañía.")
    en = ("en.txt", "en", "As of 7pm local time (6pm BST), the company put the number of passengers waiting in Bilbao at 3,900.")
    claims, groups, conflicts = _run(es, en, published="2026-06-08")
    pairs = _pairs(claims, conflicts)
    assert not any("8.30" in p for p in pairs)


def test_two_amounts_one_article_gives_apart_are_never_joined_as_one_in_two_currencies():
    # each article gives Ireland's bill in euros and Northern Ireland's in pounds, each its own
    # quantity; Northern Ireland's pounds are near Ireland's euros at rough rates, but that must
    # not make them one amount told in two currencies
    es = ("es.txt", "es", "El coste total de las obras contra las inundaciones asciende a 58,4 millones de euros en Irlanda, y el de Irlanda del Norte, a 44,2 millones de libras.")
    en = ("en.txt", "en", "Northern Ireland's flood works have cost £44.2m so far. The Irish Republic's works have cost €58.4m (£49.9m), a figure that includes new pumps.")
    claims, groups, conflicts = _run(es, en, published="2026-03-04")
    assert _pairs(claims, conflicts) == []


def test_where_no_country_of_the_run_has_a_known_clock_a_restatement_says_which_clock_implied_times_are_on():
    # a fictional republic no rules file knows, six hours behind UTC: the wire's "2.05pm local time
    # (2005 GMT)" says so, and the Spanish outlet's wrong "a las 13.05" must still meet the GMT
    # figure, though no outlet's own clock brings 13:05 within three hours of 20:05 UTC
    wire = ("en1.txt", "en", "The riot at the Santa Rufina jail in Vallemar began at 2.05pm local time (2005 GMT) on Saturday, the interior ministry said.")
    spanish = ("es.txt", "es", "El motín en la cárcel de Santa Rufina, en Vallemar, comenzó a las 13.05 del sábado, según el ministerio del Interior.")
    claims, groups, conflicts = _run(wire, spanish, published="2026-06-13")
    pairs = _pairs(claims, conflicts)
    assert ("13.05", "2005 GMT)") in pairs or ("2005 GMT)", "13.05") in pairs


def test_one_figure_miscopied_is_compared_whatever_noun_each_article_counts_it_with():
    # "membership cards" and "carnés de socio" fall under two concepts of the table, but 2,935 and
    # 2.395 are the same three digits in another order: one figure miscopied, to be flagged
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The sports club handed out 2,935 membership cards in its first week, the club said."),
        ("es.txt", "es", "El club deportivo entregó 2.395 carnés de socio en su primera semana, según el club."),
        published="2026-05-30")
    assert _pairs(claims, conflicts) == [("2,935", "2.395")]


def test_a_part_and_a_count_that_names_no_whole_are_compared_when_one_figure_was_miscopied():
    # "318 of them" is a part and "381 osób" names no whole: two quantities as a rule, one figure
    # with its digits swapped here
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Rescuers pulled 318 of them from the rubble, the fire service said."),
        ("pl.txt", "pl", "Ratownicy wydobyli spod gruzów 381 osób, podała straż pożarna."),
        published="2026-05-30")
    assert _pairs(claims, conflicts) == [("318", "381")]


def test_an_item_of_a_list_told_alike_is_compared_with_a_figure_only_its_size_can_be():
    # the Polish article gives two "w tym ... dzieci" worded alike (1,200 at the fete, 7 injured):
    # the Spanish "unos 900 niños" of the 3,000 can only be the first, near it and far from 7
    pl = ("pl.txt", "pl", "Na festynie szkolnym w Gdyni bawiło się 3000 osób, w tym ponad 1200 dzieci. Rannych zostało 40 osób, w tym 7 dzieci.")
    es = ("es.txt", "es", "La fiesta escolar de Gdynia reunió a unas 3.000 personas, entre ellas unos 900 niños, cuando se desplomó la carpa.")
    claims, groups, conflicts = _run(pl, es, published="2026-06-01")
    assert _pairs(claims, conflicts) == [("ponad 1200", "unos 900")]


def test_a_place_of_the_whole_and_a_tenth_of_the_total_are_not_one_figure_miscopied():
    # red-team cases against 3acabdc: a place's part whose digits are the total's in another order
    # or a tenth of it is a part, not the total with a slip
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Police detained 153 people across France after the May Day marches, the interior ministry said."),
        ("pl.txt", "pl", "W samym Paryżu policja zatrzymała 135 osób po pochodach pierwszomajowych."),
        published="2026-05-02")
    assert _pairs(claims, conflicts) == []
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The airline cancelled 1,250 flights on Thursday because of the strike, the company said."),
        ("es.txt", "es", "Solo en España, la aerolínea canceló 125 vuelos el jueves por la huelga, según la compañía."),
        published="2026-04-02")
    assert _pairs(claims, conflicts) == []


def test_a_restatement_gives_the_events_clock_where_only_compatriots_name_a_country():
    # a red-team case against 45eaddb: the quake in Lima names no country but Spain ("dos turistas
    # españoles"), so only the wire's "11.47am local time (1647 GMT)" says the clock is UTC-05:00;
    # the Spanish outlet's wrong "a las 12.47" must still meet the GMT figure
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The magnitude 6.4 quake struck Lima at 11.47am local time (1647 GMT) on Monday, killing 12 people, civil defence officials said."),
        ("es.txt", "es", "El sismo sacudió Lima a las 12.47 del lunes y causó la muerte de 12 personas. Entre los heridos hay dos turistas españoles."),
        published="2026-03-09")
    pairs = _pairs(claims, conflicts)
    assert ("12.47", "1647 GMT)") in pairs


def test_an_outlets_own_clock_is_no_witness_against_a_lone_restatement():
    # Tenerife in November keeps UTC+0, Spain is named in no sentence with a figure: the Polish
    # outlet's "10.40 czasu polskiego" copies the local time onto Warsaw's clock (the likeliest
    # slip), so it must not make Warsaw's clock the local one (a red-team case against c50bd63)
    wire = ("en1.txt", "en", "A landslide hit the Masca ravine trail at 10.40am local time (1040 GMT) on Tuesday, cutting off 14 Polish hikers, emergency services said.")
    daily = ("en2.txt", "en", "The landslide struck at 10.40am on Tuesday, leaving 14 Polish walkers stranded, rescuers said.")
    spanish = ("es.txt", "es", "El desprendimiento se produjo el martes a las 10.40 en el barranco de Masca y dejó aislados a 14 senderistas polacos, según el 112.")
    polish = ("pl.txt", "pl", "Osuwisko zablokowało szlak w wąwozie Masca we wtorek o 10.40 czasu polskiego. Odciętych zostało 14 polskich turystów.")
    claims, groups, conflicts = _run(wire, daily, spanish, polish, published="2025-11-18")
    pairs = _pairs(claims, conflicts)
    assert not any("1040 GMT)" in p and ("10.40am" in p or "10.40" in p) for p in pairs)


def test_a_unit_conversion_alone_in_brackets_is_compared_through_the_figure_it_restates():
    # "48 knots (89km/h)" is right, "48 knots (about 60km/h)" wrong: the bracketed figures have no
    # words of their own, so only the figure they restate ties them to the gusts (not the "35
    # knots" beside the agreeing 48 knots)
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The squall hit on Saturday, bringing gusts of up to 48 knots (about 60km/h) and waves of more than three metres."),
        ("b.txt", "en", "Gusts reached 48 knots (89km/h), with sustained winds of 35 knots, and waves built to 3.5 metres within minutes."),
        published="2026-10-03")
    pairs = _pairs(claims, conflicts)
    assert ("89km/h", "about 60km/h") in pairs or ("about 60km/h", "89km/h") in pairs
    assert not any("35 knots" in p for p in pairs)
    of = {c.text: g.id for g in groups for c in claims if c.id in g.claims}
    assert of["89km/h"] == of["48 knots"] == of["up to 48 knots"] == of["about 60km/h"]


def test_a_bare_unit_in_brackets_restates_only_the_figure_its_bracket_opens_after():
    # (a reviewer's counter-example) the bracket closes a clause about trees and a town: the
    # 110 km/h is no restatement of the 50 mph said before them
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Gusts of 50 mph toppled 40 trees in Gdynia on Saturday (110 km/h)."),
        ("b.txt", "en", "Gusts of 50 mph toppled trees in Gdynia on Saturday."),
        published="2026-10-03")
    assert not any("110 km/h" in p for p in _pairs(claims, conflicts))


def test_anchors_do_not_depend_on_input_order():
    # a.txt tells the agreeing 1,482 in its second sentence: each claim's own sentence anchors,
    # not the sentence of whichever claim of its description came first
    filler = "The storm hit the coast overnight and the roads were closed for many long hours while crews worked. "
    texts = [("a.txt", "en", filler + "Inspectors counted 1,482 sheds and 12 barns after the flood."),
             ("b.txt", "en", "Inspectors counted 1,482 sheds and 37 silos after the flood."),
             ("c.txt", "es", "Los inspectores contaron 1.482 galpones y 41 silos tras la riada.")]
    arts = [Article(a, "ok", language=l, text=t, published="2025-03-03") for a, l, t in texts]
    per = {a: extract(t, l, article_id=a, published="2025-03-03") for a, l, t in texts}
    seen = set()
    for order in itertools.permutations(per):
        claims = [c for a in order for c in per[a]]
        groups, conflicts = reconcile(arts, claims, min_confidence=0.4)
        seen.add((groups, tuple(sorted((k.id, k.confidence) for k in conflicts))))
    assert len(seen) == 1


def test_two_figures_equally_near_get_no_anchor():
    # 30 is as near 25 as 36 (1.2 times either way): the sentences do not say which it is
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Inspectors counted 1,482 sheds, 25 silos and 36 kilns after the flood."),
        ("es.txt", "es", "Los inspectores contaron 1.482 galpones y 30 hornos tras la riada."))
    assert len(conflicts) == 0



def test_one_figure_at_another_scale_is_one_quantity_whatever_the_words():
    # no word in common ("bill", "zapłaci"): only 25 with another scale word says these are one
    # figure, a million read for a billion somewhere
    claims, groups, conflicts = _run(
        ("en.txt", "en", "About 25.5 million euros is the bill for the state."),
        ("pl.txt", "pl", "Ok. 25,5 mld euro zapłaci budżet."),
    )
    assert _pairs(claims, conflicts) == [("About 25.5 million euros", "Ok. 25,5 mld euro")]
    assert conflicts[0].severity == "hard"
    group = next(g for g in groups if len(g.claims) == 2)
    assert "the same figure at another scale" in group.match.evidence


def test_two_significant_digits_at_another_scale_need_a_word_in_common():
    # 4,500 and 4.5 million share only "45": two amounts as likely as one misread
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The town council approved a 4,500 euro grant."),
        ("es.txt", "es", "El presupuesto regional asciende a 4,5 millones de euros."),
    )
    assert not conflicts


def test_a_figure_ten_times_another_is_no_scale_slip():
    from claimrecon.match import _scale_slip

    assert _scale_slip(25e6, 25e9) and _scale_slip(4.2e6, 4.2e3)
    assert not _scale_slip(25e6, 25e7) and not _scale_slip(25e6, 26e9)


def test_how_long_is_said_of_the_words_across_a_comma():
    # who was trapped stands in a clause of its own between commas ("kierowcę taksówki, którego
    # auto..., ratownicy wyciągnęli dopiero po 11 godzinach"): a duration reads the sentence's
    # clauses that hold no figure too, farther than its own
    claims, groups, conflicts = _run(
        ("es.txt", "es", "Un taxista quedó atrapado durante nueve horas."),
        ("pl.txt", "pl", "Czworo zdołało wyjść samodzielnie, natomiast kierowcę taksówki, którego auto zaklinowało się "
                         "w leju, ratownicy wyciągnęli dopiero po 11 godzinach."),
    )
    assert _pairs(claims, conflicts) == [("11 godzinach", "nueve horas")]


def test_two_sets_of_outlets_agreeing_on_two_figures_tell_two_quantities():
    from claimrecon.match import _two_camps

    day = "2025-03-04"
    police = {"300": (frozenset({"a.txt", "b.txt"}), frozenset({day}), 300.0, 300.0)}
    hospital = {"120": (frozenset({"c.txt", "d.txt"}), frozenset({day}), 120.0, 120.0)}
    assert _two_camps(police, hospital)  # two articles each way, one day: two quantities
    assert not _two_camps(police, {"120": (frozenset({"c.txt"}), frozenset({day}), 120.0, 120.0)})  # one outlet that differs: a conflict
    # two days, one camp each: a tally's two moments (a timeline), not two quantities
    assert not _two_camps(police, {"420": (frozenset({"c.txt", "d.txt"}), frozenset({"2025-03-05"}), 420.0, 420.0)})
    # hedges that meet ("more than 100 million", "more than 140 million"): maybe one quantity
    assert not _two_camps({"1e+08": (frozenset({"a.txt", "b.txt"}), frozenset({day}), 1e8, math.inf)},
                          {"1.4e+08": (frozenset({"c.txt", "d.txt"}), frozenset({day}), 1.4e8, math.inf)})
    # an article that gives both figures (the police's and the organisers'): a dispute
    assert not _two_camps(police, {"120": (frozenset({"b.txt", "d.txt"}), frozenset({day}), 120.0, 120.0)})
    # a figure with no interval (a vague amount) allows anything, whichever side it stands on
    vague = {"300": (frozenset({"e.txt"}), frozenset({day}), -math.inf, math.inf)}
    assert _two_camps(police, vague) == _two_camps(vague, police) is False
    # the same words in four outlets, two figures each told twice (under twice apart, so only this
    # rule can keep them apart): the outlet that joins first is compared with the other figure,
    # but the second outlet of that figure never joins a quantity that two outlets already give
    # another figure for (4603778 put all four in one quantity and flagged four pairs)
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Firefighters evacuated 312 people from the flooded district on Monday."),
        ("b.txt", "es", "Los bomberos evacuaron a 312 personas del barrio inundado el lunes."),
        ("c.txt", "en", "Firefighters evacuated 227 people from the flooded district on Monday."),
        ("d.txt", "pl", "Strażacy ewakuowali 227 osób z zalanej dzielnicy w poniedziałek."),
        published="2025-03-04",
    )
    value = {c.id: c.value for c in claims}
    for g in groups:
        figures = sorted(value[i] for i in g.claims)
        assert figures.count(312.0) < 2 or figures.count(227.0) < 2, figures
    assert len(conflicts) == 2  # c's 227 against a's and b's 312


def test_a_one_digit_count_is_no_slip_of_a_thousand():
    # "two" arrested and "nearly two thousand" who slept in the terminal share one digit and
    # "people": a scale word misread needs a figure of a scale word's size on both sides
    from claimrecon.match import _slip

    assert not _slip(2.0, 2000.0) and not _slip(4.0, 40.0)
    assert _slip(7e6, 7e9) and _slip(4.5, 45.0) and _slip(41.0, 14.0)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Two people, a 47-year-old man and a 52-year-old woman, were arrested on Friday morning at the airport."),
        ("pl.txt", "pl", "Utrudnienia dotknęły pasażerów, a blisko dwóch tysięcy osób spędziło noc na podłodze terminalu."),
    )
    assert conflicts == ()


def test_two_clocks_that_state_their_zones_are_compared_as_instants():
    # 18:42 and 02:42 as written, but 23:42 and 00:42 GMT: the same minutes an hour apart, which
    # only the instants show (no word is shared: the figure alone makes them candidates)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "It was 6:42 p.m. CDT when the sirens stopped."),
        ("pl.txt", "pl", "Była 2.42 w nocy czasu polskiego, gdy syreny ucichły."),
        published="2025-05-17",
    )
    assert _pairs(claims, conflicts) == [("2.42 w nocy czasu polskiego", "6:42 p.m. CDT")]


def test_sentences_that_tell_one_fact_may_name_one_thing_with_two_nouns():
    # "4,250 drivers" and "4250 kierowców" tie the sentences; their other counts are lorries and
    # vehicles: two words for one thing there, not the two quantities two nouns elsewhere are
    claims, groups, conflicts = _run(
        ("en.txt", "en", "On Monday 4,250 drivers and 1,100 lorries were stranded on the A1 motorway."),
        ("pl.txt", "pl", "W poniedziałek na autostradzie utknęło 4250 kierowców i 1300 pojazdów."),
    )
    assert _pairs(claims, conflicts) == [("1,100", "1300")]


def test_two_nouns_in_sentences_that_share_nothing_stay_two_quantities():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "On Monday 1,100 lorries were stranded on the A1 motorway."),
        ("pl.txt", "pl", "W poniedziałek na autostradzie utknęło 1300 pojazdów."),
    )
    assert not conflicts



def test_sentences_that_say_mostly_the_same_things_are_tied():
    from types import SimpleNamespace

    from claimrecon.match.anchors import Anchors

    def item(article, sentence, *terms):
        return SimpleNamespace(article=article, source=article, sentence=sentence, terms=terms, weights=(1.0,) * len(terms))

    anchors = Anchors([], str, lambda n: frozenset(), lambda x, y: None, lambda x, y: False)
    anchors.tie_alike_sentences([
        item("en.txt", 0, "#damage", "#smoke", "#water", "#store"),
        item("es.txt", 40, "#damage", "#smoke", "#water"),  # three of four in common
        item("pl.txt", 0, "#damage", "#rescuer", "#weekday_1", "#road", "@krakow"),  # one in common
        item("de.txt", 0, "#weekday_1", "#weekday_1"),
    ])
    assert anchors.alike_told[("en.txt", 0)] == {("es.txt", 40)}
    assert ("pl.txt", 0) not in anchors.alike_told


def test_a_past_year_named_in_the_other_sentence_is_that_years_event():
    # the Spanish reader ties no year to "12 horas" ("la de marzo de 1989, que dejó ... durante 12
    # horas"), the English one reads "in March 1989": both sentences name 1989, so both speak of it
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In March 1989, a geomagnetic storm left six million people in Quebec without electricity for nine hours."),
        ("es.txt", "es", "La tormenta recuerda a la de marzo de 1989, que dejó sin luz a seis millones de personas en Quebec (Canadá) durante 12 horas."),
        published="2025-05-12",
    )
    assert ("12 horas", "nine hours") in _pairs(claims, conflicts)


def test_a_year_the_other_sentence_does_not_name_keeps_a_past_event_apart():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In March 1989, a geomagnetic storm left six million people in Quebec without electricity for nine hours."),
        ("es.txt", "es", "La tormenta dejó sin luz a seis millones de personas en Quebec durante 12 horas."),
        published="2025-05-12",
    )
    assert ("12 horas", "nine hours") not in _pairs(claims, conflicts)


def test_a_countrys_count_pays_the_place_penalty_against_one_of_no_country(monkeypatch):
    # "14 in Poland" may be Poland's part of the 23 another outlet counts: the evidence of their
    # words is scaled by PLACE_PENALTY; two counts of one country's are not
    import claimrecon.match as M

    country = ("es.txt", "es", "En Polonia fueron arrestadas 14 personas por el fraude.")
    none = ("en.txt", "en", "Twenty-three people were arrested in the fraud inquiry.")
    also = ("en.txt", "en", "Twenty-three people were arrested in Poland in the fraud inquiry.")

    def confidence(*texts):
        claims, groups, conflicts = _run(*texts)
        assert _pairs(claims, conflicts) == [("14", "Twenty-three")]
        return conflicts[0].confidence

    monkeypatch.setattr(M, "PLACE_PENALTY", 1.0)
    full, same_country = confidence(country, none), confidence(country, also)
    monkeypatch.setattr(M, "PLACE_PENALTY", 0.5)
    assert confidence(country, none) < full
    assert confidence(country, also) == same_country


def test_the_country_a_run_reports_is_no_part_of_it(monkeypatch):
    # two of three articles name Estonia: a count "de Estonia" is the event's, not a part of it
    import claimrecon.match as M

    texts = (("es.txt", "es", "Los servicios de emergencia de Estonia rescataron a 76 pescadores."),
             ("en.txt", "en", "Police in Estonia said 67 fishermen were rescued on Saturday."),
             ("pl.txt", "pl", "Ratownicy uratowali 67 wędkarzy z dryfującej kry."))

    def confidence():
        claims, groups, conflicts = _run(*texts)
        pair = [k for k in conflicts if {c.text for c in claims if c.id in k.claims} == {"76", "67"}
                and {c.article for c in claims if c.id in k.claims} == {"es.txt", "pl.txt"}]
        assert len(pair) == 1
        return pair[0].confidence

    monkeypatch.setattr(M, "PLACE_PENALTY", 1.0)
    full = confidence()
    monkeypatch.setattr(M, "PLACE_PENALTY", 0.5)
    assert confidence() == full


def test_two_ranges_compare_end_to_end():
    # "40 to 50" against "40 to 60": the second ends disagree; the first ends agree; no end is
    # compared with the other range's other end
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Between 40 and 50 people died in the fire."),
        ("es.txt", "es", "Entre 40 y 60 personas murieron en el incendio."),
    )
    assert _pairs(claims, conflicts) == [("50", "60")]
    assert [k.severity for k in conflicts] == ["hard"]
    assert len(groups) == 1  # a range's two ends are no list: they meet the other range whole


def test_a_range_meets_a_single_figure_once():
    # through its first end and its bounds: "about 25" is within them, a soft flag at most
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Between 20 and 30 people were injured in the clashes."),
        ("es.txt", "es", "Unas 25 personas resultaron heridas en los enfrentamientos."),
    )
    assert [g for g in groups if len(g.claims) == 3]
    assert [(p, k.severity) for p, k in zip(_pairs(claims, conflicts), conflicts)] == [(("Between 20", "Unas 25"), "soft")]


def test_a_year_a_span_starts_from_is_no_years_event():
    from claimrecon.match import _years_named

    assert _years_named("El temporal, el peor desde 2019, dejó sin luz a 65.000 hogares.") == frozenset()
    assert _years_named("La tormenta recuerda a la de marzo de 1989, que dejó sin luz a seis millones.") == {"1989"}


def test_two_ranges_in_two_units_compare_end_to_end_converted():
    # 20 °C is 68 °F and 25 °C is 77 °F: the same range, no flag
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Temperatures will reach 20-25C on Sunday, forecasters said."),
        ("b.txt", "en", "Temperatures will reach 68-77F on Sunday, forecasters said."),
    )
    assert conflicts == ()
    assert any(len(g.claims) == 4 for g in groups)


def test_an_amount_converted_in_brackets_is_compared_at_the_articles_rate():
    # the wire converts the fine into dollars; the paper gives the fine in dollars only, wrongly:
    # at the wire's own rate (1.1667) 18.6 million euros is 21.7 million dollars, not 25.3
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "The central bank fined the lender 18.6 million euros ($21.7 million) on Wednesday."),
        ("paper.txt", "en", "The lender was fined $25.3 million by the central bank on Wednesday."),
        ("pl.txt", "pl", "Bank centralny nałożył na bank karę w wysokości 18,6 mln euro."),
    )
    assert _pairs(claims, conflicts) == [("$21.7 million", "$25.3 million"), ("$25.3 million", "18,6 mln euro"),
                                         ("$25.3 million", "18.6 million euros")]
    reasons = " ".join(k.reason for k in conflicts)
    assert "at the rate the articles themselves use (1 USD = 0.8571 EUR), '$25.3 million' is about 21.7 million EUR, 14% away" in reasons


def test_an_amount_converted_at_a_close_rate_agrees():
    # 18.6 million euros at 1.1667 is 21.7 million dollars: 21.2 million is 2% off (another day's
    # rate, a rounding), 22.9 million 5% (soft), 25.3 million 14% (hard)
    from types import SimpleNamespace

    from claimrecon.reconcile.intervals import converted_verdict

    def amount(v, unit):
        return SimpleNamespace(kind="money", value=v, unit=unit, low=v, high=v, qualifier="exact", precision=50_000.0)

    eur = amount(18_600_000.0, "EUR")
    assert converted_verdict(eur, amount(21_200_000.0, "USD"), 1.1667) == "agree"
    assert converted_verdict(eur, amount(22_900_000.0, "USD"), 1.1667) == "soft"
    assert converted_verdict(eur, amount(25_300_000.0, "USD"), 1.1667) == "hard"


def test_a_bracketed_amount_far_from_any_rate_is_no_conversion():
    # "(up from $2 million)" follows an amount in euros but is no conversion of it: nothing is learned
    from claimrecon.match import conversions

    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Profit reached 18.6 million euros ($2 million a year ago) on Wednesday."),
    )
    items = _items(claims, "money")
    assert [it.bracketed for it in items] == [False, True]
    assert conversions.pairs(items) == []


def test_a_clock_time_restated_in_brackets_is_one_moment_with_it():
    # the Spanish local time is nine minutes off the wire's; its words tie it to the wire's
    # sentence, and the wire's restatement ties its GMT to its local time: both are contradicted,
    # and so is the paper's equal GMT time, one moment with the wire's
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "The earthquake struck at 6.42 a.m. local time (0442 GMT) on Tuesday, the geological survey said."),
        ("paper.txt", "en", "Seismographs in Lisbon recorded the first shock at 0442 GMT."),
        ("es.txt", "es", "El terremoto se produjo a las 6.51 hora local del martes, según el instituto geológico."),
        published="2025-10-14",
    )
    assert _pairs(claims, conflicts) == [("0442 GMT", "6.51 hora local"), ("0442 GMT)", "6.51 hora local"),
                                         ("6.42 a.m. local time", "6.51 hora local")]
    # without the paper, what ties the Spanish time to the wire's two is the restatement, and the
    # group says so
    claims, groups, _ = _run(
        ("wire.txt", "en", "The earthquake struck at 6.42 a.m. local time (0442 GMT) on Tuesday, the geological survey said."),
        ("es.txt", "es", "El terremoto se produjo a las 6.51 hora local del martes, según el instituto geológico."),
        published="2025-10-14",
    )
    es = next(c.id for c in claims if c.article == "es.txt")
    assert "an article restates one moment on another clock" in next(g for g in groups if es in g.claims).match.evidence


def test_a_join_on_an_equal_figure_alone_ties_no_sentences():
    # "€3m" for sprinklers and "€3m" of aid share only their figure: they may be joined on it, but
    # their sentences do not tell one fact, so the heads of the sprinklers and the families that
    # lost their income are not paired for it (a red-team case), at the default threshold or at a
    # desk's higher one
    texts = (
        ("a.txt", "en", "Fire gutted the Pinturas Norte paint plant in Valdemoro on Sunday. Its sprinkler system, a €3m "
                        "upgrade with 450 new heads, failed to start. Damage is estimated at €20m."),
        ("b.txt", "en", "The regional government approved €3m in emergency aid for 380 families who lost their income. "
                        "Insurers put the damage at €20m."),
        ("c.txt", "es", "El incendio de la fábrica de pinturas de Valdemoro causó daños por 20 millones de euros, según las aseguradoras."),
    )
    for threshold in (None, 0.5):
        claims, _, conflicts = _run(*texts, published="2026-03-10", min_confidence=threshold)
        assert ("380", "450") not in _pairs(claims, conflicts)


def test_a_year_one_outlet_leaves_unsaid_yields_to_a_miscopied_figure():
    # one outlet dates the pilot to 2015 and the other does not say when it was: a year against
    # none keeps two counts apart, but not when their digits show one figure miscopied
    claims, _, conflicts = _run(
        ("a.txt", "en", "The regulator said 9.46 million meters had been fitted. In 2015 a pilot in Kalisz fitted smart meters for 13,400 customers."),
        ("b.txt", "en", "The regulator said 9.46 million meters had been fitted. A pilot in Kalisz fitted smart meters for 14,300 customers."),
        published="2026-06-09",
    )
    assert _pairs(claims, conflicts) == [("13,400", "14,300")]


def test_outlets_stating_one_distinctive_figure_are_one_quantity_on_no_other_evidence():
    # the Spanish and Polish payouts share no word with the English ones, and each article gives
    # three amounts; "9.2 million euros" in all but one article is what makes them one quantity,
    # so the outlet that printed 7.9 is contradicted by all three, not only by its own language
    en = ("The regional insurer said on Monday it expects to hand growers {}m once the assessors finish. The regional "
          "government approved €3m in emergency aid, and the storm cost growers about €13.8m in lost grapes.")
    claims, groups, conflicts = _run(
        ("a.txt", "en", en.format("€9.2")),
        ("d.txt", "en", en.format("€7.9")),
        ("b.txt", "es", "Agroseguro calcula que las indemnizaciones alcanzarán los 9,2 millones de euros. El Gobierno "
                        "regional aprobó 3 millones de euros en ayudas urgentes. Las pérdidas de la cosecha rondan los 13,8 millones de euros."),
        ("c.txt", "pl", "Ubezpieczyciel przewiduje wypłaty rzędu 9,2 mln euro. Rząd regionu przeznaczył 3 mln euro na "
                        "pomoc doraźną. Straty sięgają 13,8 mln euro."),
        published="2026-09-14",
    )
    assert _pairs(claims, conflicts) == [("9,2 millones de euros", "€7.9m"), ("rzędu 9,2 mln euro", "€7.9m"), ("€7.9m", "€9.2m")]
    payout = next(g for g in groups if any(c.text == "€7.9m" for c in claims if c.id in g.claims))
    assert sorted(c.article for c in claims if c.id in payout.claims) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_clock_times_with_no_words_are_one_node_only_when_equal():
    # restatements with no words of their own: being worded alike (not at all) says nothing of
    # which moment they tell; an equal figure still does
    import dataclasses

    from claimrecon.match.nodes import nodes_of

    claims, _, _ = _run(("a.txt", "en", "The alert went out at 5:52 a.m. local time (0352 GMT) on Monday."), published="2025-10-14")
    it = next(it for it in (item_of(c) for c in claims) if it is not None and it.ref.text.startswith("0352"))
    a = dataclasses.replace(it, terms=(), weights=(), source="a.txt")
    b = dataclasses.replace(a, id="b", article="b.txt", source="b.txt")
    c = dataclasses.replace(a, id="c", article="c.txt", source="c.txt", value="14:00:00+01:00")
    assert sorted(len(n.items) for n in nodes_of([a, b, c], lambda x: str(x.value))) == [1, 2]


def test_a_figure_restated_in_another_unit_is_one_figure_with_it():
    from claimrecon.match import conversions

    claims, _, _ = _run(
        ("wire.txt", "en", "The gust reached 65 km/h (40 mph) just after take-off, 300 metres (25C) above the field."),
        published="2025-10-14",
    )
    pairs = [(a.ref.text, b.ref.text) for a, b in conversions.restated(_items(claims))]
    # a speed restates a speed; a temperature in brackets after a height restates nothing
    assert pairs == [("65 km/h", "40 mph")]
    # nor does a figure of the same dimension far from the first once converted
    claims, _, _ = _run(("a.txt", "en", "They finished a 10 km walk (5 miles of it uphill) on Sunday."), published="2025-10-14")
    items = _items(claims)
    assert [it.bracketed for it in items] == [False, True] and conversions.restated(items) == []


def test_counts_told_nearly_twice_apart_are_two_quantities():
    # 180 and 100 evacuees: more likely two moments or two places than one count told so
    # differently (counts are rounded and hedged less than amounts); 41 and 14 are still a slip
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Firefighters evacuated 180 residents from the valley on Sunday."),
        ("es.txt", "es", "Los bomberos evacuaron a 100 vecinos del valle el domingo."),
        published="2025-08-10",
    )
    assert conflicts == ()
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Firefighters evacuated 41 residents from the valley on Sunday."),
        ("es.txt", "es", "Los bomberos evacuaron a 14 vecinos del valle el domingo."),
        published="2025-08-10",
    )
    assert _pairs(claims, conflicts) == [("14", "41")]


def test_what_happened_to_the_counted_is_read_from_any_known_verb():
    # "suspended" is no tally (the dead, the evacuated): still, what the words say happened to
    # the counted is evidence, and two different such things halve the similarity of two counts
    import dataclasses

    from claimrecon.match import _similarities
    from claimrecon.match.evidence import Vocabulary
    from claimrecon.match.nodes import nodes_of

    claims, _, _ = _run(
        ("en.txt", "en", "Nine Turkish athletes have been provisionally suspended, the federation said."),
        ("es.txt", "es", "La federación suspendió de forma provisional a 11 deportistas turcos."),
        published="2026-04-14",
    )
    en, es = _items(claims)
    assert "#suspended" in en.preds and "#suspended" in es.preds

    def sim(a, b):
        nodes = nodes_of([a, b], lambda x: str(x.value))
        return _similarities(nodes, Vocabulary(nodes))[(0, 1)][0]

    other = dataclasses.replace(es, preds=frozenset({"#winner"}))
    assert sim(en, other) < sim(en, es) - 0.1


def test_a_rate_no_article_gives_goes_through_a_third_currency():
    from types import SimpleNamespace

    from claimrecon.match import conversions

    def amount(v, unit):
        return SimpleNamespace(value=v, unit=unit, article="a.txt")

    rates = conversions.run_rates([(amount(4.7e6, "GBP"), amount(5.4e6, "EUR"), 5.4 / 4.7),
                                   (amount(5.4e6, "EUR"), amount(23e6, "PLN"), 23 / 5.4)])
    assert rates[("GBP", "PLN")] == pytest.approx(23 / 4.7)
    assert rates[("PLN", "GBP")] == pytest.approx(4.7 / 23)
    assert ("GBP", "GBP") not in rates


def test_a_conversion_far_from_the_rough_rate_teaches_no_rate():
    # one outlet converts at 5.5 zlotys to the euro (the rough rate is about 4.3): its figure is
    # the one flagged, not the right amounts of the others judged at its rate (against the euros
    # too: a fifth off at rough rates, a soft flag)
    claims, _, conflicts = _run(
        ("en.txt", "en", "Every household in the valley will receive a one-off payment of €200 (about PLN 1,100), the regional council said on Monday."),
        ("pl.txt", "pl", "Każde gospodarstwo domowe w dolinie otrzyma jednorazową wypłatę w wysokości 860 zł, poinformował w poniedziałek sejmik."),
        ("es.txt", "es", "Cada hogar del valle recibirá un pago único de 200 euros, informó el lunes el consejo regional."),
        published="2026-03-02")
    assert _pairs(claims, conflicts) == [("200 euros", "about PLN 1,100"), ("860 zł", "about PLN 1,100")]
    assert [k.severity for k in conflicts if "200 euros" in (k.reason or "")] == ["soft"]


def test_only_conversions_near_the_rough_rates_make_the_run_rate():
    from types import SimpleNamespace

    from claimrecon.match import conversions

    def amount(v, unit, article):
        return SimpleNamespace(value=v, unit=unit, article=article)

    wrong = (amount(200.0, "EUR", "a"), amount(1100.0, "PLN", "a"), 5.5)
    assert conversions.run_rates([wrong]) == {}
    right = (amount(200.0, "EUR", "b"), amount(860.0, "PLN", "b"), 4.3)
    assert conversions.run_rates([wrong, right])[("EUR", "PLN")] == pytest.approx(4.3)
    # a currency the table has left behind: two articles that convert alike vouch for each other,
    # and outvote a third that converts at the table's stale rate
    lira = [(amount(28_000.0, "TRY", s), amount(usd, "USD", s), usd / 28_000.0) for s, usd in (("c", 680.0), ("d", 680.0), ("e", 900.0))]
    assert conversions.run_rates(lira)[("TRY", "USD")] == pytest.approx(680.0 / 28_000.0)
    assert conversions.run_rates(lira[:1] + lira[2:])[("TRY", "USD")] == pytest.approx(900.0 / 28_000.0)


def test_range_ends_take_no_conversion_and_verdicts_are_the_same_either_way():
    from types import SimpleNamespace

    from claimrecon.match import conversions
    from claimrecon.reconcile import _money
    from claimrecon.reconcile.intervals import converted_verdict

    # "10 to 12 million euros ($11.7 million to $14 million)": the ends in order are no pairs
    claims, _, _ = _run(("wire.txt", "en", "The fine is between 10 million and 12 million euros ($11.7 million to $14 million)."),
                        published="2026-01-21")
    items = _items(claims, "money")
    assert len(items) == 4 and conversions.pairs(items) == []

    def amount(v, unit):
        return SimpleNamespace(kind="money", value=v, unit=unit, low=v, high=v, qualifier="exact", precision=5_000.0)

    eur = amount(10_000_000.0, "EUR")
    for usd in range(12_400_000, 14_000_000, 5_000):
        b = amount(float(usd), "USD")
        assert converted_verdict(eur, b, 1.25) == converted_verdict(b, eur, 0.8)
    assert _money(999_700_000.0) == "1 billion" and _money(21_700_000.0) == "21.7 million"


def test_amounts_near_at_rough_rates_in_two_currencies_are_one_quantity_when_worded_alike():
    # one article gives the pay rise in euros, another in pounds only, 9% off at the rate the run
    # learns from a conversion in brackets elsewhere: described word for word alike, the two
    # amounts are one quantity and the gap is flagged
    rate = ("union.txt", "en", "The strike cost the union 1 million euros (£870,000) in strike pay.")
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Teachers will receive a pay rise of 285 euros a month under the deal."),
        ("paper.txt", "en", "Teachers will receive a pay rise of £225 a month under the deal."), rate,
    )
    assert [tuple(sorted(p)) for p in _pairs(claims, conflicts)] == [("285 euros", "£225")]
    assert "another currency" in conflicts[0].reason
    # worded apart ("a bonus", "the rent"), two amounts near at rough rates stay two quantities
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Each teacher gets a one-off bonus of 285 euros."),
        ("paper.txt", "en", "The average flat rent in the city rose to £225 a week."), rate,
    )
    assert conflicts == ()
    # one small figure in two currencies, worded apart, is no pair of near amounts either
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "A coffee costs 5 euros in the old town."),
        ("paper.txt", "en", "Parking near the stadium costs $5 an hour."),
    )
    text = {c.id: c.text for c in claims}
    assert not [g for g in groups if len(g.claims) > 1], [[text[x] for x in g.claims] for g in groups]


def test_a_run_without_a_year_still_reads_implied_clock_times_on_a_clock():
    # no article prints a year; the wire's dateline day and the weekday it names give a calendar,
    # on which the event's clock (London, GMT in December) and the Polish outlet's home clock are
    # known: "19.40" is 19:40 or 18:40 GMT, neither the wire's 1740 GMT
    claims, conflicts = _run_undated(
        ("en.txt", "en", "Headline\n\nLONDON, Dec 19 (Wire) - Fire broke out at a warehouse in London, Britain, "
                         "at 1740 GMT on Friday, police said."),
        ("paper.txt", "en", "Headline\n\nA warehouse fire in London, Britain, kept 40 firefighters busy on Friday."),
        ("pl.txt", "pl", "Tytuł\n\nPożar magazynu w Londynie wybuchł w piątek o godz. 19.40."))
    assert _pairs(claims, conflicts) == [("1740 GMT", "19.40")]


def test_a_run_without_a_year_reads_a_named_zone_on_its_calendar():
    # "2.05pm UK time" on Friday 1 August is 13:05 GMT: an hour from the wire's 1205 GMT; the
    # paper's "1.05pm UK time" is the same instant
    claims, conflicts = _run_undated(
        ("wire.txt", "en", "Headline\n\nMADRID, Aug 1 (Wire) - The baggage system at the airport was fully restored "
                           "at 1205 GMT on Friday."),
        ("herald.txt", "en", "Headline\n\nThe baggage system at the airport was fully restored at 2.05pm UK time."),
        ("paper.txt", "en", "Headline\n\nThe baggage system at the airport was fully restored at 1.05pm UK time."))
    assert _pairs(claims, conflicts) == [("1.05pm UK time", "2.05pm UK time"), ("1205 GMT", "2.05pm UK time")]


def _run_undated(*texts: tuple[str, str, str]):
    """Reconcile texts whose articles print no date but what their datelines say, as ingest reads them."""
    from claimrecon.ingest.metadata import dateline_day_and_weekday

    arts, claims = [], []
    for aid, lang, text in texts:
        day, weekday, named = dateline_day_and_weekday(text, lang)
        arts.append(Article(aid, "ok", language=lang, text=text, dateline_day=day, dateline_weekday=weekday if named else None,
                            weekday_guess=None if named else weekday))
        claims += extract(text, lang, article_id=aid)
    return claims, reconcile(arts, claims)[1]


def test_another_outlets_figure_that_an_update_replaced_is_that_earlier_moment():
    # one article gives the new toll and the one it replaced; another still has the old one
    claims, groups, conflicts = _run(
        ("wire.txt", "en", "Six people were killed. The death toll rose to six on Monday, up from four on Sunday night."),
        ("es.txt", "es", "Cuatro personas murieron en la avalancha."),
        ("pl.txt", "pl", "Pięć osób zginęło w lawinie."),
    )
    pairs = _pairs(claims, conflicts)
    # the four is not flagged against the six; a five, neither old nor new, still is
    assert not any("Cuatro" in p for p in pairs), pairs
    assert any("Pięć" in p for p in pairs), pairs
    # the article's other six (in hospital) says nothing of an earlier toll: four in hospital
    # elsewhere is still a conflict
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The death toll rose to six on Monday, up from four on Sunday night. Six people remain in hospital."),
        ("b.txt", "en", "Four people remain in hospital."),
    )
    assert _pairs(claims, conflicts) == [("Four", "Six")]
    # a chain of updates (4, 6, 8) flags no outlet's figure against a later one's, whatever the ids
    for ids in (("a", "b", "c"), ("b", "a", "c"), ("x2", "x1", "x3")):
        claims, groups, conflicts = _run(
            (ids[0], "en", "Six people died in the avalanche. The death toll rose to six on Monday, up from four on Sunday night."),
            (ids[1], "en", "Eight people died in the avalanche. The toll rose to eight on Tuesday, up from six on Monday night."),
            (ids[2], "en", "Four people died in the avalanche."),
        )
        assert not {("Eight", "Four"), ("Eight", "Six"), ("Four", "Six")} & set(_pairs(claims, conflicts))


def test_one_telling_figure_in_two_currencies_needs_little_else_in_common():
    # "180 millones de euros" where the other says 180m zlotys: one names the wrong currency;
    # their words share little beyond the losses and the body (below the default threshold)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Poland, the picture is much the same. Eleven of the 24 ski stations around Zakopane "
                         "have closed, and the industry body PSNiT puts the season's losses at 180m zlotys (£36m)."),
        ("es.txt", "es", "En los Tatras polacos, 11 de las 24 estaciones han cerrado, las jornadas de esquí han caído "
                         "un 58% y las pérdidas ascienden a 180 millones de euros, según la patronal polaca PSNiT."),
    )
    assert ("180 millones de euros", "180m zlotys") in _pairs(claims, conflicts)
    # a desk that asks for surer matches asks it of this evidence too
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In Poland, the picture is much the same. Eleven of the 24 ski stations around Zakopane "
                         "have closed, and the industry body PSNiT puts the season's losses at 180m zlotys (£36m)."),
        ("es.txt", "es", "En los Tatras polacos, 11 de las 24 estaciones han cerrado, las jornadas de esquí han caído "
                         "un 58% y las pérdidas ascienden a 180 millones de euros, según la patronal polaca PSNiT."),
        min_confidence=0.9,
    )
    assert ("180 millones de euros", "180m zlotys") not in _pairs(claims, conflicts)


def test_an_equal_figure_of_many_digits_is_strong_evidence_of_one_quantity():
    # 731,482 patients in one article and 731.482 in another share few words, yet hardly state
    # two quantities: such a figure weighs more than a round one (1,000) or one of two digits
    from claimrecon.match import MIN_CONFIDENCE, _similarities
    from claimrecon.match.evidence import Vocabulary
    from claimrecon.match.nodes import nodes_of

    def sim(en_text, es_text):
        claims, _, _ = _run(("en.txt", "en", en_text), ("es.txt", "es", es_text), published="2025-05-14")
        nodes = nodes_of(_items(claims, "count"), lambda x: str(x.value))
        return _similarities(nodes, Vocabulary(nodes)).get((0, 1), (0.0,))[0]

    rare = sim("The register showed 163,200.", "Eran ya 163.200, según el ministerio.")
    round_ = sim("The register showed 160,000.", "Eran ya 160.000, según el ministerio.")
    assert rare >= MIN_CONFIDENCE
    assert rare >= round_ + 0.1


def test_a_slip_of_a_rising_toll_meets_every_report_when_the_figure_comes_back_after_it():
    # 312 guests evacuated on Sunday morning, 321 that evening, 312 again later that night and
    # on Monday: the toll did not rise to 321, so the slip is compared with every report of 312
    claims, _, conflicts = _run(
        ("a.txt", "en", "Firefighters evacuated 312 guests from the hotel overnight."),
        ("b.txt", "pl", "Strażacy ewakuowali z hotelu 321 gości."),
        ("c.txt", "es", "Los bomberos evacuaron a 312 huéspedes del hotel."),
        ("d.txt", "en", "Firefighters evacuated 312 guests from the hotel on Sunday."),
        published={"a.txt": "2026-02-08T10:12", "b.txt": "2026-02-08T18:40", "c.txt": "2026-02-08T20:15",
                   "d.txt": "2026-02-09T14:15"},
    )
    assert _pairs(claims, conflicts) == [("312", "321")] * 3
    # a figure reported days after the last report of the other may be a rise: kept apart
    claims, _, conflicts = _run(
        ("a.txt", "en", "Firefighters evacuated 312 guests from the hotel overnight."),
        ("c.txt", "es", "Los bomberos evacuaron a 312 huéspedes del hotel."),
        ("b.txt", "pl", "Strażacy ewakuowali z hotelu 321 gości."),
        published={"a.txt": "2026-02-08T10:12", "c.txt": "2026-02-08T20:15", "b.txt": "2026-02-12T18:40"},
    )
    assert _pairs(claims, conflicts) == []


def test_a_share_told_in_words_is_no_figure_of_many_digits():
    # "a third" is 33.333...: not a figure as precise as 731,482, so a share of schools and one
    # of homes are not joined on it, and the 40% of homes meets the third of homes
    claims, _, conflicts = _run(
        ("en.txt", "en", "A third of schools in the region stayed closed on Monday, and 40% of homes were still without power, officials said."),
        ("es.txt", "es", "Un tercio de los hogares de la región seguía sin luz el lunes, según las autoridades."),
        published="2026-03-02",
    )
    assert _pairs(claims, conflicts) == [("40%", "Un tercio de")]


def test_only_a_figure_told_to_its_last_digit_is_rare():
    from claimrecon.match import _rare

    def pair(en_text, es_text):
        claims, _, _ = _run(("en.txt", "en", en_text), ("es.txt", "es", es_text), published="2025-05-14")
        return [it for it in _items(claims) if it.kind in ("count", "percent")]

    exact = pair("The register showed 163,200.", "Eran ya 163.200, según el ministerio.")
    rough = pair("One in eight homes was damaged.", "Uno de cada ocho hogares sufrió daños.")
    assert _rare(*exact) and _rare(*reversed(exact))
    assert not _rare(*rough) and not _rare(*reversed(rough))


def test_the_only_measurement_of_its_size_in_each_article_is_compared():
    # nothing in the words ties the hectares to the "ha": each article gives one area of that
    # size, and the two stand within LONE_RATIO of each other (match._lone_pairs)
    claims, groups, conflicts = _run(
        ("es.txt", "es", "El perímetro abarca 240 hectáreas."),
        ("pl.txt", "pl", "Strefa obejmuje ponad 300 ha."),
    )
    assert _pairs(claims, conflicts) == [("240 hectáreas", "ponad 300 ha")]
    assert any("the only figure of its size in each article" in e for g in groups if g.match for e in g.match.evidence)


def test_measurements_farther_apart_than_lone_ratio_are_not_paired_by_size():
    # a guard: 240 and 450 hectares are each their article's only area, but nearly twice apart
    claims, groups, conflicts = _run(
        ("es.txt", "es", "El perímetro abarca 240 hectáreas."),
        ("pl.txt", "pl", "Strefa obejmuje ponad 450 ha."),
    )
    assert not conflicts


def test_measurements_whose_words_differ_are_not_paired_by_size():
    # a guard: two towns, two crops: the size alone does not make them one area
    claims, groups, conflicts = _run(
        ("en.txt", "en", "A wildfire near Seville burned 120 hectares of pine forest."),
        ("pl.txt", "pl", "Grad w okolicach Gdańska zniszczył 140 ha pszenicy."),
    )
    assert not conflicts


def test_two_measurements_of_one_size_in_an_article_are_not_paired_by_size():
    # a guard: the Polish article gives two areas of a size, and which one the Spanish area is,
    # only words can say
    claims, groups, conflicts = _run(
        ("es.txt", "es", "El perímetro abarca 240 hectáreas."),
        ("pl.txt", "pl", "Strefa obejmuje ponad 300 ha. Rolnicy stracili też 200 ha."),
    )
    assert not conflicts
    assert not any("the only figure of its size in each article" in e for g in groups if g.match for e in g.match.evidence)


@pytest.mark.parametrize("told", ["148 tys. euro (ok. 6,3 mln zł).", "148 tys. euro, czyli ok. 6,3 mln zł."])
def test_a_slipped_conversion_is_flagged_and_teaches_no_rate(told):
    # "(ok. 6,3 mln zł)" for 148,000 euros, or "czyli ok. 6,3 mln zł" (grammar.tsv class restate),
    # is ten times too much at the rate the Spanish article uses (about 4.3): the Polish article
    # says the two are one amount, so its zlotys meet the others' euros (conversions.slipped); and
    # the run's rate comes from the right conversion alone, so the Spanish zlotys agree with every
    # article's euros
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The white truffle sold for €148,000 at the charity auction."),
        ("pl.txt", "pl", "Biała trufla została sprzedana na aukcji charytatywnej za " + told),
        ("es.txt", "es", "La trufa blanca se vendió en la subasta benéfica por 148.000 euros (unos 636.000 eslotis)."),
    )
    pairs = _pairs(claims, conflicts)
    assert ("ok. 6,3 mln zł", "€148,000") in pairs or ("€148,000", "ok. 6,3 mln zł") in pairs
    assert not any("636.000 eslotis" in pair and any("148" in p for p in pair) for pair in pairs)


@pytest.mark.parametrize("lang, sentence, conversions_read", [
    ("pl", "Kara wynosi 18,6 mln euro, czyli ok. 79 mln zł.", 1),
    ("en", "The regulator fined the bank 18.6 million euros, or about $21.7 million.", 1),
    ("es", "La multa asciende a 18,6 millones de euros, es decir, unos 21,7 millones de dólares.", 1),
    # guards: a bare "or" offers an alternative; words between the amount and the comma, or a
    # bracket that closes there, say the amount restated is not the one right before
    ("en", "Offenders face a fine of €5,000, or £4,000 for a first offence.", 0),
    ("en", "Tickets cost €10 in Dublin, or about £8 in Belfast.", 0),
    ("en", "Net profit rose to €120 million (€110 million a year earlier), or about $130 million.", 0),
    ("en", "Fines reached €5,000 in Spain, £4,000 in Britain.", 0),
    # "or" before a bound offers another amount; a change restates nothing
    ("en", "Offenders face a fine of €5,000, or up to £4,500 for repeat offences.", 0),
    ("en", "The budget is €12 million, that is £10 million more than last year.", 0),
    ("pl", "Bilet kosztuje 40 euro, czyli 45 dolarów więcej niż rok temu.", 0),
])
def test_a_comma_and_a_word_that_restates_make_an_amount_a_conversion(lang, sentence, conversions_read):
    from claimrecon.match import conversions

    assert len(conversions.pairs(_items(extract(sentence, lang, article_id="a.txt"), "money"))) == conversions_read


def test_an_amount_restated_after_a_bare_or_is_no_slipped_conversion():
    # a guard: "or about $450 for the whole season" is ten times the ticket at the run's rate, but
    # "or" also offers another amount: only brackets and words that restate whatever follows them
    # (", czyli", ", es decir,") make a slipped conversion
    from claimrecon.match import conversions

    items = _items(extract("A single ticket costs €45, or about $450 for the whole season.", "en", article_id="a.txt"), "money")
    assert [it.restates_from >= 0 for it in items] == [False, True]
    assert conversions.slipped(items, {("EUR", "USD"): 1.08, ("USD", "EUR"): 1 / 1.08}) == []


def test_a_restated_amount_far_from_any_rate_is_no_conversion():
    # a guard: "or about $90 for a family" follows an amount in euros, but at twice the rough rate it
    # is another price, not the first one converted: nothing is joined or learned
    from claimrecon.match import conversions

    items = _items(extract("A ticket costs €40, or about $90 for a family of four.", "en", article_id="a.txt"), "money")
    assert [it.restates_from >= 0 for it in items] == [False, True]
    assert conversions.pairs(items) == []


def test_a_conversion_ten_times_off_the_rough_rate_alone_is_no_slip():
    # a guard: with no right conversion in the run there is no rate to call it slipped at (a
    # currency may have lost nine tenths of its worth since the rough rates were set)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "In 2020 Argentina paid 1 billion Argentine pesos ($13 million) to the provinces."),
        ("es.txt", "es", "En 2020 el Gobierno argentino pagó 1.000 millones de pesos argentinos (unos 13 millones de dólares) a las provincias."),
    )
    assert not conflicts


def test_physical_figures_far_apart_are_two_quantities_however_small_in_base_units():
    # 905 grams and 4.6 kg are 0.905 and 4.6 in kilograms: below RATIO_FROM, which spares small
    # counts only; five times apart, they are two weights, not one told twice (RATIO_FROM_OF)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The white truffle of the top lot weighed 905 grams."),
        ("es.txt", "es", "La trufa blanca del lote principal pesaba 4,6 kilos."),
    )
    assert not conflicts
    weights = [g for g in groups if any(c.kind == "quantity" for c in claims if c.id in g.claims)]
    assert all(len(g.claims) == 1 for g in weights) and len(weights) == 2


def test_diesel_and_petrol_prices_are_two_quantities():
    # "diesel" and "gasolina" are two fuels (concepts diesel and petrol), not one "fuel"
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Diesel cost an average of €1.489 a litre over the holiday, and petrol €1.579."),
        ("es.txt", "es", "La gasolina costaba de media 1,579 euros el litro durante el puente, y el gasóleo 1,489 euros."),
    )
    assert not conflicts


def test_temperatures_need_stronger_words_than_other_figures_to_be_one_quantity(monkeypatch):
    # an event's articles give many temperatures (air and water, each town, each day, the forecast
    # and the record): at a similarity that joins two counts, two temperatures stay apart
    import claimrecon.match as M

    def weak(nodes, vocab, lists=True, beside=None, home=""):
        return {(0, 1): (0.45, ("same name: imgw",))} if len(nodes) == 2 else {}

    monkeypatch.setattr(M, "_similarities", weak)
    for kind, texts, joined in (
            ("temperature", ("IMGW recorded 34.6 degrees Celsius in the town.", "IMGW said it could reach 36 degrees Celsius there."), False),
            ("count", ("IMGW recorded 346 storms in the town.", "IMGW said there could be 360 storms there."), True)):
        claims = extract(texts[0], "en", article_id="a.txt", published="2025-07-01") + \
            extract(texts[1], "en", article_id="b.txt", published="2025-07-01")
        items = [it for it in _items(claims, kind)]
        assert len(items) == 2
        assert (len(match(items).quantities) == 1) is joined


def test_the_same_three_digits_in_another_order_join_claims_whose_words_differ():
    # "osób" and "a crowd" share no word the rules translate; 12,580 and 12,850 are one figure with
    # two digits swapped, a typing error two quantities of one story seldom share
    claims, _, conflicts = _run(
        ("pl.txt", "pl", "Finał oglądało z trybun 12 580 osób, a przed telewizorami 2,1 mln widzów. "
                         "Policja zatrzymała 14 kibiców."),
        ("en.txt", "en", "The final drew a crowd of 12,850 to the arena, and 2.1 million watched on "
                         "television. Police detained 14 fans."),
        published="2026-05-25",
    )
    assert _pairs(claims, conflicts) == [("12 580", "12,850")]
    # ... but not claims whose counted nouns say they are two things (a counted noun as general
    # as "osób", people, says nothing against "scarves": such a swap is joined)
    claims, _, conflicts = _run(
        ("pl.txt", "pl", "Finał oglądało z trybun 12 580 kibiców."),
        ("en.txt", "en", "The club sold 12,850 tickets for the final."),
        published="2026-05-25",
    )
    assert _pairs(claims, conflicts) == []


def test_a_swap_in_durations_held_in_seconds_is_no_slip():
    # 18 hours are 64,800 seconds and 24 hours 86,400: the same digits only in seconds
    claims, _, conflicts = _run(
        ("en.txt", "en", "The storm cut power to the valley for up to 18 hours."),
        ("pl.txt", "pl", "Kierowcy czekali w kolejce niespełna 24 godziny."),
        published="2026-01-10",
    )
    assert _pairs(claims, conflicts) == []


def test_a_fall_in_one_report_leaves_the_rise_of_another_report_of_that_day_alone():
    # Wednesday evening: 121 injured; Thursday: one report gives 112 (a slip of Wednesday's 121),
    # another 163 (the toll has risen): the slip meets 121, the rise is another moment
    claims, _, conflicts = _run(
        ("wed.txt", "es", "Los heridos por el sismo ya suman 121, según el último reporte."),
        ("thu1.txt", "pl", "W wyniku trzęsienia ziemi 112 osób zostało rannych."),
        ("thu2.txt", "en", "The quake has injured 163 people, the emergency centre said."),
        published={"wed.txt": "2025-11-12T21:45", "thu1.txt": "2025-11-13T07:30", "thu2.txt": "2025-11-13T09:40"},
    )
    assert _pairs(claims, conflicts) == [("112", "121")]


def test_a_day_that_repeats_the_last_figure_is_no_update():
    # 287 dogs found on Tuesday and again on Wednesday morning: no rise, so Wednesday evening's
    # 278, a swap of it, meets every report of 287, not only the nearest day's
    claims, _, conflicts = _run(
        ("tue.txt", "en", "Inspectors found 287 dogs kept in filthy cages at the farm."),
        ("wed1.txt", "pl", "Inspektorzy znaleźli na fermie 287 psów w brudnych klatkach."),
        ("wed2.txt", "es", "Los inspectores encontraron 278 perros en jaulas sucias."),
        published={"tue.txt": "2026-04-14T14:10", "wed1.txt": "2026-04-15T08:05", "wed2.txt": "2026-04-15T17:40"},
    )
    assert _pairs(claims, conflicts) == [("278", "287"), ("278", "287")]


def test_an_amount_alone_in_brackets_is_a_conversion_even_at_a_wrong_rate():
    # "(ok. 5 mln zł)" gives half a million dollars at ten zlotys to the dollar: no rate allows
    # it, but the bracket holds nothing else, so the article says it is that prize converted,
    # wrongly, and it meets the others' dollars
    claims, _, conflicts = _run(
        ("en.txt", "en", "The winning team collects $500,000 from the prize pool."),
        ("es.txt", "es", "El equipo ganador se lleva 500.000 dólares del premio."),
        ("pl.txt", "pl", "Zwycięska drużyna otrzyma 500 tys. dolarów (ok. 5 mln zł) z puli nagród."),
        published="2026-06-01",
    )
    assert _pairs(claims, conflicts) == [("$500,000", "ok. 5 mln zł"), ("500.000 dólares", "ok. 5 mln zł")]
    # a right conversion in brackets is no conflict, and a bracket with words of its own is no
    # conversion at all
    claims, _, conflicts = _run(
        ("en.txt", "en", "The winning team collects $500,000 from the prize pool."),
        ("pl.txt", "pl", "Zwycięska drużyna otrzyma 500 tys. dolarów (ok. 1,9 mln zł) z puli nagród."),
        ("pl2.txt", "pl", "Zwycięska drużyna otrzyma 500 tys. dolarów (o 5 mln zł więcej niż rok temu)."),
        published="2026-06-01",
    )
    assert _pairs(claims, conflicts) == []


def test_the_same_digits_a_hundred_times_apart_are_no_slip():
    # a zero dropped (10 times) or a scale word misread (1,000 times) are the slips figures suffer;
    # 19 people detained and a firm's 1,900 staff are two counts, not one slipped twice
    claims, _, conflicts = _run(
        ("es.txt", "es", "Contratas Levante, que emplea a unas 1.900 personas, dijo que colaboró con los investigadores."),
        ("en.txt", "en", "Agents of the anticorruption bureau detained 19 people in dawn raids."),
        published="2026-02-10",
    )
    assert _pairs(claims, conflicts) == []
    # ... while a dropped zero still is one: 190 and 1,900 staff
    claims, _, conflicts = _run(
        ("es.txt", "es", "Contratas Levante, que emplea a unas 1.900 personas, dijo que colaboró con los investigadores."),
        ("en.txt", "en", "Contratas Levante, which employs 190 people, said it had cooperated with investigators."),
        published="2026-02-10",
    )
    assert _pairs(claims, conflicts) == [("190", "unas 1.900")]


def test_a_swap_in_shares_or_amounts_needs_a_word_in_common():
    # a guard: counts have their counted nouns to bar two things; two shares or two amounts with
    # the same digits in another order and no word in common are two figures
    claims, _, conflicts = _run(
        ("en.txt", "en", "Egg prices rose 23.4% in a month, the ministry said."),
        ("es.txt", "es", "El número de gallinas ponedoras cayó un 32,4% tras el sacrificio."),
        published="2026-03-02",
    )
    assert _pairs(claims, conflicts) == []


def test_a_bracket_after_other_words_is_no_conversion_and_a_zero_breaks_nothing():
    # guards: "(£500)" after "the VIP package" converts no "€40"; an amount of zero in brackets
    # is read without failing the run
    claims, _, conflicts = _run(
        ("en.txt", "en", "Tickets for the derby cost €40, and the VIP package (£500) sold out."),
        ("es.txt", "es", "Las entradas para el derbi cuestan 40 euros."),
        ("en2.txt", "en", "Adults pay 5 zlotys (0 euros) to enter the derby."),
        published="2026-06-13",
    )
    assert not [k for k in conflicts if {c.text for c in claims if c.id in k.claims} & {"£500", "(£500)", "0 euros"}]


@pytest.mark.parametrize("site, evacuated, on_site, copied, flagged", [
    # the English article tells the two figures apart: 412 workers were on site, 1,240 people were
    # evacuated; the Polish article's 412 people on site is the English 412, not a wrong evacuation count
    ("At the time of the blast 412 workers were at the refinery. "
     "Police later evacuated 1,240 people from the site and nearby streets.",
     "La policía desalojó a 1.240 personas.",
     "W chwili wybuchu na terenie zakładu było 412 osób.",
     "Police later evacuated 412 people from the site and nearby streets.",
     [("1,240", "412"), ("1.240", "412")]),
    # a percentage of two significant digits tells two things apart as a count of three does: the
    # English article gives 41% to the workers on site and 64% to the people evacuated
    ("At the time of the blast 41% of the workers were at the refinery. "
     "Police later evacuated 64% of the people living in nearby streets.",
     "La policía desalojó al 64% de las personas.",
     "W chwili wybuchu na terenie zakładu było 41 proc. osób.",
     "Police later evacuated 41% of the people living in nearby streets.",
     [("41%", "64%"), ("41%", "64%")]),
])
def test_a_figure_an_article_gives_to_another_thing_is_not_flagged_against_it(site, evacuated, on_site, copied, flagged):
    site, evacuated = ("a.txt", "en", site), ("c.txt", "es", evacuated)
    claims, groups, conflicts = _run(site, ("b.txt", "pl", on_site), evacuated)
    assert _pairs(claims, conflicts) == []
    # ... but a figure whose words say what the other figure counted is flagged: a copied figure, not another thing
    claims, groups, conflicts = _run(site, ("b.txt", "en", copied), evacuated)
    assert _pairs(claims, conflicts) == flagged


def test_a_figure_of_another_day_or_place_is_still_a_transposition():
    # the English article gives 1,240 for Saturday and 412 for Sunday; the Spanish article's 412 for
    # Saturday is the Sunday figure put on the wrong day: flagged, not moved to Sunday's quantity
    claims, groups, conflicts = _run(
        ("a.txt", "en", "French police arrested 1,240 people on Saturday and 412 on Sunday during protests against "
                        "the pension reform, the interior ministry said."),
        ("b.txt", "es", "La policía francesa detuvo el sábado a 412 personas durante las protestas contra la reforma "
                        "de las pensiones, según el Ministerio del Interior."),
        published="2026-03-16")
    assert _pairs(claims, conflicts) == [("1,240", "412")]
    # ... and so is an amount for the other country
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The European Commission approved €1.24bn for Poland and €412m for Slovakia from the cohesion "
                        "fund to repair flood damage."),
        ("b.txt", "es", "La Comisión Europea aprobó 412 millones de euros para Polonia del fondo de cohesión para "
                        "reparar los daños de las inundaciones."))
    assert _pairs(claims, conflicts) == [("412 millones de euros", "€1.24bn")]


def test_a_share_given_to_another_month_is_flagged_not_moved():
    # the English article gives May's and June's inflation; the Spanish one gives June's figure for
    # May: a transposed month, which the month names tell (as "#month_5" in every language)
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Inflation was 4.2% in May and 3.8% in June, the statistics office said."),
        ("es.txt", "es", "La inflación fue del 3,8% en mayo, según la oficina de estadística."), published="2025-07-10")
    assert _pairs(claims, conflicts) == [("3,8%", "4.2%")]
    assert {t for c in claims for t in c.counted.terms if t.startswith("#month_")} == {"#month_5", "#month_6"}
    # (English writes its months with a capital: "may" and "a protest march" name none)
    (rise,) = extract("Prices may rise 5% after a protest march.", "en")
    assert not [t for t in rise.counted.terms if t.startswith("#month_")]


def test_two_amounts_every_article_states_are_no_thousandfold_slip_of_each_other():
    # $450,000 a seat and €310m spent stand about a thousand times apart at rough rates, as a
    # misread scale word would put one amount; but each article states both: two quantities
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Each of the five passengers had paid $450,000 for the ride. The company has spent €310m developing the system."),
        ("es.txt", "es", "Los cinco turistas han pagado 450.000 dólares por el viaje. La empresa ha gastado 310 millones de euros en el sistema."),
        ("pl.txt", "pl", "Każdy z pięciu pasażerów zapłacił za lot 450 tys. dolarów. Firma wydała na system 310 mln euro."),
        published="2026-06-13")
    assert _pairs(claims, conflicts) == []


def test_a_clock_time_in_a_named_country_is_on_that_country_s_clock():
    # "(11.30 w Polsce)" restates 9.30 London time on Poland's clock, an hour wrong in June (10.30):
    # it is the restatement that is flagged, not read as a local clock three hours ahead of UTC
    # that would put every implied time in the wrong
    claims, groups, conflicts = _run(
        ("en.txt", "en", "Chief executive Harriet Lane told staff on a video call at 9:30am that 137 stores would close."),
        ("es.txt", "es", "La consejera delegada Harriet Lane comunicó el cierre de 137 tiendas en una videollamada "
                         "a las 9:30 hora británica (10:30 en la España peninsular)."),
        ("pl.txt", "pl", "Prezes Harriet Lane poinformowała o zamknięciu 137 sklepów podczas wideokonferencji "
                         "o 9.30 czasu londyńskiego (11.30 w Polsce)."), published="2026-06-17")
    assert _pairs(claims, conflicts) == [("10:30 en la España peninsular)", "11.30 w Polsce"), ("11.30 w Polsce", "9:30 hora británica")]
    # (a country of two clocks names none: "a las 9.00 en España" may be the Canaries' hour)
    (spain,) = extract("Llegó a las 9.00 en España.", "es", published="2026-06-17")
    assert spain.zone is None



def test_an_outlet_that_swaps_two_figures_is_flagged_for_both():
    # each article states both figures, for two different things: one outlet swapped them. (A rule
    # that took such pairs for two quantities the match crossed hid this; it was taken back.)
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Police said 12 people were killed and 30 were injured in the crash."),
        ("b.txt", "en", "Police said 30 people were killed and 12 were injured in the crash."),
    )
    assert _pairs(claims, conflicts) == [("12", "30"), ("12", "30")]


def test_two_languages_nouns_filed_apart_yield_to_a_figure_with_a_zero_dropped():
    # the concept table files "reclamaciones" under insurance claims and "complaints" under
    # complaints: two counted nouns, which keep two counts of one language apart; across two
    # languages the dropped zero is the likelier story, and the Spanish 1.240 is flagged
    claims, _, conflicts = _run(
        ("a.txt", "en", "By Tuesday the scheme's hotline had received 12,400 complaints, most about full machines."),
        ("b.txt", "es", "La línea de atención al cliente recibió 1.240 reclamaciones hasta el martes, la mayoría por máquinas llenas."),
        published="2026-05-13",
    )
    assert _pairs(claims, conflicts) == [("1.240", "12,400")]


def test_one_languages_two_nouns_stay_apart_whatever_their_figures():
    # within one language two counted nouns are two things, even ten times apart (across two
    # languages the same two figures would be flagged: the test above)
    claims, _, conflicts = _run(
        ("a.txt", "en", "The ferry carried 1,250 passengers on Sunday."),
        ("b.txt", "en", "The ferry carried 125 lorries on Sunday."),
        published="2026-05-13",
    )
    assert _pairs(claims, conflicts) == []


def test_a_report_day_that_repeats_the_day_befores_figure_is_no_new_moment():
    # firefighters sent to a fire are a count news updates; but Monday's report gives the 87
    # already given on Sunday, so nothing changed: Sunday's "more than 90" is told differently
    # and is compared with Monday's 87 too
    texts = [("a.txt", "en", "More than 90 firefighters are battling the forest fire near Valencia, the regional government said."),
             ("b.txt", "es", "Un total de 87 bomberos luchan contra el incendio forestal cerca de Valencia, según el Gobierno regional."),
             ("c.txt", "en", "The regional government said {} firefighters are battling the forest fire near Valencia.")]
    published = {"a.txt": "2026-08-02T14:20", "b.txt": "2026-08-02T15:45", "c.txt": "2026-08-03T11:00"}
    claims, _, conflicts = _run(*texts[:2], (texts[2][0], "en", texts[2][2].format(87)), published=published)
    assert _pairs(claims, conflicts) == [("87", "More than 90"), ("87", "More than 90")]
    # a figure Monday gives that Sunday did not is an update: Monday is a moment of its own
    claims, _, conflicts = _run(*texts[:2], (texts[2][0], "en", texts[2][2].format(60)), published=published)
    assert not [p for p in _pairs(claims, conflicts) if "60" in p]


def test_two_languages_counts_of_few_digits_ten_times_apart_stay_apart_when_their_nouns_differ():
    # a red-team review's cases: related counts of one story often stand ten times apart (the
    # firefighters and their engines, the teachers and their schools); only figures of three
    # significant digits or more that slipped outweigh two counted nouns across two languages
    claims, _, conflicts = _run(
        ("en.txt", "en", "The fire service said 120 firefighters were sent to the warehouse blaze in the industrial estate on Tuesday night."),
        ("es.txt", "es", "Los bomberos enviaron 12 camiones al incendio del almacén en el polígono industrial el martes por la noche."),
        published="2026-05-13")
    assert _pairs(claims, conflicts) == []
    claims, _, conflicts = _run(
        ("en.txt", "en", "The ministry said 2,300 teachers had joined the strike in the region by Wednesday."),
        ("es.txt", "es", "El ministerio dijo que 230 colegios cerraron por la huelga en la región hasta el miércoles."),
        published="2026-05-13")
    assert _pairs(claims, conflicts) == []


def test_a_tally_that_may_fall_or_is_tied_to_a_day_keeps_its_report_days():
    # a red-team review's cases against merging report days that repeat a figure: Monday's
    # "twelve" must still meet Monday's "Nine" (a claim tied to a stated day), and a count of the
    # people in hospital, which falls between reports, is not made one moment across days
    base = "people remain in hospital after the chemical leak at the water treatment plant in Gdansk, officials said."
    claims, _, conflicts = _run(
        ("a.txt", "en", "Twelve " + base),
        ("b.txt", "en", "Officials said twelve people remain in hospital after the chemical leak at the Gdansk water treatment plant."),
        ("c.txt", "en", "Nine people were still in hospital on Monday after the chemical leak at the water treatment plant in Gdansk, officials said."),
        published={"a.txt": "2026-05-10", "b.txt": "2026-05-11", "c.txt": "2026-05-12"})
    assert _pairs(claims, conflicts) == [("Nine", "twelve")]
    claims, _, conflicts = _run(
        ("a.txt", "en", "Fifteen " + base),
        ("b.txt", "en", "Officials said twelve people remain in hospital after the chemical leak at the Gdansk water treatment plant."),
        ("c.txt", "en", "Twelve " + base),
        ("d.txt", "en", "Officials said twelve people remain in hospital after the chemical leak at the Gdansk water treatment plant."),
        published={"a.txt": "2026-05-10", "b.txt": "2026-05-10", "c.txt": "2026-05-11", "d.txt": "2026-05-12"})
    assert _pairs(claims, conflicts) == [("Fifteen", "twelve")]


def test_temperatures_of_two_named_places_are_two_readings():
    # the sea off Alicante and the air in Gdańsk are two temperatures, however alike the words;
    # the same place's reading told twice is still compared
    claims, _, conflicts = _run(
        ("a.txt", "en", "Lifeguards in the region carried out 146 rescues on Saturday, as temperatures topped 44C inland "
                        "and the sea off Alicante reached 29C."),
        ("b.txt", "en", "Temperatures in Gdańsk reached 34.8C on Sunday and the Baltic off Sopot warmed to 22C, drawing "
                        "huge crowds to the beaches."),
        published="2026-08-03")
    assert _pairs(claims, conflicts) == []
    claims, _, conflicts = _run(
        ("a.txt", "en", "The sea off Alicante reached 29C on Saturday, the warmest reading this year."),
        ("b.txt", "en", "On Saturday the sea off Alicante reached 31C, the warmest reading this year."),
        published="2026-08-03")
    assert _pairs(claims, conflicts) == [("29C", "31C")]


def test_a_wrong_conversion_stays_with_its_amount():
    # "8,000 zlotys (roughly £1,870)" converts at the euro's rate, wrongly; on its words (a
    # bonus) it matched the €3,000 bonus of another place, and flagged five right figures of
    # that. The bracket says whose amount it is: it is compared with the 8,000 zlotys' quantity.
    claims, groups, conflicts = _run(
        ("a.txt", "en", "New drivers in Galicia are being offered a €3,000 signing-on bonus.\n\n"
                        "The Polish firm is offering recruits a bonus of 8,000 zlotys (roughly £1,870)."),
        ("b.txt", "en", "Ardora is offering new recruits a €3,000 (£2,560) signing-on bonus in Galicia.\n\n"
                        "In Silesia it offers 8,000 zlotys."),
        ("c.txt", "pl", "Hiszpanie oferują nowym kierowcom 3 tys. euro (ok. 12,8 tys. zł) premii na start.\n\n"
                        "Na Śląsku firma oferuje 8 tys. zł premii."),
        ("d.txt", "es", "Ardora ofrecerá una prima de 3.000 euros a los nuevos conductores.\n\n"
                        "En Silesia ofrece 8.000 zlotis (unos 1.875 euros)."),
    )
    text = {c.id: c.text for c in claims}
    group = next(sorted(text[i] for i in g.claims) for g in groups if any(text[i] == "roughly £1,870" for i in g.claims))
    assert "8,000 zlotys" in group and "€3,000" not in group
    flagged = {text[i] for k in conflicts if any(text[j] == "roughly £1,870" for j in k.claims) for i in k.claims}
    assert flagged >= {"8.000 zlotis", "unos 1.875 euros"}
    assert not flagged & {"€3,000", "3.000 euros", "£2,560"}


def test_a_lone_restatement_off_the_clock_of_the_towns_named_is_the_slip():
    # "5.40pm local time (1640 GMT)" in Barcelona in July: Barcelona keeps UTC+2 then, so the
    # restatement is an hour out, and the Spanish and Polish 17.40 are on Barcelona's clock. The
    # run names Spain, whose zones include the Canaries' UTC+1: only the town says which.
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The ride stopped in Barcelona at 5.40pm local time (1640 GMT), trapping 24 riders in Spain's busiest park."),
        ("es.txt", "es", "La atracción se detuvo a las 17.40 en Barcelona y dejó atrapados a 24 pasajeros."),
        ("pl.txt", "pl", "Kolejka zatrzymała się o godz. 17.40 w Barcelonie, a 24 osoby utknęły w wagonikach."),
        published="2026-07-11",
    )
    # (the English article's own 5.40pm is not compared with its restatement)
    assert _pairs(claims, conflicts) == [("1640 GMT)", "17.40"), ("1640 GMT)", "17.40")]


@pytest.mark.parametrize("text, lang, zones", [
    ("Protest w Poznaniu i w Łodzi.", "pl", {"Europe/Warsaw"}),  # "Łodzi": also a Californian town's other name
    ("La marcha salió en Marzo en Zaragoza.", "es", {"Europe/Madrid"}),  # a month is no town
    ("The storm hit in Santa Cruz de Tenerife.", "en", {"Atlantic/Canary"}),
    ("Rescuers arrived in March.", "en", set()),
])
def test_towns_named_after_a_preposition_of_place(text, lang, zones):
    from claimrecon.match.eventzone import town_names, towns_named

    assert towns_named(town_names(text, lang), frozenset({"Europe/Warsaw", "Europe/Madrid", "Atlantic/Canary"})) == zones



# A red-team review's cases against moving a restatement to its amount's cluster (conversions.join)
# and against the clock of the towns named (eventzone.run_towns): each passed before those changes
# and failed on their first version.

def test_bracketed_time_of_another_place_is_not_a_restatement():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "On Wednesday the total eclipse will begin in Oviedo at 8.27pm (8.31pm in Valencia), Spain's national observatory said."),
        ("b.txt", "en", "Totality will begin in Oviedo at 8.27pm on Wednesday and in Valencia at 8.31pm, the observatory said."),
        ("c.txt", "es", "El miércoles la totalidad comenzará en Oviedo a las 20.27 y en Valencia a las 20.32, según el Observatorio."),
        ("d.txt", "pl", "W środę całkowite zaćmienie zacznie się w Oviedo o godz. 20.28, a w Walencji o 20.31."),
        published="2026-08-10")
    pairs = _pairs(claims, conflicts)
    assert ("8.27pm", "8.31pm") not in pairs and ("20.27", "8.31pm") not in pairs
    assert pairs.count(("20.32", "8.31pm")) == 2


def test_bracketed_time_on_another_day_is_not_a_restatement():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "From Monday the first metro will leave at 5.30am (7am on Sundays), Madrid's transport authority said."),
        ("b.txt", "en", "The first train will run at 5.30am on weekdays and at 6am on Sundays, the Madrid transport authority said."),
        ("c.txt", "es", "A partir del lunes el primer metro saldrá a las 5.30 los días laborables y a las 7.00 los domingos."),
        ("d.txt", "pl", "Od poniedziałku pierwsze metro w Madrycie odjedzie o 5.30 w dni robocze i o 7.00 w niedziele."),
        published="2026-07-11")
    pairs = _pairs(claims, conflicts)
    assert not [p for p in pairs if "5.30" in p[0] or "5.30" in p[1]]
    assert ("6am", "7am") in pairs


def test_bracketed_amount_of_another_country_is_not_a_conversion():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Poland's minimum wage will rise to 4,806 zlotys a month from January (€1,184 in Spain)."),
        ("b.txt", "en", "The Polish minimum wage will rise to 4,806 zlotys (about €1,130) in January. In Spain it stands at €1,134 a month."),
        ("c.txt", "es", "El salario mínimo polaco subirá a 4.806 zlotis (unos 1.130 euros) en enero. En España es de 1.184 euros al mes."),
        ("d.txt", "pl", "Płaca minimalna w Polsce wzrośnie w styczniu do 4806 zł. W Hiszpanii wynosi 1184 euro."),
        published="2026-07-11")
    pairs = _pairs(claims, conflicts)
    assert not [p for p in pairs if "€1,184" in p and ("zł" in p[0] + p[1] or "zlot" in p[0] + p[1] or "1.130" in p[0] + p[1] or "€1,130" in p[0] + p[1])]
    assert ("€1,134", "€1,184") in pairs



def test_canary_town_of_four_words_is_not_the_peninsulas_puerto():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The fire broke out at a hotel in Puerto de la Cruz at 3.20pm local time (1420 GMT), forcing 300 guests onto the street, Spain's emergency services said."),
        ("es.txt", "es", "El incendio se declaró a las 15.20 en un hotel en Puerto de la Cruz (Tenerife) y obligó a desalojar a 300 huéspedes."),
        ("pl.txt", "pl", "Pożar wybuchł o godz. 15.20 w hotelu w Puerto de la Cruz na Teneryfie; ewakuowano 300 gości."),
        published="2026-07-11")
    assert _pairs(claims, conflicts) == []


def test_a_company_named_after_a_town_is_no_place():
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Production at Toyota's Burnaston plant in Derbyshire stopped at 6.15am (0515 GMT) on Friday after a fire, and 300 workers were evacuated, Japan's biggest carmaker said."),
        ("b.txt", "en", "A fire halted work at Toyota's British factory at 6.15am on Friday; 300 staff were sent home."),
        ("c.txt", "es", "Un incendio paralizó a las 6.15 del viernes la fábrica británica de Toyota y obligó a evacuar a 300 trabajadores, informó la japonesa."),
        ("d.txt", "pl", "Pożar wstrzymał w piątek o godz. 6.15 produkcję w brytyjskiej fabryce Toyoty; ewakuowano 300 pracowników."),
        published="2026-07-11")
    assert _pairs(claims, conflicts) == []


def test_a_departure_restated_on_the_departure_towns_clock():
    claims, groups, conflicts = _run(
        ("en.txt", "en", "The LOT plane took off from Warsaw at 10.15am local time (0815 GMT) and made an emergency landing in Lisbon, Portugal, with 180 passengers on board."),
        ("en2.txt", "en", "The Polish jet, which left Warsaw at 10.15am, landed safely in Lisbon with 180 passengers."),
        ("es.txt", "es", "El avión de LOT despegó de Varsovia a las 10.15 y aterrizó de emergencia en Lisboa con 180 pasajeros."),
        ("pl.txt", "pl", "Samolot PLL LOT wystartował z Warszawy o godz. 10.15 i awaryjnie wylądował w Lizbonie ze 180 pasażerami na pokładzie."),
        published="2026-07-11")
    assert _pairs(claims, conflicts) == []


def test_an_amount_with_a_zero_dropped_is_compared_with_its_amount():
    # "about €12.4 million" and "unos 1,24 millones de euros": the same three digits ten times
    # apart, a conversion with its decimal mark moved, though their words share little
    claims, groups, conflicts = _run(
        ("a.txt", "en", "Passengers whose journeys were delayed by at least 60 minutes received a total of "
                        "CZK 312 million (about €12.4 million) in 2024, up from CZK 268 million."),
        ("b.txt", "es", "La empresa abonó en concepto de indemnizaciones 312 millones de coronas (unos 1,24 "
                        "millones de euros), frente a 268 millones en 2023."),
        published="2025-03-10",
    )
    assert ("about €12.4 million", "unos 1,24 millones de euros") in _pairs(claims, conflicts)


@pytest.mark.parametrize("texts, right", [
    # a red-team review's cases: a ten-year deal's total against one dated season's payment
    ((("a.txt", "en", "The broadcaster will pay the league €1.25bn over ten years, or €125m a season, the league said."),
      ("b.txt", "es", "En 2025 la cadena pagó a la liga 125 millones de euros, según la liga.")), None),
    # ... and the evidence of amounts ten times apart never outweighs words that agree on a near figure
    ((("a.txt", "en", "The club will receive €12.5m a year from the sponsor, the club said."),
      ("b.txt", "es", "El club recibirá 12,8 millones de euros al año del patrocinador, según el club, "
                      "que prevé invertir 125 millones de euros en su estadio.")), {"€12.5m", "12,8 millones de euros"}),
])
def test_amounts_ten_times_apart_by_a_storys_arithmetic_stay_apart(texts, right):
    claims, groups, conflicts = _run(*texts, published="2026-03-10")
    assert _pairs(claims, conflicts) == ([tuple(sorted(right))] if right else [])


def test_two_round_amounts_ten_times_apart_are_not_taken_for_one():
    # a guard: "€5m" and "50 millones": two significant digits or fewer are two amounts as often
    claims, groups, conflicts = _run(
        ("a.txt", "en", "The region set aside €5m for new buses."),
        ("b.txt", "es", "El Gobierno invertirá 50 millones de euros en el puerto."),
    )
    assert not conflicts


def test_a_share_of_them_stays_apart_from_a_share_of_another_base() -> None:
    # a guard from a red-team review of a change taken back (648fe2e): "90% of them" (the crew)
    # and "62% of the passengers" are two shares, however alike their verbs
    claims, _, conflicts = _run(
        ("a", "en", "The ship was carrying 312 passengers and 41 crew. Of the 41 crew members, 90% of them survived, the coastguard said."),
        ("b", "en", "The ship was carrying 312 passengers and 41 crew. Only 62% of the passengers survived, according to the coastguard."),
        ("c", "es", "El barco transportaba a 312 pasajeros y 41 tripulantes. Solo sobrevivió el 62% de los pasajeros, según los guardacostas."),
        published="2026-03-10")
    by_id = {c.id: c for c in claims}
    assert not [k for k in conflicts if {by_id[i].kind for i in k.claims} == {"percent"}]


_TATRA_EN = ("en.txt", "en", "From today, hikers rescued from Poland's Tatra mountains through their own negligence face a bill of "
             "1,500 zlotys per callout. Rescuers went out 1,043 times last season.")
_TATRA_ES = "Desde hoy, los socorristas de los Tatras cobrarán 1.500 eslotis, unos {} euros, por cada rescate injustificado. " \
    "La temporada pasada salieron 1.043 veces."
_STRIKE_EN = ("en.txt", "en", "Refuse collectors in Łódź are demanding a rise of 900 zlotys a month; the company has offered 300 "
              "zlotys. About 1,140 workers are on strike.")
_STRIKE_ES = "Los basureros de Lodz piden una subida de 900 eslotis al mes, unos {} euros, y la empresa ofrece 300. " \
    "Unos 1.140 trabajadores están en huelga."


@pytest.mark.parametrize("en, es, euros, flagged", [
    (_TATRA_EN, _TATRA_ES, "530", True), (_TATRA_EN, _TATRA_ES, "350", False),
    (_STRIKE_EN, _STRIKE_ES, "400", True), (_STRIKE_EN, _STRIKE_ES, "210", False),
])
def test_an_amount_converted_after_a_comma_is_judged_as_that_amount(en, es, euros, flagged):
    # "1.500 eslotis, unos 530 euros": a hedged amount in another currency right after an amount
    # (and its rate, "900 eslotis al mes, unos 400 euros") and a comma gives it again, converted
    # (wrongly at 530 and 400: 1,500 and 900 zlotys are about 350 and 210 euros): one quantity
    # with it, judged against the other outlet's zlotys (before, only a bracket or a word of
    # restating, ", o unos", made a conversion, and the euros stood alone)
    claims, _, conflicts = _run(en, ("es.txt", "es", es.format(euros)), published="2026-07-01")
    assert (f"unos {euros} euros" in {x for p in _pairs(claims, conflicts) for x in p}) is flagged


@pytest.mark.parametrize("pounds, flagged", [("352,000", True), ("300,000", False)])
def test_an_amount_converted_between_dashes_is_judged_as_that_amount(pounds, flagged):
    # "1.5m zloty – about £352,000 –": an aside between spaced dashes restates the amount before
    # it as a comma does (1.5m zlotys are about £300,000: £352,000 is the euro figure in pounds)
    claims, _, conflicts = _run(
        ("en.txt", "en", f"A teacher has won 1.5m zloty – about £{pounds} – on a television quiz. The final round lasted 13 minutes."),
        ("pl.txt", "pl", "Nauczycielka wygrała w teleturnieju 1,5 mln zł. Finałowa runda trwała 13 minut."),
        published="2026-06-17")
    assert (f"about £{pounds}" in {x for p in _pairs(claims, conflicts) for x in p}) is flagged


_FAMILIES_EN = "The government will spend 120,000 zlotys on the families evacuated from the flooded villages. Rescuers went out 1,043 times."


@pytest.mark.parametrize("en, es, figure", [
    # a part or a rate of the amount, not the amount converted: its clause goes on after it
    (_FAMILIES_EN, "Las 40 familias evacuadas de los pueblos inundados recibieron 120.000 eslotis, unos 700 euros cada una, del "
     "gobierno regional. Los socorristas salieron 1.043 veces.", "120,000 zlotys"),
    (_FAMILIES_EN, "El Gobierno regional destinará 120.000 eslotis, unos 10.000 euros de ellos procedentes de fondos europeos, a "
     "las familias evacuadas. Los socorristas salieron 1.043 veces.", "120,000 zlotys"),
    # a right conversion of a currency the rough rates have left behind (the Argentine peso)
    ("Argentina's government will spend 1 billion pesos on repairing roads damaged by the floods, which forced 3,000 people "
     "from their homes.", "El Gobierno argentino destinará 1.000 millones de pesos, unos 700.000 dólares, a reparar las rutas "
     "dañadas por las inundaciones, que dejaron 3.000 evacuados.", "1 billion pesos"),
])
def test_an_amount_after_a_comma_that_is_not_the_amount_converted_is_not_judged_as_it(en, es, figure):
    # a red-team review's cases against the bare-comma conversion: an amount is read as the one
    # before it wrongly converted only when its clause ends with it and both currencies are steady
    claims, _, conflicts = _run(("en.txt", "en", en), ("es.txt", "es", es), published="2026-03-02")
    assert not [p for p in _pairs(claims, conflicts) if figure in p]



def test_reports_agree_on_one_figure_when_their_hedges_hold_it():
    # "18,400", "more than 18,000" and "casi 18.500" agree on one figure: a slip of it on another
    # report ("14 800", the same digits swapped) is then compared with every report of it, as when
    # all give 18,400 (before, any hedged figure among them kept every report a moment of its own)
    from claimrecon.match import _one_figure

    claims = extract("The dean said 18,400 people had donated.", "en", article_id="a") \
        + extract("More than 18,000 donors gave to the appeal.", "en", article_id="b") \
        + extract("Aportaron casi 18.500 donantes.", "es", article_id="c") \
        + extract("Pieniądze przekazało 14 800 darczyńców.", "pl", article_id="d")
    items = _items(claims, "count")
    assert [it.value for it in items] == [18400.0, 18000.0, 18500.0, 14800.0]
    assert _one_figure(items[:3], [14800.0]) and _one_figure(items[1:3], [14800.0])
    assert not _one_figure(items) and not _one_figure(items[1:])
    # a hedge that holds the slip too says nothing of which is right: "more than 18,000" and 18,040
    assert not _one_figure(items[:2], [18040.0])
