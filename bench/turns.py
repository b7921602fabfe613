"""CPU per turn, throughput and latency of the bot against botbuilder's bare echo bot (issue 15).

Four processes on loopback: this load generator, the fake Bot Connector
(``bench.connector_process``), the echo bot (``bench.echo_bot``, the SDK sample) and
``ragbot run`` on a seeded database (a fresh SQLite file, then a fresh PostgreSQL database on
the machine's server). Every workload is run in alternating rounds (echo, bot, bot, echo, ...)
against the two servers, which are up at the same time, and each figure is the median over
the rounds (latency percentiles over all the rounds' turns), so that the noise of a shared
machine hits both sides alike: only the ratios mean anything from one machine to another.

Server CPU per turn is the server process's utime + stime (``/proc/<pid>/stat``) over a
round divided by its turns; a turn is one POST to ``/api/messages`` answered (the reply has
reached the connector by then). The group of the read workloads has realistic history:
200 open action items, 30 reports for the next meeting (6 regions), and 3 years of closed
items, past meetings and their reports; the write workloads go to a second group.

Also printed: the agenda composed in-process (``Notices.agenda``) at 1x, 10x and 100x that
history; start-up to a healthy ``/healthz`` (the project's modules compiled to bytecode first,
as ``pip install`` compiles them in the image); RSS after each of three batches of turns (a
mix of every workload, where "Klar" closes an item as "åtgärd" adds one; the two servers are
driven at the same time here, as only memory counts).

``python -m bench.turns`` (``--quick`` for a smoke run with fewer turns; ``--no-postgres``).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import itertools
import os
import signal
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import insert, update

from bench.databases import fresh_databases, settle
from bot.app import WARM_UP_AFTER
from bot.domain.model import Actor, GroupDefaults
from bot.domain.notices import Notices
from bot.domain.ports import SystemClock
from storage.db import Database, create_engine
from storage.tables import ActionItemRow, GroupRow, MeetingRow, StatusReportRow
from storage.unit_of_work import SqlTransactions
from tests.support.process import ROOT, bot_environment, free_port
from tests.support.seed import channel_address
from tests.support.teams import SARA, TeamsSpace

TICK = os.sysconf("SC_CLK_TCK")
REGIONS = ["Linköping", "Jönköping", "Kalmar", "Växjö", "Norrköping", "Västervik"]
DEFAULTS = GroupDefaults(language="sv", timezone="Europe/Stockholm")
HISTORY_YEARS = 3
OPEN_ITEMS = 200
REPORTS = 30
CLOSED_PER_YEAR = 150
WRITE_GROUP_OPEN = 5000  # items "Klar" can close, one per turn
REPORT_TEXT = (
    "Status på läkarsidan är oförändrad. SSM genomför inspektion i mars; "
    "remissflödet från primärvården har ökat med en femtedel sedan i somras."
)


# Processes ----------------------------------------------------------------------------------


@dataclass
class Server:
    """A server process: its URL, its pid (for /proc) and its log's last lines."""

    name: str
    command: list[str]
    env: dict[str, str]
    port: int
    ready_text: str
    process: asyncio.subprocess.Process | None = None
    tail: list[str] = field(default_factory=list)
    _reader: asyncio.Task | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    async def start(self) -> float:
        """Spawn it; seconds from spawn to a 200 from ``/healthz``."""
        began = time.perf_counter()
        self.process = await asyncio.create_subprocess_exec(
            *self.command,
            env=self.env,
            cwd=ROOT,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        self._reader = asyncio.create_task(self._drain())
        async with aiohttp.ClientSession() as http:
            while True:
                if self.process.returncode is not None:
                    raise RuntimeError(f"{self.name} exited:\n" + "\n".join(self.tail))
                try:
                    async with http.get(self.url + "healthz") as response:
                        if response.status == 200:
                            return time.perf_counter() - began
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.005)

    async def _drain(self) -> None:
        assert self.process and self.process.stderr
        async for raw in self.process.stderr:
            self.tail = (self.tail + [raw.decode(errors="replace").rstrip()])[-50:]

    async def stop(self) -> None:
        if self.process and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()
        if self._reader:
            await self._reader

    def cpu_seconds(self) -> float:
        assert self.process
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime

    def rss_mib(self) -> float:
        assert self.process
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0


