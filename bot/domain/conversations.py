"""Where the bot is spoken to: the group that lives in a conversation, and who speaks there.

The edge turns an activity into a ``ConversationAddress`` and an ``Actor``; this remembers the
group (created on first contact, its address refreshed when Teams moves it), notes who wrote
in it (at most once an hour per person, so the message path rarely writes), and finds the
group a command from a 1:1 chat acts for: the one the person last wrote in, or else one whose
team or chat lists them as a member (a new member may open a 1:1 chat before writing in the
channel). These writes are the bot's own bookkeeping, not what
the activity asked for, so they do not mark it handled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.model import (
    Actor,
    ConversationAddress,
    ConversationType,
    Group,
    GroupDefaults,
    Member,
)
from bot.domain.ports import Clock, OutboxRepository, Roster, Transactions, UnitOfWork
from bot.domain.posts.reply import queued_reply

# A member's "last seen" moves at most this often: one write per person per hour at most.
SEEN_REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class Arrival:
    """A message's first unit of work: where it was said, the group it acts for if that is
    known without asking Teams, and else the groups whose roster may list the person."""

    place: Group
    created: bool
    group: Group | None
    candidates: tuple[Group, ...] = ()


class Conversations:
    def __init__(
        self,
        transactions: Transactions,
        outbox: OutboxRepository,
        defaults: GroupDefaults,
        clock: Clock,
        roster: Roster | None = None,
    ) -> None:
        self._transactions = transactions
        self._outbox = outbox
        self.defaults = defaults
        self._clock = clock
        self._roster = roster

    async def arrive(
        self, address: ConversationAddress, actor: Actor, key: str | None
    ) -> Arrival | None:
        """Claim the message ``key`` (None: another process has it, or handled it), remember
        the group living at ``address``, note that ``actor`` spoke there and find the group
        the command acts for: what ``remember``, ``seen`` and ``working_group`` do, in one
        transaction with the claim."""
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            if key is not None and not await uow.journal.claim(key, now):
                return None
            known = await uow.groups.get_by_key(address.key)
            if known and known.active and known.reference == address.reference:
                place, created = known, False
            else:
                place, created = await uow.groups.remember(address, self.defaults, now)
            if place.conversation_type is not ConversationType.PERSONAL:
                member = await uow.members.get(place.id, actor.id)
                if _stale(member, actor, now):
                    await uow.members.seen(place.id, actor, now)
            arrival = await self._arrival(uow, place, created, actor)
            await uow.commit(handles_activity=False)
        return arrival

    async def _arrival(self, uow: UnitOfWork, place: Group, created: bool, actor: Actor) -> Arrival:
        if place.conversation_type is ConversationType.GROUP_CHAT:
            linked = await uow.teams_meetings.chat_group(place.key)
            group = await uow.groups.get(linked) if linked is not None else None
            return Arrival(place, created, group if group is not None and group.active else place)
        if place.conversation_type is not ConversationType.PERSONAL:
            return Arrival(place, created, place)
        group_id = await uow.members.latest_group_of(actor.id)
        if group_id is not None:
            return Arrival(place, created, await uow.groups.get(group_id))
        candidates = await uow.groups.in_tenant(place.tenant_id) if place.tenant_id else []
        return Arrival(place, created, None, tuple(candidates))

    async def working_group_of(self, arrival: Arrival, actor: Actor) -> Group | None:
        """The group an arrived message acts for, asking Teams' rosters if it is not known."""
        if arrival.group is not None or not arrival.candidates:
            return arrival.group
        return await self._group_listing(list(arrival.candidates), actor)

    async def remember(self, address: ConversationAddress) -> tuple[Group, bool]:
        """The group living at ``address``, created on first contact; True if it was."""
        async with self._transactions.reading() as uow:
            known = await uow.groups.get_by_key(address.key)
        if known and known.active and known.reference == address.reference:
            return known, False  # the common case: no write on the message path
        async with self._transactions.writing() as uow:
            group, created = await uow.groups.remember(address, self.defaults, self._clock.now())
            await uow.commit(handles_activity=False)
        return group, created

    async def seen(self, group: Group, actor: Actor) -> None:
        """Note that ``actor`` spoke in the group (cheap when nothing changed)."""
        now = self._clock.now()
        async with self._transactions.reading() as uow:
            member = await uow.members.get(group.id, actor.id)
        if not _stale(member, actor, now):
            return
        async with self._transactions.writing() as uow:
            await uow.members.seen(group.id, actor, now)
            await uow.commit(handles_activity=False)

    async def working_group(self, place: Group, actor: Actor) -> Group | None:
        """The group a command acts for: where it was said (a meeting chat: the group it is
        linked to), or from a 1:1 chat the group the person was last seen in."""
        if place.conversation_type is ConversationType.GROUP_CHAT:
            # A meeting's chat linked to a group (``koppla``) acts for that group.
            async with self._transactions.reading() as uow:
                linked = await uow.teams_meetings.chat_group(place.key)
                group = await uow.groups.get(linked) if linked is not None else None
            return group if group is not None and group.active else place
        if place.conversation_type is not ConversationType.PERSONAL:
            return place
        async with self._transactions.reading() as uow:
            group_id = await uow.members.latest_group_of(actor.id)
            if group_id is not None:
                return await uow.groups.get(group_id)
            candidates = await uow.groups.in_tenant(place.tenant_id) if place.tenant_id else []
        return await self._group_listing(candidates, actor)

    async def _group_listing(self, candidates: list[Group], actor: Actor) -> Group | None:
        """The newest of ``candidates`` whose roster lists ``actor``; remembered as where they
        were seen, so the next 1:1 message needs no roster."""
        if self._roster is None:
            return None
        ids = {actor.id, actor.teams_id} - {None}
        for group in candidates:
            members = await self._roster.members(group) or []
            if any({person.id, person.teams_id} & ids for person in members):
                async with self._transactions.writing() as uow:
                    await uow.members.seen(group.id, actor, self._clock.now())
                    await uow.commit(handles_activity=False)
                return group
        return None

    async def get(self, group_id: int) -> Group | None:
        async with self._transactions.reading() as uow:
            return await uow.groups.get(group_id)

    async def queue_reply(
        self, group: Group, key: str, text: str, card: dict | None, conversation: str
    ) -> None:
        """A reply the connector would not take during the turn: the scheduler delivers it
        in the same conversation later (once, however often the turn is retried)."""
        now = self._clock.now()
        await self._outbox.enqueue([queued_reply(group, key, text, card, conversation, now)], now)

    async def language_at(self, key: str) -> str:
        """The language of the group at ``key``, or the default (for the error reply)."""
        async with self._transactions.reading() as uow:
            group = await uow.groups.get_by_key(key)
        return group.language if group else self.defaults.language


def _stale(member: Member | None, actor: Actor, now: datetime) -> bool:
    """Whether the member's row needs writing: new, renamed, or last seen an hour ago."""
    return (
        member is None
        or (member.name, member.teams_id) != (actor.name, actor.teams_id)
        or now - member.last_seen_at >= SEEN_REFRESH
    )
