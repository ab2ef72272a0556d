"""``/gear``: the account's bikes and shoes (contract section 6, as Forest Park Explorer uses it).

FPE is the only known client: it reads ``GET /gear?pageSize=1000``, follows each item's ``uri``,
reads ``brand``, ``model``, ``status`` ("ACTIVE"), ``changed`` and ``activities`` (integer workout
ids), and links or unlinks a workout by PUTting the whole object back **[CLIENT S9]**. Everything
else here is ASSUMPTION [INF], chosen to be unsurprising:

* ``GET /gear`` answers the envelope of the workout list: ``{"size": "N", "items": [...]}`` with
  ``size`` a string, 0-based ``page``, default ``pageSize`` 25 (clamped at 1000), ``previous`` /
  ``next`` links when there are such pages. An item is the summary
  ``{"uri", "name", "brand", "model", "type", "status"}``; items come oldest first.
* ``GET {uri}`` answers the full object, keys in this order: ``uri, name, brand, model, type,
  status, purchase_date`` (when known, ``YYYY-MM-DD``), ``initial_distance`` (metres before the
  first linked workout), ``total_distance`` (read-only: initial distance plus the linked
  workouts' distance), ``notes`` (when set), ``changed`` (UTC, whole seconds, ``Z``) and
  ``activities`` (ascending).
* ``PUT {uri}`` replaces the object: fields left out take their defaults and a missing
  ``activities`` unlinks everything. ``uri``, ``changed`` and ``total_distance`` are read-only:
  the server stamps ``changed`` with its own clock. ``activities`` must be JSON integers (a
  string or ``12.0`` is refused with 400); ids of workouts that do not exist (any more) are
  dropped, so writing back a list read before a workout was deleted still works. ``status`` is
  ``ACTIVE`` or ``RETIRED`` (any case). The answer is the stored object, as a GET would give it.
* ``POST /gear`` creates an item from the same object and answers ``{"size": 1, "uris": [uri]}``
  like a workout create; no known client does this, but a desktop client adding new shoes would.
* Deleting a workout unlinks it from every item (see :meth:`Store.delete_workout`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from werkzeug.wrappers import Request, Response

from st_desktop.sandbox.faults import Counter, Faults
from st_desktop.sandbox.ingest import IngestError
from st_desktop.sandbox.params import json_body, page_args
from st_desktop.sandbox.responses import error_response, json_response
from st_desktop.sandbox.store import MAX_ID, Doc, Store
from st_desktop.sandbox.wire import number

STATUSES = ("ACTIVE", "RETIRED")
_TEXT_FIELDS = ("name", "brand", "model", "notes")
#: Keys of a list item after ``uri`` (ASSUMPTION: FPE reads only ``uri`` from the list).
_SUMMARY_KEYS = ("name", "brand", "model", "type", "status")
_MAX_TEXT = 200
_MAX_LINKS = 100_000


def gear_uri(api_base: str, gear_id: int) -> str:
    """The absolute ``uri`` of a gear item."""
    return f"{api_base}/gear/{gear_id}"


def utc_stamp(epoch: float) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` for an epoch time (how ``changed`` is written)."""
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_gear(body: Any) -> tuple[Doc, list[int]]:
    """Check a gear object a client sent; returns the stored document and the linked ids.

    Raises:
        IngestError: the body is not an acceptable gear object (the message says why).
    """
    if not isinstance(body, dict):
        raise IngestError("the body must be a JSON object")
    doc: Doc = {}
    for key in _TEXT_FIELDS:
        value = body.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str) or len(value) > _MAX_TEXT:
            raise IngestError(f"{key} must be text of at most {_MAX_TEXT} characters")
        doc[key] = value.strip()
    kind = body.get("type") or "other"
    if not isinstance(kind, str) or len(kind) > 40:
        raise IngestError("type must be text such as 'bike' or 'shoes'")
    doc["type"] = kind.strip().lower() or "other"
    status = body.get("status") or "ACTIVE"
    if not isinstance(status, str) or status.strip().upper() not in STATUSES:
        raise IngestError("status must be 'ACTIVE' or 'RETIRED'")
    doc["status"] = status.strip().upper()
    doc["purchase_date"] = _purchase_date(body.get("purchase_date"))
    initial = body.get("initial_distance", 0)
    if initial is None:
        initial = 0
    if isinstance(initial, bool) or not isinstance(initial, int | float):
        raise IngestError("initial_distance must be a number of metres")
    if not math.isfinite(initial) or not 0 <= initial < 1e9:
        raise IngestError("initial_distance must be between 0 and 1e9 metres")
    doc["initial_distance"] = float(initial)
    return doc, _activity_ids(body.get("activities"))


