"""What a facilitator sees before a workspace is open, and the offer made when one is damaged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from cardwall.commands import EditPartnership
from cardwall.model import Partnership
from storage.errors import StorageError
from storage.workspace import SUFFIX, WorkspaceFile
from ui.dialogs import KIND_LABELS, PartnershipDialog


class WelcomePage(QWidget):
    """What a facilitator sees before a workspace is open: the demo, a new partnership, a file."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("<h1>Cardwall</h1><p>The sticky wall, the cards and the dots, on your laptop.</p>")
        title.setAlignment(Qt.AlignCenter)
        layout.addWidget(title)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignCenter)
        layout.addWidget(self.hint)
        self.buttons: dict[str, QPushButton] = {}
        for text, slot in (
            ("Try the demo", self._open_demo),
            ("New partnership…", self.new_partnership),
            ("Open workspace…", window.choose_workspace),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(44)
            button.setFixedWidth(300)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignHCenter)
            self.buttons[text] = button
        self.recent_title = QLabel("<b>Recent workspaces</b>")
        self.recent_title.setAlignment(Qt.AlignCenter)
        self.recent_title.hide()
        layout.addSpacing(16)
        layout.addWidget(self.recent_title)
        self.recent_box = QVBoxLayout()
        layout.addLayout(self.recent_box)
        layout.addStretch(2)

    def show_recent(self, paths: list[Path]) -> None:
        while self.recent_box.count():
            self.recent_box.takeAt(0).widget().deleteLater()
        for path in paths[:5]:
            button = QPushButton(f"{path.stem}   ·   {path.parent}")
            button.setToolTip(str(path))
            button.setMinimumHeight(36)
            button.setFixedWidth(420)
            button.clicked.connect(lambda _=False, p=path: self.window_.open_workspace(p))
            self.recent_box.addWidget(button, 0, Qt.AlignHCenter)
        self.recent_title.setVisible(bool(paths))

    def show_empty_workspace(self) -> None:
        kinds = " or ".join(KIND_LABELS.values())
        self.hint.setText(f"This workspace has no sessions yet. File → New session… starts one: {kinds}.")

    def new_partnership(self) -> None:
        """Name, industry and region first, then where to keep the file; it opens at once."""
        dialog = PartnershipDialog(Partnership(), self)
        dialog.setWindowTitle("New partnership")
        while True:
            if not dialog.exec():
                return
            values = dialog.values()
            if values["name"].strip():
                break
            dialog.show_error("The partnership needs a name.")
        path = self._ask_where(values["name"])
        if path is None or not self.window_.open_workspace(path):
            return
        controller = self.window_.controller
        if controller.run(EditPartnership(**values)):
            controller.undo_stack.clear()  # naming the new file is part of making it, not a step to undo

    def _ask_where(self, name: str) -> Path | None:
        import platformdirs

        stem = "".join(c if c.isalnum() or c in " -_.,()&'" else "-" for c in name).strip(" .") or "Partnership"
        folder = platformdirs.user_documents_path()
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the new partnership as", str(folder / f"{stem}{SUFFIX}"), f"Cardwall workspace (*{SUFFIX})"
        )
        if not chosen:
            return None
        path = Path(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)
        if path.exists():
            self.window_.refuse(f"{path.name} exists already; open it with Open workspace… instead.")
            return None
        return path

    def _open_demo(self) -> None:
        from storage.demo import build_demo

        folder = Path(tempfile.mkdtemp(prefix="cardwall-demo-"))
        self.window_.open_workspace(build_demo(folder / "Demo partnership.cardwall"), demo=True)


def offer_backup(parent: QWidget, path: Path, message: str) -> WorkspaceFile | None:
    """A damaged workspace: offer its latest backup, restored as a new file beside it."""
    from storage.backups import list_backups, restore

    found = list_backups(path)
    if not found:
        QMessageBox.critical(parent, "Workspace damaged", f"{message}\n\nNo backup of it was found.")
        return None
    answer = QMessageBox.question(
        parent,
        "Workspace damaged",
        f"{message}\n\nOpen the most recent backup ({found[0].stem[-22:-7]})? It is saved as a new file "
        "beside the damaged one, which is left untouched.",
    )
    if answer != QMessageBox.Yes:
        return None
    try:
        return WorkspaceFile.open(restore(found[0], path))
    except StorageError as exc:
        QMessageBox.critical(parent, "Backup cannot be opened", str(exc))
        return None
