import pytest

from hub.parsing import MAX_ID, parse_cursor, parse_id, parse_ids


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "²",
        "١٢",
        "１２",
        "-1",
        "+1",
        " 1",
        "1 ",
        "1_000",
        "1.0",
        "0x10",
        "\x00",
        "1\x00",
        "9" * 5000,
        str(MAX_ID + 1),
        None,
        [],
        True,
        b"12",
        "0",
    ],
)
def test_anything_but_ascii_digits_in_range_is_no_id(value):
    assert parse_id(value) is None


def test_ids_are_read_from_ascii_digits():
    assert parse_id("42") == 42
    assert parse_id("0042") == 42
    assert parse_id(7) == 7
    assert parse_id(str(MAX_ID)) == MAX_ID


def test_a_cursor_may_be_zero_and_nothing_else_changes():
    assert parse_cursor("0") == 0
    assert parse_cursor("²") is None
    assert parse_cursor("-1") is None


def test_a_list_of_ids_keeps_the_valid_ones_once():
    assert parse_ids(["3", "²", "3", "-1", "9" * 5000, "5"]) == [3, 5]