def _purchase_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise IngestError("purchase_date must be a date, YYYY-MM-DD")


def _activity_ids(value: Any) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > _MAX_LINKS:
        raise IngestError("activities must be an array of workout ids")
    for item in value:
        # FPE compares with parseInt(id): the ids are JSON integers, never strings.
        if isinstance(item, bool) or not isinstance(item, int):
            raise IngestError(f"activities must hold integer workout ids, not {item!r:.40}")
    return sorted({item for item in value if 0 < item <= MAX_ID})


class GearBook:
    """Gear storage over the sandbox store.

    Args:
        store: the account's database.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def count(self) -> int:
        """Number of gear items."""
        with self._store.reading() as db:
            return int(db.execute("SELECT COUNT(*) FROM gear").fetchone()[0])

    def page(self, offset: int, limit: int) -> list[tuple[int, Doc]]:
        """Gear items in id order."""
        with self._store.reading() as db:
            rows = db.execute(
                "SELECT id, doc FROM gear ORDER BY id LIMIT ? OFFSET ?", (limit, offset)
            ).fetchall()
        return [(int(row[0]), json.loads(row[1])) for row in rows]

    def get(self, gear_id: int) -> tuple[Doc, list[int], float] | None:
        """An item's document, linked workout ids and linked distance (m); None when unknown."""
        if not 0 < gear_id <= MAX_ID:
            return None
        with self._store.reading() as db:
            row = db.execute("SELECT doc FROM gear WHERE id = ?", (gear_id,)).fetchone()
            if row is None:
                return None
            links = [
                int(r[0])
                for r in db.execute(
                    "SELECT workout_id FROM gear_links WHERE gear_id = ? ORDER BY workout_id",
                    (gear_id,),
                )
            ]
            distance = db.execute(
                "SELECT TOTAL(CAST(json_extract(w.doc, '$.total_distance') AS REAL)) "
                "FROM gear_links l JOIN workouts w ON w.id = l.workout_id WHERE l.gear_id = ?",
                (gear_id,),
            ).fetchone()[0]
        return json.loads(row[0]), links, float(distance)

    def put(self, gear_id: int | None, doc: Doc, links: list[int]) -> int | None:
        """Create (``gear_id`` None) or replace an item; None when replacing an unknown one.

        Links to workouts that do not exist are dropped.
        """
        with self._store.transaction() as db:
            if gear_id is None:
                cursor = db.execute("INSERT INTO gear (doc) VALUES (?)", (json.dumps(doc),))
                gear_id = int(cursor.lastrowid or 0)
            elif (
                not 0 < gear_id <= MAX_ID
                or not db.execute(
                    "UPDATE gear SET doc = ? WHERE id = ?", (json.dumps(doc), gear_id)
                ).rowcount
            ):
                return None
            db.execute("DELETE FROM gear_links WHERE gear_id = ?", (gear_id,))
            db.execute(
                "INSERT INTO gear_links (gear_id, workout_id) SELECT ?, id FROM workouts "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (gear_id, json.dumps(links)),
            )
        return gear_id

    def insert_many(self, items: list[tuple[Doc, list[int]]]) -> list[int]:
        """Create several items in one transaction (the demo account); returns their ids."""
        ids: list[int] = []
        with self._store.transaction() as db:
            for doc, links in items:
                cursor = db.execute("INSERT INTO gear (doc) VALUES (?)", (json.dumps(doc),))
                gear_id = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT OR IGNORE INTO gear_links (gear_id, workout_id) VALUES (?, ?)",
                    [(gear_id, workout_id) for workout_id in links],
                )
                ids.append(gear_id)
        return ids


