"""Figures computed from streams: distance, times, elevation, averages (all vectorised).

Choices, so that numbers are explainable:

* Elapsed time runs from the start of the recording to its end: the first sample, or an earlier
  timer start or session start (FIT), to the last sample, or the later end of the session (FIT
  devices close it seconds to minutes after the last sample). Moving time is elapsed time minus
  the pauses (timer stops recorded by the device, including a final stop before the session was
  closed, or for formats without a timer the track breaks plus the standing-still gaps found by
  :func:`infer_pauses`).
* Distance is the device's cumulative distance stream when there is one (a stream that restarts
  from zero, as some multi-sport files do, is added up piece by piece); otherwise the great-circle
  sum over the GPS track.
* Elevation gain and loss use a 3 m dead band: the reference level only moves once the elevation
  has left it by more than 3 m, so barometer jitter and GPS altitude noise (a few metres up and
  down every few seconds) are not counted as climbing while every real climb still is. This is
  close to what Garmin and Strava report for barometric files.
* Averages are over samples with a value (cadence also skips zeros: coasting is not pedalling at
  0 rpm; power keeps zeros, as power meters count them). Average speed is distance / moving time.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import FloatArray, Pause, Streams, Summary

EARTH_RADIUS_M = 6_371_008.8
ELEVATION_DEAD_BAND_M = 3.0
#: A gap between samples this long (seconds) is taken as a pause in formats without a timer.
INFERRED_PAUSE_MIN_S = 60.0
#: Below this average speed (m/s) across such a gap, the athlete was standing still.
STILL_SPEED = 0.5


def haversine_steps(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Metres between consecutive positions (NaN where either end has no position)."""
    if len(lat) < 2:
        return np.zeros(0)
    phi = np.radians(lat)
    lam = np.radians(lon)
    dphi = phi[1:] - phi[:-1]
    dlam = lam[1:] - lam[:-1]
    a = np.sin(dphi / 2) ** 2 + np.cos(phi[:-1]) * np.cos(phi[1:]) * np.sin(dlam / 2) ** 2
    # Rounding can push a a hair outside [0, 1]; minimum/maximum are clip without its overhead.
    a = np.minimum(np.maximum(a, 0.0), 1.0)
    steps: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))
    return steps


