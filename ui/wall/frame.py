"""The frame of the wall around its cards: column headers with their counts, level labels, cell backgrounds,
the tray's header and the legend, brought in line with a layout (all of it, or the cells a change relaid)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsRectItem

from cardwall.model import Session
from ui.wall.header_item import HeaderItem, LevelLabelItem
from ui.wall.layout import TRAY, Cell, WallLayout
from ui.wall.style import LABEL_W, MARGIN


def sync_frame(scene, session: Session, layout: WallLayout, relaid: set[Cell] | None = None) -> None:
    """Headers, level labels and cell backgrounds; with `relaid`, only the columns and cells it names."""
    look = scene.look
    counts: dict[str, int] = {}
    if relaid is None:
        for pile in layout.piles.values():
            cat = pile[0].category_id
            if cat is not None:
                counts[cat] = counts.get(cat, 0) + len(pile)
    else:
        piles, cells = layout.piles, layout.cells
        for cat in {c[0] for c in relaid if c[0] is not None}:  # the columns a change touched, cell by cell
            column = (cells.get((cat, row.level_id)) for row in layout.rows)
            counts[cat] = sum(geometry.cards(piles) for geometry in column if geometry is not None)
    # The same columns and rows as before (layout.same_frame): only the touched columns' headers and cells change.
    moved = relaid is None or not layout.same_frame
    wanted = {c.category_id: c for c in layout.columns}
    if moved:
        for cat_id in [c for c in scene.headers if c not in wanted]:
            scene.removeItem(scene.headers.pop(cat_id))
    for column in layout.columns if moved else [wanted[c] for c in counts if c in wanted]:
        if relaid is not None and column.category_id not in counts and column.category_id in scene.headers:
            continue
        category = session.categories[column.category_id]
        header = scene.headers.get(column.category_id)
        if header is None:
            header = HeaderItem(category, column.width, look, counts.get(category.id, 0))
            scene.headers[category.id] = header
            scene.addItem(header)
        else:
            header.set_data(category, column.width, look, counts.get(category.id, 0))
        header.setPos(column.x, MARGIN)
    if moved:
        _sync_labels(scene, layout)
        for cell in [c for c in scene.cell_items if c not in layout.cells]:
            scene.removeItem(scene.cell_items.pop(cell))
    column_index = {c.category_id: i for i, c in enumerate(layout.columns)}
    for cell in layout.cells if relaid is None else relaid:
        geometry = layout.cells[cell]
        rect_item = scene.cell_items.get(cell)
        painted = rect_item is not None and not moved  # the same column, the same colour: painted already
        if rect_item is None:
            rect_item = QGraphicsRectItem()
            rect_item.setPen(Qt.NoPen)
            rect_item.setZValue(-10)
            scene.cell_items[cell] = rect_item
            scene.addItem(rect_item)
        if cell == TRAY:
            colour = look.tray
        elif cell[1] is None:
            colour = look.skills_cell
        else:
            colour = look.cell if column_index.get(cell[0], 0) % 2 == 0 else look.cell_alt
        if not painted:
            rect_item.setBrush(QBrush(QColor(colour)))
        if rect_item.rect() != geometry.rect:
            rect_item.setRect(geometry.rect)
    scene.tray_header.setRect(QRectF(0, 0, layout.tray_header.width(), layout.tray_header.height()))
    scene.tray_header.setPos(layout.tray_header.topLeft())
    scene.legend.setPos(layout.legend)
    scene.legend.setVisible(bool(layout.columns))
    scene.empty_hint.setVisible(not layout.columns)
    scene.empty_hint.setPos(MARGIN + LABEL_W + 40, MARGIN + 10)


def _sync_labels(scene, layout: WallLayout) -> None:
    """The level labels down the left: one per row, as tall as its row."""
    look = scene.look
    rows = {r.level_id: r for r in layout.rows}
    names = tuple(r.name for r in layout.rows)
    for key in [k for k in scene.labels if k not in rows]:
        scene.removeItem(scene.labels.pop(key))
    for row in layout.rows:
        label = scene.labels.get(row.level_id)
        if label is None:
            label = LevelLabelItem(row.level_id, row.name, row.height, look, names)
            scene.labels[row.level_id] = label
            scene.addItem(label)
        else:
            label.set_data(row.name, row.height, look, names)
        label.setPos(MARGIN, row.y)
