"""`cardwall import`: a file from elsewhere becomes part of a workspace, through the same commands."""

from __future__ import annotations

import copy
import datetime as _dt
import re
from pathlib import Path

from cardwall.commands import (
    AddCard,
    AddCategory,
    AddPanel,
    AddParticipant,
    AddSession,
    Batch,
    Command,
    DomainError,
    StackCards,
)
from cardwall.interchange import ImportSession
from cardwall.model import Session, Workspace
from cardwall.templates import group_rows, strawman_command
from exporters.onet_import import read_onet_tasks
from exporters.session_json import read_session_json
from exporters.table_import import (
    ImportReport,
    TableError,
    read_cards_table,
    read_task_table,
    table_kind,
)
from storage.workspace import WorkspaceFile
from ui.errors import UserError

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls")


def import_file(workspace: Path, file: Path, *, session: str | None = None) -> str:
    """Import `file` into `workspace` (created if missing); returns a one-line report."""
    if not file.exists():
        raise UserError(f"{file} does not exist.")
    suffix = file.suffix.lower()
    if suffix == ".json":
        data = read_session_json(file)
        with _open_for_import(workspace) as wf:
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
            f"{len(s.panels)} panels) as session {s.id}." + (f"\n{wf.backup_problem}" if wf.backup_problem else "")
        )
    if suffix in TABLE_SUFFIXES:
        return _import_table(workspace, file, session)
    raise UserError(f"{file.name}: Cardwall imports session .json files, and cards or task lists as .csv/.xlsx.")


# --- tables: task lists and O*NET into a panel, cards onto a wall ---------------------------


def task_list_command(session: Session, panel_id: str, path: Path) -> tuple[Command, ImportReport]:
    """A function/task table as one undo step into a panel's matrix."""
    rows, report = read_task_table(path)
    if not rows:
        raise TableError(f"{path.name}: no row has a task to add.\n" + report.text())
    functions = group_rows((r.function, r.task) for r in rows)
    command = strawman_command(session, panel_id, functions, source="import", label=f"Import tasks from {path.name}")
    return command, report


def onet_command(session: Session, panel_id: str, path: Path) -> tuple[Command, ImportReport]:
    """O*NET's tasks for the panel's SOC code, into "unassigned" to be sorted in the room."""
    panel = session.panels.get(panel_id)
    if panel is None:
        raise DomainError("That skill panel does not exist (any more).")
    if not panel.soc_code:
        raise DomainError(f"{panel.occupation} has no SOC code yet: set one to pick its O*NET tasks.")
    found, report = read_onet_tasks(path, panel.soc_code)
    if not found.tasks:
        raise TableError(f"{path.name}: every row for SOC {panel.soc_code} was skipped.\n" + report.text())
    report.notes.insert(0, f"  O*NET {found.soc_code} {found.title}: tasks go to Unassigned, to be sorted.")
    command = strawman_command(
        session, panel.id, [("", tuple(t.task for t in found.tasks))], source="onet", label="Import O*NET tasks"
    )
    return command, report