def track_distance(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Cumulative metres along the track; NaN before the first fix, held across GPS gaps."""
    out = np.full(len(lat), np.nan)
    fix = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if not len(fix):
        return out
    steps = haversine_steps(lat[fix], lon[fix])
    cumulative = np.concatenate(([0.0], np.cumsum(steps)))
    if len(fix) == len(lat):
        return cumulative  # every sample has a fix: nothing to carry over
    out[fix] = cumulative
    # Carry the last known distance forward over samples without a fix.
    positions = np.maximum.accumulate(np.where(np.isfinite(out), np.arange(len(out)), -1))
    return np.where(positions >= 0, out[np.maximum(positions, 0)], np.nan)


def speed_from_distance(time: FloatArray, distance: FloatArray, window: int = 5) -> FloatArray:
    """m/s over a window of samples (the distance travelled over the time it took)."""
    n = len(time)
    out = np.full(n, np.nan)
    if n < 2:
        return out
    half = max(1, window // 2)
    index = np.arange(n)
    lo = np.maximum(index - half, 0)
    hi = np.minimum(index + half, n - 1)
    dt = time[hi] - time[lo]
    dd = distance[hi] - distance[lo]
    ok = (dt > 0) & np.isfinite(dd) & (dd >= 0)
    out[ok] = dd[ok] / dt[ok]
    return out


def total_distance(distance: FloatArray) -> float | None:
    """Total of a cumulative distance stream, adding the pieces when it restarts from zero."""
    values = distance[np.isfinite(distance)]
    if not len(values):
        return None
    steps = np.diff(values)
    # A drop of more than 100 m is a restart (a new sport segment); smaller ones are jitter.
    restart = steps < -100.0
    gained = np.where(restart, values[1:], np.maximum(steps, 0.0))
    return float(values[0] + gained.sum())


def elevation_change(elevation: FloatArray) -> tuple[float, float] | None:
    """(gain, loss) in metres with the dead band described in the module docstring."""
    values = elevation[np.isfinite(elevation)]
    if len(values) < 2:
        return None
    gain = loss = 0.0
    ref = float(values[0])
    band = ELEVATION_DEAD_BAND_M
    for value in values.tolist():
        if value > ref + band:
            gain += value - ref
            ref = value
        elif value < ref - band:
            loss += ref - value
            ref = value
    return gain, loss


def paused_mask(time: FloatArray, pauses: list[Pause]) -> npt.NDArray[np.bool_]:
    """True for the samples strictly inside a pause."""
    mask = np.zeros(len(time), dtype=bool)
    for pause in pauses:
        mask |= (time > pause.start) & (time < pause.end)
    return mask


def infer_pauses(time: FloatArray, distance: FloatArray) -> list[Pause]:
    """Pauses for formats with no timer: gaps of a minute or more spent (nearly) standing still.

    A gap counts when the distance covered across it is under ``STILL_SPEED`` m/s on average
    (or unknown): smart recording leaves gaps of a minute or more while moving, which are not
    pauses.
    """
    if len(time) < 2:
        return []
    gaps = time[1:] - time[:-1]
    if len(distance) == len(time):
        still = ~(distance[1:] - distance[:-1] >= STILL_SPEED * gaps)  # NaN: not known to move
    else:
        still = np.ones(len(gaps), dtype=bool)
    idx = np.flatnonzero((gaps >= INFERRED_PAUSE_MIN_S) & still)
    return [Pause(float(time[i]), float(time[i + 1])) for i in idx]


def _mean(values: FloatArray) -> float | None:
    if not len(values):
        return None
    # Same sum and division as ndarray.mean, without its Python-level overhead; a stream
    # without gaps (the common case) needs no copy.
    total = float(np.add.reduce(values))
    if math.isfinite(total):
        return total / len(values)
    finite = values[np.isfinite(values)]
    return float(np.add.reduce(finite)) / len(finite) if len(finite) else None


def _max(values: FloatArray) -> float | None:
    if not len(values):
        return None
    top = float(np.fmax.reduce(values))  # NaN ignored unless every value is NaN
    return None if math.isnan(top) else top


def compute_summary(
    streams: Streams, pauses: list[Pause], end: float | None = None, begin: float | None = None
) -> Summary:
    """Figures of an activity (or a slice of one) from its samples and pauses.

    Args:
        streams: the samples.
        pauses: timer stops, on the same axis as ``streams.time``.
        end: when the recording ended, if later than the last sample (a final timer stop).
        begin: when the recording started, if earlier than the first sample (a timer start).
    """
    time = streams.time
    if not len(time):
        return Summary()
    last = max(float(time[-1]), end if end is not None else float(time[-1]))
    first = min(float(time[0]), begin if begin is not None else float(time[0]))
    elapsed = last - first
    paused = sum(max(0.0, min(p.end, last) - max(p.start, first)) for p in pauses)
    moving = max(0.0, elapsed - paused)
    distance = total_distance(streams.distance)
    if distance is None and streams.has("lat"):
        distance = total_distance(track_distance(streams.lat, streams.lon))
    elevation = elevation_change(streams.elevation)
    cadence = streams.cadence
    speed = streams.speed
    if not np.isfinite(speed).any() and np.isfinite(streams.distance).any():
        speed = speed_from_distance(time, streams.distance)
    return Summary(
        distance=distance,
        elapsed_time=elapsed,
        moving_time=moving,
        elevation_gain=elevation[0] if elevation else None,
        elevation_loss=elevation[1] if elevation else None,
        avg_heartrate=_mean(streams.heartrate),
        max_heartrate=_max(streams.heartrate),
        avg_cadence=_mean(cadence[cadence > 0]),
        max_cadence=_max(cadence),
        avg_power=_mean(streams.power),
        max_power=_max(streams.power),
        avg_speed=(distance / moving) if distance is not None and moving > 0 else None,
        max_speed=_max(speed),
    )
