"""The rows of a paged query held in memory: gaps, anchors and a bounded size."""

from __future__ import annotations

from st_desktop.store.cache_schema import WorkoutRow
from st_desktop.store.paging import LoadedRows


def rows(first: int, count: int) -> list[WorkoutRow]:
    def row(n: int) -> WorkoutRow:
        key = (0, float(n), float(n), n)
        return WorkoutRow(key, str(n), None, f"w{n}", "Running", None, None, None, None, "{}")

    return [row(n) for n in range(first, first + count)]


def test_the_top_ends_at_the_first_gap_and_anchors_are_the_last_row_above() -> None:
    held = LoadedRows(page_size=10, max_loaded=1000)
    held.grow(100)
    assert (held.top_end(), held.anchor(5)) == (0, (-1, None))
    held.put([0, 1], rows(0, 20))
    held.put([5], rows(50, 10))
    assert held.top_end() == 20
    assert held.anchor(3) == (19, (0, 19.0, 19.0, 19))
    assert held.anchor(9) == (59, (0, 59.0, 59.0, 59))
    held.put([2], rows(20, 4))  # a short page: the rows end there
    assert held.top_end() == 24
    assert held.loaded == 34


def test_the_pages_read_longest_ago_are_forgotten_first() -> None:
    held = LoadedRows(page_size=10, max_loaded=40)
    held.grow(100)
    for page in range(6):
        held.put([page], rows(page * 10, 10))
        held.evict([page])
    assert held.loaded == 40
    assert [held.has_page(p) for p in range(6)] == [False, False, True, True, True, True]
    assert held.rows[0] is None
    assert held.rows[59] is not None


def test_shrinking_and_forgetting_keep_the_counts_true() -> None:
    held = LoadedRows(page_size=10, max_loaded=1000)
    held.grow(50)
    held.put([0, 1, 2], rows(0, 30))
    held.shrink(25)
    assert (len(held), held.loaded, held.top_end()) == (25, 25, 25)
    assert held.forget_from(12) == (12, 24)
    assert (held.loaded, held.top_end()) == (12, 10)
    held.reset_pages()
    assert (held.loaded, held.top_end()) == (12, 0)
