"""`make playground`: the Makefile target, and the playground as it starts it — the committed
config (its bot is the bot's local id), pointed at the bot, with everything that phones home
off. The e2e suite starts it the same way (tests/e2e/playground.py)."""

from __future__ import annotations

import re

from bot import playground
from bot.settings import Settings
from tests.support.process import ROOT


def test_make_playground_starts_the_bot_and_the_playground():
    makefile = (ROOT / "Makefile").read_text()
    target = re.search(r"^playground: (.*)\n\t(.*)$", makefile, re.MULTILINE)
    assert target is not None
    assert "migrate" in target[1] and "$(E2E_STAMP)" in target[1]
    assert target[2] == "$(BIN)/python -m bot.playground"


def test_the_playground_runs_offline_with_the_committed_config():
    command = playground.command("http://127.0.0.1:3978", 56150)
    env = playground.environment({})

    assert command[1:] == [
        "-e", "http://127.0.0.1:3978/api/messages", "-c", "msteams", "-p", "56150",
        "--disable-telemetry",
    ]  # fmt: skip
    assert env == {
        "TEAMSAPPTESTER_BROWSER": "none",
        "APPLICATION_INSIGHTS_NO_STATSBEAT": "1",
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(playground.CONFIG),
    }
    bot = re.search(r"^bot:\n  id: (.*)\n  name: (.*)$", playground.CONFIG.read_text(), re.M)
    assert bot is not None
    assert bot.groups() == (f"28:{Settings(_env_file=None).local_bot_id}", "RAG")
