"""pathway-map.pdf: one page, levels as bands, each occupation with its code, wages, jobs and training, cited."""

from __future__ import annotations

import io

from pypdf import PdfReader

from cardwall.commands import AddCard, AddCategory, AddSession, EditCard, EditPartnership
from exporters.bundle import export_session
from exporters.labor_tables import projections_command
from exporters.pathway_pdf import pathway_pdf
from storage.figures import session_pathway_figures
from storage.labor import bundled

SID = "s1"


def wall(wf, *, region=("Colorado", "0800000")):
    wf.execute(EditPartnership(name="Front Range Makers & Co. <West>", region=region[0], area_code=region[1]))
    wf.execute(AddSession(kind="critical-occupations", title="Critical occupations", session_id=SID))
    wf.execute(AddCategory(SID, "Production", category_id="c1"))
    levels = {lv.name: lv.id for lv in wf.ws.sessions[SID].levels.values()}
    cards = [
        ("k1", "CNC machinist", "Mid", "51-4041", "Machinists"),
        ("k2", "Forklift op", "Entry", "53-7051", "Industrial Truck and Tractor Operators"),
        ("k3", "Cardiologist (plant clinic)", "Advanced", "29-1212", "Cardiologists"),
        ("k4", "Tool & die <lead>", "Advanced", "", ""),
    ]
    for kid, text, level, code, title in cards:
        wf.execute(AddCard(SID, text, card_id=kid, category_id="c1", level_id=levels[level]))
        if code:
            wf.execute(EditCard(SID, kid, soc_code=code, soc_title=title))
    wf.execute(EditCard(SID, "k1", education="Certificate & apprenticeship", credentials="NIMS Level I <CNC>"))
    return wf


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_one_page_with_bands_codes_wages_training_and_source(wf):
    wall(wf)
    pages, text = text_of(pathway_pdf(wf.ws, SID, figures=session_pathway_figures(wf.ws, SID)))
    assert pages == 1
    assert text.index("Advanced") < text.index("Mid") < text.index("Entry")  # Entry at the bottom
    assert "SOC 51-4041" in text and "$60,200 ($28.94/hr) Colorado" in text and "$58,750 U.S." in text
    assert "2,800 jobs (Colorado)" in text
    assert "≥ $239,200" in text  # cardiologists in Colorado are top-coded
    assert "Certificate & apprenticeship" in text and "NIMS Level I <CNC>" in text
    assert "Tool & die <lead>" in text and "SOC code not entered" in text
    assert "Education: —" not in text and "Credentials: not entered" in text
    assert text.count("▲") == 2 and "advancement: Entry → Mid" in text  # an arrow up between each two bands
    assert "Front Range Makers & Co. <West>" in text
    assert "Source: U.S. Bureau of Labor Statistics, OEWS, May 2025" in text


def test_imported_openings_show_and_are_cited(wf, tmp_path):
    wall(wf)
    table = tmp_path / "co-proj.csv"
    table.write_text(
        "SOC code,Title,Base employment,Projected employment,Annual openings\n51-4041,Machinists,2800,3100,350\n"
    )
    wf.execute(projections_command(table, bundled(), area_code=wf.ws.partnership.area_code)[0])
    _pages, text = text_of(pathway_pdf(wf.ws, SID, figures=session_pathway_figures(wf.ws, SID)))
    assert "350 openings/yr" in text and "co-proj.csv, imported" in text


def test_many_occupations_still_fit_one_page(wf):
    wall(wf)
    level = next(lv.id for lv in wf.ws.sessions[SID].levels.values() if lv.name == "Mid")
    for i in range(24):
        wf.execute(AddCard(SID, f"Occupation number {i} with a longer name", category_id="c1", level_id=level))
    pages, _text = text_of(pathway_pdf(wf.ws, SID, figures=session_pathway_figures(wf.ws, SID)))
    assert pages == 1


def test_the_bundle_writes_the_pathway_map_for_a_wall_when_given_figures(wf, tmp_path):
    wall(wf)
    figures = session_pathway_figures(wf.ws, SID)
    written = export_session(wf.ws, SID, tmp_path, figures=figures)
    assert tmp_path / "pathway-map.pdf" in written
    assert text_of((tmp_path / "pathway-map.pdf").read_bytes())[0] == 1
