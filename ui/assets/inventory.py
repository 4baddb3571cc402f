"""A program inventory (CSV/XLSX, seed 001 step 7) into an asset map: one way in for the asset map's menu and
`cardwall import`. No Qt: the command line imports it without opening a window."""

from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path

from cardwall.commands import AddProgram, AddSession, Batch, DomainError, import_programs
from cardwall.model import Session, Workspace
from exporters.program_import import ProgramRow, read_program_table
from exporters.table_import import ImportReport, TableError
from ui.errors import UserError


def inventory_command(ws: Workspace, session_id: str, path: Path) -> tuple[Batch, ImportReport]:
    """The inventory's programs as one undo step; a row the domain refuses is named, and nothing is applied."""
    rows, report = read_program_table(path)
    command = import_programs(ws, session_id, [_item(r) for r in rows])
    scratch = Workspace(sessions={session_id: copy.deepcopy(ws.sessions[session_id])})
    for row in rows:  # a copy, row by row: the refusal names the row it came from
        try:
            import_programs(scratch, session_id, [_item(row)]).apply(scratch)
        except DomainError as exc:
            raise TableError(f"{Path(path).name}: row {row.row}: {exc}") from None
    return command, report


def _item(row: ProgramRow) -> tuple:
    return row.program, row.family, row.level, row.details


def import_inventory(workspace: Path, file: Path, wanted: str | None) -> str:
    """`cardwall import WORKSPACE INVENTORY`: into the asset map named by --session, else the latest one,
    else a new asset map (a workspace created if missing). Returns what was done, for the terminal."""
    from ui.importing import _one_line, _open_for_import  # the backup before an import, the one-line refusal

    try:
        read_program_table(file)  # a file that is no inventory is refused before the workspace is touched
        with _open_for_import(workspace) as wf:
            session = asset_map_to_fill(wf.ws, wanted)
            made = []
            if session is None:
                title = f"Asset map from {file.name}"
                made.append(AddSession(kind="asset-map", title=title, date=_dt.date.today().isoformat()))
                wf.execute(made[0])
                session = wf.ws.sessions[made[0].session_id]
            try:
                command, report = inventory_command(wf.ws, session.id, file)
                wf.execute(command)
            except BaseException:
                for step in reversed(made):  # nothing of a refused import stays, the new session neither
                    wf.undo(step)
                raise
            which = "a new asset map" if made else "the asset map"
            where = f"{which}, session {session.id} ({session.info.title}),"
            added = sum(isinstance(c, AddProgram) for c in command.commands)
            backup = wf.backup_problem
    except (TableError, DomainError) as exc:
        raise UserError(_one_line(file, str(exc))) from None
    done = f"Added {added} program{'s' if added != 1 else ''} to {where} as one step."
    return "\n".join([*report.lines(), done, *filter(None, [backup])])


def asset_map_to_fill(ws: Workspace, wanted: str | None) -> Session | None:
    """The asset map an inventory goes to: the session named (id or title), else the latest asset map."""
    maps = [s for s in ws.ordered_sessions() if s.info.kind == "asset-map"]
    if not wanted:
        return maps[-1] if maps else None
    from ui.cli import _find_session

    named = _find_session(ws, wanted)
    if named is not None and named.info.kind == "asset-map":
        return named
    listing = "; ".join(f"{s.id} ({s.info.title})" for s in maps) or "none yet (leave out --session to make one)"
    what = f"{wanted!r} is a {named.info.kind} session" if named is not None else f"No session {wanted!r}"
    raise UserError(f"{what}: a program inventory goes into an asset map. Asset maps: {listing}.")
