"""The one door every aggregate about organisations goes through before it leaves the
database — pages, CSV, charts, open data (issue 14, item 4). Pure functions: callers hand
in one value per organisation and group, and get back only what may be shown.

The rules:
- a group (a cell, a row or column total, the grand total) is shown only when it counts at
  least THRESHOLD organisations ("primary" suppression);
- complementary suppression: a hidden entry must not be computable from what is shown.
  Counts add up along rows and columns (a region's total is the sum of its sizes), so a
  row or column holding exactly one hidden entry gets a second one hidden, and then every
  hidden entry is checked against all the sums at once (a total minus the other cells, a
  grand total minus other totals…): while one can still be solved exactly, one more entry
  beside it is hidden;
- counts that are shown are rounded to a multiple of ROUNDING_BASE; medians are shown only
  where the count is.

What this does not do: bound-based (interval) disclosure beyond what rounding blurs, and
linking between different tables published from the same data — callers publish one
table per question set and the same grouping everywhere."""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import median as _median

THRESHOLD = 10
ROUNDING_BASE = 5


class _Total:
    """The margin's key: a row's total sits in column TOTAL, a column's in row TOTAL."""

    def __repr__(self) -> str:
        return "TOTAL"


TOTAL = _Total()


@dataclass(frozen=True)
class Cell:
    """What may be published of one group. `count` is rounded; both are None when the
    group is suppressed."""

    count: int | None
    median: float | None
    suppressed: bool


HIDDEN = Cell(count=None, median=None, suppressed=True)


