"""A writer translates a resource in a real Chromium: the translation editor speaks French
(wagtail-localize's bundle writes a few words in English without gettext) and ends with a
way to submit the translation for review."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from cms.services import library_setup
from hub.accounts.tests.factories import PASSWORD, UserFactory

from .factories import locale, make_resource

pytestmark = pytest.mark.e2e

ENGLISH_WORDS = ("More actions", " to English translation", "Save Selected", "December")


def _english_words(page) -> list[str]:
    text = page.evaluate("() => document.body.textContent")
    return [word for word in ENGLISH_WORDS if word in text]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_writer_translates_in_french_and_submits_for_review(daphne_server, chromium, site, width):
    from wagtail_localize.operations import translate_object

    library = library_setup()
    french = make_resource(library, title="Sauvegardes fiables")
    writer = UserFactory(email="rita@exemple.org", first_name="Rita", last_name="Rédaction")
    writer.groups.add(Group.objects.get(name="Rédaction"))
    translate_object(french, [locale("en")], user=writer)
    english = french.get_translation(locale("en"))
    assert not english.live

    context = chromium.new_context(locale="fr-CA", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/admin/login/")
        page.fill("input[name=username]", "rita@exemple.org")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

        # A page editor with date pickers ("Save Selected" is the picker's hidden button).
        page.goto(f"{daphne_server}/admin/pages/{french.pk}/edit/")
        page.wait_for_function("() => document.querySelector('.xdsoft_save_selected')")
        assert _english_words(page) == []
        # "Ressources connexes" is a chooser of resources, opened at the French library,
        # whose titles stay readable on a phone (cms/static/cms/css/admin.css).
        page.get_by_text("Ajouter un(e) ressource connexe").click()
        modal = page.locator(".modal-content")
        modal.get_by_text("Ressources", exact=True).first.wait_for()
        title_cell = modal.locator("table.listing.chooser tbody tr td:nth-child(2)").first
        assert title_cell.bounding_box()["width"] > min(width * 0.3, 300)
        modal.locator("button.close").first.click()

        page.goto(f"{daphne_server}/admin/pages/{english.pk}/edit/")
        page.get_by_text("Traduction : Français → English").first.wait_for()
        assert _english_words(page) == []
        page.screenshot(path=f"var/admin-translation-editor-{width}.png")

        page.get_by_role("button", name="Soumettre la traduction à la révision").click()
        page.get_by_text("a été soumise à la révision").first.wait_for()
        assert page.get_by_text("Cette traduction attend la révision.").is_visible()
    finally:
        context.close()
    english.refresh_from_db()
    assert not english.live
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
