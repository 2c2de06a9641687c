"""Every write about members and organisations."""

import secrets

from django.db import transaction
from django.utils import timezone

from hub import extensions

from .models import Organisation, Region, User


def organisation_propose(*, name: str, region: Region, by: User) -> Organisation:
    """A member proposes an organisation that does not exist yet; staff approve it later.
    The member is linked to it at once so they need not come back."""
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name.strip(), region=region, proposed_by=by, is_approved=False
        )
        by.organisation = organisation
        by.save(update_fields=["organisation"])
    return organisation


def member_export(*, user: User) -> dict:
    """Everything the member gave us, JSON-ready (Loi 25, right of access and portability)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "handle": user.handle,
            "job_title": user.job_title,
            "organisation": user.organisation.name if user.organisation else None,
            "region": str(user.organisation.region) if user.organisation else None,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
    }
    # Sections in alphabetical order, whatever order the rooms registered them in.
    for name, build in sorted(extensions.member_exports.items()):
        data[name] = build(user)
    return data


def member_delete(*, user: User) -> None:
    """Deletes a member's account (Loi 25). What they wrote in the forum stays, attributed
    to "Deleted member"; everything that identifies them is erased in one transaction, so a
    failure leaves the account as it was."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        extensions.member_deleting.send(sender=User, user=user)
        user.emailaddress_set.all().delete()
        user.email = f"deleted-{user.pk}-{secrets.token_hex(8)}@deleted.invalid"
        user.first_name = ""
        user.last_name = ""
        user.display_name = ""
        user.handle = None  # freed: mentions of it no longer reach anyone
        user.job_title = ""
        user.organisation = None
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
