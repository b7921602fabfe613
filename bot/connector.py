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
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

import aiohttp
import requests
from aiohttp.helpers import get_env_proxy_for_url
from botbuilder.schema import ResourceResponse
from botframework.connector import models as connector_models
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import AuthenticationConstants, ConnectorFactory
from msrest import Deserializer, Serializer
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.serialization import Model
from msrest.universal_http.aiohttp import AioHttpClientResponse
from yarl import URL

# Seconds a fetched token is put on calls before the credentials are asked again (MSAL
# renews it itself when it is near its expiry; tokens live an hour or more).
TOKEN_REUSE = 300.0
# Service URLs kept (Teams uses a handful per region); the oldest goes beyond this.
MAX_CLIENTS = 64

Key = tuple[object, ...]
ModelT = TypeVar("ModelT", bound=Model)
_SCHEMA = {name: model for name, model in vars(connector_models).items() if isinstance(model, type)}


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


Proxy = tuple[URL | None, aiohttp.BasicAuth | None]


class _AiohttpSender(AsyncHTTPSender):
    def __init__(self, clients: ConnectorClients, timeout: float) -> None:
        self._clients = clients
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
        url = URL(http.url)
        proxy, proxy_auth = self._clients.proxy(url)
        try:
            async with self._clients.session().request(
                http.method,
                url,
                headers=http.headers,
                data=http.data,
                timeout=self._timeout,
                proxy=proxy,
                proxy_auth=proxy_auth,
            ) as raw:
                answer = _Answer(http, raw)
                await answer.load_body()
            if answer.status_code >= 300:
                answer.as_requests_response()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise ClientRequestError("Error occurred in request.", error) from error
        return Response(request, answer)


class _Unplain(Exception):
    """A value ``plain_json`` does not know how msrest would write."""


_PLAIN = (str, int, float, bool)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, _PLAIN):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Model):
        if value._validation or value.is_xml_model():
            raise _Unplain(type(value).__name__)
        serialized = {}
        for attribute, description in value._attribute_map.items():
            if attribute == "additional_properties" or "." in description["key"]:
                raise _Unplain(type(value).__name__)
            item = getattr(value, attribute, None)
            if item is None:
                continue
            if isinstance(item, Enum):
                item = item.value
            if description["type"] == "str" and not isinstance(item, str):
                item = str(item)  # as msrest writes a number given for a string
            elif description["type"] == "iso-8601" and not isinstance(item, datetime):
                raise _Unplain(f"{attribute}: {type(item).__name__}")
            elif description["type"] == "object" and isinstance(item, dict | list):
                # A card, channel data, a value: JSON as the bot built it, not walked again.
                serialized[description["key"]] = item
                continue
            serialized[description["key"]] = _plain(item)
        return serialized
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, datetime):
        return Serializer.serialize_iso(value)
    raise _Unplain(type(value).__name__)


def plain_json(model: Model, data_type: str = "Activity") -> dict[str, Any]:
    """The activity (or another of the connector's models: a new conversation's parameters)
    as msrest writes it for the Bot Connector (``Serializer.body``), without msrest's three
    walks of every value (rebuilding the model, validating it, writing it): most of a reply's
    CPU, the more so for a card, whose content is plain JSON already. Anything msrest would
    treat specially (validation rules, flattened keys, additional properties, an unknown
    type) is left to msrest."""
    try:
        return _plain(model)
    except _Unplain:
        return Serializer(_SCHEMA).body(model, data_type)


def read_json(model_class: type[ModelT], data: object) -> ModelT:
    """``model_class`` read from the connector's JSON as msrest reads it (``Model.deserialize``:
    the same attributes, nested models, timestamps, and keys it does not know kept as
    ``additional_properties``), without its per-value type dispatch: a turn's first cost.
    Anything unusual is left to msrest, which also gives the error for a bad shape."""
    try:
        return _read_model(model_class, data)
    except _Unplain:
        return model_class.deserialize(data)  # type: ignore[no-any-return]


