"""The bundled OEWS data, read from resources/ only, checked against the source figures."""

from __future__ import annotations

from storage.labor import BUNDLED, NATIONAL, bundled, wage_line


def test_the_bundle_is_inside_the_app_and_small():
    assert BUNDLED.is_relative_to(BUNDLED.parents[1]) and BUNDLED.parent.name == "oews"
    assert BUNDLED.stat().st_size < 4_000_000


def test_colorado_registered_nurses_median_is_read_right():
    # state.csv.gz: 0800000,000000,29-1141,54490,47.78,99370,48.20,79500,84590,100260,...
    data = bundled()
    nurses = data.figure("29-1141", "0800000")
    assert (nurses.employment, nurses.median, nurses.topcoded) == (54490, 100260, False)
    assert nurses.wage == "$100,260"


def test_national_machinists_match_the_source():
    machinists = bundled().figure("51-4041")
    assert (machinists.employment, machinists.median) == (287050, 58750)


def test_top_coded_medians_show_as_the_top_code():
    # state.csv.gz: 0800000,000000,29-1212,200,,,,,,,,,0.071,0.64,1
    cardiologists = bundled().figure("29-1212", "0800000")
    assert cardiologists.topcoded and cardiologists.median is None
    assert cardiologists.wage == "≥ $239,200"


def test_industry_staffing_is_national_and_areas_have_all_industries():
    data = bundled()
    assert data.figures(NATIONAL, "332000")["51-4041"].employment > 10_000
    assert data.figures("0800000", "332000") == {}


def test_areas_are_found_by_name_code_and_postal_code():
    data = bundled()
    assert [a.code for a in data.find_areas("Colorado")] == ["0800000"]
    assert [a.code for a in data.find_areas("Denver")] == ["0019740"]
    assert [a.code for a in data.find_areas("CO")] == ["0800000"]
    assert [a.code for a in data.find_areas("0019740")] == ["0019740"]
    assert [a.code for a in data.find_areas("08")] == ["0800000"]
    assert [a.code for a in data.find_areas("")] == [NATIONAL]
    assert len(data.find_areas("Springfield")) == 4
    assert data.find_areas("Atlantis") == []


def test_suggestions_carry_the_regions_figures():
    found = bundled().suggest("Machinists", area_code="0800000", limit=3)
    suggestion, figure = found[0]
    assert suggestion.code == "51-4041" and figure.median == 60200 and figure.employment == 2800


def test_wage_line_for_a_brief():
    line = wage_line("51-4041", "0800000")
    assert line.startswith("Machinists (51-4041): median annual wage $60,200 in Colorado ($58,750 nationally)")
    assert "OEWS, May 2025" in line
    assert wage_line("99-9999", "0800000") is None
