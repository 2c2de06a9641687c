"""Where privacy plugs into the other rooms: its panel in Mon espace, its section of the
member's data download, what it does when a member leaves, the consent rule every
non-transactional email obeys, and the retention tasks of its own policy. (Privacy also
reads one point: it runs every room's retention tasks, in retention.py.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions

from . import exports, panels, retention, services

# (order on the privacy policy page, task): the other rooms' tasks sit in between
# (accounts never confirmed: 10, notifications: 30, events' attendee lists: 80).
RETENTION_TASKS = [
    (
        20,
        extensions.RetentionTask(
            key="inactive_accounts",
            label=_("Inactive accounts"),
            description=_(
                "After this long without signing in, we email you a notice; without a sign-in "
                "in the following 30 days, the account is deleted as if you had deleted it "
                "yourself."
            ),
            run=retention.inactive_accounts_purge,
        ),
    ),
    (
        40,
        extensions.RetentionTask(
            key="sessions",
            label=_("Sign-in sessions"),
            description=_("Deleted when they expire (two weeks without a visit)."),
            run=retention.sessions_purge,
        ),
    ),
    (
        50,
        extensions.RetentionTask(
            key="consent_log_after_deletion",
            label=_("Consent log of deleted accounts"),
            description=_("Kept as proof of consent, without name or address, then deleted."),
            run=retention.consent_log_after_deletion_purge,
        ),
    ),
    (
        60,
        extensions.RetentionTask(
            key="privacy_requests",
            label=_("Privacy requests"),
            description=_(
                "Requests for access, rectification or deletion, counted from the answer."
            ),
            run=retention.privacy_requests_purge,
        ),
    ),
    (
        70,
        extensions.RetentionTask(
            key="incidents",
            label=_("Confidentiality incident register"),
            description=_(
                "Counted from the date we learned of the incident (at least 5 years, by "
                "regulation)."
            ),
            run=retention.incidents_purge,
        ),
    ),
]


def member_deleting(sender, user, **kwargs) -> None:
    services.member_privacy_forget(user=user)


def register() -> None:
    extensions.email_consent_rule.register("privacy", services.consent_rule)
    extensions.dashboard_panels.register(
        "privacy/panels/choices.html", panels.choices_panel, order=90
    )
    extensions.member_exports.register("privacy", exports.privacy_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="hub.privacy.member_deleting")
    for order, task in RETENTION_TASKS:
        extensions.retention_tasks.register(task.key, task, order=order)
