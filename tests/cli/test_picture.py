"""`cardwall picture`: the wall as presentation mode shows it, drawn by a process with no window."""

from __future__ import annotations

import struct

from cardwall.commands import AddSession
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import assert_user_error, cardwall


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_picture_is_the_screen_size_asked_default_full_hd(demo_path, tmp_path):
    out = tmp_path / "wall.png"
    result = cardwall("picture", demo_path, "--out", out, "--size", "1280x720", env={"QT_QPA_PLATFORM": ""})
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (1280, 720)
    assert "Critical occupations" in result.stdout

    result = cardwall("picture", demo_path, "--out", out)
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (1920, 1080)


def test_picture_of_a_named_session_and_refusals(demo_path, tmp_path):
    out = tmp_path / "wall.png"
    with WorkspaceFile.open(demo_path, backup=False) as wf:
        wall = next(s for s in wf.ws.sessions.values() if s.info.kind == "critical-occupations")
        panel = next(s for s in wf.ws.sessions.values() if s.info.kind == "skill-panel")
        wf.execute(AddSession(kind="critical-occupations", title="Empty wall", date="2000-01-01"))
    assert cardwall("picture", demo_path, "--out", out, "--session", wall.id, "--size", "800x600").returncode == 0
    assert png_size(out.read_bytes()) == (800, 600)
    assert_user_error(cardwall("picture", demo_path, "--out", out, "--session", panel.id), "no wall")
    assert_user_error(cardwall("picture", tmp_path / "missing.cardwall", "--out", out), "does not exist")
    assert_user_error(cardwall("picture", demo_path, "--out", tmp_path / "no" / "such" / "x.png"), "Cannot write")
    for bad in ("1280", "x720", "10x10", "1280x720x3"):
        result = cardwall("picture", demo_path, "--out", out, "--size", bad)
        assert result.returncode == 2 and "screen size" in result.stderr
