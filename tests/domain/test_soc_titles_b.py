"""The working titles of SOC groups 31 to 53 (cardwall/soc_titles/31-53.txt): their form, and that they are read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cardwall.soc_names import ALTERNATE
from cardwall.soc_words import words_of
from storage.labor import bundled

FILE = Path(__file__).parents[2] / "cardwall" / "soc_titles" / "31-53.txt"
LINE = re.compile(r"^(\d{2}-\d{4}): (.+)$")
NAME = re.compile(r"^[a-z0-9][a-z0-9 &'.-]*[a-z0-9]$")
GROUPS = range(31, 54)


def lines() -> list[str]:
    return [line for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def names_by_code() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in lines():
        code, names = LINE.match(line).groups()
        out.setdefault(code, []).extend(n.strip() for n in names.split(";"))
    return out


@pytest.fixture(scope="module")
def detailed() -> dict[str, str]:
    """The detailed occupations of groups 31 to 53 in the bundled OEWS data, code -> title."""
    return {
        code: o.title for code, o in bundled().occupations.items() if o.level == "detailed" and int(code[:2]) in GROUPS
    }


def test_every_line_is_a_code_and_names_separated_by_semicolons():
    bad = [line for line in lines() if not LINE.match(line) or ";;" in line or line.rstrip().endswith(";")]
    assert bad == []


def test_every_code_is_a_detailed_oews_code_of_groups_31_to_53(detailed):
    assert sorted(set(names_by_code()) - set(detailed)) == []


def test_every_detailed_occupation_of_groups_31_to_53_has_at_least_five_names(detailed):
    names = names_by_code()
    assert {code: len(names.get(code, [])) for code in detailed if len(set(names.get(code, []))) < 5} == {}


def test_no_name_repeats_within_a_code():
    repeated = {code: sorted({n for n in names if names.count(n) > 1}) for code, names in names_by_code().items()}
    assert {code: r for code, r in repeated.items() if r} == {}


def test_names_are_lower_case_and_plain():
    bad = [(code, n) for code, names in names_by_code().items() for n in names if not NAME.match(n) or "  " in n]
    assert bad == []


def test_every_name_says_something_once_levels_shifts_and_filler_are_dropped():
    """A name of only filler ("crew member", "staff") would match nothing, or anything; each keeps a word."""
    assert [(code, n) for code, names in names_by_code().items() for n in names if not words_of(n)] == []


def test_the_matcher_reads_the_file():
    for code, names in names_by_code().items():
        assert set(names) <= set(ALTERNATE[code]), code


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("Rodbuster", "47-2171"),
        ("Sheetrocker", "47-2081"),
        ("Pit boss", "39-1013"),
        ("Yard jockey", "53-7051"),
        ("Skycap", "39-6011"),
        ("Cremationist", "39-4012"),
        ("Backtender", "51-9196"),
        ("Swamper", "53-7081"),
        ("Lab animal caretaker", "31-9096"),
        ("Drywall mudder", "47-2082"),
    ],
)
def test_working_titles_only_this_file_names_come_first(typed, wanted):
    assert bundled().matcher.suggest(typed, limit=1)[0].code == wanted
