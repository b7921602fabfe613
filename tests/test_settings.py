"""Settings from the environment: every documented name, the Azure Bot credential aliases
mapped onto what botbuilder reads, durations and lists, and the local-mode listen guard."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings

ROOT = Path(__file__).parent.parent


def settings_from(monkeypatch: pytest.MonkeyPatch, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_defaults_suit_a_swedish_group_on_a_laptop(monkeypatch):
    settings = settings_from(monkeypatch)

    assert (settings.host, settings.port) == ("127.0.0.1", 3978)
    assert settings.database_url == "sqlite+aiosqlite:///./var/ragbot.db"
    assert (settings.timezone, settings.language) == ("Europe/Stockholm", "sv")
    assert settings.scheduler_interval == 30
    assert settings.agenda_lead == timedelta(days=2)
    assert settings.reminder_leads == [timedelta(days=1), timedelta(minutes=15)]
    assert settings.allowed_tenants == []
    assert settings.auth_enabled is False


def test_every_documented_variable_is_read(monkeypatch):
    settings = settings_from(
        monkeypatch,
        RAGBOT_HOST="127.0.0.2",
        RAGBOT_PORT="4000",
        RAGBOT_DATABASE_URL="postgresql+asyncpg://bot@db/ragbot",
        RAGBOT_TIMEZONE="Europe/Oslo",
        RAGBOT_LANGUAGE="nb",
        RAGBOT_SCHEDULER_INTERVAL="5",
        RAGBOT_AGENDA_LEAD="P3DT2H",
        RAGBOT_REMINDER_LEADS="P1D, PT1H,PT15M",
        RAGBOT_ALLOWED_TENANTS="AAA-1, bbb-2",
        RAGBOT_ALLOW_INSECURE="1",
    )

    assert (settings.host, settings.port) == ("127.0.0.2", 4000)
    assert settings.database_url == "postgresql+asyncpg://bot@db/ragbot"
    assert (settings.timezone, settings.language) == ("Europe/Oslo", "nb")
    assert settings.scheduler_interval == 5
    assert settings.agenda_lead == timedelta(days=3, hours=2)
    assert settings.reminder_leads == [timedelta(days=1), timedelta(hours=1), timedelta(minutes=15)]
    assert settings.allowed_tenants == ["aaa-1", "bbb-2"]
    assert settings.allow_insecure is True


@pytest.mark.parametrize("prefix", ["Microsoft", "RAGBOT_"])
def test_credentials_set_mean_authentication_on(monkeypatch, prefix):
    names = {
        "Microsoft": (
            "MicrosoftAppId",
            "MicrosoftAppPassword",
            "MicrosoftAppType",
            "MicrosoftAppTenantId",
        ),
        "RAGBOT_": (
            "RAGBOT_APP_ID",
            "RAGBOT_APP_PASSWORD",
            "RAGBOT_APP_TYPE",
            "RAGBOT_APP_TENANT_ID",
        ),
    }[prefix]
    values = ("0c8e8b3a-1111-4222-8333-444455556666", "s3cret", "SingleTenant", "tenant-1")
    settings = settings_from(monkeypatch, **dict(zip(names, values, strict=True)))

    config = settings.bot_framework_config()

    assert settings.auth_enabled is True
    assert (config.APP_ID, config.APP_PASSWORD, config.APP_TYPE, config.APP_TENANTID) == values
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RAGBOT_TIMEZONE", "Europe/Lund"),
        ("RAGBOT_LANGUAGE", "de"),
        ("RAGBOT_AGENDA_LEAD", "two days"),
        ("RAGBOT_PORT", "99999"),
    ],
)
def test_bad_values_are_refused_at_start(monkeypatch, name, value):
    with pytest.raises(ValidationError):
        settings_from(monkeypatch, **{name: value})


def test_local_mode_refuses_a_public_address_unless_told(monkeypatch):
    assert settings_from(monkeypatch, RAGBOT_HOST="0.0.0.0").insecure_listen_refusal()
    assert settings_from(monkeypatch, RAGBOT_HOST="localhost").insecure_listen_refusal() is None
    assert settings_from(monkeypatch, RAGBOT_HOST="::1").insecure_listen_refusal() is None
    allowed = settings_from(monkeypatch, RAGBOT_HOST="0.0.0.0", RAGBOT_ALLOW_INSECURE="1")
    assert allowed.insecure_listen_refusal() is None
    with_credentials = settings_from(monkeypatch, RAGBOT_HOST="0.0.0.0", MicrosoftAppId="x")
    assert with_credentials.insecure_listen_refusal() is None


def test_env_example_documents_every_setting():
    example = (ROOT / ".env.example").read_text()
    documented = {line.split("=")[0].lstrip("# ") for line in example.splitlines() if "=" in line}
    for name, field in Settings.model_fields.items():
        aliases = getattr(field.validation_alias, "choices", None) or [f"RAGBOT_{name.upper()}"]
        assert documented & set(aliases), f"{name} is not in .env.example"


def test_retention_is_an_iso_duration_and_empty_means_keep_everything(monkeypatch):
    assert settings_from(monkeypatch, RAGBOT_RETENTION="").retention is None
    assert settings_from(monkeypatch, RAGBOT_RETENTION="P30D").retention == timedelta(days=30)


def test_in_local_mode_links_point_where_the_bot_listens(monkeypatch):
    assert settings_from(monkeypatch).public_url == "http://127.0.0.1:3978"
    everywhere = settings_from(monkeypatch, RAGBOT_HOST="0.0.0.0", RAGBOT_ALLOW_INSECURE="1")
    assert everywhere.public_url == "http://127.0.0.1:3978"
    assert settings_from(monkeypatch, RAGBOT_PORT="4100").public_url == "http://127.0.0.1:4100"
    assert settings_from(monkeypatch, MicrosoftAppId="x").public_url == "https://ragbot.example.org"
    told = settings_from(monkeypatch, RAGBOT_PUBLIC_URL="https://rag.regionkalmar.se")
    assert told.public_url == "https://rag.regionkalmar.se"
