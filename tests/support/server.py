"""The real aiohttp app on a loopback port, with a client session to talk to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web


@dataclass
class RunningBot:
    url: str
    http: aiohttp.ClientSession

    async def post_activity(
        self, activity: dict[str, Any], **kwargs: Any
    ) -> aiohttp.ClientResponse:
        async with self.http.post(self.url + "api/messages", json=activity, **kwargs) as response:
            await response.read()
            return response

    async def post_raw(self, body: bytes, content_type: str = "application/json") -> int:
        headers = {"Content-Type": content_type}
        async with self.http.post(self.url + "api/messages", data=body, headers=headers) as resp:
            await resp.read()
            return resp.status


@asynccontextmanager
async def serve(app: web.Application) -> AsyncIterator[RunningBot]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with aiohttp.ClientSession() as http:
            yield RunningBot(f"http://127.0.0.1:{port}/", http)
    finally:
        await runner.cleanup()
