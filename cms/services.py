"""Site structure that must exist for the hub to work: one home page per language."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_CONTENT = {
    "fr": {
        "title": "Accueil",
        "hero_title": "Le numérique au service de votre mission",
        "hero_text": (
            "Ressources, trousses, webinaires et entraide entre organismes communautaires "
            "du Québec qui luttent contre la pauvreté et l'exclusion."
        ),
    },
    "en": {
        "title": "Home",
        "hero_title": "Digital tools in service of your mission",
        "hero_text": (
            "Resources, toolkits, webinars and peer support for Québec community "
            "organizations fighting poverty and exclusion."
        ),
    },
}


@transaction.atomic
def site_setup() -> HomePage:
    """Idempotent: makes sure the French home page is the site's root and that its English
    translation exists. Returns the French home page."""
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=fr).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a "Welcome to Wagtail" page: replace it.
        for page in root.get_children().exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=page).delete()
            page.delete()
        home = root.add_child(instance=HomePage(locale=fr, slug="accueil", **HOME_CONTENT["fr"]))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="DATAide Hub",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "DATAide Hub"
        site.save()
    if not HomePage.objects.filter(locale=en).exists():
        english = home.copy_for_translation(en)
        for field, value in HOME_CONTENT["en"].items():
            setattr(english, field, value)
        english.slug = "home"
        english.save_revision().publish()
    return home
