"""Round 1 (hiring authorities) and round 2 (high performers) side by side in the brief and the summary."""

from __future__ import annotations

from pypdf import PdfReader

from cardwall import panels as rules
from exporters.bundle import export_session
from tests.exporters.test_exports_demo import sessions


def test_brief_and_summary_compare_the_rounds(demo, tmp_path):
    _, panels = sessions(demo)
    export_session(demo.ws, panels.id, tmp_path)
    panel = panels.panels["tdm"]
    first = rules.totals(panels, panel.id, 1)
    second = rules.totals(panels, panel.id, 2)
    top = rules.ranking(panels, panel.id)[0]
    want = f"{first.get(top.task.id, 0)} {second.get(top.task.id, 0)} {top.dots}"
    brief = " ".join(
        " ".join(p.extract_text() for p in PdfReader(tmp_path / "brief-tool-and-die-maker.pdf").pages).split()
    )
    assert "Round 1 Round 2 All" in brief and f"{top.task.text} {want}" in brief
    summary = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages).split())
    assert "Round 1 Round 2 All" in summary and "Round 1: hiring authorities" in summary
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert f"| {top.label} {top.task.text} | {want.replace(' ', ' | ')} |" in md
