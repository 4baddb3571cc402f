"""Whatever people type, in any script, survives commands, the file and JSON, or is refused clearly."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cardwall import commands as c
from cardwall.interchange import ImportSession, session_to_dict
from cardwall.model import MAX_TEXT
from storage.workspace import WorkspaceFile

HOSTILE = [
    "AT&T <b>bold</b> <img src=x onerror=alert(1)>",
    "=cmd|' /C calc'!A0",
    "Zoë Müller — Nguyễn Thị Lan “quoted” ≥ 5",
    "مهندس صيانة",  # RTL
    "数控机床操作员",
    "Welder 🔥👩‍🏭",
    "line one\nline two\r\nline three",
    "tab\tnull\x00bell\x07",
    "R&D <script>",
    "x" * 10_000,
]

ANY_TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=600))


def _apply_or_refuse(wf: WorkspaceFile, command) -> bool:
    before = copy.deepcopy(wf.ws)
    try:
        wf.execute(command)
        return True
    except c.DomainError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert wf.ws == before
        return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=6))
@example(texts=HOSTILE)
def test_any_text_round_trips_through_file_and_json(texts):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.cardwall"
        with WorkspaceFile.open(path, backup=False) as wf:
            add = c.AddSession(kind="critical-occupations", title="Hostile text")
            wf.execute(add)
            sid = add.session_id
            wf.execute(c.AddCategory(sid, "Production", category_id="prod"))
            for text in texts:
                card = c.AddCard(sid, text, category_id="prod", level_id="L1")
                if _apply_or_refuse(wf, card):
                    stored = wf.ws.sessions[sid].cards[card.card_id].text
                    assert stored.strip() == stored and "\x00" not in stored and len(stored) <= MAX_TEXT
                    _apply_or_refuse(wf, c.EditCard(sid, card.card_id, notes=text))
                _apply_or_refuse(wf, c.AddParticipant(sid, name=text, organization=text))
                _apply_or_refuse(wf, c.SetStepNote(sid, 6, text))
                _apply_or_refuse(wf, c.AddNextStep(sid, text=text, owner=text))
            expected = copy.deepcopy(wf.ws)
            exported = session_to_dict(wf.ws, sid)
        with WorkspaceFile.open(path, readonly=True) as again:
            assert again.ws == expected
        # JSON export -> import gives an equal session.
        from cardwall.model import Workspace

        fresh = Workspace()
        command = ImportSession(json.loads(json.dumps(exported, ensure_ascii=False)))
        command.apply(fresh)
        assert session_to_dict(fresh, command.session_id) == exported


def test_over_long_card_text_gets_a_clear_message(wf):
    add = c.AddSession(kind="critical-occupations", title="Wall")
    wf.execute(add)
    try:
        wf.execute(c.AddCard(add.session_id, "x" * 10_000))
    except c.DomainError as exc:
        assert str(exc) == "Card text is 10,000 characters long; the limit is 500."
    else:
        raise AssertionError("a 10,000-character card was accepted")
