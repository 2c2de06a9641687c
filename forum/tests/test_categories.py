"""Forum categories are filed under the library's themes (cms.Theme) and carry English words
beside machina's French ones (forum.ForumCategory)."""

import pytest
from django.utils import translation

from cms.tests.factories import make_theme
from forum import categories
from forum.models import ForumCategory

from .factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_a_category_names_itself_in_the_readers_language_and_is_filed_under_themes():
    theme = make_theme(
        slug="cybersecurite", name="Cybersécurité", english=("cybersecurity", "Cyber")
    )
    forum = ForumFactory(name="Cybersécurité", description="Mots de passe, sauvegardes.")
    untranslated = ForumFactory(name="Vie de la communauté")
    category = ForumCategory.objects.create(
        forum=forum, name_en="Cybersecurity", description_en="Passwords, backups."
    )
    category.themes.set([theme])
    with translation.override("fr"):
        assert categories.forum_name(forum) == "Cybersécurité"
        assert categories.is_translated(untranslated)
    with translation.override("en"):
        assert categories.forum_name(forum) == "Cybersecurity"
        assert categories.forum_description_en(forum) == "Passwords, backups."
        assert categories.forum_name(untranslated) == "Vie de la communauté"
        assert not categories.is_translated(untranslated)
    english_theme = theme.get_translation(theme.locale.__class__.objects.get(language_code="en"))
    assert categories.forum_ids_on_themes([english_theme.translation_key]) == {forum.pk}
    assert categories.forum_theme_keys(forum.pk) == (str(theme.translation_key),)


def test_the_cached_categories_follow_every_change():
    forum = ForumFactory(name="Outils")
    assert categories.categories() == {}
    category = ForumCategory.objects.create(forum=forum, name_en="Tools")
    with translation.override("en"):
        assert categories.forum_name(forum) == "Tools"
        category.name_en = "Software"
        category.save()
        assert categories.forum_name(forum) == "Software"
    theme = make_theme(slug="outils", name="Outils")
    category.themes.add(theme)
    assert categories.forum_ids_on_themes([theme.translation_key]) == {forum.pk}
    theme.delete()
    assert categories.forum_ids_on_themes([theme.translation_key]) == set()


def test_staff_give_a_forum_its_english_words_and_themes_in_the_admin(admin_client):
    make_theme(slug="donnees", name="Gouvernance des données")
    forum = ForumFactory(name="Données")
    page = admin_client.get(f"/django-admin/forum/forum/{forum.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="community_category-0-name_en"' in html
    assert "Gouvernance des données" in html


def test_the_english_forum_lists_categories_in_english_or_marks_them_in_french(client, site):
    from .factories import programme_forums, topic_with_first_post

    forums = programme_forums()
    help_forum = forums["Demandes d'aide"]
    help_forum.description = "Posez votre question."
    help_forum.save()
    ForumCategory.objects.create(
        forum=help_forum, name_en="Help requests", description_en="Ask your question."
    )
    topic = topic_with_first_post(forum=help_forum, subject="Un sujet")
    english = client.get("/en/forum/").content.decode()
    assert "Help requests" in english and "Ask your question." in english
    assert "Posez votre question." not in english and "Demandes d&#x27;aide" not in english
    # No English words yet: the French name, said to be French.
    marked = '<span lang="fr">Cybersécurité</span> <span class="lang-note" lang="fr">(en français)'
    assert marked in english
    french = client.get("/fr/forum/").content.decode()
    assert "Demandes d&#x27;aide" in french and "Posez votre question." in french
    assert "Help requests" not in french and "(en français)" not in french
    forum_page = client.get(f"/en/forum/forum/{help_forum.slug}-{help_forum.pk}/").content.decode()
    assert "<h1>Help requests</h1>" in forum_page and "Ask your question." in forum_page
    topic_page = client.get(
        f"/en/forum/forum/{help_forum.slug}-{help_forum.pk}/topic/{topic.slug}-{topic.pk}/"
    ).content.decode()
    assert "Help requests" in topic_page  # the breadcrumb
