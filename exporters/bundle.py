"""Every export of one session into a folder, under the file names DESIGN.md fixes."""

from __future__ import annotations

from pathlib import Path

from cardwall.model import Session, Workspace
from exporters.names import slugify
from exporters.session_json import write_session_json


def session_folder_name(session: Session) -> str:
    return slugify(f"{session.info.date} {session.info.title}", fallback="session")


def brief_slugs(session: Session) -> dict[str, str]:
    """Panel id -> the slug of its brief's file name, unique within the session."""
    out: dict[str, str] = {}
    for panel in session.ordered_panels():
        base = slugify(panel.occupation, fallback="occupation")
        slug, n = base, 2
        while slug in out.values():
            slug, n = f"{base}-{n}", n + 1
        out[panel.id] = slug
    return out


def export_session(
    ws: Workspace,
    session_id: str,
    folder: Path,
    *,
    wall_png: bytes | None = None,
    wages=None,
    progress=None,
    figures=None,
    report: list[str] | None = None,
) -> list[Path]:
    """Write the session's exports into `folder` (which exists); returns the files written.

    `wages` (a dict or callable: SOC code -> wage line) adds labor-market wages with their source;
    `progress(done, total, what)` is told before each file, for a progress bar.
    `figures` (SOC code -> figures, storage.figures.session_pathway_figures) adds pathway-map.pdf.
    `report` gets a line for anything the reader should know, e.g. characters no bundled font draws.
    """
    from exporters.pdf_style import PLACEHOLDER, UNDRAWN

    undrawn: set[str] = set()
    token = UNDRAWN.set(undrawn)
    try:
        written = _export(ws, session_id, Path(folder), wall_png, wages, progress, figures)
    finally:
        UNDRAWN.reset(token)
    if undrawn and report is not None:
        # with its code point: the screen showing this line may lack a font for it too
        shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(undrawn)[:20])
        what = (
            "1 character that no bundled font can draw prints"
            if len(undrawn) == 1
            else (f"{len(undrawn)} characters that no bundled font can draw print")
        )
        report.append(f"{what} as {PLACEHOLDER} in the PDFs: {shown}")
    return written


def _export(ws, session_id, folder, wall_png, wages, progress, figures) -> list[Path]:
    from exporters import content
    from exporters.brief_pdf import brief_pdf
    from exporters.email_draft import draft_email, subject_for
    from exporters.summary_html import summary_html
    from exporters.summary_pdf import summary_pdf
    from exporters.summary_plain import summary_plain
    from exporters.summary_text import summary_markdown
    from exporters.tables import sheets, write_csv, write_xlsx

    session = ws.sessions[session_id]
    slugs = brief_slugs(session)
    steps = 8 + len(slugs) + (1 if wall_png else 0)
    done = 0

    def step(what: str) -> None:
        nonlocal done
        if progress:
            progress(done, steps, what)
        done += 1

    written: list[Path] = []

    def write(name: str, data: bytes) -> bytes:
        path = folder / name
        tmp = path.with_name(name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
        return data

    summary = content.gather(ws, session_id, brief_slugs=slugs)
    if wall_png:
        step("wall picture")
        write("wall.png", wall_png)
    step("summary PDF")
    pdf = write("summary.pdf", summary_pdf(summary, wall_png=wall_png, wages=wages))
    briefs: list[tuple[str, bytes]] = []
    for panel_id, slug in slugs.items():
        step(f"brief: {session.panels[panel_id].occupation}")
        name = f"brief-{slug}.pdf"
        briefs.append((name, write(name, brief_pdf(ws, session_id, panel_id, wages=wages))))
    step("summary text")
    text = summary_markdown(summary, wall_file="wall.png" if wall_png else None, wages=wages)
    write("summary.md", text.encode("utf-8"))
    step("e-mail draft")
    convener = ws.partnership
    attached = ("summary.pdf", *(name for name, _ in briefs))
    write(
        "summary.eml",
        draft_email(
            people=session.ordered_participants(),
            subject=subject_for(summary.title, summary.date_text),
            body=summary_plain(summary, wages=wages, sender=convener.convener_name, attachments=attached),
            html=summary_html(summary, wages=wages),
            pdf=pdf,
            attachments=briefs,
            sender=(convener.convener_name, convener.convener_email) if convener.convener_email else None,
            cc_partners=convener.cc_partners,
        ),
    )
    step("tables")
    tables = sheets(ws, session_id, figures=figures)
    for name in ("cards", "crosswalk", "votes"):
        if name in tables:  # nothing in it for this kind of session: not written
            written.append(write_csv(tables[name], folder / f"{name}.csv"))
    step("workbook")
    written.append(write_xlsx(tables, folder / "session.xlsx"))
    step("session JSON")
    written.append(write_session_json(ws, session_id, folder / "session.json"))
    if figures is not None and session.info.kind == "critical-occupations":  # exporters/pathway_pdf.py
        from exporters.pathway_pdf import pathway_pdf

        write("pathway-map.pdf", pathway_pdf(ws, session_id, figures=figures))
    if session.info.kind in ("asset-map", "action-plan"):  # the partnership's later work: exporters/later.py
        from exporters.later import export_later

        written += export_later(ws, session, folder, write)
    if progress:
        progress(steps, steps, "done")
    return written
