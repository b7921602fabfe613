"""Production-mode authentication, end to end: the real app with ``MicrosoftAppId`` set, a
loopback identity provider publishing its own RSA key, and the fake Bot Connector.

Covers: a valid Bot Connector token is answered 200 and the reply carries the bearer token the
bot fetched with its own credentials (so does a proactive agenda post); no token, a token not
in the Bearer scheme, expired beyond the five-minute skew, the wrong audience, the wrong
issuer, signed by another key, an unknown key id, a tampered payload, an unsigned or
HMAC-signed token, and a serviceUrl that differs from the token's claim are all refused with
401 and leave no trace at the connector; a token just expired but within the skew is taken;
keys that cannot be fetched answer 503 so that the channel retries (so do a key fetch that
hangs and a metadata document without keys), but a token no key could make valid (malformed,
not RS256, no key id, expired) is refused with 401 all the same, and without asking for keys;
a burst of requests waits on one key fetch, which leaves the event loop free meanwhile.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import jwt
import pytest

from bot.app import SCHEDULER, create_app
from bot.auth import OffLoopOpenIdMetadata
from bot.settings import Settings
from tests.support.connector import FakeConnector
from tests.support.identity import ISSUER, KEY_ID, IdentityProvider, new_key
from tests.support.server import RunningBot, serve
from tests.support.teams import TeamsSpace

APP_ID = "0c8e8b3a-1111-4222-8333-444455556666"
APP_PASSWORD = "local-test-secret-for-the-loopback-idp"
HELP_FIRST_LINE = "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal."


@pytest.fixture
def identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[IdentityProvider]:
    provider = IdentityProvider(APP_ID, APP_PASSWORD, tmp_path).start()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", provider.ca_bundle)
    yield provider
    provider.stop()


@pytest.fixture
def production(sqlite_url: str, identity: IdentityProvider) -> Settings:
    return Settings(_env_file=None, database_url=sqlite_url, scheduler=False, **identity.settings())


@pytest.fixture
async def bot(production: Settings, clock) -> AsyncIterator[RunningBot]:
    async with serve(create_app(production, clock=clock)) as running:
        yield running


async def post(bot: RunningBot, activity: dict, token: str | None) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await bot.post_activity(activity, headers=headers)
    return response.status


def tampered(token: str, **claims: object) -> str:
    """The token with its payload changed and the original signature kept."""
    header, payload, signature = token.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    changed = base64.urlsafe_b64encode(json.dumps(decoded | claims).encode()).rstrip(b"=")
    return ".".join([header, changed.decode(), signature])


async def test_a_valid_token_is_answered_with_the_bots_own_bearer_token(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)

    status = await post(bot, channel.message("hjälp"), identity.mint(connector.url))

    [reply] = await connector.wait_for(1)
    assert status == 200
    assert reply.text.split("\n")[0] == HELP_FIRST_LINE
    assert reply.headers["Authorization"] == f"Bearer {identity.outbound_token}"
    [request] = identity.token_requests
    assert (request.client_id, request.client_secret) == (APP_ID, APP_PASSWORD)
    assert request.scope.split() == ["https://api.botframework.com/.default"]


def _bad_tokens(identity: IdentityProvider, service_url: str) -> dict[str, str]:
    good = identity.mint(service_url)
    other_key = new_key()
    return {
        "expired beyond the skew": identity.mint(service_url, lifetime=-6 * 60),
        "wrong audience": identity.mint(service_url, aud="another-bot"),
        "wrong issuer": identity.mint(service_url, iss="https://evil.example.org"),
        "signed by another key": identity.mint(service_url, key=other_key),
        "unknown key id": identity.mint(service_url, key=other_key, key_id="not-published"),
        "tampered payload": tampered(good, aud=APP_ID, serviceurl="https://evil.example.org/"),
        "tampered audience": tampered(identity.mint(service_url, aud="another-bot"), aud=APP_ID),
        "unsigned": jwt.encode(jwt.decode(good, options={"verify_signature": False}), None, "none"),
        "HMAC with a guessable secret": jwt.encode(
            {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url, "exp": time.time() + 60},
            APP_PASSWORD,
            "HS256",
            headers={"kid": "ragbot-test-key"},
        ),
        "not a JWT": "not.a.jwt",
    }


async def test_every_kind_of_bad_token_is_refused_and_nothing_is_said(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    cases = _bad_tokens(identity, connector.url)

    statuses = {
        name: await post(bot, channel.message("hjälp"), token) for name, token in cases.items()
    }
    no_token = await post(bot, channel.message("hjälp"), None)
    basic = await bot.post_activity(
        channel.message("hjälp"), headers={"Authorization": f"Basic {identity.mint(connector.url)}"}
    )

    assert statuses == dict.fromkeys(cases, 401)
    assert (no_token, basic.status) == (401, 401)
    assert connector.posted == []


async def test_a_service_url_other_than_the_tokens_is_refused(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    """A token taken from one request cannot send the bot's reply (and its bearer token)
    somewhere else."""
    elsewhere = TeamsSpace.channel("https://evil.example.org/")

    status = await post(bot, elsewhere.message("hjälp"), identity.mint(connector.url))

    assert status == 401
    assert identity.token_requests == []


async def test_a_token_expired_within_the_five_minute_skew_is_accepted(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)

    status = await post(bot, channel.message("hjälp"), identity.mint(connector.url, lifetime=-120))

    assert status == 200
    assert len(await connector.wait_for(1)) == 1


async def test_keys_that_cannot_be_fetched_answer_503_for_a_retry(
    production: Settings, identity: IdentityProvider, clock, connector: FakeConnector
):
    token = identity.mint(connector.url)
    identity.stop()
    channel = TeamsSpace.channel(connector.url)

    async with serve(create_app(production, clock=clock)) as bot:
        status = await post(bot, channel.message("hjälp"), token)

    assert status == 503
    assert connector.posted == []


def _refusable_without_keys(identity: IdentityProvider, service_url: str) -> dict[str, str]:
    """Authorization headers that no published key could make valid."""
    good = identity.mint(service_url)
    claims = jwt.decode(good, options={"verify_signature": False})
    header, _, signature = good.split(".")
    not_an_object = base64.urlsafe_b64encode(b'["a", "list"]').rstrip(b"=").decode()
    tokens = {
        "not a JWT": "not.a.jwt",
        "a payload that is not an object": f"{header}.{not_an_object}.{signature}",
        "HMAC-signed": jwt.encode(claims, APP_PASSWORD, "HS256", headers={"kid": KEY_ID}),
        "unsigned": jwt.encode(claims, None, "none", headers={"kid": KEY_ID}),
        "RS384, which botbuilder never verifies": jwt.encode(
            claims, identity.key, "RS384", headers={"kid": KEY_ID}
        ),
        "no key id": jwt.encode(claims, identity.key, "RS256"),
        "expired beyond the skew": identity.mint(service_url, lifetime=-6 * 60),
    }
    return {name: f"Bearer {token}" for name, token in tokens.items()} | {
        "Basic scheme": f"Basic {good}",
        "lower-case scheme": f"bearer {good}",
        "two spaces": f"Bearer  {good}",
        "a third part": f"Bearer {good} extra",
        "no token": "Bearer ",
    }


async def _statuses(bot: RunningBot, activity: dict, headers: dict[str, str]) -> dict[str, int]:
    return {
        name: (await bot.post_activity(activity, headers={"Authorization": header})).status
        for name, header in headers.items()
    }


async def test_tokens_no_key_could_make_valid_get_401_while_the_keys_cannot_be_fetched(
    production: Settings, identity: IdentityProvider, clock, connector: FakeConnector
):
    """An unreachable key endpoint is a reason to retry only for a token that might be good;
    one that can be refused without any key is refused (401), or the channel would retry it."""
    cases = _refusable_without_keys(identity, connector.url)
    well_formed = identity.mint(connector.url)
    identity.stop()
    channel = TeamsSpace.channel(connector.url)

    async with serve(create_app(production, clock=clock)) as bot:
        statuses = await _statuses(bot, channel.message("hjälp"), cases)
        status = await post(bot, channel.message("hjälp"), well_formed)

    assert statuses == dict.fromkeys(cases, 401)
    assert status == 503
    assert connector.posted == []


async def test_tokens_no_key_could_make_valid_are_refused_without_asking_for_keys(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    cases = _refusable_without_keys(identity, connector.url)

    statuses = await _statuses(bot, TeamsSpace.channel(connector.url).message("hjälp"), cases)

    assert statuses == dict.fromkeys(cases, 401)
    assert identity.key_requests == []
    assert connector.posted == []


async def _until(condition: Callable[[], object], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_a_burst_of_requests_waits_on_one_key_fetch_off_the_event_loop(
    bot, identity: IdentityProvider, connector: FakeConnector
):
    """The keys are fetched once for all the requests that need them at the same moment,
    and the bot keeps answering while the key endpoint is slow. The endpoint holds its answer
    until the test has seen /healthz answered (or for three seconds at most: a fetch on the
    event loop would keep the test from ever getting there)."""
    identity.hold = threading.Event()
    channel = TeamsSpace.channel(connector.url)
    burst = [
        asyncio.create_task(post(bot, channel.message("hjälp"), identity.mint(connector.url)))
        for _ in range(5)
    ]
    try:
        await _until(lambda: identity.key_requests)
        async with bot.http.get(bot.url + "healthz") as health:
            healthy = health.status
        # The rest of the burst reaches the key cache while the fetch is still held.
        await asyncio.sleep(0.3)
    finally:
        identity.hold.set()
        statuses = await asyncio.wait_for(asyncio.gather(*burst), timeout=15)

    assert healthy == 200
    assert False not in identity.hold_outcomes, "the key fetch held up the event loop"
    assert statuses == [200] * 5
    # One fetch for the five: the metadata document once, then the key document once.
    assert [path.rsplit("/", 1)[-1] for path in identity.key_requests] == [
        "openidconfiguration",
        "keys",
    ]
    assert len(await connector.wait_for(5)) == 5


async def test_a_key_fetch_that_hangs_gives_up_and_answers_503(
    production: Settings,
    identity: IdentityProvider,
    clock,
    connector: FakeConnector,
    monkeypatch: pytest.MonkeyPatch,
):
    """botbuilder's fetch has no timeout: a key endpoint that accepts and never answers would
    keep every request waiting on it."""
    monkeypatch.setattr(OffLoopOpenIdMetadata, "timeout", (1.0, 0.5))
    identity.hold = threading.Event()
    channel = TeamsSpace.channel(connector.url)

    try:
        async with serve(create_app(production, clock=clock)) as bot:
            status = await asyncio.wait_for(
                post(bot, channel.message("hjälp"), identity.mint(connector.url)), timeout=2.5
            )
    finally:
        identity.hold.set()

    assert status == 503
    assert connector.posted == []


async def test_a_metadata_document_without_keys_answers_503(
    production: Settings, identity: IdentityProvider, clock, connector: FakeConnector
):
    """A key endpoint that answers with something other than keys is as unavailable as one
    that does not answer: the token may well be good, so the channel is told to retry."""
    # An OpenID document, but the login authority's: it names no jwks_uri.
    broken = production.model_copy(
        update={"openid_metadata_url": f"{identity.url}/adfs/.well-known/openid-configuration"}
    )
    channel = TeamsSpace.channel(connector.url)

    async with serve(create_app(broken, clock=clock)) as bot:
        status = await post(bot, channel.message("hjälp"), identity.mint(connector.url))

    assert status == 503
    assert connector.posted == []


async def test_a_proactive_agenda_post_carries_the_bots_bearer_token(
    production: Settings, identity: IdentityProvider, clock, connector: FakeConnector
):
    channel = TeamsSpace.channel(connector.url)
    app = create_app(production, clock=clock)
    async with serve(app) as bot:
        for text in ("regioner Linköping, Jönköping, Kalmar", "mötestider 26/11 kl 13-14 Teams"):
            assert await post(bot, channel.message(text), identity.mint(connector.url)) == 200
        await connector.wait_for(2)
        clock.advance(clock.now().replace(day=24, hour=8) - clock.now())
        report = await app[SCHEDULER].tick()

    agenda = connector.posted[-1]
    assert report.sent == 1
    assert agenda.kind == "create"
    assert agenda.body["bot"]["id"] == APP_ID
    assert agenda.headers["Authorization"] == f"Bearer {identity.outbound_token}"
