"""The files an asset map and an action plan add to a session's exports (names fixed in DESIGN.md).

A file with nothing in it for the session is not written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cardwall.model import Session, Workspace

if TYPE_CHECKING:
    from exporters.xlsx import Sheet


def export_later(ws: Workspace, session: Session, folder: Path, write: Callable[[str, bytes], bytes]) -> list[Path]:
    """Write `asset-map.pdf` and `gap-matrix.xlsx`, or `action-plan.pdf` and `action-plan.csv`; returns the
    files written beyond those `write` records itself."""
    extra: list[Path] = []
    if session.info.kind == "asset-map":
        from exporters.action_plan import write_gap_matrix_xlsx
        from exporters.asset_map_pdf import asset_map_pdf, has_content

        if has_content(session):
            write("asset-map.pdf", asset_map_pdf(ws, session.id))
        if session.gap_rows:
            extra.append(write_gap_matrix_xlsx(ws, session, Path(folder) / "gap-matrix.xlsx"))
    elif session.info.kind == "action-plan" and session.actions:
        from exporters.action_plan import action_plan_csv, action_plan_pdf

        write("action-plan.pdf", action_plan_pdf(ws, session.id))
        write("action-plan.csv", action_plan_csv(session))
    return extra


def append_steps(sheet: Sheet, session: Session, pathway: str, safe: Callable[[str], str]) -> None:
    """Below a pathway's gap matrix rows: its skills between levels (from, to, what the next level adds)."""
    from cardwall.later_steps import steps_of

    steps = steps_of(session, pathway)
    if not steps:
        return
    sheet.append([])
    title = sheet.append(["Skills between levels"])
    # Under the matrix's own columns: the occupations where the occupation goes, what is added under the content.
    header = sheet.append(["Level step", "From → to the next level", "What the next level adds"])
    sheet.style(rows=range(title, header + 1), bold=True)
    for s in steps:
        sheet.append(["", safe(f"{s.from_occupation} → {s.to_occupation}"), safe(s.adds)])
