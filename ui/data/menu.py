"""The Data menu: data prompts, the SOC crosswalk, and importing a partnership's own figures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox


def install_data_menu(window) -> None:
    """One call from MainWindow.__init__: the Data menu, before View."""
    menu = window.menuBar().addMenu("&Data")
    window.menuBar().insertMenu(window.view_menu.menuAction(), menu)
    window.data_menu = menu
    window._action(menu, "Data &prompts…", lambda: open_prompts(window), "Ctrl+Shift+D")
    window._action(menu, "SOC &crosswalk…", lambda: open_crosswalk(window), "Ctrl+Shift+K")
    menu.addSeparator()
    window._action(menu, "Import &OEWS spreadsheet…", lambda: import_figures(window, "oews"))
    window._action(menu, "Import employment p&rojections…", lambda: import_figures(window, "projections"))


def wall_session_id(window) -> str | None:
    """The session whose wall data goes onto: the one in front, else the latest critical-occupations one."""
    if not window.controller:
        return None
    ws = window.controller.ws
    current = ws.sessions.get(window.session_id or "")
    if current is not None and current.info.kind == "critical-occupations":
        return current.id
    walls = [s for s in ws.ordered_sessions() if s.info.kind == "critical-occupations"]
    return walls[-1].id if walls else None


def open_prompts(window):
    from ui.data.prompts import DataPromptsDialog

    if not window.controller:
        window.refuse("Open or create a workspace first.")
        return None
    dialog = DataPromptsDialog(window.controller, wall_session_id(window), window)
    dialog.setModal(False)
    dialog.show()
    return dialog


def open_crosswalk(window):
    from ui.data.crosswalk import CrosswalkDialog

    session_id = wall_session_id(window)
    if session_id is None:
        window.refuse("The crosswalk needs a critical-occupations session.")
        return None
    dialog = CrosswalkDialog(window.controller, session_id, window)
    dialog.setModal(False)
    dialog.show()
    return dialog


def import_figures(window, kind: str, path: str | None = None) -> str | None:
    """Ask for a file (unless given), import it into the open workspace, and show what was read and skipped."""
    if not window.controller:
        window.refuse("Open or create a workspace first.")
        return None
    if path is None:
        title = "Import an OEWS spreadsheet" if kind == "oews" else "Import an employment projections table"
        path, _ = QFileDialog.getOpenFileName(window, title, "", "Tables (*.xlsx *.csv *.txt);;All files (*)")
        if not path:
            return None
    from ui.data.loader import when_loaded  # the data's code loads when first used, not with the menu

    result: dict = {}
    when_loaded(window, lambda data: result.update(data=data))
    if "data" not in result:
        window.statusBar().showMessage("Loading the labor-market data…")
        while "data" not in result:  # the import needs the area and occupation lists; it is a second at most
            QApplication.processEvents()
    return run_import(window, kind, Path(path), result["data"])


def run_import(window, kind: str, path: Path, data) -> str | None:
    """Read the file (exporters' table reader), then apply it as one command: one undo step, one transaction."""
    from exporters.labor_tables import FiguresError, oews_command, projections_command

    controller = window.controller
    make = oews_command if kind == "oews" else projections_command
    QApplication.setOverrideCursor(window.cursor())
    try:
        command, report = make(path, data, area_code=controller.ws.partnership.area_code)
        controller.keep_backup("import")  # the workspace as it was, should the figures be regretted later
        done = controller.run(command)
    except FiguresError as exc:
        done, problem = None, str(exc)
    else:
        problem = controller.last_refusal
    finally:
        QApplication.restoreOverrideCursor()
    if done is None:
        QMessageBox.warning(window, "Nothing was imported", f"{problem}\n\nThe workspace is unchanged.")
        return None
    text = report.text()
    window.statusBar().showMessage(report.lines()[0], 8000)
    box = QMessageBox(QMessageBox.Information, "Figures imported", text.splitlines()[0], parent=window)
    box.setInformativeText(
        "These figures now override the bundled OEWS data for their region, and say where they came from."
    )
    box.setDetailedText(text)
    box.setModal(False)
    box.show()
    window._data_import_box = box
    return text
