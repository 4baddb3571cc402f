"""Migration 7: an occupation's job description and tools (the pathway map's) come to files made before them."""

from __future__ import annotations

import sqlite3

from cardwall.commands import AddCard, AddSession, EditCard
from storage.workspace import WorkspaceFile


def _older(path) -> None:
    """The file as a Cardwall before migration 7 wrote it: no description or tools columns."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE cards DROP COLUMN description")
        conn.execute("ALTER TABLE cards DROP COLUMN tools")
        conn.execute("DELETE FROM migrations WHERE number >= 6")
        conn.execute("PRAGMA user_version = 5")
    conn.close()


def test_an_older_file_gains_the_columns_keeps_its_cards_and_takes_the_new_fields(tmp_path):
    path = tmp_path / "old.cardwall"
    with WorkspaceFile.open(path) as wf:
        wf.execute(AddSession(kind="critical-occupations", title="Wall", session_id="s"))
        wf.execute(AddCard("s", "CNC machinist", card_id="k1", education="Certificate"))
    _older(path)
    with WorkspaceFile.open(path, readonly=True) as ro:  # read without migrating: the defaults
        card = ro.ws.sessions["s"].cards["k1"]
        assert (card.text, card.education, card.description, card.tools) == ("CNC machinist", "Certificate", "", "")
    with WorkspaceFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] >= 7
        wf.execute(EditCard("s", "k1", description="Runs CNC lathes", tools="Mastercam"))
    with WorkspaceFile.open(path, readonly=True) as again:
        card = again.ws.sessions["s"].cards["k1"]
        assert (card.education, card.description, card.tools) == ("Certificate", "Runs CNC lathes", "Mastercam")
