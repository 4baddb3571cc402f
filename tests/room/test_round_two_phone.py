"""A hiring authority's phone in round 2 says why it offers no dots (the round's rule, from cardwall/voting.py)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from cardwall.commands import EditPanel
from tests.room.conftest import PANELS
from tests.room.test_pages import _join, browser, phone  # noqa: F401  (the fixtures)


def test_a_hiring_authoritys_phone_in_round_two_offers_no_dots_and_says_why(serve, phone):  # noqa: F811
    served, room, host, _wf = serve(PANELS, ("dots",))
    host.submit(lambda: host.run_command(EditPanel(room.session_id, room.panel_id, voting_round=2))).result(5)
    boss = next(p for p in room.session.ordered_participants() if p.role == "hiring-authority")
    _join(phone, served.join_url, boss.name, boss.organization)
    expect(phone.get_by_text("round 2 is the high-performing employees' vote", exact=False)).to_be_visible()
    expect(phone.get_by_role("button", name=re.compile("^Place a dot on"))).to_have_count(0)
    host.submit(lambda: host.run_command(EditPanel(room.session_id, room.panel_id, voting_round=1))).result(5)
    expect(phone.get_by_role("button", name=re.compile("^Place a dot on")).first).to_be_visible()  # round 1: theirs
