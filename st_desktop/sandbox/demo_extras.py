"""The demo account's gear and health metrics, generated from the seed like its workouts.

Gear: a road bike and a mountain bike, and two pairs of running shoes, the older pair retired
where the history's runs reach about three fifths. Rides go on the road bike, mountain rides
(and one ride in eight) on the mountain bike, runs on whichever shoes were current that day.

Health: two years of weight (a point every two to four days; a slow seasonal swing, heavier in
winter, over a slowly wandering baseline, plus day-to-day scatter), body fat every week or two
(following weight), resting heart rate every few days (a little lower in the training season).

Both are written once, right after the workouts, from what the store holds, so they link to the
demo's real workout ids. It takes a few milliseconds: the first start stays as quick as before.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

from st_desktop.sandbox.demo import DEMO_END, HISTORY_DAYS, WEIGHT_KG, local_zone
from st_desktop.sandbox.gear import GearBook, utc_stamp
from st_desktop.sandbox.metrics import MetricBook, Point
from st_desktop.sandbox.store import Doc, Store

#: Which demo workouts each item carries: the types it takes and, for shoes, when.
_ROAD_BIKE: Doc = {
    "name": "Road bike",
    "brand": "Canyon",
    "model": "Endurace CF 7",
    "type": "bike",
    "notes": "",
    "initial_distance": 1250000.0,
}
_MTB: Doc = {
    "name": "Mountain bike",
    "brand": "Scott",
    "model": "Spark 960",
    "type": "bike",
    "notes": "",
    "initial_distance": 0.0,
}
_OLD_SHOES: Doc = {
    "name": "Old trainers",
    "brand": "Brooks",
    "model": "Ghost 14",
    "type": "shoes",
    "notes": "Retired: worn through at the heel.",
    "initial_distance": 140000.0,
}
_NEW_SHOES: Doc = {
    "name": "Trainers",
    "brand": "Asics",
    "model": "Novablast 4",
    "type": "shoes",
    "notes": "",
    "initial_distance": 0.0,
}


def _day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch, UTC).date()


def demo_gear(seed: int, workouts: list[tuple[int, str, float]]) -> list[tuple[Doc, list[int]]]:
    """The demo gear and the workout ids linked to each item.

    Args:
        seed: the account's seed.
        workouts: ``(id, type, start epoch)`` of every workout, oldest first.
    """
    rng = random.Random(seed * 7919 + 17)
    rides = [(i, t) for i, t, _ in workouts if t.startswith("Cycling")]
    runs = [(i, e) for i, t, e in workouts if t.startswith("Running")]
    mtb = [i for i, t in rides if t == "Cycling: Mountain" or rng.random() < 0.125]
    mtb_set = set(mtb)
    road = [i for i, _ in rides if i not in mtb_set]
    switch = runs[int(len(runs) * 0.6)][1] if runs else 0.0
    old = [i for i, e in runs if e < switch]
    new = [i for i, e in runs if e >= switch]
    first = _day(workouts[0][2]) if workouts else DEMO_END
    last = _day(workouts[-1][2]) if workouts else DEMO_END
    switch_day = _day(switch) if runs else last
    items = [
        (_ROAD_BIKE, first - timedelta(days=rng.randint(200, 600)), "ACTIVE", last, road),
        (_MTB, first + timedelta(days=rng.randint(20, 90)), "ACTIVE", last, mtb),
        (_OLD_SHOES, first - timedelta(days=rng.randint(60, 150)), "RETIRED", switch_day, old),
        (_NEW_SHOES, switch_day - timedelta(days=rng.randint(1, 6)), "ACTIVE", last, new),
    ]
    out: list[tuple[Doc, list[int]]] = []
    for template, bought, status, changed, links in items:
        doc = {**template, "status": status, "purchase_date": bought.isoformat()}
        moment = datetime(changed.year, changed.month, changed.day, 18, tzinfo=UTC)
        doc["changed"] = utc_stamp(moment.timestamp() + rng.randint(0, 3 * 3600))
        out.append((doc, sorted(links)))
    return out


def demo_metrics(seed: int, end: date | None = None) -> list[Point]:
    """Two years of weight, body fat and resting heart rate ending on ``end``."""
    rng = random.Random(seed * 104729 + 3)
    last = end or DEMO_END
    day = last - timedelta(days=HISTORY_DAYS - 1)
    drift = 0.0
    points: list[Point] = []
    while day <= last:
        drift = 0.985 * drift + rng.gauss(0.0, 0.12)  # a baseline wandering by a kilo or so
        winter = math.cos((day.timetuple().tm_yday - 30) / 365.25 * 2 * math.pi)  # 1 in Jan
        weight = WEIGHT_KG + 1.1 * winter + drift + rng.gauss(0.0, 0.35)
        morning = datetime(day.year, day.month, day.day, 6, 30, tzinfo=local_zone(day))
        moment = morning + timedelta(minutes=rng.randint(0, 75), seconds=rng.randint(0, 59))
        epoch = int(moment.timestamp())
        points.append(("weight", epoch, round(weight, 1)))
        if rng.random() < 0.3:
            fat = 0.148 + 0.006 * (weight - WEIGHT_KG) + rng.gauss(0.0, 0.003)
            points.append(("bodyFat", epoch, round(fat, 3)))
        day += timedelta(days=rng.choice((2, 3, 3, 4)))
    day = last - timedelta(days=HISTORY_DAYS - 1) + timedelta(days=1)
    while day <= last:
        winter = math.cos((day.timetuple().tm_yday - 30) / 365.25 * 2 * math.pi)
        moment = datetime(day.year, day.month, day.day, 6, 15, tzinfo=local_zone(day))
        value = round(50 + 1.5 * winter + rng.gauss(0.0, 1.3))
        points.append(("restingHeartrate", int(moment.timestamp()), float(value)))
        day += timedelta(days=rng.randint(4, 9))
    return points


def write_demo_extras(store: Store, seed: int, end: date | None = None) -> None:
    """Write the demo gear (linked to the workouts the store holds) and health metrics."""
    with store.reading() as db:
        rows = db.execute(
            "SELECT id, json_extract(doc, '$.type'), start_epoch FROM workouts "
            "ORDER BY start_epoch, id"
        ).fetchall()
    workouts = [(int(i), str(t or ""), float(e)) for i, t, e in rows]
    GearBook(store).insert_many(demo_gear(seed, workouts))
    MetricBook(store).apply(demo_metrics(seed, end))
