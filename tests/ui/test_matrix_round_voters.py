"""The voter list follows the round: round 2 (high-performing employees) offers no hiring authority."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_matrix import room, start_from  # noqa: F401  (the fixture)
from ui.matrix.voting import ARRANGE, TALLY


def offered(page) -> list[str]:
    ids = [page.voting.picker.item(i).data(Qt.UserRole) for i in range(page.voting.picker.count())]
    return [i for i in ids if i not in (ARRANGE, TALLY)]


def test_round_two_offers_its_own_voters(room, qtbot):  # noqa: F811
    page = room
    start_from(page, "Template: Tool and Die Maker")
    assert offered(page) == ["p1", "p2", "p3"]  # the partner listens
    page.voting.round.setCurrentIndex(page.voting.round.findData(2))
    assert offered(page) == ["p3"]
    page.setFocus()
    assert page.voting.pick_number(1) and page.voting.voter_id() == "p3"  # key 1 is round 2's first voter
    assert not page.voting.pick_number(2)
