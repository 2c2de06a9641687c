"""Fixtures every room's tests share."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _each_test_starts_in_french():
    """Every test starts in the site's default language. A request through the test client
    leaves its language active on the thread (LocaleMiddleware does not reset it), so a test
    that ran after an /en/ request in the same worker built /en/ addresses with reverse() and
    failed or passed by the order xdist happened to choose."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(items):
    """Every transactional test gets serialized rollback: a transactional test ends with a
    flush that empties every table, including what migrations wrote (Wagtail's root page,
    Québec's regions, editorial groups); serialized rollback writes it back before the next
    one. Mixing both kinds would fail: a plain flush re-runs post_migrate (machina's forum
    permissions come back with new keys) and the restore then collides with them."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = kwargs.get("transaction") or (
            marker is not None and marker.args[:1] == (True,)
        )
        if transactional or "transactional_db" in getattr(item, "fixturenames", ()):
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture
def site(db):
    """The French home page at the site root, with its English translation."""
    from cms.services import site_setup

    return site_setup()


@pytest.fixture
def member(db):
    from hub.accounts.tests.factories import UserFactory

    return UserFactory(first_name="Nadia", last_name="Bouchard")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def live_events():
    """Captures the live events services send after commit, per member:
    `live_events[user.pk] == [{"type": "notification", ...}]`."""
    from hub.notifications.services import live

    captured: dict[int, list[dict]] = {}
    original = live.send_live_event

    def capture(*, user_id, event):
        captured.setdefault(user_id, []).append(event)

    live.send_live_event = capture
    try:
        yield captured
    finally:
        live.send_live_event = original


# --- End-to-end: a real Daphne process and headless Chromium -------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def daphne_server(transactional_db):
    """Base URL of a real Daphne process serving the hub on the test database (data the test
    writes must be committed: this fixture implies transactional_db, hence serialized
    rollback, see pytest_collection_modifyitems)."""
    from hub.testing import start_daphne

    process, base_url = start_daphne()
    try:
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - make sure it is gone whatever happened
            process.kill()


@pytest.fixture
def chromium():
    """A headless Debian Chromium driven by Playwright, one per test. Skipped where it is
    not installed, except in CI (HUB_E2E_REQUIRED=1), where its absence is a failure.

    Not session-scoped on purpose: Playwright's sync API keeps an event loop running in this
    thread while it is open, which would break every async (websocket) test after it."""
    import os

    if not os.path.exists(CHROMIUM):
        if os.environ.get("HUB_E2E_REQUIRED") == "1":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # While Playwright runs, Django sees that event loop and would refuse ORM calls made by
    # the (synchronous) test itself.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
