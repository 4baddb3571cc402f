"""Without --session, `picture`, `room` and `export` pick what a user expects in a workspace whose latest
session is an action plan (the demo's whole journey), and say what they chose; `picture` of an asset map
or an action plan draws that session's own layout. Run as processes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from tests.cli.test_cli import assert_user_error, cardwall
from tests.cli.test_import_inventory import INVENTORY
from tests.cli.test_picture import png_size
from tests.helpers import reopen
from tests.room.conftest import RoomProcess


def _sessions(path) -> dict[str, object]:
    """kind -> the latest session of that kind"""
    return {s.info.kind: s for s in reopen(path).ordered_sessions()}


def _share_of(png: bytes, colour: str) -> float:
    """The share of the picture's pixels within a few steps of `colour`."""
    image = QImage.fromData(png)
    want = QColor(colour)
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            hits += abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) <= 12
    return hits / total


PROGRAM = "#a9d8f2"  # ui/wall/style.py: a program card's colour
HIGH_HIGH = "#dcefdc"  # ui/actions/grid.py: the high impact, high feasibility quadrant


def test_picture_without_session_draws_the_employers_wall_not_the_latest_action_plan(journey_path, tmp_path):
    sessions = _sessions(journey_path)
    assert reopen(journey_path).latest_session().info.kind == "action-plan"
    chosen, named = tmp_path / "chosen.png", tmp_path / "named.png"
    result = cardwall("picture", journey_path, "--out", chosen)
    assert result.returncode == 0, result.stderr
    wall = sessions["critical-occupations"]
    assert f"the wall of {wall.info.title!r} (session {wall.id}, the latest wall with cards" in result.stdout
    assert cardwall("picture", journey_path, "--out", named, "--session", wall.id).returncode == 0
    assert chosen.read_bytes() == named.read_bytes()


def test_picture_of_an_asset_map_and_of_an_action_plan_draws_their_own_layouts(journey_path, tmp_path):
    sessions = _sessions(journey_path)
    pictures = {}
    for kind, words in (("asset-map", "the asset map of"), ("action-plan", "the action plan's grid of")):
        out = tmp_path / f"{kind}.png"
        result = cardwall("picture", journey_path, "--out", out, "--session", sessions[kind].id, "--size", "1280x720")
        assert result.returncode == 0, result.stderr
        assert words in result.stdout
        pictures[kind] = out.read_bytes()
        assert png_size(pictures[kind]) == (1280, 720)
    wall = tmp_path / "wall.png"
    assert cardwall("picture", journey_path, "--out", wall, "--size", "1280x720").returncode == 0
    assert _share_of(pictures["asset-map"], PROGRAM) > 0.05  # program cards fill the map
    assert _share_of(wall.read_bytes(), PROGRAM) < 0.001  # and are nowhere on the employers' wall
    # the grid's quadrants, not a wall (its cards fill most of their quadrants: the tint shows round them)
    assert _share_of(pictures["action-plan"], HIGH_HIGH) > 0.01
    assert _share_of(pictures["asset-map"], HIGH_HIGH) < 0.001

    panel = sessions["skill-panel"]
    assert_user_error(cardwall("picture", journey_path, "--out", wall, "--session", panel.id), "no wall to draw")


def test_picture_of_a_workspace_with_only_an_asset_map_draws_it_and_says_so(tmp_path):
    source = tmp_path / "inventory.csv"
    source.write_text(INVENTORY, encoding="utf-8")
    path = tmp_path / "map.cardwall"
    assert cardwall("import", path, source).returncode == 0
    result = cardwall("picture", path, "--out", tmp_path / "map.png")
    assert result.returncode == 0, result.stderr
    assert "the asset map of 'Asset map from inventory.csv'" in result.stdout and "no wall" in result.stdout


def test_export_without_session_says_which_session_it_wrote(journey_path, tmp_path):
    plan = _sessions(journey_path)["action-plan"]
    result = cardwall("export", journey_path, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert f"of {plan.info.title!r} (session {plan.id}, the latest by date; --session ID or --all" in result.stdout
    assert (tmp_path / "out" / "action-plan.csv").exists()


def test_room_without_session_joins_the_latest_wall_or_panel_and_refuses_the_later_sessions(journey_path, tmp_path):
    sessions = _sessions(journey_path)
    room = RoomProcess(journey_path, state=tmp_path / "state")
    try:
        token = room.served.join("Dana Reyes")
        _, state = room.served.api("GET", "state", token=token)
        assert state["session"]["id"] == sessions["skill-panel"].id
    finally:
        assert room.terminate() == 0
    said = room.proc.stderr.read()
    assert f"Room on {sessions['skill-panel'].info.title!r} (session {sessions['skill-panel'].id})" in said
    for kind in ("asset-map", "action-plan"):
        result = cardwall("room", journey_path, "--session", sessions[kind].id, "--port", "0")
        assert_user_error(result, f"is an {kind} session: the room's devices join a wall")
