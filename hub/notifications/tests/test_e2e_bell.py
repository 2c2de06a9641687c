"""End to end, in headless Chromium against a real Daphne process: member A has a page
open; member B's action notifies A; A's bell, title and toasts change without a reload."""

import pytest
from django.conf import settings

from hub.notifications.services import notify
from hub.testing import in_another_thread

from .conftest import session_cookie_for

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.REDIS_URL,
        reason="needs Redis shared between the test and Daphne: set REDIS_URL (CI does)",
    ),
]


@pytest.fixture
def own_chromium():
    """Chromium for this test only. The shared session-wide `chromium` fixture keeps
    Playwright's event loop running in the main thread until the session ends, which makes
    every later async test (websocket consumers, scale-out) fail with "Runner.run() cannot be
    called from a running event loop"."""
    import os

    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        if os.environ.get("HUB_E2E_REQUIRED") == "1":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the ORM next to Playwright's loop
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def test_the_bell_of_an_open_page_counts_a_new_reply_without_a_reload(
    live_daphne, own_chromium, test_kinds, make_member, topic
):
    ana = make_member(first_name="Ana", last_name="Lopez")
    ben = make_member(first_name="Ben", last_name="Roy")
    name, value = session_cookie_for(ana).split("=", 1)
    base = live_daphne()

    context = own_chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": name, "value": value, "url": base}])
    page = context.new_page()
    try:
        page.goto(base + "/fr/notifications/")
        count = page.locator("[data-bell-count]")
        assert count.is_hidden()
        page.wait_for_function("() => window.hubBell && window.hubBell.state().live", timeout=15000)
        page.evaluate("window.__samePage = true")

        in_another_thread(
            notify,
            recipients=[ana],
            kind="test.reply",
            actor=ben,
            target=topic,
            url="/fr/notifications/?sujet=1",
        )

        page.wait_for_function(
            "() => document.querySelector('[data-bell-count]').firstChild.nodeValue === '1'",
            timeout=15000,
        )
        assert count.is_visible()
        assert page.title().startswith("(1) ")
        toast = page.locator("#toasts .bell-toast")
        assert "Ben R. a répondu dans « Budget 2027 »" in toast.inner_text()
        assert page.evaluate("window.__samePage") is True  # no reload happened

        # A second reply collapses into the same unread item: still one.
        in_another_thread(notify, recipients=[ana], kind="test.reply", actor=ben, target=topic)
        page.wait_for_function(
            "() => document.querySelector('#toasts .bell-toast a').textContent.startsWith('2 ')",
            timeout=15000,
        )
        assert count.inner_text().startswith("1")

        # Keyboard: open the dropdown, find the item, mark everything read, close with Escape.
        page.focus("[data-bell]")
        page.keyboard.press("Enter")
        item = page.locator(".bell-item").first
        item.wait_for(timeout=10000)
        assert "2 nouvelles réponses dans « Budget 2027 »" in item.inner_text()
        assert page.get_attribute("[data-bell]", "aria-expanded") == "true"
        page.click("[data-bell-mark-all]")
        page.wait_for_function(
            "() => document.querySelector('[data-bell-count]').hidden", timeout=10000
        )
        assert not page.title().startswith("(")
        page.keyboard.press("Escape")
        assert page.get_attribute("[data-bell]", "aria-expanded") == "false"
        assert page.evaluate("document.activeElement.matches('[data-bell]')")

        # Opening an item from the dropdown marks it read and goes to its exact target.
        rows = []
        in_another_thread(
            lambda: rows.extend(
                notify(
                    recipients=[ana],
                    kind="test.accepted",
                    target=topic,
                    url="/fr/notifications/?unread=1",
                )
            )
        )
        page.wait_for_function(
            "() => document.querySelector('[data-bell-count]').firstChild.nodeValue === '1'",
            timeout=15000,
        )
        page.click("[data-bell]")
        page.locator(f'.bell-item[data-id="{rows[0].pk}"]').click()
        page.wait_for_url("**/fr/notifications/?unread=1", timeout=15000)
        assert page.locator("[data-bell-count]").is_hidden()
        rows[0].refresh_from_db()
        assert rows[0].is_read
    finally:
        context.close()
