"""O*NET's "Task Statements" file: the tasks O*NET lists for one occupation, as a panel's starting list.

Read like the other tables people bring (exporters.table_import): the rows it could use, a report of what it
skipped and why, or one `TableError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporters.table_import import MAX_TASK, ImportReport, soc_key
from exporters.table_reader import TableError, clean_cell, read_wanted


@dataclass(frozen=True)
class OnetTask:
    row: int
    task: str
    task_id: str = ""
    task_type: str = ""  # "Core", "Supplemental" or ""


@dataclass(frozen=True)
class OnetTasks:
    soc_code: str  # as the file has it, e.g. "51-4111.00"
    title: str
    tasks: list[OnetTask]


def read_onet_tasks(path: Path, soc_code: str) -> tuple[OnetTasks, ImportReport]:
    """The tasks O*NET lists for one occupation, from its "Task Statements" file.

    `soc_code` "51-4111" takes every O*NET occupation under that SOC code
    (51-4111.00 and any .01, .02...); "51-4111.00" takes just that one.
    Rows of other occupations are counted in the report, not listed.
    """
    path = Path(path)
    wanted = soc_key(soc_code)
    if wanted is None:
        raise TableError(f"{soc_code!r} is not a SOC code like 51-4111 (the panel needs one to pick O*NET tasks).")
    table = read_wanted(path, sep="\t" if path.suffix.lower() == ".txt" else None, wanted={"onetsoccode", "task"})
    code_col = table.column(("O*NET-SOC Code", "ONET-SOC Code", "SOC Code"), what="O*NET-SOC Code")
    task_col = table.column(("Task",), what="Task")
    title_col = table.column(("Title",), what="Title", required=False)
    id_col = table.column(("Task ID",), what="Task ID", required=False)
    type_col = table.column(("Task Type",), what="Task Type", required=False)
    table.require_rows()
    report = ImportReport(path.name)
    tasks: list[OnetTask] = []
    others, bad_codes, titles, codes = 0, 0, [], []
    seen: dict[str, int] = {}
    for number, record in table.rows:
        key = soc_key(record[code_col])
        if key is None:
            bad_codes += 1
            report.skip(number, f"{clean_cell(record[code_col])!r} is not an O*NET-SOC code")
            continue
        if key[0] != wanted[0] or (wanted[1] and key[1] != wanted[1]):
            others += 1
            continue
        text = clean_cell(record[task_col])
        if not text:
            report.skip(number, "no task text")
            continue
        if len(text) > MAX_TASK:
            report.skip(number, f"the task is {len(text)} characters long; a card holds {MAX_TASK}")
            continue
        if text.casefold() in seen:
            report.skip(number, f"the same task as row {seen[text.casefold()]}")
            continue
        seen[text.casefold()] = number
        code = clean_cell(record[code_col])
        if code not in codes:
            codes.append(code)
        title = clean_cell(record[title_col]) if title_col else ""
        if title and title not in titles:
            titles.append(title)
        tasks.append(
            OnetTask(
                number,
                text,
                task_id=clean_cell(record[id_col]) if id_col else "",
                task_type=clean_cell(record[type_col]) if type_col else "",
            )
        )
    if not tasks and not report.skipped:
        raise TableError(
            f"{path.name}: no tasks for SOC {soc_code} among its {len(table.rows)} rows "
            "(is it the right O*NET file, or the right code?)."
        )
    report.read = len(tasks)
    if others:
        report.notes.append(f"  {others} rows of other occupations left out (the panel is SOC {wanted[0]}).")
    core = sum(1 for t in tasks if t.task_type.casefold() == "core")
    if core:
        report.notes.append(f"  {core} core and {len(tasks) - core} other tasks.")
    return OnetTasks(", ".join(codes) or soc_code, "; ".join(titles), tasks), report


# --- cards -------------------------------------------------------------------------------
