"""Bad input at scale: hypothesis throws malformed and adversarial Teams activities and raw
bodies at the real app's /api/messages (real SQLite, fake Bot Connector).

Activities start from real Teams shapes (a channel message, a 1:1 message, a card submit, an
invoke) and get fields replaced by wrong types, deleted, or filled with huge texts, odd Unicode
(right-to-left overrides, zero-width joiners, lone surrogates, NULs), mention entities
pointing at other users or at nobody, card submits with unexpected values and invoke names the
bot does not know. Raw bodies are bytes, deep JSON and wrong content types. Every request must
be answered below 500 without a stack trace, no turn may fail (no apology posted), nothing the
other group had stored may change, and afterwards `@RAG hjälp` is still answered. The number of
requests is printed.
"""

from __future__ import annotations

import copy
import itertools
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.settings import Settings
from tests.support.background import BackgroundBot
from tests.support.teams import EDYTA, MATS, SARA, TeamsSpace

HELP_FIRST_LINE = "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal."
APOLOGY = "Något gick fel hos mig"
CONTENT_TABLES = ("status_reports", "action_items", "decisions", "agenda_points", "meetings")
FUZZ = settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DELETE = object()
_ACTIVITY_IDS = itertools.count(10**12)

INTERESTING_TEXTS = [
    "",
    " ",
    "\u202eKalmar",
    "åtgärd \u200b\u200d\u2060",
    "lägesrapport \x00Kalmar: \x00",
    "\ud800\udfff\ud800",
    "<at>RAG</at>",
    "<at>Sara Axelsson</at> åtgärd <at>Okänd</at> gör något",
    "klar 99999999999999999999999999",
    "ändra 1 till igår",
    "flytta möte 31/2 till 30/2",
    "mötestider 32/13 kl 25-26",
    "inställningar påminnelser -1 dag",
    "regioner " + ", ".join(f"Region {n}" for n in range(200)),
    "ta bort -1",
    "roll ordförande <at>Okänd</at>",
    "Ｒ𝔸𝒢 ｈｊäｌｐ",
    "e\u0301\u0301\u0301\u0301" * 500,
    "{{values}} %s %(x)s {0}",
    "**\\*[link](javascript:alert(1))",
]
INVOKE_NAMES = [
    "adaptiveCard/action",
    "task/fetch",
    "task/submit",
    "composeExtension/query",
    "composeExtension/submitAction",
    "signin/verifyState",
    "signin/tokenExchange",
    "actionableMessage/executeAction",
    "fileConsent/invoke",
    "config/fetch",
    "tab/fetch",
    "healthCheck",
]
CARD_ACTIONS = [
    "report.save",
    "report.cancel",
    "action.done",
    "action.edit",
    "action.save",
    "action.cancel",
    "meeting.move",
    "meeting.cancel",
    "meeting.keep",
    "unknown.action",
]
FIELDS = [
    "type",
    "text",
    "value",
    "name",
    "entities",
    "channelData",
    "conversation",
    "from",
    "recipient",
    "serviceUrl",
    "id",
    "channelId",
    "timestamp",
    "locale",
    "attachments",
    "replyToId",
    "membersAdded",
    "conversation.id",
    "conversation.conversationType",
    "conversation.tenantId",
    "channelData.tenant",
    "channelData.tenant.id",
    "channelData.channel",
    "channelData.team",
    "from.id",
    "from.name",
    "from.aadObjectId",
    "recipient.id",
    "entities.0",
    "entities.0.mentioned",
    "entities.0.text",
    "value.ragbot",
    "value.number",
    "value.text",
    "value.region",
    "value.meeting",
    "value.version",
    "value.starts",
    "value.ends",
    "value.place",
    "value.owner",
    "value.due",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(INTERESTING_TEXTS)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=16,
)
huge_texts = st.builds(
    lambda prefix, char, size: prefix + char * size,
    st.sampled_from(["", "lägesrapport Kalmar: ", "åtgärd ", "punkt ", "mötestider "]),
    st.characters(),
    st.integers(min_value=1_000, max_value=200_000),
)
texts = st.text(max_size=300) | st.sampled_from(INTERESTING_TEXTS) | huge_texts
other_mentions = st.lists(
    st.fixed_dictionaries(
        {
            "type": st.just("mention"),
            "text": st.sampled_from(["<at>Sara Axelsson</at>", "<at>RAG</at>", "<at></at>"])
            | st.text(max_size=20),
            "mentioned": st.fixed_dictionaries(
                {
                    "id": st.sampled_from([SARA["id"], MATS["id"], "28:ragbot-local", ""])
                    | st.text(max_size=10),
                    "name": st.text(max_size=20),
                }
            )
            | json_values,
        }
    ),
    max_size=3,
)
card_values = st.fixed_dictionaries(
    {"ragbot": st.sampled_from(CARD_ACTIONS) | scalars},
    optional={
        name: json_values | texts
        for name in ("number", "text", "region", "meeting", "version", "starts", "ends", "place")
    },
)
mutations = st.lists(
    st.tuples(st.sampled_from(FIELDS), st.just(DELETE) | json_values | texts),
    max_size=4,
)


