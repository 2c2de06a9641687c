import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from cms.models import ResourcePage

from .factories import locale, make_resource

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_two_editorial_groups(db):
    writing, review = Group.objects.get(name="Rédaction"), Group.objects.get(name="Révision")
    codenames = lambda group: set(  # noqa: E731
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" not in codenames(writing) and {"add_page", "change_page"} <= codenames(
        writing
    )
    assert "publish_page" in codenames(review)
    assert writing.permissions.filter(codename="access_admin").exists()
    assert review.permissions.filter(codename="change_theme").exists()
    assert writing.permissions.filter(codename="submit_translation").exists()


def test_a_writer_cannot_publish_but_submits_for_review_and_a_reviewer_publishes(
    library, editor, reviewer
):
    page = make_resource(library, title="Nouvelle ressource", publish=False)
    page = ResourcePage.objects.get(pk=page.pk)
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(editor).can_edit()
    workflow = page.get_workflow()
    assert workflow.name == "Révision éditoriale"

    page.save_revision(user=editor)
    state = workflow.start(page, editor)
    assert state.status == state.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=page.pk).live

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, reviewer)
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    assert Page.objects.get(pk=page.pk).live


def test_the_admin_edit_page_opens_for_a_writer(client, library, editor):
    page = make_resource(library, publish=False)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_scheduled_publishing_publishes_when_the_time_comes(library):
    page = make_resource(library, title="Plus tard", publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and page.go_live_at is not None
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    # Time passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live


def test_a_resource_is_translated_into_english_with_wagtail_localize(
    library, english_library, themes, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    page = make_resource(
        library, title="Sauvegardes fiables", summary="Trois copies.", themes=[themes["cyber"]]
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    english = locale("en")
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data={"Sauvegardes fiables": "Reliable backups", "Trois copies.": "Three copies."}.get(
                segment.string.data, segment.string.data
            ),
        )
    translation = Translation.objects.create(source=source, target_locale=english)
    with django_capture_on_commit_callbacks(execute=True):  # localize publishes on commit
        translation.save_target(publish=True)
    translated = page.get_translation(english).specific
    assert translated.live and translated.title == "Reliable backups"
    assert translated.summary == "Three copies."
    assert translated.url.startswith("/en/resources/")


def test_themes_are_translatable_snippets(themes):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(themes["cyber"])
    assert source.stringsegment_set.filter(string__data="Cybersécurité").exists()
    assert themes["cyber"].get_translation(locale("en")).name == "Cybersecurity"


def test_staff_screens_answer(client, library, themes):
    from hub.accounts.tests.factories import UserFactory

    page = make_resource(library, title="Aperçu", themes=[themes["cyber"]])
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in (
        f"/admin/pages/add/cms/resourcepage/{library.pk}/",
        f"/admin/pages/add/cms/toolkitpage/{library.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        "/admin/snippets/cms/theme/",
    ):
        assert client.get(url).status_code == 200, url
    # The user bar (edit link, accessibility checker) is on the page for staff.
    assert "wagtail-userbar" in client.get(page.url).content.decode()


def test_the_preview_of_a_resource_renders(library, themes):
    page = make_resource(library, title="Aperçu", themes=[themes["cyber"]])
    page.title = "Aperçu modifié"
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Aperçu modifié" in response.content.decode()
