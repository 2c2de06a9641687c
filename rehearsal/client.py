"""A small HTTP and websocket client that talks to the stack the way a browser does: only
through Caddy, with a member's session cookie, a CSRF cookie it chose, and the site's Origin.
(The session cookie is Secure; a browser on http://127.0.0.1 still sends it, as we do.)"""

import http.client
import json
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

PROXY = os.environ.get("REHEARSAL_PROXY", "127.0.0.1:18080")
ORIGIN = f"http://{PROXY}"


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    elapsed: float

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


@dataclass
class Browser:
    session: str | None = None
    csrf: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 characters
    timeout: float = 30

    def cookie(self) -> str:
        parts = [f"csrftoken={self.csrf}"]
        if self.session:
            parts.append(f"sessionid={self.session}")
        return "; ".join(parts)

    def request(
        self, method: str, path: str, *, body: bytes | None = None, headers=None
    ) -> Response:
        connection = http.client.HTTPConnection(PROXY, timeout=self.timeout)
        sent = {"Cookie": self.cookie(), "Accept-Language": "fr-CA", **(headers or {})}
        if method == "POST":
            sent.setdefault("Origin", ORIGIN)
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        started = time.monotonic()
        try:
            connection.request(method, quote(path, safe="/?=&%:;,+"), body=body, headers=sent)
            raw = connection.getresponse()
            payload = raw.read()
            headers = {name.lower(): value for name, value in raw.getheaders()}
            return Response(raw.status, headers, payload, time.monotonic() - started)
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict) -> Response:
        body = urlencode({"csrfmiddlewaretoken": self.csrf, **data}).encode()
        return self.request("POST", path, body=body)

    def websocket(self, path: str = "/ws/notifications/", **kwargs):
        from websockets.asyncio.client import connect

        return connect(
            f"ws://{PROXY}{path}",
            additional_headers={"Cookie": self.cookie()},
            origin=ORIGIN,
            open_timeout=20,
            **kwargs,
        )


def static_paths(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
