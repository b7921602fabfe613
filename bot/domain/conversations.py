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

from datetime import timedelta

from bot.domain.model import Actor, ConversationAddress, ConversationType, Group, GroupDefaults
from bot.domain.ports import Clock, OutboxRepository, Roster, Transactions
from bot.domain.posts.reply import queued_reply

# A member's "last seen" moves at most this often: one write per person per hour at most.
SEEN_REFRESH = timedelta(hours=1)


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
        if (
            member is not None
            and (member.name, member.teams_id) == (actor.name, actor.teams_id)
            and now - member.last_seen_at < SEEN_REFRESH
        ):
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