async def settled_after_start() -> None:
    """Wait out what the bot does once after start-up (the imports it warms in a thread a
    second after it answers, ``bot.app.WARM_UP_AFTER``): the rounds measure turns, and that
    thread's CPU would be counted in the first of them."""
    await asyncio.sleep(WARM_UP_AFTER + 2.0)


def echo_server(port: int) -> Server:
    return Server(
        "echo",
        [sys.executable, "-m", "bench.echo_bot", "--port", str(port)],
        dict(os.environ),
        port,
        "echo bot listening",
    )


def bot_server(database_url: str, port: int) -> Server:
    env = bot_environment(database_url, port)
    return Server("bot", [sys.executable, "-m", "bot", "run"], env, port, "listening")


async def start_connector() -> tuple[asyncio.subprocess.Process, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.connector_process",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert process.stdout
    url = (await process.stdout.readline()).decode().strip()
    return process, url


# Seeding ------------------------------------------------------------------------------------


def space(number: int, service_url: str) -> TeamsSpace:
    address = channel_address(number, service_url, tenants=1)
    return TeamsSpace.channel(
        service_url,
        conversation_id=address.key,
        channel_id=address.key,
        team_id=address.team_id,
        tenant_id=address.tenant_id,
    )


async def seed_group(
    database: Database,
    number: int,
    service_url: str,
    *,
    open_items: int,
    reports: int,
    history: float,
) -> None:
    """A channel group with the regions, a meeting every other week for ``HISTORY_YEARS`` x
    ``history`` years back and half a year ahead, each past meeting's six reports and
    ``CLOSED_PER_YEAR`` closed items a year; then ``open_items`` open items and ``reports``
    reports (the regions' latest count) for the next meeting."""
    now = datetime.now(UTC).replace(microsecond=0)
    transactions = SqlTransactions(database, SystemClock())
    years = HISTORY_YEARS * history
    started = now - timedelta(days=365 * years)
    async with transactions.writing() as uow:
        group, _ = await uow.groups.remember(
            channel_address(number, service_url, tenants=1), DEFAULTS, started
        )
        await uow.groups.set_regions(group.id, REGIONS, started)
        ahead = [
            (now + timedelta(days=14 * week + 3), now + timedelta(days=14 * week + 3, hours=1))
            for week in range(13)
        ]
        await uow.meetings.add_many(group.id, [(s, e, "Teams") for s, e in ahead], started)
        await uow.commit()
    past_count = int(years * 26)
    async with database.engine.begin() as connection:
        if past_count:
            past = [
                {
                    "group_id": group.id,
                    "starts_at": now - timedelta(days=14 * week + 1),
                    "ends_at": now - timedelta(days=14 * week + 1) + timedelta(hours=1),
                    "place": "Teams",
                    "status": "scheduled",
                    "created_at": started,
                    "updated_at": started,
                }
                for week in range(past_count)
            ]
            ids = (
                await connection.execute(insert(MeetingRow).returning(MeetingRow.id), past)
            ).scalars()
            rows = [
                {
                    "group_id": group.id,
                    "meeting_id": meeting_id,
                    "region": region,
                    "text": REPORT_TEXT,
                    "author_id": SARA["aadObjectId"],
                    "author_name": SARA["name"],
                    "created_at": started,
                    "superseded_at": None,
                }
                for meeting_id in ids
                for region in REGIONS
            ]
            for start in range(0, len(rows), 5000):
                await connection.execute(insert(StatusReportRow), rows[start : start + 5000])
        closed = int(years * CLOSED_PER_YEAR)
        items = [
            {
                "group_id": group.id,
                "number": number + 1,
                "text": f"Följ upp remissflödet med region {REGIONS[number % 6]} ({number + 1})",
                "owner_name": SARA["name"],
                "owner_id": None,
                "due_at": now + timedelta(days=30) if number >= closed else None,
                "created_by": SARA["name"],
                "created_at": started + timedelta(days=number % 300),
                "closed_at": started + timedelta(days=number % 300 + 7)
                if number < closed
                else None,
                "closed_by": SARA["name"] if number < closed else None,
            }
            for number in range(closed + open_items)
        ]
        for start in range(0, len(items), 5000):
            await connection.execute(insert(ActionItemRow), items[start : start + 5000])
        await connection.execute(
            update(GroupRow).where(GroupRow.id == group.id).values(action_item_seq=len(items))
        )
    await settle(database)
    async with transactions.writing() as uow:
        meeting = (await uow.meetings.upcoming(group.id, now))[0]
        author = Actor(SARA["aadObjectId"], SARA["name"], SARA["id"])
        for number in range(reports):
            await uow.reports.add(
                group.id, meeting.id, REGIONS[number % 6], f"{REPORT_TEXT} ({number})", author, now
            )
        await uow.commit()


# Workloads ----------------------------------------------------------------------------------

Make = Callable[[int], dict[str, Any]]


def workloads(read: TeamsSpace, write: TeamsSpace) -> list[tuple[str, Make]]:
    return [
        ("hjälp", lambda i: read.message("hjälp")),
        (
            "åtgärd … till nästa möte",
            lambda i: write.message(f"åtgärd Sara följer upp remiss {i} till nästa möte"),
        ),
        (
            "lägesrapport Jönköping: …",
            lambda i: write.message(f"lägesrapport Jönköping: {REPORT_TEXT} ({i})"),
        ),
        ("dagordning (200 open, 30 reports)", lambda i: read.message("dagordning")),
        (
            "card: report form Spara",
            lambda i: write.card_submit(
                {"ragbot": "report.save", "region": "Kalmar", "text": f"{REPORT_TEXT} ({i})"}
            ),
        ),
        (
            "card: Klar on an item",
            lambda i: write.card_submit({"ragbot": "action.done", "number": i}),
        ),
        ("åtgärder (200 open)", lambda i: read.message("åtgärder")),
    ]


@dataclass
class Round:
    cpu: float  # seconds of server CPU
    wall: float
    latencies: list[float]  # ms


async def drive(
    http: aiohttp.ClientSession,
    server: Server,
    make: Make,
    numbers: itertools.count,
    turns: int,
    concurrency: int,
) -> Round:
    latencies: list[float] = []
    failures: list[int] = []
    left = iter(range(turns))

    async def worker() -> None:
        for _ in left:
            activity = make(next(numbers))
            began = time.perf_counter()
            async with http.post(server.url + "api/messages", json=activity) as response:
                await response.read()
                if response.status >= 300:
                    failures.append(response.status)
            latencies.append((time.perf_counter() - began) * 1000)

    cpu, began = server.cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"{server.name} answered {failures[:5]}:\n" + "\n".join(server.tail))
    return Round(server.cpu_seconds() - cpu, wall, latencies)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass
