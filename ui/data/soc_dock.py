"""SOC suggestions for the selected occupation card: the best detailed occupations, with wage and employment.

The dock follows the wall's selection. Its search box starts with the
card's text and can be refined; Enter or a double click on a suggestion
sets the card's SOC code and title (one undoable "Set SOC code").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import EditCard
from ui.dock_body import scrolling_body

LIMIT = 8
ROW = Qt.UserRole + 1  # (code, title, wage, employment) as shown


class SocDock(QDockWidget):
    def __init__(self, controller, session_id: str, page=None, parent: QWidget | None = None) -> None:
        super().__init__("SOC code", parent)
        self.setObjectName("soc-suggestions")
        self.area = Qt.RightDockWidgetArea
        self.controller, self.session_id, self.page = controller, session_id, page
        self.card_id: str | None = None
        self.data = None
        self._figures: dict | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        self.card_label = QLabel("Select an occupation card to see its SOC codes.")
        self.card_label.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Job title, e.g. CNC machinist")
        self.search.setClearButtonEnabled(True)
        # Two lines a suggestion, so a narrow dock shows code, title, wage and jobs without scrolling.
        self.results = QListWidget()
        self.results.setAccessibleName("SOC suggestions")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(1)
        self.accept_button = QPushButton("Use this code")
        self.accept_button.setEnabled(False)
        self.clear_button = QPushButton("Clear code")
        self.status = QLabel("Codes, wages and employment from the shipped BLS data (OEWS May 2025).")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555b66;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addWidget(self.card_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setWidget(scrolling_body(body))  # a short screen scrolls the dock, never clips it

        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.refresh_suggestions)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._on_return)
        self.results.itemActivated.connect(self.accept)
        self.results.currentItemChanged.connect(lambda cur, _prev: self.accept_button.setEnabled(cur is not None))
        self.accept_button.clicked.connect(lambda: self.accept(self.results.currentItem()))
        self.clear_button.clicked.connect(self._clear_code)
        QShortcut(QKeySequence(Qt.Key_Down), self.search, self._focus_results)
        controller.changed.connect(self._on_changed)
        if page is not None and hasattr(page, "selection_changed"):
            page.selection_changed.connect(self.follow)
        self._asked = False
        self.set_card(None)

    # --- following the wall -------------------------------------------------------------------

    def follow(self, card_ids: list) -> None:
        """The wall's selection: one card shows its suggestions; none or many clear the dock."""
        self.set_card(card_ids[0] if len(card_ids) == 1 else None)

    def set_card(self, card_id: str | None) -> None:
        card = self._card(card_id)
        self.card_id = card.id if card is not None else None
        enabled = card is not None
        self.search.setEnabled(enabled)
        self.clear_button.setEnabled(enabled and bool(card.soc_code))
        if card is None:
            self.card_label.setText("Select one occupation card to see its SOC codes.")
            self.search.clear()
            self.results.clear()
            return
        current = f"<br>Now: <b>{card.soc_code}</b> {_esc(card.soc_title)}" if card.soc_code else "<br>No SOC code yet."
        self.card_label.setText(f"Card: <b>{_esc(card.text)}</b>{current}")
        self.search.setText(card.text)
        self._want_data()
        self.refresh_suggestions()

    def _want_data(self) -> None:
        """The data loads (off the UI thread) the first time a card asks for it, never at start."""
        if not self._asked:
            self._asked = True
            if self.data is None:
                self.status.setText("Loading the labor-market data…")
            from ui.data.loader import when_loaded  # the data's code too loads when first wanted, not at start

            when_loaded(self, self._on_loaded)

    def _card(self, card_id: str | None):
        session = self.controller.ws.sessions.get(self.session_id)
        if session is None or card_id is None:
            return None
        card = session.cards.get(card_id)
        return card if card is not None and card.kind == "occupation" else None

    def _on_changed(self, change) -> None:
        if "partnership" in change.tables():
            self._figures = None
            self._update_status()
        if self.card_id and ("cards", self.session_id, self.card_id) in change.keys:
            card = self._card(self.card_id)
            if card is None:
                self.set_card(None)
            else:
                current = f"<br>Now: <b>{card.soc_code}</b> {_esc(card.soc_title)}" if card.soc_code else ""
                self.card_label.setText(f"Card: <b>{_esc(card.text)}</b>{current or '<br>No SOC code yet.'}")
                self.clear_button.setEnabled(bool(card.soc_code))
                self._mark_current(card.soc_code)

    # --- suggestions --------------------------------------------------------------------------

    def _on_loaded(self, data) -> None:
        if self.controller.wf.closed:  # the data arrived after the workspace was closed: nothing to show
            return
        self.data = data
        self._update_status()
        self.refresh_suggestions()

    def figures(self) -> dict:
        if self._figures is None and self.data is not None:
            from ui.data.loader import partnership_figures

            self._figures = partnership_figures(self.controller, self.data)
        return self._figures or {}

    def _update_status(self) -> None:
        if self.data is None:
            return
        from storage.labor import SOURCE
        from ui.data.loader import imported_note, partnership_area

        area = self.data.area_label(partnership_area(self.controller))
        self.status.setText(
            f"Wages and employment: {area}. Source: {SOURCE}.{imported_note(self.controller)} "
            "Enter or double-click uses a code."
        )

    def refresh_suggestions(self) -> None:
        self.results.clear()
        if self.data is None or self.card_id is None:
            return
        text = self.search.text().strip()
        if not text:
            return
        from cardwall.soc import format_count
        from storage.labor import SOURCE
        from ui.data.loader import partnership_area

        figures = self.figures()
        industry = self.controller.ws.partnership.industry_code  # breaks ties: "Supervisors" in manufacturing
        found = self.data.matcher.suggest(text, limit=LIMIT, industry_code=industry)
        if not found:
            item = QListWidgetItem(f"No SOC occupation matches “{text}”.\nTry other words, or the title on the job ad.")
            item.setFlags(Qt.NoItemFlags)
            self.results.addItem(item)
            return
        area = self.data.area_label(partnership_area(self.controller))
        for suggestion in found:
            figure = figures.get(suggestion.code)
            wage = figure.wage if figure else "—"
            jobs = format_count(figure.employment) if figure else "—"
            item = QListWidgetItem(f"{suggestion.code}  {suggestion.title}\n      median {wage} · {jobs} employed")
            item.setData(Qt.UserRole, (suggestion.code, suggestion.title))
            item.setData(ROW, (suggestion.code, suggestion.title, wage, jobs))
            tip = f"{suggestion.title}: median annual wage {wage}, {jobs} employed in {area}."
            if figure is not None and figure.source != SOURCE:
                tip += f" Source: {figure.source}"
            item.setToolTip(tip)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        card = self._card(self.card_id)
        self._mark_current(card.soc_code if card else "")

    def _mark_current(self, code: str) -> None:
        for i in range(self.results.count()):
            item = self.results.item(i)
            font = item.font()
            font.setBold(bool(code) and bool(item.data(Qt.UserRole)) and item.data(Qt.UserRole)[0] == code)
            item.setFont(font)

    def suggestions(self) -> list[tuple[str, str, str, str]]:
        """What the list shows, row by row (code, title, wage, employment)."""
        rows = (self.results.item(i).data(ROW) for i in range(self.results.count()))
        return [tuple(row) for row in rows if row]

    # --- accepting ----------------------------------------------------------------------------

    def _on_return(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.refresh_suggestions()
        self.accept(self.results.currentItem())

    def _focus_results(self) -> None:
        self.results.setFocus()
        if self.results.currentItem() is None and self.results.count():
            self.results.setCurrentRow(0)

    def accept(self, item) -> None:
        if item is None or self.card_id is None or not item.data(Qt.UserRole):
            return
        code, title = item.data(Qt.UserRole)
        self.controller.run(EditCard(self.session_id, self.card_id, soc_code=code, soc_title=title))

    def _clear_code(self) -> None:
        if self.card_id:
            self.controller.run(EditCard(self.session_id, self.card_id, soc_code="", soc_title=""))


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def suggest_soc_for_card(page, card_id: str) -> SocDock | None:
    """Show the SOC dock for one card (for the wall's context menu or a key): the dock shows, the list has focus."""
    dock = next((d for d in getattr(page, "docks", []) if isinstance(d, SocDock)), None)
    if dock is None:
        return None
    dock.set_card(card_id)
    dock.show()
    dock.raise_()
    dock.results.setFocus()
    return dock
