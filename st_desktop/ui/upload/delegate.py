"""How upload rows are drawn: a progress bar while uploading, and the reason under the file name.

The list is narrow (it shares the window with the workout table), so the explanation of a row's
status (the parse error, the duplicate, the warnings, the upload step) is drawn as a second line
under the file name instead of in a Details column off to the right; a row with nothing to
explain shows there the name its workout gets ("Morning Ride" in italics when it is only the
suggestion). The file name is elided in the middle (its start and its end tell files apart),
the explanation at the end; the cell's tooltip has both in full. Colours come from
:mod:`st_desktop.ui.theme` for the palette painted on, so they read in dark mode too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from st_desktop.ui import theme
from st_desktop.ui.upload.model import (
    Column,
    DetailRole,
    RowRole,
    RowStatus,
    UploadRow,
    status_colour,
)
from st_desktop.ui.upload.texts import status_text

Index = QModelIndex | QPersistentModelIndex
_PAD = 4


def row_height(widget: QWidget) -> int:
    """Two lines of text: the file name and the explanation under it."""
    metrics = widget.fontMetrics()
    return 2 * metrics.height() + 3 * _PAD // 2


def elided_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """A file name that fits ``width``: elided in the middle, so "fp_2019…-0.fit" keeps the
    start that tells rides apart and the format at the end."""
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)


def elided_detail(text: str, metrics: QFontMetrics, width: int) -> str:
    """The first line of an explanation that fits ``width``, elided at its end."""
    first = text.splitlines()[0] if text else ""
    return metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)


class UploadRowDelegate(QStyledItemDelegate):
    """Draws the Status column's progress bar and the File column's two lines."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(RowRole)
        column = index.column()
        if isinstance(row, UploadRow) and column == Column.STATUS and row.progress is not None:
            self._paint_background(painter, option, index)
            self._paint_progress(painter, option, row)
        elif isinstance(row, UploadRow) and column == Column.FILE:
            self._paint_background(painter, option, index)
            self._paint_two_lines(painter, option, row, str(index.data(DetailRole) or ""))
        else:
            super().paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() == Column.FILE:
            hint.setHeight(max(hint.height(), 2 * option.fontMetrics.height() + _PAD))
        return hint

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

    def _paint_progress(
        self, painter: QPainter, option: QStyleOptionViewItem, row: UploadRow
    ) -> None:
        rect: QRect = option.rect
        bar = QStyleOptionProgressBar()
        bar.rect = rect.adjusted(_PAD // 2, _PAD, -_PAD // 2, -_PAD)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = round(100 * max(0.0, min(1.0, row.progress or 0.0)))
        bar.text = row.step or status_text(row.status)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)

    def _paint_two_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, row: UploadRow, detail: str
    ) -> None:
        rect: QRect = option.rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(role)
        second = detail or row.upload_name
        painter.save()
        font = option.font
        metrics = QFontMetrics(font)
        line = metrics.height()
        # Without a second line the name is centred, in line with the other columns.
        top = QRect(rect.left(), rect.top(), rect.width(), line) if second else rect
        painter.setFont(font)
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(top, int(align), elided_name(row.display_name, metrics, rect.width()))
        if second:
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.9)
            if not detail and row.name_is_suggested:
                small.setItalic(True)  # a suggestion, not a name anybody gave
            bottom = QRect(rect.left(), rect.top() + line, rect.width(), rect.height() - line)
            painter.setFont(small)
            painter.setPen(self._second_line_colour(row, detail, palette, text_colour, selected))
            text = elided_detail(second, QFontMetrics(small), rect.width())
            painter.drawText(bottom, int(align), text)
        painter.restore()

    @staticmethod
    def _second_line_colour(
        row: UploadRow, detail: str, palette: QPalette, text: QColor, selected: bool
    ) -> QColor:
        colour: QColor | None = None
        if not selected and detail and (row.message or not row.checking):
            # Without a message of its own, the line holds the file's problems: a warning.
            colour = status_colour(row.status if row.message else RowStatus.WARNING, palette)
        elif not selected:
            colour = theme.colours(palette).muted  # the name: secondary text
        if colour is None:
            colour = QColor(text)
            colour.setAlphaF(0.8)
        return colour