def cards_command(session: Session, path: Path) -> tuple[Command, ImportReport]:
    """A cards table as one undo step onto a wall: categories made as needed, cards in their cells."""
    rows, report = read_cards_table(path)
    if not rows:
        raise TableError(f"{path.name}: no row has card text.\n" + report.text())
    commands: list[Command] = []
    numbers: list[int] = []  # the file's row of each command, to name it if the domain refuses one
    added: dict[str, str] = {}  # the file's card id -> the new card's id, for the piles
    categories = {c.title.casefold(): c.id for c in session.categories.values()}
    people = {}
    for p in session.ordered_participants():
        for key in (p.name, p.organization):
            if key:
                people.setdefault(key.casefold(), p.id)
    for row in rows:
        category_id = level_id = None
        if row.category:
            category_id = categories.get(row.category.casefold())
            if category_id is None:
                add = AddCategory(session.id, row.category)
                commands.append(add)
                numbers.append(row.row)
                category_id = categories[row.category.casefold()] = add.category_id
        if row.level:
            level = session.level_by_name(row.level)
            if level is None:
                report.notes.append(f"  row {row.row}: level {row.level!r} is not on this wall; card left unlevelled")
            else:
                level_id = level.id
        if category_id and level_id is None and row.kind == "occupation":
            report.notes.append(f"  row {row.row}: no level; the card waits in the unsorted tray")
            category_id = None
        if category_id is None:
            level_id = None
        author_id = people.get(row.author.casefold()) if row.author else None
        if row.author and author_id is None:  # as in the capture bar: a new name joins the participants
            add = AddParticipant(session.id, name=row.author)
            commands.append(add)
            numbers.append(row.row)
            author_id = people[row.author.casefold()] = add.participant_id
            report.notes.append(f"  row {row.row}: {row.author!r} added to the participants")
        add = AddCard(
            session.id,
            row.text,
            kind=row.kind,
            category_id=category_id,
            level_id=level_id,
            author_id=author_id,
            reasons=row.reasons,
            soc_code=row.soc_code,
            notes=row.notes,
            round=row.round,
            soc_title=row.soc_title,
            education=row.education,
            credentials=row.credentials,
            description=row.description,
            tools=row.tools,
            prompt=row.prompt,
        )
        commands.append(add)
        numbers.append(row.row)
        if row.key:
            added[row.key] = add.card_id
    for row in rows:  # piles last, in the file's order, so each pile keeps its order
        if row.stack and row.key in added:
            if row.stack in added:
                commands.append(StackCards(session.id, [added[row.key]], added[row.stack]))
                numbers.append(row.row)
            else:
                report.notes.append(f"  row {row.row}: piled on {row.stack!r}, which is not in the file; left alone")
    _refused_row(session, commands, numbers, path)
    return Batch(f"Import cards from {path.name}", commands), report


def _refused_row(session: Session, commands: list[Command], numbers: list[int], path: Path) -> None:
    """Try the commands on a copy of the session: a refusal names the row it came from, and nothing is applied."""
    scratch = Workspace(sessions={session.id: copy.deepcopy(session)})
    for command, number in zip(commands, numbers, strict=True):
        try:
            copy.deepcopy(command).apply(scratch)  # a copy: the real command plans afresh on the real workspace
        except DomainError as exc:
            raise TableError(f"{path.name}: row {number}: {exc}") from None


def _import_table(workspace: Path, file: Path, wanted: str | None) -> str:
    try:
        kind = table_kind(file)
        with _open_for_import(workspace) as wf:
            made = _make_a_home(wf, kind, file, wanted)  # a first import into a bare workspace
            try:
                if kind == "cards":
                    session = _table_session(wf.ws, wanted if not made else None, "critical-occupations")
                    command, report = cards_command(session, file)
                    where = f"session {session.id} ({session.info.title})"
                else:
                    session, panel = _table_panel(wf.ws, wanted if not made else None, file if kind == "onet" else None)
                    make = onet_command if kind == "onet" else task_list_command
                    command, report = make(session, panel.id, file)
                    where = f"the {panel.occupation} panel of session {session.id}"
                wf.execute(command)
            except BaseException:
                for step in reversed(made):  # nothing of a refused import stays, the new session neither
                    wf.undo(step)
                raise
    except (TableError, DomainError) as exc:
        raise UserError(_one_line(file, str(exc))) from None
    return "\n".join([*report.lines(), f"Added to {where} as one step.", *filter(None, [wf.backup_problem])])


def _open_for_import(workspace: Path) -> WorkspaceFile:
    """The workspace, writable, with a backup of it as it was just before the import (if it existed)."""
    existed = workspace.exists()
    wf = WorkspaceFile.open(workspace, backup=False)
    try:
        _refuse_if_readonly(wf)
    except BaseException:
        wf.close()
        raise
    if existed:
        wf.keep_backup("import")  # a failed backup is reported with the import's result, never in its way
    return wf