class Figures:
    cpu_ms: float
    turns_s: float
    p50: float
    p99: float

    @classmethod
    def of(cls, rounds: list[Round], turns: int) -> Figures:
        every = [latency for one in rounds for latency in one.latencies]
        return cls(
            statistics.median(one.cpu / turns * 1000 for one in rounds),
            statistics.median(turns / one.wall for one in rounds),
            percentile(every, 0.5),
            percentile(every, 0.99),
        )


def out(text: str = "") -> None:
    print(text, flush=True)


async def compare(
    echo: Server,
    bot: Server,
    cases: list[tuple[str, Make]],
    rounds: int,
    sizes: dict[int, int],
    label: str,
    numbers: dict[str, itertools.count],
) -> list[tuple[str, int, Figures, Figures]]:
    results = []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        for concurrency, turns in sizes.items():
            for name, make in cases:
                # Warm both up (imports, caches, connections) before measuring.
                for server in (echo, bot):
                    await drive(http, server, make, numbers[name], 5, min(concurrency, 5))
                mine: dict[str, list[Round]] = {"echo": [], "bot": []}
                for number in range(rounds):
                    order = (echo, bot) if number % 2 == 0 else (bot, echo)
                    for server in order:
                        mine[server.name].append(
                            await drive(http, server, make, numbers[name], turns, concurrency)
                        )
                theirs = Figures.of(mine["echo"], turns)
                ours = Figures.of(mine["bot"], turns)
                results.append((name, concurrency, ours, theirs))
                out(row(label, name, concurrency, ours, theirs))
    return results


