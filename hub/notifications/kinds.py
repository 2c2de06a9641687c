"""Kinds of notification. Each source room registers its own on
`hub.extensions.notification_kinds` from its hooks.py, so this room never imports forum or
events:

    REPLY = Kind(
        "forum.reply",
        label=_("Replies in topics you follow"),
        one=_("%(actor)s replied in “%(target)s”"),
        many=_("%(count)s new replies in “%(target)s”"),
        default_delivery=SITE,   # or EMAIL, DIGEST, NONE
    )
    extensions.notification_kinds.register(REPLY.code, REPLY)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hub import extensions

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
    # Who may ever get it (moderators, say): a kind offered to everyone else is a choice
    # that does nothing. None: every member.
    audience: Callable | None = None

    def offered_to(self, user) -> bool:
        return self.audience is None or bool(self.audience(user))

    def __post_init__(self):
        if self.default_delivery not in DELIVERIES:
            raise ValueError(
                f"default_delivery of {self.code!r} must be one of {DELIVERIES}, "
                f"not {self.default_delivery!r}"
            )
        if len(self.code) > 50:
            raise ValueError(f"Notification kind code {self.code!r} is longer than 50 characters")


def get_kind(code: str) -> Kind:
    try:
        return extensions.notification_kinds.get(code)
    except KeyError:
        raise LookupError(f"Unknown notification kind {code!r}: register it first.") from None


def all_kinds() -> list[Kind]:
    return [kind for _code, kind in extensions.notification_kinds.items()]
