"""Kinds of notification. Each source registers its own in its AppConfig.ready(), so this
package never imports forum or events:

    register_kind(
        "forum.reply",
        label=_("Replies in topics you follow"),
        one=_("%(actor)s replied in “%(target)s”"),
        many=_("%(count)s new replies in “%(target)s”"),
        default_delivery="site",   # or "email", "digest", "none"
    )
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# How a member hears about a kind of notification (their preference, or the kind's default).
SITE = "site"  # on the site only (bell, list)
EMAIL = "email"  # on the site, and by email at once
DIGEST = "digest"  # on the site, and in the daily digest email
NONE = "none"  # not at all
DELIVERIES = (SITE, EMAIL, DIGEST, NONE)
DELIVERY_CHOICES = [
    (SITE, _("On the site only")),
    (EMAIL, _("On the site and by email at once")),
    (DIGEST, _("On the site and in a daily email digest")),
    (NONE, _("Never")),
]


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    one: str | Promise  # "%(actor)s replied in “%(target)s”"
    many: str | Promise | None = None  # collapsed text; None: never collapse
    default_delivery: str = SITE


_kinds: dict[str, Kind] = {}


def register_kind(code: str, *, label, one, many=None, default_delivery: str = SITE) -> Kind:
    if default_delivery not in DELIVERIES:
        raise ValueError(
            f"default_delivery of {code!r} must be one of {DELIVERIES}, not {default_delivery!r}"
        )
    if len(code) > 50:
        raise ValueError(f"Notification kind code {code!r} is longer than 50 characters")
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
