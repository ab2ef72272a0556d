"""Gear and health metrics read leniently and write back what the service expects."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from st_desktop.domain.gear import (
    ACTIVE,
    RETIRED,
    Gear,
    GearSummary,
    gear_for_workout,
    gear_id,
    new_gear,
)
from st_desktop.domain.metrics import (
    BODY_FAT,
    RESTING_HEARTRATE,
    WEIGHT,
    HealthMetrics,
    MetricPoint,
    check_value,
    fraction_to_percent,
    kg_to_lb,
    lb_to_kg,
    percent_to_fraction,
    points_to_json,
)

BASE = "https://api.sporttracks.mobi/api/v2"


def fpe_item(**overrides: Any) -> dict[str, Any]:
    """A gear object with the fields Forest Park Explorer reads, plus one it does not know."""
    item: dict[str, Any] = {
        "uri": f"{BASE}/gear/4711",
        "brand": "Brooks",
        "model": "Ghost 14",
        "status": "ACTIVE",
        "changed": "2021-03-04T05:06:07Z",
        "activities": [5522409, 5536217],
        "colour": "blue",
    }
    item.update(overrides)
    return item


def test_gear_reads_fpe_fields_and_keeps_unknown_ones_on_write() -> None:
    raw = fpe_item()
    gear = Gear.from_json(raw)
    assert (gear.id, gear.brand, gear.model, gear.status) == ("4711", "Brooks", "Ghost 14", ACTIVE)
    assert gear.activities == (5522409, 5536217)
    assert gear.changed == datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)
    assert gear.label == "Brooks Ghost 14"
    assert not gear.retired
    assert gear.to_json() == raw
    assert list(gear.to_json()) == list(raw)
    gear.to_json()["activities"].append(1)  # a fresh copy each time
    assert gear.to_json() == raw


def test_gear_is_lenient_about_what_it_reads() -> None:
    gear = Gear.from_json(
        fpe_item(
            activities=["12", 13.0, "x", None, True, -4, 12, 14.5],
            status="retired",
            type="Shoes",
            initial_distance="1500.5",
            purchase_date="2020-02-29T00:00:00Z",
            changed="yesterday",
            name=7,
        )
    )
    assert gear.activities == (12, 13)
    assert gear.retired
    assert gear.kind == "shoes"
    assert gear.initial_distance == 1500.5
    assert gear.purchase_date == date(2020, 2, 29)
    assert gear.changed is None
    assert gear.name == ""
    empty = Gear.from_json({})
    assert (empty.uri, empty.id, empty.status, empty.activities) == ("", "", ACTIVE, ())


def test_linking_and_unlinking_writes_integer_ids_in_order() -> None:
    gear = Gear.from_json(fpe_item())
    linked = gear.with_activity(f"{BASE}/fitnessActivities/5555562").with_activity(1)
    assert linked.uses(5555562)
    assert linked.uses("1")
    assert linked.to_json()["activities"] == [1, 5522409, 5536217, 5555562]
    unlinked = linked.with_activity(5522409, linked=False).with_activity(1, linked=False)
    assert unlinked.to_json()["activities"] == [5536217, 5555562]
    assert json.dumps(unlinked.to_json()["activities"]) == "[5536217, 5555562]"
    assert gear.activities == (5522409, 5536217)  # the original is untouched
    with pytest.raises(ValueError, match="workout id"):
        gear.with_activity("not-a-number")


def test_edits_and_links_replay_onto_a_fresher_copy() -> None:
    mine = Gear.from_json(fpe_item()).with_activity(777).with_activity(5522409, linked=False)
    mine = mine.with_changes(name="Daily trainers", retired=True)
    # Meanwhile another client linked 888 and changed the model.
    fresh = fpe_item(activities=[5522409, 5536217, 888], model="Ghost 14 GTX")
    merged = mine.rebase(fresh)
    sent = merged.to_json()
    assert sent["activities"] == [777, 888, 5536217]
    assert sent["model"] == "Ghost 14 GTX"
    assert (sent["name"], sent["status"]) == ("Daily trainers", RETIRED)
    assert merged.retired
    assert mine.with_changes(retired=False).to_json()["status"] == ACTIVE


def test_only_known_fields_can_be_edited() -> None:
    gear = Gear.from_json(fpe_item())
    with pytest.raises(TypeError, match="activities"):
        gear.with_changes(activities=[1])
    with pytest.raises(ValueError, match="text"):
        gear.with_changes(brand=5)
    with pytest.raises(ValueError, match="True or False"):
        gear.with_changes(retired="yes")
    assert gear.with_changes(kind="Bike").to_json()["type"] == "Bike"


def test_summaries_new_items_and_lookups() -> None:
    summary = GearSummary.from_json({"uri": f"{BASE}/gear/9/", "name": "", "brand": "Scott"})
    assert (summary.id, summary.label, summary.status) == ("9", "Scott", ACTIVE)
    assert GearSummary.from_json({"brand": "x"}).uri == ""
    assert gear_id(f"{BASE}/gear/40001?x=1") == "40001"
    body = new_gear("bike", "Canyon", "Endurace", purchase_date=date(2024, 4, 1))
    assert body == {
        "name": "",
        "brand": "Canyon",
        "model": "Endurace",
        "type": "bike",
        "status": "ACTIVE",
        "purchase_date": "2024-04-01",
        "activities": [],
    }
    items = [Gear.from_json(fpe_item()), Gear.from_json(fpe_item(activities=[1]))]
    assert gear_for_workout(items, f"{BASE}/fitnessActivities/5536217") == items[:1]


def test_metrics_read_leniently_sorted_one_point_per_instant() -> None:
    metrics = HealthMetrics.from_json(
        {
            "weight": [
                ["2024-05-02T06:00:00Z", "70.5"],
                ["2024-05-01T08:00:00+02:00", 71],
                ["2024-05-01T06:00:00Z", 71.2],
                ["bad", 1],
                ["2024-05-03T06:00:00Z"],
                ["2024-05-04T06:00:00Z", None],
                "x",
            ],
            "bodyFat": [["2024-05-01T06:00:00Z", 0.151]],
            "steps": "not a list",
        }
    )
    weight = metrics.points(WEIGHT)
    assert [p.value for p in weight] == [71.2, 70.5]  # 08:00+02:00 == 06:00Z: the last wins
    assert weight[0].timestamp == datetime(2024, 5, 1, 6, tzinfo=UTC)
    assert metrics.latest(BODY_FAT) == MetricPoint(
        BODY_FAT, datetime(2024, 5, 1, 6, tzinfo=UTC), 0.151
    )
    assert metrics.latest(RESTING_HEARTRATE) is None
    assert "steps" not in metrics.series
    assert metrics.value_at(WEIGHT, datetime(2024, 5, 1, 23)) == 71.2
    assert metrics.value_at(WEIGHT, datetime(2024, 4, 1, tzinfo=UTC)) is None
    assert HealthMetrics.from_json(["weight"]).series == {}


def test_points_serialise_in_utc_and_null_deletes() -> None:
    cest = timezone(timedelta(hours=2))
    points = [
        MetricPoint(WEIGHT, datetime(2024, 5, 1, 8, 0, 0, 500_000, tzinfo=cest), 70.9),
        MetricPoint(BODY_FAT, datetime(2024, 5, 1, 6, 0), 0.15),
        MetricPoint(WEIGHT, datetime(2024, 5, 2, 6, 0, tzinfo=UTC), None),
    ]
    assert points[2].deletes
    assert not points[0].deletes
    assert points_to_json(points) == {
        "weight": [["2024-05-01T06:00:00Z", 70.9], ["2024-05-02T06:00:00Z", None]],
        "bodyFat": [["2024-05-01T06:00:00Z", 0.15]],
    }


@pytest.mark.parametrize(
    ("metric", "value", "message"),
    [
        (BODY_FAT, 7.8, "0.078"),
        (WEIGHT, 0.0, "between"),
        (WEIGHT, float("nan"), "between"),
        (RESTING_HEARTRATE, 400, "bpm"),
        ("steps", 1000, "no health metric"),
    ],
)
def test_implausible_values_are_refused_with_a_sentence(
    metric: str, value: float, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        check_value(metric, value)
    with pytest.raises(ValueError, match=message):
        points_to_json([MetricPoint(metric, datetime(2024, 1, 1, tzinfo=UTC), value)])
    with pytest.raises(ValueError, match="no health metric"):
        points_to_json([MetricPoint("steps", datetime(2024, 1, 1, tzinfo=UTC), None)])


def test_unit_conversions() -> None:
    assert kg_to_lb(68) == pytest.approx(149.914, abs=1e-3)
    assert lb_to_kg(kg_to_lb(71.3)) == pytest.approx(71.3)
    assert fraction_to_percent(0.078) == pytest.approx(7.8)
    assert percent_to_fraction(7.8) == pytest.approx(0.078)
