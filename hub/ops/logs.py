"""One JSON line per request (logger `hub.requests`): time, method, path, route, status,
duration and the member's id. No email address, no IP address and no query string (it may
carry search words or tokens); a private calendar token in the path is masked. The privacy
page promises no more than this. The proxy adds its own access log only if configured to."""

import json
import logging
import time
from datetime import UTC, datetime

from django.utils.functional import empty

logger = logging.getLogger("hub.requests")
_MASKED_KWARGS = {"token", "key", "uidb36"}


class JsonFormatter(logging.Formatter):
    """Any record as one JSON object; a request's fields come from `extra={"request_log": …}`."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        fields = getattr(record, "request_log", None)
        if fields:
            entry.update(fields)
        else:
            entry["message"] = record.getMessage()
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _path(request) -> str:
    match = getattr(request, "resolver_match", None)
    path = request.path
    if match is not None:
        for name, value in match.kwargs.items():
            if name in _MASKED_KWARGS and isinstance(value, str) and value:
                path = path.replace(value, "…")
    return path


def _user_id(request):
    """The member's id if authentication already loaded them: logging never costs a query
    (nor fails while the database is away)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty:
        return None
    return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        logger.info(
            "request",
            extra={
                "request_log": {
                    "method": request.method,
                    "path": _path(request),
                    "route": match.route if match is not None else None,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": _user_id(request),
                }
            },
        )
        return response
