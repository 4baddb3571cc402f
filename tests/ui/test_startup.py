"""The first window does only what it shows: the demo's start, docks behind a tab, what it imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from cardwall.commands import AddNextStep, AddParticipant
from storage.backups import list_backups
from storage.demo import build_demo
from tests.helpers import reopen
from ui.main_window import MainWindow
from ui.rows_when_seen import on_screen
from ui.wall.next_steps_dock import NextStepsDock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_window(qtbot, tmp_path):
    """`cardwall demo` as the app opens it: a fresh copy, the window on its wall, painted."""
    path = build_demo(tmp_path / "Demo partnership.cardwall")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()  # then the file, in the order ui/app.py's run_app takes
    window.open_workspace(path, demo=True)
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the docks' tab groups are arranged once the event loop has come round
    yield window, path
    window.close_workspace()


def click_tab(qtbot, window, title: str) -> None:
    """Click a dock's tab, as a facilitator brings a dock to the front."""
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i).replace("&", "") == title and bar.isVisible():
                qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(i).center())
                return
    raise AssertionError(f"no tab {title!r}")


def test_the_demo_copy_is_not_backed_up_on_open(demo_window):
    window, path = demo_window
    assert window.is_demo and window.wf.path == path
    # Built afresh at every `cardwall demo`: a backup folder per start protected nothing.
    assert list_backups(path) == []
    # The window's own connection saves every command durably, as for any workspace.
    assert window.wf.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert reopen(path).sessions.keys() == window.wf.ws.sessions.keys()


def test_participants_fill_when_their_tab_is_first_clicked_and_follow_changes_made_meanwhile(qtbot, demo_window):
    window, path = demo_window
    sid = window.session_id
    dock = window.participants
    assert not on_screen(dock)  # behind the Sessions tab
    assert dock._table.rowCount() == 0  # so its rows (a combo box each) were not built for the first window

    click_tab(qtbot, window, "Participants")
    qtbot.waitUntil(lambda: on_screen(dock))
    people = window.wf.ws.sessions[sid].ordered_participants()
    assert dock._table.rowCount() == len(people) > 0
    assert [dock._table.item(r, 0).text() for r in range(len(people))] == [p.name for p in people]

    # A participant added while the dock is behind its tab (a phone joining) is there when it comes back.
    click_tab(qtbot, window, "Sessions")
    qtbot.waitUntil(lambda: not on_screen(dock))
    assert window.controller.run(AddParticipant(sid, name="Zoë Nguyễn", organization="Delta Tool"))
    click_tab(qtbot, window, "Participants")
    qtbot.waitUntil(lambda: on_screen(dock))
    assert dock._table.rowCount() == len(people) + 1
    assert dock._table.item(len(people), 0).text() == "Zoë Nguyễn"
    assert reopen(path).sessions[sid].participants.keys() == window.wf.ws.sessions[sid].participants.keys()


def test_next_steps_fill_when_their_tab_is_first_clicked(qtbot, demo_window):
    window, _path = demo_window
    sid = window.session_id
    dock = next(d for d in window.page_docks if isinstance(d, NextStepsDock))
    assert not on_screen(dock) and dock._table.rowCount() == 0  # behind the Script tab

    assert window.controller.run(AddNextStep(sid, text="Call the college about a CNC cohort"))
    assert dock._table.rowCount() == 0  # still out of sight: nothing built yet
    click_tab(qtbot, window, "Next steps")
    qtbot.waitUntil(lambda: on_screen(dock))
    steps = window.wf.ws.sessions[sid].ordered_next_steps()
    assert [dock._table.item(r, 0).text() for r in range(dock._table.rowCount())] == [s.text for s in steps]
    assert steps[-1].text == "Call the college about a CNC cohort"


def _first_window_modules(tmp_path: Path) -> set[str]:
    """The modules loaded once the demo's first window has painted, in a fresh process."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from storage.demo import build_demo
        from ui.app import make_app
        app = make_app()
        from ui.main_window import MainWindow
        window = MainWindow()
        window.open_workspace(build_demo(Path({str(tmp_path / "demo.cardwall")!r})), demo=True)
        window.show()
        for _ in range(20):
            app.processEvents()
        print(json.dumps(sorted(sys.modules)))
        window.close_workspace()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_first_window_leaves_the_soc_matcher_labor_data_and_unused_commands_unloaded(tmp_path):
    loaded = _first_window_modules(tmp_path)
    assert "ui.wall.page" in loaded and "cardwall.commands.wall" in loaded  # it did open the wall
    unused = {
        "cardwall.soc",  # the SOC matcher: when a card asks for suggestions
        "storage.labor",  # the bundled OEWS tables
        "ui.data.loader",
        "storage.figures",  # the exports' labor figures
        "cardwall.commands.labor",  # importing a partnership's own figures
        "cardwall.commands.meetings",  # carrying a panel into a later meeting
    }
    assert unused & loaded == set()


def test_every_command_name_resolves_to_its_module_and_loads_only_that_module():
    import importlib

    import cardwall.commands as commands
    from cardwall.commands.base import Command

    for name in commands.__all__:
        module = importlib.import_module(f"cardwall.commands.{commands._WHERE[name]}")
        assert getattr(commands, name) is getattr(module, name)
    # Every command class of every module is listed (a new one cannot be left out of the package's names);
    # base.py holds the classes commands are made from, and the package names the ones callers use.
    for path in (ROOT / "cardwall" / "commands").glob("*.py"):
        if path.stem in ("__init__", "base"):
            continue
        module = importlib.import_module(f"cardwall.commands.{path.stem}")
        for name, value in vars(module).items():
            ours = isinstance(value, type) and value.__module__ == module.__name__ and not name.startswith("_")
            if ours and issubclass(value, Command):
                assert name in commands._WHERE, f"{path.stem}.{name} is missing from cardwall.commands"
    with pytest.raises(AttributeError):
        commands.NoSuchCommand  # noqa: B018

    code = (
        "import sys; from cardwall.commands import AddCard, DomainError; "
        "print(sorted(m for m in sys.modules if m.startswith('cardwall.commands.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['cardwall.commands.base', 'cardwall.commands.wall']"
