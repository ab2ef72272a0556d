"""A workout as the service's own JSON, for the ``json`` export format.

The object is the one the service returned (:meth:`Workout.to_json`: its keys in the service's
order, unknown keys and values untouched, local edits applied), indented for reading.
"""

from __future__ import annotations

import json

from st_desktop.domain.workout import Workout


def workout_json_bytes(workout: Workout, *, indent: int | None = 2) -> bytes:
    """The workout's JSON as UTF-8 (non-ASCII text kept as it is), ending with a newline.

    Args:
        workout: a full workout (with its laps and streams).
        indent: spaces per level; None for one compact line.
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(workout.to_json(), ensure_ascii=False, indent=indent, separators=separators)
    return (text + "\n").encode("utf-8")
