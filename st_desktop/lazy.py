"""Names a package hands on from its modules, imported on first use (PEP 562).

The ``api`` and ``parsers`` packages, and the account service for the ui, re-export names whose
modules are heavy (requests, keyring, the readers): importing the package must not load them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` reading each name of ``where`` from its module on first use.

    Args:
        package: the module's ``__name__`` (for the error message).
        where: public name -> the module that defines it.
    """

    def read(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return read
