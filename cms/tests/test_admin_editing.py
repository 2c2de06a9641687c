"""The Wagtail admin as a French editor finds it: choices limited to the page's language,
choosers that open where the pages are, a menu that says where things are, no English."""

import re

import pytest

from cms.models import RelatedResource, ResourcePage

from .factories import locale, make_resource, make_toolkit, translate

pytestmark = pytest.mark.django_db


def _field_html(html: str, name: str) -> str:
    """The markup of one form field's wrapper (its label, inputs and help)."""
    start = html.index(f'data-contentpath="{name}"')
    return html[start : html.index("</fieldset>", start) if "</fieldset>" in html[start:] else None]


def test_theme_checkboxes_offer_the_themes_of_the_page_language_only(
    client, editor, library, themes
):
    page = make_resource(library, themes=[themes["cyber"]])
    client.force_login(editor)
    html = _field_html(client.get(f"/admin/pages/{page.pk}/edit/").text, "themes")
    assert "Cybersécurité" in html and "Gestion des données" in html
    assert "Cybersecurity" not in html and "Data management" not in html


def test_an_english_page_shows_its_french_theme_as_the_english_one(
    client, editor, library, english_library, themes
):
    page = make_resource(library, themes=[themes["cyber"]])
    english = translate(page, title="Backups")  # carries the French theme, as localize does
    client.force_login(editor)
    html = _field_html(client.get(f"/admin/pages/{english.pk}/edit/").text, "themes")
    assert "Cybersécurité" not in html
    english_cyber = themes["cyber"].get_translation(locale("en"))
    assert re.search(rf'value="{english_cyber.pk}"[^>]*checked', html)


def test_related_resources_are_chosen_with_a_resource_chooser_not_a_list_of_titles(
    client, editor, library, english_library
):
    page = make_resource(library, title="Page éditée")
    neighbour = make_resource(library, title="Voisine française")
    make_resource(english_library, title="English neighbour")
    page.related_links = [RelatedResource(resource=neighbour)]
    page.save_revision().publish()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert 'name="related_resources"' not in html  # no multi-select of every title
    assert "English neighbour" not in html
    assert "Voisine française" in html  # the chosen one, in the chooser
    assert "cms.resourcepage" in html  # the chooser opens on resources only
    response = client.get("/admin/choose-page/", {"page_type": "cms.resourcepage"})
    listing = response.json()["html"]
    assert "Voisine française" in listing and "English neighbour" not in listing


def test_related_resources_show_on_the_page_in_the_order_chosen(client, library):
    first = make_resource(library, title="Deuxième par le titre")
    second = make_resource(library, title="Avant par le titre")
    page = make_resource(library, title="Guide principal")
    page.related_links = [RelatedResource(resource=first), RelatedResource(resource=second)]
    page.save_revision().publish()
    html = client.get(page.url).text
    assert html.index("Deuxième par le titre") < html.index("Avant par le titre")


def test_the_page_chooser_opens_in_the_editor_language_library_not_at_the_root(
    client, editor, library, english_library
):
    make_toolkit(library, title="Trousse française", steps=[])
    make_toolkit(english_library, title="English toolkit", steps=[])
    client.force_login(editor)
    response = client.get("/admin/choose-page/", {"page_type": "cms.toolkitpage"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Trousse française" in html
    assert "English toolkit" not in html
    # Switching to English in the chooser still works.
    response = client.get("/admin/choose-page/", {"page_type": "cms.toolkitpage", "locale": "en"})
    assert "English toolkit" in response.json()["html"]


def test_the_submit_translation_form_speaks_of_languages_not_regions(client, editor, library):
    page = make_resource(library)
    client.force_login(editor)
    html = client.get(f"/admin/localize/submit/page/{page.pk}/").text
    assert "Régions" not in html
    assert "Langues" in html


def test_the_translation_comment_dates_are_french(library):
    import datetime

    from django.utils import timezone, translation
    from wagtail_localize.models import StringTranslation

    string = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=timezone.make_aware(datetime.datetime(2026, 12, 3, 10)),
    )
    with translation.override("fr"):
        assert string.get_comment() == "Traduit manuellement le 3 décembre 2026"


def test_the_admin_says_more_actions_and_the_editor_words_in_french(client, editor, library):
    page = make_resource(library)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert "More actions" not in html
    assert "Plus d'actions" in html or "Plus d&#x27;actions" in html
    # The words wagtail-localize's and the date picker's scripts write in English.
    assert 'data-hub-words="' in html


def test_admin_avatars_are_the_users_initials_drawn_inline(client, editor, library):
    from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

    assert avatar_url(editor).startswith("data:image/svg+xml,")
    assert "RR" in avatar_url(editor)  # Rita Rédaction
    client.force_login(editor)
    html = client.get("/admin/").text
    avatars = re.findall(r'class="avatar[^"]*"[^>]*>\s*<img src="([^"]+)"', html)
    assert avatars and all(src.startswith("data:image/svg+xml,") for src in avatars)
    assert "gravatar.com" not in html


def test_editing_a_page_in_french_keeps_its_themes_on_save(client, editor, library, themes):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    page = make_resource(library, themes=[themes["cyber"]])
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "format": "guide",
            "level": "beginner",
            "audience": "everyone",
            "comments": inline_formset([]),
            "related_links": inline_formset([]),
        }
    )
    data["themes"] = [themes["data"].pk]
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    revision = ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [theme.pk for theme in revision.themes.all()] == [themes["data"].pk]


def test_editors_find_translations_in_the_main_menu(client, editor, library):
    client.force_login(editor)
    html = client.get("/admin/").text
    assert '"name": "hub-translations"' in html  # in the main menu, not only in Rapports
    assert "/admin/localize/reports/translations/" in html
    assert client.get("/admin/localize/reports/translations/").status_code == 200
