"""The working titles of major groups 11 to 29 (cardwall/soc_titles/11-29.txt) and the rules that keep more names
from confusing the matcher: the person a title names, ranks, a name that is all the typed words."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardwall.soc import SocMatcher
from cardwall.soc_names import read_titles
from cardwall.soc_words import head_of, stem, words_of
from storage.labor import bundled

TITLES = Path(__file__).resolve().parents[2] / "cardwall" / "soc_titles" / "11-29.txt"


def _names() -> dict[str, tuple[str, ...]]:
    return read_titles([TITLES])


@pytest.fixture(scope="module")
def matcher() -> SocMatcher:
    return bundled().matcher


def test_every_detailed_occupation_of_groups_11_to_29_has_working_titles():
    data = bundled()
    wanted = {c for c, o in data.occupations.items() if o.level == "detailed" and 11 <= int(c[:2]) <= 29}
    names = _names()
    assert set(names) == wanted  # every code of the range, and only real detailed codes
    assert all(len(n) >= 3 for n in names.values())
    assert sum(len(n) >= 5 for n in names.values()) >= 0.99 * len(names)
    # a name must still say something once levels, shifts and filler are dropped ("a v technician" said "technician")
    for code, listed in names.items():
        for name in listed:
            assert name == name.lower() and "all other" not in name, (code, name)
            assert words_of(name), (code, name)


def test_each_working_title_finds_its_own_occupation(matcher):
    names = _names()
    first = top3 = total = 0
    for code, listed in names.items():
        for name in listed:
            found = [s.code for s in matcher.suggest(name, limit=3)]
            total += 1
            first += bool(found) and found[0] == code
            top3 += code in found
    # the few not first are names two occupations truly share ("lab technician", "programmer")
    assert total > 3000 and top3 == total and first >= total - 10, (first, top3, total)


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("ICU nurse", "29-1141"),
        ("Med-surg RN - nights", "29-1141"),
        ("Penetration tester", "15-1212"),
        ("Scrub tech", "29-2055"),
        ("Vet tech", "29-2056"),
        ("Grant writer", "13-1131"),
        ("Para educator", "25-9045"),
        ("Cyber security analyst", "15-1212"),  # "cyber" is information security, not the securities an analyst buys
        ("Securities analyst", "13-2051"),
        ("Nurse", "29-1141"),  # a name that is all the typed words beats "nurse aide"
        ("Professor", "25-1199"),  # and every "... professor" of a subject
        ("Roofing crew", "47-2181"),  # the work typed alone is the roofer, not the "roofing estimator"
        ("Welding", "51-4121"),  # not the "welding instructor"
        ("Physical therapy assistant", "31-2021"),  # "therapy" is the therapist's work, as "pharmacy" the pharmacist's
    ],
)
def test_working_titles_of_the_range(matcher, typed, wanted):
    assert matcher.suggest(typed)[0].code == wanted


def test_the_person_a_title_names():
    assert head_of(["roofing", "estimator"]) == "estimator"
    assert head_of(["test", "technician", "electronics"]) == "technician"  # a qualifier after the person
    assert head_of(["data", "center"]) == ""  # a thing, not a person
    assert head_of(["roofing"]) == ""
    assert stem("securities") == "securities" and stem("nurses") == "nurse"


def test_the_work_typed_alone_means_who_does_it_not_who_works_beside_it():
    rows = [("13-9991", "Roofing Estimators", "detailed"), ("47-9991", "Roofers", "detailed")]
    matcher = SocMatcher(rows, {"13-9991": 100_000, "47-9991": 100_000})
    assert matcher.suggest("Roofing")[0].code == "47-9991"
    assert matcher.suggest("Roofing estimator")[0].code == "13-9991"


def test_a_supervisor_typed_is_a_first_line_supervisor_not_a_manager(matcher):
    # the manager's title gets no bonus for a typed "supervisor", and is outranked by what was typed
    assert matcher.suggest("Distribution supervisor", industry_code="48--50")[0].code == "53-1047"
    assert matcher.suggest("Distribution manager", industry_code="48--50")[0].code == "11-3071"
    # a clerk typed is no manager: "inventory control manager" is a right name of 11-3071
    assert matcher.suggest("Inventory control clerk", industry_code="31--34")[0].code == "43-5071"


def test_a_common_word_typed_alone_is_the_title_that_is_only_that_word():
    rows = [("29-9991", "Nurses", "detailed"), ("31-9991", "Nurse Aides", "detailed")]
    rows += [(f"29-99{n}", f"{w} Nurses", "detailed") for n, w in enumerate(("Icu", "Er", "Or", "Ward", "Home"), 92)]
    matcher = SocMatcher(rows, {"29-9991": 100_000, "31-9991": 100_000})
    assert matcher.suggest("Nurse")[0].code == "29-9991"


def test_the_person_typed_outweighs_the_work_beside_it(matcher):
    # "welding" and "weld technician" name the work or another person; the inspector is the one typed
    assert matcher.suggest("Weld inspector", industry_code="31--34")[0].code == "51-9061"
    assert matcher.suggest("CWI welding inspector", industry_code="31--34")[0].code == "51-9061"
    assert matcher.suggest("Weld technician", industry_code="31--34")[0].code == "51-4121"
