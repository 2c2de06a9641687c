import pytest
from django.test import Client
from wagtail.models import Locale

from cms.models import ResourcePage, StandardPage, Theme, ToolkitPage
from demo.loaders import cms as demo

pytestmark = pytest.mark.django_db


def test_the_demo_library_is_rich_bilingual_and_idempotent():
    demo.seed(lambda message: None)
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    french = ResourcePage.objects.live().filter(locale=fr)
    english = ResourcePage.objects.live().filter(locale=en)
    assert french.count() >= 25 and ToolkitPage.objects.live().filter(locale=fr).count() == 4
    assert english.count() >= 0.75 * french.count()
    used = set(
        Theme.objects.filter(locale=fr, resources__isnull=False).values_list("slug", flat=True)
    )
    assert used == set(Theme.objects.filter(locale=fr).values_list("slug", flat=True))
    counts = (
        ResourcePage.objects.count(),
        ToolkitPage.objects.count(),
        StandardPage.objects.count(),
    )
    demo.seed(lambda message: None)
    assert (
        ResourcePage.objects.count(),
        ToolkitPage.objects.count(),
        StandardPage.objects.count(),
    ) == counts

    client = Client()
    for url in (
        "/fr/a-propos/",
        "/fr/accessibilite/",
        "/en/about/",
        "/en/accessibility/",
        "/fr/confidentialite/",  # the privacy policy is the privacy room's page
        "/fr/ressources/",
        "/en/resources/",
        "/fr/ressources/securiser-donnees-5-etapes/",
    ):
        assert client.get(url).status_code == 200, url
