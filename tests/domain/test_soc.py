"""Matching employers' job titles to detailed SOC occupations, on the real bundled titles."""

from __future__ import annotations

import pytest

from cardwall.soc import SocMatcher, format_wage, major_group, normalise
from storage.labor import bundled


@pytest.fixture(scope="module")
def matcher() -> SocMatcher:
    return bundled().matcher


def codes(matcher: SocMatcher, text: str, limit: int = 5) -> list[str]:
    return [s.code for s in matcher.suggest(text, limit=limit)]


def test_machinists_is_the_first_suggestion(matcher):
    assert codes(matcher, "Machinists")[0] == "51-4041"


def test_forklift_driver_is_in_the_top_three(matcher):
    assert "53-7051" in codes(matcher, "forklift driver", 3)


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("CNC guy", "51-9161"),
        ("CDL-A driver", "53-3032"),
        ("forklift op", "53-7051"),
        ("maint tech", "49-9041"),
        ("Registered nurses", "29-1141"),
        ("tool & die maker", "51-4111"),
        ("welders", "51-4121"),
        ("janitor", "37-2011"),
    ],
)
def test_the_words_employers_write_find_their_occupation_first(matcher, typed, wanted):
    assert codes(matcher, typed)[0] == wanted


def test_suggestions_are_detailed_occupations_only(matcher):
    data = bundled()
    for text in ("production", "managers", "Production Occupations", "assemblers and fabricators", "nurse"):
        for suggestion in matcher.suggest(text, limit=10):
            assert data.occupations[suggestion.code].level == "detailed", (text, suggestion)


def test_a_group_title_never_appears_even_when_typed_exactly(matcher):
    found = matcher.suggest("Production Occupations", limit=10)
    assert "51-0000" not in [s.code for s in found]


def test_nonsense_and_blank_find_nothing(matcher):
    assert matcher.suggest("xyzzy qwerty") == []
    assert matcher.suggest("   ") == []


def test_a_soc_code_typed_as_is_is_that_occupation(matcher):
    assert [(s.code, s.title) for s in matcher.suggest("51-4041")] == [("51-4041", "Machinists")]


def test_normalise_expands_shorthand_and_folds_plurals():
    assert normalise("Maint. Tech") == "maintenance technician"
    assert normalise("CNC guys") == "cnc"
    assert normalise("Machinists") == "machinist"


def test_wages_show_top_coding_and_gaps():
    assert format_wage(59320) == "$59,320"
    assert format_wage(None, True) == "≥ $239,200"
    assert format_wage(391490) == "≥ $239,200"  # BLS publishes nothing above the top code
    assert format_wage(None) == "—"
    assert major_group("51-4041") == "51-0000"
