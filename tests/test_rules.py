"""Rules are validated when loaded; a broken file is named with its line."""

from __future__ import annotations

import shutil

import pytest

from claimrecon.errors import RulesError
from claimrecon.ruleset import SCHEMAS, available_languages, check_all, load_language, rules_root


def test_shipped_rules_are_valid():
    langs, problems = check_all()
    assert problems == []
    assert {"en", "es", "pl"} <= set(langs)


@pytest.fixture
def rules_copy(tmp_path):
    dst = tmp_path / "rules"
    shutil.copytree(rules_root(), dst)
    return dst


def test_broken_file_is_reported_by_name_and_line(rules_copy):
    hedges = rules_copy / "pl" / "hedges.tsv"
    lines = hedges.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "około\tmaybe_more\tbefore")  # an unknown qualifier on line 6
    hedges.write_text("\n".join(lines) + "\n", encoding="utf-8")
    langs, problems = check_all(rules_copy)
    assert any(p.startswith("pl/hedges.tsv:6:") and "maybe_more" in p for p in problems), problems


def _problems_after(rules_copy, rows: str):
    """The rules' problems once ``rows`` are appended to es/numbers.tsv, and its line count before."""
    numbers = rules_copy / "es" / "numbers.tsv"
    text = numbers.read_text(encoding="utf-8")
    numbers.write_text(text + rows, encoding="utf-8")
    return len(text.splitlines()), check_all(rules_copy)[1]


def test_bad_number_and_stray_tab_are_reported(rules_copy):
    n, problems = _problems_after(rules_copy, "veintitantos\tmuchos\tunit\nuno\t1\tunit\textra\n")
    assert any(p.startswith(f"es/numbers.tsv:{n + 1}:") and "not a number" in p for p in problems), problems
    assert any(p.startswith(f"es/numbers.tsv:{n + 2}:") and "columns" in p for p in problems), problems


def test_number_word_markers_are_checked(rules_copy):
    n, problems = _problems_after(rules_copy, "dos\t1\tlast_unit\nel número\t0\tlabel\n,\t0\tordinal_dot\n")
    assert any(p.startswith(f"es/numbers.tsv:{n + 1}:") and "article" in p for p in problems), problems
    assert any(p.startswith(f"es/numbers.tsv:{n + 2}:") and "one word" in p for p in problems), problems
    assert any(p.startswith(f"es/numbers.tsv:{n + 3}:") and "ordinal_dot" in p for p in problems), problems


def test_loading_a_broken_language_fails_loudly(rules_copy):
    (rules_copy / "en" / "measures.tsv").write_text("term\tmeasure\trole\tapplies\nlisteners\tlistenerz\tnoun\tcount\n", encoding="utf-8")
    with pytest.raises(RulesError) as e:
        load_language.__wrapped__("en", rules_copy)
    assert "en/measures.tsv:2" in str(e.value) and "canonical" in str(e.value)


def test_missing_cases_table_fails_the_check(rules_copy):
    (rules_copy / "pl" / "cases.tsv").unlink()
    _, problems = check_all(rules_copy)
    assert any("pl/cases.tsv" in p and "missing" in p for p in problems)


def test_cli_rules_check_exit_code(rules_copy, monkeypatch):
    from typer.testing import CliRunner

    from claimrecon import cli, ruleset

    (rules_copy / "en" / "units.tsv").write_text("phrase\tkind\tunit\tfactor\tposition\n%\tpercentage\t%\t1\tafter\n", encoding="utf-8")
    monkeypatch.setattr(ruleset, "rules_root", lambda: rules_copy)
    result = CliRunner().invoke(cli.app, ["rules", "check"])
    assert result.exit_code == 3
    assert "en/units.tsv:2" in result.output


def test_every_language_file_has_a_schema():
    for lang in available_languages():
        for path in (rules_root() / lang).glob("*.tsv"):
            assert path.name in SCHEMAS, path
