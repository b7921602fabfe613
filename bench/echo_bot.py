"""The reference: botbuilder 4.17.1's echo bot, in the shape of Microsoft's Python sample
(02.echo-bot: ``CloudAdapter`` + ``ConfigurationBotFrameworkAuthentication`` on aiohttp, an
``ActivityHandler`` whose ``on_message_activity`` echoes the text), run as its own process.

Nothing here is tuned: it is what the SDK costs with nothing in the bot. The only addition
is ``GET /healthz`` answering 200, so that start-up can be timed the same way as the bot's.
No app id: local mode, as the bot runs in the benchmark. Usage:
``python -m bench.echo_bot --port 3978`` (prints "echo bot listening on ..." when ready).
"""

from __future__ import annotations

import argparse
import sys
import traceback

from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ChannelAccount


class DefaultConfig:
    """Bot configuration, as in the sample's config.py."""

    PORT = 3978
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity("Hello and welcome!")

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


CONFIG = DefaultConfig()
ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(CONFIG))


async def on_error(context: TurnContext, error: Exception) -> None:
    print(f"\n [on_turn_error] unhandled error: {error}", file=sys.stderr)
    traceback.print_exc()
    await context.send_activity("The bot encountered an error or bug.")


ADAPTER.on_turn_error = on_error
BOT = EchoBot()


async def messages(req: Request) -> Response:
    return await ADAPTER.process(req, BOT)


async def healthz(req: Request) -> Response:
    return web.json_response({"status": "ok"})


async def _ready(app: web.Application) -> None:
    print(f"echo bot listening on {app['port']}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="botbuilder's echo bot sample")
    parser.add_argument("--port", type=int, default=CONFIG.PORT)
    port = parser.parse_args().port
    app = web.Application(middlewares=[aiohttp_error_middleware])
    app["port"] = port
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.on_startup.append(_ready)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
