"""Process settings, read from the environment and `.env` by pydantic-settings.

Nothing else in the project reads ``os.environ``: ``bot.__main__`` builds one ``Settings`` and
passes it down. The Azure Bot credentials keep their customary names (``MicrosoftAppId`` …)
and also answer to ``RAGBOT_APP_ID`` and friends; ``bot_framework_config`` maps them onto the
upper-case attribute names botbuilder's ``ConfigurationBotFrameworkAuthentication`` reads,
because any other spelling silently means "authentication disabled".
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from types import SimpleNamespace
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants
from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.domain.model import Language

# What a deployment with credentials but no RAGBOT_PUBLIC_URL links to: plainly not its own.
PLACEHOLDER_URL = "https://ragbot.example.org"


class Settings(BaseSettings):
    """Everything the bot can be told from outside; see `.env.example` for each one."""

    model_config = SettingsConfigDict(
        env_prefix="RAGBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    host: str = "127.0.0.1"
    port: int = Field(default=3978, ge=0, le=65535)
    database_url: str = "sqlite+aiosqlite:///./var/ragbot.db"
    timezone: str = "Europe/Stockholm"
    language: Language = "sv"
    # Off for a replica that should only answer messages; every replica may tick safely.
    scheduler: bool = True
    scheduler_interval: float = Field(default=30.0, gt=0)
    # Seconds a stopping process (SIGTERM) gives the requests and posts under way; what it
    # has claimed but not sent by then goes back to the outbox for another replica.
    shutdown_grace: float = Field(default=20.0, ge=0)
    agenda_lead: timedelta = timedelta(days=2)
    reminder_leads: Annotated[list[timedelta], NoDecode] = [
        timedelta(days=1),
        timedelta(minutes=15),
    ]
    # How long closed items, superseded reports, dialog drafts and finished posts are kept
    # (ISO-8601 duration); None keeps everything.
    retention: timedelta | None = None
    allowed_tenants: Annotated[list[str], NoDecode] = []
    allow_insecure: bool = False
    max_request_bytes: int = Field(default=512 * 1024, gt=1024)
    # Seconds a reply the connector refuses (429, 5xx) is retried within its turn before it is
    # queued for the scheduler to deliver; Teams gives up on a turn after 15.
    reply_budget: float = Field(default=6.0, gt=0, le=12)
    log_level: str = "INFO"
    # Where people reach the bot's public pages (manifest links, calendar files). Empty: in
    # local mode the address the bot listens on, so that links work on this machine; with
    # credentials a placeholder a deployment must replace (see the README).
    public_url: str = ""

    app_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppId", "RAGBOT_APP_ID")
    )
    app_password: str = Field(
        default="",
        validation_alias=AliasChoices("MicrosoftAppPassword", "RAGBOT_APP_PASSWORD"),
        repr=False,
    )
    app_type: str = Field(
        default="MultiTenant", validation_alias=AliasChoices("MicrosoftAppType", "RAGBOT_APP_TYPE")
    )
    app_tenant_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppTenantId", "RAGBOT_APP_TENANT_ID")
    )
    # Where Bot Framework tokens come from and go to. The defaults are Microsoft's public
    # cloud; another cloud (or a test's loopback identity provider) is configuration only.
    openid_metadata_url: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
    token_issuer: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
    login_url: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
    oauth_scope: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
    validate_authority: bool = True
    # Only for local development: the id the bot uses for itself when it has no credentials.
    # Creating a channel conversation needs a non-empty bot id even then.
    local_bot_id: str = "ragbot-local"

    @model_validator(mode="after")
    def _default_public_url(self) -> Settings:
        if not self.public_url.strip():
            self.public_url = self.local_url if not self.auth_enabled else PLACEHOLDER_URL
        return self

    @property
    def local_url(self) -> str:
        """The address the bot listens on, as a browser on this machine reaches it."""
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @field_validator("reminder_leads", mode="before")
    @classmethod
    def _split_durations(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("retention", mode="before")
    @classmethod
    def _no_retention(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("allowed_tenants", mode="before")
    @classmethod
    def _split_tenants(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip().lower() for part in value.split(",") if part.strip()]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @property
    def auth_enabled(self) -> bool:
        """True when inbound requests must carry a valid Bot Connector token."""
        return bool(self.app_id)

    @property
    def bot_id(self) -> str:
        return self.app_id or self.local_bot_id

    @property
    def listens_on_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def insecure_listen_refusal(self) -> str | None:
        """Why the bot must not start, or None: local mode only on loopback unless allowed."""
        if self.auth_enabled or self.listens_on_loopback or self.allow_insecure:
            return None
        return (
            f"refusing to listen on {self.host} without MicrosoftAppId: requests would be "
            "unauthenticated. Set the Azure Bot credentials, listen on 127.0.0.1, or set "
            "RAGBOT_ALLOW_INSECURE=1 if you really mean it."
        )

    def bot_framework_config(self) -> SimpleNamespace:
        """The configuration object botbuilder's authentication classes read attributes from."""
        return SimpleNamespace(
            APP_ID=self.app_id,
            APP_PASSWORD=self.app_password,
            APP_TYPE=self.app_type,
            APP_TENANTID=self.app_tenant_id,
            # Always the parameterised authentication, so that the production path and the
            # tests' loopback identity provider run the same validation code.
            TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=self.openid_metadata_url,
            TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=self.token_issuer,
            TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=(
                AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
            ),
            TO_CHANNEL_FROM_BOT_LOGIN_URL=self.login_url,
            TO_CHANNEL_FROM_BOT_OAUTH_SCOPE=self.oauth_scope,
            VALIDATE_AUTHORITY=self.validate_authority,
            OAUTH_URL=AuthenticationConstants.OAUTH_URL,
            CALLER_ID=CallerIdConstants.public_azure_channel,
        )