def _make_a_home(wf: WorkspaceFile, kind: str, file: Path, wanted: str | None) -> list[Command]:
    """Where a table has nowhere to go yet, make it a place: a new wall, or a new panel for a task list.

    Cards into a workspace with no critical-occupations session get a new one; a task list into a
    workspace with no skill panel gets a new skill-panel session whose panel is named by --session
    (the occupation) or the file. Returns the commands run, so a refused import can take them back.
    """
    today = _dt.date.today().isoformat()
    sessions = wf.ws.sessions.values()
    made: list[Command] = []
    if kind == "cards" and not any(s.info.kind == "critical-occupations" for s in sessions):
        made.append(AddSession(kind="critical-occupations", title=f"Cards from {file.name}", date=today))
    elif kind == "tasks" and not any(s.panels for s in sessions if s.info.kind == "skill-panel"):
        occupation = wanted or file.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Occupation"
        add = AddSession(kind="skill-panel", title=f"Skill panel: {occupation}", date=today)
        made += [add, AddPanel(add.session_id, occupation=occupation)]
    for command in made:
        wf.execute(command)
    return made


def _one_line(file: Path, message: str) -> str:
    """A refusal as one line naming the file: the reason, then the first skipped row's own reason."""
    first, *rest = message.splitlines() or [""]
    if not first.startswith(file.name):
        first = f"{file.name}: {first}"
    rows = [line.strip() for line in rest if line.strip().startswith("row ")]
    unlisted = sum(int(n) for n in re.findall(r"… and (\d+) more skipped rows", message))
    if rows:
        others = len(rows) - 1 + unlisted
        more = f"; {others} more rows skipped" if others else ""
        first = f"{first.rstrip('.')} ({rows[0]}{more})."
    return first


def _table_session(ws, wanted: str | None, kind: str):
    sessions = [s for s in ws.ordered_sessions() if s.info.kind == kind]
    if wanted:
        found = [s for s in sessions if wanted in (s.id, s.info.title) or s.info.title.casefold() == wanted.casefold()]
        if len(found) == 1:
            return found[0]
    elif sessions:
        return sessions[-1]
    listing = "; ".join(f"{s.id} ({s.info.title})" for s in sessions) or "none yet; create one in the app first"
    what = "critical-occupations" if kind == "critical-occupations" else "skill-panel"
    raise UserError(f"Name the {what} session to add to with --session. {what.capitalize()} sessions: {listing}.")


def _table_panel(ws, wanted: str | None, onet_file: Path | None):
    """The skill panel a task list goes to: named by --session (a session, a panel id or an occupation)."""
    candidates = []
    for s in ws.ordered_sessions():
        if s.info.kind != "skill-panel":
            continue
        for p in s.ordered_panels():
            if (
                not wanted
                or wanted in (s.id, p.id)
                or wanted.casefold() in (s.info.title.casefold(), p.occupation.casefold())
            ):
                candidates.append((s, p))
    if wanted is None and candidates:
        latest = candidates[-1][0].id
        candidates = [(s, p) for s, p in candidates if s.id == latest]
    if len(candidates) > 1 and onet_file is not None:
        # Of several panels, the ones the O*NET file has tasks for.
        fitting = []
        for s, p in candidates:
            try:
                if p.soc_code and read_onet_tasks(onet_file, p.soc_code)[0].tasks:
                    fitting.append((s, p))
            except TableError:
                continue
        candidates = fitting or candidates
    if len(candidates) == 1:
        return candidates[0]
    panels = [
        f"{p.id} ({p.occupation})"
        for s in ws.ordered_sessions()
        if s.info.kind == "skill-panel"
        for p in s.ordered_panels()
    ]
    if not panels:
        raise UserError(
            "This workspace has no skill panel yet: add a skill-panel session and a panel in the app first."
        )
    raise UserError(
        "Name the panel to add the tasks to with --session (a panel id or occupation). Panels: "
        + "; ".join(panels)
        + "."
    )


def _refuse_if_readonly(wf: WorkspaceFile) -> None:
    if wf.readonly:
        raise UserError(wf.notice or f"{wf.path} is read-only.")
