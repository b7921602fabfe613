"""Teams-shaped activities, as Microsoft Teams sends them to a bot.

``TeamsSpace.channel()`` is the RAG nuklearmedicin team's "Allmänt" channel, ``group_chat()``
and ``personal()`` the other two scopes. Each builder returns the JSON dict Teams would POST,
so the same activities drive the TestAdapter transcripts and the HTTP tests.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

TENANT_ID = "8d3a1c2e-5b4f-4e6a-9c7d-1f2e3a4b5c6d"
OTHER_TENANT_ID = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b"
TEAM_ID = "19:Q3k7Vb2rN8xL0pZc4mT6yH1wE5uJ9sA2@thread.tacv2"
CHANNEL_ID = "19:ab12cd34ef56ab78cd90ef12ab34cd56@thread.tacv2"
GROUP_CHAT_ID = "19:meeting_N2Y0ZTY3MmEtYjQ4Ni00@thread.v2"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"
BOT_ID = "28:ragbot-local"
BOT = {"id": BOT_ID, "name": "RAG"}
# The bot's message holding the card a test presses a button on.
CARD_MESSAGE_ID = "1:card-message"
BOT_MENTION = "<at>RAG</at>"

EDYTA = {
    "id": "29:1Edyta-Johansson",
    "name": "Edyta Johansson",
    "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000001",
}
MATS = {
    "id": "29:1Mats-Homelius",
    "name": "Mats Homelius",
    "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000002",
}
SARA = {
    "id": "29:1Sara-Axelsson",
    "name": "Sara Axelsson",
    "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000003",
}

MATS_BOSTROM = {
    "id": "29:1Mats-Bostrom",
    "name": "Mats Boström",
    "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000007",
}
# A Teams meeting's id as its events carry it (channelData.meeting.id), and a meeting chat.
TEAMS_MEETING_ID = "MCMxOTptZWV0aW5nX05qQTVNVEkyWTJRdE56aGtaUzAwWVRJMUxUazBORGd0WmpRMU5URTJNVGsxWW"
MEETING_CHAT_ID = "19:meeting_NjA5MTI2Y2QtNzhkZS00YTI1LTk0NDgtZjQ1NTE2MTk1YmM0@thread.v2"
# A guest in the host tenant (her own account elsewhere) and a member of another region's
# tenant: neither has an id the group knows.
LINA_GUEST = {
    "id": "29:1Lina-guest",
    "name": "Lina Strömstedt Landberg",
    "aadObjectId": "c0ffee00-0000-4000-8000-00000000000a",
}
ROBERT_OTHER_TENANT = {
    "id": "29:1Robert-Cimerin",
    "name": "Robert Cimerin",
    "aadObjectId": "b0b0b0b0-0000-4000-8000-00000000000b",
    "tenantId": OTHER_TENANT_ID,
}

# The RAG nuklearmedicin team as Teams lists it (the bot's roster): two Matses, as in the
# group's minutes.
TEAM = (EDYTA, MATS, MATS_BOSTROM, SARA)

_ids = itertools.count(1732266000000)


def next_activity_id() -> str:
    return str(next(_ids))


def mention(account: dict[str, str], text: str | None = None) -> dict[str, Any]:
    return {
        "type": "mention",
        "text": text or f"<at>{account['name']}</at>",
        "mentioned": {"id": account["id"], "name": account["name"]},
    }


@dataclass
class TeamsSpace:
    """One place in Teams where the bot is: a channel, a group chat or a personal chat."""

    kind: str
    conversation_id: str
    service_url: str = SERVICE_URL
    tenant_id: str = TENANT_ID
    team_id: str | None = None
    team_name: str | None = None
    channel_id: str | None = None
    bot: dict[str, str] = field(default_factory=lambda: dict(BOT))

    @classmethod
    def channel(cls, service_url: str = SERVICE_URL, **overrides: Any) -> TeamsSpace:
        values = {
            "kind": "channel",
            "conversation_id": CHANNEL_ID,
            "service_url": service_url,
            "team_id": TEAM_ID,
            "team_name": "RAG nuklearmedicin",
            "channel_id": CHANNEL_ID,
        }
        return cls(**(values | overrides))

    @classmethod
    def group_chat(cls, service_url: str = SERVICE_URL, **overrides: Any) -> TeamsSpace:
        return cls(
            **(
                {"kind": "groupChat", "conversation_id": GROUP_CHAT_ID, "service_url": service_url}
                | overrides
            )
        )

    @classmethod
    def personal(
        cls, service_url: str = SERVICE_URL, user: dict[str, str] = EDYTA, **overrides: Any
    ) -> TeamsSpace:
        conversation_id = f"a:1personal-{user['id'].split(':')[1]}"
        return cls(
            **(
                {"kind": "personal", "conversation_id": conversation_id, "service_url": service_url}
                | overrides
            )
        )

    def channel_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"tenant": {"id": self.tenant_id}}
        if self.team_id:
            data["team"] = {"id": self.team_id, "name": self.team_name}
            data["teamsTeamId"] = self.team_id
        if self.channel_id:
            data["channel"] = {"id": self.channel_id, "name": "Allmänt"}
            data["teamsChannelId"] = self.channel_id
        return data

    def _conversation(self, thread_id: str | None) -> dict[str, Any]:
        conversation_id = self.conversation_id
        if self.kind == "channel" and thread_id:
            conversation_id = f"{self.conversation_id};messageid={thread_id}"
        conversation: dict[str, Any] = {
            "id": conversation_id,
            "conversationType": self.kind,
            "tenantId": self.tenant_id,
        }
        if self.kind != "personal":
            conversation["isGroup"] = True
        return conversation

    def _base(self, kind: str, user: dict[str, str], activity_id: str | None) -> dict[str, Any]:
        return {
            "type": kind,
            "id": activity_id or next_activity_id(),
            "timestamp": "2026-11-20T09:00:00.000Z",
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": dict(user),
            "recipient": dict(self.bot),
            "channelData": self.channel_data(),
            "locale": "sv-SE",
        }

    def message(
        self,
        text: str,
        *,
        user: dict[str, str] = EDYTA,
        mention_bot: bool | None = None,
        thread_id: str | None = None,
        activity_id: str | None = None,
        value: Any = None,
        mentions: tuple[dict[str, str], ...] = (),
    ) -> dict[str, Any]:
        """``text`` as typed, sent with the bot @mentioned (always in a channel or group chat)."""
        activity = self._base("message", user, activity_id)
        if mention_bot is None:
            mention_bot = self.kind != "personal"
        entities: list[dict[str, Any]] = []
        if mention_bot:
            text = f"{BOT_MENTION} {text}" if text else BOT_MENTION
            entities.append(mention(self.bot, BOT_MENTION))
        entities.extend(mention(account) for account in mentions)
        entities.append({"type": "clientInfo", "locale": "sv-SE", "country": "SE"})
        activity["textFormat"] = "plain"
        activity["text"] = text
        activity["entities"] = entities
        # A new post in a channel starts a thread whose id is the post's own id.
        activity["conversation"] = self._conversation(thread_id or activity["id"])
        if value is not None:
            activity["value"] = value
        return activity

    def card_submit(
        self,
        value: dict[str, Any],
        *,
        user: dict[str, str] = EDYTA,
        card_id: str | None = CARD_MESSAGE_ID,
    ) -> dict:
        """An Adaptive Card ``Action.Submit``: a message with a value and no text or mention,
        naming the bot's message that held the card (``replyToId``), as Teams does."""
        activity = self.message("", user=user, mention_bot=False, value=value)
        del activity["text"]
        if card_id is not None:
            activity["replyToId"] = card_id
        return activity

    def installation(self, *, user: dict[str, str] = EDYTA) -> dict[str, Any]:
        """The conversationUpdate Teams sends when the app is added here."""
        activity = self._base("conversationUpdate", user, None)
        activity["conversation"] = self._conversation(None)
        activity["membersAdded"] = [{"id": self.bot["id"]}]
        activity["channelData"]["eventType"] = "teamMemberAdded" if self.team_id else None
        return activity

    def meeting_event(
        self,
        name: str,
        value: dict[str, Any],
        *,
        meeting_id: str = TEAMS_MEETING_ID,
        user: dict[str, str] = EDYTA,
        activity_id: str | None = None,
    ) -> dict[str, Any]:
        """A meeting event as Teams sends it to a bot in the meeting: type ``event``, name
        ``application/vnd.microsoft.<name>``, the meeting in ``channelData.meeting.id``."""
        activity = self._base("event", user, activity_id)
        activity["name"] = f"application/vnd.microsoft.{name}"
        activity["value"] = value
        activity["channelData"]["meeting"] = {"id": meeting_id}
        activity["conversation"] = self._conversation(
            "1768392000000" if self.kind == "channel" else None
        )
        return activity

    def meeting_start(self, at: datetime, **options: Any) -> dict[str, Any]:
        return self.meeting_event(
            "meetingStart", self._details("StartTime", at, options), **options
        )

    def meeting_end(self, at: datetime, **options: Any) -> dict[str, Any]:
        return self.meeting_event("meetingEnd", self._details("EndTime", at, options), **options)

    def participants(
        self, name: str, people: tuple[dict[str, str], ...], **options: Any
    ) -> dict[str, Any]:
        """``meetingParticipantJoin`` or ``meetingParticipantLeave`` for ``people``."""
        members = [
            {
                "user": {
                    "tenantId": person.get("tenantId", self.tenant_id),
                    "objectId": person.get("aadObjectId"),
                    "id": person["id"],
                    "name": person["name"],
                    "aadObjectId": person.get("aadObjectId"),
                    "role": "user",
                },
                "meeting": {"inMeeting": name.endswith("Join"), "role": "Attendee"},
            }
            for person in people
        ]
        return self.meeting_event(name, {"members": members}, **options)

    def _details(self, field_name: str, at: datetime, options: dict[str, Any]) -> dict[str, Any]:
        stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "1Z"  # Teams' 7 digits
        return {
            "MeetingType": "Scheduled",
            "Title": "RAG nuklearmedicin",
            "Id": options.get("meeting_id", TEAMS_MEETING_ID),
            "JoinUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5MTI2Y2Q",
            field_name: stamp,
        }

    def invoke(self, name: str, value: dict[str, Any], *, user: dict[str, str] = EDYTA) -> dict:
        activity = self._base("invoke", user, None)
        activity["name"] = name
        activity["value"] = value
        activity["conversation"] = self._conversation(next_activity_id())
        return activity
