"""Start-up time, idle memory and command latency of the real bot process.

Starts ``ragbot run`` (after ``ragbot migrate``) on a fresh SQLite database, as ``make run``
does, several times, and reports: seconds from spawn to listening and to the first healthy
``/healthz``; resident memory when idle after start and after serving the commands; and
the HTTP round trip of ``@RAG hjälp`` and of ``@RAG åtgärd …`` (which stores an item), each
including the bot's reply to the fake connector on loopback, sequential and 10 at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
import psutil

from tests.support.connector import FakeConnector
from tests.support.process import BotProcess, bot_environment, free_port, run_command
from tests.support.teams import TeamsSpace


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _start(env: dict[str, str]) -> tuple[BotProcess, float, float]:
    started = time.perf_counter()
    bot = await BotProcess(env, int(env["RAGBOT_PORT"])).start()
    listening = time.perf_counter() - started
    async with aiohttp.ClientSession() as http, http.get(bot.url + "healthz") as response:
        assert response.status == 200
    return bot, listening, time.perf_counter() - started


def _rss_mib(bot: BotProcess) -> float:
    assert bot._process is not None
    return psutil.Process(bot._process.pid).memory_info().rss / 2**20


async def _round_trips(
    bot: BotProcess, channel: TeamsSpace, count: int, parallel: int, text: str = "hjälp"
) -> list:
    timings: list[float] = []
    semaphore = asyncio.Semaphore(parallel)
    async with aiohttp.ClientSession() as http:

        async def one() -> None:
            async with semaphore:
                began = time.perf_counter()
                async with http.post(bot.url + "api/messages", json=channel.message(text)) as r:
                    assert r.status == 200
                timings.append((time.perf_counter() - began) * 1000)

        await asyncio.gather(*(one() for _ in range(count)))
    return timings


async def main(runs: int, requests: int) -> None:
    connector = await FakeConnector().start()
    channel = TeamsSpace.channel(connector.url)
    with tempfile.TemporaryDirectory() as folder:
        env = bot_environment(f"sqlite+aiosqlite:///{Path(folder) / 'ragbot.db'}", free_port())
        await run_command(env, "migrate")
        listening, healthy, idle = [], [], []
        for _ in range(runs):
            bot, to_listen, to_health = await _start(env)
            listening.append(to_listen)
            healthy.append(to_health)
            idle.append(_rss_mib(bot))
            await bot.stop()
        bot, *_ = await _start(env)
        sequential = await _round_trips(bot, channel, requests, parallel=1)
        concurrent = await _round_trips(bot, channel, requests, parallel=10)
        action = "åtgärd Mats tar fram statistik om två veckor"
        writes = await _round_trips(bot, channel, requests, parallel=1, text=action)
        writes_concurrent = await _round_trips(bot, channel, requests, parallel=10, text=action)
        after = _rss_mib(bot)
        await bot.stop()
    await connector.close()
    print(
        f"start-up, spawn to listening: median {statistics.median(listening):.2f} s "
        f"(min {min(listening):.2f}, max {max(listening):.2f}, {runs} runs)"
    )
    print(f"start-up, spawn to healthy /healthz: median {statistics.median(healthy):.2f} s")
    print(f"idle RSS after start: median {statistics.median(idle):.1f} MiB")
    print(f"RSS after {4 * requests} commands: {after:.1f} MiB")
    for label, timings in (
        ("hjälp, sequential", sequential),
        ("hjälp, 10 in parallel", concurrent),
        ("åtgärd (stores an item), sequential", writes),
        ("åtgärd (stores an item), 10 in parallel", writes_concurrent),
    ):
        print(
            f"@RAG {label}: round trip p50 {_percentile(timings, 0.5):.1f} ms, "
            f"p95 {_percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms "
            f"({len(timings)} requests)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, arguments.requests))
