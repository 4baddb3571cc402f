"""`summary.md`: the session summary as Markdown, which is also the e-mail's body.

User text is printed as typed, except that characters Markdown would read as
markup at the start of a line or in a table are escaped, so a card called
"# 1 priority" or "a | b" does not turn into a heading or a broken table.
"""

from __future__ import annotations

import re

from cardwall.model import REASON_LABELS, REASONS
from exporters import content
from exporters.content import Summary
from exporters.pdf_style import BLS_SOURCE, wage_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """One line of user text, safe inside Markdown prose or a table cell."""
    text = " ".join(str(text or "").split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([#+\-=>]|\d+\.)", r"\\\1", text)


def md_block(text: object) -> str:
    """Several lines of user text: each escaped, line breaks kept."""
    lines = [md(line) for line in str(text or "").replace("\r\n", "\n").split("\n")]
    return "  \n".join(line for line in lines if line)


def summary_markdown(summary: Summary, *, wall_file: str | None = None, wages=None) -> str:
    out: list[str] = [f"# {md(summary.title) or 'Session summary'}", ""]
    facts = [
        ("Partnership", summary.partnership_name),
        ("Date", summary.date_text),
        ("Place", summary.location),
        ("Facilitator", summary.facilitator),
    ]
    out += [f"- **{label}:** {md(value)}" for label, value in facts if value]
    out += ["", "## Who came", ""]
    if summary.employers:
        out.append("**Employers**")
        out.append("")
        out += [_attendee(g) for g in summary.employers]
        out.append("")
    if summary.partners:
        out.append("**Listening partners**")
        out.append("")
        out += [_attendee(g) for g in summary.partners]
        out.append("")
    if wall_file:
        out += ["## The wall", "", f"![The wall at the end of the session]({wall_file})", ""]
    if summary.kind == "critical-occupations":
        out += _occupations(summary, wages)
        out += _reasons(summary)
        out += _skills(summary)
    if summary.panels:
        out += _panels(summary)
    out += _said(summary)
    out += _next_steps(summary)
    return "\n".join(out).rstrip() + "\n"


def _attendee(group) -> str:
    org, people = content.attendee_line(group)
    return f"- **{md(org)}:** {md(people)}"


def _occupations(summary: Summary, wages) -> list[str]:
    out = ["## Critical occupations", ""]
    by_level = content.occupations_by_level(summary)
    if not by_level:
        return [*out, "No occupation cards were sorted onto the wall.", ""]
    show_wages = any(wage_line(wages, o.root.soc_code) for o in summary.occupations)
    out += ["As on the wall: advanced jobs on top. *Named by* counts the employers who named it.", ""]
    for level, occupations in by_level:
        out += [f"### {md(level)}", ""]
        header = "| Occupation | Category | Named by | Organizations | SOC code |" + (" Wage |" if show_wages else "")
        out += [header, "|---|---|---:|---|---|" + ("---|" if show_wages else "")]
        for o in occupations:
            name = md(o.root.text) + (" †" if o.third_card else "")
            soc = md(o.root.soc_code) + (f" {md(o.root.soc_title)}" if o.root.soc_title else "")
            row = f"| {name} | {md(o.category)} | {o.employers} | {md(', '.join(o.organizations))} | {soc} |"
            if show_wages:
                row += f" {md(wage_line(wages, o.root.soc_code))} |"
            out.append(row)
        out.append("")
    noted = [o for o in summary.occupations if content.discussion_notes(o)]
    if noted:
        out += ["### Notes from the employer discussion", ""]
        out += [f"- **{md(o.root.text)}:** {md(content.discussion_notes(o))}" for o in noted]
        out.append("")
    if any(o.third_card for o in summary.occupations):
        out += ["† named (also) in the “third card” round.", ""]
    if show_wages:
        out += [f"Wages: {BLS_SOURCE}.", ""]
    return out


def _reasons(summary: Summary) -> list[str]:
    if not summary.occupations:
        return []
    out = ["## Why they are critical", ""]
    out += ["| Occupation | " + " | ".join(REASON_LABELS[r] for r in REASONS) + " | All |"]
    out += ["|---|" + "---:|" * (len(REASONS) + 1)]
    for o in summary.occupations:
        counts = [o.reasons.get(r, 0) for r in REASONS]
        out.append(f"| {md(o.root.text)} | " + " | ".join(str(n) for n in counts) + f" | {sum(counts)} |")
    totals = [summary.reason_totals.get(r, 0) for r in REASONS]
    out.append("| **All occupations** | " + " | ".join(f"**{n}**" for n in totals) + f" | **{sum(totals)}** |")
    return [*out, ""]


def _skills(summary: Summary) -> list[str]:
    if not summary.skills:
        return []
    out = ["## Skills named, by category", ""]
    for category, texts in summary.skills:
        out += [f"**{md(category)}**", ""] + [f"- {md(t)}" for t in texts] + [""]
    return out


def _panels(summary: Summary) -> list[str]:
    out = ["## Skill panels", ""]
    for d in summary.panels:
        p = d.panel
        out += [f"### {md(p.occupation)}" + (f" (SOC {md(p.soc_code)})" if p.soc_code else ""), ""]
        line = f"{d.functions} functions, {d.tasks} tasks, {d.dots} dots placed."
        if d.slug:
            line += f" The full brief is in brief-{d.slug}.pdf."
        out += [line, ""]
        if d.top and d.rounds:
            out += ["| Rank | Task | Round 1 | Round 2 | All |", "|---|---|---:|---:|---:|"]
            for r in d.top:
                r1, r2 = d.round_dots.get(r.task.id, (0, 0))
                tie = " (tie)" if r.tied else ""
                out.append(f"| {r.rank}{tie} | {md(r.label)} {md(r.task.text)} | {r1} | {r2} | {r.dots} |")
            out += ["", content.ROUND_NOTE, ""]
        elif d.top:
            out += ["| Rank | Task | Dots |", "|---|---|---:|"]
            out += [
                f"| {r.rank}{' (tie)' if r.tied else ''} | {md(r.label)} {md(r.task.text)} | {r.dots} |" for r in d.top
            ]
            out.append("")
        if d.across is not None:
            out += _across(d.across)
    return out


def _across(cmp) -> list[str]:
    """The earlier meeting's dots and ranks beside this one's."""
    from exporters.meetings import HEADERS, cells, headline, voted_rows

    out = ["#### Compared with the earlier meeting", "", md(headline(cmp)), ""]
    rows, _ = voted_rows(cmp)
    if rows:
        out += ["| " + " | ".join(HEADERS) + " |", "|---|---:|---:|---:|---:|---|"]
        out += ["| " + " | ".join(md(c) for c in cells(r)) + " |" for r in rows]
        out.append("")
    return out


def _said(summary: Summary) -> list[str]:
    if not summary.said:
        return []
    out = ["## What was said", ""]
    for step in summary.said:
        out += [f"### Step {step.step} · {md(step.title)}", ""]
        for note in step.notes:
            topic = f"**{md(note.topic)}.** " if note.topic.strip() else ""
            out += [topic + md_block(note.text), ""]
    return out


def _next_steps(summary: Summary) -> list[str]:
    out = ["## Next steps", ""]
    if not summary.next_steps:
        out += ["No next steps were recorded.", ""]
    for s in summary.next_steps:
        bits = [b for b in (md(s.owner), content.date_text(s.due) and f"by {content.date_text(s.due)}") if b]
        tail = f" ({'; '.join(bits)})" if bits else ""
        out.append(f"- {md(s.text).rstrip('. ')}{tail}. *{content.horizon_label(s)}*")
    out.append("")
    if summary.reengage.strip():
        out += ["## When we will be back in touch", "", md_block(summary.reengage), ""]
    return out
