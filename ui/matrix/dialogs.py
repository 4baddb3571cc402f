"""New panel: from an occupation card on a critical-occupations wall, or from scratch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cardwall.model import Workspace
from cardwall.wall import critical_occupations


def occupation_choices(ws: Workspace) -> list[tuple[str, str, str]]:
    """(occupation, SOC code, where from) for each occupation on the workspace's critical-occupations walls."""
    out, seen = [], set()
    for session in ws.ordered_sessions():
        if session.info.kind != "critical-occupations":
            continue
        for occ in critical_occupations(session):
            title = occ.root.text
            key = (title.casefold(), occ.root.soc_code)
            if key in seen:
                continue
            seen.add(key)
            where = f"{occ.category} · {occ.level} · named by {occ.employers}"
            out.append((title, occ.root.soc_code, where))
    return out


class NewPanelDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New skill panel")
        self.resize(560, 520)
        self.cards = QListWidget()
        self.cards.setAccessibleName("Occupations on the wall")
        for title, soc, where in occupation_choices(ws):
            item = QListWidgetItem(f"{title}   {soc or 'no SOC code'}\n{where}")
            item.setData(Qt.UserRole, (title, soc))
            self.cards.addItem(item)
        self.cards.currentItemChanged.connect(self._on_card)
        self.cards.itemActivated.connect(lambda _i: self.accept())
        self.occupation = QLineEdit()
        self.occupation.setPlaceholderText("e.g. Tool and Die Maker")
        self.soc = QLineEdit()
        self.soc.setPlaceholderText("e.g. 51-4111")
        self.soc.setMaxLength(10)
        self.dots = QSpinBox(minimum=1, maximum=20, value=3)
        form = QFormLayout()
        form.addRow("Occupation", self.occupation)
        form.addRow("SOC code", self.soc)
        form.addRow("Dots per participant", self.dots)
        self.error = QLabel()
        self.error.setStyleSheet("QLabel { color: #c0392b; }")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = (
            "Pick an occupation from the critical-occupations wall"
            if self.cards.count()
            else ("No critical-occupations wall in this workspace yet: type the occupation")
        )
        layout.addWidget(QLabel(text))
        layout.addWidget(self.cards, 1)
        layout.addWidget(QLabel("…or start from scratch:"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_card(self, item, _previous=None) -> None:
        if item is not None:
            title, soc = item.data(Qt.UserRole)
            self.occupation.setText(title)
            self.soc.setText(soc)

    def values(self) -> dict:
        return {
            "occupation": self.occupation.text(),
            "soc_code": self.soc.text().strip(),
            "dots_per_participant": self.dots.value(),
        }

    def show_error(self, message: str) -> None:
        self.error.setText(message)
