"""The Teams app package: the filled-in manifest validates against Microsoft's v1.19 schema
(vendored, see tests/schemas/SOURCE.md), a broken one does not, the icons have the sizes and
colours Teams demands, and `make manifest`'s zip holds all three files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft7Validator, validators
from PIL import Image

from bot.domain.commands import EMPTY, UNKNOWN
from bot.handlers.registry import REGISTRY
from manifest.package import PLACEHOLDERS, main, render_manifest

HERE = Path(__file__).parent
APP_ID = "0c8e8b3a-1111-4222-8333-444455556666"

# The schema declares draft-04 but uses draft-06's "const" (manifestVersion); draft-04
# validators would silently ignore it.
_Validator = validators.extend(Draft4Validator, {"const": Draft7Validator.VALIDATORS["const"]})


def _errors(manifest: dict) -> list[str]:
    schema = json.loads((HERE / "schemas" / "teams-manifest-v1.19.schema.json").read_text())
    validator = _Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(manifest)]


@pytest.fixture
def manifest() -> dict:
    return render_manifest(APP_ID, APP_ID, "https://ragbot.region.se/", "0.1.0")


def test_the_filled_in_manifest_is_valid(manifest):
    assert _errors(manifest) == []
    assert manifest["id"] == manifest["bots"][0]["botId"] == APP_ID
    assert manifest["developer"]["privacyUrl"] == "https://ragbot.region.se/integritet"
    assert set(manifest["bots"][0]["scopes"]) == {"team", "groupChat", "personal"}
    assert not any(p in json.dumps(manifest) for p in PLACEHOLDERS)


def test_the_manifest_asks_for_what_meeting_events_need(manifest):
    """Start and end in a meeting's chat and in a channel meeting, and who joins and leaves
    (learn.microsoft.com, "Meeting apps APIs": receive real-time Teams meeting events); the
    resource-specific permissions name the app's Entra id in webApplicationInfo."""
    permissions = manifest["authorization"]["permissions"]["resourceSpecific"]

    assert {(p["name"], p["type"]) for p in permissions} == {
        ("OnlineMeeting.ReadBasic.Chat", "Application"),
        ("ChannelMeeting.ReadBasic.Group", "Application"),
        ("OnlineMeetingParticipant.Read.Chat", "Application"),
        ("ChannelMeetingParticipant.Read.Group", "Application"),
    }
    assert {"team", "groupChat"} <= set(manifest["bots"][0]["scopes"])
    assert manifest["webApplicationInfo"]["id"] == APP_ID
    assert _errors(manifest) == []


def test_a_broken_manifest_fails_validation(manifest):
    manifest["manifestVersion"] = "1.18"
    manifest["bots"][0]["botId"] = "not-a-guid"
    del manifest["icons"]["outline"]

    errors = _errors(manifest)

    assert len(errors) == 3, errors


parse_command = REGISTRY.vocabulary.parse


def test_the_manifest_commands_are_commands_the_bot_knows(manifest):
    for command_list in manifest["bots"][0]["commandLists"]:
        for command in command_list["commands"]:
            assert parse_command(command["title"]).name not in (UNKNOWN, EMPTY)


def test_the_icons_have_the_sizes_and_colours_teams_demands():
    color = Image.open(HERE.parent / "manifest" / "color.png")
    outline = Image.open(HERE.parent / "manifest" / "outline.png")

    assert (color.format, color.size) == ("PNG", (192, 192))
    assert (outline.format, outline.size) == ("PNG", (32, 32))
    raw = outline.convert("RGBA").tobytes()
    pixels = [tuple(raw[i : i + 4]) for i in range(0, len(raw), 4)]
    opaque = [pixel for pixel in pixels if pixel[3] > 0]
    assert opaque, "the outline icon is empty"
    assert all(pixel[:3] == (255, 255, 255) for pixel in opaque)
    assert any(pixel[3] == 0 for pixel in pixels)


def test_make_manifest_zips_manifest_and_icons(tmp_path, monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", APP_ID)
    target = tmp_path / "ragbot.zip"

    assert main(["--output", str(target)]) == 0

    with zipfile.ZipFile(target) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        assert Image.open(io.BytesIO(package.read("color.png"))).size == (192, 192)
    assert manifest["id"] == APP_ID
    assert _errors(manifest) == []
