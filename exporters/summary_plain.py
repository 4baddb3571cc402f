"""The e-mail's plain-text part: what a convener would type to the room, with no markup at all.

The Markdown summary (`summary.md`) is for people who keep notes in Markdown; a mail client
shows `#`, `**` and `|---|` as they are, so the e-mail says the same things as prose and
simple lists, and points to the attached PDFs for the tables.
"""

from __future__ import annotations

import textwrap

from exporters import content
from exporters.content import Summary
from exporters.pdf_style import BLS_SOURCE, wage_line

WIDTH = 72


def _para(text: str, indent: str = "") -> str:
    flat = " ".join(str(text).split())
    return textwrap.fill(
        flat,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=" " * len(indent),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _item(text: str) -> str:
    return _para(text, "  • ")


def _block(text: str) -> str:
    """Several paragraphs of a note, each wrapped, blank lines between kept."""
    lines = str(text or "").replace("\r\n", "\n").split("\n")
    return "\n".join(_para(line) if line.strip() else "" for line in lines).strip("\n")


def summary_plain(summary: Summary, *, wages=None, sender: str = "", attachments: tuple[str, ...] = ()) -> str:
    """The body of the e-mail: a greeting, the session in short sections, the sign-off."""
    when = f" on {summary.date_text}" if summary.date_text else ""
    where = f" at {summary.location}" if summary.location else ""
    out = ["Dear all,", ""]
    out.append(
        _para(f"Thank you for taking part in “{summary.title or 'our session'}”{when}{where}. Here is what we heard.")
    )
    if attachments:
        what = "with the tables and the wall" if summary.kind == "critical-occupations" else "with the full tables"
        out += ["", _para(f"The full summary, {what}, is attached ({', '.join(attachments)}).")]
    out.append("")
    if summary.kind == "critical-occupations":
        out += _occupations(summary, wages)
        out += _skills(summary)
    out += _panels(summary)
    out += _said(summary)
    out += _next_steps(summary)
    out += _who_came(summary)
    out += ["Thank you again for your time and your candour.", "", "Best regards,"]
    if sender:
        out.append(sender)
    if summary.partnership_name:
        out.append(summary.partnership_name)
    return "\n".join(out).rstrip() + "\n"


def _heading(title: str) -> list[str]:
    return [title.upper(), ""]


def _occupations(summary: Summary, wages) -> list[str]:
    by_level = content.occupations_by_level(summary)
    if not by_level:
        return [*_heading("Critical occupations"), "No occupation cards were sorted onto the wall.", ""]
    out = _heading("Critical occupations")
    out += [_para("As on the wall, from the advanced jobs down to entry level:"), ""]
    for level, occupations in by_level:
        out.append(f"{level}:")
        for o in occupations:
            named = "1 employer" if o.employers == 1 else f"{o.employers} employers"
            bits = [f"named by {named}"]
            if o.root.soc_code:
                bits.append(f"SOC {o.root.soc_code}" + (f" {o.root.soc_title}" if o.root.soc_title else ""))
            wage = wage_line(wages, o.root.soc_code)
            if wage:
                bits.append(wage)
            third = " (third card round)" if o.third_card else ""
            said = content.discussion_notes(o)
            out.append(_item(f"{o.root.text}{third}, {o.category}: {'; '.join(bits)}" + (f". {said}" if said else "")))
        out.append("")
    if any(wage_line(wages, o.root.soc_code) for o in summary.occupations):
        out += [_para(f"Wages: {BLS_SOURCE}."), ""]
    return out


def _skills(summary: Summary) -> list[str]:
    if not summary.skills:
        return []
    out = _heading("Skills named")
    for category, texts in summary.skills:
        out.append(_para(f"{category}: {'; '.join(texts)}."))
    return [*out, ""]


def _panels(summary: Summary) -> list[str]:
    if not summary.panels:
        return []
    out = _heading("Skill panels")
    for d in summary.panels:
        p = d.panel
        soc = f" (SOC {p.soc_code})" if p.soc_code else ""
        out.append(_para(f"{p.occupation}{soc}: {d.functions} functions, {d.tasks} tasks, {d.dots} dots placed."))
        if d.top:
            out.append("The tasks that matter most:")
            for r in d.top:
                dots = "1 dot" if r.dots == 1 else f"{r.dots} dots"
                out.append(_item(f"{r.rank}{' (tie)' if r.tied else ''}. {r.task.text} ({dots})"))
        if d.across is not None:
            out += _across(d.across)
        if d.slug:
            out.append(_para(f"The full brief is attached: brief-{d.slug}.pdf."))
        out.append("")
    return out


def _across(cmp) -> list[str]:
    """Each dotted, added or dropped task: dots and rank in the earlier meeting, then in this one."""
    from exporters.meetings import cells, headline, voted_rows

    out = [_para(headline(cmp))]
    for row in voted_rows(cmp)[0]:
        text, then, rank_then, now, rank_now, change = cells(row)
        then_part = f"{then} dots, rank {rank_then or '-'}" if then != "—" else "not on the earlier panel"
        now_part = f"{now} dots, rank {rank_now or '-'}" if now != "—" else "not on this panel"
        out.append(
            _item(
                f"{text}: earlier {then_part}; now {now_part} ({change})"
                if change
                else f"{text}: earlier {then_part}; now {now_part}"
            )
        )
    return out


def _said(summary: Summary) -> list[str]:
    if not summary.said:
        return []
    out = _heading("What was said")
    for step in summary.said:
        out.append(f"{step.title or f'Step {step.step}'}:")
        for note in step.notes:
            topic = f"{note.topic.strip()}. " if note.topic.strip() else ""
            out += [_block(topic + note.text), ""]
    return out


def _next_steps(summary: Summary) -> list[str]:
    out = _heading("Next steps")
    if not summary.next_steps:
        out.append("No next steps were recorded.")
    for s in summary.next_steps:
        bits = [b for b in (s.owner, content.date_text(s.due) and f"by {content.date_text(s.due)}") if b]
        tail = f" ({'; '.join(bits)})" if bits else ""
        out.append(_item(f"{s.text.rstrip('. ')}{tail}. {content.horizon_label(s)}."))
    out.append("")
    if summary.reengage.strip():
        out += [_block(summary.reengage), ""]
    return out


def _who_came(summary: Summary) -> list[str]:
    out = _heading("Who came")
    for label, groups in (("Employers", summary.employers), ("Listening partners", summary.partners)):
        if groups:
            out.append(f"{label}:")
            for group in groups:
                org, people = content.attendee_line(group)
                out.append(_item(f"{org}: {people}"))
            out.append("")
    return out
