"""Retention, export and forgetting a person, on the real app and the real `ragbot` command.

Covers: with `RAGBOT_RETENTION=P30D`, the scheduler's hourly purge removes an action item
closed 31 days ago, a report superseded 31 days ago, a 1:1 dialog draft untouched for 31
days, and keeps the open item, an item closed yesterday, the current report, decisions and
points; the group's `logg` says what went (SQLite and PostgreSQL). `ragbot export --group`
writes every table of the group as JSON (report history included, the conversation reference
and calendar secret left out) and refuses a group it cannot name exactly. `ragbot
forget-user "Sara Axelsson"` takes her name off open items (owner, text), her current report,
the open topic and coming seminar she added, her member row and her dialog draft, keeps it on
a closed item, reports each change, and the group's log records the removal.
"""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, text

from bot.app import SCHEDULER, create_app
from bot.settings import Settings
from storage.db import create_engine
from storage.tables import ActionItemRow, MemberRow, StatusReportRow
from tests.support.connector import FakeConnector
from tests.support.process import bot_environment, free_port, run_command
from tests.support.server import RunningBot, serve
from tests.support.teams import CHANNEL_ID, EDYTA, SARA, TeamsSpace, mention


async def _rows(database_url: str, query) -> list:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return list(await connection.execute(query))
    finally:
        await engine.dispose()


async def _say(bot: RunningBot, activity: dict) -> None:
    assert (await bot.post_activity(activity)).status == 200


async def _seed(bot: RunningBot, service_url: str) -> None:
    channel = TeamsSpace.channel(service_url)
    chat = TeamsSpace.personal(service_url, user=SARA)
    for said, user in (
        ("regioner Linköping, Jönköping, Kalmar", EDYTA),
        ("lägesrapport Kalmar: Första versionen.", SARA),
        ("lägesrapport Kalmar: Gammakameran är levererad.", SARA),
        ("åtgärd Edyta bokar lokal", EDYTA),
        ("åtgärd Sara Axelsson skickar statistiken", EDYTA),
        ("klar 1", EDYTA),
        ("beslut Gemensam upphandling av radiofarmaka", SARA),
        ("punkt Studiebesök på Cyklotronen", SARA),
    ):
        await _say(bot, channel.message(said, user=user))
    await _say(
        bot,
        channel.message(
            "åtgärd <at>Sara Axelsson</at> ringer leverantören", user=EDYTA, mentions=(SARA,)
        ),
    )
    await _say(bot, chat.message("lägesrapport Jönköping", user=SARA))  # a dialog draft


async def test_retention_purges_what_is_past_it_and_keeps_the_record(
    database_url, clock, connector: FakeConnector
):
    settings = Settings(
        _env_file=None, database_url=database_url, scheduler=False, retention="P30D"
    )
    channel = TeamsSpace.channel(connector.url)
    app = create_app(settings, clock=clock)
    async with serve(app) as bot:
        await _seed(bot, connector.url)
        clock.advance(timedelta(days=30))
        await _say(bot, channel.message("klar 2", user=EDYTA))
        clock.advance(timedelta(days=1))
        await app[SCHEDULER].tick()
        await _say(bot, channel.message("logg", user=EDYTA))
        log_reply = connector.posted[-1].text

    items = await _rows(database_url, select(ActionItemRow.number).order_by(ActionItemRow.number))
    reports = await _rows(database_url, select(StatusReportRow.text))
    drafts = await _rows(database_url, text("SELECT count(*) FROM bot_state"))
    kept = await _rows(
        database_url,
        text("SELECT (SELECT count(*) FROM decisions), (SELECT count(*) FROM agenda_points)"),
    )
    assert [row.number for row in items] == [2, 3]
    assert [row.text for row in reports] == ["Gammakameran är levererad."]
    assert drafts == [(0,)]
    assert kept == [(1, 1)]
    assert log_reply.split("\n")[1] == (
        "- 2026-12-21 10.00 – RAG-boten: rensade enligt lagringstiden: 2 uppgifter äldre än "
        "2026-11-21"
    )


