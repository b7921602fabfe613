"""The bot as a real process, started the way `make run` starts it, against the fake connector.

Covers: `ragbot migrate` then `ragbot run`; installation greeting and `@RAG hjälp` answered;
`/healthz` 200; killed with SIGKILL and restarted, it still knows the group and does not
answer an activity it already handled; in local mode it refuses to listen on 0.0.0.0.
"""

from __future__ import annotations

import aiohttp

from storage.db import Database, create_engine
from tests.support.process import BotProcess, bot_environment, free_port, run_command
from tests.support.stored import group_by_key
from tests.support.teams import CHANNEL_ID, TeamsSpace

HELP_FIRST_LINE = "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal."


async def _post(http: aiohttp.ClientSession, bot: BotProcess, activity: dict) -> int:
    async with http.post(bot.url + "api/messages", json=activity) as response:
        return response.status


async def test_the_bot_process_answers_and_survives_a_kill(tmp_path, connector):
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'var' / 'ragbot.db'}"
    env = bot_environment(database_url, free_port())
    channel = TeamsSpace.channel(connector.url)
    help_request = channel.message("hjälp")

    assert (await run_command(env, "migrate"))[0] == 0
    bot = await BotProcess(env, int(env["RAGBOT_PORT"])).start()
    async with aiohttp.ClientSession() as http:
        async with http.get(bot.url + "healthz") as health:
            assert (health.status, await health.json()) == (200, {"status": "ok", "database": "ok"})
        assert await _post(http, bot, channel.installation()) == 200
        assert await _post(http, bot, help_request) == 200
        greeting, help_reply = await connector.wait_for(2)
        await bot.kill()

        restarted = await BotProcess(env, int(env["RAGBOT_PORT"])).start()
        assert await _post(http, restarted, help_request) == 200  # a resend after the crash
        assert await _post(http, restarted, channel.message("blaha")) == 200
        *_, last = await connector.wait_for(3)
        await restarted.stop()

    assert greeting.text.startswith("Hej! Jag är RAG-boten.")
    assert help_reply.text.split("\n")[0] == HELP_FIRST_LINE
    assert (
        last.text == "Det kommandot känner jag inte till: ”blaha”. Skriv @RAG hjälp för en lista."
    )
    assert len(connector.posted) == 3
    engine = create_engine(database_url)
    group = await group_by_key(Database(engine), CHANNEL_ID)
    await engine.dispose()
    assert group is not None and group.name == "RAG nuklearmedicin"


async def test_local_mode_refuses_to_listen_on_every_interface(tmp_path):
    env = bot_environment(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", free_port())
    env["RAGBOT_HOST"] = "0.0.0.0"

    code, output = await run_command(env, "run")

    assert code == 2
    assert "refusing to listen on 0.0.0.0 without MicrosoftAppId" in output
