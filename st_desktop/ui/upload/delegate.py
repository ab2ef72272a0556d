"""How upload rows are drawn: a progress bar while uploading, and the reason under the file name.

The list is narrow (it shares the window with the workout table), so the explanation of a row's
status (the parse error, the duplicate, the warnings, the upload step) is drawn as a second line
under the file name instead of in a Details column off to the right.
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

from st_desktop.ui.upload.model import COLOURS, Column, DetailRole, RowRole, RowStatus, UploadRow

Index = QModelIndex | QPersistentModelIndex
_PAD = 4


def row_height(widget: QWidget) -> int:
    """Two lines of text: the file name and the explanation under it."""
    metrics = widget.fontMetrics()
    return 2 * metrics.height() + 3 * _PAD // 2


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
        bar.text = row.step or row.status.value
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
        painter.save()
        font = option.font
        metrics = QFontMetrics(font)
        line = metrics.height()
        # Without an explanation the name is centred, in line with the other columns.
        top = QRect(rect.left(), rect.top(), rect.width(), line) if detail else rect
        painter.setFont(font)
        painter.setPen(text_colour)
        name = metrics.elidedText(row.display_name, Qt.TextElideMode.ElideMiddle, rect.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(top, int(align), name)
        if detail:
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.9)
            small_metrics = QFontMetrics(small)
            bottom = QRect(rect.left(), rect.top() + line, rect.width(), rect.height() - line)
            # Without a message of its own, the line holds the parser's warnings.
            colour = COLOURS.get(row.status if row.message else RowStatus.WARNING)
            if selected or colour is None:
                pen = QColor(text_colour)
                pen.setAlphaF(0.8)
            else:
                pen = QColor(colour)
            painter.setFont(small)
            painter.setPen(pen)
            first_line = detail.splitlines()[0] if detail else ""
            text = small_metrics.elidedText(first_line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(bottom, int(align), text)
        painter.restore()
