"""CJK, emoji and characters no font here can draw: printed, or shown as □ and reported, never dropped."""

from __future__ import annotations

from pypdf import PdfReader

from cardwall import commands as c
from cardwall.model import Workspace
from exporters.bundle import export_session

NAMES = ("李小龍", "さくら 山田", "김민준", "Ana 🔧 Ruiz", "Scribe 𓀀")


def fonts_used(reader: PdfReader) -> set[str]:
    out = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            out.add(str(font.get_object().get("/BaseFont", "")))
    return out


def test_every_name_prints_as_typed_or_visibly_with_a_report(tmp_path):
    ws = Workspace()
    add = c.AddSession(kind="critical-occupations", title="Names from everywhere 世界", date="2026-03-01")
    add.apply(ws)
    for name in NAMES:
        c.AddParticipant(add.session_id, name=name, organization="Shop 工場").apply(ws)
    report: list[str] = []
    export_session(ws, add.session_id, tmp_path, report=report)
    reader = PdfReader(tmp_path / "summary.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    for name in ("李小龍", "さくら 山田", "김민준", "工場", "世界"):
        assert name in text, name
    assert "Ana" in text and "Ruiz" in text
    assert "Scribe □" in text  # the hieroglyph: a visible placeholder
    used = fonts_used(reader)
    assert "WenQuanYiMicroHei" in {f.split("+")[-1] for f in used}  # the bundled CJK font, embedded
    assert any(f.endswith("Symbola") for f in used)  # the spanner emoji, drawn by the bundled emoji font
    (line,) = report
    assert "𓀀" in line and "□" in line and "🔧" not in line
