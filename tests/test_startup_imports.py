"""Start-up imports only what answering needs (issue 15): WeasyPrint loads with the first
PDF, botbuilder-dialogs with the first 1:1 message, dateparser and holidays in a thread a
second after the app is up (``bot.app._warm_up``). Each check runs in a fresh interpreter,
since this test process has imported everything already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
LATER = ("weasyprint", "botbuilder.dialogs", "dateparser", "holidays")

STARTED = """
import asyncio, sys
from aiohttp import web
from bot.app import create_app
from bot.settings import Settings

async def main():
    app = create_app(Settings(_env_file=None, database_url=sys.argv[1], scheduler=False))
    runner = web.AppRunner(app)
    await runner.setup()  # the app's start-up: engine, bot, adapter
    print(sorted(name for name in {later!r} if name in sys.modules))
    await runner.cleanup()

asyncio.run(main())
"""

WARMED = """
import asyncio, sys
import bot.app

bot.app.WARM_UP_AFTER = 0
asyncio.run(bot.app._warm_up())
print(sorted(name for name in {later!r} if name in sys.modules))
"""


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code.format(later=LATER), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_started_app_has_not_imported_what_it_loads_later(sqlite_url):
    assert _run(STARTED, sqlite_url) == "[]"


def test_the_warm_up_imports_dateparser_and_holidays():
    assert _run(WARMED) == "['dateparser', 'holidays']"
