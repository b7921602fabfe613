"""Reliability figures with real processes, as the independent tester measured them (issue 17).

The set-up: two `ragbot run` replicas (real operating-system processes) on one PostgreSQL
database; a fake Bot Connector in this process that records every call as it arrives, holds
each answer back 0.1-3 s and refuses 30 % of the calls (429 with Retry-After 1, or 503).

1. Agendas racing reports: 200 channel groups (three regions each) plan a meeting tomorrow
   13-14 (`mötestider`, so the agenda is due at once) and send `lägesrapport Kalmar: ...`
   0-1.5 s later to the other replica. When all is quiet: the agenda posts expected,
   received, doubled and missing, the updates, and the agendas whose final version (the
   first post or its latest update, as received) lacks the group's report.
2. Replies in the same run: false "not processed" replies, replies queued and delivered late
   by the scheduler, and the groups that stored two items for a command retyped 1-3 s after
   the first (`åtgärd Karin testar dubbletter senast 30/11`, read from the database).
3. SIGTERM during delivery: 100 groups with a meeting in ten minutes planned three days ago
   (agenda, 15-minute reminder and nudge due: 300 posts); SIGTERM to both replicas once a
   third have arrived, both restarted: doubles, rows left claimed at exit, and how long
   after the restart the last post arrived.
4. Peak per tenant: 400 groups in one tenant (1,200 posts): the most posts the connector
   accepted in any one second.
5. Largest message as Teams counts it (the JSON of each call as received, times two for
   UTF-16) over all runs, and for one group with six regions, 8,000-character reports and
   3,000 action items (`åtgärder`, `åtgärder alla`, `dagordning`, the agenda post).

A figure, not a pass/fail test: `python -m bench.reliability` (about five minutes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import aiohttp
from sqlalchemy import func, select

from bot.domain.ports import SystemClock
from storage.db import Database, create_engine
from storage.migrate import upgrade
from storage.tables import ActionItemRow, GroupRow, OutboxRow
from storage.unit_of_work import SqlTransactions
from tests.support.connector import FakeConnector, Posted
from tests.support.postgres import obtain
from tests.support.process import BotProcess, bot_environment, free_port
from tests.support.seed import DEFAULTS, REGIONS, channel_address, seed_groups
from tests.support.stored import Stored
from tests.support.teams import CHANNEL_ID, TeamsSpace
from tests.test_message_size import REGIONS as SIX_REGIONS
from tests.test_message_size import report_text, seed
from tests.test_send_limits_replicas import most_in_any_window
from tests.test_shutdown_replicas import post_of

NOT_PROCESSED = "Något gick fel hos mig och ditt meddelande blev inte behandlat. Försök igen strax."
RETYPED = "åtgärd Karin testar dubbletter senast 30/11"
RACE_GROUPS = 200
SIGTERM_GROUPS = 100
PEAK_GROUPS = 400
REFUSE = 0.3
# The groups of run 1 begin over this many seconds (every group at the same instant would
# measure the HTTP client, not the bot).
SPREAD = 5.0
QUIET = 6.0  # seconds without a call and without a due post: "all is quiet"


def connector_for(seed_value: int) -> FakeConnector:
    draw = random.Random(seed_value)
    return FakeConnector(
        answer_delay=lambda: draw.uniform(0.1, 3.0),
        refuse_share=REFUSE,
        draw=random.Random(seed_value + 1),
    )


def teams_bytes(post: Posted) -> int:
    """The call as the connector received it, in UTF-16 (non-ASCII escaped as sent)."""
    return len(json.dumps(post.body)) * 2


def calls(connector: FakeConnector) -> list[Posted]:
    return sorted(connector.posted + connector.refused, key=lambda call: call.at)


def channel(number: int, url: str, tenants: int) -> TeamsSpace:
    address = channel_address(number, url, tenants)
    return TeamsSpace.channel(
        url,
        conversation_id=address.key,
        channel_id=address.key,
        team_id=address.team_id,
        tenant_id=address.tenant_id,
    )


async def start_replicas(database_url: str, **extra: str) -> list[BotProcess]:
    processes = []
    for _ in range(2):
        env = bot_environment(database_url, free_port(), RAGBOT_SCHEDULER_INTERVAL="0.2", **extra)
        processes.append(BotProcess(env, int(env["RAGBOT_PORT"])))
    await asyncio.gather(*(process.start(ready_within=60) for process in processes))
    return processes


async def stop_all(processes: list[BotProcess]) -> list[int]:
    return list(await asyncio.gather(*(process.stop() for process in processes)))


async def seed_channels(database: Database, count: int, url: str, tenants: int) -> None:
    """``count`` channel groups with three regions and no meeting yet."""
    planned = datetime.now(UTC) - timedelta(days=3)
    for number in range(count):
        async with SqlTransactions(database, SystemClock()).writing() as uow:
            group, _ = await uow.groups.remember(
                channel_address(number, url, tenants), DEFAULTS, planned
            )
            await uow.groups.set_regions(group.id, REGIONS, planned)
            await uow.commit()


async def due_pending(engine) -> int:
    async with engine.connect() as connection:
        return (
            await connection.scalar(
                select(func.count()).where(
                    OutboxRow.status == "pending", OutboxRow.due_at <= func.now()
                )
            )
            or 0
        )


async def until_quiet(connector: FakeConnector, engine, limit: float = 240.0) -> float:
    """Wait until no call has arrived for ``QUIET`` seconds and no post is due; seconds taken."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        await asyncio.sleep(1.0)
        every = calls(connector)
        last = every[-1].at if every else started
        if time.monotonic() - last >= QUIET and await due_pending(engine) == 0:
            break
    return time.monotonic() - started


