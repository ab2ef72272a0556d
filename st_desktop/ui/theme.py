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

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

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
)


def colours(palette: QPalette | None = None) -> Colours:
    """The colours that read well on ``palette`` (default: the application's)."""
    return DARK_COLOURS if is_dark(palette) else LIGHT_COLOURS


def dark_palette() -> QPalette:
    """A dark palette for platforms that give none (Fusion's roles, dark values)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    values = {
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
    }
    for role, value in values.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#6f7378"))
    return palette


def apply_appearance(appearance: str) -> None:
    """Follow the system (``"system"``), or force ``"light"`` or ``"dark"``, now.

    Qt switches its palette itself where the platform supports a colour scheme; elsewhere a
    dark palette is set here (and the style's own restored for light or system).
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
    if appearance == DARK and not is_dark(app.palette()):
        app.setPalette(dark_palette())  # the platform has no dark palette of its own
    elif (
        appearance != DARK and is_dark(app.palette()) and hints.colorScheme() != Qt.ColorScheme.Dark
    ):
        app.setPalette(QPalette())  # back to the style's standard palette


class ThemeWatcher(QObject):
    """Tells the widgets that paint their own colours when light and dark change.

    Signals:
        changed(bool): the application's palette changed; True when it is now dark.
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        self._dark = is_dark()
        if isinstance(app, QGuiApplication):
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

    def _check(self) -> None:
        dark = is_dark()
        if dark != self._dark:
            self._dark = dark
            self.changed.emit(dark)
