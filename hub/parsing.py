"""The one way to read an id, a cursor or a count typed into a URL, a query string, a form or
a websocket path. `str.isdigit()` accepts "²" and "١٢" (then `int()` fails or reads Arabic
digits), `int()` accepts signs, spaces and underscores and refuses more than 4,300 digits,
and the database refuses numbers past its integer range: each was a 500 (issue 11). This
module is a leaf: it imports nothing of ours."""

import re

# Our tables use 64-bit keys, machina's 32-bit ones; Django answers "no row" for a number past
# a column's range, so the bound is the widest column's.
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value, *, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """The integer written in `value` with ASCII digits only (no sign, space or other
    script), between `minimum` and `maximum`; None for anything else, never an exception."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _ASCII_DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def parse_ids(values, **bounds) -> list[int]:
    """The valid ids among `values` (a form's repeated field), in order, without duplicates."""
    ids = (parse_id(value, **bounds) for value in values)
    return list(dict.fromkeys(number for number in ids if number is not None))


def parse_cursor(value) -> int | None:
    """An `?after=<id>` cursor: 0 is allowed (everything after the start)."""
    return parse_id(value, minimum=0)


def _is_id_name(name: str) -> bool:
    return name == "pk" or name.endswith("_pk")


def require_url_ids(kwargs: dict) -> None:
    """Raises Http404 unless every `pk`/`*_pk` of a URL's keyword arguments is an id
    (machina's views read them with int() or treat 0 as missing, each a 500)."""
    from django.http import Http404

    if any(_is_id_name(name) and parse_id(value) is None for name, value in kwargs.items()):
        raise Http404


class UrlIdsMixin:
    """For class-based views whose URL carries ids: a bad one is a 404 before the view."""

    def dispatch(self, request, *args, **kwargs):
        require_url_ids(kwargs)
        return super().dispatch(request, *args, **kwargs)
