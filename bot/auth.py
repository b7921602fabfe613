"""Inbound authentication: botbuilder checks each Bot Connector token; this decides what a
failed check means to the caller.

With ``MicrosoftAppId`` set, botbuilder validates issuer, audience (the app id), expiry (five
minutes' skew), the RS256 signature against the keys published at the OpenID metadata URL,
the channel endorsement and the ``serviceurl`` claim against the activity. It reports a bad
token in several ways: ``PermissionError`` for most, PyJWT's errors for a malformed or expired
one, ``IndexError`` for a key id it has never seen. ``StrictAuthentication`` turns all of them
into ``PermissionError`` (HTTP 401), except a failure to fetch the published keys, which is
``KeysUnavailable`` (HTTP 503, so that the channel retries instead of dropping the message).
Nothing here can switch validation off: without an app id botbuilder runs in local mode, and
``Settings.insecure_listen_refusal`` keeps that mode on loopback.

Two things botbuilder does not do are done here. A token that no key could make valid (not a
"Bearer" header, not a JWT, not RS256, no key id, expired beyond the skew) is refused before
the keys are asked for, so it gets 401 even while the keys cannot be fetched (a 503 would have
the channel retry it). And botbuilder fetches the keys with blocking ``requests`` calls on the
event loop, stalling every turn while the key endpoint is slow: ``install_off_loop_key_cache``
puts a key cache of our own in botbuilder's place, which fetches in a worker thread, with a
timeout, once for all the requests that need the keys at the same moment.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime
from typing import Any

import jwt
import requests
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.auth._built_in_bot_framework_authentication import (
    _BuiltinBotFrameworkAuthentication,
)
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor, _OpenIdMetadata
from botframework.connector.skills import BotFrameworkClient

from bot.connector import ConnectorClients, ReusedConnectorFactory
from bot.settings import Settings

log = logging.getLogger(__name__)


class KeysUnavailable(Exception):
    """The token could not be checked because the signing keys could not be fetched."""


# botbuilder verifies signatures with RS256 alone (whatever its list of allowed algorithms
# says) and allows five minutes' clock skew on every kind of token it takes.
SIGNING_ALGORITHM = "RS256"
CLOCK_SKEW_SECONDS = 5 * 60


def refusal_without_keys(auth_header: str, now: float) -> str | None:
    """Why no published key could make this Authorization header valid, or None if one might.

    Only what botbuilder would refuse anyway, once it had the keys: its header format (exactly
    "Bearer <token>"), a JWT whose header and payload decode, the one algorithm it verifies, a
    key id to look the key up by, and an expiry within its skew."""
    parts = auth_header.split(" ")
    if len(parts) != 2 or parts[0] != "Bearer" or not parts[1]:
        return "not a Bearer token"
    token = parts[1]
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as error:
        return f"malformed token ({error})"
    if header.get("alg") != SIGNING_ALGORITHM:
        return f"signed with {header.get('alg')!r}, not {SIGNING_ALGORITHM}"
    if not header.get("kid"):
        return "no key id"
    expiry = claims.get("exp")
    if (
        isinstance(expiry, int | float)
        and not isinstance(expiry, bool)
        and expiry <= now - CLOCK_SKEW_SECONDS
    ):
        return "expired"
    return None


class StrictAuthentication(BotFrameworkAuthentication):
    """botbuilder's authentication with one kind of failure per meaning; the connector clients
    it hands out are kept per service URL (bot.connector), and so is the user token client."""

    def __init__(
        self, inner: BotFrameworkAuthentication, clients: ConnectorClients | None = None
    ) -> None:
        self._inner = inner
        self.clients = clients or ConnectorClients()
        self._user_token_clients: dict[object, UserTokenClient] = {}

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        if auth_header:
            reason = refusal_without_keys(auth_header, time.time())
            if reason:
                raise PermissionError(f"token not accepted ({reason})")
        try:
            # None, not "": the parameterised validation treats only None as "no token".
            result = await self._inner.authenticate_request(activity, auth_header or None)
        except (PermissionError, KeysUnavailable):
            raise
        except requests.RequestException as error:
            raise KeysUnavailable(str(error)) from error
        except Exception as error:  # noqa: BLE001 - every other failure is a bad token
            raise PermissionError(
                f"token not accepted ({type(error).__name__}: {error})"
            ) from error
        if result.connector_factory is not None:
            result.connector_factory = ReusedConnectorFactory(
                result.connector_factory, self.clients
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return ReusedConnectorFactory(
            self._inner.create_connector_factory(claims_identity), self.clients
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """botbuilder builds one (credentials, an msrest client) for every turn; the bot never
        signs users in, so one per app id serves."""
        key = _BuiltinBotFrameworkAuthentication.get_app_id(claims_identity)
        client = self._user_token_clients.get(key)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._user_token_clients[key] = client
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


class OffLoopOpenIdMetadata(_OpenIdMetadata):
    """botbuilder's published-key cache for one metadata URL, fetching off the event loop.

    botbuilder calls ``_refresh`` when its keys are a day old, or when a key id is unknown
    (at most once an hour). Here every request that needs the keys while a fetch is under way
    waits on that fetch (one per event loop: tests run several loops in one process), and the
    fetch runs its blocking ``requests`` calls in a worker thread, with a timeout. Any failure
    to get a list of keys is ``KeysUnavailable``; with the keys in hand nothing changes."""

    # (connect, read) seconds for each of the two documents.
    timeout: tuple[float, float] = (5.0, 10.0)

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._fetching: asyncio.Task[None] | None = None

    async def _refresh(self) -> None:
        fetching = self._fetching
        if (
            fetching is None
            or fetching.done()
            or fetching.get_loop() is not asyncio.get_running_loop()
        ):
            fetching = self._fetching = asyncio.create_task(self._fetch())
            # Retrieved here, so that a failed fetch nobody waits for any more is not logged.
            fetching.add_done_callback(lambda task: task.cancelled() or task.exception())
        # A request that goes away (its client hung up) does not cancel the others' fetch.
        await asyncio.shield(fetching)

    async def _fetch(self) -> None:
        keys = await asyncio.to_thread(self._download)
        self.keys = keys
        self.last_updated = datetime.now()

    def _download(self) -> list[dict[str, Any]]:
        try:
            response = requests.get(self.url, timeout=self.timeout)
            response.raise_for_status()
            keys_url = response.json()["jwks_uri"]
            response = requests.get(keys_url, timeout=self.timeout)
            response.raise_for_status()
            keys = response.json()["keys"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise KeysUnavailable(f"{self.url}: {type(error).__name__}: {error}") from error
        if not isinstance(keys, list):
            raise KeysUnavailable(f"{self.url}: the key document holds no list of keys")
        return keys


class _OffLoopMetadataCache(dict[str, _OpenIdMetadata]):
    """botbuilder's per-URL cache of key caches, handing out ``OffLoopOpenIdMetadata`` only.

    ``JwtTokenExtractor.get_open_id_metadata`` creates an ``_OpenIdMetadata`` only when
    ``get`` finds none; this one always finds one of ours (taking over the keys of one that
    botbuilder created before it was installed)."""

    def get(self, url: str, default: object = None) -> _OpenIdMetadata:  # type: ignore[override]
        metadata = super().get(url)
        if not isinstance(metadata, OffLoopOpenIdMetadata):
            ours = OffLoopOpenIdMetadata(url)
            if metadata is not None:
                ours.keys, ours.last_updated = metadata.keys, metadata.last_updated
            self[url] = metadata = ours
        return metadata


def install_off_loop_key_cache() -> None:
    """Make botbuilder fetch its keys through ``OffLoopOpenIdMetadata``. Idempotent."""
    if not isinstance(JwtTokenExtractor.metadataCache, _OffLoopMetadataCache):
        JwtTokenExtractor.metadataCache = _OffLoopMetadataCache(JwtTokenExtractor.metadataCache)


def build_authentication(
    settings: Settings, clients: ConnectorClients | None = None
) -> StrictAuthentication:
    install_off_loop_key_cache()
    return StrictAuthentication(
        ConfigurationBotFrameworkAuthentication(settings.bot_framework_config()), clients
    )
