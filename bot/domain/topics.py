"""Standing topics: subjects the group keeps on every agenda and in every meeting's minutes
(under Utvecklingsområde, after the Lägesrapport slots) until it is done with them.

``ämne Radiofarmakaupphandling`` adds one, ``ämne klart Radiofarmakaupphandling`` closes it,
``ämnen`` lists the open ones. A topic is matched by its name folded (case and accents aside)
and shown as the group first wrote it; a running note ``anteckning radiofarmakaupphandling:
…`` lands under it. A topic belongs to the meetings that start after it was added and before
it was closed, so closing it leaves it in the minutes of the meetings it was part of.
"""

from __future__ import annotations

from bot.domain.capture import check_text
from bot.domain.minutes import TOPIC, read_part
from bot.domain.model import Actor, Group, Meeting, Refusal, StandingTopic
from bot.domain.ports import Clock, Transactions
from bot.domain.text import fold, quote

NAME_LIMIT = 200


def topic_key(name: str) -> str:
    """How topic names are compared: folded, spaces collapsed."""
    return fold(" ".join(name.split()))


def active_topics(topics: list[StandingTopic], meeting: Meeting) -> list[str]:
    """The names of the topics that belong to ``meeting``, oldest first."""
    return [topic.name for topic in topics if topic.active_for(meeting)]


def standing_name(topics: list[StandingTopic], name: str) -> str:
    """``name`` as the group first wrote the standing topic it names (the newest such topic),
    else as written."""
    named = [topic.name for topic in topics if topic_key(topic.name) == topic_key(name)]
    return named[-1] if named else " ".join(name.split())


class Topics:
    def __init__(self, transactions: Transactions, clock: Clock) -> None:
        self._transactions = transactions
        self._clock = clock

    async def add(self, group: Group, actor: Actor, text: str) -> StandingTopic | Refusal:
        """``ämne Radiofarmakaupphandling``."""
        name = " ".join(text.split())
        if not name:
            return Refusal("topic_usage")
        problem = check_text(name, NAME_LIMIT)
        if problem:
            return problem
        part, title = read_part(name, group)
        if not part.startswith(TOPIC):  # "Övrigt", "Kalmar": a section or region already
            return Refusal("topic_is_part", {"name": quote(title)})
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)  # two people adding it at once add it once
            for topic in await uow.topics.all(group.id):
                if topic.closed_at is None and topic_key(topic.name) == topic_key(name):
                    return Refusal("topic_exists", {"name": quote(topic.name)})
            added = await uow.topics.add(group.id, name, actor.name, now)
            uow.agenda_changed(group.id)
            await uow.commit()
        return added

    async def close(self, group: Group, actor: Actor, text: str) -> StandingTopic | Refusal:
        """``ämne klart Radiofarmakaupphandling``."""
        name = " ".join(text.split())
        now = self._clock.now()
        async with self._transactions.writing() as uow:
            await uow.groups.lock(group.id)
            open_topics = [t for t in await uow.topics.all(group.id) if t.closed_at is None]
            found = next((t for t in open_topics if topic_key(t.name) == topic_key(name)), None)
            if found is None or not name:
                names = ", ".join(quote(t.name) for t in open_topics)
                key = "topic_unknown" if name else "topic_close_usage"
                if not open_topics:
                    key = "topic_unknown_none" if name else "topics_none"
                return Refusal(key, {"name": quote(name), "topics": names})
            closed = await uow.topics.close(group.id, found.id, now)
            assert closed is not None  # the group is locked: it was open a moment ago
            uow.agenda_changed(group.id)
            await uow.commit()
        return closed

    async def open_topics(self, group: Group) -> list[StandingTopic]:
        """``ämnen``: the open topics, oldest first."""
        async with self._transactions.reading() as uow:
            return [t for t in await uow.topics.all(group.id) if t.closed_at is None]
