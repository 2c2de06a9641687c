"""The edge: refuses, before any view or database sees it, input no person types and that
drivers reject deep down (issue 11, finding 7). PostgreSQL refuses NUL bytes in text and
jsonb, so a NUL in a search, a filter, a feed token or a form answer was a 500; invalid
UTF-8 becomes U+FFFD half-way and surprises whoever reads it next."""

import re
from urllib.parse import unquote_to_bytes

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from hub import errors

# No row has an id of 20 digits or more (the widest key is 64 bits): such a path is a 404
# here rather than an overflow in whatever view parses it.
_HUGE_NUMBER = re.compile(r"[0-9]{20,}")
_FORM = "application/x-www-form-urlencoded"


def _bad_bytes(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _bad_urlencoded(text: str) -> bool:
    return _bad_bytes(unquote_to_bytes(text.replace("+", " ")))


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or self._bad_query(request) or self._bad_body(request):
            return self.bad_request(request)
        if _HUGE_NUMBER.search(request.path_info):
            raise Http404
        # A cookie with a NUL reaches the session and CSRF lookups: it is dropped.
        cookies = request.COOKIES
        if any("\x00" in name or "\x00" in value for name, value in cookies.items()):
            request.COOKIES = {
                name: value
                for name, value in cookies.items()
                if "\x00" not in name and "\x00" not in value
            }
        return self.get_response(request)

    @staticmethod
    def _bad_query(request) -> bool:
        query = request.META.get("QUERY_STRING", "")
        return bool(query) and _bad_urlencoded(query)

    @staticmethod
    def _bad_body(request) -> bool:
        if request.method not in {"POST", "PUT", "PATCH"}:
            return False
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith(_FORM):
            return _bad_urlencoded(request.body.decode("latin-1"))
        if content_type.startswith("multipart/form-data"):
            return any("\x00" in value for values in request.POST.lists() for value in values[1])
        return False

    @staticmethod
    def bad_request(request) -> HttpResponse:
        """The hub's 400 page; a bare one if even that cannot be drawn (this runs before the
        session and the member are known)."""
        try:
            return errors.render_error(request, 400)
        except Exception:  # noqa: BLE001 - hostile input always gets its 400
            return HostileInputMiddleware.bare_bad_request(request)

    @staticmethod
    def bare_bad_request(request) -> HttpResponse:
        language = translation.get_language_from_path(request.path_info) or "fr"
        with translation.override(language):
            title = _("This request cannot be read")
            text = _(
                "The address or the form contains characters that are not text (a null byte "
                "or invalid UTF-8). Go back, remove them and try again."
            )
        body = (
            f'<!doctype html><html lang="{language}"><meta charset="utf-8">'
            f"<title>{escape(title)}</title><h1>{escape(title)}</h1><p>{escape(text)}</p></html>"
        )
        return HttpResponse(body, status=400, content_type="text/html; charset=utf-8")


class ErrorPagesMiddleware:
    """Django has no handler405: a view's HttpResponseNotAllowed (require_POST, a class-based
    view's http_method_not_allowed) becomes the hub's 405 page, with its Allow header. A
    view's bare, empty 400, 403 or 404 (`HttpResponseBadRequest()`) becomes the hub's page
    too; a response with a body (JSON, a rendered page) is left as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed):
            return errors.method_not_allowed(request, response)
        if (
            response.status_code in {400, 403, 404}
            and not response.streaming
            and not response.content
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return errors.render_error(request, response.status_code)
        return response
