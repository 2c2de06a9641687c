"""The editor's toolbar buttons are the hub's buttons, not the browser's defaults: the same
border, colours and weight as the secondary button beside them (issue 18, item 12)."""

import pytest

from .test_e2e_discussion import nadia_on_the_question_form

pytestmark = pytest.mark.e2e

LOOK = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return [style.borderTopColor, style.borderTopWidth, style.backgroundColor, style.color,
          style.fontWeight, style.borderTopLeftRadius];
}"""


def test_the_editor_toolbar_uses_the_hub_buttons(daphne_server, chromium, site):
    page = nadia_on_the_question_form(daphne_server, chromium)
    page.wait_for_function("() => !document.querySelector('[data-md-toolbar]').hidden")
    toolbar = page.evaluate(LOOK, "[data-md-toolbar] button")
    secondary = page.evaluate(
        """() => { const b = document.createElement('button');
                   b.className = 'button button-secondary'; b.id = 'probe';
                   document.querySelector('main').append(b); return true; }"""
    )
    assert secondary
    assert toolbar == page.evaluate(LOOK, "#probe")
    box = page.locator("[data-md-toolbar] button").first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
