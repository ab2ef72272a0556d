"""Packages hand on names from heavy modules without importing them up front."""

from __future__ import annotations

import subprocess
import sys

import pytest

import st_desktop.parsers
from st_desktop.lazy import lazy_attributes


def test_a_name_is_read_from_its_module_and_an_unknown_one_is_an_attribute_error() -> None:
    read = lazy_attributes("pkg", {"dumps": "json"})
    import json

    assert read("dumps") is json.dumps
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'loads'"):
        read("loads")
    assert not hasattr(st_desktop.parsers, "no_such_reader")


def test_importing_the_parsers_and_api_packages_loads_neither_readers_nor_requests() -> None:
    script = (
        "import sys, st_desktop.parsers, st_desktop.api, st_desktop.services.account\n"
        "print(sorted(m for m in ('lxml', 'requests', 'keyring') if m in sys.modules))\n"
        "from st_desktop.parsers import parse_bytes, edit\n"
        "print('lxml' in sys.modules, edit.__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["[]", "True st_desktop.parsers.edit"]