HEADER = (
    "| db | command | conv. | CPU ms/turn bot / echo | ratio | turns/s bot / echo | ratio "
    "| p50 ms bot / echo | ratio | p99 ms bot / echo | ratio |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(label: str, name: str, concurrency: int, ours: Figures, theirs: Figures) -> str:
    return (
        f"| {label} | `{name}` | {concurrency} "
        f"| {ours.cpu_ms:.1f} / {theirs.cpu_ms:.1f} | **{ours.cpu_ms / theirs.cpu_ms:.2f}×** "
        f"| {ours.turns_s:.0f} / {theirs.turns_s:.0f} | {ours.turns_s / theirs.turns_s:.2f}× "
        f"| {ours.p50:.1f} / {theirs.p50:.1f} | {ours.p50 / theirs.p50:.2f}× "
        f"| {ours.p99:.0f} / {theirs.p99:.0f} | {ours.p99 / theirs.p99:.2f}× |"
    )


# Sections -----------------------------------------------------------------------------------


async def agenda_times(urls: dict[str, str], scales: list[int], repeat: int) -> None:
    """The agenda composed in this process, median of ``repeat``, per history scale."""
    for label, url in urls.items():
        for scale in scales:
            engine = create_engine(url)
            database = Database(engine)
            number = 100 + scale
            await seed_group(
                database,
                number,
                "http://127.0.0.1:1/",
                open_items=OPEN_ITEMS,
                reports=REPORTS,
                history=scale,
            )
            transactions = SqlTransactions(database, SystemClock())
            notices = Notices(transactions, SystemClock())
            async with transactions.reading() as uow:
                group = await uow.groups.get_by_key(channel_address(number, "", 1).key)
                assert group is not None
                meeting = (await uow.meetings.upcoming(group.id, datetime.now(UTC)))[0]
            timings = []
            for _ in range(repeat):
                began = time.perf_counter()
                agenda = await notices.agenda(group, meeting)
                timings.append((time.perf_counter() - began) * 1000)
            await engine.dispose()
            closed = int(HISTORY_YEARS * scale * CLOSED_PER_YEAR)
            out(
                f"| {label} | {scale}× ({HISTORY_YEARS * scale} years: {closed:,} closed items, "
                f"{int(HISTORY_YEARS * scale * 26) * 6:,} past reports) "
                f"| {statistics.median(timings):.1f} ms | {min(timings):.1f} ms "
                f"| {len(agenda.items) + agenda.more_items} open items |"
            )


def compile_bytecode() -> None:
    """The project's modules compiled to bytecode, as ``pip install .`` in the image leaves
    them. A development shell may set ``PYTHONDONTWRITEBYTECODE=1`` (the Dockerfile does, for
    the build), and then every start of the bot compiled its ~130 modules from source again,
    about a tenth of a second that the echo bot, one file, does not pay."""
    root = Path(__file__).parent.parent
    for package in ("bot", "dialogs", "storage", "bench"):
        compileall.compile_dir(root / package, quiet=1)


async def startup(echo_port: int, bot_url: str, runs: int) -> None:
    compile_bytecode()
    times: dict[str, list[float]] = {"echo": [], "bot": []}
    idle: dict[str, list[float]] = {"echo": [], "bot": []}
    for number in range(runs):
        servers = [echo_server(echo_port), bot_server(bot_url, free_port())]
        for server in servers if number % 2 == 0 else servers[::-1]:
            times[server.name].append(await server.start())
            await asyncio.sleep(0.3)
            idle[server.name].append(server.rss_mib())
            await server.stop()
    echo_t, bot_t = statistics.median(times["echo"]), statistics.median(times["bot"])
    echo_m, bot_m = statistics.median(idle["echo"]), statistics.median(idle["bot"])
    out(
        f"| start-up, spawn to healthy /healthz (median of {runs}) | {bot_t:.2f} s "
        f"| {echo_t:.2f} s | **{bot_t / echo_t:.2f}×** | ≤ 2× |"
    )
    out(f"| idle RSS after start | {bot_m:.0f} MiB | {echo_m:.0f} MiB | {bot_m / echo_m:.2f}× | |")


async def memory(
    echo: Server, bot: Server, cases: list[tuple[str, Make]], batch: int, first: int
) -> None:
    """RSS over three batches of every workload mixed, numbered from ``first`` on, where the
    rounds before left off: "Klar" closes one of the write group's open items a turn as
    "åtgärd" adds one, so the group's open items stay level, as in a group in use. (Numbers
    above every item's, as the batches had before, closed nothing: the open items grew by a
    seventh of each batch, and the agenda updates composed from all of them took more memory
    every batch.)"""
    numbers = {
        server.name: {name: itertools.count(first) for name, _ in cases} for server in (echo, bot)
    }
    rss: dict[str, list[float]] = {"echo": [], "bot": []}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        for _ in range(3):
            for server in (echo, bot):
                rss[server.name].append(server.rss_mib())

            async def mixed(server: Server) -> None:
                per = batch // len(cases)
                for name, make in cases:
                    await drive(http, server, make, numbers[server.name][name], per, 50)

            await asyncio.gather(mixed(echo), mixed(bot))
        for server in (echo, bot):
            rss[server.name].append(server.rss_mib())
    for index in (1, 2, 3):
        out(
            f"| RSS after {index * batch:,} turns | {rss['bot'][index]:.0f} MiB "
            f"| {rss['echo'][index]:.0f} MiB | **{rss['bot'][index] / rss['echo'][index]:.2f}×** "
            f"| ≤ 1.5× |"
        )
    out(
        f"| RSS growth, turns {2 * batch:,} to {3 * batch:,} "
        f"| {rss['bot'][3] - rss['bot'][2]:+.1f} MiB | {rss['echo'][3] - rss['echo'][2]:+.1f} MiB "
        f"| | none |"
    )


async def run(urls: dict[str, str], options: argparse.Namespace) -> None:
    began = time.monotonic()
    connector, service_url = await start_connector()
    echo = echo_server(free_port())
    read, write = space(1, service_url), space(2, service_url)
    cases = workloads(read, write)
    sizes = {1: options.turns, 50: options.concurrent_turns}
    out(
        f"bench.turns on {os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"{options.rounds} alternating rounds per figure; {options.turns} turns a round at 1 "
        f"conversation, {options.concurrent_turns} at 50"
    )
    try:
        await echo.start()
        out()
        out(HEADER)
        for label, url in urls.items():
            engine = create_engine(url)
            database = Database(engine)
            await seed_group(
                database, 1, service_url, open_items=OPEN_ITEMS, reports=REPORTS, history=1
            )
            await seed_group(
                database, 2, service_url, open_items=WRITE_GROUP_OPEN, reports=6, history=0
            )
            await engine.dispose()
            numbers = {name: itertools.count(1) for name, _ in cases}
            bot = bot_server(url, free_port())
            await bot.start()
            await settled_after_start()
            try:
                await compare(echo, bot, cases, options.rounds, sizes, label, numbers)
                if label == "SQLite" and options.memory_batch:
                    out()
                    out("| figure | bot | echo | ratio | target |")
                    out("|---|---|---|---|---|")
                    first = max(next(counter) for counter in numbers.values())
                    await memory(echo, bot, cases, options.memory_batch, first)
                    if label != list(urls)[-1]:
                        out()
                        out(HEADER)
            finally:
                await bot.stop()
        await echo.stop()
        out()
        out("| figure | bot | echo | ratio | target |")
        out("|---|---|---|---|---|")
        await startup(echo.port, next(iter(urls.values())), options.startup_runs)
        out()
        out("| db | history | agenda composed, median | min | |")
        out("|---|---|---|---|---|")
        await agenda_times(urls, [1, 10, 100], 30)
    finally:
        await echo.stop()
        connector.terminate()
        await connector.wait()
    out()
    out(f"total {time.monotonic() - began:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer turns: a smoke run")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--turns", type=int, default=15, help="a round at 1 conversation")
    parser.add_argument("--concurrent-turns", type=int, default=60, help="a round at 50")
    parser.add_argument(
        "--memory-batch", type=int, default=1_400, help="turns a batch (three batches)"
    )
    parser.add_argument("--full", action="store_true", help="batches of 10,000 turns")
    parser.add_argument("--startup-runs", type=int, default=9)
    options = parser.parse_args()
    if options.full:
        options.memory_batch = 10_000
    if options.quick:
        options.turns, options.concurrent_turns = 12, 50
        options.memory_batch, options.startup_runs = 1400, 3
    # SIGTERM ends the run through the clean-up below (the PostgreSQL database is dropped).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with fresh_databases(postgres=not options.no_postgres) as urls:
        asyncio.run(run(urls, options))


if __name__ == "__main__":
    main()
