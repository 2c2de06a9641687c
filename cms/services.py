"""Every write of the CMS room: the site's structure, and what members keep in Mon espace
(saved resources, toolkit steps done; followed themes are in cms/follows.py)."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from .follows import (  # noqa: F401 - following themes, re-exported for callers
    RESOURCE_KIND,
    member_theme_follows_delete,
    resource_published,
    theme_follow_set,
    theme_followers_notify,
    theme_follows_replace,
)
from .models import (
    HomePage,
    ResourceIndexPage,
    ResourcePage,
    SavedResource,
    ToolkitPage,
    ToolkitStepDone,
)
from .selectors import LIBRARY_VERSION_KEY

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
            site_name=settings.HUB_SITE_NAME,
        )
    elif site.root_page_id != home.pk or site.site_name != settings.HUB_SITE_NAME:
        site.root_page = home
        site.site_name = settings.HUB_SITE_NAME
        site.save()
    if not HomePage.objects.filter(locale=en).exists():
        english = home.copy_for_translation(en)
        for field, value in HOME_CONTENT["en"].items():
            setattr(english, field, value)
        english.slug = "home"
        english.save_revision().publish()
    return home


def resource_save(*, user, resource: ResourcePage) -> SavedResource:
    """Idempotent: the member keeps this resource in Mon espace, once whatever the language
    they saved it in (matched on the page's translation_key)."""
    existing = SavedResource.objects.filter(
        user=user, resource__translation_key=resource.translation_key
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return SavedResource.objects.create(user=user, resource=resource)
    except IntegrityError:  # a double click raced us: the row exists, which is what we want
        return SavedResource.objects.get(user=user, resource=resource)


def resource_unsave(*, user, resource: ResourcePage) -> int:
    """Removes the resource (in every language) from the member's saved resources.
    Returns how many rows went."""
    deleted, _details = SavedResource.objects.filter(
        user=user, resource__translation_key=resource.translation_key
    ).delete()
    return deleted


def toolkit_step_set_done(*, user, toolkit: ToolkitPage, step_id: str, done: bool) -> None:
    """Marks one step of a toolkit done (or not) for the member. The step must be one of the
    toolkit's steps (ValidationError otherwise). Idempotent; progress is shared by the
    toolkit's translations (their steps keep the same ids)."""
    if step_id not in toolkit.step_ids:
        raise ValidationError(_("This step is not part of this toolkit."))
    rows = ToolkitStepDone.objects.filter(
        user=user, toolkit__translation_key=toolkit.translation_key, step_id=step_id
    )
    if not done:
        rows.delete()
        return
    if rows.exists():
        return
    try:
        with transaction.atomic():
            ToolkitStepDone.objects.create(user=user, toolkit=toolkit, step_id=step_id)
    except IntegrityError:
        pass


def member_library_delete(*, user) -> None:
    """Loi 25: deletes what only this member had in the library (saved resources, progress)."""
    SavedResource.objects.filter(user=user).delete()
    ToolkitStepDone.objects.filter(user=user).delete()
    member_theme_follows_delete(user=user)


LIBRARY_CONTENT = {
    "fr": {
        "slug": "ressources",
        "title": "Ressources",
        "intro": "<p>Guides, modèles, listes de vérification, vidéos et trousses pour "
        "réussir le virage numérique de votre organisme. Filtrez par thème, format et niveau.</p>",
    },
    "en": {
        "slug": "resources",
        "title": "Resources",
        "intro": "<p>Guides, templates, checklists, videos and toolkits for your "
        "organization's digital shift. Filter by theme, format and level.</p>",
    },
}


@transaction.atomic
def library_setup() -> ResourceIndexPage:
    """Idempotent: the resource index exists under the French home page (/fr/ressources/)
    with its English translation (/en/resources/). Returns the French index."""

    home = site_setup()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    index = ResourceIndexPage.objects.filter(locale=fr).first()
    if index is None:
        index = home.add_child(instance=ResourceIndexPage(locale=fr, **LIBRARY_CONTENT["fr"]))
        index.save_revision().publish()
    if index.get_translation_or_none(en) is None:
        english = index.copy_for_translation(en)
        for field, value in LIBRARY_CONTENT["en"].items():
            setattr(english, field, value)
        english.save_revision().publish()
    return index


def library_changed(**kwargs) -> None:
    """Invalidates the cached counts and themes of the library (every language, every
    process sharing the cache). Connected to publishing, unpublishing, deletion, privacy and
    theme changes in CmsConfig.ready()."""
    try:
        cache.incr(LIBRARY_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value does
        cache.set(LIBRARY_VERSION_KEY, 2, None)


@transaction.atomic
def translation_submit_for_review(*, page: Page, user):
    """Saves what the translation editor holds as a new draft revision of the translated
    page and submits it to the page's review workflow (resumed if a reviewer asked for
    changes). Publishes nothing, and leaves a live page's public content as it is: the
    revision holds the new text until a reviewer approves it. Raises ValidationError when
    the translated page is not valid, LookupError when no workflow applies."""
    from wagtail.models import WorkflowState
    from wagtail_localize.models import Translation, TranslationLog

    translation = Translation.objects.select_related("source", "target_locale").get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    )
    workflow = page.get_workflow()
    if workflow is None:
        raise LookupError("no review workflow applies to this page")
    # Not save_target(publish=False): it writes the translated text into the page row
    # first, which is what visitors read on a live page.
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    return workflow.start(page, user)
