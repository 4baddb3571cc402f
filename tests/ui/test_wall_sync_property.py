"""Any run of wall commands, undone and redone: after each, the scene synced by what the command named is the
scene a full layout of the session draws (columns widened or narrowed, rows grown, piles made and split)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardwall import commands as c
from cardwall.model import REASONS
from tests.ui.test_wall_sync import _assert_like_a_full_layout
from tests.ui.wall_helpers import SID, close_page, make_wall, open_page

CELLS = [(None, None)] + [(cat, lv) for cat in ("c1", "c2", "c3") for lv in ("L1", "L2", "L3", None)]


def _wall_command(data, session, step: int) -> c.Command:
    # New cards and categories get ids from the step, not fresh random ones: the draws that follow pick from
    # sorted ids, and hypothesis must see the same choices when it replays an example.
    cards = sorted(session.cards)
    card = data.draw(st.sampled_from(cards)) if cards else None
    cell = data.draw(st.sampled_from([x for x in CELLS if x[0] is None or x[0] in session.categories]))
    choice = data.draw(st.integers(0, 9))
    if choice <= 1 or card is None:
        return c.AddCard(
            SID,
            data.draw(st.sampled_from(["Welder", "CNC machinist", "Painter"])),
            category_id=cell[0],
            level_id=cell[1],
            card_id=f"new{step:02d}",
        )
    if choice <= 4:
        many = data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3))
        return c.MoveCards(SID, many, category_id=cell[0], level_id=cell[1], index=data.draw(st.integers(0, 6)))
    if choice == 5:
        return c.StackCards(SID, [card], onto=data.draw(st.sampled_from(cards)))
    if choice == 6:
        return data.draw(st.sampled_from([c.UnstackCard, c.SplitStack]))(SID, card)
    if choice == 7:
        return c.DeleteCards(SID, [card])
    if choice == 8:
        return c.EditCard(SID, card, reasons=data.draw(st.lists(st.sampled_from(REASONS), max_size=2)))
    if len(session.categories) < 4:
        return c.AddCategory(SID, "Maintenance", category_id=f"cat{step:02d}")
    return c.DeleteCategory(SID, "c3")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_after_any_command_undo_and_redo_the_scene_is_a_full_layout(qtbot, tmp_path_factory, data):
    path = make_wall(tmp_path_factory.mktemp("wall") / "w.cardwall")
    wf, controller, page = open_page(qtbot, path)
    try:
        scene, done = page.scene, 0
        for step in range(data.draw(st.integers(5, 30))):
            command = _wall_command(data, wf.ws.sessions[SID], step)
            if controller.run(command) is None:
                continue
            done += 1
            if data.draw(st.booleans()) and scene.layout.piles and len(scene.expanded) < 2:
                scene.toggle_expanded(data.draw(st.sampled_from(sorted(scene.layout.piles))))
            _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
        for _ in range(done):
            controller.undo_stack.undo()
            _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
        for _ in range(done):
            controller.undo_stack.redo()
            _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
    finally:
        close_page(page, wf)
