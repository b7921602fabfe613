"""The real app and the fake Bot Connector on an event loop of their own, in a thread, for
synchronous callers such as hypothesis tests (which cannot drive an async fixture per example).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from contextlib import AsyncExitStack
from typing import Any, TypeVar

import requests

from bot.app import create_app
from bot.domain.ports import Clock
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.server import serve

T = TypeVar("T")


class BackgroundBot:
    def __init__(self, settings: Settings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._stack = AsyncExitStack()
        self.connector = FakeConnector()
        self.url = ""
        self.http = requests.Session()

    def __enter__(self) -> BackgroundBot:
        self._thread.start()
        self.run(self._start())
        return self

    def __exit__(self, *exc: object) -> None:
        self.run(self._stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
        self.http.close()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        """Run a coroutine on the bot's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def post(self, body: bytes, content_type: str = "application/json") -> requests.Response:
        return self.http.post(
            self.url + "api/messages",
            data=body,
            headers={"Content-Type": content_type},
            timeout=30,
        )

    async def _start(self) -> None:
        await self.connector.start()
        self._stack.push_async_callback(self.connector.close)
        running = await self._stack.enter_async_context(
            serve(create_app(self._settings, clock=self._clock))
        )
        self.url = running.url

    async def _stop(self) -> None:
        await self._stack.aclose()
