"""A fake Bot Connector: the Teams side of every outgoing call, on a loopback port.

The bot's replies, proactive posts, new channel conversations and updates land here and are
recorded as ``Posted`` entries. Faults can be injected (``fail_next(429, retry_after=2)``,
``fail_next(503, times=3)``) to prove retries, or drawn at random for a share of the calls
(``refuse_share``: 429 or 503, both with Retry-After 1 so that tests stay bounded);
``wait_for(n)`` waits for the n-th post without sleeping on a timer. Every call is recorded
with its arrival time (``Posted.at``, ``time.monotonic()``); ``answer_delay`` then holds the
answer back per call, as Teams takes its time after it has taken a post (a call the bot cuts
meanwhile has still been taken).

Routes (as botbuilder's ConnectorClient calls them; conversation ids arrive percent-encoded):
``POST /v3/conversations`` -> ``{"id", "activityId"}``;
``POST /v3/conversations/{id}/activities`` (send);
``POST /v3/conversations/{id}/activities/{activityId}`` (reply);
``PUT /v3/conversations/{id}/activities/{activityId}`` (update);
``DELETE /v3/conversations/{id}/activities/{activityId}``;
``GET /v3/conversations/{id}/members[/{memberId}]``;
``GET /v3/conversations/{id}/pagedmembers?pageSize=&continuationToken=`` (the roster,
``roster_page`` members a page; ``paged=False`` answers it 404, as Agents Playground does).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import web


@dataclass(frozen=True)
class Posted:
    """One call the bot made to the connector."""

    method: str
    kind: str  # "reply", "send", "update", "delete", "create"
    conversation_id: str
    activity_id: str | None
    body: dict[str, Any]
    headers: dict[str, str]
    at: float = 0.0  # time.monotonic() when the call arrived

    @property
    def message(self) -> dict[str, Any]:
        """The message posted: a new conversation carries it as its first activity."""
        return self.body.get("activity") or {} if self.kind == "create" else self.body

    @property
    def text(self) -> str | None:
        return self.message.get("text")

    @property
    def attachments(self) -> list[dict[str, Any]]:
        return self.message.get("attachments") or []


@dataclass
class _Fault:
    status: int
    times: int
    retry_after: float | None
    kind: str | None
    html: bool = False


@dataclass
class Hold:
    """A call held open: recorded on arrival (``arrived``), answered when ``release()``d."""

    kind: str
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _released: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        self._released.set()


@dataclass
class FakeConnector:
    # The team's (or chat's) roster, as Teams accounts ({"id", "name", "aadObjectId"}).
    members: list[dict[str, Any]] = field(default_factory=list)
    roster_page: int = 100
    paged: bool = True
    # The conversation id of every roster request, one per page or whole list.
    roster_asked: list[str] = field(default_factory=list)
    # Seconds each call takes, as a real connector's round trip does.
    latency: float = 0.0
    # Seconds to hold each answer back after the call is recorded, drawn per call.
    answer_delay: Callable[[], float] | None = None
    # The share of calls refused at random (half 429, half 503; Retry-After 1).
    refuse_share: float = 0.0
    draw: random.Random = field(default_factory=lambda: random.Random(17))
    posted: list[Posted] = field(default_factory=list)
    # Calls answered with an injected fault, for asserting that a retry happened.
    refused: list[Posted] = field(default_factory=list)
    _faults: list[_Fault] = field(default_factory=list)
    _holds: list[Hold] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _url: str = ""
    _changed: asyncio.Condition | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        """The service URL to put on activities: ``http://127.0.0.1:<port>/``."""
        return self._url

    async def start(self) -> FakeConnector:
        self._changed = asyncio.Condition()
        app = web.Application()
        base = "/v3/conversations"
        app.router.add_post(base, self._create)
        app.router.add_post(base + "/{conversation}/activities", self._send)
        app.router.add_post(base + "/{conversation}/activities/{activity}", self._reply)
        app.router.add_put(base + "/{conversation}/activities/{activity}", self._update)
        app.router.add_delete(base + "/{conversation}/activities/{activity}", self._delete)
        app.router.add_get(base + "/{conversation}/members", self._members)
        app.router.add_get(base + "/{conversation}/pagedmembers", self._paged_members)
        app.router.add_get(base + "/{conversation}/members/{member}", self._member)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self._url = f"http://127.0.0.1:{port}/"
        return self

    async def close(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        retry_after: float | None = None,
        kind: str | None = None,
        html: bool = False,
    ) -> None:
        """Answer the next ``times`` calls (of ``kind``, if given) with ``status``; with
        ``html``, an HTML error page, as a proxy in front of the connector would."""
        self._faults.append(_Fault(status, times, retry_after, kind, html))

    def recover(self) -> None:
        """Drop the faults not yet used: the connector answers normally again."""
        self._faults.clear()

    def hold_next(self, kind: str) -> Hold:
        """Hold the next call of ``kind`` open after recording it, until the test releases it:
        what happens while a post is in flight, made deterministic."""
        hold = Hold(kind)
        self._holds.append(hold)
        return hold

    def texts(self) -> list[str | None]:
        return [post.text for post in self.posted]

    async def wait_for(self, count: int, seconds: float = 10.0) -> list[Posted]:
        """The first ``count`` posts, waiting (event-driven) until that many have arrived."""
        assert self._changed is not None, "start() the connector first"
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.posted) >= count), seconds
            )
        return self.posted[:count]

    def _take_fault(self, kind: str) -> _Fault | None:
        for fault in self._faults:
            if fault.kind in (None, kind) and fault.times > 0:
                fault.times -= 1
                if fault.times == 0:
                    self._faults.remove(fault)
                return fault
        return None

    async def _record(self, request: web.Request, kind: str) -> web.Response | None:
        """Record the call; the injected fault's answer, or None to answer normally."""
        return (await self._take(request, kind))[1]

    async def _take(self, request: web.Request, kind: str) -> tuple[Posted, web.Response | None]:
        if self.latency:
            await asyncio.sleep(self.latency)
        raw = await request.read()
        body = json.loads(raw) if raw else {}
        post = Posted(
            method=request.method,
            kind=kind,
            conversation_id=unquote(request.match_info.get("conversation", "")),
            activity_id=unquote(request.match_info["activity"])
            if "activity" in request.match_info
            else None,
            body=body,
            headers=dict(request.headers),
            at=time.monotonic(),
        )
        fault = self._take_fault(kind)
        if fault is None and self.refuse_share and self.draw.random() < self.refuse_share:
            fault = _Fault(self.draw.choice((429, 503)), 1, 1.0, None)
        assert self._changed is not None
        async with self._changed:
            if fault:
                self.refused.append(post)
            else:
                self.posted.append(post)
            self._changed.notify_all()
        hold = next((hold for hold in self._holds if hold.kind == kind), None)
        if hold is not None and not fault:
            self._holds.remove(hold)
            hold.arrived.set()
            await hold._released.wait()
        if self.answer_delay:
            await asyncio.sleep(self.answer_delay())
        if fault:
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
            if fault.html:
                page = "<html><body><h1>Bad gateway</h1></body></html>"
                return post, web.Response(text=page, status=fault.status, content_type="text/html")
            return post, web.json_response(
                {"error": {"code": "Injected", "message": "fault injected by the test"}},
                status=fault.status,
                headers=headers,
            )
        return post, None

    def _new_id(self) -> str:
        return f"1:{next(self._ids)}"

    async def _create(self, request: web.Request) -> web.Response:
        post, fault = await self._take(request, "create")
        if fault:
            return fault
        body = post.body  # this call's own: other calls may have landed meanwhile
        channel = ((body.get("channelData") or {}).get("channel") or {}).get("id")
        activity_id = self._new_id()
        conversation = f"{channel};messageid={activity_id}" if channel else f"a:{activity_id}"
        return web.json_response({"id": conversation, "activityId": activity_id}, status=201)

    async def _send(self, request: web.Request) -> web.Response:
        return await self._record(request, "send") or web.json_response({"id": self._new_id()})

    async def _reply(self, request: web.Request) -> web.Response:
        return await self._record(request, "reply") or web.json_response({"id": self._new_id()})

    async def _update(self, request: web.Request) -> web.Response:
        fault = await self._record(request, "update")
        return fault or web.json_response({"id": request.match_info["activity"]})

    async def _delete(self, request: web.Request) -> web.Response:
        return await self._record(request, "delete") or web.Response(status=200)

    async def _members(self, request: web.Request) -> web.Response:
        self.roster_asked.append(unquote(request.match_info["conversation"]))
        return web.json_response(self.members)

    async def _paged_members(self, request: web.Request) -> web.Response:
        if not self.paged:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        self.roster_asked.append(unquote(request.match_info["conversation"]))
        start = int(request.query.get("continuationToken") or 0)
        size = min(int(request.query.get("pageSize") or self.roster_page), self.roster_page)
        end = start + size
        token = str(end) if end < len(self.members) else None
        return web.json_response({"members": self.members[start:end], "continuationToken": token})

    async def _member(self, request: web.Request) -> web.Response:
        member_id = unquote(request.match_info["member"])
        for member in self.members:
            if member.get("id") == member_id or member.get("aadObjectId") == member_id:
                return web.json_response(member)
        return web.json_response({"error": {"code": "NotFound"}}, status=404)
