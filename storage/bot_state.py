"""botbuilder ``Storage`` over SQL, so dialog and conversation state survive a restart.

Semantics follow botbuilder's own storages: a value written with no e_tag or ``"*"`` overwrites,
one written with an e_tag must match the stored one or ``KeyError`` is raised (optimistic
concurrency), and every write gives a fresh e_tag. Values are flattened with jsonpickle, as
botbuilder's blob and Cosmos storages do, so dialog stacks round-trip as real objects.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from botbuilder.core import Storage, StoreItem
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler
from sqlalchemy import delete, select, update

from storage.db import Database
from storage.tables import BotStateRow
from storage.upsert import insert_for

_MAX_KEY = 400
_ANY = "*"


def storage_key(key: str) -> str:
    """The row key for a botbuilder key; over-long keys are hashed to fit the column."""
    if len(key) <= _MAX_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _get_e_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("e_tag")
    return getattr(value, "e_tag", None)


def _set_e_tag(value: Any, e_tag: str) -> None:
    if isinstance(value, dict):
        value["e_tag"] = e_tag
    elif hasattr(value, "e_tag"):
        value.e_tag = e_tag


class SqlStorage(Storage):
    def __init__(self, database: Database, now: Callable[[], datetime]) -> None:
        self._database = database
        self._now = now

    async def read(self, keys: list[str]) -> dict[str, Any]:
        if not keys:
            return {}
        by_row_key = {storage_key(key): key for key in keys}
        async with self._database.reading() as session:
            rows = await session.execute(
                select(BotStateRow).where(BotStateRow.key.in_(list(by_row_key)))
            )
            found: dict[str, Any] = {}
            for row in rows.scalars():
                value = Unpickler().restore(row.document)
                _set_e_tag(value, row.e_tag)
                found[by_row_key[row.key]] = value
            return found

    async def write(self, changes: dict[str, StoreItem]) -> None:
        if changes is None:
            raise ValueError("changes are required when writing")
        for key, value in changes.items():
            await self._write_one(key, value)

    async def _write_one(self, key: str, value: Any) -> None:
        row_key = storage_key(key)
        expected = _get_e_tag(value)
        if expected == "":
            raise ValueError(f"write of {key!r}: empty e_tag")
        document = Pickler().flatten(value)
        if isinstance(document, dict):
            document.pop("e_tag", None)
        new_e_tag = uuid.uuid4().hex
        now = self._now()
        async with self._database.writing() as session:
            if expected in (None, _ANY):
                await session.execute(
                    insert_for(session, BotStateRow)
                    .values(key=row_key, document=document, e_tag=new_e_tag, updated_at=now)
                    .on_conflict_do_update(
                        index_elements=["key"],
                        set_={"document": document, "e_tag": new_e_tag, "updated_at": now},
                    )
                )
            else:
                updated = await session.execute(
                    update(BotStateRow)
                    .where(BotStateRow.key == row_key, BotStateRow.e_tag == expected)
                    .values(document=document, e_tag=new_e_tag, updated_at=now)
                    .returning(BotStateRow.key)
                )
                if updated.scalar() is None:
                    inserted = await session.execute(
                        insert_for(session, BotStateRow)
                        .values(key=row_key, document=document, e_tag=new_e_tag, updated_at=now)
                        .on_conflict_do_nothing(index_elements=["key"])
                        .returning(BotStateRow.key)
                    )
                    if inserted.scalar() is None:
                        raise KeyError(f"e_tag conflict for {key!r}: stored state is newer")
        _set_e_tag(value, new_e_tag)

    async def delete(self, keys: list[str]) -> None:
        if not keys:
            return
        async with self._database.writing() as session:
            await session.execute(
                delete(BotStateRow).where(BotStateRow.key.in_([storage_key(k) for k in keys]))
            )
