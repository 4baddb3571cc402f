"""Data prompts for the start of a session: the industry's top occupations, grouped into families, with wages.

Pick the industry and region; the dialog shows employment by occupational
family (SOC major groups) as a bar chart and the top detailed occupations
in a sortable table. "Put on the wall" adds the chosen families as
category headers and the chosen occupations as prompt cards (marked DATA,
so nobody mistakes them for what employers said), in one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddCard, AddCategory, Batch
from cardwall.soc import format_count, major_group
from storage.labor import ALL_INDUSTRIES, NATIONAL, SOURCE, Figure, LaborData, figures_for
from ui.data.loader import when_loaded
from ui.data.pickers import AreaPicker, IndustryPicker

TOP = 30  # occupations in the table
BAR = QColor("#3b6ea5")


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    family: str  # family title ("Production")
    family_code: str
    employment: int | None  # in the industry
    median: Figure | None  # the wage figure shown (region if known, else national in the industry)
    wage_where: str


def family_title(title: str) -> str:
    """A header card's words: "Production Occupations" -> "Production"."""
    return title.removesuffix(" Occupations").strip()


def staffing(data: LaborData, industry_code: str, area_code: str, overrides=None) -> tuple[list, list[Row], str]:
    """(families [(code, title, employment)], top occupations, a caption saying where the figures come from)."""
    industry_code = industry_code or ALL_INDUSTRIES
    area_code = area_code or NATIONAL
    regional = figures_for(data, area_code, industry_code, overrides) if area_code != NATIONAL else {}
    if regional and area_code != NATIONAL:
        pattern, where = regional, data.area_label(area_code)
    else:
        pattern, where = data.figures(NATIONAL, industry_code), "national"
    wages_here = figures_for(data, area_code, ALL_INDUSTRIES, overrides) if area_code != NATIONAL else {}
    families = []
    for code, figure in pattern.items():
        occupation = data.occupations.get(code)
        if occupation and occupation.level == "major" and code != "00-0000" and figure.employment:
            families.append((code, family_title(occupation.title), figure.employment))
    families.sort(key=lambda f: -f[2])
    rows = []
    for code, figure in pattern.items():
        occupation = data.occupations.get(code)
        if occupation is None or occupation.level != "detailed" or not figure.employment:
            continue
        family = data.family(code)
        local = wages_here.get(code)
        if local is not None and local.has_wage:
            wage, wage_where = local, data.area_label(area_code)
        else:
            wage, wage_where = figure, f"{where}, this industry"
        rows.append(
            Row(
                code,
                occupation.title,
                family_title(family.title) if family else "",
                major_group(code),
                figure.employment,
                wage,
                wage_where,
            )
        )
    rows.sort(key=lambda r: -(r.employment or 0))
    industry = data.industries.get(industry_code)
    if area_code != NATIONAL:
        wages = f"{data.area_label(area_code)} (all industries) where published, else national for this industry"
    else:
        wages = "national, this industry"
    caption = (
        f"Employment: {'national staffing pattern' if where == 'national' else where} for "
        f"{industry.name if industry else industry_code}. Median wages: {wages}. "
        f"Source: {SOURCE}. Detailed occupations do not add up to their family's total."
    )
    return families, rows[:TOP], caption


