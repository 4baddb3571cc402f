"""The action plan page: actions on the impact x feasibility grid, their details beside it.

Type an action and Enter (it lands in the high-impact, high-feasibility quadrant), drag it to
another quadrant, fill in owners, horizon, the gap, a measure and a due date in the dock.
"Draft actions from gaps" turns the asset map's gaps into draft actions in one step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cardwall.assets import SAMPLE_MEASURES, STATUS_LABELS
from cardwall.commands import AddAction, DeleteAction, DomainError, EditAction, MoveAction, gaps_to_actions
from cardwall.model import HORIZON_LABELS
from ui.actions.grid import ActionGridScene, ActionGridView


class ActionPlanPage(QWidget):
    def __init__(self, controller, session_id: str, window=None) -> None:
        super().__init__()
        self.controller, self.session_id, self.main_window = controller, session_id, window
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        bar.addWidget(QLabel("Action:"))
        self.field = QLineEdit()
        self.field.setPlaceholderText("Type an action and press Enter · drag it to its quadrant (or Ctrl+arrows)")
        self.field.setAccessibleName("New action")
        self.field.returnPressed.connect(self._on_return)
        bar.addWidget(self.field, 1)
        self.draft_button = QPushButton("Draft actions from gaps")
        self.draft_button.clicked.connect(self._on_draft)
        bar.addWidget(self.draft_button)
        outer.addLayout(bar)
        self.scene = ActionGridScene(lambda: controller.ws.sessions.get(session_id))
        self.view = ActionGridView(self.scene, self._on_drop)
        outer.addWidget(self.view, 1)
        self.scene.sync()
        self.scene.selectionChanged.connect(self._on_selection)
        controller.changed.connect(self._on_changed)
        delete = QAction("Delete action", self)
        delete.setShortcut(QKeySequence.Delete)
        delete.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        delete.triggered.connect(self._on_delete)
        self.view.addAction(delete)
        # The keyboard way between quadrants: Ctrl+arrows move the selected action one quadrant over.
        for key, impact, feasibility in (
            (Qt.Key_Up, "high", None),
            (Qt.Key_Down, "low", None),
            (Qt.Key_Left, None, "high"),
            (Qt.Key_Right, None, "low"),
        ):
            move = QAction(self)
            move.setShortcut(QKeySequence(Qt.CTRL | key))
            move.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            move.triggered.connect(lambda _=False, i=impact, f=feasibility: self._nudge(i, f))
            self.view.addAction(move)
        self.details = ActionDock(self)
        self.details.area = Qt.RightDockWidgetArea
        self.docks = [self.details]

    def _session(self):
        return self.controller.ws.sessions.get(self.session_id)

    def selected_action(self) -> str | None:
        items = self.scene.selectedItems()
        return items[0].action_id if len(items) == 1 else None

    def _on_changed(self, change) -> None:
        if self.session_id in change.sessions() or not change.keys:
            self.scene.sync()
            self.details.load()

    def _on_selection(self) -> None:
        try:
            self.details.load()
        except RuntimeError:  # the page is going away
            pass

    def _on_return(self) -> None:
        if self.field.text().strip() and self.controller.run(AddAction(self.session_id, self.field.text())):
            self.field.clear()

    def _on_drop(self, action_id: str, quadrant) -> None:
        action = self._session().actions.get(action_id)
        if quadrant is None or action is None or (action.impact, action.feasibility) == quadrant:
            self.scene.sync()  # back where it was
            return
        impact, feasibility = quadrant
        if self.controller.run(MoveAction(self.session_id, action_id, impact=impact, feasibility=feasibility)) is None:
            self.scene.sync()

    def _nudge(self, impact: str | None, feasibility: str | None) -> None:
        action = self._session().actions.get(self.selected_action() or "")
        if action is None:
            return
        quadrant = (impact or action.impact, feasibility or action.feasibility)
        if quadrant != (action.impact, action.feasibility):
            self._on_drop(action.id, quadrant)
            self.scene.cards[action.id].setSelected(True)

    def _on_delete(self) -> None:
        action_id = self.selected_action()
        if action_id:
            self.controller.run(DeleteAction(self.session_id, action_id))

    def _on_draft(self) -> None:
        ws = self.controller.ws
        maps = [s for s in ws.ordered_sessions() if s.info.kind == "asset-map"]
        if not maps:
            self.controller.refused.emit("There is no asset map with a gap matrix in this workspace yet.")
            return
        try:
            command = gaps_to_actions(ws, maps[-1].id, self.session_id)
        except DomainError as exc:
            self.controller.last_refusal = str(exc)
            self.controller.refused.emit(str(exc))
            return
        self.controller.run(command)

    def shutdown(self) -> None:
        self.details.commit_all()


class ActionDock(QDockWidget):
    """The selected action's owners, horizon, gap, measure, due date and status."""

    def __init__(self, page: ActionPlanPage) -> None:
        super().__init__("Action")
        self.setObjectName("action_dock")
        self.setMaximumWidth(380)
        self.page = page
        body = QWidget()
        form = QFormLayout(body)
        self.text = QLineEdit()
        self.owners = QLineEdit()
        self.owners.setPlaceholderText("Organizations, separated by ;")
        self.horizon = QComboBox()
        for key, label in HORIZON_LABELS.items():
            self.horizon.addItem(label, key)
        self.gap = QLineEdit()
        self.measure = QComboBox()
        self.measure.setEditable(True)
        self.measure.addItems(["", *SAMPLE_MEASURES])
        self.due = QLineEdit()
        self.due.setPlaceholderText("YYYY-MM-DD")
        self.status = QComboBox()
        for key, label in STATUS_LABELS.items():
            self.status.addItem(label, key)
        for label, widget in (
            ("Action", self.text),
            ("Owners", self.owners),
            ("Horizon", self.horizon),
            ("Gap it closes", self.gap),
            ("Measure", self.measure),
            ("Due", self.due),
            ("Status", self.status),
        ):
            form.addRow(label, widget)
        for box in (self.text, self.owners, self.gap, self.due):
            box.editingFinished.connect(self.commit_all)
        self.measure.lineEdit().editingFinished.connect(self.commit_all)
        self.horizon.activated.connect(lambda _i: self.commit_all())
        self.status.activated.connect(lambda _i: self.commit_all())
        self.setWidget(body)
        self.action_id: str | None = None
        self.load()

    def _values(self) -> dict:
        return {
            "text": self.text.text(),
            "owners": tuple(o.strip() for o in self.owners.text().split(";") if o.strip()),
            "horizon": self.horizon.currentData(),
            "gap": self.gap.text(),
            "measure": self.measure.currentText(),
            "due": self.due.text().strip(),
            "status": self.status.currentData(),
        }

    def load(self) -> None:
        self.action_id = self.page.selected_action()
        session = self.page._session()
        action = session.actions.get(self.action_id) if session and self.action_id else None
        self.widget().setEnabled(action is not None)
        self.setWindowTitle("Action" if action else "Action (select one on the grid)")
        if action is None:
            return
        self.text.setText(action.text)
        self.owners.setText("; ".join(action.owners))
        self.horizon.setCurrentIndex(max(0, self.horizon.findData(action.horizon)))
        self.gap.setText(action.gap)
        self.measure.setCurrentText(action.measure)
        self.due.setText(action.due)
        self.status.setCurrentIndex(max(0, self.status.findData(action.status)))

    def commit_all(self) -> None:
        session = self.page._session()
        action = session.actions.get(self.action_id) if session and self.action_id else None
        if action is None:
            return
        changes = {k: v for k, v in self._values().items() if getattr(action, k) != v}
        if changes and self.page.controller.run(EditAction(self.page.session_id, action.id, **changes)) is None:
            QTimer.singleShot(0, self.load)  # refused: show what is saved
