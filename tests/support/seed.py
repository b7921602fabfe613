"""Many groups, each in its own Teams channel with a meeting, written through the repositories:
for the multi-process scheduler test and the scheduler benchmark."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.model import ConversationAddress, ConversationType, GroupDefaults
from bot.domain.ports import SystemClock
from storage.db import Database
from storage.unit_of_work import SqlTransactions
from tests.support.teams import BOT

DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")
REGIONS = ["Linköping", "Jönköping", "Kalmar"]


def channel_address(number: int, service_url: str, tenants: int) -> ConversationAddress:
    channel = f"19:seeded{number:06d}@thread.tacv2"
    tenant = f"tenant-{number % tenants:04d}"
    return ConversationAddress(
        key=channel,
        conversation_type=ConversationType.CHANNEL,
        tenant_id=tenant,
        team_id=f"19:team{number:06d}@thread.tacv2",
        channel_id=channel,
        name=f"RAG {number}",
        reference={
            "bot": dict(BOT),
            "conversation": {
                "id": channel,
                "isGroup": True,
                "conversationType": "channel",
                "tenantId": tenant,
            },
            "channelId": "msteams",
            "serviceUrl": service_url,
        },
    )


def group_row(address: ConversationAddress, at: datetime) -> dict[str, object]:
    """A channel group's row as inserted in bulk by the benchmarks (Swedish, three regions)."""
    return {
        "key": address.key,
        "conversation_type": "channel",
        "tenant_id": address.tenant_id,
        "team_id": address.team_id,
        "channel_id": address.channel_id,
        "name": address.name,
        "language": "sv",
        "timezone": "Europe/Stockholm",
        "regions": REGIONS,
        "reference": address.reference,
        "active": True,
        "action_item_seq": 0,
        "created_at": at,
        "updated_at": at,
    }


async def seed_groups(
    database: Database,
    count: int,
    *,
    service_url: str,
    meeting_at: datetime,
    planned_at: datetime,
    tenants: int = 10,
) -> list[str]:
    """``count`` channel groups with regions and one meeting at ``meeting_at``; their keys."""
    keys = []
    for number in range(count):
        async with SqlTransactions(database, SystemClock()).writing() as uow:
            group, _ = await uow.groups.remember(
                channel_address(number, service_url, tenants), DEFAULTS, planned_at
            )
            await uow.groups.set_regions(group.id, REGIONS, planned_at)
            await uow.meetings.add_many(
                group.id, [(meeting_at, meeting_at + timedelta(hours=1), "Teams")], planned_at
            )
            await uow.commit()
        keys.append(group.key)
    return keys