class FamilyChart(QWidget):
    """Employment by occupational family: horizontal bars, largest on top, painted with QPainter."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.families: list[tuple[str, str, int]] = []
        self.setMinimumSize(380, 260)

    def set_families(self, families) -> None:
        self.families = list(families)[:12]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 30 + 26 * max(6, len(self.families)))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, font.pointSizeF()))
        painter.setFont(font)
        if not self.families:
            painter.setPen(QColor("#555b66"))
            painter.drawText(self.rect(), Qt.AlignCenter, "No figures for this industry.")
            return
        label_w = min(250, int(self.width() * 0.5))
        metrics = painter.fontMetrics()
        top, row_h = 10, min(28.0, (self.height() - 20) / len(self.families))
        most = max(f[2] for f in self.families)
        bar_room = self.width() - label_w - 80
        for i, (_code, title, employment) in enumerate(self.families):
            y = top + i * row_h
            painter.setPen(QColor("#1f2329"))
            label = metrics.elidedText(title, Qt.ElideMiddle, label_w - 12)
            painter.drawText(QRectF(4, y, label_w - 8, row_h), Qt.AlignRight | Qt.AlignVCenter, label)
            width = max(2.0, bar_room * employment / most)
            painter.fillRect(QRectF(label_w, y + row_h * 0.18, width, row_h * 0.64), BAR)
            painter.drawText(
                QRectF(label_w + width + 6, y, 90, row_h), Qt.AlignLeft | Qt.AlignVCenter, format_count(employment)
            )


class _NumberItem(QTableWidgetItem):
    """Shows formatted text, sorts by the number behind it."""

    def __init__(self, text: str, value: float | None) -> None:
        super().__init__(text)
        self.setData(Qt.UserRole, -1 if value is None else value)
        self.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)

    def __lt__(self, other) -> bool:
        return self.data(Qt.UserRole) < other.data(Qt.UserRole)


COLUMNS = ("Card", "Family", "SOC code", "Occupation", "Employment", "Median wage", "Wage for")


class DataPromptsDialog(QDialog):
    def __init__(self, controller, session_id: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Labor-market data prompts")
        # A 1280x720 projector laptop: the dialog fits its screen, the picker and the buttons stay on it
        # and the chart and the table scroll between them (their minimum is taller than what is left).
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1180, screen.width() - 40), min(720, screen.height() - 60))
        self.controller, self.session_id = controller, session_id
        self.data: LaborData | None = None
        self.rows: list[Row] = []
        self.families: list[tuple[str, str, int]] = []
        partnership = controller.ws.partnership

        self.industry = IndustryPicker(partnership.industry, partnership.industry_code)
        self.region = AreaPicker(partnership.region, partnership.area_code)
        show = QPushButton("Show")
        show.clicked.connect(self.refresh)
        self.industry.returnPressed.connect(self.refresh)
        self.region.returnPressed.connect(self.refresh)
        pick = QFormLayout()
        pick.addRow("Industry", self.industry)
        pick.addRow("Region", self.region)
        pick.addRow("", self.region.note)
        top = QHBoxLayout()
        top.addLayout(pick, 1)
        top.addWidget(show, 0, Qt.AlignBottom)

        self.chart = FamilyChart()
        self.family_list = QListWidget()
        self.family_list.setMaximumHeight(170)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Employment by occupational family</b>"))
        left_layout.addWidget(self.chart, 1)
        left_layout.addWidget(QLabel("Category headers to put on the wall:"))
        left_layout.addWidget(self.family_list)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((44, 120, 72, 300, 92, 96, 96)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Top occupations in the industry</b> (tick to add a prompt card)"))
        right_layout.addWidget(self.table, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([430, 750])

        self.caption = QLabel("Loading the labor-market data…")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #555b66;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.put_button = self.buttons.addButton("Put on the wall", QDialogButtonBox.ActionRole)
        self.put_button.clicked.connect(self.put_on_wall)
        self.put_button.setEnabled(False)
        if not session_id:
            self.put_button.setToolTip("Open a critical-occupations session to put data on its wall.")
        self.buttons.rejected.connect(self.reject)
        self.result_label = QLabel()

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(splitter, 1)
        body_layout.addWidget(self.caption)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        when_loaded(self, self._on_loaded)

    def _on_loaded(self, data: LaborData) -> None:
        self.data = data
        self.refresh()

    def refresh(self) -> None:
        if self.data is None:
            return
        industry_code = self.industry.code() or ALL_INDUSTRIES
        area_code = self.region.code() or NATIONAL
        overrides = self.controller.wf.imported_figures(area_code, industry_code) or None
        self.families, self.rows, caption = staffing(self.data, industry_code, area_code, overrides)
        self.caption.setText(caption)
        self.chart.set_families(self.families)
        self.family_list.clear()
        for i, (code, title, employment) in enumerate(self.families):
            item = QListWidgetItem(f"{title}  ({format_count(employment)})")
            item.setData(Qt.UserRole, (code, title))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if i < 5 else Qt.Unchecked)
            self.family_list.addItem(item)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            tick.setCheckState(Qt.Unchecked)
            tick.setData(Qt.UserRole, row.code)
            self.table.setItem(r, 0, tick)
            self.table.setItem(r, 1, QTableWidgetItem(row.family))
            self.table.setItem(r, 2, QTableWidgetItem(row.code))
            title = QTableWidgetItem(row.title)
            title.setToolTip(row.title)
            self.table.setItem(r, 3, title)
            self.table.setItem(r, 4, _NumberItem(format_count(row.employment), row.employment))
            wage = row.median
            sort_wage = (10**9 if wage.topcoded else wage.median) if wage else None
            self.table.setItem(r, 5, _NumberItem(wage.wage if wage else "—", sort_wage))
            self.table.setItem(r, 6, QTableWidgetItem(row.wage_where))
        self.table.setSortingEnabled(True)
        self.table.sortItems(4, Qt.DescendingOrder)  # most employed first
        self.put_button.setEnabled(bool(self.session_id) and bool(self.rows or self.families))

    # --- choosing and placing -----------------------------------------------------------------

    def chosen_families(self) -> list[tuple[str, str]]:
        return [
            self.family_list.item(i).data(Qt.UserRole)
            for i in range(self.family_list.count())
            if self.family_list.item(i).checkState() == Qt.Checked
        ]

    def chosen_occupations(self) -> list[Row]:
        by_code = {row.code: row for row in self.rows}
        out = []
        for r in range(self.table.rowCount()):
            tick = self.table.item(r, 0)
            if tick.checkState() == Qt.Checked:
                out.append(by_code[tick.data(Qt.UserRole)])
        return out

    def put_on_wall(self) -> None:
        session = self.controller.ws.sessions.get(self.session_id or "")
        if session is None:
            return
        have = {c.title.casefold() for c in session.categories.values()}
        have_cards = {(c.soc_code, c.prompt) for c in session.cards.values()}
        commands = []
        for _code, title in self.chosen_families():
            if title.casefold() not in have:
                commands.append(AddCategory(session.id, title))
                have.add(title.casefold())
        cards = 0
        for row in self.chosen_occupations():
            if (row.code, True) in have_cards:
                continue
            wage = f"; median wage {row.median.wage} ({row.wage_where})" if row.median and row.median.has_wage else ""
            notes = f"Data prompt: {format_count(row.employment)} employed in the industry{wage}. Source: {SOURCE}."
            commands.append(
                AddCard(
                    session.id,
                    row.title,
                    kind="occupation",
                    prompt=True,
                    soc_code=row.code,
                    soc_title=row.title,
                    notes=notes,
                )
            )
            cards += 1
        if not commands:
            self.result_label.setText("Nothing new to put on the wall: those headers and cards are there already.")
            return
        if self.controller.run(Batch("Put data on the wall", commands)):
            headers = len(commands) - cards
            self.result_label.setText(
                f"Put {headers} category header{'s' if headers != 1 else ''} and {cards} prompt "
                f"card{'s' if cards != 1 else ''} on the wall (one undo step)."
            )
