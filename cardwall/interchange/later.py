"""The session JSON's optional additions for the later work: program details, links, gap matrix, actions.

Each is left out of the file when empty, so a wall or a skill panel exports exactly as before;
reading goes through the same commands the app uses, so an import obeys the same rules.
"""

from __future__ import annotations

from cardwall.assets import RESOURCE_COLUMNS, ordered_actions, ordered_gap_rows, ordered_links, ordered_resources
from cardwall.commands.actions import AddAction
from cardwall.commands.assets import DETAIL_FIELDS, AddGapRow, AddLink, EditProgram
from cardwall.commands.resources import AddResource
from cardwall.interchange.reader import Builder, FieldReader
from cardwall.model import Card, Session

GAP_FIELDS = ("pathway", "content", "delivery", "length", "credentials", "equipment", "notes")
RESOURCE_FIELDS = tuple(name for name, _ in RESOURCE_COLUMNS if name != "organization")


def _or_none(value):
    return value if value not in ("", None) else None


def program_dict(session: Session, card: Card) -> dict | None:
    detail = session.program_details.get(card.id)
    if card.kind != "program" or detail is None:
        return None
    out = {name: _or_none(getattr(detail, name)) for name in DETAIL_FIELDS}
    out["serves"] = list(detail.serves)
    return out


def later_dict(session: Session) -> dict:
    """The additions of an asset map or an action plan (nothing for other sessions)."""
    out: dict = {}
    if session.links:
        out["links"] = [{"id": x.id, "from": x.from_card_id, "to": x.to_card_id} for x in ordered_links(session)]
    if session.gap_rows:
        out["gap_matrix"] = [
            {
                "id": r.id,
                "occupation": r.occupation,
                "level": r.skill_level,
                **{n: _or_none(getattr(r, n)) for n in GAP_FIELDS},
                "coverage": _or_none(r.coverage),
                "programs": list(r.programs),
            }
            for r in ordered_gap_rows(session)
        ]
    if session.resources:
        out["resource_map"] = [
            {"id": r.id, "organization": r.organization, "type": r.partner_type}
            | {n: _or_none(getattr(r, n)) for n in RESOURCE_FIELDS}
            for r in ordered_resources(session)
        ]
    if session.actions:
        out["actions"] = [
            {
                "id": a.id,
                "text": a.text,
                "impact": a.impact,
                "feasibility": a.feasibility,
                "horizon": a.horizon,
                "owners": list(a.owners),
                "gap": _or_none(a.gap),
                "measure": _or_none(a.measure),
                "due": _or_none(a.due),
                "status": a.status,
            }
            for a in ordered_actions(session)
        ]
    return out


def read_program(build: Builder, sid: str, card: FieldReader) -> None:
    """A program card's `program` object, after the card itself is in."""
    if card.data.get("program") is None:
        return
    r = card.child("program")
    fields = {name: r.text(name) for name in DETAIL_FIELDS}
    build.run(r, EditProgram(sid, card.id("id"), serves=tuple(r.texts("serves")), **fields))


def read_later(build: Builder, sid: str, root: FieldReader) -> None:
    for r in root.items("links"):
        build.run(r, AddLink(sid, r.id("from"), r.id("to"), link_id=r.id("id")))
    for r in root.items("gap_matrix"):
        fields = {name: r.text(name) for name in GAP_FIELDS}
        fields.update(skill_level=r.text("level") or "middle", coverage=r.text("coverage"))
        fields["programs"] = tuple(r.texts("programs"))
        build.run(r, AddGapRow(sid, r.text("occupation"), fields=fields, row_id=r.id("id")))
    for r in root.items("resource_map"):
        fields = {n: r.text(n) for n in RESOURCE_FIELDS}
        fields["partner_type"] = r.text("type") or "post-secondary"
        build.run(r, AddResource(sid, r.text("organization", required=True), fields=fields, resource_id=r.id("id")))
    for r in root.items("actions"):
        fields = {n: r.text(n) for n in ("gap", "measure", "due")}
        for name, default in (("impact", "high"), ("feasibility", "high"), ("horizon", "early-win")):
            fields[name] = r.text(name) or default
        fields["status"] = r.text("status") or "draft"
        fields["owners"] = tuple(r.texts("owners"))
        build.run(r, AddAction(sid, r.text("text", required=True), fields=fields, action_id=r.id("id")))
