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
