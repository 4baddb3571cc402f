"""The room's key to the piles' initials ("UTD Uncompahgre Tool & Die") beside the why-critical legend: in
presentation mode, on the projector and in `cardwall picture`, readable, never over a card, and gone
when no pile shows initials."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import AddParticipant, EditCard, StackCards, UnstackCard
from tests.ui.wall_helpers import SID, close_page, make_wall, open_page
from ui.wall.style import MIN_SCREEN_TEXT_PX

ROOT = Path(__file__).resolve().parents[2]


def initials_on_piles(page) -> set[str]:
    """The initials the piles' footers show, as the far view draws them ("GMF PFEC +2")."""
    shown = set()
    for item in page.scene.cards.values():
        if item.count > 1:
            foot = item.far_footer()
            if foot.px:
                shown |= {w for w in (foot.beside or foot.above).split() if not w.startswith("+")}
    return shown


def key_problems(page) -> list[str]:
    """What keeps the key from being read: not drawn, too small on screen, over a card, off the wall."""
    key, view = page.scene.namers_key, page.view
    found = []
    if not key.isVisible():
        found.append("no key")
    on_screen = key.px * view.transform().m11()
    if on_screen < MIN_SCREEN_TEXT_PX:
        found.append(f"{on_screen:.1f} px on the screen")
    area = key.mapRectToScene(key.boundingRect())
    found += [f"over {i.card_id}" for i in page.scene.cards.values() if i.sceneBoundingRect().intersects(area)]
    if not page.scene.sceneRect().contains(area):
        found.append("outside the wall")
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    if not shown.contains(area):
        found.append("out of the view")
    return found


def test_presentation_mode_and_the_projector_show_whose_initials_the_piles_show(qtbot, demo_path):
    wf, _controller, page = open_page(qtbot, demo_path, size=(1280, 720))
    try:
        page.set_min_type_size(12)  # the default setting, as the app applies it at start
        QTest.keyClick(page.view, Qt.Key_F5)
        assert page.presentation.active
        # Full screen on a 1280x720 projector (the offscreen platform's screen is 800x800).
        page.setWindowState(Qt.WindowNoState)
        page.resize(1280, 720)
        QApplication.processEvents()
        assert page.view.size().toTuple() == (1280, 720)
        key = page.scene.namers_key
        initials = initials_on_piles(page)
        assert {"UTD", "CRP", "GMF", "PFEC"} <= initials
        listed = dict(key.entries)
        assert set(listed) == initials  # every initials the room sees, and no others
        assert listed["UTD"] == "Uncompahgre Tool & Die"
        assert "UTD Uncompahgre Tool & Die" in key.text() and key.text().startswith("Named by:")
        assert key_problems(page) == []
        projector = page.presentation.open_projector()
        projector.resize(1280, 720)
        QApplication.processEvents()
        # The projector shares the scene: the same key, drawn at a size the room reads.
        assert projector.view.transform().m11() * key.px >= MIN_SCREEN_TEXT_PX
        QTest.keyClick(page.view, Qt.Key_Escape)
        assert not page.presentation.active
        QApplication.processEvents()
        # Out of presentation mode the projector keeps the laptop's type: wherever it shows the piles'
        # initials, the key is as large as they are.
        scale = projector.view.transform().m11()
        assert key.show_px * scale >= MIN_SCREEN_TEXT_PX  # the initials show on the projector
        assert key.px >= key.show_px and key.isVisible()
        assert set(dict(key.entries)) == initials_on_piles(page)
    finally:
        page.presentation.close_projector()
        close_page(page, wf)


def test_the_key_comes_with_the_first_named_pile_and_goes_with_the_last(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path, size=(1280, 720))
    try:
        QTest.keyClick(page.view, Qt.Key_F5)
        page.setWindowState(Qt.WindowNoState)
        page.resize(1280, 720)
        QApplication.processEvents()
        key = page.scene.namers_key
        bare = page.scene.sceneRect()
        assert not key.isVisible()  # no pile: no key, and the wall keeps its size
        for pid, org in (("pa", "Mesa County Regional Hospital"), ("pb", "Grand Valley Community College")):
            controller.run(AddParticipant(SID, name=f"Person {pid}", organization=org, participant_id=pid))
        controller.run(EditCard(SID, "k1", author_id="pa"))
        controller.run(EditCard(SID, "k2", author_id="pb"))
        controller.run(StackCards(SID, ["k2"], onto="k1"))
        QApplication.processEvents()
        assert dict(key.entries) == {"MCRH": "Mesa County Regional Hospital", "GVCC": "Grand Valley Community College"}
        assert key_problems(page) == []
        controller.run(UnstackCard(SID, "k2"))
        QApplication.processEvents()
        assert not key.isVisible() and key.entries == []
        assert page.scene.sceneRect() == bare
    finally:
        close_page(page, wf)


def test_cardwall_picture_draws_the_key_where_ocr_reads_it(tmp_path, demo_path):
    out = tmp_path / "wall.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "ui.cli", "picture", str(demo_path), "--size", "1280x720", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    from PySide6.QtGui import QImage

    image = QImage(str(out)).convertToFormat(QImage.Format_Grayscale8)
    image = image.scaled(image.width() * 2, image.height() * 2, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    grey = tmp_path / "grey.png"
    image.save(str(grey))
    read = subprocess.run(["tesseract", str(grey), "stdout"], capture_output=True, text=True, check=True).stdout
    words = set(re.findall(r"\w+", read))
    assert {"Named", "Uncompahgre", "Palisade"} <= words, read
