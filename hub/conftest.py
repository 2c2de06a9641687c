"""Fixtures shared by the hub's own rooms' tests (accounts, notifications)."""

import pytest

from cms.services import library_setup
from cms.tests.factories import make_theme
from events.tests.factories import event_index
from forum.models import ForumCategory
from forum.tests.factories import programme_forums


@pytest.fixture
def world(site):
    """A library, an events index and the programme's forums, with the "Cybersécurité"
    category filed under a cybersecurity theme (French and English): what Mon espace and
    the digest gather from every room."""
    forums = programme_forums()
    theme = make_theme(slug="cybersecurite", name="Cybersécurité", english=("cyber", "Cyber"))
    category, _created = ForumCategory.objects.get_or_create(forum=forums["Cybersécurité"])
    category.themes.add(theme)
    return {
        "library": library_setup(),
        "events": event_index(site),
        "forum": forums["Cybersécurité"],
        "theme": theme,
    }
