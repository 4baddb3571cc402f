"""File > Export…, E-mail summary… and Copy summary: what leaves the room, from the app.

Exports run on a worker thread over a snapshot of the session, so the room
keeps moving cards while the PDFs are written; a progress dialog shows how
far it got. Only the wall picture is drawn on the UI thread (Qt paints
scenes there), which takes about a tenth of a second.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from cardwall.model import TABLES, Session, Workspace


def open_url(url: QUrl) -> bool:
    """Hand a file or folder to the system (mail client, file manager); tests replace this."""
    return QDesktopServices.openUrl(url)


def snapshot(ws: Workspace, session_id: str) -> Workspace:
    """A copy of one session that the UI thread's commands cannot change under the exporter.

    Entities are frozen dataclasses, so copying the dicts that hold them is enough.
    """
    source = ws.sessions[session_id]
    copy = Session(info=source.info)
    for name in TABLES:
        setattr(copy, name, dict(getattr(source, name)))
    return Workspace(partnership=ws.partnership, sessions={session_id: copy})


class ExportWorker(QThread):
    """Writes every export of a snapshot into a folder, off the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(list, list)  # the files written, and what the reader should know (e.g. undrawn characters)
    failed = Signal(str)

    def __init__(self, ws: Workspace, session_id: str, folder: Path, wall_png: bytes | None, extra=None) -> None:
        super().__init__()
        self.ws, self.session_id, self.folder, self.wall_png = ws, session_id, Path(folder), wall_png
        self.extra = extra or {}  # labor-market figures and wage lines, read on the UI thread

    def run(self) -> None:
        from exporters.bundle import export_session

        report: list[str] = []
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            written = export_session(
                self.ws,
                self.session_id,
                self.folder,
                wall_png=self.wall_png,
                progress=self.progressed.emit,
                report=report,
                **self.extra,
            )
        except OSError as exc:
            self.failed.emit(f"Cannot write to {self.folder}: {exc.strerror or exc}.")
        except Exception as exc:  # a bug must not kill the app in the middle of a session
            self.failed.emit(f"The export stopped: {exc}")
        else:
            self.succeeded.emit([str(p) for p in written], report)


class ExportActions(QObject):
    """The File menu's export entries for one main window."""

    finished = Signal(list)  # the files written, when an export is done

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.worker: ExportWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.report_box: QMessageBox | None = None  # what the last export wants the user to know
        self._then = None  # what to do with the files when the running export succeeds
        self.export_action = window.add_file_action("&Export…", self.export, "Ctrl+E")
        self.email_action = window.add_file_action("E-&mail summary…", self.email_summary)
        self.copy_action = window.add_file_action("&Copy summary", self.copy_summary, "Ctrl+Shift+C")
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)  # never quit under a running export

    # --- what the menu does --------------------------------------------------------------

    def _session(self) -> tuple[Workspace, str] | None:
        wf, session_id = self.window.wf, self.window.session_id
        if wf is None or not session_id or session_id not in wf.ws.sessions:
            self.window.refuse("Open a session first: there is nothing to export yet.")
            return None
        return wf.ws, session_id

    def export(self, folder: str | Path | None = None) -> None:
        current = self._session()
        if current is None:
            return
        ws, session_id = current
        if not folder:
            from exporters.bundle import session_folder_name

            start = Path.home() / session_folder_name(ws.sessions[session_id])
            folder = QFileDialog.getExistingDirectory(self.window, "Export the session into…", str(start.parent))
            if not folder:
                return
        self.start(ws, session_id, Path(folder), then=lambda files: open_url(QUrl.fromLocalFile(str(folder))))

    def email_summary(self) -> None:
        current = self._session()
        if current is None:
            return
        ws, session_id = current
        folder = Path(tempfile.mkdtemp(prefix="cardwall-email-"))
        self.start(ws, session_id, folder, then=lambda files: open_url(QUrl.fromLocalFile(str(folder / "summary.eml"))))

    def copy_summary(self) -> None:
        current = self._session()
        if current is None:
            return
        from exporters.content import gather
        from exporters.summary_text import summary_markdown

        ws, session_id = current
        QGuiApplication.clipboard().setText(summary_markdown(gather(ws, session_id)))
        self.window.statusBar().showMessage("Summary copied: paste it into an e-mail or a document.", 5000)

    # --- the worker ------------------------------------------------------------------------

    def start(self, ws: Workspace, session_id: str, folder: Path, *, then) -> None:
        if self.worker is not None:
            self.window.refuse("An export is already running.")
            return
        wall_png = self._wall_picture(ws, session_id)
        # Gathered here from the workspace in memory; the worker gets plain data.
        from storage.figures import export_figures

        extra = export_figures(ws, session_id)
        self.dialog = QProgressDialog("Writing the exports…", "", 0, 1, self.window)
        self.dialog.setWindowTitle("Export")
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.worker = ExportWorker(snapshot(ws, session_id), session_id, folder, wall_png, extra)
        # Slots, not lambdas, for signals from the worker thread (PySide6 6.8+ can crash on the latter).
        self._then = then
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_succeeded)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_worker_finished)
        self.dialog.show()
        self.worker.start()

    def _wall_picture(self, ws: Workspace, session_id: str) -> bytes | None:
        if ws.sessions[session_id].info.kind != "critical-occupations":
            return None
        from ui.wall.picture import render_wall_png

        return render_wall_png(ws, session_id)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.dialog:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(f"Writing the exports: {what}…" if done < total else "Done.")

    @Slot(list, list)
    def _on_succeeded(self, files: list, report: list) -> None:
        then, self._then = self._then, None
        self._close_dialog()
        folder = Path(files[0]).parent if files else None
        self.window.statusBar().showMessage(f"Wrote {len(files)} files to {folder}.", 8000)
        if then is not None:
            then(files)
        if report:
            self._show_report(folder, report)
        self.finished.emit(files)

    def _show_report(self, folder: Path | None, report: list[str]) -> None:
        """What the CLI prints on stderr (e.g. characters no bundled font draws), said here too.

        Opened, not exec'd: the box waits for the user without holding up the room's wall.
        """
        if self.report_box is not None:
            self.report_box.close()
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Export: please check", "", QMessageBox.StandardButton.Ok, self.window
        )
        box.setText(f"The files are written to {folder}, with something to check before you send them:")
        box.setInformativeText("\n".join(f"• {line}" for line in report))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(self._on_report_closed)
        self.report_box = box
        box.open()

    @Slot(int)
    def _on_report_closed(self, _result: int) -> None:
        if self.report_box is not None:
            self.report_box.deleteLater()
            self.report_box = None

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._close_dialog()
        self.window.refuse(message)

    @Slot()
    def _on_worker_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    def _close_dialog(self) -> None:
        if self.dialog:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def wait(self, ms: int = 30_000) -> None:
        """Block until the running export ends (for closing the window and for tests)."""
        if self.worker is not None:
            self.worker.wait(ms)


def install_export_actions(window) -> ExportActions:
    window.export_actions = ExportActions(window)
    return window.export_actions
