"""`summary.eml`: a draft e-mail from the convener to everyone who came, with the summary and briefs attached.

Header values come from user text (names, titles). Python 3.11.7's `email`
turns an encoded word such as `=?UTF-8?Q?=0A?=Bcc: x` into a real header line
(CVE-2024-6923), so every header value is cleaned here first: no control
characters, no line breaks, no encoded-word openers.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate

from cardwall.model import Participant
from cardwall.people import employers, is_email
from cardwall.people import partners as listeners

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
MAX_HEADER = 200
# Address headers are folded here, one address a line (set_raw); "none" keeps the policy from refolding them.
_POLICY = SMTP.clone(refold_source="none")


def header_safe(text: object) -> str:
    """One line, no control characters, and no `=?` that a mail parser could decode into a line break."""
    text = _CONTROL.sub(" ", str(text or ""))
    while "=?" in text:
        text = text.replace("=?", "= ?")
    text = " ".join(text.split())
    return text[:MAX_HEADER].rstrip()


def _address(name: object, email: object) -> str | None:
    """One `Name <user@host>` with the name as one whole encoded word, or None when the address is unusable.

    Python's folder splits a long name's encoded word mid-word, and its parser then reads the pieces
    back with a space between them ("Nguy ễn"); one encoded word per name survives both.
    """
    addr = header_safe(email).strip()
    if not is_email(addr):
        return None
    return formataddr((header_safe(name), addr), charset="utf-8")


def recipients(people: list[Participant], *, seen: set[str] | None = None) -> list[str]:
    """Participants with a usable e-mail address, once each (across `seen`), as header-safe addresses."""
    out, seen = [], set() if seen is None else seen
    for person in people:
        formatted = _address(person.name, person.email)
        key = header_safe(person.email).strip().casefold()
        if formatted is None or key in seen:
            continue
        out.append(formatted)
        seen.add(key)
    return out


def addressees(people: list[Participant], *, cc_partners: bool = True, sender: str = "") -> tuple[list[str], list[str]]:
    """(To, Cc): employers (and the employees and hiring authorities who speak for them) in To;
    listening partners in Cc when the partnership says so (Partnership.cc_partners), else left out.
    The sender (the convener, often a partner in the room) is not written to."""
    seen: set[str] = {header_safe(sender).strip().casefold()} if sender else set()
    to = recipients(employers(people), seen=seen)
    partners = listeners(people)
    cc = recipients(partners, seen=seen) if cc_partners else []
    return to, cc


def subject_for(title: str, date_text: str) -> str:
    subject = f"Summary: {title or 'our session'}"
    if date_text:
        subject += f" ({date_text})"
    return header_safe(subject)


def draft_email(
    *,
    people: list[Participant],
    subject: str,
    body: str,
    pdf: bytes | None,
    sender: tuple[str, str] | None = None,
    html: str | None = None,
    cc_partners: bool = True,
    attachments: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """The draft as RFC 5322 bytes, marked `X-Unsent: 1` so mail clients open it for editing.

    `body` is the plain-text part; with `html` the two are a multipart/alternative. `sender` is the
    convener's (name, e-mail). `pdf` is attached as summary.pdf, then each (file name, PDF) of `attachments`.
    """
    msg = EmailMessage(policy=_POLICY)
    msg["Subject"] = header_safe(subject)
    if sender and (formatted := _address(*sender)):
        msg.set_raw("From", formatted)
    to, cc = addressees(people, cc_partners=cc_partners, sender=sender[1] if sender else "")
    if to:
        msg.set_raw("To", ",\r\n ".join(to))
    if cc:
        msg.set_raw("Cc", ",\r\n ".join(cc))
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    msg.set_content(body, subtype="plain", charset="utf-8")
    if html:
        msg.add_alternative(html, subtype="html", charset="utf-8")
    files = ([("summary.pdf", pdf)] if pdf else []) + list(attachments or [])
    for name, data in files:
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=header_safe(name))
    return msg.as_bytes()
