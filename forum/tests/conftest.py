import pytest

from hub.accounts.tests.factories import OrganisationFactory, UserFactory

from .factories import PostFactory, programme_forums, topic_with_first_post


@pytest.fixture
def forums(db):
    """Forums like the programme's, by name (open ones readable by visitors)."""
    return programme_forums()


@pytest.fixture
def help_forum(forums):
    return forums["Demandes d'aide"]


@pytest.fixture
def staff_forum(forums):
    return forums["Espace équipe et formateurs"]


def established(**kwargs):
    """A member who has posted before (their posts need no approval)."""
    user = UserFactory(**kwargs)
    PostFactory(poster=user, content="Bonjour!")
    return user


@pytest.fixture
def asker(db):
    return established(
        first_name="Nadia",
        last_name="Bouchard",
        email="nadia@exemple.org",
        organisation=OrganisationFactory(name="Cuisine collective Hochelaga"),
    )


@pytest.fixture
def helper(db):
    return established(first_name="Karim", last_name="Benali", email="karim@exemple.org")


@pytest.fixture
def moderator(db):
    return UserFactory(first_name="Mod", last_name="Ératrice", is_staff=True, is_superuser=True)


@pytest.fixture
def question(help_forum, asker):
    return topic_with_first_post(
        forum=help_forum,
        poster=asker,
        subject="Quel logiciel de gestion des membres?",
        content="Nous sommes un petit organisme. Que recommandez-vous?",
    )


def topic_url(topic):
    forum = topic.forum
    return f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/"


def reply_url(topic):
    return topic_url(topic) + "post/create/"
