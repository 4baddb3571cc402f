"""The e-mail's HTML part: the summary PDF's sections, in the same order, as a plain HTML document.

Mail clients ignore style sheets in `<head>` unevenly, so styles sit on the elements. Every user
string is escaped; nothing is fetched (no images, no links out), so the draft opens offline.
"""

from __future__ import annotations

from html import escape

from cardwall.model import REASON_LABELS, REASONS, SESSION_KIND_TITLES
from exporters import content
from exporters.content import Summary
from exporters.pdf_style import BLS_SOURCE, wage_line

_FONT = "font-family: Arial, Helvetica, sans-serif; color: #1f2933;"
_H1 = "font-size: 17px; margin: 22px 0 6px; color: #1d4e89;"
_H2 = "font-size: 14px; margin: 14px 0 4px;"
_TABLE = "border-collapse: collapse; margin: 4px 0 10px; font-size: 13px;"
_TH = "text-align: left; background: #1d4e89; color: #ffffff; padding: 4px 8px;"
_TD = "border-bottom: 1px solid #d9e2ec; padding: 4px 8px; vertical-align: top;"
_BAND = "background: #e8eef6; font-weight: bold; padding: 4px 8px;"
_SMALL = "font-size: 12px; color: #52606d;"


def h(text: object) -> str:
    """User text, escaped, line breaks kept."""
    return escape(str(text or "")).replace("\r\n", "\n").replace("\n", "<br>")


