"""Microsoft 365 Agents Playground, the local Teams: how it is started, in one place.

``make playground`` (``python -m bot.playground``) and the end-to-end suite (``tests/e2e``) both
start it from here: the committed config (``m365agentsplayground.yml``: team "RAG
nuklearmedicin", channel "Allmänt", bot "RAG" with the local bot id, Swedish users), pointed
at the bot's ``/api/messages``, with everything that would phone home switched off.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent
CONFIG = Path(__file__).parent / "m365agentsplayground.yml"
# The playground is a Node package pinned by the end-to-end suite's lockfile.
NODE_MODULES = ROOT / "tests" / "e2e" / "node_modules"
EXECUTABLE = NODE_MODULES / ".bin" / "agentsplayground"
# The line the playground prints once it serves its page.
READY = "Listening on"
DEFAULT_PORT = 56150


def command(bot_url: str, port: int, executable: Path = EXECUTABLE) -> list[str]:
    """The playground's command line: Teams as the channel, telemetry off."""
    return [
        str(executable),
        "-e", f"{bot_url.rstrip('/')}/api/messages",
        "-c", "msteams",
        "-p", str(port),
        "--disable-telemetry",
    ]  # fmt: skip


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment it runs in: the committed config, no browser of its own opened, and
    Application Insights' statsbeat (which calls home even with telemetry off) off."""
    env = dict(os.environ if base is None else base)
    env.update(
        TEAMSAPPTESTER_BROWSER="none",
        APPLICATION_INSIGHTS_NO_STATSBEAT="1",
        M365_AGENTS_PLAYGROUND_CONFIG_PATH=str(CONFIG),
    )
    return env
