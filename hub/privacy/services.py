"""Every write about a member's privacy choices. Each change of a consent or an email opt-out
updates MemberPrivacy and appends one row to the ConsentEvent log in the same transaction,
so the current state and its history never disagree."""

from django.db import transaction

from hub import emails

from . import wordings
from .models import ConsentEvent, MemberPrivacy

# Which MemberPrivacy field holds each subject, and whether "given" means True.
_FIELDS = {
    wordings.NEWSLETTER: ("newsletter", True),
    wordings.STATISTICS: ("statistics", True),
    wordings.EMAIL_NOTIFICATION: ("email_notifications", True),
    wordings.EMAIL_ALL: ("emails_stopped", False),  # withdrawing = stopping all emails
}
SETTABLE = tuple(_FIELDS)


def privacy_for(user) -> MemberPrivacy:
    """The member's current choices (an unsaved row of defaults if they never chose)."""
    try:
        return MemberPrivacy.objects.get(user=user)
    except MemberPrivacy.DoesNotExist:
        return MemberPrivacy(user=user)


def _locked(user) -> MemberPrivacy:
    MemberPrivacy.objects.get_or_create(user=user)
    return MemberPrivacy.objects.select_for_update().get(user=user)


def _log(*, user, subject: str, given: bool, method: str) -> ConsentEvent:
    return ConsentEvent.objects.create(
        user=user,
        subject=subject,
        action=ConsentEvent.Action.GIVEN if given else ConsentEvent.Action.WITHDRAWN,
        wording_version=wordings.CURRENT_VERSION[subject],
        method=method,
    )


def consent_set(*, user, subject: str, given: bool, method: str) -> bool:
    """Gives or withdraws one consent (or email opt-out) at once. Locks the member's row, so
    two clicks at the same time log one change. Returns whether anything changed; a click
    that changes nothing writes nothing to the log."""
    if subject not in _FIELDS:
        raise ValueError(f"Unknown consent subject {subject!r}")
    field, given_means = _FIELDS[subject]
    with transaction.atomic():
        privacy = _locked(user)
        value = given if given_means else not given
        if getattr(privacy, field) == value:
            return False
        setattr(privacy, field, value)
        privacy.save(update_fields=[field, "updated_at"])
        _log(user=user, subject=subject, given=given, method=method)
    return True


def signup_consents_record(*, user, purposes: dict[str, bool]) -> MemberPrivacy:
    """Stores what a new member agreed to on the sign-up form: the terms and the age
    confirmation (both required by the form), and each purpose they ticked. Unticked
    purposes are left at "no" and not logged: nothing was given."""
    with transaction.atomic():
        privacy = _locked(user)
        _log(user=user, subject=wordings.TERMS, given=True, method=ConsentEvent.Method.SIGNUP)
        _log(user=user, subject=wordings.AGE_14, given=True, method=ConsentEvent.Method.SIGNUP)
        for purpose in wordings.PURPOSES:
            if purposes.get(purpose):
                setattr(privacy, _FIELDS[purpose][0], True)
                _log(user=user, subject=purpose, given=True, method=ConsentEvent.Method.SIGNUP)
        privacy.save()
    return privacy


def profile_visibility_set(*, user, visibility: str) -> None:
    """Who can see the member's profile: only them (the default) or signed-in members."""
    if visibility not in MemberPrivacy.Visibility.values:
        raise ValueError(f"Unknown visibility {visibility!r}")
    with transaction.atomic():
        privacy = _locked(user)
        privacy.profile_visibility = visibility
        privacy.save(update_fields=["profile_visibility", "updated_at"])


def email_unsubscribe(*, user, category: str, everything: bool, method: str) -> bool:
    """Stops one category of email (notification or promotional) or every email that is not
    transactional. Takes effect at once: the next send_member_email checks this row.
    Stopping promotional email withdraws the infolettre consent."""
    if everything:
        return consent_set(user=user, subject=wordings.EMAIL_ALL, given=False, method=method)
    if category == emails.PROMOTIONAL:
        return consent_set(user=user, subject=wordings.NEWSLETTER, given=False, method=method)
    if category == emails.NOTIFICATION:
        return consent_set(
            user=user, subject=wordings.EMAIL_NOTIFICATION, given=False, method=method
        )
    raise ValueError(f"Cannot unsubscribe from {category!r} emails")


def member_privacy_forget(*, user) -> None:
    """Called when a member deletes their account: every consent is withdrawn (logged, as
    proof that no more email may be sent) and their choices are removed. The log keeps no
    name or address: it points at the anonymised account."""
    with transaction.atomic():
        privacy = _locked(user)
        for subject in wordings.PURPOSES:
            if getattr(privacy, _FIELDS[subject][0]):
                _log(
                    user=user,
                    subject=subject,
                    given=False,
                    method=ConsentEvent.Method.ACCOUNT_DELETION,
                )
        privacy.delete()


def consent_rule(member, category: str) -> bool:
    """The anti-spam rule hub.emails applies before any non-transactional email: never to an
    inactive or deleted member or one who stopped all emails; notifications unless turned
    off; promotional mail only with a stored infolettre opt-in. One query."""
    if not member.is_active or not member.email or getattr(member, "deleted_at", None):
        return False
    privacy = privacy_for(member)
    if privacy.emails_stopped:
        return False
    if category == emails.NOTIFICATION:
        return privacy.email_notifications
    if category == emails.PROMOTIONAL:
        return privacy.newsletter
    return False
