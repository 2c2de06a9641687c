"""Reads other parts of the hub use to respect a member's choices. Everything is private
until the member says otherwise."""

from .models import MemberPrivacy


def profile_visible_to(member, *, viewer) -> bool:
    """A profile (and the activity list on it) is shown to the member, to staff, and to
    signed-in members only if the member chose so. Never to anonymous visitors."""
    if viewer is not None and getattr(viewer, "pk", None) == member.pk:
        return True
    if viewer is None or not viewer.is_authenticated:
        return False
    if viewer.is_staff:
        return True
    return MemberPrivacy.objects.filter(
        user=member, profile_visibility=MemberPrivacy.Visibility.MEMBERS
    ).exists()
