"""`hjälp` and the README list the same commands, and both list exactly the commands the
registry answers (in Swedish: the keyword each command shows). The README stands alone in a
clone: it links to nothing outside the repository."""

from __future__ import annotations

import re

from bot.handlers.registry import REGISTRY
from tests.support.process import ROOT
from tests.test_handlers import EXAMPLES

README = (ROOT / "README.md").read_text()
BOLD = re.compile(r"\*\*([^*]+)\*\*")


def registered() -> set[str]:
    return {words.shown("sv") for words in REGISTRY.vocabulary.keywords.values()}


def readme_commands() -> set[str]:
    section = README.split("## Using it in Teams", 1)[1].split("\n## ", 1)[0]
    return set(BOLD.findall(section))


def test_help_lists_every_registered_command_and_nothing_else():
    assert set(BOLD.findall(REGISTRY.help_text("sv", EXAMPLES))) == registered()


def test_the_readme_lists_the_same_commands_as_help():
    assert readme_commands() == registered()


def test_the_readme_links_nothing_outside_the_repository():
    assert "../" not in README
