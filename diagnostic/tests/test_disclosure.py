"""The suppression rules, attacked: groups of 9, 10 and 11, a total minus the other cells,
a row whose one hidden cell forces a second, sums across totals, rounding. Pure functions:
no database."""

import itertools
import random
from fractions import Fraction

import pytest

from diagnostic.disclosure import (
    HIDDEN,
    TOTAL,
    group_cell,
    median_table,
    round_count,
    suppressed_entries,
)


def observations(sizes: dict, value=lambda i: 2.0):
    """(row, column, organisation, value) for `sizes[(row, column)]` organisations."""
    serial = itertools.count()
    return [
        (row, column, next(serial), value(i))
        for (row, column), n in sizes.items()
        for i in range(n)
    ]


def shown_counts(table) -> dict:
    return {key: cell.count for key, cell in table.cells.items() if not cell.suppressed}


def exact_attack(table, true_counts: dict) -> set:
    """What a reader works out from the published table if counts were not rounded:
    repeatedly solve any row or column sum (totals included) with one unknown left. Only
    the published entries are used; `true_counts` gives the exact values of the shown
    ones, the worst case (as if rounding were undone)."""
    rows, columns = table.rows, table.columns
    known = {key: true_counts[key] for key, cell in table.cells.items() if not cell.suppressed}
    sums = [([(r, c) for c in columns], (r, TOTAL)) for r in (*rows, TOTAL)]
    sums += [([(r, c) for r in rows], (TOTAL, c)) for c in (*columns, TOTAL)]
    found = set()
    progress = True
    while progress:
        progress = False
        for parts, total in sums:
            unknown = [key for key in (*parts, total) if key not in known]
            if len(unknown) != 1:
                continue
            key = unknown[0]
            if key == total:
                known[key] = sum(known[p] for p in parts)
            else:
                known[key] = known[total] - sum(known[p] for p in parts if p != key)
            found.add(key)
            progress = True
    return found


def true_counts_of(sizes: dict, rows, columns) -> dict:
    full = {(r, c): sizes.get((r, c), 0) for r in rows for c in columns}
    for r in rows:
        full[(r, TOTAL)] = sum(full[(r, c)] for c in columns)
    for c in columns:
        full[(TOTAL, c)] = sum(full[(r, c)] for r in rows)
    full[(TOTAL, TOTAL)] = sum(full[(r, TOTAL)] for r in rows)
    return full


# --- one group alone ----------------------------------------------------------------------


@pytest.mark.parametrize(("n", "shown"), [(9, False), (10, True), (11, True)])
def test_a_region_is_shown_from_ten_organisations(n, shown):
    cell = group_cell([3.0] * n)
    assert (not cell.suppressed) is shown
    if shown:
        assert cell.median == 3.0
        assert cell.count == 10
    else:
        assert cell == HIDDEN
        assert cell.count is None and cell.median is None


def test_an_empty_group_shows_zero_and_no_median():
    cell = group_cell([])
    assert (cell.count, cell.median, cell.suppressed) == (0, None, False)


