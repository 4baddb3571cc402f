"""The Room menu on an asset map or an action plan says why it does not open (as `cardwall room` refuses)."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_the_room_does_not_open_on_an_asset_map_or_an_action_plan(qtbot, journey_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    assert window.open_workspace(journey_path)
    for kind in ("asset-map", "action-plan"):
        session = next(s.id for s in window.controller.ws.ordered_sessions() if s.info.kind == kind)
        window.show_session(session)
        window.room_menu.aboutToShow.emit()  # what opening the menu does: its items follow the session in front
        window.room_actions["open"].trigger()  # refused before any dialog asks for the network
        assert not window.room.is_open
        assert "join a wall (cards) or a skill panel" in window.statusBar().currentMessage()
    window.close()
