"""Text SQLite cannot store (half a UTF-16 surrogate pair) never splits what the app shows from what the file holds.

A lone surrogate reaches a Python str from a JSON `\\ud800` escape or a file name decoded with
surrogateescape. The commands replace it with U+FFFD; anything unstorable that still reaches the file
is refused as a StorageError and the change is put back, so memory and file stay equal.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardwall import commands as c
from cardwall.interchange import session_to_dict
from storage.errors import StorageError
from storage.workspace import WorkspaceFile
from tests.helpers import reopen

# (st.text over a union of alphabets drops the surrogates, so join single characters instead)
WITH_SURROGATES = st.lists(
    st.one_of(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE00F, exclude_categories=()), st.characters()),
    min_size=1,
    max_size=60,
).map("".join)


def test_a_lone_surrogate_in_typed_text_is_stored_as_a_replacement_character(wf, workspace_path):
    add = c.AddSession(kind="critical-occupations", title="Caf\udce9 talk")
    wf.execute(add)
    card = c.AddCard(add.session_id, "Welder \ud800 lead")
    wf.execute(card)
    wf.execute(c.AddParticipant(add.session_id, name="Zo\udce9", organization="\udfffAcme"))
    session = wf.ws.sessions[add.session_id]
    assert session.info.title == "Caf\ufffd talk"
    assert session.cards[card.card_id].text == "Welder \ufffd lead"
    assert {(p.name, p.organization) for p in session.participants.values()} == {("Zo\ufffd", "\ufffdAcme")}
    assert reopen(workspace_path) == wf.ws


def test_an_unstorable_value_is_refused_and_put_back(wf, workspace_path):
    add = c.AddSession(kind="critical-occupations", title="Wall")
    wf.execute(add)
    before = copy.deepcopy(wf.ws)
    with pytest.raises(StorageError, match="could not be saved"):
        wf.execute(c.AddCard(add.session_id, "Welder", card_id="k\ud800"))  # ids are not cleaned text
    assert wf.ws == before
    assert reopen(workspace_path) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(WITH_SURROGATES, min_size=1, max_size=4))
def test_text_with_surrogates_reopens_as_it_shows(texts):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.cardwall"
        with WorkspaceFile.open(path, backup=False) as wf:
            add = c.AddSession(kind="critical-occupations", title="Wall")
            wf.execute(add)
            sid = add.session_id
            for text in texts:
                for command in (
                    c.AddCard(sid, text),
                    c.AddParticipant(sid, name=text, organization=text),
                    c.SetStepNote(sid, 3, text),
                    c.AddNextStep(sid, text=text, owner=text),
                    c.AddCategory(sid, text),
                ):
                    before = copy.deepcopy(wf.ws)
                    try:
                        wf.execute(command)
                    except c.DomainError:
                        assert wf.ws == before
            shown = copy.deepcopy(wf.ws)
        assert reopen(path) == shown
        assert json.dumps(session_to_dict(shown, sid), ensure_ascii=False).encode("utf-8")  # no surrogate is left
