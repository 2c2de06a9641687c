"""Kinds of notification. Each source registers its own in its AppConfig.ready(), so this
package never imports forum or events:

    register_kind(
        "forum.reply",
        label=_("Replies in topics you follow"),
        one=_("%(actor)s replied in “%(target)s”"),
        many=_("%(count)s new replies in “%(target)s”"),
    )
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    one: str | Promise  # "%(actor)s replied in “%(target)s”"
    many: str | Promise | None = None  # collapsed text; None: never collapse
    default_delivery: str = "site"


_kinds: dict[str, Kind] = {}


def register_kind(code: str, *, label, one, many=None, default_delivery: str = "site") -> Kind:
    kind = Kind(code, label, one, many, default_delivery)
    _kinds[code] = kind
    return kind


def get_kind(code: str) -> Kind:
    try:
        return _kinds[code]
    except KeyError:
        raise LookupError(f"Unknown notification kind {code!r}: register it first.") from None


def all_kinds() -> list[Kind]:
    return list(_kinds.values())
