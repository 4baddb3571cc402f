"""`summary.eml` read back as a mail client reads it: parts, headers, addresses, attachments."""

from __future__ import annotations

import email
import re
from email import policy
from html.parser import HTMLParser

import pytest

from cardwall.commands import EditPartnership
from cardwall.model import Participant
from exporters.bundle import export_session
from exporters.email_draft import draft_email
from tests.exporters.test_exports_demo import sessions, tiny_png

MARKDOWN = re.compile(r"(^#|\*\*|\|---|^\s*\|.*\||!\[|\]\(|^- |^\* )", re.M)


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=policy.default)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split()), parser.tags


@pytest.fixture
def exported(demo, tmp_path):
    wall, panels = sessions(demo)
    out = {}
    for session, png in ((wall, tiny_png()), (panels, None)):
        folder = tmp_path / session.id
        folder.mkdir()
        export_session(demo.ws, session.id, folder, wall_png=png)
        out[session.info.kind] = (session, folder, parse((folder / "summary.eml").read_bytes()))
    return demo, out


def test_the_draft_is_plain_text_and_html_alternatives_of_the_same_summary(exported):
    demo, out = exported
    session, _folder, msg = out["critical-occupations"]
    assert msg.get_content_type() == "multipart/mixed"
    (alternative,) = [p for p in msg.iter_parts() if p.get_content_type() == "multipart/alternative"]
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    # a person's letter: no Markdown syntax, a greeting and a sign-off by the convener
    assert not MARKDOWN.search(plain), MARKDOWN.search(plain)
    assert plain.startswith("Dear all,") and demo.ws.partnership.convener_name in plain.splitlines()[-2:]
    assert all(len(line) <= 80 for line in plain.splitlines())
    text, tags = html_text(html)
    assert {"table", "th", "td", "h1", "h2", "ul", "li"} <= set(tags)
    assert "script" not in tags and "img" not in tags
    # the same content as the PDF: every occupation on the wall, every section, the names as typed
    for fact in (session.info.title, "Who came", "Critical occupations", "Why they are critical", "Next steps"):
        assert fact in text
    for card in session.cards.values():
        if card.kind == "occupation" and card.category_id and not card.stack_id and not card.prompt:
            assert card.text in text and card.text in plain
    assert "Uncompahgre Tool & Die" in text and "&amp;amp;" not in html
    for name in ("Zoë Müller", "Nguyễn Thị Lan"):
        assert name in text and name in plain


def test_a_skill_panel_draft_attaches_the_briefs_it_names(exported):
    _, out = exported
    _session, folder, msg = out["skill-panel"]
    files = {a.get_filename(): a.get_content() for a in msg.iter_attachments()}
    briefs = sorted(p.name for p in folder.glob("brief-*.pdf"))
    assert len(briefs) == 2
    assert sorted(files) == sorted(["summary.pdf", *briefs])
    for name, data in files.items():
        assert data == (folder / name).read_bytes()
    plain = msg.get_body(("plain",)).get_content()
    for name in briefs:
        assert name in plain  # the text names exactly what is attached


def test_employers_in_to_partners_in_cc_or_left_out(demo, tmp_path):
    _, panels = sessions(demo)
    people = panels.ordered_participants()
    partners = {p.email for p in people if p.role == "partner"}
    employers = {p.email for p in people if p.role != "partner"}
    msg = parse(draft_email(people=people, subject="s", body="b", pdf=None))
    assert {a.addr_spec for a in msg["To"].addresses} == employers
    assert {a.addr_spec for a in msg["Cc"].addresses} == partners
    assert msg["From"] is None  # no convener recorded: the mail client fills it in
    # the setting lives on the partnership (Partnership dialog): off leaves partners out
    demo.execute(EditPartnership(cc_partners=False))
    folder = tmp_path / "nocc"
    folder.mkdir()
    export_session(demo.ws, panels.id, folder)
    msg = parse((folder / "summary.eml").read_bytes())
    assert msg["Cc"] is None
    assert not {a.addr_spec for a in msg["To"].addresses} & partners


NAMES = [
    "Nguyễn Văn Hùng",
    "Zoë Ångström-Łukasiewicz Jr. the Third of Somewhere Rather Far Away",
    "Nguyễn Văn Hùng " * 9,
    'O\'Brien, Pat "Doc" (night shift)',
    "李小龍",
    "Ana María Núñez de la Peña y Fernández-Castañeda",
    "Plain Name",
]


def test_names_survive_header_folding_exactly():
    people = [Participant(id=f"p{i}", name=name, email=f"p{i}@example.com") for i, name in enumerate(NAMES)]
    people.append(Participant(id="x", name="Partner Nguyễn Văn Hùng", role="partner", email="x@example.org"))
    raw = draft_email(
        people=people,
        subject="Summary: Kỹ năng nghề Nguyễn Văn Hùng " * 4,
        body="b",
        pdf=None,
        sender=("Nguyễn Văn Hùng, convener", "convener@example.org"),
    )
    msg = parse(raw)
    got = [(a.display_name, a.addr_spec) for a in msg["To"].addresses]
    assert got == [(" ".join(n.split()), f"p{i}@example.com") for i, n in enumerate(NAMES)]
    assert [a.display_name for a in msg["Cc"].addresses] == ["Partner Nguyễn Văn Hùng"]
    assert msg["From"].addresses[0].display_name == "Nguyễn Văn Hùng, convener"
    assert msg["Subject"] == ("Summary: Kỹ năng nghề Nguyễn Văn Hùng " * 4).strip()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 998 for line in head.split(b"\r\n"))
    assert head.isascii()


def test_a_convener_address_with_an_injected_header_is_dropped_not_sent():
    raw = draft_email(
        people=[],
        subject="s",
        body="b",
        pdf=None,
        sender=("=?UTF-8?Q?=0A?=Bcc: evil@example.com", "a@example.org\r\nBcc: evil@example.com"),
    )
    msg = parse(raw)
    assert msg["From"] is None and msg["Bcc"] is None
    raw = draft_email(people=[], subject="s", body="b", pdf=None, sender=("=?UTF-8?Q?=0A?=Bcc: e", "a@example.org"))
    msg = parse(raw)
    assert msg["Bcc"] is None and msg["From"].addresses[0].addr_spec == "a@example.org"
    assert b"\nBcc" not in raw.split(b"\r\n\r\n", 1)[0]
