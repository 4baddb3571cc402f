"""pathway-map.pdf: levels as bands, each occupation with its code, job, tools, wages, jobs and training, cited;
the page filled at legible type, a wall too big for one page continued on the next."""

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
    wf.execute(EditCard(SID, "k1", description="Makes precise parts on CNC lathes & mills", tools="Mastercam <CAM>"))
    return wf


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_one_page_with_bands_codes_wages_training_and_source(wf):
    wall(wf)
    pages, text = text_of(pathway_pdf(wf.ws, SID, figures=session_pathway_figures(wf.ws, SID)))
    assert pages == 1
    assert text.index("Advanced") < text.index("Mid") < text.index("Entry")  # Entry at the bottom
    assert "SOC 51-4041" in text and "$60,200/yr · $28.94/hr Colorado" in text
    assert "$58,750/yr · $28.25/hr U.S." in text  # a year and an hour, in the region and the nation
    assert "2,800 jobs (Colorado)" in text
    assert "Makes precise parts on CNC lathes & mills" in text and "Tools: Mastercam <CAM>" in text
    assert "Job description: not entered" in text and "Tools: not entered" in text  # the other boxes
    assert "≥ $239,200" in text  # cardiologists in Colorado are top-coded
    assert "Certificate & apprenticeship" in text and "NIMS Level I <CNC>" in text
    assert "Tool & die <lead>" in text and "SOC code not entered" in text
    assert "Education: —" not in text and "Credentials: not entered" in text
    assert "Advancement: from Entry to Mid" in text and "Advancement: from Mid to Advanced" in text  # arrows up
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


def test_a_wall_too_big_for_one_legible_page_continues_whole_bands_on_the_next(wf):
    wall(wf)
    level = next(lv.id for lv in wf.ws.sessions[SID].levels.values() if lv.name == "Mid")
    for i in range(24):
        wf.execute(AddCard(SID, f"Occupation number {i} with a longer name", category_id="c1", level_id=level))
    pdf = pathway_pdf(wf.ws, SID, figures=session_pathway_figures(wf.ws, SID))
    pages, text = text_of(pdf)
    assert 1 < pages <= 3
    assert all(f"Occupation number {i} with a longer name" in text for i in range(24))
    assert "(the page before)" in text  # the arrow up to a band on the page before
    assert text.count("Source: U.S. Bureau of Labor Statistics") == pages  # cited on every page


def test_the_bundle_writes_the_pathway_map_for_a_wall_when_given_figures(wf, tmp_path):
    wall(wf)
    figures = session_pathway_figures(wf.ws, SID)
    written = export_session(wf.ws, SID, tmp_path, figures=figures)
    assert tmp_path / "pathway-map.pdf" in written
    assert text_of((tmp_path / "pathway-map.pdf").read_bytes())[0] == 1


def _page_facts(pdf: bytes) -> list[tuple[float, float, float]]:
    """Per page: where the rightmost text ends as a share of the page width, the lowest box text's y above the
    source note as a share of the page height, and the smallest type of the boxes' own text (pt)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        spans: list[tuple[float, float, float, str]] = []

        def seen(text, cm, tm, _font, size, spans=spans):
            if text.strip():
                spans.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], size * tm[0] * cm[0], text))

        page.extract_text(visitor_text=seen)
        source_y = max(y for x, y, s, t in spans if "Source:" in t)
        # Where each run of box text ends (about half an em a character), below the title block.
        boxes = [(x + 0.5 * s * len(t.rstrip()), y, s) for x, y, s, t in spans if y > source_y + 12 and s < 12]
        out.append(
            (
                max(x for x, _y, _s in boxes) / width,
                (min(y for _x, y, _s in boxes) - source_y) / height,
                min(s for _x, _y, s in boxes),
            )
        )
    return out


def test_the_demo_map_fills_its_pages_at_legible_type(demo):
    session = next(s for s in demo.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    pdf = pathway_pdf(demo.ws, session.id, figures=session_pathway_figures(demo.ws, session.id))
    _pages, text = text_of(pdf)
    assert "Sets up and runs lathes and mills" in text and "Tools: CNC lathes and mills" in text  # filled in
    assert "Job description: not entered" not in text and "Tools: not entered" not in text
    for right, bottom, smallest in _page_facts(pdf):
        assert right > 0.85  # the boxes reach across the page (a quarter was empty)
        assert bottom < 0.12  # and down to the source note
        assert smallest >= 6.0  # type a job seeker reads on paper
