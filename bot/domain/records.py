"""Records over time: the retention period and removing a person, both told to the audit log.

``RAGBOT_RETENTION`` (an ISO-8601 duration; none by default) is how long closed action items,
superseded status reports, dialog drafts and finished posts are kept; the scheduler purges
what is older once an hour and each group's log says how much went. What a group decided and
reported for its meetings is its record and is kept (see ``storage.records``). Forgetting a
person (``ragbot forget-user``) removes their name from open data and logs it per group.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from bot.domain.model import Actor, PurgeResult
from bot.domain.ports import AuditLog, RecordsRepository

# Who the audit log names for what the bot does by itself or an operator does from its CLI.
SYSTEM = Actor("ragbot", "RAG-boten")
OPERATOR = Actor("ragbot-cli", "Drift (ragbot forget-user)")


class Retention:
    def __init__(self, records: RecordsRepository, audit: AuditLog, period: timedelta) -> None:
        self._records = records
        self._audit = audit
        self.period = period

    async def purge(self, now: datetime) -> PurgeResult:
        before = now - self.period
        result = await self._records.purge(before)
        for group_id, count in result.per_group.items():
            detail = {"count": str(count), "before": f"{before:%Y-%m-%d}"}
            await self._audit.record(group_id, SYSTEM, "purge", detail, now)
        return result


async def forget_person(
    records: RecordsRepository, audit: AuditLog, person: str, now: datetime
) -> dict[int, Counter[str]]:
    """Remove ``person`` from open data; what was touched, per group (0: not group-bound)."""
    touched = await records.forget(person, now)
    for group_id, kinds in touched.items():
        if group_id:
            detail = {"name": person, "count": str(sum(kinds.values()))}
            await audit.record(group_id, OPERATOR, "forget", detail, now)
    return touched
