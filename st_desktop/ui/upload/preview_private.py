"""What the privacy zones hide of the file the preview shows: the zones and hidden part drawn on
its route, and a sentence ("Start and end within Home are hidden: 412 m").

The upload engine hides the same positions when the file goes up
(:func:`st_desktop.services.fixes.private_upload`); the preview finds them on the track it
draws (reduced for a long file, so the figure may be a few metres off until every sample is
read again).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from st_desktop.domain.track import Track
from st_desktop.domain.units import METRES_PER_FOOT, METRES_PER_MILE, is_imperial
from st_desktop.parsers.privacy import HiddenStretches, PrivacyZone, hidden_stretches, zones_near
from st_desktop.ui.i18n import figure


def private_parts(
    track: Track | None, zones: Sequence[PrivacyZone]
) -> tuple[list[PrivacyZone], HiddenStretches | None]:
    """The zones near ``track``'s route (worth drawing) and what they hide of it."""
    if track is None or not zones or not track.has_route:
        return [], None
    near = zones_near(track.lat, track.lon, zones)
    if not near:
        return [], None
    return near, hidden_stretches(track.time, track.lat, track.lon, track.distance, near)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreviewPrivacy", text)


#: The sentences, by (start hidden, end hidden), with and without a length.
_SENTENCES = {
    (True, True): (
        QT_TRANSLATE_NOOP("PreviewPrivacy", "Start and end within {zones} are hidden: {length}."),
        QT_TRANSLATE_NOOP("PreviewPrivacy", "Start and end within {zones} are hidden."),
    ),
    (True, False): (
        QT_TRANSLATE_NOOP("PreviewPrivacy", "The start within {zones} is hidden: {length}."),
        QT_TRANSLATE_NOOP("PreviewPrivacy", "The start within {zones} is hidden."),
    ),
    (False, True): (
        QT_TRANSLATE_NOOP("PreviewPrivacy", "The end within {zones} is hidden: {length}."),
        QT_TRANSLATE_NOOP("PreviewPrivacy", "The end within {zones} is hidden."),
    ),
}

#: Said beside the sentence (its tooltip).
EXPLANATION = QT_TRANSLATE_NOOP(
    "PreviewPrivacy",
    "Privacy zones (Edit > Preferences > Privacy Zones): the positions within them at the "
    "start and end of a ride are not uploaded; its time, distance and the rest are.",
)


def hidden_length(metres: float, units: str) -> str:
    """A short length as the sentence says it: "412 m", "1.2 km", "350 ft", "0.8 mi"."""
    if is_imperial(units):
        feet = metres / METRES_PER_FOOT
        return f"{feet:,.0f} ft" if feet < 1000 else figure(f"{metres / METRES_PER_MILE:.1f} mi")
    return f"{metres:.0f} m" if metres < 1000 else figure(f"{metres / 1000:.1f} km")


def private_sentence(hidden: HiddenStretches | None, units: str = "metric") -> str:
    """What the zones hide, for the preview ("" when nothing)."""
    if hidden is None:
        return ""
    with_length, without = _SENTENCES[(hidden.head_until is not None, hidden.tail_from is not None)]
    names = _tr(" and ").join(hidden.zones)
    if hidden.metres > 0:
        length = hidden_length(hidden.metres, units)
        return _tr(str(with_length)).format(zones=names, length=length)
    return _tr(str(without)).format(zones=names)


def privacy_label(parent: QWidget) -> QLabel:
    """The preview's line saying what the zones hide (``previewPrivacy``), hidden until then."""
    label = QLabel(parent)
    label.setObjectName("previewPrivacy")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setToolTip(_tr(str(EXPLANATION)))
    label.hide()
    return label
