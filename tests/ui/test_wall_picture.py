"""The presentation picture is what presentation mode shows: the same pixels, from one code path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.wall_helpers import close_page, open_page
from ui.wall.picture import render_presentation_png


def same_share(a: QImage, b: QImage) -> float:
    a = a.convertToFormat(QImage.Format_RGB32)
    b = b.convertToFormat(QImage.Format_RGB32)
    assert a.size() == b.size()
    step, same, total = 3, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            total += 1
            same += a.pixel(x, y) == b.pixel(x, y)
    return same / total


def test_picture_matches_presentation_mode_on_that_screen(qtbot, demo_path):
    wf, _controller, page = open_page(qtbot, demo_path, size=(1280, 720))
    try:
        page.set_min_type_size(12)  # the default setting, as the app applies it at start
        QTest.keyClick(page.view, Qt.Key_F5)
        assert page.presentation.active
        QApplication.processEvents()
        view = page.view
        shown = view.grab().toImage()
        size = (view.width(), view.height())
        picture = QImage.fromData(render_presentation_png(wf.ws, page.session_id, size=size))
        assert (picture.width(), picture.height()) == size
        assert same_share(shown, picture) > 0.99
        QTest.keyClick(view, Qt.Key_Escape)
        assert not page.presentation.active
        # Out of presentation mode the laptop's type is smaller: the picture is not that view.
        assert same_share(view.grab().toImage().scaled(*size), picture) < 0.99
    finally:
        close_page(page, wf)
