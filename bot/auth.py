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
"""

from __future__ import annotations

import logging

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
from botframework.connector.skills import BotFrameworkClient

from bot.settings import Settings

log = logging.getLogger(__name__)


class KeysUnavailable(Exception):
    """The token could not be checked because the signing keys could not be fetched."""


class StrictAuthentication(BotFrameworkAuthentication):
    """botbuilder's authentication with one kind of failure per meaning."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        try:
            # None, not "": the parameterised validation treats only None as "no token".
            return await self._inner.authenticate_request(activity, auth_header or None)
        except PermissionError:
            raise
        except requests.RequestException as error:
            raise KeysUnavailable(str(error)) from error
        except Exception as error:  # noqa: BLE001 - every other failure is a bad token
            raise PermissionError(
                f"token not accepted ({type(error).__name__}: {error})"
            ) from error

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._inner.create_connector_factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return await self._inner.create_user_token_client(claims_identity)

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


def build_authentication(settings: Settings) -> StrictAuthentication:
    return StrictAuthentication(
        ConfigurationBotFrameworkAuthentication(settings.bot_framework_config())
    )
