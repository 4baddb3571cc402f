"""`summary.pdf`: the session summary a convener sends to everyone who came."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

from cardwall.model import REASON_LABELS, REASONS, SESSION_KIND_TITLES
from exporters import content
from exporters.content import Summary
from exporters.pdf_style import (
    BLS_SOURCE,
    FRAME_WIDTH,
    STYLES,
    Paragraph,
    build_with_fallback,
    bullet,
    esc,
    footer_for,
    head,
    para,
    table,
    wage_line,
)
from exporters.wall_grid import wall_pages

KEEP_WHOLE_ROWS = 12  # a next-steps table this short moves to the next page whole rather than split
THIRD_CARD = "†"
REASON_SHORT = {
    "volume": "Large numbers",
    "hard-to-fill": "Hard to fill",
    "turnover": "Turnover",
    "cost": "Cost impact",
    "growth": "Growth impact",
}


def summary_pdf(summary: Summary, *, wall_png: bytes | None = None, wages=None) -> bytes:
    return build_with_fallback(
        lambda: _story(summary, wall_png, wages),
        title=f"{summary.title} — summary",
        footer=footer_for(summary.partnership_name),
        author=summary.facilitator or "Cardwall",
        subject=summary.partnership_name,
    )


def _story(summary: Summary, wall_png: bytes | None, wages) -> list:
    story: list = []
    story += title_block(summary)
    story += who_came(summary)
    if summary.kind == "critical-occupations":
        # The wall as text on landscape pages: the screen picture (wall.png) shrinks cards below reading size.
        story += wall_pages(summary)
        story += occupations_table(summary, wages)
        story += reasons_table(summary)
        story += skills(summary)
    if summary.panels:
        story += panels_overview(summary)
    story += what_was_said(summary)
    story += next_steps(summary)
    return story


def title_block(summary: Summary) -> list:
    out = []
    kind = SESSION_KIND_TITLES.get(summary.kind, "Session")
    out.append(para(" · ".join(x for x in (summary.partnership_name, kind) if x), "subtitle"))
    out.append(para(summary.title or "Session summary", "title"))
    rows = [
        ("Date", summary.date_text),
        ("Place", summary.location),
        ("Facilitator", summary.facilitator),
        ("Industry", " · ".join(x for x in (summary.industry, summary.region) if x)),
    ]
    data = [[Paragraph(f"<b>{label}</b>", STYLES["meta"]), para(value, "meta")] for label, value in rows if value]
    out.append(Spacer(1, 6))
    if data:
        out.append(table(data, [1.1 * inch, FRAME_WIDTH - 1.1 * inch], header_rows=0, zebra=False))
    return out


def who_came(summary: Summary) -> list:
    out = [para("Who came", "h1")]
    employers = sum(len(g.people) for g in summary.employers)
    if summary.employers:
        orgs = sum(1 for g in summary.employers if g.organization)
        label = "Employers" if summary.kind == "critical-occupations" else "Employers: hiring authorities and employees"
        out.append(Paragraph(f"{label} ({employers} people from {orgs} organizations)", STYLES["h2"]))
        out.append(_two_columns([_attendee(g) for g in summary.employers]))
    else:
        out.append(para("No employers are recorded for this session.", "body"))
    if summary.partners:
        out.append(Paragraph("Listening partners", STYLES["h2"]))
        out.append(_two_columns([_attendee(g) for g in summary.partners]))
    return out


def _two_columns(items: list) -> Table:
    """A list set in two columns that each flow on their own, top to bottom then left to right."""
    half = (len(items) + 1) // 2
    t = Table([[items[:half], items[half:]]], colWidths=[FRAME_WIDTH / 2] * 2, hAlign="LEFT")
    t.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return t


def _attendee(group) -> Paragraph:
    org, people = content.attendee_line(group)
    return bullet(people, markup=f"<b>{esc(org)}</b>: ")


def occupations_table(summary: Summary, wages) -> list:
    out = [CondPageBreak(2 * inch), para("Critical occupations", "h1")]
    by_level = content.occupations_by_level(summary)
    if not by_level:
        return [*out, para("No occupation cards were sorted onto the wall.", "body")]
    out.append(
        para(
            "As on the wall: advanced jobs on top, entry-level at the bottom. "
            "“Named by” counts the employers who put the occupation on a card (the size of its pile).",
            "body",
        )
    )
    show_wages = any(wage_line(wages, o.root.soc_code) for o in summary.occupations)
    labels = ["Occupation", "Category", "Named by", "Organizations", "SOC code"]
    widths = [1.55, 1.15, 0.6, 2.0, 1.7]  # room for the SOC title under its code
    if show_wages:
        labels.append("Wage")
        widths = [1.35, 1.0, 0.55, 1.6, 1.4, 1.1]
    rows, bands = [head(*labels)], []
    for level, occupations in by_level:
        bands.append(len(rows))
        rows.append([Paragraph(esc(level), STYLES["cell_bold"])] + [""] * (len(labels) - 1))
        for o in occupations:
            mark = f" {THIRD_CARD}" if o.third_card else ""
            soc = esc(o.root.soc_code) or "—"
            if o.root.soc_title:
                title = o.root.soc_title if len(o.root.soc_title) <= 60 else o.root.soc_title[:58].rstrip(" ,") + "…"
                soc += f"<br/><font size=7>{esc(title)}</font>"  # in full in crosswalk.csv
            row = [
                Paragraph(esc(o.root.text) + mark, STYLES["cell"]),
                para(o.category, "cell"),
                para(str(o.employers), "cell_num"),
                para(", ".join(o.organizations), "cell"),
                Paragraph(soc, STYLES["cell"]),
            ]
            if show_wages:
                row.append(para(wage_line(wages, o.root.soc_code), "cell"))
            rows.append(row)
    out.append(table(rows, [w * inch for w in widths], band_rows=tuple(bands)))
    notes = []
    if any(o.third_card for o in summary.occupations):
        notes.append(f"{THIRD_CARD} named (also) in the “third card” round.")
    if show_wages:
        notes.append(f"Wages: {BLS_SOURCE}.")
    if notes:
        out += [Spacer(1, 3), para(" ".join(notes), "small")]
    noted = [o for o in summary.occupations if content.discussion_notes(o)]
    if noted:  # the stacked crosswalk's "notes from the employer discussion"
        out += [CondPageBreak(1.2 * inch), Paragraph("Notes from the employer discussion", STYLES["h2"])]
        out += [bullet(content.discussion_notes(o), markup=f"<b>{esc(o.root.text)}</b>: ") for o in noted]
    return out


def reasons_table(summary: Summary) -> list:
    if not summary.occupations:
        return []
    out = [para("Why they are critical", "h1")]
    out.append(
        para(
            "How many times employers gave each reason: large numbers needed, hardest to fill, highest turnover, "
            "biggest cost impact, biggest growth impact.",
            "body",
        )
    )
    rows = [head("Occupation", *(REASON_SHORT[r] for r in REASONS), "All")]
    for o in summary.occupations:
        counts = [o.reasons.get(r, 0) for r in REASONS]
        rows.append(
            [para(o.root.text, "cell")]
            + [para(str(n) if n else "–", "cell_num") for n in counts]
            + [para(str(sum(counts)), "cell_num")]
        )
    totals = [summary.reason_totals.get(r, 0) for r in REASONS]
    rows.append(
        [Paragraph("<b>All occupations</b>", STYLES["cell"])]
        + [Paragraph(f"<b>{n}</b>", STYLES["cell_num"]) for n in totals]
        + [Paragraph(f"<b>{sum(totals)}</b>", STYLES["cell_num"])]
    )
    widths = [2.35] + [0.8] * 5 + [0.65]
    out.append(table(rows, [w * inch for w in widths], numeric_cols=tuple(range(1, 7))))
    top = max(REASONS, key=lambda r: summary.reason_totals.get(r, 0))
    if summary.reason_totals.get(top, 0):
        out += [Spacer(1, 3), para(f"Given most often overall: {REASON_LABELS[top].lower()}.", "small")]
    return out


def skills(summary: Summary) -> list:
    if not summary.skills:
        return []
    out = [para("Skills named, by category", "h1")]
    rows = [head("Category", "Skills and competencies employers named")]
    for category, texts in summary.skills:
        rows.append(
            [para(category, "cell_bold"), Paragraph("<br/>".join("• " + esc(t) for t in texts), STYLES["cell"])]
        )
    out.append(table(rows, [1.8 * inch, FRAME_WIDTH - 1.8 * inch]))
    return [KeepTogether(out)] if len(rows) <= KEEP_WHOLE_ROWS else out


def panels_overview(summary: Summary) -> list:
    out = [para("Skill panels", "h1")]
    for digest in summary.panels:
        p = digest.panel
        title = esc(p.occupation) + (f" <font color='#5f6b7a'>(SOC {esc(p.soc_code)})</font>" if p.soc_code else "")
        block = [Paragraph(title, STYLES["h2"])]
        block.append(
            para(
                f"{digest.functions} functions, {digest.tasks} tasks, {digest.dots} dots placed."
                + (f" The full brief is in brief-{digest.slug}.pdf." if digest.slug else ""),
                "body",
            )
        )
        if digest.top and digest.rounds:  # the two focus groups side by side
            rows = [head("Task", "", "Round 1", "Round 2", "All", "Rank")]
            for r in digest.top:
                r1, r2 = digest.round_dots.get(r.task.id, (0, 0))
                rank = f"{r.rank}{' (tie)' if r.tied else ''}"
                cells = [para(r.label, "cell_bold"), para(r.task.text, "cell")]
                cells += [para(str(n), "cell_num") for n in (r1, r2, r.dots)] + [para(rank, "cell")]
                rows.append(cells)
            widths = [0.55 * inch, FRAME_WIDTH - 3.75 * inch, 0.7 * inch, 0.7 * inch, 0.5 * inch, 0.9 * inch]
            block += [table(rows, widths, numeric_cols=(2, 3, 4)), para(content.ROUND_NOTE, "small")]
        elif digest.top:
            rows = [head("Task", "", "Dots", "Rank")]
            for r in digest.top:
                rank = f"{r.rank}{' (tie)' if r.tied else ''}"
                rows.append(
                    [
                        para(r.label, "cell_bold"),
                        para(r.task.text, "cell"),
                        para(str(r.dots), "cell_num"),
                        para(rank, "cell"),
                    ]
                )
            block.append(
                table(rows, [0.55 * inch, FRAME_WIDTH - 2.15 * inch, 0.6 * inch, 1.0 * inch], numeric_cols=(2,))
            )
        else:
            block.append(para("No dots were placed yet.", "body"))
        out.append(KeepTogether(block))
        if digest.across is not None:  # the earlier meeting beside this one: may run over a page, so not kept
            from exporters.meetings_pdf import across_block

            out += [para("Compared with the earlier meeting", "h2"), *across_block(digest.across)]
    return out


def what_was_said(summary: Summary) -> list:
    if not summary.said:
        return []
    out = [CondPageBreak(1.5 * inch), para("What was said", "h1")]
    for step in summary.said:
        notes = []
        for note in step.notes:
            label = f"<b>{esc(note.topic)}.</b> " if note.topic.strip() else ""
            notes.append(Paragraph(label + esc(note.text), STYLES["quote"]))
        # the step's heading travels with its first note (a long note may still split across pages)
        out.append(KeepTogether([para(f"Step {step.step} · {step.title}", "h2"), notes[0]]))
        out += notes[1:]
    return out


def next_steps(summary: Summary) -> list:
    out = [CondPageBreak(1.5 * inch), para("Next steps", "h1")]
    if summary.reengage.strip():
        out.append(para(summary.reengage, "body", markup="<b>When we will be back in touch:</b> "))
    if summary.next_steps:
        rows = [head("What", "Who", "By", "Horizon")]
        for s in summary.next_steps:
            rows.append(
                [
                    para(s.text, "cell"),
                    para(s.owner or "—", "cell"),
                    para(content.date_text(s.due, short=True) or "—", "cell"),
                    para(content.horizon_label(s), "cell"),
                ]
            )
        widths = [2.75 * inch, 1.55 * inch, 0.95 * inch, FRAME_WIDTH - 5.25 * inch]
        out.append(table(rows, widths, split_in_row=True))  # a next step may be a page of text
    else:
        out.append(para("No next steps were recorded.", "body"))
    if len(summary.next_steps) <= KEEP_WHOLE_ROWS:
        return [CondPageBreak(1.5 * inch), KeepTogether(out[1:])]  # a short list never leaves a row behind
    return out
