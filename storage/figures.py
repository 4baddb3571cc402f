"""The labor-market figures an export cites: the bundled data with the partnership's own laid over it."""

from __future__ import annotations

import sqlite3

from cardwall.labor import NATIONAL
from cardwall.model import Workspace


def session_pathway_figures(ws: Workspace, session_id: str) -> dict[str, dict]:
    """The pathway map's figures for a session's critical occupations, in the partnership's region.

    For exporters.bundle.export_session(figures=...): bundled figures with the partnership's imported ones
    laid over them; {} when the shipped data cannot be read (the map then says "SOC code" only).
    """
    from cardwall.wall import critical_occupations
    from storage.labor import pathway_figures

    session = ws.sessions.get(session_id)
    if session is None or session.info.kind != "critical-occupations":
        return {}
    codes = sorted({o.root.soc_code for o in critical_occupations(session) if o.root.soc_code})
    area = ws.partnership.area_code or NATIONAL
    try:
        return pathway_figures(codes, area, overrides=ws.labor.overrides(area) or None)
    except (OSError, sqlite3.Error):
        return {}


def session_wage_lines(ws: Workspace, session_id: str) -> dict[str, str]:
    """SOC code -> the cited wage sentence for each skill panel's brief, in the partnership's region."""
    from storage.labor import wage_line

    session = ws.sessions.get(session_id)
    if session is None:
        return {}
    area = ws.partnership.area_code or NATIONAL
    lines: dict[str, str] = {}
    try:
        for panel in session.panels.values():
            if panel.soc_code and panel.soc_code not in lines:
                line = wage_line(panel.soc_code, area)
                if line:
                    lines[panel.soc_code] = line
    except (OSError, sqlite3.Error):
        return {}
    return lines


def export_figures(ws: Workspace, session_id: str) -> dict:
    """The labor-market keyword arguments of exporters.bundle.export_session for one session."""
    return {"figures": session_pathway_figures(ws, session_id), "wages": session_wage_lines(ws, session_id)}
