"""Meeting events through Microsoft 365 Agents Playground, end to end: the bot and the
playground as real processes (``tests/e2e/playground.py``), the channel used from the page.

The playground's "Mock an Activity" menu offers installation and membership triggers only
(install, botAdded, userAdded, channel and team changes, …: ``CustomActivityTemplateTypes``
in @microsoft/m365agentsplayground 0.2.28), no meeting events. Its custom activity, though,
is any JSON sent on to the bot as the playground's own activity: the page's "custom
activity" editor posts it to ``/_internal/v1/customActivities``, from the template at
``/_internal/v1/customActivities/template``. This test sends the meeting events that way,
Teams-shaped (``type`` event, ``name`` application/vnd.microsoft.meetingStart …, ``value``,
``channelData.meeting.id``), and then reads the minutes draft the scheduler posts to the
channel on the playground's page.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.playground import ANSWER_WITHIN, Services, Teams

CHANNEL_ID = "19:allmant@thread.tacv2"  # "Allmänt" in bot/playground's config
MEETING_ID = "MCMxOTptZWV0aW5nX3BsYXlncm91bmQ"
SARA = {"id": "29:1Sara-Axelsson", "name": "Sara Axelsson"}
GUEST = {"id": "29:1Guest-Lina", "name": "Lina Strömstedt Landberg"}


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Iterator[Services]:
    running = Services(tmp_path_factory.mktemp("e2e-meeting"), artifacts).start()
    yield running
    running.stop()


def send_event(services: Services, name: str, value: dict) -> None:
    """A meeting event as the playground's custom activity, on its channel template."""
    query = urllib.parse.urlencode({"conversationId": CHANNEL_ID})
    url = f"{services.url}_internal/v1/customActivities"
    with urllib.request.urlopen(f"{url}/template?{query}", timeout=30) as response:
        activity = json.load(response)
    activity.update(type="event", name=f"application/vnd.microsoft.{name}", value=value)
    activity.setdefault("channelData", {})["meeting"] = {"id": MEETING_ID}
    activity.pop("text", None)
    request = urllib.request.Request(
        url, json.dumps(activity).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def participants(*people: dict[str, str]) -> dict:
    return {
        "members": [
            {"user": {**person, "role": "user"}, "meeting": {"inMeeting": True, "role": "Attendee"}}
            for person in people
        ]
    }


def test_a_meeting_in_the_channel_brings_its_minutes_draft(page: Page, services: Services):
    teams = Teams(page, services.url)
    teams.open_channel()
    teams.post("inställningar utkast direkt", "Utkast till minnesanteckningar: 0 minuter")

    base = {"MeetingType": "Scheduled", "Title": "RAG nuklearmedicin", "Id": MEETING_ID}
    send_event(services, "meetingStart", {**base, "StartTime": now_stamp()})
    send_event(services, "meetingParticipantJoin", participants(SARA, GUEST))
    send_event(services, "meetingParticipantLeave", participants(GUEST))
    time.sleep(1.0)  # the playground hands custom activities on after answering: let them land
    send_event(services, "meetingEnd", {**base, "EndTime": now_stamp()})

    # Posted by the scheduler as a new post in the channel (the page, not its log panel).
    draft = page.locator("p", has_text="Mötet är slut. Här är utkastet")
    expect(draft).to_have_count(1, timeout=ANSWER_WITHIN)
    # The draft is its card: the attendance as Teams' joins gave it, the Justera button.
    card = page.locator(".ac-adaptiveCard", has_text="Minnesanteckningar RAG nuklearmedicin")
    expect(card).to_have_count(1, timeout=ANSWER_WITHIN)
    expect(card).to_contain_text(
        re.compile(r"Närvarande\s+Sara Axelsson, Lina Strömstedt Landberg")
    )
    expect(card.get_by_role("button", name="Justera version 1")).to_be_visible()