@pytest.mark.parametrize(
    ("n", "rounded"), [(0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (10, 10), (12, 10), (13, 15)]
)
def test_counts_are_rounded_to_multiples_of_five(n, rounded):
    assert round_count(n) == rounded


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        round_count(-1)


# --- tables with totals -------------------------------------------------------------------


def test_regions_of_nine_ten_and_eleven_with_a_total_hide_two():
    """Nine is hidden; the total minus 10 and 11 would give 9 back, so the smallest shown
    region (10) is hidden too; 11 and the total stay."""
    sizes = {("r9", "all"): 9, ("r10", "all"): 10, ("r11", "all"): 11}
    table = median_table(observations(sizes), rows=["r9", "r10", "r11"], columns=["all"])
    assert table.cell("r9", "all").suppressed
    assert table.cell("r10", "all").suppressed
    assert not table.cell("r11", "all").suppressed
    assert table.cell(TOTAL, "all").count == 30
    true = true_counts_of(sizes, table.rows, table.columns)
    assert exact_attack(table, true) == set()


def test_a_total_minus_the_other_cells_never_gives_a_hidden_cell_back():
    sizes = {("Laval", "small"): 4, ("Laval", "medium"): 15, ("Laval", "large"): 20}
    sizes |= {("Estrie", "small"): 30, ("Estrie", "medium"): 25, ("Estrie", "large"): 12}
    rows, columns = ["Laval", "Estrie"], ["small", "medium", "large"]
    table = median_table(observations(sizes), rows=rows, columns=columns)
    assert table.cell("Laval", "small").suppressed
    # The row total is shown, so a second cell of Laval's row must be hidden…
    hidden_in_row = [c for c in columns if table.cell("Laval", c).suppressed]
    assert len(hidden_in_row) >= 2 or table.cell("Laval", TOTAL).suppressed
    # …and the column "small" too, or its total minus Estrie gives Laval back.
    hidden_in_column = [r for r in rows if table.cell(r, "small").suppressed]
    assert len(hidden_in_column) >= 2 or table.cell(TOTAL, "small").suppressed
    true = true_counts_of(sizes, rows, columns)
    assert exact_attack(table, true) == set()
    # And the medians of every hidden cell are gone with its count.
    for key, cell in table.cells.items():
        if cell.suppressed:
            assert cell.median is None and cell.count is None, key


def test_a_single_hidden_cell_in_a_row_forces_a_second_one():
    counts = {("a", "x"): 3, ("a", "y"): 40, ("a", "z"): 12}
    hidden = suppressed_entries(counts, ["a"], ["x", "y", "z"])
    row = {key for key in hidden if key[0] == "a" and key[1] is not TOTAL}
    assert ("a", "x") in row
    assert len(row) >= 2
    assert ("a", "z") in row  # the smallest shown cell is the one given up


def test_a_hidden_row_total_is_not_the_grand_total_minus_the_others():
    """A region whose every size is hidden has a small total: hidden too, and the grand
    total minus the other regions' totals must not give it back."""
    sizes = {("Nord", "small"): 2, ("Nord", "large"): 3}
    sizes |= {("Sud", "small"): 20, ("Sud", "large"): 30, ("Est", "small"): 11}
    sizes |= {("Est", "large"): 14}
    rows, columns = ["Nord", "Sud", "Est"], ["small", "large"]
    table = median_table(observations(sizes), rows=rows, columns=columns)
    assert table.cell("Nord", TOTAL).suppressed
    assert exact_attack(table, true_counts_of(sizes, rows, columns)) == set()


def _determined_by_linear_algebra(table, true_counts) -> set:
    """A stronger reader: any combination of the sums (not only one at a time). An entry
    is exposed when fixing every shown value leaves it a single possible value: two
    solutions of the sums that differ on it cannot both exist — checked by rank."""
    rows, columns = table.rows, table.columns
    hidden = sorted((key for key, cell in table.cells.items() if cell.suppressed), key=repr)
    sums = [([(r, c) for c in columns], (r, TOTAL)) for r in (*rows, TOTAL)]
    sums += [([(r, c) for r in rows], (TOTAL, c)) for c in (*columns, TOTAL)]
    matrix = []
    for parts, total in sums:
        matrix.append([Fraction((key in parts) - (key == total)) for key in hidden])

    def rank(m):
        m = [row[:] for row in m]
        r = 0
        for c in range(len(hidden)):
            p = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
            if p is None:
                continue
            m[r], m[p] = m[p], m[r]
            for i in range(len(m)):
                if i != r and m[i][c] != 0:
                    f = m[i][c] / m[r][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
            r += 1
        return r

    base = rank(matrix)
    exposed = set()
    for i, key in enumerate(hidden):
        unit = [Fraction(int(j == i)) for j in range(len(hidden))]
        if rank([*matrix, unit]) == base:
            exposed.add(key)
    return exposed


def test_random_tables_leak_no_hidden_count_to_any_combination_of_sums():
    rng = random.Random(14)
    for _ in range(60):
        rows = [f"r{i}" for i in range(rng.randint(1, 6))]
        columns = [f"c{i}" for i in range(rng.randint(1, 4))]
        sizes = {(r, c): rng.choice([0, 1, 2, 5, 9, 10, 11, 14, 30]) for r in rows for c in columns}
        table = median_table(observations(sizes), rows=rows, columns=columns)
        true = true_counts_of(sizes, rows, columns)
        for key, cell in table.cells.items():
            if 0 < true[key] < 10:
                assert cell.suppressed, (key, sizes)
        assert exact_attack(table, true) == set(), sizes
        assert _determined_by_linear_algebra(table, true) == set(), sizes


def test_medians_are_of_organisations_and_shown_only_with_their_count():
    sizes = {("r", "c"): 10}
    table = median_table(
        observations(sizes, value=lambda i: float(i + 1)), rows=["r"], columns=["c"]
    )
    cell = table.cell("r", "c")
    assert cell.median == 5.5 and cell.count == 10


def test_an_organisation_counted_twice_in_a_group_is_refused():
    with pytest.raises(ValueError):
        median_table([("r", "c", 1, 2.0), ("r", "c", 1, 3.0)])


def test_a_region_with_nobody_still_appears_as_an_empty_row():
    table = median_table(observations({("a", "c"): 12}), rows=["a", "b"], columns=["c"])
    assert table.cell("b", "c").count == 0
    assert table.cell("b", "c").median is None
    assert not table.cell("a", "c").suppressed
