"""A brief is at most two pages whatever the panel holds, and still says where the rest is."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from cardwall.commands import AddFunction, AddPanel, AddSession, AddTask, Batch, EditTaskDetail, SetTally
from exporters.brief_pdf import brief_pdf


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def big_panel(wf, *, functions: int, tasks: int, words: int) -> tuple[str, str]:
    add = AddSession(kind="skill-panel", title="A very large panel", date="2026-11-04")
    wf.execute(add)
    sid = add.session_id
    panel = AddPanel(sid, occupation="Industrial Maintenance Mechanic", soc_code="49-9041")
    wf.execute(panel)
    filler = " ".join(["troubleshoots hydraulic & pneumatic <systems>"] * words)[:480]
    commands = []
    for f in range(functions):
        fn = AddFunction(sid, panel.panel_id, f"Function {f}: " + filler[:150])
        commands.append(fn)
        for t in range(tasks):
            task = AddTask(sid, panel.panel_id, f"Task {f}.{t} " + filler, function_id=fn.function_id)
            commands.append(task)
            commands.append(SetTally(sid, task.task_id, (f * 7 + t * 3) % 9 + 1))
            commands.append(
                EditTaskDetail(
                    sid,
                    task.task_id,
                    minimum=filler * 3,
                    progression=filler * 3,
                    performance=filler * 2,
                    ksas=[("knowledge", filler[:200]), ("skill", filler[:200]), ("ability", filler[:200])],
                )
            )
    wf.execute(Batch("Build a large panel", commands))
    return sid, panel.panel_id


@pytest.mark.parametrize(("functions", "tasks"), [(6, 4), (12, 15)])
def test_a_huge_panel_still_fits_two_pages(wf, functions, tasks):
    sid, pid = big_panel(wf, functions=functions, tasks=tasks, words=12)
    pdf = brief_pdf(wf.ws, sid, pid, wages={"49-9041": "$61,450 median annual wage"})
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    text = text_of(pdf)
    assert "IndustrialMaintenanceMechanic" in "".join(text.split()) and "49-9041" in text
    assert "Prioritised tasks" in text
    assert "session.xlsx" in text  # what did not fit is pointed to, not silently dropped
