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

from bot.domain.model import Actor, AuditNote, PurgeResult
from bot.domain.ports import RecordsRepository, Transactions

# Who the audit log names for what the bot does by itself or an operator does from its CLI.
SYSTEM = Actor("ragbot", "RAG-boten")
OPERATOR = Actor("ragbot-cli", "Drift (ragbot forget-user)")


class Retention:
    def __init__(
        self, records: RecordsRepository, transactions: Transactions, period: timedelta
    ) -> None:
        self._records = records
        self._transactions = transactions
        self.period = period

    async def purge(self, now: datetime) -> PurgeResult:
        before = now - self.period
        result = await self._records.purge(before)
        if result.per_group:
            async with self._transactions.writing() as uow:
                for group_id, count in result.per_group.items():
                    note = AuditNote.of("purge", count=count, before=f"{before:%Y-%m-%d}")
                    uow.audit(group_id, SYSTEM, note)
                await uow.commit(handles_activity=False)
        return result


async def forget_person(
    records: RecordsRepository, transactions: Transactions, person: str, now: datetime
) -> dict[int, Counter[str]]:
    """Remove ``person`` from open data; what was touched, per group (0: not group-bound)."""
    touched = await records.forget(person, now)
    async with transactions.writing() as uow:
        for group_id, kinds in touched.items():
            if group_id:
                note = AuditNote.of("forget", name=person, count=sum(kinds.values()))
                uow.audit(group_id, OPERATOR, note)
        await uow.commit(handles_activity=False)
    return touched
