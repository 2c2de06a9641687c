"""The hub's own small views (the language switch); error pages are in hub/errors.py, health
checks in hub/ops/health.py."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from hub.redirects import safe_next


@require_http_methods(["GET", "POST"])
def switch_language(request, code: str):
    """The header's language choice. A POST (the members' header form) remembers it in the
    language cookie and, for a signed-in member, as their preferred language (emails and
    calendar entries follow it). A GET (visitors' links, old links) only goes to the page in
    that language, whose URL carries the language: an image planted in a post must not
    switch its readers' language (issue 11)."""
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(safe_next(request, f"/{code}/"))
    if request.method != "POST":
        return response
    user = request.user
    if user.is_authenticated and user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=False,
    )
    return response
