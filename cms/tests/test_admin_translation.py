"""Translating a page goes through the same review as writing one: "Traduire cette page"
makes a draft, the translation editor submits it for review, and a writer who may not
publish never publishes through translation."""

import pytest
from wagtail.models import Page, WorkflowState

from cms.models import ResourcePage

from .factories import locale, make_resource

pytestmark = pytest.mark.django_db


def _translate_strings(page, english: dict[str, str]):
    """What a translator types in the translation editor, string by string."""
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale("en"),
                context=segment.context,
                defaults={"data": english[segment.string.data]},
            )


@pytest.fixture
def french_page(library, english_library, themes):
    return make_resource(
        library, title="Sauvegardes fiables", summary="Trois copies.", themes=[themes["cyber"]]
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """A POST whose after-commit work runs, as it would outside a test transaction
    (wagtail-localize publishes on commit)."""

    def _post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return _post


@pytest.fixture
def submit_translation(post):
    def _submit(page):
        return post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale("en").pk]})

    return _submit


def test_translate_this_page_makes_a_draft_not_a_published_copy(
    client, post, submit_translation, editor, french_page
):
    client.force_login(editor)
    response = submit_translation(french_page)
    assert response.status_code == 302
    english = french_page.get_translation(locale("en"))
    assert not english.live
    assert not Page.objects.live().filter(pk=english.pk).exists()
    assert english.specific.has_unpublished_changes


def test_the_translation_editor_offers_a_writer_to_submit_for_review(
    client, post, submit_translation, editor, french_page
):
    client.force_login(editor)
    submit_translation(french_page)
    english = french_page.get_translation(locale("en"))
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    html = response.text
    assert 'name="action" value="hub-submit-translation"' in html
    assert "Soumettre la traduction à la révision" in html


def test_a_writer_submits_the_translation_and_a_reviewer_publishes_it(
    client, post, submit_translation, editor, reviewer, french_page
):
    client.force_login(editor)
    submit_translation(french_page)
    english = french_page.get_translation(locale("en"))
    _translate_strings(
        french_page, {"Sauvegardes fiables": "Reliable backups", "Trois copies.": "Three copies."}
    )

    response = post(f"/admin/pages/{english.pk}/edit/", {"action": "hub-submit-translation"})
    assert response.status_code == 302
    english = ResourcePage.objects.get(pk=english.pk)
    assert not english.live
    state = english.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    submitted = state.current_task_state.revision.as_object()
    assert submitted.title == "Reliable backups" and submitted.summary == "Three copies."

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    english = ResourcePage.objects.get(pk=english.pk)
    assert english.live and english.title == "Reliable backups"


def test_a_writer_cannot_publish_from_the_translation_editor(
    client, post, submit_translation, editor, french_page
):
    client.force_login(editor)
    submit_translation(french_page)
    english = french_page.get_translation(locale("en"))
    response = post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert response.status_code in (302, 403)  # Wagtail sends a refusal back to the dashboard
    assert not Page.objects.get(pk=english.pk).live


def test_syncing_translations_never_publishes_for_a_writer(
    client, post, submit_translation, editor, reviewer, french_page
):
    from wagtail_localize.models import TranslationSource

    client.force_login(editor)
    submit_translation(french_page)
    english = french_page.get_translation(locale("en"))
    _translate_strings(french_page, {"Sauvegardes fiables": "Reliable backups"})
    post(f"/admin/pages/{english.pk}/edit/", {"action": "hub-submit-translation"})
    state = Page.objects.get(pk=english.pk).current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")

    french_page.title = "Sauvegardes fiables et testées"
    french_page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(french_page)
    form = client.get(f"/admin/localize/update/{source.pk}/")
    assert 'name="publish_translations"' not in form.text
    assert "Seuls les réviseurs et réviseuses peuvent publier." in form.text
    post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    english = Page.objects.get(pk=english.pk)
    assert english.title == "Reliable backups"  # the live copy is the reviewed one


def test_a_reviewer_may_still_publish_a_translation_at_once(
    client, post, submit_translation, reviewer, french_page
):
    client.force_login(reviewer)
    submit_translation(french_page)
    english = french_page.get_translation(locale("en"))
    _translate_strings(french_page, {"Sauvegardes fiables": "Reliable backups"})
    response = post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    english = Page.objects.get(pk=english.pk)
    assert english.live and english.title == "Reliable backups"
