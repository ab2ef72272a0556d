"""The main window: assembles the views, menus and status bar. No logic of its own.

The central area is a :class:`~st_desktop.ui.views.ViewSwitcher`; its home view, Workouts, is the
browser, detail editor and upload pane in their splitters. Other views (Calendar, Totals, Gear,
Body) are added with :meth:`MainWindow.add_view`, which also lists them in the View menu.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from st_desktop import APP_DISPLAY_NAME
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunner
from st_desktop.ui.dialogs.errors import describe_exception, error_box
from st_desktop.ui.status import MessageArea, TaskIndicator
from st_desktop.ui.views import HOME, ViewSwitcher
from st_desktop.ui.welcome import WelcomeView

if TYPE_CHECKING:
    from st_desktop.ui.dialogs.about import AboutDialog

log = logging.getLogger(__name__)

#: The files File > Open offers (the names are translated where the dialog is opened).
FILE_PATTERNS = "*.fit *.FIT *.tcx *.TCX *.gpx *.GPX *.gz *.zip"


class MainWindow(QMainWindow):
    """The views in a sidebar switcher; the home view holds the workout browser and detail
    editor on the left, the upload pane on the right.

    Args:
        settings: persisted window state lives here.
        runner: the task runner whose progress and unhandled errors the window shows.
        browser, detail, upload: the three areas, built by the composition root. Without the
            detail editor and upload pane, their places stay empty until :meth:`set_panes`
            (the start draws the workout table first).

    Signals:
        files_opened(list): paths chosen with File > Open.
        sign_in_requested(): Account > Sign in.
        sign_out_requested(): Account > Sign out.
        refresh_requested(): View > Refresh.
        units_changed(str): "metric" or "imperial".
    """

    files_opened = Signal(list)
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    refresh_requested = Signal()
    units_changed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunner,
        browser: QWidget,
        detail: QWidget | None = None,
        upload: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._settings = settings
        self._runner = runner
        self._base_title = APP_DISPLAY_NAME
        self.setWindowTitle(self._base_title)
        self.browser = browser
        # Empty, in the panes' background, until the panes come (a start draws the table first).
        self.detail: QWidget = detail if detail is not None else QWidget()
        self.upload: QWidget = upload if upload is not None else QWidget()

        self.browser_splitter = QSplitter(Qt.Orientation.Vertical)
        self.browser_splitter.setObjectName("browserSplitter")
        self.browser_splitter.addWidget(browser)
        # The editor scrolls rather than squeezing the table to a few rows on a low screen
        # (1024 x 700, or a 2x scale).
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._hold_detail(self.detail)
        self.browser_splitter.addWidget(self.detail_scroll)
        self.browser_splitter.setStretchFactor(0, 2)
        self.browser_splitter.setStretchFactor(1, 3)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.browser_splitter)
        self.main_splitter.addWidget(self.upload)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        self.main_splitter.setChildrenCollapsible(False)
        self.views = ViewSwitcher(settings, self)
        self.setCentralWidget(self.views)
        # The Workouts view: the splitter, or the welcome until there is something to show.
        self.workouts_page = QStackedWidget(self)
        self.workouts_page.setObjectName("workoutsPage")
        self.workouts_page.addWidget(self.main_splitter)
        self.welcome = WelcomeView(self)
        self.workouts_page.addWidget(self.welcome)

        self._build_status_bar()
        self._build_menus()
        self.add_view(HOME, self.tr("&Workouts"), self.workouts_page, "Ctrl+1")
        runner.unhandled_error.connect(self.show_task_error)
        self._restore_state()

    # -- construction ---------------------------------------------------------------------------

    def set_panes(self, detail: QWidget, upload: QWidget) -> None:
        """Put the detail editor and upload pane in their places (built after the first rows)."""
        self.detail = detail
        self._hold_detail(detail)  # the scroll area deletes the placeholder
        detail.show()  # a widget put in a shown scroll area is not shown with it
        placeholder, self.upload = self.upload, upload
        sizes = self.main_splitter.sizes()  # restored from the settings: they stay
        self.main_splitter.replaceWidget(self.main_splitter.indexOf(placeholder), upload)
        placeholder.deleteLater()
        upload.setVisible(self.toggle_upload_action.isChecked())
        self.main_splitter.setSizes(sizes)

    def _show_upload(self, shown: bool) -> None:
        self.upload.setVisible(shown)  # the pane of the moment (a placeholder at first)

    def _hold_detail(self, detail: QWidget) -> None:
        self.detail_scroll.setWidget(detail)
        bar = self.detail_scroll.verticalScrollBar().sizeHint().width()
        self.detail_scroll.setMinimumWidth(detail.minimumSizeHint().width() + bar)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.message_area = MessageArea(self)
        self.task_indicator = TaskIndicator(self._runner, self)
        self.account_label = QLabel(self.tr("Not signed in"), self)
        self.account_label.setObjectName("accountLabel")
        bar.addWidget(self.message_area, 1)
        bar.addPermanentWidget(self.task_indicator)
        bar.addPermanentWidget(self.account_label)

    def _action(
        self,
        text: str,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open Files…"),
            "openFilesAction",
            QKeySequence.StandardKey.Open,
            self.tr("Add FIT, TCX or GPX files to the upload pane"),
        )
        self.open_action.triggered.connect(self._choose_files)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        self.quit_action = self._action(
            self.tr("&Quit"), "quitAction", QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        account = menu.addMenu(self.tr("&Account"))
        self.sign_in_action = self._action(
            self.tr("&Sign In…"), "signInAction", tip=self.tr("Connect to SportTracks")
        )
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        self.sign_out_action = self._action(self.tr("Sign &Out"), "signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.sign_out_action.setEnabled(False)
        account.addAction(self.sign_in_action)
        account.addAction(self.sign_out_action)
        self.account_menu = account

        view = menu.addMenu(self.tr("&View"))
        self._views_end = view.addSeparator()  # the views' actions go above it
        self.refresh_action = self._action(
            self.tr("&Refresh"),
            "refreshAction",
            QKeySequence.StandardKey.Refresh,
            self.tr("Fetch what is new in your SportTracks account"),
        )
        self.refresh_action.triggered.connect(self.refresh_requested)
        view.addAction(self.refresh_action)
        view.addSeparator()
        self.toggle_upload_action = self._action(
            self.tr("&Upload Pane"), "toggleUploadAction", "Ctrl+U"
        )
        self.toggle_upload_action.setCheckable(True)
        self.toggle_upload_action.setChecked(True)
        self.toggle_upload_action.toggled.connect(self._show_upload)
        view.addAction(self.toggle_upload_action)
        units_menu = view.addMenu(self.tr("Units"))
        units_menu.setObjectName("unitsMenu")
        group = QActionGroup(self)
        self.unit_actions: dict[str, QAction] = {}
        for key, label in (
            ("metric", self.tr("&Metric (km, m)")),
            ("imperial", self.tr("&Imperial (mi, ft)")),
        ):
            action = self._action(label, f"units_{key}")
            action.setCheckable(True)
            action.setData(key)
            group.addAction(action)
            units_menu.addAction(action)
            self.unit_actions[key] = action
        self.unit_actions.get(
            settings_units(self._settings), self.unit_actions["metric"]
        ).setChecked(True)
        group.triggered.connect(self._units_chosen)
        self.view_menu = view

        help_menu = menu.addMenu(self.tr("&Help"))
        self.about_action = self._action(
            self.tr("&About {app}").format(app=APP_DISPLAY_NAME), "aboutAction"
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def add_workout_actions(self, *actions: QAction) -> None:
        """Put the workout browser's actions (new, delete, undo, history) in a Workouts menu.

        New workout and Undo work from anywhere in the window; Delete keeps the browser's own
        context, so the Delete key in the upload pane still removes upload rows.
        """
        menu = QMenu(self.tr("&Workouts"), self)
        menu.setObjectName("workoutsMenu")
        for action in actions:
            if action.objectName() in ("newWorkoutAction", "undoDeleteAction"):
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if action.objectName() == "exportSelectedAction":
                menu.addSeparator()  # the data actions after the everyday ones
            menu.addAction(action)
        self.menuBar().insertMenu(self.account_menu.menuAction(), menu)
        self.workouts_menu = menu

    # -- views --------------------------------------------------------------------------------

    def add_view(self, key: str, title: str, widget: QWidget, shortcut: str = "") -> QAction:
        """Add a view to the switcher and to the View menu; returns its action."""
        action = self.views.add_view(key, title, widget, shortcut)
        self.view_menu.insertAction(self._views_end, action)
        return action

    def show_view(self, key: str) -> None:
        """Show a view ("workouts", "calendar", ...)."""
        self.views.show_view(key)

    def show_upload_pane(self) -> None:
        """Bring the upload pane forward: the Workouts view, with the pane shown."""
        self.views.show_view(HOME)
        self.toggle_upload_action.setChecked(True)

    # -- state --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.get(Keys.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self._fit_screen()
        state = self._settings.get(Keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        for splitter, key in (
            (self.main_splitter, Keys.SPLITTER_MAIN),
            (self.browser_splitter, Keys.SPLITTER_BROWSER),
        ):
            saved = self._settings.get(key)
            if saved.isEmpty() or not splitter.restoreState(saved):
                total = 1280 if splitter is self.main_splitter else 760
                ratio = 0.62 if splitter is self.main_splitter else 0.4
                splitter.setSizes([int(total * ratio), int(total * (1 - ratio))])
        visible = self._settings.get(Keys.UPLOAD_PANE_VISIBLE)
        self.toggle_upload_action.setChecked(visible)
        self.upload.setVisible(visible)

    def _fit_screen(self) -> None:
        """Never larger than the screen's free area (a small or scaled screen, a saved size
        from a bigger monitor): the title bar and the buttons must stay reachable."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry()
        frame = 40  # the window manager's title bar and borders, which the size leaves out
        width = min(self.width(), free.width())
        height = min(self.height(), free.height() - frame)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumSizeHint().width()), max(height, 1))

    def save_state(self) -> None:
        """Persist geometry and splitter positions."""
        self._settings.set(Keys.WINDOW_GEOMETRY, QByteArray(self.saveGeometry()))
        self._settings.set(Keys.WINDOW_STATE, QByteArray(self.saveState()))
        self._settings.set(Keys.SPLITTER_MAIN, QByteArray(self.main_splitter.saveState()))
        self._settings.set(Keys.SPLITTER_BROWSER, QByteArray(self.browser_splitter.saveState()))
        self._settings.set(Keys.UPLOAD_PANE_VISIBLE, self.toggle_upload_action.isChecked())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state; the application's shutdown waits for running tasks."""
        self.save_state()
        super().closeEvent(event)

    # -- account presentation -----------------------------------------------------------------

    def set_account(self, description: str | None, *, sandbox: bool = False) -> None:
        """Show who is signed in (None: nobody); a sandbox is marked in title and status bar."""
        signed_in = description is not None
        self.sign_in_action.setEnabled(True)
        self.sign_in_action.setText(
            self.tr("&Switch Account…") if signed_in else self.tr("&Sign In…")
        )
        self.sign_out_action.setEnabled(signed_in)
        # The title ends with the app's name: Qt then adds it on no platform a second time.
        if sandbox:
            self.setWindowTitle(
                self.tr("SANDBOX (not your SportTracks account) — {app}").format(
                    app=self._base_title
                )
            )
            self.account_label.setText(self.tr("SANDBOX: local demo server"))
            self.account_label.setStyleSheet(
                "background: #f9a825; color: black; padding: 1px 6px; font-weight: bold;"
            )
        else:
            self.setWindowTitle(
                f"{description} — {self._base_title}" if signed_in else self._base_title
            )
            self.account_label.setStyleSheet("")
            self.account_label.setText(description or self.tr("Not signed in"))

    # -- slots --------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        start = self._settings.get(Keys.LAST_OPEN_DIR) or str(Path.home())
        filters = ";;".join(
            (
                self.tr("Activity files ({patterns})").format(patterns=FILE_PATTERNS),
                self.tr("All files (*)"),
            )
        )
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open activity files"), start, filters
        )
        if names:
            paths = [Path(n) for n in names]
            self._settings.set(Keys.LAST_OPEN_DIR, str(paths[0].parent))
            self.files_opened.emit(paths)

    def _units_chosen(self, action: QAction) -> None:
        units = str(action.data())
        self._settings.set(Keys.UNITS, units)
        self.units_changed.emit(units)

    def show_task_error(self, message: str, exc: object) -> None:
        """A background task failed and its caller had no handler: tell the user."""
        self.message_area.show_error(message)
        if isinstance(exc, BaseException) and not _is_expected(exc):
            box = error_box(self, self.tr("Something went wrong"), describe_exception(exc))
            box.open()

    def show_welcome(self, shown: bool) -> None:
        """Show the welcome (first start: nothing to show yet) or the workout areas."""
        self.workouts_page.setCurrentWidget(self.welcome if shown else self.main_splitter)

    @property
    def welcome_shown(self) -> bool:
        """True while the welcome stands in for the workout areas."""
        return self.workouts_page.currentWidget() is self.welcome

    def set_folders(self, folders: dict[str, Path]) -> None:
        """The folders Help > About shows ("Log", "Data", "Settings")."""
        self._folders = dict(folders)

    def show_about(self) -> AboutDialog:
        """Help > About (non-blocking)."""
        from st_desktop.ui.dialogs.about import AboutDialog  # on first use

        box = AboutDialog(getattr(self, "_folders", {}), self.windowIcon().pixmap(64, 64), self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def settings_units(settings: Settings) -> str:
    """The chosen unit system ("metric" unless the user picked imperial)."""
    units = settings.get(Keys.UNITS)
    return units if units in ("metric", "imperial") else "metric"


def _is_expected(exc: BaseException) -> bool:
    from st_desktop.errors import StDesktopError

    return isinstance(exc, StDesktopError)
