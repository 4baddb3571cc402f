"""The recent workspaces: kept in the settings, offered in File > Open recent and on the welcome page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

RECENT_MAX = 8


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent", []) or []
    return [value] if isinstance(value, str) else list(value)


def remember(settings: QSettings, path: Path) -> None:
    recent = [p for p in recent_files(settings) if p != str(path.resolve())]
    settings.setValue("recent", [str(path.resolve()), *recent][:RECENT_MAX])


def fill_recent_menu(menu: QMenu, settings: QSettings, open_workspace) -> None:
    menu.clear()
    for name in recent_files(settings):
        action = menu.addAction(name)
        action.triggered.connect(lambda _=False, n=name: open_workspace(Path(n)))
    if not menu.actions():
        menu.addAction("(none yet)").setEnabled(False)
