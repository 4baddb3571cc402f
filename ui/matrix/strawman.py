"""Starting a panel's matrix: a built-in template, a function/task table, O*NET's task list.

Each lands as one undo step and reports what it read and what it skipped.
Mixed into PanelPage, whose controller, session and panel it uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cardwall.commands import AddPanel, Batch, DomainError
from cardwall.templates import Strawman, strawman_command
from exporters.table_import import TableError


class StrawmanActions:
    """Part of PanelPage (uses its controller, session, panel, scene, view and docks)."""

    def start_from_template(self, template: Strawman) -> bool:
        """The template's functions and tasks, as one undo step; a new panel for it if there is none."""
        commands = []
        panel_id = self.panel_id
        if panel_id is None:
            add = AddPanel(self.session_id, occupation=template.occupation, soc_code=template.soc_code)
            commands.append(add)  # starts hidden (AddPanel's rule): voting is about to start
            panel_id = add.panel_id
        try:
            commands.append(
                strawman_command(self.session, panel_id, template.functions, source="template", label="Template")
            )
        except DomainError as exc:
            self.controller.refused.emit(str(exc))
            return False
        done = self._run(Batch(f"Start from template: {template.occupation}", commands))
        if done and panel_id != self.panel_id:
            self.show_panel(panel_id)
        return bool(done)

    def import_task_list(self, path: Path) -> bool:
        from ui.importing import task_list_command

        return self._import(path, task_list_command, "Task list")

    def import_onet(self, path: Path) -> bool:
        from ui.importing import onet_command

        return self._import(path, onet_command, "O*NET tasks")

    def _import(self, path: Path, make, title: str) -> bool:
        if self.panel_id is None:
            self.controller.refused.emit("Create a panel first (New panel…), then import its tasks.")
            return False
        QApplication.setOverrideCursor(Qt.WaitCursor)  # a big O*NET workbook takes a few seconds
        try:
            command, report = make(self.session, self.panel_id, Path(path))
        except (TableError, DomainError) as exc:
            QApplication.restoreOverrideCursor()
            self.controller.refused.emit(str(exc).splitlines()[0])
            self.show_report(f"{title}: nothing imported", str(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.controller.keep_backup("import")  # the panel as it was, should the import be regretted later
        if not self._run(command):
            self.show_report(f"{title}: nothing imported", self._last_refusal)
            return False
        self.show_report(f"{title} imported", report.text())
        return True

    def _on_import_tasks(self) -> None:
        name = self.ask_file("Import a task list")
        if name:
            self.import_task_list(Path(name))

    def _on_import_onet(self) -> None:
        name = self.ask_file("Import O*NET Task Statements")
        if name:
            self.import_onet(Path(name))

    def _report_box(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Information, title, text.splitlines()[0] if text else title, parent=self)
        if "\n" in text:
            box.setDetailedText(text)
            box.setInformativeText("\n".join(text.splitlines()[1:6]))
        box.open()  # not modal: the room does not wait on it
        if self.window_ is not None:
            self.window_.statusBar().showMessage(text.splitlines()[0] if text else title, 8000)
