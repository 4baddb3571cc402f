"""The wall in the summary PDF reads on paper: a landscape page, every card at 7 pt or more, no tray."""

from __future__ import annotations

import io

from pypdf import PdfReader

from cardwall import commands as c
from cardwall.model import Workspace
from exporters import content
from exporters.summary_pdf import summary_pdf
from exporters.wall_grid import column_groups
from tests.exporters.test_exports_demo import sessions


def sizes_on(page) -> list[tuple[str, float]]:
    """(text, drawn size in points) of every piece of text on a page, the text matrix's scale included."""
    out: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            out.append((text.strip(), size * scale))

    page.extract_text(visitor_text=visit)
    return out


def wall_pages(reader: PdfReader) -> list:
    return [p for p in reader.pages if p.mediabox.width > p.mediabox.height]


def test_every_card_of_the_demo_wall_reads_at_7_points_on_a_landscape_page(demo):
    wall, _ = sessions(demo)
    summary = content.gather(demo.ws, wall.id)
    reader = PdfReader(io.BytesIO(summary_pdf(summary)))
    (page,) = wall_pages(reader)
    texts = sizes_on(page)
    assert texts and min(size for _, size in texts) >= 7.0, min(texts, key=lambda t: t[1])
    flat = " ".join(page.extract_text().split())
    for o in summary.occupations:
        assert " ".join(o.root.text.split()) in flat
    assert "Unsorted" not in flat and "tray" not in flat.lower()
    # back to portrait for the rest of the summary
    assert reader.pages[-1].mediabox.width < reader.pages[-1].mediabox.height


def test_a_wide_wall_is_split_by_column_over_pages_and_cards_stay_legible():
    ws = Workspace()
    add = c.AddSession(kind="critical-occupations", title="Wide wall", date="2026-03-01")
    add.apply(ws)
    session = ws.sessions[add.session_id]
    level = session.ordered_levels()[0].id
    for i in range(14):
        cat = c.AddCategory(add.session_id, f"Category number {i + 1}")
        cat.apply(ws)
        c.AddCard(
            add.session_id, f"Occupation {i + 1} with a longish name", category_id=cat.category_id, level_id=level
        ).apply(ws)
    assert len(column_groups([f"c{i}" for i in range(14)])) == 2
    reader = PdfReader(io.BytesIO(summary_pdf(content.gather(ws, add.session_id))))
    pages = wall_pages(reader)
    assert len(pages) == 2
    flat = " ".join(" ".join(p.extract_text().split()) for p in pages)
    for i in range(14):
        assert f"Occupation {i + 1} with a longish name" in flat
    assert min(size for p in pages for _, size in sizes_on(p)) >= 7.0