def round_count(n: int, base: int = ROUNDING_BASE) -> int:
    """To the nearest multiple of `base`, halves up (12 → 10, 13 → 15, 2 → 0)."""
    if n < 0:
        raise ValueError("A count is never negative.")
    return base * ((n + base // 2) // base)


def group_cell(values: Sequence[float], *, threshold: int = THRESHOLD) -> Cell:
    """One group on its own (one value per organisation): its median and rounded count,
    or nothing when it has fewer than `threshold` organisations. Only for a group shown
    alone, with no total beside it; a table goes through `median_table`."""
    n = len(values)
    if n == 0:
        return Cell(count=0, median=None, suppressed=False)
    if n < threshold:
        return HIDDEN
    return Cell(count=round_count(n), median=float(_median(values)), suppressed=False)


@dataclass(frozen=True)
class Table:
    rows: tuple
    columns: tuple
    cells: dict  # (row, column) → Cell, rows and columns including TOTAL

    def cell(self, row, column) -> Cell:
        return self.cells[(row, column)]


def _equations(rows: Sequence, columns: Sequence) -> list[tuple[list, tuple]]:
    """Every sum a reader can check: (the parts, their total)."""
    equations = [([(r, c) for c in columns], (r, TOTAL)) for r in (*rows, TOTAL)]
    equations += [([(r, c) for r in rows], (TOTAL, c)) for c in (*columns, TOTAL)]
    return equations


def _cost(key: tuple, counts: dict) -> tuple:
    # Hide inner cells before margins, groups that have someone before empty ones (an
    # empty cell hides little), and then the smallest: the least information lost.
    is_margin = key[0] is TOTAL or key[1] is TOTAL
    return (is_margin, counts[key] == 0, counts[key])


def _solvable(hidden: set, counts: dict, equations: list) -> list:
    """The hidden entries a reader could compute exactly from the shown ones and the sums:
    reduced row echelon form of the sums restricted to the hidden entries; an entry is
    determined exactly when a reduced row is that entry alone."""
    order = sorted(hidden, key=repr)
    index = {key: i for i, key in enumerate(order)}
    matrix = []
    for parts, total in equations:
        row = [Fraction(0)] * len(order)
        for key in parts:
            if key in index:
                row[index[key]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            matrix.append(row)
    pivot_row = 0
    for column in range(len(order)):
        pivot = next((i for i in range(pivot_row, len(matrix)) if matrix[i][column] != 0), None)
        if pivot is None:
            continue
        matrix[pivot_row], matrix[pivot] = matrix[pivot], matrix[pivot_row]
        lead = matrix[pivot_row][column]
        matrix[pivot_row] = [value / lead for value in matrix[pivot_row]]
        for i, row in enumerate(matrix):
            if i != pivot_row and row[column] != 0:
                factor = row[column]
                matrix[i] = [a - factor * b for a, b in zip(row, matrix[pivot_row], strict=True)]
        pivot_row += 1
    solved = []
    for row in matrix[:pivot_row]:
        nonzero = [i for i, value in enumerate(row) if value != 0]
        if len(nonzero) == 1:
            solved.append(order[nonzero[0]])
    return solved


def suppressed_entries(
    counts: dict, rows: Sequence, columns: Sequence, *, threshold: int = THRESHOLD
) -> set:
    """Which entries of the table (cells and margins, keyed (row, column) with TOTAL for
    the margins) must be hidden. `counts` gives the inner cells; missing ones are 0."""
    full = {(r, c): counts.get((r, c), 0) for r in rows for c in columns}
    for r in rows:
        full[(r, TOTAL)] = sum(full[(r, c)] for c in columns)
    for c in columns:
        full[(TOTAL, c)] = sum(full[(r, c)] for r in rows)
    full[(TOTAL, TOTAL)] = sum(full[(r, TOTAL)] for r in rows)
    hidden = {key for key, n in full.items() if 0 < n < threshold}
    equations = _equations(rows, columns)
    while True:
        grew = False
        for parts, total in equations:
            members = [*parts, total]
            if sum(key in hidden for key in members) == 1:
                visible = [key for key in members if key not in hidden]
                hidden.add(min(visible, key=lambda key: _cost(key, full)))
                grew = True
        if grew:
            continue
        solved = _solvable(hidden, full, equations)
        if not solved:
            return hidden
        # Hide the cheapest shown entry in a sum that holds the solvable one.
        candidates = [
            key
            for parts, total in equations
            if solved[0] in (*parts, total)
            for key in (*parts, total)
            if key not in hidden
        ]
        if not candidates:  # every entry is hidden already: nothing left to give away
            return hidden
        hidden.add(min(candidates, key=lambda key: _cost(key, full)))


def median_table(
    observations: Iterable[tuple[Hashable, Hashable, Hashable, float]],
    *,
    rows: Sequence | None = None,
    columns: Sequence | None = None,
    threshold: int = THRESHOLD,
) -> Table:
    """Medians by row × column with their totals, as they may be published.

    `observations` are (row, column, organisation, value): one value per organisation and
    cell (an organisation's score), never one per respondent — a group's size is a number
    of organisations. `rows`/`columns` name every group that exists (a region nobody from
    answered is still a row whose 0 readers can see), in the order to show them."""
    values: dict[tuple, dict] = {}
    for row, column, organisation, value in observations:
        group = values.setdefault((row, column), {})
        if organisation in group:
            raise ValueError(f"Organisation {organisation!r} appears twice in one group.")
        group[organisation] = value
    rows = tuple(rows if rows is not None else sorted({r for r, _c in values}, key=repr))
    columns = tuple(columns if columns is not None else sorted({c for _r, c in values}, key=repr))
    unknown = {key for key in values if key[0] not in rows or key[1] not in columns}
    if unknown:
        raise ValueError(f"Observations outside the table's rows and columns: {unknown!r}")

    def gather(keys) -> list:
        return [v for key in keys for v in values.get(key, {}).values()]

    groups = {(r, c): gather([(r, c)]) for r in rows for c in columns}
    for r in rows:
        groups[(r, TOTAL)] = gather([(r, c) for c in columns])
    for c in columns:
        groups[(TOTAL, c)] = gather([(r, c) for r in rows])
    groups[(TOTAL, TOTAL)] = gather(list(values))
    counts = {(r, c): len(groups[(r, c)]) for r in rows for c in columns}
    hidden = suppressed_entries(counts, rows, columns, threshold=threshold)
    cells = {}
    for key, group in groups.items():
        if key in hidden:
            cells[key] = HIDDEN
        elif not group:
            cells[key] = Cell(count=0, median=None, suppressed=False)
        else:
            cells[key] = Cell(
                count=round_count(len(group)), median=float(_median(group)), suppressed=False
            )
    return Table(rows=rows, columns=columns, cells=cells)
