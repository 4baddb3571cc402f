"""The frame of the wall around its cards: column headers with their counts, level labels, cell backgrounds,
the tray's header, the legend and the key to the piles' initials, brought in line with a layout (all of it,
or the cells a change relaid)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsRectItem

from cardwall.model import Session
from ui.wall.header_item import HeaderItem, LevelLabelItem
from ui.wall.layout import TRAY, Cell, WallLayout
from ui.wall.namers_key import NamersKeyItem, key_entries, shown_initials
from ui.wall.style import LABEL_W, MARGIN

KEY_INDENT = 2.0  # em between the legend and the key beside it
KEY_FOOT = 4.0  # scene px kept under the key's last line, at the wall's foot


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
    _sync_key(scene, session, layout, relaid)
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


def framed_rect(scene, layout: WallLayout) -> QRectF:
    """The scene's rect: the layout's, and as much lower as the key to the initials needs (never over a card)."""
    rect = QRectF(layout.scene_rect)
    key = getattr(scene, "namers_key", None)
    if key is not None and key.isVisible():
        rect.setBottom(max(rect.bottom(), key.y() + key.boundingRect().bottom() + KEY_FOOT))
    return rect


def _sync_key(scene, session: Session, layout: WallLayout, relaid: set[Cell] | None) -> None:
    """The key to the initials the piles show: all piles on a whole sync, the piles of the relaid cells
    (and the piles gone) on a command's; what it says is gathered again only when one of them changed."""
    key = getattr(scene, "namers_key", None)
    if key is None:
        key = scene.namers_key = NamersKeyItem()
        scene.addItem(key)
        scene.key_piles = {}  # root id -> (((initials, organisation), ...), footer size, footer, far footer)
        scene.key_said = ([], 0)  # the entries and the largest footer size, as last gathered
    piles, shown = layout.piles, scene.key_piles
    # The footers depend on the type the cards share: a new shared size may change any of them.
    state = (id(scene.paints), scene.paints.far_shared)
    changed = relaid is None or getattr(scene, "key_state", None) != state
    if changed:
        shown.clear()
        roots = [root for root, pile in piles.items() if len(pile) > 1]
    else:
        for root in shown.keys() - piles.keys():  # stacked onto another pile; a pile of one is in a relaid cell
            del shown[root]
            changed = True
        roots = [r for cell in relaid if cell in layout.cells for r in layout.cells[cell].roots]
    scene.key_state = state
    for root in roots:
        item = scene.cards.get(root)
        before = shown.get(root)
        if item is None or len(piles.get(root, ())) < 2:
            said = None
        elif before is not None and before[2] is item.footer and before[3] is item.far_footer():
            continue  # the same footer as last time (a card of its cell moved): the same initials
        else:
            pairs = shown_initials(session, piles[root], item)
            said = (pairs, item.far_footer().px, item.footer, item.far_footer()) if pairs else None
        if (before and before[:2]) != (said and said[:2]):
            changed = True
        if said:
            shown[root] = said
        elif before is not None:
            del shown[root]
    if changed:
        entries = key_entries(p for pairs, *_rest in shown.values() for p in pairs)
        scene.key_said = (entries, max((said[1] for said in shown.values()), default=0))
    entries, show_px = scene.key_said
    look, legend = scene.look, scene.legend
    px = legend.font().pixelSize()
    key.setPos(layout.legend)
    key.set_key(
        entries if layout.columns else [],
        px=px,
        least_px=show_px,  # never smaller than the initials it explains: read wherever they are
        band=layout.scene_rect.bottom() - KEY_FOOT - layout.legend.y(),
        show_px=show_px,
        colour=look.grid_text,
        far_below=look.far_below,
        indent=legend.boundingRect().width() + px * KEY_INDENT,
        width=layout.scene_rect.right() - MARGIN - layout.legend.x(),
    )
