"""The editor's toolbar in a real Chromium: with nothing selected, "Gras" and "Italique" put
their markers around a selected placeholder word, so typing replaces the word and keeps the
markers; with words selected, the words get the markers and stay selected."""

import pytest

from .test_e2e_discussion import nadia_on_the_question_form

pytestmark = pytest.mark.e2e


def test_bold_with_nothing_selected_keeps_its_markers_when_typing(daphne_server, chromium, site):
    nadia = nadia_on_the_question_form(daphne_server, chromium)
    editor = nadia.get_by_label("Message")
    editor.fill("Bonjour ")
    editor.press("End")
    nadia.get_by_role("button", name="Gras").click()
    assert editor.input_value() == "Bonjour **Gras**"
    editor.press_sequentially("important")
    assert editor.input_value() == "Bonjour **important**"
    editor.press("End")
    editor.press_sequentially(" et ")
    nadia.get_by_role("button", name="Italique").click()
    editor.press_sequentially("urgent")
    assert editor.input_value() == "Bonjour **important** et *urgent*"
    # Selected words get the markers and stay selected (a second click could undo nothing).
    editor.fill("Nous sommes un petit organisme.")
    editor.select_text()
    nadia.get_by_role("button", name="Gras").click()
    assert editor.input_value() == "**Nous sommes un petit organisme.**"
    selected = editor.evaluate("area => area.value.slice(area.selectionStart, area.selectionEnd)")
    assert selected == "Nous sommes un petit organisme."
