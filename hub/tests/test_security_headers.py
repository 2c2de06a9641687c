"""Every page answers a strict Content-Security-Policy (no inline script or style, no eval,
never framed) and a Permissions-Policy; only the admin screens get a looser policy."""

import json
import re
from pathlib import Path

import pytest

from .test_settings import PRODUCTION_ENV, ROOT, run_manage

pytestmark = pytest.mark.django_db

PROBE = """
import json
from django.http import HttpResponse
from django.test import RequestFactory
from django.conf import settings
from django.utils.module_loading import import_string
assert "hub.headers.HubCSPMiddleware" in settings.MIDDLEWARE
middleware = import_string("hub.headers.HubCSPMiddleware")(lambda request: HttpResponse("ok"))
out = {}
for path in ("/fr/", "/admin/pages/3/edit/"):
    response = middleware(RequestFactory().get(path))
    out[path] = {k: response.get(k) for k in ("Content-Security-Policy", "Permissions-Policy")}
print(json.dumps(out))
"""


def directives(policy: str) -> dict[str, list[str]]:
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_production_settings_send_the_csp_and_permissions_policy():
    result = run_manage("shell", "-c", PROBE, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    site = directives(headers["/fr/"]["Content-Security-Policy"])
    assert site["script-src"] == ["'self'"]
    assert site["style-src"] == ["'self'"]
    assert site["frame-ancestors"] == ["'none'"]
    assert site["object-src"] == ["'none'"]
    assert site["default-src"] == ["'self'"]
    assert not any("unsafe" in source for sources in site.values() for source in sources)
    assert "camera=()" in headers["/fr/"]["Permissions-Policy"]
    assert "microphone=()" in headers["/fr/"]["Permissions-Policy"]
    assert "geolocation=()" in headers["/fr/"]["Permissions-Policy"]
    admin = directives(headers["/admin/pages/3/edit/"]["Content-Security-Policy"])
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin["frame-ancestors"] == ["'self'"]  # the page preview frames our pages


def test_pages_answer_with_the_policy_in_tests_too(client, site):
    response = client.get("/fr/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


TEMPLATE_DIRS = ["hub", "cms", "forum", "events", "search", "diagnostic", "grants"]
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    r"|\son[a-z]+\s*=\s*[\"']"
    r"|\sstyle\s*=\s*[\"']"
    r"|javascript:",
    re.IGNORECASE,
)


def test_no_page_template_holds_inline_script_style_or_javascript_urls():
    """The policy would block them; emails are not pages and keep their inline styles."""
    found = []
    for folder in TEMPLATE_DIRS:
        for path in (ROOT / folder).rglob("*.html"):
            relative = path.relative_to(ROOT).as_posix()
            if "/emails/" in relative or "/tests/" in relative:
                continue
            for number, line in enumerate(Path(path).read_text().splitlines(), 1):
                if INLINE.search(line):
                    found.append(f"{relative}:{number}: {line.strip()[:100]}")
    assert found == []
