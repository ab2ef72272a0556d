"""USB devices under a fake mount root: layouts, identity, plug and unplug."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from st_desktop.services.devices import (
    MOUNT_ROOTS_ENV,
    DeviceMonitor,
    find_folder,
    identify,
    list_activities,
    mount_roots,
)

GARMIN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Device xmlns="http://www.garmin.com/xmlschemas/GarminDevice/v2">
  <Model>
    <PartNumber>006-B3992-00</PartNumber>
    <SoftwareVersion>1410</SoftwareVersion>
    <Description>Forerunner 255</Description>
  </Model>
  <Id>3398765432</Id>
</Device>
"""


def garmin_volume(root: Path, name: str = "GARMIN", serial: bool = True) -> Path:
    """A Forerunner mounted as mass storage: ``GARMIN/ACTIVITY`` and its manifest."""
    volume = root / name
    activity = volume / "GARMIN" / "ACTIVITY"
    activity.mkdir(parents=True)
    if serial:
        (volume / "GARMIN" / "GarminDevice.xml").write_text(GARMIN_XML)
    (activity / "2024-05-04-07-12-05.FIT").write_bytes(b"fit" * 100)
    (activity / "2024-05-05-18-00-00.FIT").write_bytes(b"fit" * 120)
    (activity / "notes.txt").write_text("not an activity")
    (activity / "empty.FIT").write_bytes(b"")
    return volume


def test_the_environment_variable_replaces_the_mount_roots(tmp_path: Path) -> None:
    env = {MOUNT_ROOTS_ENV: f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}"}
    assert mount_roots(env) == [tmp_path / "a", tmp_path / "b"]


def test_default_mount_roots_per_system() -> None:
    linux = mount_roots({"USER": "ann"}, platform="linux")
    assert linux[:3] == [Path("/media/ann"), Path("/run/media/ann"), Path("/mnt")]
    assert any("gvfs" in root.parts for root in linux) == hasattr(os, "getuid")
    assert mount_roots({}, platform="darwin") == [Path("/Volumes")]


def test_a_garmin_is_known_by_its_serial_and_model(tmp_path: Path) -> None:
    device = identify(garmin_volume(tmp_path))
    assert device is not None
    assert device.id == "garmin:3398765432"
    assert device.name == "Forerunner 255"
    assert device.vendor == "Garmin"
    assert device.source == "device:garmin:3398765432"
    files = list_activities(device)
    assert [f.rel for f in files] == [
        "GARMIN/ACTIVITY/2024-05-04-07-12-05.FIT",
        "GARMIN/ACTIVITY/2024-05-05-18-00-00.FIT",
    ]  # no text file, no empty file
    assert files[1].size == 360


def test_without_a_manifest_the_volume_name_is_the_identity(tmp_path: Path) -> None:
    device = identify(garmin_volume(tmp_path, "EDGE 530", serial=False))
    assert device is not None
    assert (device.id, device.name) == ("volume:EDGE 530", "EDGE 530")


def test_the_newer_garmin_layout_matches_in_any_case(tmp_path: Path) -> None:
    volume = tmp_path / "Internal Storage"
    (volume / "garmin" / "ACTIVITIES").mkdir(parents=True)
    (volume / "garmin" / "ACTIVITIES" / "a.fit").write_bytes(b"1")
    assert find_folder(volume, "Garmin/Activities") == volume / "garmin" / "ACTIVITIES"
    device = identify(volume)
    assert device is not None
    assert device.folders == (volume / "garmin" / "ACTIVITIES",)


def test_a_usb_stick_is_not_a_device(tmp_path: Path) -> None:
    stick = tmp_path / "STICK"
    (stick / "exports").mkdir(parents=True)  # Wahoo's folder name, but no Wahoo here
    (stick / "exports" / "ride.fit").write_bytes(b"1")
    (stick / "photos").mkdir()
    assert identify(stick) is None


def test_a_wahoo_over_gvfs_mtp_is_found_two_levels_down(tmp_path: Path) -> None:
    gvfs = tmp_path / "gvfs"
    storage = gvfs / "mtp:host=Wahoo_Fitness_ELEMNT_BOLT_A1B2" / "Internal shared storage"
    (storage / "exports").mkdir(parents=True)
    (storage / "exports" / "2024-05-04-071205-ELEMNT BOLT A1B2-12-0.fit").write_bytes(b"w" * 9)
    share = gvfs / "smb-share:server=nas,share=backup"  # a network share is never looked into
    (share / "old watch" / "GARMIN" / "ACTIVITY").mkdir(parents=True)
    monitor = DeviceMonitor(lambda: [gvfs])
    changes = monitor.poll()
    assert [d.vendor for d in changes.appeared] == ["Wahoo"]
    assert len(list_activities(changes.appeared[0])) == 1


def test_plugging_in_unplugging_and_plugging_in_again(tmp_path: Path) -> None:
    root = tmp_path / "media"
    root.mkdir()
    monitor = DeviceMonitor(lambda: [root, tmp_path / "not there"])
    assert not monitor.poll()
    volume = garmin_volume(root)
    changes = monitor.poll()
    assert [d.id for d in changes.appeared] == ["garmin:3398765432"]
    assert not monitor.poll()  # still there: nothing new
    assert [d.name for d in monitor.connected] == ["Forerunner 255"]
    shutil.rmtree(volume)
    changes = monitor.poll()
    assert [d.id for d in changes.gone] == ["garmin:3398765432"]
    assert monitor.connected == []
    garmin_volume(root)
    assert [d.id for d in monitor.poll().appeared] == ["garmin:3398765432"]


def test_a_layout_appearing_after_the_volume_is_mounted_is_detected(tmp_path: Path) -> None:
    root = tmp_path / "media"
    volume = root / "GARMIN"
    volume.mkdir(parents=True)  # mounted, folders not listed yet
    monitor = DeviceMonitor(lambda: [root])
    assert not monitor.poll()
    (volume / "GARMIN" / "Activity").mkdir(parents=True)
    assert [d.vendor for d in monitor.poll().appeared] == ["Garmin"]


def test_a_volume_that_never_shows_a_layout_is_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "media"
    (root / "BACKUP").mkdir(parents=True)
    monitor = DeviceMonitor(lambda: [root])
    for _ in range(20):
        monitor.poll()
    (root / "BACKUP" / "GARMIN" / "ACTIVITY").mkdir(parents=True)
    assert not monitor.poll()  # given up on: a backup disk is not polled for ever
