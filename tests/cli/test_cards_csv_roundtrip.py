"""`cardwall import` of the demo's cards.csv into a fresh workspace: the same cards, rounds and piles included."""

from __future__ import annotations

from cardwall.wall import stack_root
from storage.demo import build_demo
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import cardwall
from tests.helpers import reopen


def _cards(session) -> list[tuple]:
    cats = {c.id: c.title for c in session.categories.values()}
    levels = {lv.id: lv.name for lv in session.levels.values()}
    return sorted(
        (
            k.text,
            k.kind,
            k.round,
            stack_root(session, k).text,  # the pile it is in, by its bottom card's text
            cats.get(k.category_id, ""),
            levels.get(k.level_id, ""),
            k.soc_code,
            k.description,
            k.tools,
        )
        for k in session.cards.values()
    )


def test_the_cards_csv_round_trip_as_processes(tmp_path):
    demo = build_demo(tmp_path / "demo.cardwall", later=False)
    with WorkspaceFile.open(demo, readonly=True) as wf:
        wall = next(s for s in wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
        assert any(k.stack_id for k in wall.cards.values()) and any(k.round == 2 for k in wall.cards.values())
        expected = _cards(wall)
        wall_id = wall.id
    out = tmp_path / "out"
    exported = cardwall("export", demo, "--out", out, "--session", wall_id)
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.cardwall"
    imported = cardwall("import", fresh, out / "cards.csv")
    assert imported.returncode == 0, imported.stderr
    (session,) = reopen(fresh).sessions.values()
    assert _cards(session) == expected