async def post(http: aiohttp.ClientSession, bot: BotProcess, activity: dict) -> int:
    try:
        async with http.post(bot.url + "api/messages", json=activity) as response:
            await response.read()
            return response.status
    except (aiohttp.ClientError, TimeoutError):
        return 0


def print_figure(text: str) -> None:
    print(text, flush=True)


# 1 and 2 ------------------------------------------------------------------------------------


def agenda_versions(connector: FakeConnector, key: str) -> tuple[list[Posted], list[Posted]]:
    """The group's agenda first posts and updates the connector accepted, in arrival order."""
    firsts = [
        call
        for call in connector.posted
        if call.kind == "create"
        and call.attachments
        and call.body["channelData"]["channel"]["id"] == key
    ]
    updates = [
        call
        for call in connector.posted
        if call.kind == "update" and call.attachments and call.conversation_id.startswith(key)
    ]
    return firsts, updates


async def race_and_replies(database_url: str, sizes: list[int]) -> None:
    connector = await connector_for(17).start()
    engine = create_engine(database_url)
    processes: list[BotProcess] = []
    rng = random.Random(5)
    tomorrow = datetime.now(ZoneInfo("Europe/Stockholm")).date() + timedelta(days=1)
    statuses: Counter[int] = Counter()
    report_ids: dict[int, str] = {}
    try:
        await seed_channels(Database(engine), RACE_GROUPS, connector.url, tenants=10)
        processes = await start_replicas(database_url)
        spaces = [channel(n, connector.url, 10) for n in range(RACE_GROUPS)]
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(timeout=timeout) as http:

            async def at(delay: float, bot: BotProcess, activity: dict) -> None:
                await asyncio.sleep(delay)
                statuses[await post(http, bot, activity)] += 1

            tasks = []
            for number, space in enumerate(spaces):
                one, other = processes[number % 2], processes[(number + 1) % 2]
                start = rng.uniform(0, SPREAD)
                plan = f"mötestider {tomorrow.day}/{tomorrow.month} kl 13-14 Teams"
                report = space.message(f"lägesrapport Kalmar: Rapport {number:03d} från Kalmar.")
                report_ids[number] = report["id"]
                retype = start + rng.uniform(0, 2)
                tasks += [
                    at(start, one, space.message(plan)),
                    at(start + rng.uniform(0, 1.5), other, report),
                    at(retype, one, space.message(RETYPED)),
                    at(retype + rng.uniform(1, 3), other, space.message(RETYPED)),
                ]
            sending = time.monotonic()
            await asyncio.gather(*tasks)
            sent_in = time.monotonic() - sending
            quiet_after = await until_quiet(connector, engine)
        big = await big_group(connector, engine, processes, tomorrow)
    finally:
        codes = await stop_all(processes)
        await connector.close()

    async with engine.connect() as connection:
        late = dict(
            (
                await connection.execute(
                    select(OutboxRow.status, func.count())
                    .where(OutboxRow.kind == "reply")
                    .group_by(OutboxRow.status)
                )
            ).all()
        )
        items = (
            await connection.execute(
                select(ActionItemRow.group_id, func.count())
                .where(ActionItemRow.text.like("%testar dubbletter%"))
                .group_by(ActionItemRow.group_id)
            )
        ).all()
        groups_with_key = dict((await connection.execute(select(GroupRow.key, GroupRow.id))).all())
    await engine.dispose()

    received = doubled = missing = updates = lacking = 0
    lacking_answers: Counter[str] = Counter()
    for number, space in enumerate(spaces):
        firsts, changes = agenda_versions(connector, space.channel_id or "")
        received += min(len(firsts), 1)
        doubled += max(len(firsts) - 1, 0)
        missing += not firsts
        updates += len(changes)
        versions = firsts + changes
        final = max(versions, key=lambda call: call.at) if versions else None
        content = json.dumps(final.attachments, ensure_ascii=False) if final else ""
        if f"Rapport {number:03d} från Kalmar." not in content:
            lacking += 1
            answers = [
                (call.text or "a card")[:110]
                for call in connector.posted
                if call.conversation_id.endswith(f"messageid={report_ids[number]}")
            ]
            lacking_answers[" / ".join(answers) or "no answer"] += 1
    race_keys = {groups_with_key[space.channel_id] for space in spaces}
    stored = Counter(count for group_id, count in items if group_id in race_keys)
    twice = sum(groups for count, groups in stored.items() if count >= 2)
    false_not_processed = sum(NOT_PROCESSED in (call.text or "") for call in connector.posted)
    refused_not_processed = sum(NOT_PROCESSED in (call.text or "") for call in connector.refused)
    posted_by = [sum("posted agenda" in line for line in p.log) for p in processes]
    queued_logged = sum("reply not delivered" in line for p in processes for line in p.log)

    print_figure(
        f"1. race: {RACE_GROUPS} groups, {4 * RACE_GROUPS} messages sent in {sent_in:.1f} s "
        f"(HTTP statuses {dict(statuses)}), quiet {quiet_after:.1f} s later; "
        f"{len(connector.posted)} calls accepted, {len(connector.refused)} refused; "
        f"agendas posted by the replicas {posted_by}; exit codes {codes}"
    )
    print_figure(
        f"1. agenda posts expected {RACE_GROUPS}, received {received}, doubled {doubled}, "
        f"missing {missing}; updates {updates}"
    )
    print_figure(f"1. agendas whose final version lacks the group's report: {lacking}")
    for answer, count in lacking_answers.most_common():
        print_figure(f"1.   of which {count} where the report was answered: {answer}")
    print_figure(
        f"2. false 'not processed' replies: {false_not_processed} delivered "
        f"(+{refused_not_processed} refused by the connector)"
    )
    print_figure(
        f"2. replies queued and delivered late by the scheduler: {late.get('sent', 0)} "
        f"(outbox reply rows by status {late}; 'queued' log lines {queued_logged})"
    )
    print_figure(
        f"2. retyped command: groups that stored two or more items {twice}, "
        f"one item {stored.get(1, 0)}, none {RACE_GROUPS - sum(stored.values())}"
    )
    print_figure(big)
    sizes.extend(teams_bytes(call) for call in calls(connector))