def _base_activities(service_url: str) -> list[dict[str, Any]]:
    channel = TeamsSpace.channel(service_url)
    chat = TeamsSpace.personal(service_url, user=EDYTA)
    return [
        channel.message("hjälp"),
        channel.message("åtgärder"),
        chat.message("lägesrapport Kalmar"),
        channel.card_submit({"ragbot": "action.done", "number": 1}),
        channel.invoke("adaptiveCard/action", {"action": {"type": "Action.Execute"}}),
        channel.installation(),
    ]


def _apply(activity: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = activity
    for part in parents:
        if isinstance(target, list):
            if not target:
                return
            target = target[0]
        elif isinstance(target, dict):
            target = target.setdefault(part, {})
        else:
            return
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict):
        return
    if value is DELETE:
        target.pop(last, None)
    else:
        target[last] = value


@st.composite
def activities(draw: st.DrawFn, service_url: str) -> dict[str, Any]:
    activity = copy.deepcopy(draw(st.sampled_from(_base_activities(service_url))))
    activity["id"] = str(next(_ACTIVITY_IDS))  # each one new: a resend is answered once
    kind = draw(st.sampled_from(["mutate", "text", "mentions", "card", "invoke"]))
    if kind == "text":
        activity["text"] = "<at>RAG</at> " + draw(texts)
    elif kind == "mentions":
        activity["text"] = "<at>RAG</at> " + draw(texts)
        activity["entities"] = draw(other_mentions) + (activity.get("entities") or [])
    elif kind == "card":
        activity.pop("text", None)
        activity["value"] = draw(card_values)
    elif kind == "invoke":
        activity["type"] = "invoke"
        activity["name"] = draw(st.sampled_from(INVOKE_NAMES) | st.text(max_size=30))
        activity["value"] = draw(json_values)
    for path, value in draw(mutations):
        _apply(activity, path, value)
    return activity


raw_bodies = (
    st.binary(max_size=2000)
    | st.integers(min_value=1, max_value=200_000).map(lambda n: b"[" * n + b"]" * n)
    | st.integers(min_value=1, max_value=50_000).map(
        lambda n: b'{"type":"message","value":' + b'{"a":' * n + b"1" + b"}" * n + b"}"
    )
    | json_values.map(lambda value: json.dumps(value).encode())
    | st.just(b'{"type": "message", "text": "\\ud800", "conversation": {"id": "x"}}')
)


OTHER_CHANNEL = "19:0ther0channel0of0another0team@thread.tacv2"


def _other_group(service_url: str) -> TeamsSpace:
    """A second team's channel: what it stored must come through the fuzzing untouched."""
    return TeamsSpace.channel(
        service_url,
        conversation_id=OTHER_CHANNEL,
        channel_id=OTHER_CHANNEL,
        team_id="19:0ther0team@thread.tacv2",
        team_name="RAG onkologi",
    )


