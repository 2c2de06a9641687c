"""The edge: refuses, before any view or database sees it, input no person types and that
drivers reject deep down (issue 11, finding 7). PostgreSQL refuses NUL bytes in text and
jsonb, so a NUL in a search, a filter, a feed token or a form answer was a 500; invalid
UTF-8 becomes U+FFFD half-way and surprises whoever reads it next."""

import re
from urllib.parse import unquote_to_bytes

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

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
