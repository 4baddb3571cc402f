"""`asset-map.pdf`: the education and training programs by occupational family and level, their
"leads to" links, the inventory in detail, and the training gap matrix (seed 002, Appendix B)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from cardwall.assets import (
    COVERAGE_LABELS,
    PARTNER_TYPE_LABELS,
    RESOURCE_COLUMNS,
    SKILL_LEVEL_LABELS,
    needs,
    ordered_gap_rows,
    ordered_links,
    ordered_resources,
    pathways,
    program_names,
    programs,
)
from cardwall.model import Card, Session, Workspace
from exporters.later_pdf import WIDTH, build_landscape, steps_block, title_block
from exporters.pdf_style import (
    ACCENT,
    FONT_BOLD,
    MUTED,
    RULE,
    STYLES,
    Paragraph,
    _style,
    esc,
    head,
    section,
    subsection,
    table,
)

BOX_TITLE = _style("am_title", fontName=FONT_BOLD, fontSize=8, leading=9.5, textColor=ACCENT)
BOX_TEXT = _style("am_text", fontSize=6.8, leading=8.2)
BOX_MUTED = _style("am_muted", fontSize=6.6, leading=8, textColor=MUTED)
LEVEL = _style("am_level", fontName=FONT_BOLD, fontSize=9.5, leading=11, textColor=ACCENT, alignment=1)
LABEL_W = 0.85 * inch
COVERAGE_TINT = {"covered": "#dcefdc", "partly": "#fff1c9", "gap": "#f8d7d3"}


def has_content(session: Session) -> bool:
    return bool(programs(session) or session.gap_rows or session.resources)


def asset_map_pdf(ws: Workspace, session_id: str) -> bytes:
    session = ws.sessions[session_id]
    title = "Education and training asset map"
    note = (
        "Programs the partnership's education and training providers offer, by occupational family (columns) "
        "and credential level (Advanced on top, Entry at the bottom, as on the employers' wall). "
        "→ marks a program that leads to another (stackable credentials, articulation agreements)."
    )
    story = [*title_block(ws, session, title, note), Spacer(1, 4)]
    story += _grid(session)
    story += _links(session)
    story += _inventory(session)
    story += _needs(ws)
    story += _gap_matrix(session)
    story += _resource_map(session)
    return build_landscape(story, ws=ws, session=session, title=title)


def _detail(session: Session, card: Card):
    return session.program_details.get(card.id)


def _box(session: Session, card: Card, leads_to: list[str]) -> list:
    d = _detail(session, card)
    lines = [Paragraph(esc(card.text), BOX_TITLE)]
    if d:
        if d.institution:
            lines.append(Paragraph(esc(d.institution), BOX_MUTED))
        facts = [x for x in (d.credential, d.length) if x]  # the rest is in the inventory below
        if facts:
            lines.append(Paragraph(esc(" · ".join(facts)), BOX_TEXT))
    for name in leads_to:
        lines.append(Paragraph("→ " + esc(name), BOX_MUTED))
    return lines


def _grid(session: Session) -> list:
    cards = programs(session)
    columns = [c for c in session.ordered_categories() if any(p.category_id == c.id for p in cards)]
    unsorted = [p for p in cards if p.category_id is None or p.level_id is None]
    if not columns:
        return [Paragraph("No program is placed on the map yet.", STYLES["body"])]
    leads: dict[str, list[str]] = {}
    for link in ordered_links(session):
        target = session.cards.get(link.to_card_id)
        if target:
            leads.setdefault(link.from_card_id, []).append(target.text)
    col_w = (WIDTH - LABEL_W) / len(columns)
    rows = [[""] + [Paragraph(esc(c.title), STYLES["cell_head"]) for c in columns]]
    for level in reversed(session.ordered_levels()):
        row = [Paragraph(esc(level.name), LEVEL)]
        for column in columns:
            here = [p for p in cards if p.category_id == column.id and p.level_id == level.id]
            row.append([x for p in here for x in [*_box(session, p, leads.get(p.id, [])), Spacer(1, 3)]] or "")
        rows.append(row)
    grid = Table(rows, colWidths=[LABEL_W] + [col_w] * len(columns), hAlign="LEFT", repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (1, 0), (-1, 0), ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#e8eef5")),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    out = [grid]
    if unsorted:
        names = ", ".join(p.text for p in unsorted)
        out.append(Paragraph(f"<b>Not placed yet:</b> {esc(names)}", STYLES["small"]))
    return out


def _links(session: Session) -> list:
    links = ordered_links(session)
    if not links:
        return []
    rows = [head("Program", "", "leads to", "Provider of the next step")]
    for link in links:
        a, b = session.cards.get(link.from_card_id), session.cards.get(link.to_card_id)
        if a and b:
            d = _detail(session, b)
            rows.append([Paragraph(esc(a.text), STYLES["cell"]), "→", Paragraph(esc(b.text), STYLES["cell"])])
            rows[-1].append(Paragraph(esc(d.institution if d else ""), STYLES["cell"]))
    return [
        *section("Pathways between programs"),
        table(rows, [3.4 * inch, 0.3 * inch, 3.4 * inch, WIDTH - 7.1 * inch]),
    ]


def _inventory(session: Session) -> list:
    cards = programs(session)
    if not cards:
        return []
    levels = {lv.id: lv.name for lv in session.levels.values()}
    families = {c.id: c.title for c in session.categories.values()}
    rows = [
        head(
            "Program · provider",
            "Family · level",
            "Credential",
            "Length · cost",
            "Prerequisites",
            "Work-based",
            "Placed",
            "Contact",
            "Serves",
        )
    ]
    for card in cards:
        d = _detail(session, card)
        cell = STYLES["cell_small"]
        where = " · ".join(x for x in (families.get(card.category_id, ""), levels.get(card.level_id, "")) if x)
        rows.append(
            [
                Paragraph(f"<b>{esc(card.text)}</b><br/>{esc(d.institution if d else '')}", cell),
                Paragraph(esc(where), cell),
                Paragraph(esc(d.credential if d else ""), cell),
                Paragraph(esc(" · ".join(x for x in (d.length, d.cost) if x) if d else ""), cell),
                Paragraph(esc(d.prerequisites if d else ""), cell),
                Paragraph(esc(d.work_experience if d else ""), cell),
                Paragraph(esc(d.placement_rate if d else ""), cell),
                Paragraph(esc(d.contact if d else ""), cell),
                Paragraph(esc(", ".join(d.serves) if d else ""), cell),
            ]
        )
    widths = [1.5, 0.95, 1.2, 0.95, 1.05, 0.92, 0.62, 1.2]
    widths = [w * inch for w in widths] + [WIDTH - sum(widths) * inch]
    return [*section("The inventory"), table(rows, widths)]


def _needs(ws: Workspace) -> list:
    """The employers' side, beside the offerings: the wall's critical occupations and what panels asked for."""
    wanted = needs(ws)
    if not wanted:
        return []
    studied = [n for n in wanted if n.tasks]
    others = [n.occupation for n in wanted if not n.tasks]
    out = [*section("What employers need (from the wall and the skill panels)")]
    rows = [head("Critical occupation", "Family", "Level", "Top tasks from the skill panel")]
    for need in studied:
        tasks = "; ".join(need.tasks) if need.tasks else "—"
        rows.append(
            [
                Paragraph(esc(need.occupation), STYLES["cell_bold"]),
                Paragraph(esc(need.pathway), STYLES["cell"]),
                Paragraph(esc(SKILL_LEVEL_LABELS[need.skill_level]), STYLES["cell"]),
                Paragraph(esc(tasks), STYLES["cell_small"]),
            ]
        )
    widths = [1.9 * inch, 1.6 * inch, 1.0 * inch]
    if studied:
        out.append(table(rows, [*widths, WIDTH - sum(widths)]))
    if others:
        text = "; ".join(others)
        out.append(
            Paragraph(
                f"<b>Other critical occupations on the wall (no skill panel yet):</b> {esc(text)}", STYLES["small"]
            )
        )
    return out


def _gap_matrix(session: Session) -> list:
    rows_all = ordered_gap_rows(session)
    if not rows_all:
        return []
    out: list = [PageBreak(), *section("Training gap analysis matrix")]
    out.append(
        Paragraph(
            "Per career pathway, each key occupation by skill level: the training content employers asked for, "
            "how and how long they want it delivered, and whether the programs above cover it.",
            STYLES["small"],
        )
    )
    for pathway in pathways(session):
        heading = subsection(f"Career pathway: {esc(pathway or 'not named')}", room=2.5 * inch)
        rows = [
            head(
                "Key occupation",
                "Key training content",
                "Delivery model",
                "Length",
                "Credentials",
                "Equipment / software",
                "Other notes",
                "Coverage",
            )
        ]
        tints = []
        for i, r in enumerate((r for r in rows_all if r.pathway == pathway), start=1):
            cell = STYLES["cell_small"]
            named = program_names(session, r)
            coverage = COVERAGE_LABELS.get(r.coverage, r.coverage)
            if named:
                coverage += ": " + ", ".join(named)
            rows.append(
                [
                    Paragraph(f"<b>{esc(r.occupation)}</b><br/>{esc(SKILL_LEVEL_LABELS[r.skill_level])}", cell),
                    *(Paragraph(esc(getattr(r, n)), cell) for n in ("content", "delivery", "length", "credentials")),
                    Paragraph(esc(r.equipment), cell),
                    Paragraph(esc(r.notes), cell),
                    Paragraph(esc(coverage), STYLES["cell_small_bold"] if r.coverage == "gap" else cell),
                ]
            )
            if r.coverage in COVERAGE_TINT:
                tints.append(("BACKGROUND", (7, i), (7, i), colors.HexColor(COVERAGE_TINT[r.coverage])))
        widths = [1.15, 2.8, 1.0, 0.65, 0.9, 0.9, 0.9]
        widths = [w * inch for w in widths] + [WIDTH - sum(widths) * inch]
        t = table(rows, widths, zebra=False)
        t.setStyle(TableStyle(tints))
        # The heading never waits alone at a page's foot for a first row too tall to follow it.
        out += [KeepTogether([*heading, t]), Spacer(1, 4), *steps_block(session, pathway), Spacer(1, 8)]
    return out


def _resource_map(session: Session) -> list:
    """Seed 002, Appendix C: the partners by type, what they offer and what limits it."""
    entries = ordered_resources(session)
    if not entries:
        return []
    out: list = [PageBreak(), *section("Resource map")]
    out.append(
        Paragraph(
            "Partner organizations by type: their key programs, services, restrictions, the people they serve, "
            "and the space, staff and equipment they can bring to the pathway.",
            STYLES["small"],
        )
    )
    widths = [1.3, 1.3, 1.2, 1.0, 1.0, 1.2, 1.0]
    widths = [w * inch for w in widths] + [WIDTH - sum(widths) * inch]
    for kind, label in PARTNER_TYPE_LABELS.items():
        mine = [r for r in entries if r.partner_type == kind]
        if not mine:
            continue
        out += subsection(esc(label), room=2.4 * inch)
        rows = [head(*(esc(title) for _, title in RESOURCE_COLUMNS))]
        for r in mine:
            cells = [Paragraph(esc(getattr(r, name)), STYLES["cell_small"]) for name, _ in RESOURCE_COLUMNS]
            cells[0] = Paragraph(f"<b>{esc(r.organization)}</b>", STYLES["cell_small"])
            rows.append(cells)
        out.append(table(rows, widths))
    return out
