"""Bulk edits against the sandbox: each workout read-modify-written, undo exact, failures kept."""

from __future__ import annotations

from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.bulk_edit import BulkChanges
from st_desktop.services.workouts import WorkoutService
from st_desktop.store.cache import WorkoutCache, WorkoutQuery


def test_a_bulk_edit_keeps_every_other_field_and_undo_restores_exactly(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    uris = [s.uri or "" for s in cache.page(account.key, WorkoutQuery(), 0, 3)]
    client = account.require_client()
    before = {uri: client.get_workout(uri).to_json() for uri in uris}
    result = service.edit_many(
        TaskContext(),
        account,
        [*uris, uris[0] + "404"],
        BulkChanges(type="Cycling: Road", notes_append="new bike"),
    )
    assert len(result.edited) + result.unchanged == 3
    assert len(result.failures) == 1  # the unknown workout, said in a sentence
    for uri in uris:
        now = client.get_workout(uri).to_json()
        assert now["type"] == "Cycling: Road"
        assert now["notes"].endswith("new bike")
        assert {k: v for k, v in now.items() if k not in ("type", "notes")} == {
            k: v for k, v in before[uri].items() if k not in ("type", "notes")
        }
        assert cache.summary(account.key, uri).type == "Cycling: Road"  # type: ignore[union-attr]
    undone = service.undo_edit_many(TaskContext(), account, result.edited)
    assert undone.failures == []
    for uri in uris:
        assert client.get_workout(uri).to_json() == before[uri]


def test_nothing_to_change_is_no_change() -> None:
    assert not BulkChanges()
    assert not BulkChanges(notes_append="   ")
    assert BulkChanges(privacy="private")
