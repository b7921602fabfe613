"""User-facing strings: every message exists in Swedish, Norwegian and English with the same
placeholders, and an unknown language falls back to Swedish; keys are literal strings in the
code, every key the code names exists, and every key is used."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from bot.domain.i18n import MESSAGES, message
from bot.domain.model import LANGUAGES


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_is_in_every_language_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        assert len({frozenset(_placeholders(text)) for text in texts.values()}) == 1, key


def test_an_unknown_language_falls_back_to_swedish():
    assert message("de", "empty") == "Hej! Skriv @RAG hjälp för att se vad jag kan."
    assert message("en", "empty") == "Hi! Write @RAG help to see what I can do."


# --- keys are literal: every key used exists, and every key is used ------------------------

ROOT = Path(__file__).parent.parent
I18N = ROOT / "bot" / "domain" / "i18n.py"
SOURCES = [path for package in ("bot", "dialogs") for path in (ROOT / package).rglob("*.py")]


def _trees() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(), filename=str(path))) for path in SOURCES]


def _code(path: Path, tree: ast.AST) -> ast.AST:
    """The module without i18n's table of texts: a text there is not a use of a key."""
    if path != I18N:
        return tree
    assert isinstance(tree, ast.Module)
    body = [
        statement
        for statement in tree.body
        if not (
            isinstance(statement, ast.AnnAssign | ast.Assign)
            and "MESSAGES" in ast.unparse(statement).split("=", 1)[0]
        )
    ]
    return ast.Module(body=body, type_ignores=[])


def _key_argument(node: ast.Call) -> ast.expr | None:
    """The expression a call passes as an i18n key: message(language, KEY), Refusal(KEY)."""
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name == "message" and len(node.args) >= 2:
        return node.args[1]
    if name == "Refusal" and node.args:
        return node.args[0]
    return None


def _key_expressions() -> list[tuple[str, ast.expr]]:
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and (argument := _key_argument(node)) is not None:
                found.append((where, argument))
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Name)
                and node.value.id == "MESSAGES"
            ):
                found.append((where, node.slice))
    return found


def _literals(expression: ast.expr) -> list[str]:
    """The literal keys an expression can be: a string, or either branch of a conditional."""
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, ast.IfExp):
        return _literals(expression.body) + _literals(expression.orelse)
    return []


def test_no_key_is_built_from_pieces():
    built = [
        where
        for where, expression in _key_expressions()
        for node in ast.walk(expression)
        if isinstance(node, ast.JoinedStr | ast.BinOp)
        or (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format")
    ]
    assert built == []


def test_every_key_used_exists():
    missing = {
        f"{where}: {key}"
        for where, expression in _key_expressions()
        for key in _literals(expression)
        if key not in MESSAGES
    }
    # A table of keys (section titles, role names, refusals per action) holds keys only.
    for path, tree in _trees():
        for node in ast.walk(_code(path, tree)):
            if not isinstance(node, ast.Dict):
                continue
            values = [v.value for v in node.values if isinstance(v, ast.Constant)]
            if any(value in MESSAGES for value in values):
                missing |= {
                    f"{path.relative_to(ROOT)}:{node.lineno}: {value}"
                    for value in values
                    if value not in MESSAGES
                }
    assert missing == set()


def test_every_key_is_used():
    strings = {
        node.value
        for path, tree in _trees()
        for node in ast.walk(_code(path, tree))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert sorted(set(MESSAGES) - strings) == []
