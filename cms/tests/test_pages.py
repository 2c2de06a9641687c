import pytest
from django.contrib.auth.models import AnonymousUser

from cms.models import RelatedResource, ResourcePage, compute_reading_time

from .factories import make_resource, make_toolkit, translate

pytestmark = pytest.mark.django_db


def test_reading_time_is_computed_from_the_words_of_the_body(library):
    words = " ".join(["mot"] * 650)
    page = make_resource(library, body=[{"type": "rich_text", "value": f"<p>{words}</p>"}])
    assert page.reading_time == 4  # 650 words + summary at 200 words a minute
    assert compute_reading_time("", []) == 1


def test_a_resource_page_shows_its_facts_blocks_and_themes(client, library, themes):
    body = [
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "title": "",
                "text": "<p>Attention aux pièces jointes.</p>",
            },
        },
        {
            "type": "checklist",
            "value": {"title": "À faire", "items": ["Activer la double authentification"]},
        },
        {"type": "step", "value": {"title": "Étape un", "text": "<p>Faire ceci.</p>"}},
        {"type": "quote", "value": {"quote": "C'était simple.", "attribution": "Une intervenante"}},
        {
            "type": "external_link",
            "value": {"url": "https://example.org/", "title": "Un lien", "description": ""},
        },
    ]
    page = make_resource(
        library,
        title="Sécurité des courriels",
        body=body,
        level="intermediate",
        themes=[themes["cyber"]],
    )
    html = client.get(page.url).content.decode()
    for text in (
        "Attention aux pièces jointes.",
        "Activer la double authentification",
        "Étape un",
        "C&#x27;était simple.",
        "Un lien",
        "Intermédiaire",
        "Cybersécurité",
        "min de lecture",
    ):
        assert text in html, text


def test_a_french_only_resource_is_shown_in_french_under_the_english_library(
    client, library, english_library
):
    page = make_resource(library, title="Concevoir un sondage", slug="sondage-respectueux")
    response = client.get("/en/resources/sondage-respectueux/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Concevoir un sondage" in html
    assert '<html lang="en-CA"' in html and '<article class="resource" lang="fr">' in html
    assert "This page is not translated yet: here is the French version." in html
    assert response.context["page"].pk == page.pk


def test_the_french_slug_under_english_redirects_to_the_translation(
    client, library, english_library
):
    page = make_resource(library, title="Sauvegardes", slug="sauvegardes")
    translate(page, title="Backups", slug="backups")
    response = client.get("/en/resources/sauvegardes/")
    assert response.status_code == 302 and response["Location"] == "/en/resources/backups/"


def test_an_unknown_resource_is_still_a_helpful_404(client, library, english_library):
    response = client.get("/en/resources/does-not-exist/")
    assert response.status_code == 404
    assert "forum" in response.content.decode()


def test_a_draft_is_not_shown_through_the_fallback_either(client, library, english_library):
    make_resource(library, slug="brouillon", publish=False)
    assert client.get("/en/resources/brouillon/").status_code == 404


def test_the_toolkit_lists_its_steps_in_order_with_their_resources(client, library):
    first = make_resource(library, title="Mots de passe")
    second = make_resource(library, title="Sauvegardes")
    toolkit = make_toolkit(
        library,
        title="Sécuriser vos données",
        steps=[("Protéger les accès", [first]), ("Sauvegarder", [second])],
    )
    html = client.get(toolkit.url).content.decode()
    assert html.index("Protéger les accès") < html.index("Sauvegarder")
    assert f'href="{first.url}"' in html
    assert "Connectez-vous pour suivre votre progression." in html


def test_standard_pages_live_under_the_home_page(client, site):
    from cms.models import StandardPage

    page = site.add_child(
        instance=StandardPage(
            title="À propos", slug="a-propos", intro="Qui sommes-nous.", body="<p>Texte.</p>"
        )
    )
    page.save_revision().publish()
    html = client.get("/fr/a-propos/").content.decode()
    assert "Qui sommes-nous." in html
    assert '<meta name="description" content="Qui sommes-nous.">' in html


def test_page_types_are_only_allowed_where_they_belong():
    assert ResourcePage.parent_page_types == ["cms.ResourceIndexPage"]
    assert ResourcePage.subpage_types == []


def test_previewing_a_resource_with_related_resources_does_not_fail(rf, library):
    """Wagtail's preview hands the page its form's related resources as modelcluster's
    in-memory stand-in for a queryset, which has no .live()."""
    from cms.selectors import resource_detail

    other = make_resource(library, title="Guide voisin")
    page = make_resource(library, title="Guide principal")
    page.related_links = [RelatedResource(resource=other)]  # as the preview's unsaved form
    request = rf.get("/")
    request.user = AnonymousUser()
    related = resource_detail(page=page, request=request)["related"]
    assert [resource.title for resource in related] == ["Guide voisin"]
