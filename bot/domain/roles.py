"""Roles and the audit log: who may change a group's setup and data, and a record of who did.

A new group has no chair, and anyone may do anything, as in a new team. Once someone is
chair (``roll ordförande @Edyta``, or ``roll ordförande mig``), the guarded actions are for
the chair and the secretary only: changing settings, regions and roles, deleting an action
item or a seminar, reading the log, and revoking the minutes links. Every refusal names who
can. There is one chair and one secretary; appointing a new one makes the old one a member,
so the chair hands over with one command. Every guarded change is recorded in the audit log
(who, when, what), which ``logg`` shows.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.domain.i18n import clock_time, join_words, message
from bot.domain.model import Actor, AuditNote, Group, Mention, Refusal, Role, RoleHolder
from bot.domain.ports import Clock, Transactions, UnitOfWork
from bot.domain.text import fold, quote

LOG_LINES = 10
T = TypeVar("T")


class Guarded(StrEnum):
    """What only the chair and the secretary may do once the group has a chair."""

    SETTINGS = "settings"
    REGIONS = "regions"
    ROLES = "roles"
    DELETE = "delete"
    LOG = "log"
    LINKS = "links"  # revoking the minutes links
    SEMINARS = "seminars"  # removing a seminar from the series


_ROLE_WORDS = {
    Role.CHAIR: ("ordforande", "ordf", "leder", "chair", "chairperson"),
    Role.SECRETARY: ("sekreterare", "sekretaer", "sekretar", "secretary"),
    Role.ADJUSTER: ("justerare", "justerer", "justeringsperson", "adjuster", "approver"),
    Role.MEMBER: ("medlem", "member", "ingen", "none"),
}
_ROLE_NAMES = {
    Role.CHAIR: "role_chair",
    Role.SECRETARY: "role_secretary",
    Role.ADJUSTER: "role_adjuster",
    Role.MEMBER: "role_member",
}
_FORBIDDEN = {
    Guarded.SETTINGS: "forbidden_settings",
    Guarded.REGIONS: "forbidden_regions",
    Guarded.ROLES: "forbidden_roles",
    Guarded.DELETE: "forbidden_delete",
    Guarded.LOG: "forbidden_log",
    Guarded.LINKS: "forbidden_links",
    Guarded.SEMINARS: "forbidden_seminars",
}
# The audit log's actions (stored as written) and how the log reads them.
_AUDIT_LINES = {
    "settings": "audit_settings",
    "regions": "audit_regions",
    "reporter": "audit_reporter",
    "roles": "audit_roles",
    "delete": "audit_delete",
    "forget": "audit_forget",
    "purge": "audit_purge",
    "minutes_approved": "audit_minutes_approved",
    "minutes_links_revoked": "audit_minutes_links_revoked",
    "seminar_removed": "audit_seminar_removed",
    "meeting_chat": "audit_meeting_chat",
}
# Who may do the guarded actions once there is a chair (the justerare only approves minutes).
OFFICERS = (Role.CHAIR, Role.SECRETARY)
_SELF_WORDS = {"mig", "jag", "meg", "jeg", "me", "myself", "i"}


class Roles:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def permit(self, group: Group, actor: Actor, action: Guarded) -> Refusal | None:
        """None if ``actor`` may do ``action`` in the group, else why not."""
        async with self._transactions.reading() as uow:
            holders = await uow.roles.holders(group.id)
        return permission(holders, actor, action, group.language)

    async def overview(self, group: Group) -> str:
        async with self._transactions.reading() as uow:
            holders = await uow.roles.holders(group.id)
        by_role = {holder.role: holder.name for holder in holders}
        if Role.CHAIR not in by_role:
            return message(group.language, "roles_none")
        nobody = message(group.language, "nobody")
        return message(
            group.language,
            "roles_show",
            chair=by_role[Role.CHAIR],
            secretary=by_role.get(Role.SECRETARY, nobody),
        )

    async def change(
        self, group: Group, actor: Actor, args: str, mentions: list[Mention]
    ) -> str | Refusal:
        """``roll <role> <who>``: who is an @mention, "mig", or a member's name."""
        words = args.split(maxsplit=1)
        role = _role(words[0]) if words else None
        if role is None:
            return Refusal("role_usage")
        who = words[1].strip() if len(words) > 1 else ""
        async with self._transactions.writing() as uow:
            person = await _person(uow, group, actor, who, mentions)
            if isinstance(person, Refusal):
                return person
            await uow.roles.set_role(group.id, person, role, self._clock.now())
            role_name = message(group.language, _ROLE_NAMES[role])
            uow.audit(group.id, actor, AuditNote.of("roles", name=person.name, role=role_name))
            await uow.commit()
        return message(group.language, "role_set", name=person.name, role=role_name)

    async def log(self, group: Group) -> str:
        """The latest lines of the audit log (the edge checks ``Guarded.LOG`` first)."""
        async with self._transactions.reading() as uow:
            entries = await uow.audit_log.latest(group.id, LOG_LINES)
        lang = group.language
        if not entries:
            return message(lang, "log_empty")
        lines = [message(lang, "log_header")]
        for entry in entries:
            at = entry.at.astimezone(ZoneInfo(group.timezone))
            when = f"{at:%Y-%m-%d} {clock_time(at, lang)}"
            key = _AUDIT_LINES.get(entry.action)
            what = message(lang, key, **entry.detail) if key else entry.action
            lines.append(f"- {when} – {entry.actor_name}: {what}")
        return "\n".join(lines)


def permission(
    holders: list[RoleHolder], actor: Actor, action: Guarded, language: str
) -> Refusal | None:
    """None if ``actor`` may do ``action`` given the group's role holders, else why not."""
    if not any(holder.role is Role.CHAIR for holder in holders):
        return None
    officers = [holder for holder in holders if holder.role in OFFICERS]
    if any(holder.is_actor(actor) for holder in officers):
        return None
    names = join_words([holder.name for holder in officers], language)
    return Refusal(_FORBIDDEN[action], {"officers": names})


async def _person(
    uow: UnitOfWork, group: Group, actor: Actor, who: str, mentions: list[Mention]
) -> Actor | Refusal:
    if mentions:
        first = mentions[0]
        return Actor(first.id, first.name, teams_id=first.id)
    if not who or fold(who) in _SELF_WORDS:
        return actor
    found = await uow.roles.member_named(group.id, who)
    return found or Refusal("role_who", {"who": quote(who)})


def _role(word: str) -> Role | None:
    folded = re.sub(r"[^a-z]", "", fold(word))
    return next((role for role, words in _ROLE_WORDS.items() if folded in words), None)
