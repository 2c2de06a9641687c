"""What every websocket of the hub shares: the origin check and the quiet handling of frames
a browser of ours never sends (issue 11, finding 8)."""

import json
import logging
from urllib.parse import urlsplit

from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer
from django.conf import settings
from django.http.request import split_domain_port, validate_host

logger = logging.getLogger(__name__)

# Our pages send only small JSON objects ({"type": "ping"}); a frame past this is no client
# of ours, and is refused before it is parsed.
MAX_FRAME_CHARS = 4096
MESSAGE_TOO_BIG = 1009
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HTTP_SCHEME = {"ws": "http", "wss": "https", "http": "http", "https": "https"}


def _origin_key(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin or base URL, the port filled in from the scheme."""
    try:
        parts = urlsplit(url.strip().lower())
        port = parts.port
    except ValueError:
        return None
    scheme = _HTTP_SCHEME.get(parts.scheme)
    if scheme is None or not parts.hostname:
        return None
    return scheme, parts.hostname, port or _DEFAULT_PORTS[scheme]


def configured_origins() -> set[tuple[str, str, int]]:
    """The site's own origins as settings name them: CSRF_TRUSTED_ORIGINS and the base URL
    used in emails (behind a proxy that terminates TLS, the socket itself may look plain)."""
    urls = [*settings.CSRF_TRUSTED_ORIGINS, settings.HUB_BASE_URL]
    return {key for key in map(_origin_key, urls) if key is not None and "*" not in key[1]}


class SameOriginValidator:
    """Lets a websocket through only when its Origin header is the site's own origin, the
    whole of it (scheme, host and port), as Django's CSRF check does for forms: the origin
    of the socket itself (its scheme and Host header, the host in ALLOWED_HOSTS), or one
    named in settings. Channels' AllowedHostsOriginValidator compares host names only, so
    a page on another port of the same host opened members' sockets."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if self.allowed(scope):
            return await self.application(scope, receive, send)
        return await _refuse(scope, receive, send)

    @staticmethod
    def allowed(scope) -> bool:
        headers = dict(scope.get("headers") or [])
        origin = _origin_key(headers.get(b"origin", b"").decode("latin-1"))
        if origin is None:
            return False
        if origin in configured_origins():
            return True
        host = headers.get(b"host", b"").decode("latin-1").lower()
        domain, _port = split_domain_port(host)
        if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
            return False
        own = _origin_key(f"{scope.get('scheme') or 'ws'}://{host}")
        return origin == own


class RefusingConsumer(AsyncWebsocketConsumer):
    """Closes the handshake: a foreign origin, or a path no consumer answers."""

    async def connect(self):
        await self.close()


class QuietJsonConsumer(AsyncJsonWebsocketConsumer):
    """A JSON consumer that ignores what our pages never send (binary frames, text that is
    not JSON, nesting deep enough to exhaust the parser) instead of closing with 1011 and a
    traceback, and closes on frames too big to be ours."""

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if text_data is None:
            return  # binary frame
        if len(text_data) > MAX_FRAME_CHARS:
            await self.close(code=MESSAGE_TOO_BIG)
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):
            return
        await self.receive_json(content, **kwargs)


_refuse = RefusingConsumer.as_asgi()
