import pytest

from cms.services import library_setup

from .factories import locale, make_theme


@pytest.fixture
def library(site):
    """The French resource index (/fr/ressources/) with its English translation."""
    return library_setup()


@pytest.fixture
def english_library(library):
    return library.get_translation(locale("en")).specific


@pytest.fixture
def themes(library):
    return {
        "cyber": make_theme(
            slug="cybersecurite", name="Cybersécurité", english=("cybersecurity", "Cybersecurity")
        ),
        "data": make_theme(
            slug="gestion-des-donnees",
            name="Gestion des données",
            english=("data-management", "Data management"),
        ),
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """The library caches its counts: each test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    """A writer (Rédaction): edits and translates pages, may not publish."""
    from django.contrib.auth.models import Group

    from hub.accounts.tests.factories import UserFactory

    user = UserFactory(first_name="Rita", last_name="Rédaction")
    user.groups.add(Group.objects.get(name="Rédaction"))
    return user


@pytest.fixture
def reviewer(db):
    """A reviewer (Révision): approves and publishes."""
    from django.contrib.auth.models import Group

    from hub.accounts.tests.factories import UserFactory

    user = UserFactory(first_name="Rémi", last_name="Révision")
    user.groups.add(Group.objects.get(name="Révision"))
    return user