def summary_html(summary: Summary, *, wages=None, greeting: str = "") -> str:
    parts = [f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{h(summary.title)}</title></head>']
    parts.append(f'<body style="{_FONT} font-size: 14px; line-height: 1.45; max-width: 760px;">')
    if greeting:
        parts.append(f"<p>{h(greeting)}</p>")
    parts += _title_block(summary)
    parts += _who_came(summary)
    if summary.kind == "critical-occupations":
        parts += _occupations(summary, wages)
        parts += _reasons(summary)
        parts += _skills(summary)
    parts += _panels(summary)
    parts += _said(summary)
    parts += _next_steps(summary)
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _table(headers: list[str], rows: list[list[str]], *, numeric: tuple[int, ...] = ()) -> str:
    """Cells arrive already escaped; a row of one cell is a band (a level of the wall)."""
    out = [f'<table style="{_TABLE}">', "<tr>" + "".join(f'<th style="{_TH}">{x}</th>' for x in headers) + "</tr>"]
    for row in rows:
        if len(row) == 1:
            out.append(f'<tr><td colspan="{len(headers)}" style="{_BAND}">{row[0]}</td></tr>')
            continue
        cells = [
            f'<td style="{_TD}{" text-align: right;" if i in numeric else ""}">{cell}</td>'
            for i, cell in enumerate(row)
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _title_block(summary: Summary) -> list[str]:
    kind = SESSION_KIND_TITLES.get(summary.kind, "Session")
    sub = " · ".join(x for x in (summary.partnership_name, kind) if x)
    out = [f'<p style="{_SMALL} margin: 0;">{h(sub)}</p>']
    out.append(f'<h1 style="font-size: 22px; margin: 2px 0 8px;">{h(summary.title or "Session summary")}</h1>')
    facts = [
        ("Date", summary.date_text),
        ("Place", summary.location),
        ("Facilitator", summary.facilitator),
        ("Industry", " · ".join(x for x in (summary.industry, summary.region) if x)),
    ]
    rows = [
        f"<tr><td style='{_TD} font-weight: bold;'>{k}</td><td style='{_TD}'>{h(v)}</td></tr>" for k, v in facts if v
    ]
    if rows:
        out.append(f'<table style="{_TABLE}">' + "".join(rows) + "</table>")
    return out


def _who_came(summary: Summary) -> list[str]:
    out = [f'<h2 style="{_H1}">Who came</h2>']
    for label, groups in (("Employers", summary.employers), ("Listening partners", summary.partners)):
        if groups:
            out.append(f'<h3 style="{_H2}">{label}</h3><ul>')
            for group in groups:
                org, people = content.attendee_line(group)
                out.append(f"<li><b>{h(org)}</b>: {h(people)}</li>")
            out.append("</ul>")
    if not summary.employers:
        out.append("<p>No employers are recorded for this session.</p>")
    return out


def _occupations(summary: Summary, wages) -> list[str]:
    out = [f'<h2 style="{_H1}">Critical occupations</h2>']
    by_level = content.occupations_by_level(summary)
    if not by_level:
        return [*out, "<p>No occupation cards were sorted onto the wall.</p>"]
    out.append("<p>As on the wall: advanced jobs on top. “Named by” counts the employers who named it.</p>")
    show_wages = any(wage_line(wages, o.root.soc_code) for o in summary.occupations)
    headers = ["Occupation", "Category", "Named by", "Organizations", "SOC code"] + (["Wage"] if show_wages else [])
    rows: list[list[str]] = []
    for level, occupations in by_level:
        rows.append([h(level)])
        for o in occupations:
            soc = h(o.root.soc_code) or "not entered"
            if o.root.soc_title:
                soc += f'<br><span style="{_SMALL}">{h(o.root.soc_title)}</span>'
            row = [h(o.root.text) + (" †" if o.third_card else ""), h(o.category), str(o.employers)]
            row += [h(", ".join(o.organizations)), soc]
            if show_wages:
                row.append(h(wage_line(wages, o.root.soc_code)))
            rows.append(row)
    out.append(_table(headers, rows, numeric=(2,)))
    noted = [o for o in summary.occupations if content.discussion_notes(o)]
    if noted:
        out.append(f'<h3 style="{_H2}">Notes from the employer discussion</h3><ul>')
        out += [f"<li><b>{h(o.root.text)}</b>: {h(content.discussion_notes(o))}</li>" for o in noted]
        out.append("</ul>")
    notes = []
    if any(o.third_card for o in summary.occupations):
        notes.append("† named (also) in the “third card” round.")
    if show_wages:
        notes.append(f"Wages: {BLS_SOURCE}.")
    if notes:
        out.append(f'<p style="{_SMALL}">{h(" ".join(notes))}</p>')
    return out


def _reasons(summary: Summary) -> list[str]:
    if not summary.occupations:
        return []
    rows = []
    for o in summary.occupations:
        counts = [o.reasons.get(r, 0) for r in REASONS]
        rows.append([h(o.root.text), *(str(n) for n in counts), str(sum(counts))])
    totals = [summary.reason_totals.get(r, 0) for r in REASONS]
    rows.append(["<b>All occupations</b>", *(f"<b>{n}</b>" for n in totals), f"<b>{sum(totals)}</b>"])
    headers = ["Occupation", *(REASON_LABELS[r] for r in REASONS), "All"]
    return [f'<h2 style="{_H1}">Why they are critical</h2>', _table(headers, rows, numeric=tuple(range(1, 7)))]


def _skills(summary: Summary) -> list[str]:
    if not summary.skills:
        return []
    out = [f'<h2 style="{_H1}">Skills named, by category</h2>']
    for category, texts in summary.skills:
        out.append(f'<h3 style="{_H2}">{h(category)}</h3><ul>' + "".join(f"<li>{h(t)}</li>" for t in texts) + "</ul>")
    return out


def _panels(summary: Summary) -> list[str]:
    if not summary.panels:
        return []
    out = [f'<h2 style="{_H1}">Skill panels</h2>']
    for d in summary.panels:
        p = d.panel
        soc = f" (SOC {h(p.soc_code)})" if p.soc_code else ""
        out.append(f'<h3 style="{_H2}">{h(p.occupation)}{soc}</h3>')
        line = f"{d.functions} functions, {d.tasks} tasks, {d.dots} dots placed."
        if d.slug:
            line += f" The full brief is attached: brief-{d.slug}.pdf."
        out.append(f"<p>{h(line)}</p>")
        if d.top:
            rows = [
                [f"{r.rank}{' (tie)' if r.tied else ''}", h(f"{r.label} {r.task.text}"), str(r.dots)] for r in d.top
            ]
            out.append(_table(["Rank", "Task", "Dots"], rows, numeric=(2,)))
        if d.across is not None:
            from exporters.meetings import HEADERS, cells, headline, voted_rows

            out.append(f"<p>{h(headline(d.across))}</p>")
            rows = [[h(c) for c in cells(r)] for r in voted_rows(d.across)[0]]
            if rows:
                out.append(_table(list(HEADERS), rows, numeric=(1, 2, 3, 4)))
    return out


def _said(summary: Summary) -> list[str]:
    if not summary.said:
        return []
    out = [f'<h2 style="{_H1}">What was said</h2>']
    for step in summary.said:
        out.append(f'<h3 style="{_H2}">Step {step.step} · {h(step.title)}</h3>')
        for note in step.notes:
            topic = f"<b>{h(note.topic)}.</b> " if note.topic.strip() else ""
            out.append(f"<p>{topic}{h(note.text)}</p>")
    return out


def _next_steps(summary: Summary) -> list[str]:
    out = [f'<h2 style="{_H1}">Next steps</h2>']
    if not summary.next_steps:
        out.append("<p>No next steps were recorded.</p>")
    else:
        rows = [
            [
                h(s.text),
                h(s.owner) or "not entered",
                h(content.date_text(s.due)) or "not set",
                h(content.horizon_label(s)),
            ]
            for s in summary.next_steps
        ]
        out.append(_table(["What", "Who", "By", "When"], rows))
    if summary.reengage.strip():
        out += [f'<h2 style="{_H1}">When we will be back in touch</h2>', f"<p>{h(summary.reengage)}</p>"]
    return out
