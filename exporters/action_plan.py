"""`action-plan.pdf` and `action-plan.csv`: the partnership's actions by horizon, and `gap-matrix.xlsx`.

The action plan is for the partners, not for publication: the PDF says so on its first page,
as the seeds advise (seed 001, step 15).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Spacer, Table, TableStyle

from cardwall.assets import (
    COVERAGE_LABELS,
    GAP_COLUMNS,
    SKILL_LEVEL_LABELS,
    STATUS_LABELS,
    ordered_actions,
    ordered_gap_rows,
    pathways,
    program_names,
)
from cardwall.model import HORIZON_LABELS, HORIZONS, Session, Workspace
from exporters.later_pdf import WIDTH, build_landscape, title_block
from exporters.pdf_style import ACCENT, STYLES, Paragraph, _style, esc, head, section, table
from exporters.tables import neutralise

INTERNAL = _style("ap_internal", fontSize=9, leading=12, textColor=colors.HexColor("#9b1c1c"))
QUADRANT = _style("ap_quadrant", fontSize=8.5, leading=11)
ACTION_COLUMNS = ["horizon", "action", "impact", "feasibility", "owners", "gap", "measure", "due", "status"]


def action_plan_pdf(ws: Workspace, session_id: str) -> bytes:
    session = ws.sessions[session_id]
    title = "Action plan"
    story = title_block(ws, session, title)
    story.append(
        Paragraph("<b>Internal working document</b> — for the partnership's members; not for publication.", INTERNAL)
    )
    story += [Spacer(1, 6), *_grid(session)]
    numbered = {a.id: i for i, a in enumerate(ordered_actions(session), start=1)}  # the grid's numbers
    for horizon in HORIZONS:
        mine = [a for a in ordered_actions(session) if a.horizon == horizon]
        if not mine:
            continue
        story += section(HORIZON_LABELS[horizon])
        rows = [head("Action", "Impact", "Feasibility", "Owners", "Gap it closes", "Measure", "Due", "Status")]
        for a in mine:
            cell = STYLES["cell_small"]
            rows.append(
                [
                    Paragraph(f"<b>{numbered[a.id]}. {esc(a.text)}</b>", cell),
                    Paragraph(esc(a.impact.capitalize()), cell),
                    Paragraph(esc(a.feasibility.capitalize()), cell),
                    Paragraph(esc("; ".join(a.owners)), cell),
                    Paragraph(esc(a.gap), cell),
                    Paragraph(esc(a.measure), cell),
                    Paragraph(esc(a.due or "—"), cell),
                    Paragraph(esc(STATUS_LABELS.get(a.status, a.status)), cell),
                ]
            )
        widths = [2.35, 0.6, 0.82, 1.45, 1.5, 1.3, 0.82]
        story.append(table(rows, [w * inch for w in widths] + [WIDTH - sum(widths) * inch]))
    return build_landscape(story, ws=ws, session=session, title=title)


def _grid(session: Session) -> list:
    """The impact x feasibility grid as the room left it: each action's number in its quadrant."""
    numbered = {a.id: i for i, a in enumerate(ordered_actions(session), start=1)}
    cells = {}
    for impact in ("high", "low"):
        for feasibility in ("high", "low"):
            here = [a for a in ordered_actions(session) if (a.impact, a.feasibility) == (impact, feasibility)]
            cells[impact, feasibility] = [
                Paragraph(f"{numbered[a.id]}. {esc(a.text)}", QUADRANT) for a in here
            ] or Paragraph("—", QUADRANT)
    label = STYLES["cell_head"]
    rows = [
        ["", Paragraph("Feasibility high", label), Paragraph("Feasibility low", label)],
        [Paragraph("Impact high", label), cells["high", "high"], cells["high", "low"]],
        [Paragraph("Impact low", label), cells["low", "high"], cells["low", "low"]],
    ]
    half = (WIDTH - 1.0 * inch) / 2
    grid = Table(rows, colWidths=[1.0 * inch, half, half], hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (1, 0), (-1, 0), ACCENT),
                ("BACKGROUND", (0, 1), (0, -1), ACCENT),
                ("BACKGROUND", (1, 1), (1, 1), colors.HexColor("#dcefdc")),
                ("BACKGROUND", (2, 2), (2, 2), colors.HexColor("#f3f3f3")),
                ("GRID", (0, 0), (-1, -1), 0.8, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [*section("Impact and feasibility"), grid]


def action_rows(session: Session) -> list[dict]:
    return [
        {
            "horizon": HORIZON_LABELS.get(a.horizon, a.horizon),
            "action": a.text,
            "impact": a.impact,
            "feasibility": a.feasibility,
            "owners": "; ".join(a.owners),
            "gap": a.gap,
            "measure": a.measure,
            "due": a.due,
            "status": STATUS_LABELS.get(a.status, a.status),
        }
        for a in ordered_actions(session)
    ]


def action_plan_csv(session: Session) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACTION_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in action_rows(session):
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # a BOM so Excel reads the accents


def write_gap_matrix_xlsx(ws: Workspace, session: Session, path: Path) -> Path:
    """One sheet per career pathway, the seed's columns, then the coverage and the programs named."""
    from exporters.later import append_steps
    from exporters.tables import _xlsx_safe
    from exporters.xlsx import Workbook

    book = Workbook()
    used: set[str] = set()
    for pathway in pathways(session):
        sheet = book.add_sheet(_sheet_name(pathway or "Pathway", used))
        sheet.append(["Industry:", _cell(ws.partnership.industry)])
        sheet.append(["Career Pathway:", _cell(pathway)])
        sheet.append([])
        header = sheet.append(["Level", *(label for _, label in GAP_COLUMNS), "Coverage", "Programs"])
        sheet.style(rows=range(header, header + 1), bold=True)
        for r in ordered_gap_rows(session):
            if r.pathway != pathway:
                continue
            values = [SKILL_LEVEL_LABELS[r.skill_level], *(getattr(r, key) for key, _ in GAP_COLUMNS)]
            values += [COVERAGE_LABELS.get(r.coverage, r.coverage), "; ".join(program_names(session, r))]
            sheet.append([_cell(_xlsx_safe(v)) for v in values])
        append_steps(sheet, session, pathway, lambda v: _cell(_xlsx_safe(v)))
        for column, width in enumerate((14, 24, 50, 24, 14, 22, 24, 28, 14, 30), start=1):
            sheet.widths[column] = width
        # the header and every row below it wrap at the top of their cells, across the matrix's columns
        sheet.style(rows=range(header, sheet.max_row + 1), columns=range(1, sheet.max_column + 1), wrap=True)
        sheet.freeze = "B5"
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    book.save(tmp)
    tmp.replace(path)
    return path


def _cell(value):
    return neutralise(value)


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("' ")[:31] or "Pathway"
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name