async def test_export_writes_the_whole_group_as_json(
    sqlite_url, settings, clock, connector, tmp_path
):
    async with serve(create_app(settings, clock=clock)) as bot:
        await _seed(bot, connector.url)
        channel = TeamsSpace.channel(connector.url)
        await _say(bot, channel.message("ämne Radiofarmakaupphandling"))
        await _say(bot, channel.message("seminarium 7/12 kl 8-9: Fysiologiska kliniken"))
    env = bot_environment(settings.database_url, free_port())
    out = tmp_path / "export.json"

    code, output = await run_command(env, "export", "--group", CHANNEL_ID, "--out", str(out))
    unknown, refusal = await run_command(env, "export", "--group", "RAG ortopedi")

    assert code == 0, output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "ragbot-export/1"
    assert document["group"]["name"] == "RAG nuklearmedicin"
    assert "reference" not in document["group"] and "calendar_token" not in document["group"]
    assert [r["text"] for r in document["status_reports"]] == [
        "Första versionen.",
        "Gammakameran är levererad.",
    ]
    assert [i["number"] for i in document["action_items"]] == [1, 2, 3]
    assert [len(document[name]) for name in ("decisions", "agenda_points", "meetings")] == [1, 1, 0]
    assert {m["name"] for m in document["members"]} == {"Edyta Johansson", "Sara Axelsson"}
    assert [t["name"] for t in document["standing_topics"]] == ["Radiofarmakaupphandling"]
    assert [s["unit"] for s in document["seminars"]] == ["Fysiologiska kliniken"]
    assert unknown == 2
    assert "--group 'RAG ortopedi' must name exactly one group" in refusal


async def test_forget_user_removes_a_name_from_open_data_and_reports_it(
    sqlite_url, settings, clock, connector
):
    channel = TeamsSpace.channel(connector.url)
    async with serve(create_app(settings, clock=clock)) as bot:
        await _seed(bot, connector.url)
        await _say(bot, channel.message("åtgärd Mats kollar med Sara Axelsson", user=SARA))
        await _say(bot, channel.message("klar 4", user=EDYTA))
        await _say(bot, channel.message("ämne Radiofarmakaupphandling", user=SARA))
        await _say(bot, channel.message("seminarium 7/12 kl 8-9: Röntgen i Jönköping", user=SARA))
    env = bot_environment(settings.database_url, free_port())

    code, output = await run_command(env, "forget-user", "Sara Axelsson")

    assert code == 0, output
    assert output.splitlines()[-2:] == [
        "dialog state: dialog drafts: 1",
        "group 1: action item owners: 2, action item texts: 2, agenda points authors: 1, "
        "decisions authors: 1, members: 1, seminar authors: 1, standing topic authors: 1, "
        "status report authors: 1",
    ]
    items = await _rows(
        sqlite_url,
        select(ActionItemRow.number, ActionItemRow.text, ActionItemRow.owner_name).order_by(
            ActionItemRow.number
        ),
    )
    assert [tuple(row) for row in items] == [
        (1, "Edyta bokar lokal", "Edyta"),
        (2, "(borttagen) skickar statistiken", None),
        (3, "(borttagen) ringer leverantören", None),
        (4, "Mats kollar med Sara Axelsson", "Mats"),  # closed: a record, kept as it was
    ]
    members = await _rows(sqlite_url, select(MemberRow.name))
    audit = await _rows(sqlite_url, text("SELECT actor_name, action, detail FROM audit_log"))
    assert [row.name for row in members] == ["Edyta Johansson"]
    assert [(row.actor_name, row.action) for row in audit][-1] == (
        "Drift (ragbot forget-user)",
        "forget",
    )
    assert mention(SARA)["mentioned"]["id"] not in json.dumps(
        [tuple(r) for r in await _rows(sqlite_url, text("SELECT key FROM bot_state"))]
    )