def _content(database_url: str) -> set[tuple[str, tuple[Any, ...]]]:
    """Every stored row of the other group, whole."""
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        [(group_id,)] = connection.execute("SELECT id FROM groups WHERE key = ?", (OTHER_CHANNEL,))
        return {
            (table, row)
            for table in CONTENT_TABLES + ("groups",)
            for row in connection.execute(
                f"SELECT * FROM {table} WHERE {'id' if table == 'groups' else 'group_id'} = ?",
                (group_id,),
            )
        }


@pytest.fixture(scope="module")
def fuzzed_bot(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template
) -> Iterator[BackgroundBot]:
    import shutil

    from tests.support.clock import FakeClock

    path = tmp_path_factory.mktemp("fuzz") / "ragbot.db"
    shutil.copy(sqlite_template, path)
    settings_ = Settings(
        _env_file=None, database_url=f"sqlite+aiosqlite:///{path}", scheduler=False
    )
    with BackgroundBot(settings_, FakeClock()) as bot:
        for text in (
            "regioner Linköping, Jönköping, Kalmar",
            "mötestider 26/11 kl 13-14 Teams",
            "lägesrapport Kalmar: Två nya gammakameror.",
            "åtgärd Veronica kollar med Region Skåne till nästa möte",
            "beslut Gemensam upphandling",
            "punkt Studiebesök på Cyklotronen",
        ):
            for place, user in (
                (TeamsSpace.channel(bot.connector.url), EDYTA),
                (
                    _other_group(bot.connector.url),
                    MATS,
                ),
            ):
                body = json.dumps(place.message(text, user=user)).encode()
                assert bot.post(body).status_code == 200
        bot.before = _content(settings_.database_url)  # type: ignore[attr-defined]
        bot.database_url = settings_.database_url  # type: ignore[attr-defined]
        bot.requests = 0  # type: ignore[attr-defined]
        yield bot


def _check(bot: BackgroundBot, response) -> None:
    bot.requests += 1  # type: ignore[attr-defined]
    assert response.status_code < 500, response.text[:500]
    assert "Traceback" not in response.text


def test_fuzzed_activities_are_answered_without_5xx(fuzzed_bot: BackgroundBot):
    @FUZZ
    @given(activities(fuzzed_bot.connector.url))
    def fuzz(activity: dict[str, Any]) -> None:
        body = json.dumps(activity).encode()
        _check(fuzzed_bot, fuzzed_bot.post(body))

    fuzz()


def test_fuzzed_raw_bodies_are_answered_without_5xx(fuzzed_bot: BackgroundBot):
    @settings(FUZZ, max_examples=500)
    @given(raw_bodies, st.sampled_from(["application/json", "text/plain", "application/json"]))
    def fuzz(body: bytes, content_type: str) -> None:
        _check(fuzzed_bot, fuzzed_bot.post(body, content_type))

    fuzz()


def test_after_the_fuzzing_nothing_is_lost_and_help_is_answered(fuzzed_bot: BackgroundBot):
    channel = TeamsSpace.channel(fuzzed_bot.connector.url)
    before_posts = len(fuzzed_bot.connector.posted)

    status = fuzzed_bot.post(json.dumps(channel.message("hjälp")).encode()).status_code

    posts = fuzzed_bot.connector.posted
    said = [post.text or json.dumps(post.attachments) for post in posts]
    print(f"\nrequests fuzzed: {fuzzed_bot.requests}; bot posts: {len(posts)}")  # type: ignore[attr-defined]
    assert status == 200
    assert (posts[before_posts].text or "").split("\n")[0] == HELP_FIRST_LINE
    assert [text for text in said if APOLOGY in text or "Traceback" in text] == []
    assert fuzzed_bot.before == _content(fuzzed_bot.database_url)  # type: ignore[attr-defined]
