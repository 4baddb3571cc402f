"""What the PDFs draw prints on any machine and copies back out: every font embedded, emoji and CJK
text given back by pdftotext and pypdf, the footer in the fonts its characters need."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from cardwall import commands as c
from cardwall.commands import EditPartnership
from cardwall.model import Workspace
from exporters.bundle import export_session
from exporters.pdf_fonts import to_unicode_cmap
from storage.figures import export_figures

NAME = "東京 製造 パートナーシップ 🔧"  # a partnership's name no Latin font draws


def pdftotext(path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed: .ci/run installs it"
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def unembedded_fonts(path) -> list[str]:
    """Names of the fonts a PDF uses without carrying them: a machine without them prints something else."""
    missing = []
    for page in PdfReader(path).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for face in descendants:
                descriptor = face.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(face.get("/BaseFont")))
    return missing


@pytest.fixture
def names_export(tmp_path):
    ws = Workspace()
    EditPartnership(name=NAME).apply(ws)
    add = c.AddSession(kind="critical-occupations", title="Names from everywhere 世界", date="2026-03-01")
    add.apply(ws)
    for name in ("李小龍", "さくら 山田", "김민준", "Ana 🔧 Ruiz", "Bo 😀 ✅"):
        c.AddParticipant(add.session_id, name=name, organization="Shop 工場").apply(ws)
    report: list[str] = []
    export_session(ws, add.session_id, tmp_path, report=report)
    return tmp_path / "summary.pdf", report


def test_cjk_and_emoji_are_drawn_in_embedded_fonts(names_export):
    pdf, report = names_export
    assert unembedded_fonts(pdf) == []
    used = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for p in PdfReader(pdf).pages
        for f in p["/Resources"]["/Font"].values()
    }
    assert {"WenQuanYiMicroHei", "Symbola", "DejaVuSans"} <= used
    assert report == []  # every character here has a bundled font


def test_emoji_and_cjk_copy_back_out_of_the_pdf(names_export):
    pdf, _ = names_export
    for text in (pdftotext(pdf), " ".join(p.extract_text() for p in PdfReader(pdf).pages)):
        for name in ("李小龍", "さくら 山田", "김민준", "工場", "世界", "🔧", "😀", "✅"):
            assert name in text, name
        assert "ὒ" not in text  # what a five-digit ToUnicode entry for U+1F527 decoded as


def test_the_footer_prints_a_cjk_partnership_name(names_export):
    pdf, _ = names_export
    assert f"Cardwall · {NAME}" in pdftotext(pdf)


def test_every_pdf_of_the_partnerships_journey_has_its_footer_and_embeds_its_fonts(journey, tmp_path):
    journey.execute(EditPartnership(name=NAME))
    pdfs = []
    for session in journey.ws.ordered_sessions():
        folder = tmp_path / session.id
        folder.mkdir()
        written = export_session(journey.ws, session.id, folder, **export_figures(journey.ws, session.id))
        pdfs += [p for p in written if p.suffix == ".pdf"]
    names = {p.name for p in pdfs}
    assert {"summary.pdf", "asset-map.pdf", "action-plan.pdf", "pathway-map.pdf"} <= names
    assert any(n.startswith("brief-") for n in names)
    for pdf in pdfs:
        assert unembedded_fonts(pdf) == [], pdf.name
        pages = pdftotext(pdf).split("\f")[: len(PdfReader(pdf).pages)]
        if pdf.name == "pathway-map.pdf":  # one page for a job seeker: the name is in its title, no footer
            assert NAME in pages[0]
        else:
            assert all(f"Cardwall · {NAME}" in page for page in pages), pdf.name


def test_a_supplementary_character_maps_to_a_surrogate_pair():
    cmap = to_unicode_cmap("AAAAAA+Symbola", [0x20, 0x1F527, 0x4E16])
    assert "<01> <D83DDD27>" in cmap and "<02> <4E16>" in cmap and "<00> <0020>" in cmap


def test_an_export_reads_only_what_it_needs(tmp_path):
    """A first export pays for what it uses: the fallback fonts (3.4 and 3 MB) when a text needs them,
    never pandas, numpy or openpyxl (half a second and a quarter of imports for tables the csv module and
    exporters/xlsx.py write)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from storage.demo import build_demo\n"
        "from ui.cli import export_workspace\n"
        f"tmp = Path({str(tmp_path)!r})\n"
        "export_workspace(build_demo(tmp / 'demo.cardwall'), tmp / 'out', all_sessions=True)\n"
        "print([m for m in ('pandas', 'numpy', 'openpyxl') if m in sys.modules])\n"
        "print(sorted(pdfmetrics.getRegisteredFontNames()))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    heavy, registered = done.stdout.strip().splitlines()[-2:]
    assert heavy == "[]"
    assert "DejaVuSans" in registered
    assert "WenQuanYiMicroHei" not in registered and "Symbola" not in registered
