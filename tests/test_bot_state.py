"""botbuilder state over SQL, on SQLite and PostgreSQL, with botbuilder's own semantics.

Covers: read of unknown keys; write without e_tag or with "*" overwrites; a stale e_tag is
refused and the stored value kept; delete; over-long keys; a dialog stack written through
``ConversationState`` is read back by a fresh storage (what a restart does) as real objects.
"""

from __future__ import annotations

import pytest
from botbuilder.core import ConversationState
from botbuilder.dialogs import DialogInstance, DialogState

from storage.bot_state import SqlStorage
from tests.support.clock import FakeClock
from tests.support.teams import TeamsSpace
from tests.support.transcript import turn_context


@pytest.fixture
def storage(database) -> SqlStorage:
    return SqlStorage(database, FakeClock().now)


async def test_unknown_keys_read_as_nothing(storage):
    assert await storage.read(["a", "b"]) == {}
    assert await storage.read([]) == {}


async def test_a_write_gets_an_e_tag_and_reads_back(storage):
    await storage.write({"k": {"region": "Kalmar", "text": "Två radiologer i Stockholm."}})

    stored = (await storage.read(["k"]))["k"]

    assert stored["region"] == "Kalmar"
    assert stored["text"] == "Två radiologer i Stockholm."
    assert len(stored["e_tag"]) == 32


async def test_a_stale_e_tag_is_refused_and_the_newer_value_kept(storage):
    await storage.write({"k": {"n": 1}})
    mine = (await storage.read(["k"]))["k"]
    theirs = (await storage.read(["k"]))["k"]
    theirs["n"] = 2
    await storage.write({"k": theirs})

    mine["n"] = 3
    with pytest.raises(KeyError, match="e_tag conflict"):
        await storage.write({"k": mine})

    assert (await storage.read(["k"]))["k"]["n"] == 2


async def test_a_matching_e_tag_writes_and_the_value_learns_the_new_one(storage):
    await storage.write({"k": {"n": 1}})
    value = (await storage.read(["k"]))["k"]
    old_e_tag = value["e_tag"]

    value["n"] = 2
    await storage.write({"k": value})
    value["n"] = 3
    await storage.write({"k": value})  # the same object again: its e_tag was refreshed

    stored = (await storage.read(["k"]))["k"]
    assert stored["n"] == 3
    assert stored["e_tag"] != old_e_tag


async def test_star_and_missing_e_tags_overwrite(storage):
    await storage.write({"k": {"n": 1}})
    await storage.write({"k": {"n": 2, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["n"] == 2
    await storage.write({"k": {"n": 3}})
    assert (await storage.read(["k"]))["k"]["n"] == 3


async def test_an_empty_e_tag_is_an_error(storage):
    with pytest.raises(ValueError, match="empty e_tag"):
        await storage.write({"k": {"n": 1, "e_tag": ""}})
    assert await storage.read(["k"]) == {}


async def test_delete_removes_only_the_named_keys(storage):
    await storage.write({"a": {"n": 1}, "b": {"n": 2}})

    await storage.delete(["a", "unknown"])

    assert list(await storage.read(["a", "b"])) == ["b"]


async def test_over_long_keys_are_stored_and_found(storage):
    key = "msteams/conversations/" + "19:" + "x" * 600 + "@thread.tacv2/users/29:someone"

    await storage.write({key: {"n": 1}})

    assert (await storage.read([key]))[key]["n"] == 1


async def test_dialog_state_survives_a_restart(database):
    activity = TeamsSpace.channel().message("lägesrapport Kalmar")
    before_restart = ConversationState(SqlStorage(database, FakeClock().now))
    context = turn_context(activity)
    accessor = before_restart.create_property("DialogState")
    state = await accessor.get(context, DialogState)
    state.dialog_stack.append(DialogInstance(id="status_report", state={"region": "Kalmar"}))
    await before_restart.save_changes(context)

    after_restart = ConversationState(SqlStorage(database, FakeClock().now))
    context = turn_context(activity)
    restored = await after_restart.create_property("DialogState").get(context, DialogState)

    assert isinstance(restored, DialogState)
    [instance] = restored.dialog_stack
    assert isinstance(instance, DialogInstance)
    assert (instance.id, instance.state) == ("status_report", {"region": "Kalmar"})
