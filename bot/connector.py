"""Connector clients kept per service URL, sending on the event loop with aiohttp.

botbuilder 4.17.1 builds a new ``ConnectorClient`` for every turn and every proactive post:
new credentials (and with an app id a new MSAL application, whose token cache dies with it),
an msrest pipeline with a ``requests`` session and its retry policy, and each call then runs
``requests`` in a worker thread on a fresh connection. ``ConnectorClients`` keeps one client per
(app id, audience, service URL) for the life of the process, sends through one aiohttp
session on the event loop (connections kept alive), and puts the bearer token on each call
from a cache: the credentials' own (MSAL) token is fetched in a worker thread at most every
``TOKEN_REUSE`` seconds, well inside a token's hour.

What a caller sees is unchanged: the same ``ConnectorClient`` operations, ``HttpOperationError``
for an answer that is an error, ``ClientRequestError`` for a call that got no answer (a refused
connection, a timeout after ``connection.timeout`` seconds, as msrest's default).
``StrictAuthentication`` (bot.auth) hands botbuilder a ``ReusedConnectorFactory``.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import requests
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import AuthenticationConstants, ConnectorFactory
from msrest import Serializer
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http.aiohttp import AioHttpClientResponse

# Seconds a fetched token is put on calls before the credentials are asked again (MSAL
# renews it itself when it is near its expiry; tokens live an hour or more).
TOKEN_REUSE = 300.0
# Service URLs kept (Teams uses a handful per region); the oldest goes beyond this.
MAX_CLIENTS = 64

Key = tuple[object, ...]


class _Answer(AioHttpClientResponse):
    """msrest's aiohttp response, whose empty body (a 200 to DELETE) is a body too."""

    def body(self) -> bytes:
        return self._body or b""

    def as_requests_response(self) -> None:
        """An error answer as ``requests`` would give it: ``HttpOperationError.response`` is
        this ``internal_response``, read as a ``requests.Response`` (``status_code``,
        ``headers``, ``text``) by botbuilder, msrest and the bot's retry decisions."""
        response = requests.Response()
        response.status_code = self.status_code
        response.headers = requests.structures.CaseInsensitiveDict(self.headers)
        response.reason = self.reason or ""
        response.url = str(self.request.url)
        response._content = self.body()
        self.internal_response = response


class _AiohttpSender(AsyncHTTPSender):
    def __init__(self, session: Callable[[], aiohttp.ClientSession], timeout: float) -> None:
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def __aenter__(self) -> _AiohttpSender:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        return None

    def build_context(self) -> Any:
        return None

    async def send(self, request: Request, **config: Any) -> Response:
        http = request.http_request
        if http.files:
            raise NotImplementedError("multipart uploads are not sent through aiohttp")
        try:
            async with self._session().request(
                http.method, http.url, headers=http.headers, data=http.data, timeout=self._timeout
            ) as raw:
                answer = _Answer(http, raw)
                await answer.load_body()
            if answer.status_code >= 300:
                answer.as_requests_response()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise ClientRequestError("Error occurred in request.", error) from error
        return Response(request, answer)


class _PlainContentSerializer(Serializer):
    """msrest's serializer, but an activity's attachment content that is already plain JSON
    (an Adaptive Card as a dict) is put into the body as it is: msrest would walk it three
    times (rebuilding the model, validating it, serialising it), the largest part of a card
    reply's CPU."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        attachments = getattr(data, "attachments", None) if data_type == "Activity" else None
        if not attachments or not all(isinstance(a.content, dict) for a in attachments):
            return super().body(data, data_type, **kwargs)
        contents = [attachment.content for attachment in attachments]
        try:
            for attachment in attachments:
                attachment.content = None
            body = super().body(data, data_type, **kwargs)
        finally:
            for attachment, content in zip(attachments, contents, strict=True):
                attachment.content = content
        for serialized, content in zip(body["attachments"], contents, strict=True):
            serialized["content"] = content
        return body


class _BearerToken(AsyncHTTPPolicy):
    """``Authorization: Bearer`` from the credentials, fetched off the event loop."""

    def __init__(self, credentials: Any) -> None:
        super().__init__()
        self._credentials = credentials
        self._token: str | None = None
        self._fetched = 0.0

    def _needs_token(self) -> bool:
        app_id = getattr(self._credentials, "microsoft_app_id", None)
        return bool(app_id) and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID

    async def send(self, request: Request, **kwargs: Any) -> Response:
        if self._needs_token():
            if self._token is None or time.monotonic() - self._fetched > TOKEN_REUSE:
                self._token = await asyncio.to_thread(self._credentials.get_access_token)
                self._fetched = time.monotonic()
            request.http_request.headers["Authorization"] = f"Bearer {self._token}"
        else:
            request.http_request.headers.pop("Authorization", None)
        return await self.next.send(request, **kwargs)


class ConnectorClients:
    """The process's connector clients, one per key, and the aiohttp session they share."""

    def __init__(self) -> None:
        self._clients: OrderedDict[Key, ConnectorClient] = OrderedDict()
        self._building: dict[Key, asyncio.Task[ConnectorClient]] = {}
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is None or session.closed or session._loop is not loop:
            # A new event loop (the tests run several in one process) gets its own session.
            # trust_env: HTTPS_PROXY and NO_PROXY apply, as they did to requests.
            session = self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=200, limit_per_host=100), trust_env=True
            )
        return session

    async def get(
        self, key: Key, build: Callable[[], Awaitable[ConnectorClient]]
    ) -> ConnectorClient:
        client = self._clients.get(key)
        if client is not None:
            self._clients.move_to_end(key)
            return client
        building = self._building.get(key)
        if building is None or building.get_loop() is not asyncio.get_running_loop():
            building = self._building[key] = asyncio.ensure_future(self._build(key, build))
        return await asyncio.shield(building)

    async def _build(
        self, key: Key, build: Callable[[], Awaitable[ConnectorClient]]
    ) -> ConnectorClient:
        try:
            client = self.on_aiohttp(await build())
            self._clients[key] = client
            while len(self._clients) > MAX_CLIENTS:
                self._clients.popitem(last=False)
            return client
        finally:
            self._building.pop(key, None)

    def on_aiohttp(self, client: ConnectorClient) -> ConnectorClient:
        """``client`` sending through this session, with cached tokens."""
        config = client.config
        policies = [config.user_agent_policy, RawDeserializer(), config.http_logger_policy]
        if config.credentials is not None:
            policies.insert(1, _BearerToken(config.credentials))
        config.pipeline = AsyncPipeline(
            policies, _AiohttpSender(self.session, config.connection.timeout)
        )
        plain = copy.copy(client.conversations._serialize)
        plain.__class__ = _PlainContentSerializer
        client.conversations._serialize = plain
        return client

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


class ReusedConnectorFactory(ConnectorFactory):
    """botbuilder's connector factory, handing out the kept client for its key."""

    def __init__(self, inner: ConnectorFactory, clients: ConnectorClients) -> None:
        self._inner = inner
        self._clients = clients

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        inner = self._inner
        if getattr(inner, "_connector_client_configuration", None) is not None or not hasattr(
            inner, "_app_id"
        ):
            # A configuration shared by every client, or a factory we do not know: no reuse.
            return await inner.create(service_url, audience)
        key = (
            inner._app_id,  # type: ignore[attr-defined]
            getattr(inner, "_to_channel_from_bot_oauth_scope", None),
            service_url,
            audience,
        )
        return await self._clients.get(key, lambda: inner.create(service_url, audience))
