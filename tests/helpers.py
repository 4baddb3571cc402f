"""Helpers shared by tests of every layer."""

from __future__ import annotations

from pathlib import Path

from storage.workspace import WorkspaceFile


def reopen(path: Path):
    """The workspace as the file has it: what a user gets after quitting and reopening."""
    with WorkspaceFile.open(path, readonly=True, create=False) as again:
        return again.ws
