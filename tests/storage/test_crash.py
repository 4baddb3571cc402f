"""kill -9 in the middle of a session loses nothing that was acknowledged, and the file stays sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.crash import kill_round
from storage.demo import build_demo
from storage.workspace import WorkspaceFile


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("crash") / "template.cardwall")


@pytest.mark.parametrize("seed", range(4))
def test_kill_9_mid_session_loses_no_acknowledged_command(template, tmp_path, seed):
    reported, ok = kill_round(template, tmp_path, seed, after=40 + 150 * seed)
    assert reported > 0, "the child should have committed something before the kill"
    assert ok, f"round {seed}: the file does not hold exactly the {reported} acknowledged commands"


def test_the_killed_file_opens_for_writing_again(template, tmp_path):
    kill_round(template, tmp_path, 99, after=30)
    path = tmp_path / "round-99.cardwall"
    with WorkspaceFile.open(path) as wf:
        assert not wf.readonly  # the dead process's lock went with it
