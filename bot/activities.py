"""Reading a Teams activity: the text without the bot's own @mention, where it came from (as
the domain keys groups), who sent it, whom it @mentions, and a key that is the same when Teams
resends it. Odd values (wrong types in channelData or entities) are read defensively: Teams
never sends them, a fuzzer does.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.connector import plain_json
from bot.domain.meeting_events import EventKind, MeetingEvent, Participant
from bot.domain.model import Actor, ConversationAddress, ConversationType, Mention

_SPACES = re.compile(r"[ \t\xa0]+")


def strip_bot_mention(activity: Activity) -> str:
    """The message text without the bot's own ``<at>…</at>`` mention(s).

    botbuilder's ``remove_recipient_mention`` deletes every occurrence of the bot's *name*
    ("RAG-gruppen" would become "-gruppen"); this removes only the mention markup Teams put
    there, as the mention entities name it, and leaves other people's mentions alone.
    """
    text = activity.text if isinstance(activity.text, str) else ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        props = _mapping(entity.additional_properties)
        markup = _text(props.get("text"))
        if markup and _mapping(props.get("mentioned")).get("id") == bot_id:
            text = text.replace(markup, " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def conversation_address(activity: Activity) -> ConversationAddress:
    """Where this activity came from, as the domain keys groups (odd channelData ignored)."""
    channel_data = _mapping(activity.channel_data)
    team = _mapping(channel_data.get("team"))
    channel = _mapping(channel_data.get("channel"))
    tenant = _text(_mapping(channel_data.get("tenant")).get("id")) or _text(
        activity.conversation.tenant_id
    )
    # In a channel every reply thread has its own conversation id (";messageid=…"); the
    # group is the channel itself.
    base_id = activity.conversation.id.split(";", 1)[0]
    kind = activity.conversation.conversation_type or "personal"
    try:
        conversation_type = ConversationType(kind)
    except ValueError:
        conversation_type = ConversationType.PERSONAL
    reference = TurnContext.get_conversation_reference(activity)
    reference.conversation.id = base_id
    reference.activity_id = None
    channel_id = _text(channel.get("id"))
    return ConversationAddress(
        key=channel_id or base_id,
        conversation_type=conversation_type,
        tenant_id=tenant,
        team_id=_text(team.get("id")),
        channel_id=channel_id,
        name=(_text(team.get("name")) or _text(activity.conversation.name) or "")[:200],
        reference=_reference_json(reference),
    )


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _reference_json(reference: ConversationReference) -> dict:
    """The reference as stored: only what identifies the place, not who spoke last, so it
    stays the same from message to message (and needs no write)."""
    document = plain_json(reference, "ConversationReference")
    for per_message in ("activityId", "user", "locale"):
        document.pop(per_message, None)
    return document


def activity_key(activity: Activity) -> str | None:
    """A fixed-length key for deduplication: the same activity resent has the same key."""
    if not activity.id:
        return None
    conversation = activity.conversation.id if activity.conversation else ""
    raw = f"{activity.channel_id}|{conversation}|{activity.id}"
    return hashlib.sha256(raw.encode()).hexdigest()


def actor_of(activity: Activity) -> Actor:
    """Who sent it; the Entra object id is the same in every chat, the Teams id is not."""
    sender = activity.from_property
    if sender is None:
        return Actor("unknown", "?")
    return Actor(
        sender.aad_object_id or sender.id or "unknown", sender.name or "?", teams_id=sender.id
    )


def mentions_of(activity: Activity) -> list[Mention]:
    """People @mentioned in the message, the bot itself left out."""
    bot_id = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        props = _mapping(entity.additional_properties)
        mentioned = _mapping(props.get("mentioned"))
        person = _text(mentioned.get("id"))
        if entity.type != "mention" or person is None or person == bot_id:
            continue
        name = _text(mentioned.get("name")) or "?"
        found.append(Mention(person, name[:200], _text(props.get("text")) or ""))
    return found


def card_strings(value: object, depth: int = 0) -> list[str]:
    """Every string in a card submit's value, however nested (to a sane depth)."""
    if isinstance(value, str):
        return [value]
    if depth > 8:
        return []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in card_strings(item, depth + 1)]
    return []


def meeting_event(activity: Activity, kind: EventKind, now: datetime) -> MeetingEvent | None:
    """A Teams meeting event as the domain reads it, or None without a meeting id.

    Teams names the meeting in ``channelData.meeting.id`` (start and end also carry it as
    ``value.Id``); start and end give ``value.StartTime`` / ``value.EndTime``, joins and leaves
    ``value.members``, each ``{"user": {"id", "name", "aadObjectId", "tenantId"}, "meeting":
    {"inMeeting", "role"}}``. The bot itself among the members is left out. A time that cannot
    be read is the time the bot got the event.
    """
    value = _mapping(activity.value)
    meeting_id = _text(_mapping(_mapping(activity.channel_data).get("meeting")).get("id"))
    meeting_id = meeting_id or _text(value.get("Id")) or _text(value.get("id"))
    if meeting_id is None:
        return None
    at = now
    if kind in (EventKind.START, EventKind.END):
        field = "StartTime" if kind is EventKind.START else "EndTime"
        at = _moment(value.get(field)) or now
    bot_id = activity.recipient.id if activity.recipient else None
    people = []
    members = value.get("members")
    for member in members if isinstance(members, list) else []:
        user = _mapping(_mapping(member).get("user"))
        teams_id = _text(user.get("id"))
        if teams_id and (teams_id == bot_id or teams_id.startswith("28:")):
            continue
        name = _text(user.get("name"))
        if name is None:
            continue
        people.append(
            Participant(
                name=name,
                aad_id=_text(user.get("aadObjectId")) or _text(user.get("objectId")),
                teams_id=teams_id,
                tenant_id=_text(user.get("tenantId")),
            )
        )
    return MeetingEvent(kind, meeting_id[:400], at, tuple(people))


def _moment(value: object) -> datetime | None:
    """An ISO time as Teams writes it ("2026-01-14T12:00:03.1234567Z"), in UTC."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
