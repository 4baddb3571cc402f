"""The main window fits the screen it opens on and comes back where it was."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QScreen

from ui.main_window import MainWindow
from ui.window_geometry import KEY


def test_a_small_screen_opens_maximised_and_the_next_start_restores_the_size(qtbot, monkeypatch):
    QSettings("Cardwall", "Cardwall").remove(KEY)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1280, 720))
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.windowState() & Qt.WindowMaximized
    assert first.width() <= 1280 and first.height() <= 720
    first.show()
    first.showNormal()
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.close()  # as the user quits

    monkeypatch.undo()  # the saved size wins over the default (within the test screen, 800x800)
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    assert not again.windowState() & Qt.WindowMaximized
    again.close()
    QSettings("Cardwall", "Cardwall").remove(KEY)


def test_a_large_screen_opens_at_the_default_size(qtbot, monkeypatch):
    QSettings("Cardwall", "Cardwall").remove(KEY)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1920, 1080))
    window = MainWindow()
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1400, 860)
    assert not window.windowState() & Qt.WindowMaximized
