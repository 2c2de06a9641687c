import pytest
from django.urls import reverse
from django.utils import translation

from cms import services
from cms.models import SavedResource, ToolkitStepDone

from .factories import make_resource, make_toolkit, translate

pytestmark = pytest.mark.django_db


def _url(name, *args, lang="fr"):
    with translation.override(lang):
        return reverse(name, args=args)


def test_a_member_saves_a_resource_to_my_space_and_removes_it(member_client, member, library):
    page = make_resource(library, title="Mots de passe")
    response = member_client.post(_url("cms:resource_save", page.pk), {"next": page.url})
    assert response.status_code == 302 and response["Location"] == page.url
    assert SavedResource.objects.filter(user=member).count() == 1
    html = member_client.get(page.url).content.decode()
    assert "Enregistrée dans Mon espace" in html
    dashboard = member_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Ma bibliothèque" in dashboard and "Mots de passe" in dashboard
    member_client.post(_url("cms:resource_save", page.pk), {"action": "remove"})
    assert not SavedResource.objects.filter(user=member).exists()


def test_saving_is_idempotent_across_languages(member, library, english_library):
    page = make_resource(library)
    english = translate(page, slug="english")
    services.resource_save(user=member, resource=page)
    services.resource_save(user=member, resource=english)
    assert SavedResource.objects.filter(user=member).count() == 1


def test_visitors_must_sign_in_to_save(client, library):
    page = make_resource(library)
    response = client.post(_url("cms:resource_save", page.pk))
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    assert not SavedResource.objects.exists()


def test_marking_steps_done_fills_the_progress_bar(member_client, member, library):
    resource = make_resource(library)
    toolkit = make_toolkit(
        library, title="Trousse", steps=[("Un", [resource]), ("Deux", [resource]), ("Trois", [])]
    )
    first, second, _third = toolkit.step_ids
    member_client.post(_url("cms:toolkit_step", toolkit.pk, first), {"done": "1"})
    member_client.post(_url("cms:toolkit_step", toolkit.pk, second), {"done": "1"})
    html = member_client.get(toolkit.url).content.decode()
    assert '<progress id="toolkit-progress" max="3" value="2">' in html
    assert "Votre progression : 2 étapes terminées sur 3" in html
    # A finished step is "Terminée" (not the privacy requests' "Traitée").
    assert '<span class="badge badge-ok" lang="fr">Terminée</span>' in html
    assert "Traitée" not in html and "(s)" not in html
    member_client.post(_url("cms:toolkit_step", toolkit.pk, second), {"done": "0"})
    assert list(ToolkitStepDone.objects.filter(user=member).values_list("step_id", flat=True)) == [
        first
    ]
    dashboard = member_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Trousses en cours" in dashboard and 'max="3" value="1"' in dashboard


def test_an_unknown_step_is_refused_with_a_message(member_client, member, library):
    toolkit = make_toolkit(library, title="Trousse", steps=[("Un", [])])
    response = member_client.post(
        _url("cms:toolkit_step", toolkit.pk, "pas-une-etape"), {"done": "1"}, follow=True
    )
    assert "Cette étape ne fait pas partie de cette trousse." in response.content.decode()
    assert not ToolkitStepDone.objects.exists()


def test_progress_follows_the_member_into_the_translation(member, library, english_library):
    toolkit = make_toolkit(library, title="Trousse", steps=[("Un", []), ("Deux", [])])
    english = translate(toolkit, title="Toolkit", slug="toolkit")
    assert english.step_ids == toolkit.step_ids
    services.toolkit_step_set_done(
        user=member, toolkit=toolkit, step_id=toolkit.step_ids[0], done=True
    )
    services.toolkit_step_set_done(
        user=member, toolkit=english, step_id=toolkit.step_ids[0], done=True
    )
    assert ToolkitStepDone.objects.filter(user=member).count() == 1


def test_the_data_export_and_account_deletion_cover_the_library(member, library):
    from hub.accounts.models import User
    from hub.extensions import member_deleting, member_exports

    page = make_resource(library, title="Mots de passe")
    toolkit = make_toolkit(library, title="Trousse", steps=[("Un", [page])])
    services.resource_save(user=member, resource=page)
    services.toolkit_step_set_done(
        user=member, toolkit=toolkit, step_id=toolkit.step_ids[0], done=True
    )
    exported = member_exports.get("library")(member)
    assert exported["saved_resources"][0]["title"] == "Mots de passe"
    assert exported["toolkit_steps_done"][0]["toolkit"] == "Trousse"
    member_deleting.send(sender=User, user=member)
    assert not SavedResource.objects.exists() and not ToolkitStepDone.objects.exists()


@pytest.mark.parametrize(
    ("done", "text"), [(0, "0 étape terminée sur 2"), (1, "1 étape terminée sur 2")]
)
def test_progress_uses_plural_forms_not_s_in_brackets(member_client, member, library, done, text):
    toolkit = make_toolkit(library, title="Trousse", steps=[("Un", []), ("Deux", [])])
    for step_id in toolkit.step_ids[:done]:
        services.toolkit_step_set_done(user=member, toolkit=toolkit, step_id=step_id, done=True)
    html = member_client.get(toolkit.url).content.decode()
    assert f"Votre progression : {text}" in html and "(s)" not in html
