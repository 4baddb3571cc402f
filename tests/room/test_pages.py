"""The room's pages in a real browser (Debian's chromium) at a phone's size, found by their labels."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from cardwall.commands import EditPanel
from tests.room.conftest import PANELS, WALL

CHROMIUM = os.environ.get("CARDWALL_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
HOSTILE = "<img src=x onerror=alert(1)>"
SHOTS = os.environ.get("CARDWALL_ROOM_SHOTS")  # a folder: save what the pages look like


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"))  # what the phone shows


def _join(page, url: str, name: str, organization: str) -> None:
    page.goto(url)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Organization").fill(organization)
    _shot(page, "phone-join")
    page.get_by_role("button", name="Join").click()


def test_join_and_add_two_cards_saved_only_when_committed(serve, phone):
    served, room, host, _wf = serve(WALL)
    _join(phone, served.join_url, "Dana Reyes", "Acme Tool")
    expect(phone.get_by_text("the two positions that would hold your company back most", exact=False)).to_be_visible()
    for text in ("Night-shift CNC lead", "Robot welding tech"):
        phone.get_by_label("Your card", exact=True).fill(text)
        phone.get_by_role("button", name="Add card").click()
    cards = phone.locator("#my-cards li.card")
    expect(cards).to_have_count(2)
    expect(phone.locator("#my-cards .tag.saved")).to_have_count(2)  # "saved" only once committed
    expect(phone.get_by_role("status")).to_have_text(re.compile("All saved"))
    _shot(phone, "phone-cards")
    # A typo fixed from the phone while the card is still in the tray.
    phone.get_by_role("button", name="Fix card: Robot welding tech").click()
    phone.get_by_label("Fixed card").fill("Robotic welding technician")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#my-cards")).to_contain_text("Robotic welding technician")
    session = room.session
    mine = [c for c in session.cards.values() if c.author_id and session.participants[c.author_id].name == "Dana Reyes"]
    assert sorted(c.text for c in mine) == ["Night-shift CNC lead", "Robotic welding technician"]
    assert all(c.category_id is None for c in mine)  # in the tray

    host.submit(lambda: room.set_open("third", True)).result(5)  # "if you had a third card..."
    phone.get_by_label("Your third card").fill("Maintenance planner")
    phone.get_by_role("button", name="Add third card").click()
    expect(phone.locator("#my-cards .tag.saved")).to_have_count(3)
    assert [c.round for c in room.session.cards.values() if c.text == "Maintenance planner"] == [2]


def test_hostile_text_is_shown_as_text_never_run(serve, phone):
    served, room, _host, _wf = serve(WALL)
    _join(phone, served.join_url, HOSTILE, HOSTILE)
    phone.get_by_label("Your card", exact=True).fill(HOSTILE)
    phone.get_by_role("button", name="Add card").click()
    expect(phone.locator("#my-cards .tag.saved")).to_have_count(1)
    expect(phone.locator("#who")).to_contain_text(HOSTILE)
    expect(phone.locator("#my-cards")).to_contain_text(HOSTILE)
    assert phone.locator("img").count() == 0, phone.content()
    assert phone.dialogs == []
    assert [c.text for c in room.session.cards.values() if c.text == HOSTILE] == [HOSTILE]


def test_unsent_cards_wait_while_offline_show_reconnecting_and_go_when_back(serve, phone):
    served, room, _host, _wf = serve(WALL)
    _join(phone, served.join_url, "Lee Park", "Bolt Co")
    expect(phone.get_by_label("Your card", exact=True)).to_be_visible()
    expect(phone.get_by_role("status")).to_have_text(re.compile("All saved"))
    phone.context.set_offline(True)
    phone.get_by_label("Your card", exact=True).fill("Maintenance mechanic (offline)")
    phone.get_by_role("button", name="Add card").click()
    expect(phone.get_by_role("status")).to_have_text(re.compile("Reconnecting"))
    expect(phone.locator("#my-cards li.waiting")).to_have_text(re.compile("not yet saved"))
    assert not [c for c in room.session.cards.values() if c.text == "Maintenance mechanic (offline)"]
    # The phone's tab is closed while offline; what was not acknowledged waits in its storage.
    context = phone.context
    phone.close()
    context.set_offline(False)
    again = context.new_page()
    again.goto(served.join_url)
    expect(again.locator("#my-cards .tag.saved")).to_have_count(1, timeout=15000)
    assert [c.text for c in room.session.cards.values() if c.text == "Maintenance mechanic (offline)"] == [
        "Maintenance mechanic (offline)"
    ]


def test_vote_three_dots_take_one_back_and_see_the_reveal(serve, phone):
    served, room, host, _wf = serve(PANELS, ("dots",))
    host.submit(lambda: host.run_command(EditPanel(room.session_id, room.panel_id, revealed=False))).result(5)
    _join(phone, served.join_url, "Ana Diaz", "Precision Dies")
    expect(phone.get_by_text("You have 3 of 3 dots left")).to_be_visible()
    places = phone.get_by_role("button", name=re.compile("^Place a dot on"))
    for i in range(3):
        places.nth(i * 2).click()
        expect(phone.get_by_text(f"You have {2 - i} of 3 dots left")).to_be_visible()
    expect(phone.locator(".total")).to_have_count(0)  # hidden: no totals
    phone.get_by_role("button", name=re.compile("^Take a dot back")).first.click()
    expect(phone.get_by_text("You have 1 of 3 dots left")).to_be_visible()
    places.nth(1).click()
    expect(phone.get_by_text("You have 0 of 3 dots left")).to_be_visible()
    _shot(phone, "phone-dots-hidden")
    me = next(p.id for p in room.session.participants.values() if p.name == "Ana Diaz")
    assert sum(v.dots for v in room.session.votes.values() if v.participant_id == me) == 3
    host.submit(lambda: host.run_command(EditPanel(room.session_id, room.panel_id, revealed=True))).result(5)
    expect(phone.get_by_text("Results are shown", exact=False)).to_be_visible()
    expect(phone.locator(".total").first).to_have_text(re.compile(r"Total: \d+"))
    _shot(phone, "phone-dots-revealed")


def test_the_note_taker_adds_a_card_for_another_author_and_a_note(serve, browser):
    served, room, _host, _wf = serve(WALL)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(served.notes_url)
    page.get_by_label("Name", exact=True).fill("Sam the note-taker")
    page.get_by_role("button", name="Join").click()
    author = room.session.ordered_participants()[3]
    page.get_by_label("Author").select_option(author.id)
    page.get_by_label("Kind").select_option("skill")
    page.get_by_label("Third card").check()
    page.get_by_label("Card text").fill("Reads GD&T drawings")
    page.get_by_role("button", name="Add card").click()
    page.get_by_label(re.compile("^Note for step")).fill("Turnover is the worry on second shift")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#sent .tag.saved")).to_have_count(2)
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "notes.png"))
    card = next(c for c in room.session.cards.values() if c.text == "Reads GD&T drawings")
    assert (card.author_id, card.kind, card.round) == (author.id, "skill", 2)
    assert any(n.text == "Turnover is the worry on second shift" for n in room.session.notes.values())
    context.close()
