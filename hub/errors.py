"""The hub's own error pages (issue 18, item 9): every 400, 403, 404, 405 and 500 is a page of
the hub, in the member's language, with a way on (home, search, sign in for visitors).

The language is the URL's prefix; outside the prefixed URLs, the language cookie, then the
browser's Accept-Language, then French (`translation.get_language_from_request` reads only
the request: no database). The 500 page is rendered from a plain context (no context
processors, no session, no database): whatever broke the request must not break its page."""

import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.ops.unavailable import is_database_unavailable, unavailable_response

# status (or kind) → the page's title and what it tells the reader.
PAGES = {
    400: (
        _("This request cannot be read"),
        _(
            "The address or the form contains something the hub cannot read. Go back, check "
            "what you typed or the link you followed, and try again."
        ),
    ),
    403: (
        _("You do not have access to this page"),
        _(
            "This page is kept for some members, such as moderators or the hub's team. If you "
            "think you should see it, ask the hub's team."
        ),
    ),
    "csrf": (
        _("This form has expired"),
        _(
            "For your security, a form works for a limited time and only from the hub's own "
            "pages. Go back, reload the page and send the form again."
        ),
    ),
    404: (
        _("We could not find this page"),
        _("The link may be old, or the page may have moved. Here is where to go next:"),
    ),
    405: (
        _("This address does not open this way"),
        _(
            "This address is used by a button of the hub (such as “Register”), not opened as a "
            "page. Go back to the page and use its button."
        ),
    ),
}


def error_language(request) -> str:
    """The URL's language prefix, else the language cookie, else Accept-Language, else
    French. Reads the request only."""
    try:
        return translation.get_language_from_request(request, check_path=True)
    except Exception:  # noqa: BLE001 - an error page always has a language
        return settings.LANGUAGE_CODE


def render_error(request, status: int, *, kind=None, detail: str = "") -> HttpResponse:
    """A page of the hub (base layout) for `status`, in the member's language."""
    language = error_language(request)
    with translation.override(language):
        title, text = PAGES[kind or status]
        user = getattr(request, "user", None)
        response = render(
            request,
            "errors/error.html",
            {
                "status": status,
                "title": title,
                "text": text,
                "detail": detail,
                "signed_in": bool(user and user.is_authenticated),
                "nav_section": "",
            },
            status=status,
        )
    response["Content-Language"] = language
    return response


def bad_request(request, exception=None):
    return render_error(request, 400)


def permission_denied(request, exception=None):
    # Our own PermissionDenied carry a sentence for the member (the forum's rules); a bare
    # one (machina's) carries nothing.
    detail = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return render_error(request, 403, detail=detail)


def page_not_found(request, exception=None):
    return render_error(request, 404)


def csrf_failure(request, reason=""):
    return render_error(request, 403, kind="csrf")


def method_not_allowed(request, response: HttpResponseNotAllowed) -> HttpResponse:
    page = render_error(request, 405)
    page["Allow"] = response["Allow"]
    return page


FALLBACK_500 = (
    '<!DOCTYPE html><html lang="fr-CA"><meta charset="utf-8"><title>Erreur · Error</title>'
    "<h1>Un problème est survenu</h1><p>Réessayez dans quelques minutes.</p>"
    '<p lang="en">Something went wrong. Please try again in a few minutes.</p>'
    '<p><a href="/">Accueil · Home</a></p></html>'
)


def server_error(request):
    """The 500 page: the hub's header and footer drawn from a plain context (no request
    context, no database), in the URL's language. A database that is away gets the
    translated "try again" page (503) instead: handler500 runs inside the `except` of the
    failed request, so the error is still at hand."""
    if is_database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    language = error_language(request)
    try:
        with translation.override(language):
            try:
                search = reverse("search:search")
            except Exception:  # noqa: BLE001 - the URLconf may be what broke
                search = f"/{language}/"
            body = loader.get_template("errors/500.html").render(
                {"LANGUAGE_CODE": language, "home": f"/{language}/", "search": search}
            )
    except Exception:  # noqa: BLE001 - the last resort must answer
        body = FALLBACK_500
    response = HttpResponseServerError(body)
    response["Content-Language"] = language
    return response
