"""Start-up imports only what answering needs (issue 15): WeasyPrint loads with the first
PDF, botbuilder-dialogs with the first 1:1 message, dateparser and holidays in a thread a
second after the app is up (``bot.app._warm_up``), and the scheduler's first tick waits for
them rather than import holidays on the event loop during start-up. Each check runs in a
fresh interpreter, since this test process has imported everything already."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.db import Database, create_engine
from tests.support.seed import seed_groups

ROOT = Path(__file__).parent.parent
LATER = ("weasyprint", "botbuilder.dialogs", "dateparser", "holidays", "holidays.countries")

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


SCHEDULING = """
import asyncio, sys
from aiohttp import web
from sqlalchemy import select
from bot.app import create_app
from bot.settings import Settings
from storage.db import create_engine
from storage.tables import OutboxRow

async def main():
    settings = Settings(_env_file=None, database_url=sys.argv[1], shutdown_grace=0)
    runner = web.AppRunner(create_app(settings))
    await runner.setup()
    await asyncio.sleep(0.5)
    at_start = "holidays" in sys.modules
    await asyncio.sleep(3)  # the warm-up a second after start, then the first tick
    engine = create_engine(sys.argv[1])
    async with engine.connect() as connection:
        queued = (await connection.execute(select(OutboxRow.dedupe_key))).scalars().all()
    await engine.dispose()
    await runner.cleanup()
    print([at_start, queued])

asyncio.run(main())
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


def test_the_warm_up_imports_dateparser_and_the_holidays_countries():
    assert _run(WARMED) == "['dateparser', 'holidays', 'holidays.countries']"


async def test_the_first_tick_comes_after_the_warm_up_not_during_start_up(sqlite_url):
    # A group whose meeting tomorrow was just booked: its agenda is due at once, and
    # planning it needs the holidays package.
    now = datetime.now(UTC)
    engine = create_engine(sqlite_url)
    await seed_groups(
        Database(engine),
        1,
        service_url="http://127.0.0.1:9/",
        meeting_at=now + timedelta(days=1),
        planned_at=now,
    )
    await engine.dispose()

    assert _run(SCHEDULING, sqlite_url) == "[False, ['agenda:1']]"
