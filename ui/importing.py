"""`cardwall import`: a file from elsewhere becomes part of a workspace, through the same commands."""

from __future__ import annotations

from pathlib import Path

from cardwall.interchange import ImportSession
from exporters.session_json import read_session_json
from storage.workspace import WorkspaceFile


def import_file(workspace: Path, file: Path, *, session: str | None = None) -> str:
    """Import `file` into `workspace` (created if missing); returns a one-line report."""
    from ui.cli import UserError

    if not file.exists():
        raise UserError(f"{file} does not exist.")
    suffix = file.suffix.lower()
    if suffix == ".json":
        data = read_session_json(file)
        with WorkspaceFile.open(workspace) as wf:
            _refuse_if_readonly(wf)
            command = ImportSession(data)
            try:
                wf.execute(command)
            except Exception as exc:
                if type(exc).__name__ in ("FormatError", "DomainError"):
                    raise type(exc)(f"{file.name}: {exc}") from None
                raise
            s = wf.ws.sessions[command.session_id]
        return (
            f"Imported {s.info.title!r} ({len(s.participants)} participants, {len(s.cards)} cards, "
            f"{len(s.panels)} panels) as session {s.id}."
        )
    raise UserError(f"{file.name}: Cardwall imports session .json files, and cards or task lists as .csv/.xlsx.")


def _refuse_if_readonly(wf: WorkspaceFile) -> None:
    from ui.cli import UserError

    if wf.readonly:
        raise UserError(wf.notice or f"{wf.path} is read-only.")
