"""docker/Caddyfile is the one proxy configuration of compose and of `make rehearsal`: it
must load in Debian's Caddy 2.6 (which refused `not header` inside `encode`) in both shapes,
never compress calendar feeds, and route on liveness only."""

import json
import os
import shutil
import subprocess

import pytest

from .test_settings import ROOT

CADDY = shutil.which("caddy")
pytestmark = pytest.mark.skipif(CADDY is None, reason="Caddy is not installed")


def adapt(**env) -> dict:
    result = subprocess.run(
        [CADDY, "adapt", "--adapter", "caddyfile", "--config", "docker/Caddyfile"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "HOME": str(ROOT / "var"), **env},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["apps"]["http"]["servers"]["srv0"]


def find(node, key):
    if isinstance(node, dict):
        if key in node:
            yield node[key]
        for value in node.values():
            yield from find(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from find(value, key)


def test_compose_shape_listens_on_80_and_finds_web_processes_by_dns():
    server = adapt()
    assert server["listen"] == [":80"]
    upstreams = next(find(server, "dynamic_upstreams"))
    assert upstreams["name"] == "web" and upstreams["port"] == "8000"
    assert "/data/media" in json.dumps(server) and "/data/private" in json.dumps(server)


def test_rehearsal_shape_names_its_processes_and_folders():
    server = adapt(
        HUB_HTTP_ADDRESS="http://127.0.0.1:18080",
        HUB_UPSTREAMS="static",
        HUB_WEB_UPSTREAMS="127.0.0.1:18001 127.0.0.1:18002",
        HUB_MEDIA_ROOT="/srv/hub/media",
        HUB_PRIVATE_ROOT="/srv/hub/private",
    )
    assert server["listen"] == [":18080"]
    dials = [u["dial"] for u in next(find(server, "upstreams"))]
    assert dials == ["127.0.0.1:18001", "127.0.0.1:18002"]
    assert "/srv/hub/private" in json.dumps(server)


def test_calendar_feeds_are_never_compressed_and_pages_are():
    encode = next(h for h in find(adapt(), "handle") for h in h if h.get("handler") == "encode")
    types = encode["match"]["headers"]["Content-Type"]
    assert "text/html*" in types and "text/css*" in types
    assert not any(t.startswith(("text/calendar", "text/*")) for t in types)


def test_the_proxy_routes_on_liveness_not_on_the_database():
    checks = next(find(adapt(), "health_checks"))
    assert checks["active"]["uri"] == "/livez"
    # A process busy under load is slow, not dead: 2 s took both out of the proxy at once.
    assert checks["active"]["timeout"] == 5 * 10**9
    assert checks["passive"]["max_fails"] == 3
