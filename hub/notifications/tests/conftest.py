import pytest
from django.utils import translation
from django.utils.functional import lazy

from hub.notifications import kinds


def by_language(fr: str, en: str):
    """A lazy string like gettext_lazy's, without touching the catalogue."""
    return lazy(lambda: fr if (translation.get_language() or "fr").startswith("fr") else en, str)()


@pytest.fixture
def test_kinds():
    """Registers test kinds for one test and restores the registry afterwards."""
    saved = dict(kinds._kinds)
    registered = {
        "reply": kinds.register_kind(
            "test.reply",
            label=by_language("Réponses (test)", "Replies (test)"),
            one=by_language(
                "%(actor)s a répondu dans « %(target)s »", "%(actor)s replied in “%(target)s”"
            ),
            many=by_language(
                "%(count)s nouvelles réponses dans « %(target)s »",
                "%(count)s new replies in “%(target)s”",
            ),
        ),
        "accepted": kinds.register_kind(
            "test.accepted",
            label=by_language("Solutions (test)", "Solutions (test)"),
            one=by_language(
                "Votre question « %(target)s » est résolue", "Your question “%(target)s” is solved"
            ),
            default_delivery="email",
        ),
        "digest": kinds.register_kind(
            "test.digest",
            label=by_language("Ressources (test)", "Resources (test)"),
            one=by_language("Nouvelle ressource : %(target)s", "New resource: %(target)s"),
            many=by_language(
                "%(count)s nouvelles ressources : %(target)s", "%(count)s new resources: %(target)s"
            ),
            default_delivery="digest",
        ),
    }
    try:
        yield registered
    finally:
        kinds._kinds.clear()
        kinds._kinds.update(saved)


@pytest.fixture
def make_member(db):
    from hub.accounts.tests.factories import UserFactory

    def make(**kwargs):
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def topic(db):
    """Any model instance serves as a notification target: an organisation here."""
    from hub.accounts.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Budget 2027")
