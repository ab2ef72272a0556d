"""Light and dark: the app follows the system's colour scheme, live.

Qt gives the scheme in two places: the style hints (``QStyleHints.colorScheme``, set by the
platform: Windows, macOS, GNOME/KDE through their platform themes) and the palette (what is
painted). Both can change while the app runs. Widgets that paint their own colours (charts,
route, map, calendar, the upload list's statuses) ask this module which colours fit the
palette they are painted with, and :class:`ThemeWatcher` tells them when to ask again.

The user may also pick Light or Dark in the preferences (``appearance``); "system" follows the
platform. Qt 6.8+ switches its own palette for a scheme set by the app
(``QStyleHints.setColorScheme``); where the platform does not (Linux without a platform theme),
:func:`apply_appearance` sets a dark palette itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

#: Preference values for the appearance.
SYSTEM, LIGHT, DARK = "system", "light", "dark"
APPEARANCES = (SYSTEM, LIGHT, DARK)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when ``palette`` (default: the application's) paints light text on dark windows."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


@dataclass(frozen=True)
class Colours:
    """The colours of a scheme for what the app paints itself.

    Attributes:
        background: plot and map backgrounds.
        foreground: axis text, labels.
        grid: grid lines and subtle borders.
        muted: secondary text (placeholders, "No route").
        ok, warning, error, duplicate, skipped: upload statuses and notices.
        route, start, finish, marker: the route line and its pins.
        selection: a selected range on charts (translucent).
        axis: chart axis lines and ticks; the grid is drawn in it, faint.
        shade: bands over paused stretches of a chart (translucent).
        elevation, heartrate, speed, power, cadence: the line of each chart.
    """

    background: QColor
    foreground: QColor
    grid: QColor
    muted: QColor
    ok: QColor
    warning: QColor
    error: QColor
    duplicate: QColor
    skipped: QColor
    route: QColor
    start: QColor
    finish: QColor
    marker: QColor
    selection: QColor
    axis: QColor
    shade: QColor
    elevation: QColor
    heartrate: QColor
    speed: QColor
    power: QColor
    cadence: QColor

    def named(self, name: str) -> QColor:
        """The colour called ``name`` ("error", "ok", "duplicate"...).

        Raises:
            ValueError: no colour of that name.
        """
        colour = getattr(self, name, None) if not name.startswith("_") else None
        if not isinstance(colour, QColor):
            raise ValueError(f"no colour {name!r} in the theme")
        return colour

    def series(self, key: str) -> QColor:
        """The line colour of the chart ``key`` ("heartrate"); the foreground for another key."""
        colour = getattr(self, key, None) if key in SERIES else None
        return colour if isinstance(colour, QColor) else self.foreground


#: The charts with a colour of their own in :class:`Colours`.
SERIES = ("elevation", "heartrate", "speed", "power", "cadence")


def _c(name: str, alpha: int = 255) -> QColor:
    colour = QColor(name)
    colour.setAlpha(alpha)
    return colour


LIGHT_COLOURS = Colours(
    background=_c("#ffffff"),
    foreground=_c("#202124"),
    grid=_c("#dadce0"),
    muted=_c("#5f6368"),
    ok=_c("#2e7d32"),
    warning=_c("#a65c00"),
    error=_c("#c62828"),
    duplicate=_c("#6a1b9a"),
    skipped=_c("#6b6b6b"),
    route=_c("#1565c0"),
    start=_c("#2e7d32"),
    finish=_c("#c62828"),
    marker=_c("#ff9800"),
    selection=_c("#1565c0", 48),
    axis=_c("#969696"),
    shade=_c("#000000", 25),
    elevation=_c("#6d4c41"),
    heartrate=_c("#d32f2f"),
    speed=_c("#1565c0"),
    power=_c("#7b1fa2"),
    cadence=_c("#00897b"),
)

DARK_COLOURS = Colours(
    background=_c("#1e1f22"),
    foreground=_c("#e8eaed"),
    grid=_c("#3c4043"),
    muted=_c("#9aa0a6"),
    ok=_c("#81c995"),
    warning=_c("#fdd663"),
    error=_c("#f28b82"),
    duplicate=_c("#d7aefb"),
    skipped=_c("#9aa0a6"),
    route=_c("#8ab4f8"),
    start=_c("#81c995"),
    finish=_c("#f28b82"),
    marker=_c("#fbbc04"),
    selection=_c("#8ab4f8", 56),
    axis=_c("#80868b"),
    shade=_c("#ffffff", 22),
    elevation=_c("#bcaaa4"),
    heartrate=_c("#f28b82"),
    speed=_c("#8ab4f8"),
    power=_c("#ce93d8"),
    cadence=_c("#80cbc4"),
)


def colours(palette: QPalette | None = None) -> Colours:
    """The colours that read well on ``palette`` (default: the application's)."""
    return DARK_COLOURS if is_dark(palette) else LIGHT_COLOURS


def surrounding_palette(widget: QWidget) -> QPalette:
    """The palette around ``widget``: its parent's (the application's for a window).

    For a widget whose own style sheet tints its palette (a notice's background): its colours
    are chosen from what surrounds it, not from the tint they made.
    """
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QGuiApplication.palette()


class _TextTint(QObject):
    """Keeps a widget's text in one colour of the scheme, through light and dark."""

    def __init__(self, widget: QWidget, name: str) -> None:
        super().__init__(widget)
        self.name = name
        widget.installEventFilter(self)
        self.apply(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ParentChange)
        if isinstance(watched, QWidget) and event.type() in kinds:
            self.apply(watched)
        return False

    def apply(self, widget: QWidget) -> None:
        colour = colours(surrounding_palette(widget)).named(self.name)
        roles = (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text)
        current = widget.palette()
        if all(current.color(role) == colour for role in roles):
            return  # also ends the PaletteChange that setting it sends
        # Only these roles are set: the others are still inherited, and follow the scheme.
        palette = QPalette()
        for role in roles:
            palette.setColor(role, colour)
        widget.setPalette(palette)


def tint_text(widget: QWidget, name: str | None) -> None:
    """Write ``widget``'s text in the scheme's colour ``name`` ("error", "ok", "muted"; a field
    of :class:`Colours`), now and after every change between light and dark; None gives it
    back the palette's own text colour.

    Raises:
        ValueError: ``name`` is no colour of :class:`Colours`.
    """
    if name is not None:
        LIGHT_COLOURS.named(name)  # a typo fails here, not at the next change of scheme
    tint = widget.findChild(_TextTint, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if name is None:
        if isinstance(tint, _TextTint):
            widget.removeEventFilter(tint)
            tint.setParent(None)
            tint.deleteLater()
            widget.setPalette(QPalette())  # every role inherited again
        return
    if isinstance(tint, _TextTint):
        tint.name = name
        tint.apply(widget)
    else:
        _TextTint(widget, name)


def css(colour: QColor) -> str:
    """``colour`` for a style sheet, its alpha kept: ``"rgba(30, 31, 34, 215)"``."""
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {colour.alpha()})"


def mix(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` with ``amount`` (0 to 1) of ``tint`` in it, opaque: a tinted panel that keeps
    the palette's text readable (an error notice is a reddish shade of the window)."""
    amount = min(max(amount, 0.0), 1.0)
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )


def _palette(values: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    palette = QPalette()
    for role, value in values.items():
        palette.setColor(role, QColor(value))
    roles = QPalette.ColorRole
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for platforms that give none (Fusion's roles, dark values)."""
    roles = QPalette.ColorRole
    return _palette(
        {
            roles.Window: "#202124",
            roles.WindowText: "#e8eaed",
            roles.Base: "#17181a",
            roles.AlternateBase: "#26272b",
            roles.ToolTipBase: "#303134",
            roles.ToolTipText: "#e8eaed",
            roles.PlaceholderText: "#9aa0a6",
            roles.Text: "#e8eaed",
            roles.Button: "#2d2e31",
            roles.ButtonText: "#e8eaed",
            roles.BrightText: "#ffffff",
            roles.Light: "#3c4043",
            roles.Midlight: "#35363a",
            roles.Mid: "#2a2b2e",
            roles.Dark: "#111214",
            roles.Shadow: "#000000",
            roles.Highlight: "#3a6fd8",
            roles.HighlightedText: "#ffffff",
            roles.Link: "#8ab4f8",
            roles.LinkVisited: "#c58af9",
        },
        disabled="#6f7378",
    )


def light_palette() -> QPalette:
    """A light palette (Fusion's values), for Light chosen on a platform that paints dark."""
    roles = QPalette.ColorRole
    return _palette(
        {
            roles.Window: "#efefef",
            roles.WindowText: "#000000",
            roles.Base: "#ffffff",
            roles.AlternateBase: "#f7f7f7",
            roles.ToolTipBase: "#ffffdc",
            roles.ToolTipText: "#000000",
            roles.PlaceholderText: "#5f6368",
            roles.Text: "#000000",
            roles.Button: "#efefef",
            roles.ButtonText: "#000000",
            roles.BrightText: "#ffffff",
            roles.Light: "#ffffff",
            roles.Midlight: "#cacaca",
            roles.Mid: "#b8b8b8",
            roles.Dark: "#9f9f9f",
            roles.Shadow: "#767676",
            roles.Highlight: "#308cc6",
            roles.HighlightedText: "#ffffff",
            roles.Link: "#0000ff",
            roles.LinkVisited: "#ff00ff",
        },
        disabled="#bebebe",
    )


def apply_appearance(appearance: str) -> None:
    """Follow the system (``"system"``), or force ``"light"`` or ``"dark"``, now.

    Qt switches its palette itself where the platform supports a colour scheme; elsewhere a
    dark (or light) palette is set here, and the style's own restored when it fits again.
    "system" with a platform that reports a dark scheme but paints no dark palette (Linux
    without a platform theme) gets the dark palette too. Call it again when the platform's
    scheme changes (:class:`SystemFollower`).
    """
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    hints = app.styleHints()
    wanted = {LIGHT: Qt.ColorScheme.Light, DARK: Qt.ColorScheme.Dark}.get(appearance)
    if wanted is None:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(wanted)
    scheme = hints.colorScheme()
    want_dark = appearance == DARK or (appearance != LIGHT and scheme == Qt.ColorScheme.Dark)
    if want_dark:
        if not is_dark(app.palette()):
            app.setPalette(dark_palette())  # the platform has no dark palette of its own
        return
    if is_dark(app.palette()):
        app.setPalette(QPalette())  # back to the style's standard palette
    if appearance == LIGHT and is_dark(app.palette()):
        app.setPalette(light_palette())  # the platform's own palette is dark


class SystemFollower(QObject):
    """Applies the appearance preference again each time the platform's colour scheme changes
    (for "system" on a platform that reports the scheme but paints no dark palette).

    Args:
        appearance: gives the preference in force ("system", "light" or "dark").
        parent: its owner (it stops following when the owner goes).
    """

    def __init__(self, appearance: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._appearance = appearance
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(self.scheme_changed)

    def scheme_changed(self, *_scheme: object) -> None:
        """The platform switched between light and dark: apply the preference again."""
        apply_appearance(self._appearance())


class ThemeWatcher(QObject):
    """Tells the widgets that paint their own colours when light and dark change.

    Widgets get a ``PaletteChange`` event of their own; models and other objects without a
    palette connect to :func:`watcher` (one for the application).

    Signals:
        changed(bool): the application's palette changed; True when it is now dark.
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        self._dark = is_dark()
        if isinstance(app, QGuiApplication):
            # Deprecated since Qt 6.0 in favour of the ApplicationPaletteChange event, which
            # only an application-wide event filter sees: that filter would call into Python
            # for every event of every object (the first few load a Python type for each kind
            # of object, a tenth of a second before the first paint).
            if hasattr(app, "paletteChanged"):
                app.paletteChanged.connect(self._check)
            else:  # pragma: no cover - a Qt built without deprecated API
                app.installEventFilter(self)
            app.styleHints().colorSchemeChanged.connect(self._check)

    @property
    def dark(self) -> bool:
        """True while the application's palette is dark."""
        return self._dark

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is QGuiApplication.instance() and event.type() in (
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.PaletteChange,
        ):
            self._check()
        return False

    def _check(self, *_args: object) -> None:
        dark = is_dark()
        if dark != self._dark:
            self._dark = dark
            self.changed.emit(dark)


def watcher() -> ThemeWatcher:
    """The application's :class:`ThemeWatcher` (made on first use, owned by the application).

    Raises:
        RuntimeError: no QGuiApplication exists yet.
    """
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the theme watcher needs a QGuiApplication")
    found = app.findChild(ThemeWatcher, WATCHER_NAME)
    if isinstance(found, ThemeWatcher):
        return found
    made = ThemeWatcher(app)
    made.setObjectName(WATCHER_NAME)
    return made


WATCHER_NAME = "themeWatcher"
