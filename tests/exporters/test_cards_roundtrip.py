"""`cards.csv` imports back into the same cards, formulas neutralised on the way out and restored on the way in."""

from __future__ import annotations

import csv

from cardwall import commands as c
from cardwall.interchange import ImportSession, session_to_dict
from cardwall.model import Workspace
from exporters.bundle import export_session
from tests.exporters.test_exports_demo import sessions
from ui.importing import cards_command

HOSTILE = ("=SUM(A1:A9)", "+1 machinist", "-3 dots", "@welders")


def card_facts(session) -> list[tuple]:
    cats = {x.id: x.title for x in session.categories.values()}
    levels = {x.id: x.name for x in session.levels.values()}
    people = {p.id: p.name for p in session.participants.values()}
    return sorted(
        (
            k.text,
            k.kind,
            cats.get(k.category_id, ""),
            levels.get(k.level_id, ""),
            people.get(k.author_id, ""),
            k.reasons,
            k.soc_code,
            k.notes,
            k.round,
            session.cards[k.stack_id].text if k.stack_id else "",  # the pile it sits on, by its root's text
            k.soc_title,
            k.education,
            k.credentials,
            k.description,
            k.tools,
            k.prompt,
        )
        for k in session.cards.values()
        if k.category_id is None or k.level_id is not None or k.kind != "occupation"
    )


def test_cards_csv_reimports_into_the_same_cards(demo, tmp_path):
    wall, _ = sessions(demo)
    level = wall.ordered_levels()[0].id
    category = wall.ordered_categories()[0].id
    for text in HOSTILE:
        demo.execute(c.AddCard(wall.id, text, category_id=category, level_id=level, notes=f"note {text}", round=2))
    assert any(k.stack_id for k in wall.cards.values()) and any(k.round == 2 for k in wall.cards.values())
    export_session(demo.ws, wall.id, tmp_path)
    with (tmp_path / "cards.csv").open(encoding="utf-8-sig", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    assert "'=SUM(A1:A9)" in texts and "=SUM(A1:A9)" not in texts  # neutralised in the file

    data = session_to_dict(demo.ws, wall.id)
    data["cards"] = []
    fresh = Workspace()
    ImportSession(data, session_id="again").apply(fresh)
    command, report = cards_command(fresh.sessions["again"], tmp_path / "cards.csv")
    command.apply(fresh)
    assert card_facts(fresh.sessions["again"]) == card_facts(demo.ws.sessions[wall.id]), report.text()
    again = {k.text for k in fresh.sessions["again"].cards.values()}
    assert set(HOSTILE) <= again
