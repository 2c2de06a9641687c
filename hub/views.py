from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render


def healthz(request):
    """For the reverse proxy and compose healthchecks: the process answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def switch_language(request, code: str):
    """The header's language links go through here: the choice is remembered in the
    language cookie and, for a signed-in member, stored as their preferred language (emails
    and calendar entries follow it). Works without JavaScript."""
    from django.conf import settings
    from django.http import HttpResponseRedirect

    from hub.redirects import safe_next

    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    target = safe_next(request, f"/{code}/")
    user = request.user
    if user.is_authenticated and user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=False,
    )
    return response
