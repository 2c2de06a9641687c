"""The exact words a member agrees to, with a version per purpose. When a wording changes,
bump its version: each consent in the log names the version the member saw, so staff can
show what was agreed to (Loi 25, art. 14: consent is specific and for a purpose).

The current wording is shown in the sign-up form, in "Mon espace" and on the privacy page.
Old versions stay here so that old log rows can still be read in full, and so do the
wordings of purposes no longer offered (RETIRED)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NEWSLETTER = "newsletter"
STATISTICS = "statistics"
PURPOSES = (NEWSLETTER, STATISTICS)

# Other things the log records: the terms, the age confirmation and email opt-outs.
TERMS = "terms"
AGE_14 = "age_14"
EMAIL_NOTIFICATION = "email_notification"
EMAIL_ALL = "email_all"


@dataclass(frozen=True)
class Wording:
    version: str
    label: object  # lazy string: the box's label
    description: object  # lazy string: what it means, shown beside the box


WORDINGS: dict[str, dict[str, Wording]] = {
    NEWSLETTER: {
        "2026-11": Wording(
            "2026-11",
            _("Send me the infolettre (newsletter) and news of upcoming webinars by email."),
            _(
                "About one email a month. You can unsubscribe at any time, in one click, "
                "from any infolettre or from My space."
            ),
        )
    },
    STATISTICS: {
        "2026-11": Wording(
            "2026-11",
            _("Include my organization's answers in aggregate statistics shared with funders."),
            _(
                "Only totals for groups of at least 10 organizations are shared; never your "
                "name, your organization's name or your answers one by one."
            ),
        )
    },
    TERMS: {
        "2026-11": Wording(
            "2026-11",
            _("I have read and accept the terms of use and the privacy policy."),
            _("Needed to create an account."),
        )
    },
    AGE_14: {
        "2026-11": Wording(
            "2026-11",
            _("I confirm that I am 14 years of age or older."),
            _("Québec law requires a parent's consent under 14."),
        )
    },
    EMAIL_NOTIFICATION: {
        "2026-11": Wording(
            "2026-11",
            _("Notification emails (replies, mentions, reminders)"),
            _("Emails about activity that concerns you."),
        )
    },
    EMAIL_ALL: {
        "2026-11": Wording(
            "2026-11",
            _("All emails except those you ask for (password, registration confirmation)"),
            _("Stops every notification and promotional email at once."),
        )
    },
}

# Purposes no longer asked for. Nobody can give them any more, but members' past log rows
# name them and must still read in full. "directory": the sign-up form asked to list members
# in a directory that was never built; asking consent for a processing that does not exist
# misleads, so the choice was removed in December 2026.
RETIRED: dict[str, dict[str, Wording]] = {
    "directory": {
        "2026-11": Wording(
            "2026-11",
            _("List me in the member directory."),
            _(
                "Signed-in members would see your public name, job title and organization. "
                "Never your email address."
            ),
        )
    },
}

CURRENT_VERSION = {subject: max(versions) for subject, versions in WORDINGS.items()}


def current_wording(subject: str) -> Wording:
    return WORDINGS[subject][CURRENT_VERSION[subject]]


def wording(subject: str, version: str) -> Wording | None:
    return (WORDINGS.get(subject) or RETIRED.get(subject, {})).get(version)
