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

import itertools
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
#: Up to this many samples, a plain Python loop costs less than the fixed cost of the numpy
#: calls it replaces (each helper that has such a path gives bit-identical results either way).
SMALL = 64


def haversine_steps(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Metres between consecutive positions (NaN where either end has no position)."""
    if len(lat) < 2:
        return np.zeros(0)
    # Latitude and longitude go through each ufunc together (rows of one contiguous array):
    # the same element-wise operations as two separate passes, half the per-call overhead.
    radians = np.radians(np.array((lat, lon), dtype=np.float64))
    phi = radians[0]
    half_steps = np.sin((radians[:, 1:] - radians[:, :-1]) / 2)
    half_steps *= half_steps
    a = half_steps[0] + np.cos(phi[:-1]) * np.cos(phi[1:]) * half_steps[1]
    # Rounding can push a a hair outside [0, 1]; minimum/maximum are clip without its overhead.
    a = np.minimum(np.maximum(a, 0.0), 1.0)
    steps: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))
    return steps


def nan_array(length: int) -> FloatArray:
    """A float64 array of ``length`` NaN (``np.full`` without its Python-level overhead)."""
    out = np.empty(length, dtype=np.float64)
    out.fill(np.nan)
    return out


def track_distance(
    lat: FloatArray, lon: FloatArray, segments: npt.NDArray[np.int64] | None = None
) -> FloatArray:
    """Cumulative metres along the track; NaN before the first fix, held across GPS gaps.

    With ``segments`` (each sample's segment number), the step from one segment to the next is
    not distance: the track is held there and goes on from the next segment's first fix.
    """
    n = len(lat)
    has_fix = np.isfinite(lat) & np.isfinite(lon)
    fixes = int(np.count_nonzero(has_fix))
    if fixes == n:  # every sample has a fix: nothing to carry over
        return track_distance_complete(lat, lon, segments)
    out = nan_array(n)
    if not fixes:
        return out
    fix = has_fix.nonzero()[0]
    out[fix[0]] = 0.0
    steps = haversine_steps(lat[fix], lon[fix])
    if segments is not None and len(steps):
        steps[segments[fix[1:]] != segments[fix[:-1]]] = 0.0
    out[fix[1:]] = np.cumsum(steps)
    # Carry the last known distance forward over samples without a fix.
    positions = np.maximum.accumulate(np.where(has_fix, np.arange(n), -1))
    return np.where(positions >= 0, out[np.maximum(positions, 0)], np.nan)


def track_distance_complete(
    lat: FloatArray, lon: FloatArray, segments: npt.NDArray[np.int64] | None = None
) -> FloatArray:
    """:func:`track_distance` of a track known to have a position in every sample."""
    n = len(lat)
    cumulative = np.empty(n, dtype=np.float64)
    if n:
        cumulative[0] = 0.0
        steps = haversine_steps(lat, lon)
        if segments is not None and n > 1 and segments[-1] != segments[0]:
            steps[segments[1:] != segments[:-1]] = 0.0
        np.cumsum(steps, out=cumulative[1:])
    return cumulative


def speed_from_distance(time: FloatArray, distance: FloatArray, window: int = 5) -> FloatArray:
    """m/s over a window of samples (the distance travelled over the time it took)."""
    n = len(time)
    out = nan_array(n)
    if n < 2:
        return out
    half = max(1, window // 2)
    if n <= SMALL:
        return _small_speed(time.tolist(), distance.tolist(), half)
    # Sample i spans samples max(i - half, 0) .. min(i + half, n - 1): pad both ends with the
    # end values, then the spans are two shifted slices (no index arrays, no gathers).
    dt = _padded(time, half)
    dt = dt[2 * half :] - dt[:n]
    dd = _padded(distance, half)
    dd = dd[2 * half :] - dd[:n]
    ok = (dt > 0) & np.isfinite(dd) & (dd >= 0)
    np.divide(dd, dt, out=out, where=ok)
    return out


def _small_speed(time: list[float], distance: list[float], half: int) -> FloatArray:
    """:func:`speed_from_distance` on a few samples: the same IEEE operations, in a plain loop
    (cheaper than a dozen numpy calls below :data:`SMALL` samples)."""
    n = len(time)
    last = n - 1
    speeds: list[float] = []
    for i in range(n):
        lo = i - half if i > half else 0
        hi = i + half if i + half < last else last
        dt = time[hi] - time[lo]
        dd = distance[hi] - distance[lo]
        # dt > 0 and dd finite and >= 0, as in the array version (NaN fails every comparison).
        speeds.append(dd / dt if dt > 0 and 0 <= dd < math.inf else math.nan)
    return np.array(speeds, dtype=np.float64)


def _padded(values: FloatArray, half: int) -> FloatArray:
    n = len(values)
    out = np.empty(n + 2 * half, dtype=np.float64)
    out[:half] = values[0]
    out[half : half + n] = values
    out[half + n :] = values[-1]
    return out


def total_distance(distance: FloatArray) -> float | None:
    """Total of a cumulative distance stream, adding the pieces when it restarts from zero."""
    if len(distance) <= SMALL:
        return _small_total_distance(distance.tolist())
    finite = np.isfinite(distance)
    count = int(np.count_nonzero(finite))
    if not count:
        return None
    values = distance if count == len(distance) else distance[finite]
    steps = values[1:] - values[:-1]
    # A drop of more than 100 m is a restart (a new sport segment); smaller ones are jitter.
    restart = steps < -100.0
    gained = np.maximum(steps, 0.0)
    if np.count_nonzero(restart):
        gained = np.where(restart, values[1:], gained)
    return float(values[0] + np.add.reduce(gained))


def _small_total_distance(distance: list[float]) -> float | None:
    """:func:`total_distance` of a few samples: the same operations, numpy only for the sum
    (whose pairwise order a plain loop would not reproduce)."""
    values = [v for v in distance if -math.inf < v < math.inf]
    if not values:
        return None
    gained = []
    for before, after in itertools.pairwise(values):
        step = after - before
        gained.append(after if step < -100.0 else step if step >= 0.0 else 0.0)
    return float(values[0] + np.add.reduce(np.array(gained, dtype=np.float64)))


def elevation_change(elevation: FloatArray) -> tuple[float, float] | None:
    """(gain, loss) in metres with the dead band described in the module docstring."""
    if len(elevation) <= SMALL:
        values = [v for v in elevation.tolist() if -math.inf < v < math.inf]
    else:
        values = elevation[np.isfinite(elevation)].tolist()
    if len(values) < 2:
        return None
    gain = loss = 0.0
    ref = values[0]
    band = ELEVATION_DEAD_BAND_M
    for value in values:
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
    if len(time) <= SMALL:
        return _small_infer_pauses(time.tolist(), distance.tolist())
    gaps = time[1:] - time[:-1]
    long_gap = gaps >= INFERRED_PAUSE_MIN_S
    if not np.count_nonzero(long_gap):
        return []  # the common case: no gap long enough, the distance need not be looked at
    if len(distance) == len(time):
        long_gap &= ~(distance[1:] - distance[:-1] >= STILL_SPEED * gaps)  # NaN: not known to move
    return [Pause(float(time[i]), float(time[i + 1])) for i in long_gap.nonzero()[0]]


def _small_infer_pauses(time: list[float], distance: list[float]) -> list[Pause]:
    """:func:`infer_pauses` of a few samples, in a plain loop (the same comparisons)."""
    known = len(distance) == len(time)
    pauses = []
    for i in range(len(time) - 1):
        gap = time[i + 1] - time[i]
        if gap >= INFERRED_PAUSE_MIN_S and not (
            known and distance[i + 1] - distance[i] >= STILL_SPEED * gap
        ):
            pauses.append(Pause(time[i], time[i + 1]))
    return pauses


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
    heartrate, cadence, power = streams.heartrate, streams.cadence, streams.power
    # A stream the file does not have is all NaN: its maximum (one reduction) says so, and its
    # average is then not looked for.
    if len(time) <= SMALL:  # one reduction over the four streams stacked, not four
        tops = np.fmax.reduce(np.array((heartrate, cadence, power, streams.speed)), axis=1)
        max_heartrate, max_cadence, max_power, max_speed = (
            None if math.isnan(top) else top for top in tops.tolist()
        )
    else:
        max_heartrate = _max(heartrate)
        max_cadence = _max(cadence)
        max_power = _max(power)
        max_speed = _max(streams.speed)
    if max_speed is None and np.count_nonzero(np.isfinite(streams.distance)):
        max_speed = _max(speed_from_distance(time, streams.distance))
    return Summary(
        distance=distance,
        elapsed_time=elapsed,
        moving_time=moving,
        elevation_gain=elevation[0] if elevation else None,
        elevation_loss=elevation[1] if elevation else None,
        avg_heartrate=_mean(heartrate) if max_heartrate is not None else None,
        max_heartrate=max_heartrate,
        avg_cadence=_mean(cadence[cadence > 0]) if max_cadence else None,
        max_cadence=max_cadence,
        avg_power=_mean(power) if max_power is not None else None,
        max_power=max_power,
        avg_speed=(distance / moving) if distance is not None and moving > 0 else None,
        max_speed=max_speed,
    )
