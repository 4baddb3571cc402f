"""Small forms: a new session, a session's details, the partnership; and every dialog kept on its screen."""

from __future__ import annotations

import datetime as _dt
import re

from PySide6.QtCore import QDate
from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cardwall.model import Partnership, SessionInfo

KIND_LABELS = {
    "critical-occupations": "Critical occupations (the sticky wall)",
    "skill-panel": "Skill panel (tasks and dot voting)",
    "asset-map": "Asset map (education and training programs, the gap matrix)",
    "action-plan": "Action plan (impact x feasibility)",
}


_KEEPING = False


def keep_dialogs_on_screen() -> None:
    """Every dialog, as it comes to the front, fits the screen it opens on (a 1280x720 projector laptop):
    smaller if it must, and moved so that all of it, its buttons included, is on that screen. It listens to
    the focus window changing, not to every event of the application (an application-wide event filter put
    each of them through Python: 8,893 calls during startup alone). The main window installs it, once."""
    global _KEEPING
    app = QApplication.instance()
    if _KEEPING or app is None:
        return
    _KEEPING = True
    app.focusWindowChanged.connect(_keep_front_dialog_on_screen)


def _keep_front_dialog_on_screen(window) -> None:
    widget = QApplication.activeModalWidget() or QApplication.activeWindow()
    if isinstance(widget, QDialog) and widget.isVisible():
        keep_on_screen(widget)


BREAK_EVERY = 30  # characters: a longer run with nowhere to wrap gets invisible places to
_UNBROKEN = re.compile(rf"[^\s\-/\\\u200b]{{{BREAK_EVERY + 1},}}")


def breakable(text: str) -> str:
    """`text` with an invisible break (U+200B) every BREAK_EVERY characters of a run that has no place to
    wrap ("Workforce_Partnership_Shared_Documents_…", a hash): a label wraps it instead of cutting it off
    or widening its box off the screen. Spaces, hyphens and slashes are places to wrap already."""
    return _UNBROKEN.sub(
        lambda m: "\u200b".join(m[0][i : i + BREAK_EVERY] for i in range(0, len(m[0]), BREAK_EVERY)), text
    )


def wrap_long_words(dialog: QWidget) -> None:
    """A message box (and any dialog's wrapping plain-text label) wraps a long path or error: the box stays
    within the screen, its text whole (QMessageBox sizes itself to the text it is given)."""
    if isinstance(dialog, QMessageBox):
        for read, write in ((dialog.text, dialog.setText), (dialog.informativeText, dialog.setInformativeText)):
            text = read()
            if text and not Qt.mightBeRichText(text) and breakable(text) != text:
                write(breakable(text))
        return
    for label in dialog.findChildren(QLabel):
        text = label.text()
        plain = label.wordWrap() and text and label.textFormat() != Qt.RichText and not Qt.mightBeRichText(text)
        if plain and breakable(text) != text:
            label.setText(breakable(text))


def keep_on_screen(dialog: QWidget) -> None:
    screen = dialog.screen()
    if screen is None:
        return
    wrap_long_words(dialog)
    room = screen.availableGeometry()
    frame = dialog.frameGeometry()
    margin_w, margin_h = frame.width() - dialog.width(), frame.height() - dialog.height()
    width = min(dialog.width(), room.width() - margin_w)
    height = min(dialog.height(), room.height() - margin_h)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(max(width, 1), max(height, 1))
        frame = dialog.frameGeometry()
    x = max(room.left(), min(frame.x(), room.right() + 1 - frame.width()))
    y = max(room.top(), min(frame.y(), room.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        dialog.move(x, y)


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _date_edit(value: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    date = QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate()
    edit.setDate(date if date.isValid() else QDate.currentDate())
    return edit


class SessionDialog(_Form):
    """New session, or the details of one: kind, title, date, place, facilitator, re-engagement."""

    def __init__(self, parent: QWidget | None = None, *, info: SessionInfo | None = None) -> None:
        super().__init__("Session details" if info else "New session", parent)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.title = QLineEdit(info.title if info else "")
        self.title.setPlaceholderText("e.g. Critical occupations, Western region")
        self.date = _date_edit(info.date if info else _dt.date.today().isoformat())
        self.location = QLineEdit(info.location if info else "")
        self.facilitator = QLineEdit(info.facilitator if info else "")
        self.reengage = QPlainTextEdit(info.reengage if info else "")
        self.reengage.setPlaceholderText("When and how employers will hear from us next")
        self.reengage.setFixedHeight(70)
        if info:
            self.kind.setCurrentIndex(list(KIND_LABELS).index(info.kind))
            self.kind.setEnabled(False)
        self.form.addRow("Kind", self.kind)
        self.form.addRow("Title", self.title)
        self.form.addRow("Date", self.date)
        self.form.addRow("Location", self.location)
        self.form.addRow("Facilitator", self.facilitator)
        self.form.addRow("Re-engagement", self.reengage)

    def values(self) -> dict:
        return dict(
            kind=self.kind.currentData(),
            title=self.title.text(),
            date=self.date.date().toString("yyyy-MM-dd"),
            location=self.location.text(),
            facilitator=self.facilitator.text(),
            reengage=self.reengage.toPlainText(),
        )


class PartnershipDialog(_Form):
    def __init__(self, partnership: Partnership, parent: QWidget | None = None) -> None:
        super().__init__("Partnership", parent)
        self.name = QLineEdit(partnership.name)
        self.name.setPlaceholderText("e.g. Western Colorado Manufacturing Partnership")
        from ui.data.pickers import AreaPicker, IndustryPicker  # type-to-filter over the OEWS lists

        self.industry = IndustryPicker(partnership.industry, partnership.industry_code)
        self.region = AreaPicker(partnership.region, partnership.area_code)
        self.form.addRow("Name", self.name)
        self.form.addRow("Industry", self.industry)
        self.form.addRow("Region", self.region)
        self.form.addRow("", self.region.note)
        # The convener sends the e-mail draft (its From); partners listen, so copying them is a choice.
        self.convener_name = QLineEdit(partnership.convener_name)
        self.convener_name.setPlaceholderText("Who sends the summary, e.g. Maria Lopez")
        self.convener_email = QLineEdit(partnership.convener_email)
        self.convener_email.setPlaceholderText("e.g. maria.lopez@example.org")
        self.cc_partners = QCheckBox("Copy listening partners (Cc) on the e-mail draft")
        self.cc_partners.setChecked(partnership.cc_partners)
        self.form.addRow("Convener", self.convener_name)
        self.form.addRow("Convener e-mail", self.convener_email)
        self.form.addRow("", self.cc_partners)

    def values(self) -> dict:
        return dict(
            name=self.name.text(),
            industry=self.industry.text(),
            region=self.region.text(),
            industry_code=self.industry.code(),
            area_code=self.region.code(),
            convener_name=self.convener_name.text(),
            convener_email=self.convener_email.text(),
            cc_partners=self.cc_partners.isChecked(),
        )
