"""The ``ragbot`` command: ``ragbot migrate`` brings the database schema up to date,
``ragbot run`` (the default) serves the bot. Settings come from the environment and `.env`."""

from __future__ import annotations

import argparse
import logging
import sys

from aiohttp import web

from bot.app import create_app
from bot.settings import Settings
from storage.migrate import upgrade

log = logging.getLogger("bot")


def _run(settings: Settings) -> int:
    refusal = settings.insecure_listen_refusal()
    if refusal:
        log.error("%s", refusal)
        return 2
    app = create_app(settings)

    def _announce(_banner: str) -> None:
        # run_app calls this once the socket is bound: only then can requests be answered.
        log.info("RAG-boten listening on http://%s:%s/api/messages", settings.host, settings.port)

    web.run_app(app, host=settings.host, port=settings.port, print=_announce)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ragbot", description="RAG-boten, a Teams bot")
    parser.add_argument("command", nargs="?", default="run", choices=["run", "migrate"])
    args = parser.parse_args(argv)
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "migrate":
        upgrade(settings.database_url)
        log.info("database schema is up to date")
        return 0
    return _run(settings)


if __name__ == "__main__":
    sys.exit(main())