def full_object(gear_id: int, doc: Doc, links: list[int], linked: float, api_base: str) -> Doc:
    """The full gear object in its wire key order."""
    body: Doc = {"uri": gear_uri(api_base, gear_id)}
    for key in ("name", "brand", "model", "type", "status"):
        body[key] = doc.get(key, "")
    if doc.get("purchase_date"):
        body["purchase_date"] = doc["purchase_date"]
    initial = float(doc.get("initial_distance") or 0.0)
    body["initial_distance"] = number(initial, 3)
    body["total_distance"] = number(initial + linked, 3)
    if doc.get("notes"):
        body["notes"] = doc["notes"]
    body["changed"] = doc.get("changed", "")
    body["activities"] = links
    return body


class GearEndpoints:
    """The HTTP side of ``/gear`` (authentication and generic faults are the app's).

    Args:
        store: the account's database.
        faults: the fault switches (error bodies, dropped writes).
        clock: epoch seconds now (stamps ``changed``).
        maybe_drop: drops the connection when a ``drop_*`` fault counter says so.
    """

    def __init__(
        self,
        store: Store,
        faults: Faults,
        clock: Callable[[], float],
        maybe_drop: Callable[[Counter], None],
    ) -> None:
        self.book = GearBook(store)
        self._faults = faults
        self._clock = clock
        self._maybe_drop = maybe_drop

    def listing(self, request: Request, api_base: str) -> Response:
        """``GET /gear``."""
        page, size = page_args(request)
        total = self.book.count()
        items = [
            {"uri": gear_uri(api_base, gear_id), **{k: doc.get(k, "") for k in _SUMMARY_KEYS}}
            for gear_id, doc in self.book.page(page * size, size)
        ]
        body: Doc = {"size": str(total), "items": items}
        link = f"{api_base}/gear?"
        if page > 0:
            body["previous"] = link + urlencode({"page": page - 1, "pageSize": size})
        if (page + 1) * size < total:
            body["next"] = link + urlencode({"page": page + 1, "pageSize": size})
        return json_response(body)

    def get(self, api_base: str, gear_id: int) -> Response:
        """``GET /gear/{id}``."""
        found = self.book.get(gear_id)
        if found is None:
            return error_response(404, f"no gear {gear_id}", self._faults)
        return json_response(full_object(gear_id, *found, api_base))

    def replace(self, request: Request, api_base: str, gear_id: int) -> Response:
        """``PUT /gear/{id}``: replace the whole item."""
        doc, links = normalize_gear(json_body(request))
        doc["changed"] = utc_stamp(self._clock())
        self._maybe_drop("drop_before_store")
        if self.book.put(gear_id, doc, links) is None:
            return error_response(404, f"no gear {gear_id}", self._faults)
        self._maybe_drop("drop_after_store")
        return self.get(api_base, gear_id)

    def create(self, request: Request, api_base: str) -> Response:
        """``POST /gear``: a new item; answers ``{"size": 1, "uris": [uri]}`` (ASSUMPTION)."""
        doc, links = normalize_gear(json_body(request))
        doc["changed"] = utc_stamp(self._clock())
        self._maybe_drop("drop_before_store")
        gear_id = self.book.put(None, doc, links)
        self._maybe_drop("drop_after_store")
        return json_response({"size": 1, "uris": [gear_uri(api_base, int(gear_id or 0))]})
