"""Watches and bike computers plugged in over USB, found by the folders they keep activities in.

A device is a mounted volume (a folder under a mount root) holding one of the layouts below.
Mount roots: Linux ``/media/$USER``, ``/run/media/$USER``, ``/mnt`` and the gvfs MTP mounts
under ``/run/user/$UID/gvfs``; macOS ``/Volumes``; Windows every removable drive
(``GetLogicalDrives`` + ``GetDriveTypeW == DRIVE_REMOVABLE``). ``ST_DESKTOP_MOUNT_ROOTS``
(``os.pathsep``-separated) replaces them (tests, unusual mounts).

================================  ==============================  ====================  ======
Device                            Activities (any letter case)    Connection            Source
================================  ==============================  ====================  ======
Garmin watches and Edge units     ``GARMIN/Activity/*.fit``       USB mass storage      [1]_
Garmin outdoor units, newer       ``Garmin/Activities/*.fit``     mass storage or MTP   [2]_
watches (eTrex, Montana, inReach)
Wahoo ELEMNT ACE, BOLT 3, ROAM 3  ``exports/*.fit``; the volume   MTP (Linux gvfs)      [3]_
                                  name must say Wahoo or ELEMNT
================================  ==============================  ====================  ======

.. [1] github.com/Leberwurscht/vivosmart, README: the log files "can be retrieved from the
   folders GARMIN/ACTIVITY and GARMIN/MONITOR" in USB mass storage mode.
.. [2] gpsrchive.com "Files & Folders" pages (eTrex SE, Montana 7x0, inReach Mini 3):
   ``Garmin\\Activities\\`` holds the activity logs (``*.fit``), under "Internal Storage" over MTP.
.. [3] support.wahoofitness.com, "Connect an ACE, BOLT 3, or ROAM 3 to a desktop/laptop
   computer": file transfer over MTP; completed rides are in the ``exports`` folder.

Not supported, because they expose no activity files: Polar (FlowSync talks a private protocol
over USB), Suunto (synced by the Suunto app), COROS, Hammerhead Karoo and Bryton (synced by
their apps; no documented file layout found). On macOS and Windows an MTP device is not a
mounted folder, so Wahoo and MTP-only Garmins are found on Linux (gvfs) only.

A device is known by its serial where it gives one (``GARMIN/GarminDevice.xml``: ``<Id>``, and
the model name from ``<Description>``), else by its volume's name. Nothing here blocks for
long, but it does I/O: the owner polls from a worker.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from st_desktop.services.watch import is_activity_name

log = logging.getLogger(__name__)

MOUNT_ROOTS_ENV = "ST_DESKTOP_MOUNT_ROOTS"
#: Polls during which a new volume without a known layout is looked at again (a watch mounts
#: its volume a moment before its folders can be listed).
IDENTIFY_POLLS = 10
_MAX_XML = 1_000_000
DRIVE_REMOVABLE = 2


@dataclass(frozen=True)
class Layout:
    """Where one kind of device keeps its activities.

    Attributes:
        vendor: shown to the user.
        folders: activity folders relative to the volume, matched case-insensitively.
        name_hint: a pattern the volume's path must match (for generic folder names).
    """

    vendor: str
    folders: tuple[str, ...]
    name_hint: str | None = None


LAYOUTS: tuple[Layout, ...] = (
    Layout("Garmin", ("GARMIN/Activity", "Garmin/Activities")),
    Layout("Wahoo", ("exports",), name_hint=r"wahoo|elemnt"),
)


@dataclass(frozen=True)
class Device:
    """A device found on a mounted volume.

    Attributes:
        id: stable across plug-ins: ``garmin:<serial>`` or ``volume:<name>``.
        name: for people ("Forerunner 255", or the volume's name).
        vendor: "Garmin", "Wahoo".
        volume: the mounted volume.
        folders: its activity folders.
    """

    id: str
    name: str
    vendor: str
    volume: Path
    folders: tuple[Path, ...] = field(default=())

    @property
    def source(self) -> str:
        """The import log's name for this device."""
        return f"device:{self.id}"


@dataclass(frozen=True)
class DeviceFile:
    """An activity file on a device."""

    path: Path
    rel: str
    size: int
    mtime_ns: int


def mount_roots(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> list[Path]:
    """Where removable volumes are mounted on this system (``ST_DESKTOP_MOUNT_ROOTS`` wins)."""
    env = os.environ if environ is None else environ
    override = env.get(MOUNT_ROOTS_ENV)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    if platform == "darwin":
        return [Path("/Volumes")]
    if platform == "win32":
        return _removable_drives()
    user = env.get("USER") or env.get("LOGNAME") or ""
    roots = [Path("/media", user), Path("/run/media", user)] if user else []
    roots.append(Path("/mnt"))
    if hasattr(os, "getuid"):
        roots.append(Path(f"/run/user/{os.getuid()}/gvfs"))
    return roots


def _removable_drives() -> list[Path]:
    drives: list[Path] = []
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        mask = kernel.GetLogicalDrives()
        for index in range(26):
            root = f"{chr(ord('A') + index)}:\\"
            if mask & (1 << index) and kernel.GetDriveTypeW(root) == DRIVE_REMOVABLE:
                drives.append(Path(root))
    return drives


def _child(folder: Path, name: str) -> Path | None:
    """``folder/name`` matched case-insensitively (FAT volumes, Linux mounts)."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    if name in entries:
        return folder / name
    lower = name.lower()
    return next((folder / e for e in sorted(entries) if e.lower() == lower), None)


def find_folder(volume: Path, relative: str) -> Path | None:
    """``volume/relative`` (slash-separated), each part matched case-insensitively."""
    current: Path | None = volume
    for part in relative.split("/"):
        current = _child(current, part) if current is not None else None
    return current if current is not None and current.is_dir() else None


def identify(volume: Path, label: str | None = None) -> Device | None:
    """The device on ``volume``, or None when it holds no known layout."""
    for layout in LAYOUTS:
        shown = label or volume.name
        if layout.name_hint and not re.search(layout.name_hint, str(volume), re.IGNORECASE):
            continue
        folders = tuple(f for r in layout.folders if (f := find_folder(volume, r)) is not None)
        if not folders:
            continue
        serial, model = (
            _garmin_identity(folders[0].parent) if layout.vendor == "Garmin" else ("", "")
        )
        if serial:
            return Device(
                f"garmin:{serial}", model or "Garmin device", layout.vendor, volume, folders
            )
        return Device(f"volume:{shown}", model or shown, layout.vendor, volume, folders)
    return None


def _garmin_identity(garmin: Path) -> tuple[str, str]:
    """Serial and model from ``GarminDevice.xml`` ("" when it cannot be read)."""
    xml = _child(garmin, "GarminDevice.xml")
    if xml is None:
        return "", ""
    try:
        with xml.open("rb") as handle:
            data = handle.read(_MAX_XML)
    except OSError:
        return "", ""
    # The manifest is machine-written; two fields are all we need, so no XML parser is
    # involved (nothing to resolve, nothing to recover from).
    serial = re.search(rb"<Id>\s*(\d+)\s*</Id>", data)
    model = re.search(rb"<Description>\s*([^<]{1,80}?)\s*</Description>", data)
    return (
        serial.group(1).decode() if serial else "",
        model.group(1).decode("utf-8", "replace") if model else "",
    )


def list_activities(device: Device) -> list[DeviceFile]:
    """The activity files on ``device``, oldest first (by modification time)."""
    found: list[DeviceFile] = []
    for folder in device.folders:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            log.info("cannot list %s: %s", folder, exc)
            continue
        for entry in entries:
            if not is_activity_name(entry.name):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_size > 0:
                path = Path(entry.path)
                rel = path.relative_to(device.volume).as_posix()
                found.append(DeviceFile(path, rel, info.st_size, info.st_mtime_ns))
    return sorted(found, key=lambda f: (f.mtime_ns, f.rel))


@dataclass(frozen=True)
class DeviceChanges:
    """What one poll found: devices plugged in and devices gone."""

    appeared: list[Device]
    gone: list[Device]

    def __bool__(self) -> bool:
        return bool(self.appeared or self.gone)


class DeviceMonitor:
    """Finds devices as they are mounted and unmounted; call :meth:`poll` from a worker.

    Args:
        roots: the mount roots (default: :func:`mount_roots`, read at every poll so a root
            that appears later, like ``/run/media/$USER``, is found).
    """

    def __init__(self, roots: Callable[[], Iterable[Path]] = mount_roots) -> None:
        self._roots = roots
        self._devices: dict[Path, Device] = {}
        self._unknown: dict[Path, int] = {}  # volume -> polls it was looked at
        self._storages: dict[Path, list[Path]] = {}  # gvfs MTP host -> its storages

    @property
    def connected(self) -> list[Device]:
        """Devices mounted at the last poll."""
        return list(self._devices.values())

    def poll(self) -> DeviceChanges:
        """Look at the mount roots; say which devices appeared and which are gone."""
        volumes = set(self._volumes())
        gone = [d for v, d in self._devices.items() if v not in volumes]
        for lost in gone:
            del self._devices[lost.volume]
        self._unknown = {v: n for v, n in self._unknown.items() if v in volumes}
        appeared = []
        for volume in sorted(volumes - set(self._devices)):
            tries = self._unknown.get(volume, 0)
            if tries >= IDENTIFY_POLLS:
                continue
            device = identify(volume)
            if device is None:
                self._unknown[volume] = tries + 1
                continue
            self._unknown.pop(volume, None)
            self._devices[volume] = device
            appeared.append(device)
            log.info("device found: %s (%s) at %s", device.name, device.id, volume)
        return DeviceChanges(appeared, gone)

    def _volumes(self) -> Iterable[Path]:
        seen_hosts = set()
        for root in self._roots():
            if _is_volume(root):  # a Windows drive is a root and a volume at once
                yield root
                continue
            gvfs = "gvfs" in root.parts
            for child in _subdirs(root):
                if not gvfs:
                    yield child
                elif child.name.startswith("mtp:"):  # not smb:, sftp: ... (network shares)
                    # mtp:host=.../<storage>/GARMIN: the storages are listed once per plug-in,
                    # as listing an MTP device is slow.
                    seen_hosts.add(child)
                    if child not in self._storages:
                        self._storages[child] = _subdirs(child)
                    yield child
                    yield from self._storages[child]
        self._storages = {h: s for h, s in self._storages.items() if h in seen_hosts}


def _is_volume(root: Path) -> bool:
    return root.anchor == str(root) and sys.platform == "win32"


def _subdirs(folder: Path) -> list[Path]:
    try:
        return sorted(e for e in folder.iterdir() if e.is_dir() and not e.name.startswith("."))
    except OSError:
        return []