async def big_group(
    connector: FakeConnector,
    engine,
    processes: list[BotProcess],
    tomorrow,
) -> str:
    """One group with the largest realistic data, through the running replicas (faults on)."""
    space = TeamsSpace.channel(connector.url)
    ids: dict[str, str] = {}
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        bot = processes[0]
        await post(http, bot, space.message("regioner " + ", ".join(SIX_REGIONS)))
        await post(
            http, bot, space.message(f"mötestider {tomorrow.day}/{tomorrow.month} kl 13-14 Teams")
        )
        await seed(Stored(Database(engine)))
        for number, region in enumerate(SIX_REGIONS):
            text = f"lägesrapport {region}: {report_text(region)}"
            await post(http, processes[number % 2], space.message(text))
        for number, command in enumerate(("åtgärder", "åtgärder alla", "dagordning")):
            activity = space.message(command)
            ids[command] = activity["id"]
            await post(http, processes[number % 2], activity)
        await until_quiet(connector, engine, limit=90)
    every = calls(connector)
    figures = {}
    for command, activity_id in ids.items():
        answers = [c for c in every if c.conversation_id.endswith(f"messageid={activity_id}")]
        figures[command] = max((teams_bytes(c) for c in answers), default=0)
    agenda = [
        c
        for c in every
        if c.attachments
        and (
            (c.kind == "create" and c.body["channelData"]["channel"]["id"] == CHANNEL_ID)
            or (c.kind == "update" and c.conversation_id.startswith(CHANNEL_ID))
        )
    ]
    figures["agenda post/updates"] = max((teams_bytes(c) for c in agenda), default=0)
    return (
        "5. largest message, group with 3,000 items and six 8,000-character reports (bytes, "
        "UTF-16): " + ", ".join(f"{name} {size:,}" for name, size in figures.items())
    )


