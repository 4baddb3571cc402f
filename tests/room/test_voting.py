"""The domain's voting rules (cardwall/voting.py), as the room's devices and the matrix rely on them."""

from __future__ import annotations

import pytest

from cardwall import panels, voting
from cardwall.commands import CastDot, DomainError, EditPanel
from cardwall.model import Participant


def _panel_session(demo):
    session = next(s for s in demo.ws.ordered_sessions() if s.info.kind == "skill-panel")
    panel = session.ordered_panels()[0]
    tasks = sorted(t.id for t in session.tasks.values() if t.panel_id == panel.id)
    return session, panel, tasks


def test_partners_listen_so_the_dot_command_refuses_them(demo):
    session, _panel, tasks = _panel_session(demo)
    partner = next(p for p in session.participants.values() if p.role == "partner")
    assert not voting.may_vote(partner) and partner not in voting.voters(session)
    with pytest.raises(DomainError, match="partners do not vote"):
        demo.execute(CastDot(session.id, tasks[0], partner.id))
    assert not [v for v in session.votes.values() if v.participant_id == partner.id]


def test_the_budget_is_the_panels(demo):
    session, panel, tasks = _panel_session(demo)
    voter = voting.voters(session)[0]
    used = voting.dots_left(session, panel, voter.id, panel.voting_round)
    free = [t for t in tasks if (f"{t}|{voter.id}|{panel.voting_round}") not in session.votes]
    for task in free[:used]:
        demo.execute(CastDot(session.id, task, voter.id))
    assert voting.dots_left(session, session.panels[panel.id], voter.id, panel.voting_round) == 0
    assert "used all" in voting.refusal(session, session.panels[panel.id], voter, panel.voting_round)


def test_hidden_results_show_a_viewer_only_their_own_dots_and_no_totals(demo):
    session, panel, _tasks = _panel_session(demo)
    demo.execute(EditPanel(session.id, panel.id, revealed=False))
    hidden = session.panels[panel.id]
    voter = voting.voters(session)[0]
    assert voting.visible_totals(session, hidden) is None
    seen = voting.visible_votes(session, hidden, voter.id)
    assert seen and all(v.participant_id == voter.id for v in seen)
    assert voting.visible_votes(session, hidden, None) == []
    demo.execute(EditPanel(session.id, panel.id, revealed=True))
    shown = session.panels[panel.id]
    assert voting.visible_totals(session, shown) == panels.totals(session, panel.id)
    assert len(voting.visible_votes(session, shown, None)) == len(
        [v for v in session.votes.values() if v.panel_id == panel.id]
    )


def test_only_employer_roles_vote():
    roles = {
        r: voting.may_vote(Participant(id="p", name="x", role=r))
        for r in ("employer", "hiring-authority", "employee", "partner")
    }
    assert roles == {"employer": True, "hiring-authority": True, "employee": True, "partner": False}
