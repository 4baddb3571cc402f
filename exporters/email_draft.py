"""`summary.eml`: a draft e-mail to everyone who came, with the summary PDF attached.

Header values come from user text (names, titles). Python 3.11.7's `email`
turns an encoded word such as `=?UTF-8?Q?=0A?=Bcc: x` into a real header line
(CVE-2024-6923), so every header value is cleaned here first: no control
characters, no line breaks, no encoded-word openers.
"""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from cardwall.model import Participant
from cardwall.people import is_email

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
MAX_HEADER = 200


def header_safe(text: object) -> str:
    """One line, no control characters, and no `=?` that a mail parser could decode into a line break."""
    text = _CONTROL.sub(" ", str(text or ""))
    while "=?" in text:
        text = text.replace("=?", "= ?")
    text = " ".join(text.split())
    return text[:MAX_HEADER].rstrip()


def recipients(people: list[Participant]) -> list[Address]:
    """Participants with a usable e-mail address, once each, as header-safe addresses."""
    out, seen = [], set()
    for person in people:
        addr = header_safe(person.email).strip()
        if not is_email(addr) or addr.casefold() in seen:
            continue
        username, domain = addr.rsplit("@", 1)
        try:
            out.append(Address(display_name=header_safe(person.name), username=username, domain=domain))
        except (ValueError, IndexError):
            continue
        seen.add(addr.casefold())
    return out


def subject_for(title: str, date_text: str) -> str:
    subject = f"Summary: {title or 'our session'}"
    if date_text:
        subject += f" ({date_text})"
    return header_safe(subject)


def draft_email(*, people: list[Participant], subject: str, body: str, pdf: bytes | None, sender: str = "") -> bytes:
    """The draft as RFC 5322 bytes, marked `X-Unsent: 1` so mail clients open it for editing."""
    msg = EmailMessage()
    msg["Subject"] = header_safe(subject)
    to = recipients(people)
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = header_safe(sender)
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    msg.set_content(body, subtype="plain", charset="utf-8")
    if pdf:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="summary.pdf")
    return msg.as_bytes(policy=SMTP)
