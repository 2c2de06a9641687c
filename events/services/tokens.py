"""Each member's private calendar token (the secret in their feed's URL)."""

from ..models import CalendarToken, new_feed_token


def calendar_token_get_or_create(*, user) -> CalendarToken:
    token, _ = CalendarToken.objects.get_or_create(user=user)
    return token


def calendar_token_regenerate(*, user) -> CalendarToken:
    """Replaces the member's private calendar secret: the old URL answers 404 at once."""
    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_feed_token()
        token.save(update_fields=["token", "created_at"])
    return token
