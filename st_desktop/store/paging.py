"""The rows of a keyset-paged cache query that are held in memory, page by page.

A table over 100,000 workouts has that many rows, but only the pages someone looked at are read
(:meth:`~st_desktop.store.cache.WorkoutCache.rows`), and only :attr:`LoadedRows.max_loaded` rows
are kept: the pages read longest ago go back to placeholders (None). Plain Python: the table
model tells its views about the changes.
"""

from __future__ import annotations

from collections import OrderedDict

from st_desktop.store.cache_schema import RowKey, WorkoutRow


class LoadedRows:
    """One slot per row of a query; a slot holds a :class:`WorkoutRow` or None (not read).

    Args:
        page_size: rows per page; pages are read and forgotten whole.
        max_loaded: rows kept at most (at least four pages).

    Attributes:
        rows: the slots (their number is the table's row count).
        loaded: how many slots hold a row.
    """

    def __init__(self, page_size: int, max_loaded: int) -> None:
        self.page_size = page_size
        self.max_loaded = max(max_loaded, 4 * page_size)
        self.rows: list[WorkoutRow | None] = []
        self.loaded = 0
        self._pages: dict[int, int] = {}  # page -> rows read into it (fewer: the last page)
        self._order: OrderedDict[int, None] = OrderedDict()  # least recently read first

    def __len__(self) -> int:
        return len(self.rows)

    def clear(self) -> None:
        """No rows at all."""
        self.rows = []
        self.loaded = 0
        self._pages.clear()
        self._order.clear()

    def has_page(self, page: int) -> bool:
        """True when ``page`` was read and is still held."""
        return page in self._pages

    def top_end(self) -> int:
        """How many rows from the top are held without a gap."""
        page, end = 0, 0
        while page in self._pages:
            end = page * self.page_size + self._pages[page]
            if self._pages[page] < self.page_size:
                break
            page += 1
        return end

    def anchor(self, page: int) -> tuple[int, RowKey | None]:
        """The last held row above ``page`` and its key (-1 and None: start at the top)."""
        below = [p for p, count in self._pages.items() if p < page and count]
        if not below:
            return -1, None
        row = max(below) * self.page_size + self._pages[max(below)] - 1
        item = self.rows[row]
        return (-1, None) if item is None else (row, item.key)

    def grow(self, total: int) -> None:
        """Add placeholders up to ``total`` slots."""
        self.rows.extend([None] * (total - len(self.rows)))

    def shrink(self, total: int) -> None:
        """Drop the slots from ``total`` on."""
        self.loaded -= sum(row is not None for row in self.rows[total:])
        del self.rows[total:]
        for page, count in list(self._pages.items()):
            first = page * self.page_size
            if first >= total:
                del self._pages[page]
                self._order.pop(page, None)
            elif first + count > total:
                self._pages[page] = total - first

    def put(self, pages: list[int], rows: list[WorkoutRow]) -> None:
        """Hold the rows read for consecutive ``pages`` (the slots must exist)."""
        first = pages[0] * self.page_size
        for offset, item in enumerate(rows):
            self.loaded += self.rows[first + offset] is None
            self.rows[first + offset] = item
        end = first + len(rows)
        for page in pages:
            self._pages[page] = min(self.page_size, max(0, end - page * self.page_size))
            self._order[page] = None
            self._order.move_to_end(page)

    def evict(self, keep: list[int]) -> None:
        """Forget the pages read longest ago (never ``keep``) while too many rows are held."""
        while self.loaded > self.max_loaded and len(self._order) > len(keep):
            page = next(p for p in self._order if p not in keep)
            del self._order[page]
            self._pages.pop(page, None)
            first = page * self.page_size
            for row in range(first, min(first + self.page_size, len(self.rows))):
                self.loaded -= self.rows[row] is not None
                self.rows[row] = None

    def forget_from(self, top: int) -> tuple[int, int] | None:
        """Put placeholders in every slot from ``top`` on; the span that held rows, if any."""
        cleared = [r for r in range(top, len(self.rows)) if self.rows[r] is not None]
        for row in cleared:
            self.rows[row] = None
        self.loaded -= len(cleared)
        for page in [p for p in self._pages if (p + 1) * self.page_size > top]:
            del self._pages[page]
            self._order.pop(page, None)
        return (cleared[0], cleared[-1]) if cleared else None

    def reset_pages(self) -> None:
        """Forget which pages were read (after the rows moved); the slots stay as they are."""
        self._pages.clear()
        self._order.clear()
        self.loaded = sum(row is not None for row in self.rows)
