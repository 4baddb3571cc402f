"""The capture bar with real keys: ten cards, a new author, a stack, a paste, refusals, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from cardwall.model import MAX_TEXT
from tests.ui import test_wall_docks
from tests.ui.test_wall_docks import SID, session_of
from ui.wall.capture import find_participant, split_pasted

room, wall = test_wall_docks.room, test_wall_docks.wall  # the fixtures


def type_card(qtbot, bar, text: str, *, shift: bool = False) -> None:
    qtbot.keyClicks(bar.text, text)
    qtbot.keyClick(bar.text, Qt.Key_Return, Qt.ShiftModifier if shift else Qt.NoModifier)


def texts(session) -> list[str]:
    return sorted(c.text for c in session.cards.values())


def test_ten_cards_by_keyboard_then_undo_step_by_step(qtbot, wall):
    controller, path, page, _docks = wall
    bar = page.capture_bar
    stack = controller.undo_stack

    # The author: "ana" is Ana Ruiz (the only match); Enter moves on to the card text.
    bar.author.setFocus()
    qtbot.keyClicks(bar.author, "ana")
    qtbot.keyClick(bar.author, Qt.Key_Return)
    assert bar.author.text() == "Ana Ruiz, Acme Tool"
    assert bar.text.hasFocus()
    assert stack.count() == 0

    # 1-2: into the tray; the field clears and keeps focus, the author stays.
    type_card(qtbot, bar, "CNC machinist")
    assert bar.text.text() == "" and bar.text.hasFocus()
    assert bar.author.text() == "Ana Ruiz, Acme Tool"
    type_card(qtbot, bar, "Welder")
    first = session_of(path)
    assert texts(first) == ["CNC machinist", "Welder"]
    assert all(c.category_id is None and c.author_id == "p1" and c.kind == "occupation" for c in first.cards.values())

    # 3: a cell is selected on the wall: the card goes there, and the bar says so.
    page.select([], cell=("c1", "L2"))
    assert bar.target.text() == "→ Production · Mid"
    type_card(qtbot, bar, "Maintenance technician")

    # 4: Ctrl+3, a third card (shown on the chip and the button); Ctrl+3 again turns it off.
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)
    assert bar.third_button.isChecked() and "3rd card" in bar.chip.text()
    type_card(qtbot, bar, "Quality inspector")
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)
    assert not bar.third_button.isChecked()

    # 5: Ctrl+K, a skill card: the selected column's skills row.
    qtbot.keyClick(bar.text, Qt.Key_K, Qt.ControlModifier)
    assert bar.chip.text() == "Skill" and bar.target.text() == "→ Production · skills"
    type_card(qtbot, bar, "Blueprint reading")
    qtbot.keyClick(bar.text, Qt.Key_K, Qt.ControlModifier)
    assert bar.chip.text() == "Occupation"
    page.select([], cell=None)
    assert bar.target.text() == "→ Tray"

    # 6: a new author, added on the fly ("Name, Organization").
    bar.author.setFocus()
    bar.author.selectAll()
    qtbot.keyClicks(bar.author, "Dee Park, Front Range Fab")
    bar.text.setFocus()
    type_card(qtbot, bar, "Forklift operator")
    mid = session_of(path)
    dee = next(p for p in mid.participants.values() if p.name == "Dee Park")
    assert dee.organization == "Front Range Fab"
    forklift = next(c for c in mid.cards.values() if c.text == "Forklift operator")
    assert forklift.author_id == dee.id
    assert stack.text(stack.count() - 1) == "Add card"  # participant and card: one undo step
    assert bar.author.text() == "Dee Park, Front Range Fab"

    # The card field completes from the wall.
    qtbot.keyClicks(bar.text, "ift")
    assert bar.text.completer().currentCompletion() == "Forklift operator"
    bar.text.clear()

    # 7: the same occupation again: the bar offers the stack; Enter takes it.
    qtbot.keyClicks(bar.text, "cnc  MACHINIST")
    assert bar.hint.text() == "Enter: stack on “CNC machinist” (x1)  ·  Shift+Enter: new card"
    qtbot.keyClick(bar.text, Qt.Key_Return)
    assert bar.hint.text() == ""
    after_stack = session_of(path)
    cnc = next(c for c in after_stack.cards.values() if c.text == "CNC machinist")
    piled = next(c for c in after_stack.cards.values() if c.text == "cnc  MACHINIST")
    assert piled.stack_id == cnc.id and piled.author_id == dee.id
    assert stack.text(stack.count() - 1).startswith("Add card to the")

    # 8: Shift+Enter refuses the offer: a new card of its own.
    qtbot.keyClicks(bar.text, "welder")
    assert "(x1)" in bar.hint.text()
    qtbot.keyClick(bar.text, Qt.Key_Return, Qt.ShiftModifier)
    assert all(c.stack_id is None for c in session_of(path).cards.values() if c.text.lower() == "welder")

    # 9: Ctrl+M, a note card.
    qtbot.keyClick(bar.text, Qt.Key_M, Qt.ControlModifier)
    assert bar.chip.text() == "Note"
    type_card(qtbot, bar, "Ask about apprenticeships")
    qtbot.keyClick(bar.text, Qt.Key_M, Qt.ControlModifier)

    # 10
    type_card(qtbot, bar, "Assembler")

    ten = session_of(path)
    assert len(ten.cards) == 10
    assert stack.count() == 10  # one undo step per card
    by_text = {c.text: c for c in ten.cards.values()}
    assert (by_text["Maintenance technician"].category_id, by_text["Maintenance technician"].level_id) == ("c1", "L2")
    assert by_text["Quality inspector"].round == 2 and (by_text["Quality inspector"].category_id == "c1")
    assert sum(c.round == 2 for c in ten.cards.values()) == 1
    skill = by_text["Blueprint reading"]
    assert (skill.kind, skill.category_id, skill.level_id) == ("skill", "c1", None)
    assert by_text["Ask about apprenticeships"].kind == "note"
    assert by_text["Assembler"].category_id is None and by_text["Assembler"].author_id == dee.id

    # Refusals: the domain's message right under the field; nothing saved, the text kept.
    qtbot.keyClick(bar.text, Qt.Key_Return)
    assert bar.message.text() == "Card text is empty: type something first."
    bar.text.setText("x" * (MAX_TEXT + 1))
    qtbot.keyClick(bar.text, Qt.Key_Return)
    assert f"the limit is {MAX_TEXT}" in bar.message.text()
    assert len(bar.text.text()) == MAX_TEXT + 1
    assert stack.count() == 10 and len(session_of(path).cards) == 10
    bar.text.clear()
    assert "the limit is" in bar.message.text()  # stays until typing again
    qtbot.keyClicks(bar.text, "W")
    assert bar.message.text() == ""
    bar.text.clear()

    # Undo step by step, checking the file each time.
    stack.undo()
    assert "Assembler" not in texts(session_of(path))
    stack.undo()
    stack.undo()
    assert texts(session_of(path)).count("Welder") + texts(session_of(path)).count("welder") == 1
    stack.undo()  # the stacked card goes, the pile is a single card again
    undone = session_of(path)
    assert "cnc  MACHINIST" not in texts(undone)
    assert all(c.stack_id is None for c in undone.cards.values())
    stack.undo()  # Forklift operator, and Dee Park with it
    undone = session_of(path)
    assert "Forklift operator" not in texts(undone)
    assert all(p.name != "Dee Park" for p in undone.participants.values())
    while stack.canUndo():
        stack.undo()
    assert session_of(path).cards == {}
    stack.redo()
    assert texts(session_of(path)) == ["CNC machinist"]


def test_paste_five_lines_is_one_undo_step(qtbot, wall):
    controller, path, page, _docks = wall
    bar = page.capture_bar
    bar.author.setText("Bo Chen, Delta Weld")
    page.select([], cell=("c2", "L1"))
    bar.text.setFocus()
    QGuiApplication.clipboard().setText(
        "- Industrial electrician\n* PLC technician\r\n\n1. Millwright\n• HVAC technician\nBoiler operator\n"
    )
    qtbot.keyClick(bar.text, Qt.Key_V, Qt.ControlModifier)
    assert bar.text.text() == ""
    pasted = session_of(path)
    assert texts(pasted) == [
        "Boiler operator",
        "HVAC technician",
        "Industrial electrician",
        "Millwright",
        "PLC technician",
    ]
    assert {(c.category_id, c.level_id, c.author_id) for c in pasted.cards.values()} == {("c2", "L1", "p2")}
    ordered = [c.text for c in pasted.cards_in("c2", "L1")]
    assert ordered == ["Industrial electrician", "PLC technician", "Millwright", "HVAC technician", "Boiler operator"]
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.text(0) == "Paste 5 cards"
    controller.undo_stack.undo()
    assert session_of(path).cards == {}

    # A one-line paste is ordinary typing.
    QGuiApplication.clipboard().setText("Electrician")
    qtbot.keyClick(bar.text, Qt.Key_V, Qt.ControlModifier)
    assert bar.text.text() == "Electrician"
    assert session_of(path).cards == {}

    # A pasted block with one line too long is refused whole.
    bar.text.clear()
    QGuiApplication.clipboard().setText("Welder\n" + "y" * (MAX_TEXT + 5))
    qtbot.keyClick(bar.text, Qt.Key_V, Qt.ControlModifier)
    assert "limit" in bar.message.text()
    assert session_of(path).cards == {}


def test_author_enter_adds_an_unknown_person_once(qtbot, wall):
    _controller, path, page, _docks = wall
    bar = page.capture_bar
    bar.author.setFocus()
    qtbot.keyClicks(bar.author, "Lee Ortiz, Peak Plastics")
    qtbot.keyClick(bar.author, Qt.Key_Return)
    people = session_of(path).participants
    assert [(p.name, p.organization) for p in people.values() if p.name == "Lee Ortiz"] == [
        ("Lee Ortiz", "Peak Plastics")
    ]
    type_card(qtbot, bar, "Extrusion operator")
    again = session_of(path)
    assert len(again.participants) == 3
    card = next(iter(again.cards.values()))
    assert again.participants[card.author_id].name == "Lee Ortiz"
    assert bar.author.completer().model().stringList()[-1] == "Lee Ortiz, Peak Plastics"


def test_find_participant_and_split_pasted(room):
    controller, _path = room
    session = controller.ws.sessions[SID]
    assert find_participant(session, "ANA ruiz").id == "p1"
    assert find_participant(session, "bo chen, delta weld").id == "p2"
    assert find_participant(session, "delta").id == "p2"  # the only one that matches
    assert find_participant(session, "Bo Chen, Other Co") is None  # a different person
    assert find_participant(session, "Zed") is None
    assert split_pasted("a\r\n\n  - b \n3) c\n•d") == ["a", "b", "c", "•d"]
