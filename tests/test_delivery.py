"""The reply path under a refusing connector, at the adapter: one budget for the whole turn,
Retry-After honoured (a wait longer than the turn allows is not slept through), a failure that
may have posted the reply (502, a timeout) queued at once instead of tried again, and once one
reply of a turn is queued the later ones follow it into the queue, in order."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.cloud_adapter_base import CloudAdapterBase
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
from msrest.exceptions import HttpOperationError

from bot.delivery import ReliableAdapter, Undelivered


def refusal(status: int, retry_after: str | None = None) -> HttpOperationError:
    error = HttpOperationError.__new__(HttpOperationError)
    headers = {"Retry-After": retry_after} if retry_after else {}
    error.response = SimpleNamespace(status_code=status, headers=headers)
    return error


class Connector:
    """Stands in for botbuilder's send: refuses every call with ``error``, counting them."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls: list[str] = []

    async def send(self, context, activities):
        self.calls.append(activities[0].text)
        raise self.error


@pytest.fixture
def queued() -> list[str]:
    return []


def adapter_refusing(monkeypatch, error: Exception, queued: list[str], budget: float):
    connector = Connector(error)
    monkeypatch.setattr(CloudAdapterBase, "send_activities", connector.send)

    async def queue(context, activity):
        queued.append(activity.text)

    async def too_large(context):
        return "för stort"

    adapter = ReliableAdapter(None, Undelivered(queue, too_large), budget=budget)  # type: ignore[arg-type]
    incoming = Activity(
        type="message",
        id="1",
        text="hjälp",
        conversation=ConversationAccount(id="19:c"),
        from_property=ChannelAccount(id="29:u"),
        recipient=ChannelAccount(id="28:bot"),
        channel_id="msteams",
        service_url="http://127.0.0.1:1/",
    )
    return adapter, TurnContext(adapter, incoming), connector


async def test_one_budget_for_the_turn_and_later_replies_follow_the_queued_one(monkeypatch, queued):
    adapter, context, connector = adapter_refusing(monkeypatch, refusal(429, "0.2"), queued, 0.5)
    replies = [MessageFactory.text(text) for text in ("Svar", "Andra", "Tredje")]

    started = time.monotonic()
    for reply in replies:
        await adapter.send_activities(context, [reply])
    elapsed = time.monotonic() - started

    assert queued == ["Svar", "Andra", "Tredje"]
    assert connector.calls == ["Svar"] * 3  # tried within the budget, then queued
    assert elapsed < 1.0


async def test_a_retry_after_longer_than_the_turn_is_not_slept_through(monkeypatch, queued):
    adapter, context, connector = adapter_refusing(monkeypatch, refusal(429, "10"), queued, 6.0)

    started = time.monotonic()
    await adapter.send_activities(context, [MessageFactory.text("Svar")])

    assert (queued, connector.calls) == (["Svar"], ["Svar"])
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("error", [refusal(502), refusal(504), TimeoutError("read timed out")])
async def test_a_failure_that_may_have_posted_is_queued_not_tried_again(monkeypatch, queued, error):
    adapter, context, connector = adapter_refusing(monkeypatch, error, queued, 6.0)

    await adapter.send_activities(context, [MessageFactory.text("Svar")])

    assert (queued, connector.calls) == (["Svar"], ["Svar"])
