"""The fake Bot Connector of the tests (``tests.support.connector``) in a process of its own,
with the test team as its roster: ``python -m bench.connector_process`` prints its URL on the
first line of stdout and serves until killed. What it records is dropped every second (a
benchmark sends tens of thousands of calls)."""

from __future__ import annotations

import asyncio

from tests.support.connector import FakeConnector
from tests.support.teams import TEAM


async def main() -> None:
    connector = await FakeConnector(members=[dict(member) for member in TEAM]).start()
    print(connector.url, flush=True)
    while True:
        await asyncio.sleep(1.0)
        connector.posted.clear()
        connector.refused.clear()
        connector.roster_asked.clear()


if __name__ == "__main__":
    asyncio.run(main())
