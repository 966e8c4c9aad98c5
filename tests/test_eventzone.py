"""The clock of the country a run reports (claimrecon/match/eventzone.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from claimrecon.match.eventzone import country_offset, event_country, home_country


def test_a_country_of_one_zone_gives_its_offset_on_the_day():
    assert country_offset("PL", dt.date(2025, 8, 12)) == "+02:00"  # summer time
    assert country_offset("PL", dt.date(2025, 1, 12)) == "+01:00"
    assert country_offset("CO", dt.date(2024, 10, 8)) == "-05:00"


def test_a_country_of_zones_an_hour_apart_gives_its_mainland_clock():
    assert country_offset("ES", dt.date(2026, 1, 12)) == "+01:00"  # Madrid, not the Canaries


def test_a_country_of_zones_far_apart_gives_none():
    assert country_offset("US", dt.date(2025, 8, 12)) == ""
    assert country_offset("XX", dt.date(2025, 8, 12)) == ""


def test_the_event_country_is_named_by_most_articles_and_by_no_other_as_many():
    named = [("a", "PL"), ("b", "PL"), ("c", "PL"), ("a", "DE")]
    assert event_country(named, 4) == "PL"
    assert event_country(named, 7) == ""  # three of seven articles: not most
    assert event_country([("a", "PL"), ("b", "DE")], 2) == ""


def test_two_countries_named_by_as_many_articles_are_told_apart_by_mentions_when_given():
    # a minimum wage set in Poland, compared with Germany's in both articles: Poland is named more
    named = [("a", "PL"), ("a", "DE"), ("b", "PL"), ("b", "DE")]
    assert event_country(named, 2) == ""  # as many articles name each
    assert event_country(named, 2, Counter({"PL": 4, "DE": 2})) == "PL"
    assert event_country(named, 2, Counter({"PL": 2, "DE": 2})) == ""  # named as often


def test_the_home_country_of_a_language_is_the_one_of_its_home_clock():
    assert (home_country("pl"), home_country("es"), home_country("en")) == ("PL", "ES", "")


def test_a_country_of_two_clocks_has_one_offset_only_when_asked_for_any():
    summer = dt.date(2025, 8, 12)
    assert country_offset("ES", summer) == "+02:00"  # the mainland's: the Canaries are an hour off
    assert country_offset("ES", summer, one_clock=True) == "" and country_offset("PL", summer, one_clock=True) == "+02:00"
