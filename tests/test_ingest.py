"""Ingest: formats, encodings, normalization, metadata, language and duplicates.

Binary fixtures (other encodings) are made here, in tmp_path, from the UTF-8 text fixtures in
tests/data/ingest/.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimrecon
import claimrecon.ingest.normalize as normalize_module
from claimrecon.ingest import ingest, read_path
from claimrecon.ingest.duplicates import mark_duplicates
from claimrecon.ingest.metadata import dateline, find_dateline_day, find_outlet, find_title, parse_date
from claimrecon.ingest.normalize import is_boilerplate, normalize
from claimrecon.records import Article
from claimrecon.ruleset import available_languages

from .conftest import CORPUS, DATA

INGEST = DATA / "ingest"
PL = (INGEST / "pl_tramwaje.txt").read_text(encoding="utf-8")
ES = (INGEST / "es_metro.txt").read_text(encoding="utf-8")


def one(path: Path, **kw: str) -> Article:
    arts = ingest([str(path)], **kw)
    assert len(arts) == 1, arts
    return arts[0]


def claims_of(a: Article) -> list[tuple[str, object, int, int]]:
    assert a.language
    return [(c["text"], c["value"], c["start"], c["end"]) for c in claimrecon.extract(a.text, a.language, published=a.published)]


# ---------------------------------------------------------------------------------------------
# the corpus


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    return {a.id: a for a in ingest([str(CORPUS)])}


def test_corpus_languages_titles_and_date(corpus: dict[str, Article]) -> None:
    assert len(corpus) == 5
    assert all(a.status == "ok" and a.format == "text" and a.encoding == "utf-8" for a in corpus.values())
    langs = sorted(a.language or "" for a in corpus.values())
    assert langs == ["en", "en", "en", "en", "pl"]
    assert corpus["003_a755ee8edd3d3d50.txt"].language == "pl"
    assert all(a.title for a in corpus.values())
    assert corpus["001_5bafdd6f6757368c.txt"].title == "Twitter hit by technical glitches during first-ever US presidential campaign announcement"
    assert corpus["002_05a5ef2c4b423981.txt"].title.startswith("Twitter and Elon Musk were unable")  # not the dateline
    assert corpus["002_05a5ef2c4b423981.txt"].published == "2023-06-04"
    assert all(a.published is None for k, a in corpus.items() if k != "002_05a5ef2c4b423981.txt")
    assert all(a.duplicate_of is None for a in corpus.values())


CORPUS_FURNITURE = [
    "Source link", "Leave a Comment", "Tags: global news", "Comments", "No Comments found", "Add a Comment",
    "Our Top Recruiters", "Get to know the top recruiters", "Get New Jobs Notification!", "Sign up with your email address",
    "Also in Hypertext:", "Please enter your comment!", "Please enter your name here", "Latest article", "by user",
    "Also see:", "Related Posts", "Leave a Review", "This website uses cookies", "Privacy & Cookies Policy",
]


def test_corpus_furniture_is_gone(corpus: dict[str, Article]) -> None:
    for a in corpus.values():
        lines = a.text.split("\n")
        for furniture in CORPUS_FURNITURE:
            assert not any(ln.startswith(furniture) for ln in lines), (a.id, furniture)


def test_corpus_title_repeats_collapsed_and_story_kept(corpus: dict[str, Article]) -> None:
    text = corpus["001_5bafdd6f6757368c.txt"].text
    assert text.count("Twitter hit by technical glitches during first-ever US presidential campaign announcement") == 1
    assert "To date Musk has fired or lost about 75% of Twitter’s staff." in text
    last = corpus["004_477666bf38771583.txt"].text.rstrip().split("\n")[-1]
    assert last.startswith("President Joe Biden even piled on")
    assert corpus["003_a755ee8edd3d3d50.txt"].text.rstrip().endswith("—Kit Maher z CNN przyczynił się do powstania tego raportu.")


# ---------------------------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1250", "iso8859-2"])
def test_polish_survives_every_encoding(tmp_path: Path, encoding: str) -> None:
    reference = one(INGEST / "pl_tramwaje.txt")
    f = tmp_path / "pl.txt"
    plain = {ord("„"): '"', ord("”"): '"', ord("–"): "-"}  # ISO-8859-2 has no typographic quotes or dashes
    source = PL.translate(plain) if encoding == "iso8859-2" else PL
    f.write_bytes(source.encode(encoding))
    a = one(f)
    assert a.status == "ok", a.reason
    expected = reference.text.translate(plain) if encoding == "iso8859-2" else reference.text
    assert a.text == expected
    if encoding != "iso8859-2":
        assert claims_of(a) == claims_of(reference)
    assert "Źródło" in a.text and "sparaliżowała" in a.text
    assert a.encoding == codecs.lookup(encoding).name


def test_cp1250_and_utf8_give_identical_claims(tmp_path: Path) -> None:
    (tmp_path / "a_utf8.txt").write_text(PL, encoding="utf-8")
    (tmp_path / "b_cp1250.txt").write_bytes(PL.encode("cp1250"))
    a, b = ingest([str(tmp_path)])
    assert (a.encoding, b.encoding) == ("utf-8", "cp1250")
    assert a.text == b.text
    assert claims_of(a) == claims_of(b)
    assert claims_of(a)  # the article has claims to compare
    assert b.duplicate_of == a.id


def test_spanish_windows_1252_is_not_read_as_1250(tmp_path: Path) -> None:
    f = tmp_path / "es.txt"
    f.write_bytes(ES.encode("cp1252"))
    a = one(f)
    assert a.encoding == "cp1252"
    assert "añadió" in a.text and "señor" in a.text and "«Es un récord histórico»" in a.text
    assert a.text == one(INGEST / "es_metro.txt").text


def test_encoding_override(tmp_path: Path) -> None:
    f = tmp_path / "pl.txt"
    f.write_bytes(PL.encode("cp1250"))
    assert one(f, encoding="cp1250").text == one(INGEST / "pl_tramwaje.txt").text
    bad = one(f, encoding="utf-8")
    assert bad.status == "skipped" and "undecodable" in (bad.reason or "") and "--encoding" in (bad.reason or "")


def test_html_declared_charset(tmp_path: Path) -> None:
    page = (INGEST / "page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1250"')
    page = page.replace("The passenger ferry Nordlys", "Prom pasażerski Nordlys (załoga: 38 osób)")
    f = tmp_path / "page.html"
    f.write_bytes(page.replace("€", "EUR ").encode("cp1250"))
    a = one(f)
    assert a.encoding == "cp1250" and "Prom pasażerski Nordlys (załoga: 38 osób)" in a.text


# ---------------------------------------------------------------------------------------------
# formats


def test_html_main_text_and_metadata() -> None:
    a = one(INGEST / "page.html")
    assert a.status == "ok" and a.format == "html" and a.language == "en"
    assert a.title == "Ferry fire: 412 passengers rescued off Gdynia"
    assert (a.published, a.outlet, a.author, a.url) == ("2027-02-10", "Harbour Daily", "Anna Nowak", "https://harbour.example/news/ferry-fire")
    for junk in ("Top 25", "Subscribe", "9 dollars", "trackers", "1000", "7 ways", "30%", "250 journalists", "14 cities", "color"):
        assert junk not in a.text, junk
    values = {v for _, v, _, _ in claims_of(a)}
    assert {412.0, 38.0, 27.0, 10_000_000.0, 1_200_000.0} <= values
    assert not values & {25.0, 9.0, 17.0, 1000.0, 7.0, 30.0, 250.0, 14.0}


def test_html_saved_under_another_name(tmp_path: Path) -> None:
    f = tmp_path / "saved_page"
    shutil.copy(INGEST / "page.html", f)
    a = one(f)
    assert a.format == "html" and a.outlet == "Harbour Daily" and "Top 25" not in a.text


def test_jsonl_records_ids_and_fields() -> None:
    arts = {a.id: a for a in ingest([str(INGEST / "feed.jsonl")])}
    assert list(arts) == ["feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#4", "feed.jsonl#5"]  # line numbers; line 2 is blank
    first = arts["feed.jsonl#1"]
    assert (first.status, first.format, first.language) == ("ok", "jsonl", "en")
    assert (first.title, first.url, first.published, first.outlet) == ("Twitter event crashes", "https://wire.example/1", "2023-05-24", "Wire One")
    es = arts["feed.jsonl#3"]
    assert es.status == "ok" and es.language == "es" and es.language_confidence is None  # stated, not detected
    assert arts["feed.jsonl#4"].status == "skipped" and '"text"' in (arts["feed.jsonl#4"].reason or "")
    assert arts["feed.jsonl#5"].status == "skipped" and "not valid JSON" in (arts["feed.jsonl#5"].reason or "")
    assert all(a.path and a.path.endswith("feed.jsonl") for a in arts.values())


def test_json_array_of_articles(tmp_path: Path) -> None:
    f = tmp_path / "desk.json"
    f.write_text(json.dumps([{"text": PL, "outlet": "Portal"}, {"text": ES}, {"nope": 1}]), encoding="utf-8")
    arts = {a.id: a for a in ingest([str(f)])}
    assert [a.status for a in arts.values()] == ["ok", "ok", "skipped"]
    assert arts["desk.json#1"].outlet == "Portal" and arts["desk.json#1"].language == "pl"
    assert arts["desk.json#1"].text == one(INGEST / "pl_tramwaje.txt").text


def test_json_that_is_not_articles_is_skipped(tmp_path: Path) -> None:
    f = tmp_path / "package.json"
    f.write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    a = one(f)
    assert a.status == "skipped" and "not articles" in (a.reason or "")


def test_text_starting_with_a_bracket_is_still_text(tmp_path: Path) -> None:
    f = tmp_path / "update"
    f.write_text("[Updated] " + PL, encoding="utf-8")
    a = one(f)
    assert a.status == "ok" and a.format == "text" and a.language == "pl"


def test_markdown() -> None:
    a = one(INGEST / "story.md")
    assert a.status == "ok" and a.format == "markdown"
    assert (a.title, a.published, a.outlet, a.author) == ("Heatwave breaks the Madrid record", "2027-07-14", "Diario Ejemplo", "Redacción Web")
    assert "The temperature in Madrid reached 44.1 °C on Monday, the highest since records began, according to the state weather agency." in a.text
    assert "**" not in a.text and "](" not in a.text and "#" not in a.text and ">" not in a.text
    assert "Why Spain is getting hotter" not in a.text  # a "Read more:" teaser


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PL.encode("cp1250"))))
    (a,) = read_path("<stdin>", None)
    assert a.status == "ok" and a.id == "<stdin>" and a.encoding == "cp1250" and a.language == "pl"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((INGEST / "feed.jsonl").read_bytes())))
    arts = ingest(["-"])
    assert [a.id for a in arts] == ["<stdin>#1", "<stdin>#3", "<stdin>#4", "<stdin>#5"]


def test_folder_order_is_stable(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "C.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n\n" + ES.replace("2 millones", f"{len(name)} millones"), encoding="utf-8")
    ids = [a.id for a in ingest([str(tmp_path)])]
    assert ids == sorted(ids) == ["C.txt", "a/b/c.txt", "a/z.txt", "b.txt"]


# ---------------------------------------------------------------------------------------------
# normalization


def test_normalize_characters() -> None:
    raw = "Tytuł\r\n\r\nO\u0301w ‟cytat” ‒ 500\u00a0000 osób, 12\u202f345\u00a0zł,\u00a0koniec\u2212bis\u200b.\r\nzwią-\nzany\tz   tym."
    text = normalize(raw)
    assert "\r" not in text and "\u200b" not in text and "\t" not in text
    assert "Ów" in text  # NFC: O + combining acute -> Ó
    assert "“cytat” – " in text
    assert "500\u00a0000 osób" in text and "12\u202f345 zł" in text  # grouping kept, others plain
    assert ", koniec-bis." in text
    assert "związany z tym." in text


def test_title_repeats_collapsed_once() -> None:
    text = normalize("Headline here\n\nHeadline here\n\nBody with 5 people.\n\nHeadline here\n")
    assert text == "Headline here\n\nBody with 5 people.\n"


def test_hard_wrapped_text_is_unwrapped() -> None:
    para = (
        "More than 500,000 people tried to join the event on Wednesday, but the\n"
        "servers crashed within minutes and the stream had to be restarted from a\n"
        "second account, where about 250,000 listeners followed the rest of the\n"
        "announcement."
    )
    text = normalize("Twitter event crashes\n\n" + para + "\n\n" + para.replace("Wednesday", "Thursday"))
    lines = text.split("\n")
    assert lines[0] == "Twitter event crashes"
    assert lines[2].startswith("More than 500,000") and lines[2].endswith("the announcement.")
    assert len([ln for ln in lines if ln]) == 3


def test_short_lines_are_not_joined() -> None:
    table = "Results\n\nWarsaw 12 cases\nKraków 15 cases\nGdańsk 3 cases\nPoznań 7 cases\nŁódź 9 cases\nLublin 4 cases\n"
    assert normalize(table).count("\n") == table.count("\n") - 0


def test_teaser_list_at_the_end_is_cut() -> None:
    para = "More than 500,000 people tried to join the event on Wednesday, but the servers crashed within minutes."
    story = "Headline of the story\n\n" + "\n\n".join([para] * 4)
    teasers = "\n\nRelated Posts\n\n5 things to know about the 2024 race\n\nTwitter lost 30% of its staff\n\nSource link\n"
    assert normalize(story + teasers) == normalize(story)
    # a head followed by the story's own paragraphs only loses the head line
    mid = "Headline\n\nRelated Posts\n\n" + "\n\n".join([para] * 4)
    assert normalize(mid) == "Headline\n\n" + "\n\n".join([para] * 4) + "\n"
    # and a head that is followed by as much text as precedes it cuts nothing
    short = "Short news\n\nRelated Posts\n\nA short line with 5 people.\n\nAnother with 6 people.\n"
    assert normalize(short) == "Short news\n\nA short line with 5 people.\n\nAnother with 6 people.\n"


#: per language: furniture lines that must go, and article lines like them that must stay
BOILERPLATE = {
    "en": (
        ["Leave a Comment", "Source link", "Please enter your comment!", "Please enter your name here", "Latest article",
         "Also in Hypertext:", "Tags: global news", "Comments", "No Comments found", "Add a Comment", "Our Top Recruiters",
         "Get New Jobs Notification!", "Sign up with your email address to receive news and updates.",
         "This website uses cookies to improve your experience. Accept Read More", "Privacy & Cookies Policy",
         "Related Posts", "Leave a Review", "Also see: As DeSantis launches his campaign, here are the Republicans", "by user",
         "Read more: How safe are Baltic ferries?", "Subscribe to our newsletter", "Advertisement", "Share this article"],
        ["Comments from the minister came later that day.", "Source: Reuters", "Related posts on the forum drew 500 replies.",
         "Also in Madrid, 300 people protested.", "Users who signed up with their email address were affected.",
         "More than 500,000 people read more than one article.", "The website uses cookies, the regulator said, and fined it $5 million."],
    ),
    "es": (
        ["Suscríbete a nuestro boletín", "Deja un comentario", "Comentarios", "Noticias relacionadas", "Lee también: La línea 11",
         "Te puede interesar: Otra noticia", "También en Hipertextual:", "Este sitio web utiliza cookies para mejorar su experiencia.",
         "Política de privacidad", "Publicidad", "Últimas noticias", "Compartir en Twitter"],
        ["Comentarios del ministro llegaron más tarde.", "También en Madrid, 300 personas protestaron el lunes por la tarde.",
         "Los suscriptores del boletín recibieron 2 avisos.", "La publicidad institucional costó 3 millones de euros."],
    ),
    "pl": (
        ["Czytaj także: Nowe tramwaje", "Czytaj także", "Zobacz także: Galeria", "Udostępnij", "Komentarze", "Dodaj komentarz",
         "Ta strona korzysta z plików cookies, aby ułatwić korzystanie z serwisu.", "Reklama", "Zapisz się do newslettera",
         "Polecane artykuły", "Polityka prywatności"],
        ["Czytaj dalej, co powiedział minister, bo 500 osób czekało.", "Komentarze polityków były ostre.",
         "Reklama kosztowała 2 mln zł.", "Zobacz, jak 300 osób protestowało w Krakowie w poniedziałek."],
    ),
}


def test_boilerplate_table_covers_every_language() -> None:
    assert set(BOILERPLATE) == set(available_languages())


@pytest.mark.parametrize("lang", sorted(BOILERPLATE))
def test_boilerplate_lines(lang: str) -> None:
    furniture, article = BOILERPLATE[lang]
    for line in furniture:
        assert is_boilerplate(line), (lang, line)
    for line in article:
        assert not is_boilerplate(line), (lang, line)


# ---------------------------------------------------------------------------------------------
# metadata


@pytest.mark.parametrize(
    ("lang", "line", "iso"),
    [
        ("en", "Sunday, June 4, 2023", "2023-06-04"),
        ("en", "Published Sept. 4, 2023 6:00 p.m. ET", "2023-09-04"),
        ("en", "4 June 2023", "2023-06-04"),
        ("en", "Updated: 2023-06-04T10:00Z", "2023-06-04"),
        ("es", "8 de marzo de 2026", "2026-03-08"),
        ("es", "Madrid, 19 de enero de 2027", "2027-01-19"),
        ("es", "domingo, 8 de marzo de 2026", "2026-03-08"),
        ("pl", "27 września 2026", "2026-09-27"),
        ("pl", "Opublikowano: 25.05.2023, 18:30", "2023-05-25"),
        ("pl", "Kraków, 27 września 2026 r.", "2026-09-27"),
        ("en", "Twitter crashed on June 4, 2023 as half a million people tried to listen", None),
        ("en", "February 30, 2023", None),
        ("en", "05/06/2023", None),  # US or European order? not guessed
        # a byline whose parts stand between bars: one part is the dateline
        ("es", "Por Redacción La Voz del Paraná | Villa Aurora, 11 de marzo de 2025", "2025-03-11"),
        ("es", "Diario Atlántico | Londres / Madrid, 17 de enero de 2025 | Por Marta Saavedra", "2025-01-17"),
        ("en", "By Sarah Whitfield, Latin America Correspondent | Friday 11 October 2024", "2024-10-11"),
        ("pl", "Ceny paliw | 2025 | raport", None),
        # a dateline that opens the lead, ended by a dash
        ("es", "CANCÚN, Q. Roo, 7 de febrero de 2025.— El crucero Meridian Aurora, al que se negó el atraque, zarpó", "2025-02-07"),
        ("en", "The toll - 40 dead by June 4, 2023 - rose again on Monday as rescuers dug through the night", None),
    ],
)
def test_dateline(lang: str, line: str, iso: str | None) -> None:
    assert dateline(line, lang) == iso


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("en", "Headline\n\nMONTERREY, Mexico, Oct 14 (Global Wire Service) - The death toll rose.", "10-14"),
        ("en", "Headline\n\nWARSAW, Jan 22 (CPA) - Poland confirmed a new outbreak.", "01-22"),
        ("en", "Headline\n\nMADRID/LISBON, Nov 16 (Global Wire) - One passenger died.", "11-16"),
        ("es", "Titular\n\nMADRID, 27 ABR. - Actualizado: 09:15\n\nEl Gobierno aprobó.", "04-27"),
        ("es", "Titular\n\nVarsovia, 8 feb. - Actualizado: 22:40\n\nAl menos cuatro personas murieron.", "02-08"),
        ("en", "Headline\n\nUpdated, May 5 - the figures changed.", None),
        ("en", "Headline\n\nThe match on Oct 14 drew 40,000 people.", None),  # a date in a sentence, not a dateline
        ("en", "Headline\n\nLONDON, March 4, 2025 (Wire) - A full date.", None),  # a full date is find_dateline's
        ("en", "Headline\n\nLONDON, Feb 31 (Wire) - No such day.", None),
        ("en", "Headline\n\nOn Tuesday, March 3 - the day of the crash - nobody was hurt.", None),  # no place in capitals
        ("en", "Headline\n\nArticle 12, May 3 - the law says.", None),
    ],
)
def test_a_wire_dateline_without_its_year_gives_its_day(lang: str, text: str, day: str | None) -> None:
    assert find_dateline_day(text, lang) == day


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "Headline\n\nBy Rosa Huamán | Lima Herald | Tuesday, February 18\n\nThe toll rose.", ("02-18", 2, True)),
        ("pl", "Tytuł\n\nWtorek, 18 lutego. Marta Zielińska, Świat Info\n\nLiczba ofiar wzrosła.", ("02-18", 2, True)),
        ("es", "Titular\n\nmartes, 18 de febrero\n\nSubió el número de fallecidos.", ("02-18", 2, True)),
        ("en", "Headline\n\nWARSAW, Jan 22 (CPA) - Poland confirmed a new outbreak.", ("01-22", None, False)),  # no weekday named
        # no weekday in the byline: the day the article's weekdays are nearest before (the toll
        # "late on Friday", then "on Saturday": a Saturday)
        ("en", "Headline\n\nTORREÓN, Mexico, Dec 21 (Wire) - The toll rose to 12 on Saturday. Officials said late on "
               "Friday that nine had died.", ("12-21", 6, False)),
        ("pl", "Tytuł\n\nWARSZAWA, 14 lipca (PAP) - W niedzielę lawina porwała turystów; w poniedziałek wstrzymano "
               "poszukiwania.", ("07-14", 1, False)),
        # talks on Monday and Thursday: Thursday's day puts them nearest before it
        ("en", "Headline\n\nLONDON, May 5 (Wire) - Talks on Monday and Thursday failed.", ("05-05", 4, False)),
        # a weekday is matched in the case the rules write it: "Plácido Domingo" is a name
        ("es", "Titular\n\nMADRID, 5 may. (Agencia) - Plácido Domingo cantó el viernes ante 2.000 personas.", ("05-05", 5, False)),
    ],
)
def test_a_bylines_weekday_comes_with_its_day(lang: str, text: str, found: tuple[str, int | None, bool]) -> None:
    from claimrecon.ingest.metadata import dateline_day_and_weekday

    assert dateline_day_and_weekday(text, lang) == found


def test_parse_date_from_metadata() -> None:
    assert parse_date("2023-05-24T22:10:00Z", "en") == "2023-05-24"
    assert parse_date("24 de mayo de 2023", "es") == "2023-05-24"
    assert parse_date("yesterday", "en") is None


def test_title_skips_dateline_and_byline_and_shortens_a_lead() -> None:
    assert find_title("Sunday, June 4, 2023\n\nBy Anna Nowak\n\nThe real headline\n\nBody.", "en") == "The real headline"
    lead = "Wydarzenie na żywo zostało opóźnione w środę, a setki tysięcy użytkowników logowało się, aby słuchać. " * 4
    title = find_title(lead, "pl")
    assert title == "Wydarzenie na żywo zostało opóźnione w środę, a setki tysięcy użytkowników logowało się, aby słuchać."
    assert find_title("12 000\n\n—", "pl") is None


@pytest.mark.parametrize(
    ("lang", "text", "outlet"),
    [
        ("pl", "Tytuł\n\nWARSZAWA (PAP) - Ponad 500 osób ewakuowano.", "PAP"),
        ("es", "Título\n\nMADRID, 19 ene (EFE).- Unos 180.000 pasajeros.", "EFE"),
        ("en", "Headline\n\nBody with 5 people.\n\nSource: Reuters", "Reuters"),
        ("en", "Headline\n\nBody.\n\n© 2023 The Verge. All rights reserved.", "The Verge"),
        ("es", "Título\n\nFuente: Europa Press", "Europa Press"),
        ("en", "Headline\n\nBody that quotes CNN and The Verge.", None),
    ],
)
def test_outlet_only_when_stated(lang: str, text: str, outlet: str | None) -> None:
    assert find_outlet(text, lang) == outlet


def test_plain_text_metadata_fixture() -> None:
    a = one(INGEST / "pl_tramwaje.txt")
    assert (a.title, a.published, a.outlet) == ("Awaria sieci tramwajowej w Krakowie. Tysiące pasażerów utknęły w korkach", "2026-09-27", "PAP")
    b = one(INGEST / "es_metro.txt")
    assert (b.published, b.outlet, b.author) == ("2026-03-08", None, "Redacción")


# ---------------------------------------------------------------------------------------------
# language


def test_language_detection_is_repeatable() -> None:
    a1, a2 = one(INGEST / "es_metro.txt"), one(INGEST / "es_metro.txt")
    assert a1.language == "es" and a1.language_confidence is not None and a1.language_confidence > 0.9
    assert a1.language_confidence == a2.language_confidence


def test_unsupported_language_is_skipped_with_reason(tmp_path: Path) -> None:
    f = tmp_path / "de.txt"
    f.write_text(
        "Der Live-Auftritt auf Twitter ist am Mittwoch abgestürzt, als Hunderttausende Nutzer zuhören wollten. "
        "Mehr als 500.000 Menschen hatten sich angemeldet, aber die Server brachen zusammen.\n",
        encoding="utf-8",
    )
    a = one(f)
    assert a.status == "skipped" and a.language == "de" and "no rules" in (a.reason or "") and a.text == ""
    forced = one(f, lang="en")
    assert forced.status == "ok" and forced.language == "en" and forced.language_confidence is None


# ---------------------------------------------------------------------------------------------
# duplicates


def _art(aid: str, text: str) -> Article:
    return Article(aid, "ok", language="en", text=text)


STORY = (CORPUS / "000_b66d9f2bf3e380bc.txt").read_text(encoding="utf-8")


def test_duplicates_identical_near_and_trimmed() -> None:
    near = "A different headline for the syndicated copy\n\n" + STORY.split("\n", 1)[1] + "\nThis story first appeared on CNN."
    trimmed = STORY.rsplit("\n\n", 3)[0]
    other = (CORPUS / "004_477666bf38771583.txt").read_text(encoding="utf-8")
    arts = mark_duplicates([_art("a", STORY), _art("b", STORY.upper()), _art("c", near), _art("d", trimmed), _art("e", other)])
    assert [a.duplicate_of for a in arts] == [None, "a", "a", "a", None]


def test_duplicates_are_marked_in_id_order(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text(PL, encoding="utf-8")
    arts = ingest([str(tmp_path)])
    assert [(a.id, a.duplicate_of) for a in arts] == [("a.txt", None), ("b.txt", "a.txt"), ("c.txt", "a.txt")]


def test_same_event_different_wording_is_not_a_duplicate() -> None:
    a = (CORPUS / "000_b66d9f2bf3e380bc.txt").read_text(encoding="utf-8")
    b = (CORPUS / "001_5bafdd6f6757368c.txt").read_text(encoding="utf-8")
    assert [x.duplicate_of for x in mark_duplicates([_art("a", a), _art("b", b)])] == [None, None]


@given(st.text(alphabet=st.sampled_from([chr(c) for c in sorted(normalize_module._CHARS)] + list("ab 1\n“€ą")), max_size=60))
def test_character_table_applied_by_regex_equals_str_translate(text: str) -> None:
    # clean_chars visits only the characters the table changes; the result must be translate's
    assert normalize_module._CHANGED.sub(normalize_module._changed, text) == text.translate(normalize_module._CHARS)
