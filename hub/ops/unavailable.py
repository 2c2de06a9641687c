"""When the database is away (a restart, a failover, the pool exhausted), a request gets a
short translated page asking to try again, with 503 and Retry-After, instead of the generic
error page: nothing was saved, and saying so lets the member simply resubmit. Called by
handler500 (hub/errors.server_error), which sees every phase of the request, the session
save after the view included."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def is_database_unavailable(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


def unavailable_response(request) -> HttpResponse:
    """Rendered without the database: no context processor, no template that reads a row."""
    language = translation.get_language_from_path(request.path_info) or "fr"
    with translation.override(language):
        title = _("The site is busy for a moment")
        text = _(
            "Nothing was saved. Please try again in a few seconds: go back and submit the "
            "form again, or reload the page."
        )
        home = _("Home")
    body = (
        f'<!doctype html><html lang="{language}-CA"><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/static/hub/css/hub.css">'
        f'<main class="wrap prose"><h1>{escape(title)}</h1><p>{escape(text)}</p>'
        f'<p><a href="/{language}/">{escape(home)}</a></p></main></html>'
    )
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
