"""Demo members: they sign in at once, staff roles get their groups, and every one gets a
handle (the demo discussions mention @marie-eve.t)."""

import pytest
from django.test import Client

from demo.loaders import accounts
from hub.accounts.models import Organisation, User

pytestmark = pytest.mark.django_db


def test_demo_members_get_handles_that_the_demo_mention_uses():
    accounts.seed(lambda message: None)
    assert User.objects.get(email="moderation@dataide.example").handle == "marie-eve.t"
    assert not User.objects.filter(handle=None).exists()


def test_demo_members_have_their_roles_and_organisations_and_a_second_run_adds_nothing():
    accounts.seed(lambda message: None)
    admin = User.objects.get(email="admin@dataide.example")
    assert admin.is_superuser and admin.is_staff
    moderator = User.objects.get(email="moderation@dataide.example")
    assert moderator.is_staff and not moderator.is_superuser
    assert list(moderator.groups.values_list("name", flat=True)) == ["Modération"]
    nadia = User.objects.get(email="nadia@exemple.org")
    assert not nadia.is_staff
    assert nadia.organisation.name == "Cuisines collectives du Bas-Saint-Laurent"
    assert User.objects.get(email="david@example.org").preferred_language == "en"
    counts = (User.objects.count(), Organisation.objects.count())
    accounts.seed(lambda message: None)
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_the_admin_signs_in_with_the_password_make_run_prints():
    accounts.seed(lambda message: None)
    assert accounts.password() == "demo-dataide-2026"
    assert Client().login(email="admin@dataide.example", password=accounts.password())
