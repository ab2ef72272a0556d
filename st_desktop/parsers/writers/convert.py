"""A downloaded workout (contract section 3) as an :class:`Activity`, the one input of the writers.

The service gives every stream its own offsets; they are aligned on one time axis as for the
detail charts (:meth:`Track.from_workout`: the union of the offsets, values interpolated
between a stream's own samples, NaN outside its span, speed derived from distance). Timer stops
become pauses, the service's laps become laps (a workout without laps gets one covering it), and
the workout's own totals are the summary, completed by figures computed from the streams where
the service has none.

What an :class:`Activity` has no place for (the workout's id and address, privacy, place name)
is in :class:`WorkoutMeta`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from st_desktop.domain.activity import STREAM_NAMES, Activity, Lap, Pause, Streams, Summary
from st_desktop.domain.track import Track
from st_desktop.domain.workout import Lap as WorkoutLap
from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.parsers.summary import compute_summary
from st_desktop.parsers.writers.errors import NoStartTimeError

#: ``Activity.format`` of an activity made from a downloaded workout.
WORKOUT_FORMAT = "SportTracks"


@dataclass(frozen=True)
class WorkoutMeta:
    """What the writers need from a workout besides its :class:`Activity`.

    Attributes:
        id: the workout id (last path segment of ``uri``), None for one not in the account.
        uri: the workout's API address.
        activity_url: its web page.
        privacy: "public", "friends", "private" ... as the service says.
        location_name: the named place, "" when none.
    """

    id: str | None = None
    uri: str | None = None
    activity_url: str | None = None
    privacy: str | None = None
    location_name: str = ""

    @classmethod
    def from_workout(cls, workout: Workout | WorkoutSummary) -> WorkoutMeta:
        """The meta data of a full workout or of a list item."""
        if isinstance(workout, Workout):
            return cls(
                id=workout.id,
                uri=workout.uri,
                activity_url=workout.activity_url,
                privacy=workout.privacy,
                location_name=workout.location_name,
            )
        raw = workout.raw
        privacy = raw.get("privacy") or raw.get("sharing")
        return cls(
            id=workout.id,
            uri=workout.uri,
            activity_url=raw.get("activity") if isinstance(raw.get("activity"), str) else None,
            privacy=privacy if isinstance(privacy, str) else None,
        )


def workout_summary(workout: Workout | WorkoutSummary) -> Summary:
    """The workout's own totals as a :class:`Summary` (None where the service has none)."""
    return Summary(
        distance=workout.total_distance,
        elapsed_time=workout.clock_duration,
        moving_time=workout.duration,
        elevation_gain=workout.elevation_gain,
        elevation_loss=workout.elevation_loss,
        avg_heartrate=workout.avg_heartrate,
        max_heartrate=workout.max_heartrate,
        avg_cadence=workout.avg_cadence,
        max_cadence=workout.max_cadence,
        avg_power=workout.avg_power,
        max_power=workout.max_power,
        avg_speed=workout.avg_speed,
        max_speed=workout.max_speed,
        calories=workout.calories,
    )


def _lap_summary(lap: WorkoutLap) -> Summary:
    return Summary(
        distance=lap.distance,
        elapsed_time=lap.clock_duration if lap.clock_duration is not None else lap.duration,
        moving_time=lap.duration if lap.duration is not None else lap.clock_duration,
        elevation_gain=lap.elevation_gain,
        elevation_loss=lap.elevation_loss,
        avg_heartrate=lap.avg_heartrate,
        max_heartrate=lap.max_heartrate,
        avg_cadence=lap.avg_cadence,
        max_cadence=lap.max_cadence,
        avg_power=lap.avg_power,
        max_power=lap.max_power,
        avg_speed=lap.avg_speed,
        max_speed=lap.max_speed,
        calories=lap.calories,
    )


def _laps(workout: Workout, start: datetime, summary: Summary) -> list[Lap]:
    """The workout's laps on the activity's axis; a lap without a start follows the one before."""
    laps: list[Lap] = []
    cursor = 0.0
    for item in workout.laps:
        figures = _lap_summary(item)
        begin = (item.start_time - start).total_seconds() if item.start_time else cursor
        begin = max(0.0, begin)
        laps.append(Lap(begin, figures, "rest" if item.is_rest else "active"))
        cursor = begin + (figures.elapsed_time or 0.0)
    laps.sort(key=lambda lap: lap.start)
    return laps or [Lap(0.0, summary)]


def _pauses(workout: Workout, start: datetime, end: float) -> list[Pause]:
    """Timer stops as pauses within [0, end], overlapping ones merged."""
    pauses: list[Pause] = []
    for stop in sorted(workout.timer_stops, key=lambda s: s.stopped_at):
        begin = max(0.0, (stop.stopped_at - start).total_seconds())
        finish = min(end, (stop.resumed_at - start).total_seconds())
        if finish <= begin:
            continue
        if pauses and begin <= pauses[-1].end:
            pauses[-1] = Pause(pauses[-1].start, max(pauses[-1].end, finish))
        else:
            pauses.append(Pause(begin, finish))
    return pauses


def workout_to_activity(workout: Workout) -> Activity:
    """A downloaded workout as an :class:`Activity` (see the module docstring).

    Raises:
        NoStartTimeError: the workout has no readable start time, so nothing can be dated.
    """
    start = workout.start_time
    if start is None:
        raise NoStartTimeError()
    track = Track.from_workout(workout)
    streams = Streams.from_columns({name: track.channel(name) for name in STREAM_NAMES}, len(track))
    recorded = workout_summary(workout)
    last_sample = float(np.nanmax(track.time)) if len(track) else 0.0
    end = max(recorded.elapsed_time or 0.0, last_sample)
    pauses = _pauses(workout, start, end)
    computed = compute_summary(streams, pauses, end, begin=0.0)
    summary = recorded.merged_over(computed)
    return Activity(
        format=WORKOUT_FORMAT,
        start_time=start,
        sport=workout.type,
        streams=streams,
        laps=_laps(workout, start, summary),
        pauses=pauses,
        summary=summary,
        computed_summary=computed,
        recorded_summary=recorded,
        name=workout.name or None,
        notes=workout.notes or None,
        source_name=workout.id,
    )