# 3 ------------------------------------------------------------------------------------------


async def outbox_state(engine) -> tuple[set[tuple[str, str]], int]:
    async with engine.connect() as connection:
        sent = set(
            (
                await connection.execute(
                    select(GroupRow.key, OutboxRow.kind)
                    .join(GroupRow, GroupRow.id == OutboxRow.group_id)
                    .where(OutboxRow.status == "sent")
                )
            ).all()
        )
        claimed = await connection.scalar(
            select(func.count()).where(OutboxRow.claimed_by.is_not(None))
        )
    return sent, claimed or 0


async def sigterm(database_url: str, sizes: list[int]) -> None:
    connector = await connector_for(7).start()
    engine = create_engine(database_url)
    processes: list[BotProcess] = []
    expected = 3 * SIGTERM_GROUPS
    try:
        now = datetime.now(UTC)
        await seed_groups(
            Database(engine),
            SIGTERM_GROUPS,
            service_url=connector.url,
            meeting_at=now + timedelta(minutes=10),
            planned_at=now - timedelta(days=3),
        )
        processes = await start_replicas(database_url)
        await connector.wait_for(expected // 3, seconds=120)
        stopping = time.monotonic()
        codes = await stop_all(processes)
        stop_took = time.monotonic() - stopping
        arrived = Counter(post_of(call) for call in connector.posted)
        sent_at_stop, claimed_at_stop = await outbox_state(engine)
        unrecorded = set(arrived) - sent_at_stop
        before = len(connector.posted)

        restarted = time.monotonic()
        processes = await start_replicas(database_url)
        with contextlib.suppress(TimeoutError):
            await connector.wait_for(expected, seconds=150)
        last_after = max(call.at for call in connector.posted) - restarted
        await asyncio.sleep(2)  # ten more ticks each: time for a double to show
        _, claimed_at_end = await outbox_state(engine)
    finally:
        await stop_all(processes)
        await engine.dispose()
        await connector.close()
    per_post = Counter(post_of(call) for call in connector.posted)
    doubles = sum(count - 1 for count in per_post.values())
    print_figure(
        f"3. SIGTERM to both after {before} of {expected} posts: exit codes {codes} in "
        f"{stop_took:.1f} s; rows left claimed at exit {claimed_at_stop}; posts Teams took but "
        f"not marked sent {len(unrecorded)}"
    )
    print_figure(
        f"3. after the restart: {len(per_post)} of {expected} posts delivered, doubles after "
        f"SIGTERM {doubles}, last post {last_after:.1f} s after the restart (lease 120 s), "
        f"rows claimed 2 s after it (replicas running) {claimed_at_end}"
    )
    sizes.extend(teams_bytes(call) for call in calls(connector))


# 4 ------------------------------------------------------------------------------------------


async def peak(database_url: str, sizes: list[int]) -> None:
    connector = await connector_for(3).start()
    engine = create_engine(database_url)
    processes: list[BotProcess] = []
    expected = 3 * PEAK_GROUPS
    gc.disable()  # a full collection stalls the connector's loop and bunches its arrivals
    try:
        now = datetime.now(UTC)
        await seed_groups(
            Database(engine),
            PEAK_GROUPS,
            service_url=connector.url,
            meeting_at=now + timedelta(minutes=10),
            planned_at=now - timedelta(days=3),
            tenants=1,
        )
        processes = await start_replicas(database_url)
        started = time.monotonic()
        with contextlib.suppress(TimeoutError):
            await connector.wait_for(expected, seconds=180)
        took = time.monotonic() - started
        await asyncio.sleep(1)
    finally:
        await stop_all(processes)
        await engine.dispose()
        await connector.close()
        gc.enable()
    accepted = most_in_any_window([call.at for call in connector.posted], 1.0)
    every = most_in_any_window([call.at for call in calls(connector)], 1.0)
    posted_by = [sum("posted " in line for line in p.log) for p in processes]
    print_figure(
        f"4. peak, {PEAK_GROUPS} groups in one tenant: {len(connector.posted)} of {expected} "
        f"posts in {took:.1f} s (sent by the replicas {posted_by}); most accepted in any one "
        f"second {accepted} (calls including refused {every})"
    )
    sizes.extend(teams_bytes(call) for call in calls(connector))


async def run(databases: list[str]) -> None:
    race_db, sigterm_db, peak_db = databases
    print_figure(
        f"set-up: 2 `ragbot run` replicas (scheduler every 0.2 s) on one PostgreSQL database; "
        f"fake connector answering in 0.1-3 s, refusing {REFUSE:.0%} (429 Retry-After 1 or 503)"
    )
    sizes: list[int] = []
    started = time.monotonic()
    await race_and_replies(race_db, sizes)
    await sigterm(sigterm_db, sizes)
    await peak(peak_db, sizes)
    print_figure(
        f"5. largest message over all runs: {max(sizes):,} bytes (UTF-16) of {len(sizes):,} "
        f"calls; Teams' limit 40,000"
    )
    print_figure(f"total {time.monotonic() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the groups (a smoke run)")
    if parser.parse_args().quick:
        global RACE_GROUPS, SIGTERM_GROUPS, PEAK_GROUPS
        RACE_GROUPS, SIGTERM_GROUPS, PEAK_GROUPS = 20, 10, 40
    server = obtain(os.environ.get("RAGBOT_TEST_POSTGRES_URL"))
    created: list[str] = []
    try:
        urls = []
        for _ in range(3):
            created.append(server.create_database())
            url = server.database_url(created[-1]).replace(
                "postgresql://", "postgresql+asyncpg://", 1
            )
            upgrade(url)  # Alembic runs its own event loop: before ours starts
            urls.append(url)
        asyncio.run(run(urls))
    finally:
        for name in created:
            server.drop_database(name)
        server.stop()


if __name__ == "__main__":
    main()
