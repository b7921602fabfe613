"""Conversations with the bot in Teams, turn by turn (TestAdapter, real SQLite).

Covers: installation greeting in a channel; `hjälp` in every spelling and scope; an unknown
command, a mistyped one and one that merely contains the bot's name; the bot's mention alone;
a card button it no longer knows; a resent activity answered once; a Norwegian group.
"""

from __future__ import annotations

from bot.app import build_bot
from bot.settings import Settings
from storage.db import Database, create_engine
from tests.support.fakes import FakeRoster
from tests.support.stored import group_by_key
from tests.support.teams import CHANNEL_ID, EDYTA, MATS, TeamsSpace
from tests.support.transcript import Transcript

HELP_FIRST_LINE = "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal."


async def test_installed_in_a_channel_it_greets_the_team_in_swedish(transcript, settings):
    channel = TeamsSpace.channel()

    replies = await transcript.say(channel.installation())

    assert replies == [
        "Hej! Jag är RAG-boten. Jag hjälper RAG nuklearmedicin att samla lägesrapporter från "
        "regionerna och åtgärdspunkter under mötet, och lägger fram dagordning, påminnelser "
        "och utkast till minnesanteckningar inför och efter varje möte. Skriv @RAG hjälp "
        "för att se vad jag kan."
    ]
    engine = create_engine(settings.database_url)
    group = await group_by_key(Database(engine), CHANNEL_ID)
    await engine.dispose()
    assert group is not None
    assert (group.name, group.language, group.timezone) == (
        "RAG nuklearmedicin",
        "sv",
        "Europe/Stockholm",
    )
    # Posts later go to the channel itself, not to a thread inside it.
    assert group.reference["conversation"]["id"] == CHANNEL_ID
    assert group.reference["serviceUrl"] == "https://smba.trafficmanager.net/emea/"


async def test_help_in_a_channel_lists_the_commands(transcript):
    channel = TeamsSpace.channel()

    replies = await transcript.say(channel.message("hjälp"))

    assert len(replies) == 1
    lines = replies[0].split("\n")
    assert lines[0] == HELP_FIRST_LINE
    assert (
        "- **åtgärd** *text* – ny åtgärdspunkt, t.ex. `åtgärd Veronica kollar med Skåne "
        "till nästa möte`"
    ) in lines
    assert "- **nästa möte** – visa nästa möte" in lines
    assert "- **hjälp** – den här listan" in lines


async def test_help_is_understood_in_any_case_accent_or_language(transcript):
    channel = TeamsSpace.channel()

    for spelling in ["HJÄLP", "Hjalp", "help", "hjelp", "  hjälp  "]:
        replies = await transcript.say(channel.message(spelling))
        assert [reply.split("\n")[0] for reply in replies] == [HELP_FIRST_LINE], spelling


async def test_help_works_in_group_chat_and_personal_chat(transcript):
    group_chat = TeamsSpace.group_chat()
    personal = TeamsSpace.personal()

    assert (await transcript.say(group_chat.message("hjälp")))[0].startswith(HELP_FIRST_LINE)
    # In a 1:1 chat nobody @mentions the bot.
    assert (await transcript.say(personal.message("hjälp")))[0].startswith(HELP_FIRST_LINE)


async def test_an_unknown_command_gets_a_hint_never_silence(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.message("blaha blaha")) == [
        "Det kommandot känner jag inte till: ”blaha”. Skriv @RAG hjälp för en lista."
    ]
    assert await transcript.say(channel.message("dagordnig")) == [
        "Det kommandot känner jag inte till: ”dagordnig”. Menade du **dagordning**?"
    ]


async def test_the_bots_name_inside_the_text_is_left_alone(transcript):
    channel = TeamsSpace.channel()

    # botbuilder's remove_recipient_mention would have turned this into "-gruppen".
    assert await transcript.say(channel.message("RAG-gruppen")) == [
        "Det kommandot känner jag inte till: ”RAG-gruppen”. Skriv @RAG hjälp för en lista."
    ]


async def test_markup_in_an_unknown_command_is_escaped(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.message("**<b>fet</b>**")) == [
        "Det kommandot känner jag inte till: ”\\*\\*\\<b\\>fet\\</b\\>\\*\\*”. "
        "Skriv @RAG hjälp för en lista."
    ]


async def test_only_the_mention_gets_a_friendly_hint(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.message("")) == [
        "Hej! Skriv @RAG hjälp för att se vad jag kan."
    ]


async def test_a_known_command_not_built_yet_says_nothing_was_saved(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.message("minnesanteckningar")) == [
        "”minnesanteckningar” känner jag igen, men den delen av mig är inte färdig ännu. Inget "
        "har sparats. Skriv @RAG hjälp för en lista."
    ]


async def test_a_card_button_it_does_not_know_changes_nothing(transcript):
    channel = TeamsSpace.channel()

    assert await transcript.say(channel.card_submit({"action": "gammal-knapp"})) == [
        "Den knappen känner jag inte igen längre. Inget har ändrats."
    ]


async def test_a_resent_activity_is_answered_once(transcript):
    channel = TeamsSpace.channel()
    activity = channel.message("hjälp", user=MATS)

    first = await transcript.say(activity)
    resent = await transcript.say(dict(activity))

    assert len(first) == 1
    assert resent == []


async def test_every_thread_of_a_channel_is_the_same_group(transcript, settings):
    channel = TeamsSpace.channel()

    await transcript.say(channel.message("hjälp", thread_id="1111"))
    await transcript.say(channel.message("hjälp", thread_id="2222"))

    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        count = (await connection.exec_driver_sql("SELECT count(*) FROM groups")).scalar()
    await engine.dispose()
    assert count == 1


async def test_the_stored_address_does_not_depend_on_who_spoke(transcript, settings):
    channel = TeamsSpace.channel()
    engine = create_engine(settings.database_url)
    database = Database(engine)

    await transcript.say(channel.message("hjälp", user=EDYTA))
    after_edyta = await group_by_key(database, CHANNEL_ID)
    await transcript.say(channel.message("hjälp", user=MATS))
    after_mats = await group_by_key(database, CHANNEL_ID)
    await engine.dispose()

    assert after_edyta == after_mats
    assert "user" not in after_mats.reference
    assert after_mats.reference["bot"] == {"id": "28:ragbot-local", "name": "RAG"}


async def test_a_norwegian_group_is_answered_in_norwegian(sqlite_url, clock):
    settings = Settings(_env_file=None, database_url=sqlite_url, language="nb")
    engine = create_engine(sqlite_url)
    transcript = Transcript(build_bot(settings, engine, clock, FakeRoster()))
    channel = TeamsSpace.channel()

    help_reply = await transcript.say(channel.message("hjelp"))
    unknown = await transcript.say(channel.message("hva"))

    await engine.dispose()
    assert help_reply[0].startswith(
        "Dette kan jeg. Skriv @RAG foran kommandoen når du skriver i en kanal."
    )
    assert unknown == ["Den kommandoen kjenner jeg ikke: «hva». Skriv @RAG hjelp for en liste."]
