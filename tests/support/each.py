"""Repositories for storage tests that call them one at a time: each call runs in a unit of
work of its own and commits, so concurrent calls race as concurrent turns do."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.domain.ports import SystemClock
from storage.db import Database
from storage.unit_of_work import SqlTransactions


class _Repository:
    def __init__(self, transactions: SqlTransactions, name: str) -> None:
        self._transactions = transactions
        self._name = name

    def __getattr__(self, method: str) -> Callable[..., Awaitable[Any]]:
        async def call(*args: Any, **kwargs: Any) -> Any:
            async with self._transactions.writing() as uow:
                result = await getattr(getattr(uow, self._name), method)(*args, **kwargs)
                await uow.commit()
            return result

        return call


class Each:
    """``Each(database).items.add(...)``: the repository's method in a transaction of its own."""

    def __init__(self, database: Database) -> None:
        self._transactions = SqlTransactions(database, SystemClock())

    def __getattr__(self, name: str) -> _Repository:
        return _Repository(self._transactions, name)