def _read_model(model_class: type[ModelT], data: object) -> ModelT:
    if not isinstance(data, dict) or model_class._validation:
        raise _Unplain(model_class.__name__)
    if getattr(model_class, "_subtype_map", None):
        raise _Unplain(model_class.__name__)
    values: dict[str, Any] = {}
    for attribute, description in model_class._attribute_map.items():
        key = description["key"]
        if attribute == "additional_properties" or "." in key:
            raise _Unplain(model_class.__name__)
        value = data.get(key)
        if value is not None:
            values[attribute] = _read_value(description["type"], value)
    model = model_class(**values)
    unknown = data.keys() - _keys(model_class)
    if unknown:
        model.additional_properties = {key: data[key] for key in unknown}
    return model


def _keys(model_class: type[Model]) -> frozenset[str]:
    known = _KNOWN_KEYS.get(model_class)
    if known is None:
        attributes = model_class._attribute_map.values()
        known = _KNOWN_KEYS[model_class] = frozenset(a["key"] for a in attributes)
    return known


_KNOWN_KEYS: dict[type[Model], frozenset[str]] = {}
_BOOLEANS = {True: True, False: False, "true": True, "1": True, "false": False, "0": False}


def _read_value(kind: str, value: Any) -> Any:
    if value is None or kind == "object":
        return value
    if kind == "str":
        return value if isinstance(value, str) else str(value)
    if kind == "bool":
        key = value.lower() if isinstance(value, str) else value
        answer = _BOOLEANS.get(key) if isinstance(key, bool | int | str) else None
        if answer is None:
            raise _Unplain(f"bool {value!r}")
        return answer
    if kind == "int" and isinstance(value, int | str):
        return int(value)
    if kind == "iso-8601" and isinstance(value, str):
        if len(value) < 19 or value[10] not in "Tt":
            raise _Unplain(value)  # not a date and time as msrest requires: it refuses it
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise _Unplain(value) from error
    if kind.startswith("[") and isinstance(value, list):
        return [_read_value(kind[1:-1], item) for item in value]
    if kind.startswith("{") and isinstance(value, dict):
        return {key: _read_value(kind[1:-1], item) for key, item in value.items()}
    model_class = _SCHEMA.get(kind)
    if model_class is None or not issubclass(model_class, Model):
        raise _Unplain(kind)
    return _read_model(model_class, value)


class _PlainContentSerializer(Serializer):
    """msrest's serializer, with the connector's models written by ``plain_json``."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if isinstance(data, Model) and type(data).__name__ == data_type:
            return plain_json(data, data_type)
        return super().body(data, data_type, **kwargs)


class _PlainDeserializer(Deserializer):
    """msrest's deserializer, with the connector's usual answer (``{"id": ...}``) read
    directly."""

    def __call__(self, target_obj: str, response_data: Any, content_type: Any = None) -> Any:
        if target_obj == "ResourceResponse" and isinstance(response_data, Response):
            data = response_data.context.get(RawDeserializer.CONTEXT_NAME)
            if isinstance(data, dict) and set(data) <= {"id"}:
                return ResourceResponse(id=data.get("id"))
        return super().__call__(target_obj, response_data, content_type)


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
        self._proxies: dict[tuple[str, str | None], Proxy] = {}

    def session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is None or session.closed or session._loop is not loop:
            # A new event loop (the tests run several in one process) gets its own session.
            session = self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=200, limit_per_host=100)
            )
            self._proxies.clear()
        return session

    def proxy(self, url: URL) -> Proxy:
        """The proxy for ``url`` from HTTPS_PROXY / NO_PROXY, as requests applied them. Read once
        per host: aiohttp's ``trust_env`` reads them (and ~/.netrc) in a worker thread for every
        request."""
        key = (url.scheme, url.host)
        if key not in self._proxies:
            try:
                self._proxies[key] = get_env_proxy_for_url(url)
            except LookupError:
                self._proxies[key] = (None, None)
        return self._proxies[key]

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
        config.pipeline = AsyncPipeline(policies, _AiohttpSender(self, config.connection.timeout))
        operations = client.conversations
        serializer = copy.copy(operations._serialize)
        serializer.__class__ = _PlainContentSerializer
        deserializer = copy.copy(operations._deserialize)
        deserializer.__class__ = _PlainDeserializer
        operations._serialize, operations._deserialize = serializer, deserializer
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
