"""The hub's error pages in a real Chromium against a real Daphne (DEBUG off): each one is a
page of the hub that passes axe, at phone and desktop widths (issue 18, item 9)."""

import pytest

from hub.testing import assert_accessible

pytestmark = pytest.mark.e2e


def test_error_pages_pass_axe_on_a_phone_and_a_desktop(daphne_server, chromium, site, rf):
    from hub import errors

    crashed = errors.server_error(rf.get("/en/x/")).content.decode()
    for width in (390, 1280):
        context = chromium.new_context(locale="fr-CA", viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            for path, status in (("/fr/nulle-part/", 404), ("/en/forum/?q=%00", 400)):
                response = page.goto(f"{daphne_server}{path}")
                assert response.status == status
                assert page.locator("header.site-header").is_visible()
                assert_accessible(page, f"{path} at {width}px")
            page.set_content(crashed)  # the 500 page, styled by the same origin's CSS
            assert page.locator("h1").inner_text() == "Something went wrong"
            assert_accessible(page, f"500 at {width}px")
        finally:
            context.close()
