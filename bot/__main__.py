"""The ``ragbot`` command: ``ragbot migrate`` brings the database schema up to date,
``ragbot run`` (the default) serves the bot, ``ragbot export --group …`` writes a group's
complete data as JSON, ``ragbot forget-user …`` removes a person's name from open data and
reports what it touched. Settings come from the environment and `.env`."""

from __future__ import annotations

import gc

# Importing the stack creates some hundred thousand objects that live as long as the process,
# and the cyclic collector walked all of them again at every full collection while they were
# arriving: about a sixth of start-up. It is off until the app is built; then those objects
# are frozen out of its reach (``_collect_from_now_on``), so no later collection walks them.
gc.disable()

import argparse
import asyncio
import json
import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import web

from bot.app import create_app
from bot.domain.ports import SystemClock
from bot.domain.records import forget_person
from bot.settings import Settings
from storage.db import Database, create_engine
from storage.records import SqlRecords
from storage.unit_of_work import SqlTransactions

log = logging.getLogger("bot")

# The scheduler's conversations served at once (bot.scheduler.CONCURRENCY) and the turns'
# replies under way, each a thread while its call to Teams lasts.
CONNECTOR_THREADS = 64


def _collect_from_now_on() -> None:
    # Not collected first: that full pass takes a tenth of a second here, to free the
    # imports' own reference cycles (about 2,000 objects, some 400 KiB), which stay frozen.
    gc.freeze()
    gc.enable()


def _run(settings: Settings) -> int:
    refusal = settings.insecure_listen_refusal()
    if refusal:
        log.error("%s", refusal)
        return 2
    app = create_app(settings)
    _collect_from_now_on()

    def _announce(_banner: str) -> None:
        # run_app calls this once the socket is bound: only then can requests be answered.
        log.info("RAG-boten listening on http://%s:%s/api/messages", settings.host, settings.port)

    loop = asyncio.new_event_loop()
    # botbuilder's connector client sends with `requests` on the loop's default executor, a
    # thread per call until Teams answers. The default (cpu count + 4 threads) queued the
    # posts behind each other: they left in bursts, not when their rate-limit slot said.
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=CONNECTOR_THREADS, thread_name_prefix="connector")
    )
    # SIGTERM: stop listening, give the requests under way the grace, then the cleanup.
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        print=_announce,
        shutdown_timeout=settings.shutdown_grace,
        loop=loop,
    )
    return 0


async def _export(settings: Settings, query: str) -> dict | None:
    engine = create_engine(settings.database_url)
    try:
        records = SqlRecords(Database(engine))
        groups = await records.find_groups(query)
        if len(groups) != 1:
            found = "; ".join(f"{g.id} {g.key} {g.name!r}" for g in groups) or "none"
            log.error(
                "--group %r must name exactly one group (by id, key or name); found: %s",
                query,
                found,
            )
            return None
        return {
            "format": "ragbot-export/1",
            "exported_at": datetime.now(UTC).isoformat(),
            **await records.export(groups[0].id),
        }
    finally:
        await engine.dispose()


def _write_export(document: dict | None, out: str | None) -> int:
    if document is None:
        return 2
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
        log.info("exported group %s to %s", document["group"]["id"], out)
    else:
        sys.stdout.write(text)
    return 0


async def _forget(settings: Settings, person: str) -> int:
    engine = create_engine(settings.database_url)
    try:
        database = Database(engine)
        touched = await forget_person(
            SqlRecords(database),
            SqlTransactions(database, SystemClock()),
            person,
            datetime.now(UTC),
        )
    finally:
        await engine.dispose()
    if not touched:
        sys.stdout.write(f"Nothing stored names {person!r}.\n")
        return 0
    for group_id, kinds in sorted(touched.items()):
        where = f"group {group_id}" if group_id else "dialog state"
        changes = ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items()))
        sys.stdout.write(f"{where}: {changes}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ragbot", description="RAG-boten, a Teams bot")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="serve the bot (the default)")
    commands.add_parser("migrate", help="bring the database schema up to date")
    export = commands.add_parser("export", help="write a group's complete data as JSON")
    export.add_argument("--group", required=True, help="the group's id, key or name")
    export.add_argument("--out", help="a file to write (default: standard output)")
    forget = commands.add_parser(
        "forget-user", help="remove a person's name from open data and say what changed"
    )
    forget.add_argument("person", help="the person's name, Entra object id or Teams id")
    args = parser.parse_args(argv)
    if args.command not in (None, "run"):
        _collect_from_now_on()
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "migrate":
        from storage.migrate import upgrade  # Alembic: not loaded by `run` (start-up time)

        upgrade(settings.database_url)
        log.info("database schema is up to date")
        return 0
    if args.command == "export":
        return _write_export(asyncio.run(_export(settings, args.group)), args.out)
    if args.command == "forget-user":
        return asyncio.run(_forget(settings, args.person))
    return _run(settings)


if __name__ == "__main__":
    sys.exit(main())
