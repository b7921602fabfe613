"""``make playground``: the bot (local mode, ./var/ragbot.db) and Agents Playground side by
side, until Ctrl-C; it says where to open the playground in a browser.

The bot is ``ragbot run`` with the settings of ``.env`` and the environment, so the
playground talks to the same bot ``make run`` starts; links it writes (calendar files) point
at the address it listens on.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time

from bot.playground import DEFAULT_PORT, EXECUTABLE, READY, ROOT, command, environment
from bot.settings import Settings

READY_WITHIN = 60.0
WORKDIR = ROOT / "var"


def main() -> int:
    parser = argparse.ArgumentParser(prog="make playground", description=__doc__)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="the playground's port")
    args = parser.parse_args()
    settings = Settings()
    if settings.auth_enabled:
        print("MicrosoftAppId is set: the playground talks only to a bot in local mode.")
        return 2
    if not EXECUTABLE.exists():
        print(f"{EXECUTABLE} is missing: run `make playground` (it installs it with npm ci).")
        return 2
    # `kill` or a closed terminal stops both children too, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    WORKDIR.mkdir(exist_ok=True)
    bot = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT)
    playground = subprocess.Popen(
        command(settings.local_url, args.port),
        env=environment(),
        # It writes its own log under devTools/ where it runs: in ./var, beside the database.
        cwd=WORKDIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        if not _wait_until_ready(playground):
            print("Agents Playground did not start; its output is above.")
            return 1
        print(
            f"\nRAG-boten listens on {settings.local_url}/api/messages.\n"
            f"Open http://127.0.0.1:{args.port}/ in a browser: the team RAG nuklearmedicin, "
            "channel Allmänt (write @RAG hjälp), or Personal Chat. Ctrl-C stops both.\n",
            flush=True,
        )
        assert playground.stdout is not None
        for line in playground.stdout:
            print(line, end="", flush=True)
        return playground.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in (playground, bot):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()


def _wait_until_ready(playground: subprocess.Popen) -> bool:
    """Echo the playground's output until it says it listens."""
    assert playground.stdout is not None
    deadline = time.monotonic() + READY_WITHIN
    for line in playground.stdout:
        print(line, end="", flush=True)
        if READY in line:
            return True
        if time.monotonic() > deadline:
            return False
    return False


if __name__ == "__main__":
    raise SystemExit(main())
