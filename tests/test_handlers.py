"""The handler registry: every command has a handler and a help line in Swedish, Norwegian and
English; the help text lists every command's keyword; every button a card carries is a
``CardAction`` with a handler; which commands need a permission, and when."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import cards
from bot.card_actions import CardAction
from bot.domain.commands import EMPTY, UNKNOWN
from bot.domain.i18n import message
from bot.domain.meetings import example_days
from bot.domain.minutes import Minutes
from bot.domain.model import LANGUAGES, ActionItem, ConversationType, Group
from bot.domain.roles import Guarded
from bot.handlers.registry import REGISTRY
from tests.test_architecture import _imported_modules

ROOT = Path(__file__).parent.parent
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
GROUP = Group(
    id=1,
    key="19:channel",
    conversation_type=ConversationType.CHANNEL,
    tenant_id=None,
    team_id=None,
    channel_id=None,
    name="RAG nuklearmedicin",
    language="sv",
    timezone="Europe/Stockholm",
    regions=("Linköping", "Jönköping", "Kalmar"),
    reference={},
    active=True,
    created_at=NOW,
)
KEYWORDS = REGISTRY.vocabulary.keywords
parse_command = REGISTRY.vocabulary.parse
EXAMPLES = example_days(NOW, GROUP)
ITEM = ActionItem(id=1, group_id=1, number=3, text="Boka lokal", created_by="Edyta", created_at=NOW)


def _help_lines():
    return [line for feature in REGISTRY.features for line in feature.help]


def test_every_command_with_keywords_has_a_help_line_in_every_language():
    helped = {name for line in _help_lines() for name in line.commands}
    for feature in REGISTRY.features:
        for name in feature.keywords:
            assert name in helped, f"{name} ({feature.name}) has no help line"
    for line in _help_lines():
        for lang in LANGUAGES:
            keywords = {name: words.shown(lang) for name, words in KEYWORDS.items()}
            text = message(lang, line.key, **EXAMPLES, **keywords)
            for name in line.commands:
                assert f"**{KEYWORDS[name].shown(lang)}**" in text, (line.key, lang, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_generated_help_lists_every_commands_keyword(language):
    text = REGISTRY.help_text(language, EXAMPLES)

    for name, words in KEYWORDS.items():
        assert f"**{words.shown(language)}**" in text, name
        # Every keyword shown in the help is one the parser understands.
        assert parse_command(words.shown(language)).name == name


def test_the_swedish_help_lists_every_commands_swedish_keyword():
    text = REGISTRY.help_text("sv", EXAMPLES)

    assert text.startswith("Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal.")
    for words in KEYWORDS.values():
        assert f"- **{words.sv[0]}**" in text or f", **{words.sv[0]}**" in text, words.sv[0]
    assert text.endswith(
        "Kommandona finns också på engelska (status, action, agenda, help …) "
        "och norska (tiltak, møtetider, referat, hjelp …)."
    )


def test_every_command_has_exactly_one_handler():
    registered = [c.name for feature in REGISTRY.features for c in feature.commands]
    assert len(registered) == len(set(registered))
    assert {EMPTY, UNKNOWN} <= set(registered)
    for name in registered:
        assert REGISTRY.command(name).name == name
    # Every command but the empty and the unknown message has keywords.
    assert set(KEYWORDS) == set(registered) - {EMPTY, UNKNOWN}


def _card_actions_named_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "CardAction"
    }


def _string_literals_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_card_action_the_cards_use_is_in_the_enum_and_has_a_handler():
    used = _card_actions_named_in(ROOT / "bot" / "cards.py")
    for module in (ROOT / "bot" / "handlers").glob("*.py"):
        used |= _card_actions_named_in(module)

    assert used <= set(CardAction.__members__)
    for name in used:
        assert REGISTRY.card_action(CardAction[name].value) is not None, name
    # No action string written by hand beside the enum.
    assert not _string_literals_in(ROOT / "bot" / "cards.py") & {a.value for a in CardAction}


def test_every_button_on_a_built_card_is_answered():
    built = [
        cards.report_form("Kalmar", "inför nästa möte", None, "sv"),
        cards.action_item_card(ITEM, GROUP, NOW, None),
        cards.action_items_card([ITEM], GROUP, NOW, include_closed=False),
        cards.edit_item_form(ITEM, GROUP, "14/12"),
        cards.confirm_card("Flytta?", "Flytta", CardAction.MEETING_MOVE, "sv", meeting=1),
        cards.confirm_card("Ställa in?", "Ställ in", CardAction.MEETING_CANCEL, "sv", meeting=1),
        cards.attendance_card("Närvaro", ["Sara Axelsson"], [], 1, "sv"),
        cards.minutes_card(Minutes("M", (), (), ("Sammanställt av",)), "Utkast", [], ("J", 1, 1)),
    ]

    pressed = set()
    stack: list[object] = list(built)
    while stack:
        element = stack.pop()
        if isinstance(element, dict):
            if element.get("type") == "Action.Submit":
                pressed.add(element["data"]["ragbot"])
            stack.extend(element.values())
        elif isinstance(element, list):
            stack.extend(element)

    assert pressed == {action.value for action in CardAction}
    assert all(type(action) is str for action in pressed)  # plain JSON, not enum members
    assert all(REGISTRY.card_action(action) is not None for action in pressed)


def test_every_card_action_has_a_handler_and_made_up_ones_have_none():
    assert REGISTRY.card_actions == set(CardAction)
    for odd in ("report.delete", "", None, 12, ["action.done"], {"a": 1}):
        assert REGISTRY.card_action(odd) is None


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("regioner", None),
        ("regioner Linköping, Kalmar", Guarded.REGIONS),
        ("inställningar", None),
        ("inställningar språk engelska", Guarded.SETTINGS),
        ("roller", None),
        ("roll", None),
        ("roll ordförande mig", Guarded.ROLES),
        ("ta bort 3", Guarded.DELETE),
        ("logg", Guarded.LOG),
        ("åtgärd Boka lokal", None),
        ("hjälp", None),
    ],
)
def test_which_commands_need_a_permission_and_when(text, guarded):
    command = parse_command(text)
    handler = REGISTRY.command(command.name)

    assert (handler.guard.needed(command.args) if handler.guard else None) == guarded


def test_the_domain_does_not_import_the_handlers():
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "bot" / "domain").rglob("*.py")
        for module in _imported_modules(path)
        if module.startswith(("bot.handlers", "bot.cards"))
    }
    assert offenders == set()
