"""Shared fixtures: every test runs offscreen, with backups and settings in a temp folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="cardwall-tests-"))
os.environ["CARDWALL_BACKUP_DIR"] = str(_TMP / "backups")
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")
os.environ["XDG_DATA_HOME"] = str(_TMP / "data")

import pytest  # noqa: E402

from storage.demo import build_demo  # noqa: E402
from storage.workspace import WorkspaceFile  # noqa: E402


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "partnership.cardwall"


@pytest.fixture
def wf(workspace_path: Path):
    opened = WorkspaceFile.open(workspace_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """The demo's employer sessions: the wall and the skill panels (the latest is the panels)."""
    return build_demo(tmp_path / "demo.cardwall", later=False)


@pytest.fixture
def journey_path(tmp_path: Path) -> Path:
    """The whole demo: the wall, the panels, then the asset map and the action plan built on them."""
    return build_demo(tmp_path / "journey.cardwall")


@pytest.fixture
def journey(journey_path: Path):
    opened = WorkspaceFile.open(journey_path)
    yield opened
    opened.close()


@pytest.fixture
def demo(demo_path: Path):
    opened = WorkspaceFile.open(demo_path)
    yield opened
    opened.close()
