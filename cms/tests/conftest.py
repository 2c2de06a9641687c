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
