"""Starting a real Daphne for end-to-end tests and benchmarks (never imported by the hub
itself). One place, so tests and bench/ start it the same way."""

import functools
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def database_url(*, name: str | None = None) -> str:
    """DATABASE_URL of this process's default database (or of database `name` on the same
    server), for a subprocess that must share it."""
    from django.db import connection

    settings = connection.settings_dict
    name = name or settings["NAME"]
    if connection.vendor == "postgresql":
        user = settings.get("USER") or "postgres"
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        host = settings.get("HOST") or "127.0.0.1"
        port = settings.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{name}"
    return f"sqlite:///{name}"


def in_another_thread(function, **kwargs):
    """Runs `function(**kwargs)` in a thread of its own and re-raises its error. Playwright's
    sync API runs an event loop in the test's thread; a write that notifies someone sends its
    after-commit group_send (async_to_sync) elsewhere, as it would in a Daphne worker thread."""
    errors = []

    def run():
        from django.db import connection

        try:
            function(**kwargs)
        except Exception as error:  # noqa: BLE001 - re-raised in the caller below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    if errors:
        raise errors[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_daphne(
    *,
    env_overrides: dict | None = None,
    database_name: str | None = None,
    log_name: str = "daphne",
    timeout: float = 30,
    preexec_fn: Callable[[], None] | None = None,
) -> tuple[subprocess.Popen, str]:
    """Starts `daphne hub.asgi:application` on a free port, on the same database and (with
    Redis) the same channel-layer prefix as this process, and waits for /healthz.
    Returns (process, base_url); the caller stops the process."""
    from django.conf import settings

    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "DATABASE_URL": database_url(name=database_name),
        # The hub's links (hub/links.py) point at this very server.
        "HUB_BASE_URL": f"http://127.0.0.1:{port}",
        **(env_overrides or {}),
    }
    prefix = settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("prefix")
    if prefix:  # with Redis: events sent from this process reach the subprocess's browsers
        env.setdefault("HUB_TEST_CHANNELS_PREFIX", prefix)
    log_path = ROOT / "var" / f"{log_name}-{port}.log"
    log_path.parent.mkdir(exist_ok=True)
    log = open(log_path, "w")  # noqa: SIM115 - the subprocess writes to it until it stops
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "hub.asgi:application",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        preexec_fn=preexec_fn,  # noqa: PLW1509 - only used to raise a resource limit
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process, base_url
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            raise RuntimeError(f"Daphne did not start; see {log_path.relative_to(ROOT)}")
        time.sleep(0.2)


# axe-core's rules for WCAG 2.2 levels A and AA (the Québec standard SGQRI 008 3.0 takes
# the 2.2 criteria): 2.2 adds its own AA rules; the A and AA rules of 2.0 and 2.1 stay.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WCAG_AA = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
# The axe-core the checks need (4.14 flags "label in name" on links, which 4.12 missed). CI
# installs it beside ical.js (.ci/run: npm install --prefix var/node axe-core@4.14.1);
# AXE_CORE names another copy.
AXE_CORE_VERSION = "4.14"
AXE_CORE_PATHS = ["var/node/node_modules/axe-core/axe.min.js", "node_modules/axe-core/axe.min.js"]


@functools.cache
def axe_core_script() -> str:
    """The text of a current axe-core. Where it is not installed, the older copy bundled with
    axe-playwright-python stands in, except in CI (HUB_E2E_REQUIRED=1), where it fails."""
    candidates = [os.environ.get("AXE_CORE", "")] + [str(ROOT / p) for p in AXE_CORE_PATHS]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            script = Path(candidate).read_text(encoding="utf-8")
            if f"axe v{AXE_CORE_VERSION}" in script[:40]:
                return script
    if os.environ.get("HUB_E2E_REQUIRED") == "1":
        raise RuntimeError(
            f"axe-core {AXE_CORE_VERSION} is missing: npm install --prefix var/node "
            f"axe-core@{AXE_CORE_VERSION}.1 (or set AXE_CORE)"
        )
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def assert_accessible(page, label: str) -> None:
    """Runs axe-core on the Playwright `page`; fails with axe's report under `label`."""
    from axe_playwright_python.sync_playwright import Axe  # a dev dependency

    results = Axe(axe_script=axe_core_script()).run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{label}\n{results.generate_report()}"
