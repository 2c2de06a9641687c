"""Handles: one per live member, unique, stable, never taken from the email address."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from hub.accounts import handles, services
from hub.accounts.models import User

from .factories import UserFactory, signup_data

pytestmark = pytest.mark.django_db


def test_a_new_member_gets_a_handle_from_their_public_name():
    assert UserFactory(first_name="Marie", last_name="Tremblay").handle == "marie.t"
    assert UserFactory(display_name="Marie Tremblay").handle == "marie.tremblay"
    assert UserFactory(display_name="Marie-Ève Côté").handle == "marie-eve.cote"


def test_homonyms_get_the_next_free_number():
    first = UserFactory(display_name="Marie Tremblay")
    second = UserFactory(display_name="Marie Tremblay")
    third = UserFactory(display_name="marie tremblay")
    assert [first.handle, second.handle, third.handle] == [
        "marie.tremblay",
        "marie.tremblay2",
        "marie.tremblay3",
    ]


def test_the_handle_never_comes_from_the_email_address():
    user = User.objects.create_user(email="josee.secret@exemple.org", password="x")
    assert user.handle == "membre"
    assert "secret" not in user.handle
    assert User.objects.create_user(email="autre@exemple.org").handle == "membre2"


def test_a_reserved_word_is_never_given():
    assert UserFactory(display_name="Admin").handle == "admin.membre"


def test_the_handle_stays_when_the_name_changes():
    user = UserFactory(display_name="Marie Tremblay")
    user.display_name = "Marie T. Gagnon"
    user.save()
    user.refresh_from_db()
    assert user.handle == "marie.tremblay"


def test_createsuperuser_gives_a_handle():
    call_command("createsuperuser", interactive=False, email="chef@exemple.org", verbosity=0)
    assert User.objects.get(email="chef@exemple.org").handle == "membre"


def test_signing_up_gives_a_handle_from_the_names_typed(client, site):
    response = client.post("/fr/compte/signup/", signup_data())
    assert response.status_code == 302
    assert User.objects.get(email="josee@exemple.org").handle == "josee.g"


def test_two_members_saving_the_same_free_handle_at_once_get_different_ones(monkeypatch):
    UserFactory(display_name="Marie Tremblay")
    real_first_free = handles.first_free
    calls = []

    def stale_first_free(base, *, taken):
        # The first look happened before the other sign-up committed: it saw no one.
        calls.append(base)
        return base if len(calls) == 1 else real_first_free(base, taken=taken)

    monkeypatch.setattr(handles, "first_free", stale_first_free)
    late = UserFactory(display_name="Marie Tremblay")
    assert late.handle == "marie.tremblay2"
    assert len(calls) == 2


def test_the_member_changes_their_handle_on_the_profile(member_client, member):
    response = member_client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "Bouchard",
            "display_name": "",
            "handle": "@Nadia.Bouchard",
            "job_title": "",
            "organisation_name": "",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.handle == "nadia.bouchard"


def _profile_with_handle(client, handle):
    return client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "Bouchard",
            "display_name": "",
            "handle": handle,
            "job_title": "",
            "organisation_name": "",
            "preferred_language": "fr",
        },
    )


def test_a_handle_taken_by_someone_else_is_refused_in_french_with_a_suggestion(
    member_client, member
):
    UserFactory(display_name="Marie Tremblay")
    before = member.handle
    response = _profile_with_handle(member_client, "Marie.Tremblay")
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "L’identifiant @marie.tremblay est déjà pris par un autre membre. "
        "Vous pourriez utiliser @marie.tremblay2." in page
    )
    member.refresh_from_db()
    assert member.handle == before


@pytest.mark.parametrize("bad", ["a", "marie tremblay", "marié", ".marie", "marie..t", "marie-"])
def test_a_malformed_handle_is_refused(member_client, member, bad):
    before = member.handle
    response = _profile_with_handle(member_client, bad)
    assert response.status_code == 200
    assert "Un identifiant compte de 2 à 30 caractères" in response.content.decode()
    member.refresh_from_db()
    assert member.handle == before


def test_a_handle_longer_than_30_characters_is_refused(member_client, member):
    response = _profile_with_handle(member_client, "x" * 31)
    assert "au plus 30 caractères" in response.content.decode()
    member.refresh_from_db()
    assert member.handle == "nadia.b"


def test_a_reserved_handle_is_refused(member_client, member):
    response = _profile_with_handle(member_client, "moderation")
    assert "L’identifiant @moderation est réservé." in response.content.decode()


def test_an_empty_handle_keeps_the_current_one(member_client, member):
    before = member.handle
    assert _profile_with_handle(member_client, "").status_code == 302
    member.refresh_from_db()
    assert member.handle == before == "nadia.b"


def test_a_deleted_member_loses_the_handle_and_someone_else_may_take_it():
    user = UserFactory(display_name="Marie Tremblay")
    services.member_delete(user=user)
    user.refresh_from_db()
    assert user.handle is None
    assert UserFactory(display_name="Marie Tremblay").handle == "marie.tremblay"


def test_the_export_holds_the_handle(member):
    assert services.member_export(user=member)["profile"]["handle"] == "nadia.b"


def test_the_data_migration_fills_existing_members_and_skips_deleted_ones():
    first = UserFactory(display_name="Marie Tremblay")
    second = UserFactory(display_name="Marie Tremblay")
    kept = UserFactory(display_name="Luc")
    gone = UserFactory(display_name="Parti")
    services.member_delete(user=gone)
    # As before the migration: nobody has a handle yet, except one chosen by hand.
    User.objects.exclude(pk=kept.pk).update(handle=None)
    User.objects.filter(pk=kept.pk).update(handle="marie.tremblay")
    migration = importlib.import_module("hub.accounts.migrations.0004_fill_handles")
    migration.fill_handles(apps, None)
    handles_now = dict(User.objects.values_list("pk", "handle"))
    assert handles_now[first.pk] == "marie.tremblay2"
    assert handles_now[second.pk] == "marie.tremblay3"
    assert handles_now[kept.pk] == "marie.tremblay"
    assert handles_now[gone.pk] is None


def test_a_capitalised_copy_of_a_taken_handle_is_refused_by_model_validation(db):
    """The admin's forms validate through the model: a clear error, not a database error."""
    from django.core.exceptions import ValidationError

    UserFactory(handle="nadia.b")
    other = UserFactory(handle="karim.b")
    other.handle = "Nadia.B"
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "handle" in error.value.message_dict


def test_a_handle_taken_between_the_check_and_the_save_gets_the_same_message(
    member_client, member, monkeypatch
):
    """Two members saving the same new handle at once: the database's unique constraint
    decides, and the second one sees the form again with the usual message, not an error
    page."""
    from hub.accounts.forms import ProfileForm

    UserFactory(display_name="Marie Tremblay")
    checks = []
    real_check = ProfileForm._handle_taken

    def taken_only_after_the_first_check(form, handle):
        checks.append(handle)
        return len(checks) > 1 and real_check(form, handle)

    # The other member's row appears after both checks of the form (ours and the model
    # form's unique check), as when both save at the same instant.
    monkeypatch.setattr(ProfileForm, "_handle_taken", taken_only_after_the_first_check)
    monkeypatch.setattr(ProfileForm, "validate_unique", lambda form: None)
    before = member.handle
    response = _profile_with_handle(member_client, "marie.tremblay")
    assert response.status_code == 200
    assert "L’identifiant @marie.tremblay est déjà pris" in response.content.decode()
    member.refresh_from_db()
    assert member.handle == before
