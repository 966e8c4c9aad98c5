"""Rule-based English glosses (no service): they must read as plain English."""

from __future__ import annotations

import pytest

from claimrecon.extract import extract
from claimrecon.extract.gloss import gloss
from claimrecon.extract.lexicon import lexicon


@pytest.mark.parametrize(
    ("kind", "value", "unit", "qualifier", "measure", "low", "high", "zone", "expected"),
    [
        ("count", 500000.0, None, "more_than", "listeners", None, None, None, "more than 500,000 listeners"),
        ("count", None, None, "vague", "listeners", 200000, 999999, None, "hundreds of thousands of listeners"),
        ("count", None, None, "vague", None, 2000, 9999, None, "thousands"),
        ("count", None, None, "vague", "people", 2000000, 999999999, None, "millions of people"),
        ("count", None, None, "vague", "people", 11, 19, None, "between 11 and 19 people"),
        ("count", None, None, "vague", "people", None, None, None, "an unspecified number of people"),
        ("count", None, None, "range", "people", 100, 200, None, "between 100 and 200 people"),
        ("percent", 75.0, "%", "about", "staff_cut", None, None, None, "about 75% of staff cut"),
        ("percent", 52.0, "%", "exact", "votes", None, None, None, "52% of votes"),
        ("percent", 5.0, "%", "exact", "pay_rise", None, None, None, "5% pay rise"),
        ("money", 44e9, "USD", "exact", "purchase_price", None, None, None, "purchase price of $44 billion"),
        ("money", 2e6, "EUR", "about", "fine", None, None, None, "fine of about €2 million"),
        ("duration", 1800.0, "s", "nearly", "delay", None, None, None, "delay of nearly 30 minutes"),
        ("duration", 3600.0, "s", "about", "duration", None, None, None, "lasting about 1 hour"),
        ("duration", 1200.0, "s", "about", None, None, None, None, "about 20 minutes"),
        ("time", "18:00:00", None, "exact", "scheduled_start", None, None, "America/New_York",
         "scheduled start 18:00 New York time"),
        ("time", "2024-05-07T18:00:00+02:00", None, "exact", None, None, None, "+02:00", "18:00 UTC+02:00 on 7 May 2024"),
        ("time", "18:21:00", None, "exact", None, None, None, None, "18:21"),
        ("time", "18:21:00", None, "about", None, None, None, "local", "about 18:21 local time"),
        ("date", "2024-05-07", None, "exact", None, None, None, None, "7 May 2024"),
    ],
)
def test_gloss_reads_naturally(kind: str, value: float | str | None, unit: str | None, qualifier: str,
                               measure: str | None, low: float | None, high: float | None, zone: str | None,
                               expected: str) -> None:
    assert gloss(lexicon("en"), kind, value, unit, qualifier, measure, low, high, zone) == expected


@pytest.mark.parametrize(
    ("lang", "text", "figure", "expected"),
    [
        ("pl", "Ponad 500 000 słuchaczy czekało na start.", "Ponad 500 000", "more than 500,000 listeners"),
        ("es", "Más de 500.000 oyentes esperaban el inicio.", "Más de 500.000", "more than 500,000 listeners"),
    ],
)
def test_extracted_claims_carry_english_glosses(lang: str, text: str, figure: str, expected: str) -> None:
    claims = {c.text: c for c in extract(text, lang)}
    assert claims[figure].gloss == expected
