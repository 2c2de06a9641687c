"""Where cms plugs into the other rooms: its pages in the site search (the "Resources" type),
the library and "Mes thèmes" panels in Mon espace, the themes to follow on the sign-up form,
new resources on followed themes (a notification kind, Mon espace's news, a digest section),
the library's section of the member's data download, and what goes when a member leaves.
(cms also reads one point: the theme news of every room, in panels.py.)"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from hub import extensions
from hub.notifications.kinds import Kind

from . import digest, exports, panels, services
from .models import Theme
from .page_search import page_words, search_pages
from .selectors.follows import themes_in_locale

THEME_RESOURCE = Kind(
    services.RESOURCE_KIND,
    label=_("New resources on themes you follow"),
    one=_("New resource on your themes: “%(target)s”"),
)

NEW_RESOURCES = extensions.DigestSection(
    label=_("New resources on my themes"),
    description=_("Resources published on the themes you follow."),
    build=digest.new_resources_section,
)


def signup_themes_field():
    return forms.ModelMultipleChoiceField(
        queryset=Theme.objects.filter(pk__in=[theme.pk for theme in themes_in_locale()]),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("The themes that interest you"),
        help_text=_("You will hear of new resources, events and questions on them."),
    )


def signup_themes_save(*, user, value) -> None:
    services.theme_follows_replace(user=user, themes=value or [])


def page_published_received(sender, instance, **kwargs) -> None:
    services.resource_published(page=instance)


def member_deleting(sender, user, **kwargs) -> None:
    services.member_library_delete(user=user)


def register() -> None:
    extensions.search_providers.register(
        "resources",
        extensions.SearchProvider(label=_("Resources"), search=search_pages, words=page_words),
        order=10,
    )
    extensions.dashboard_panels.register(
        "cms/panels/my_library.html", panels.library_panel, order=30
    )
    extensions.dashboard_panels.register("cms/panels/my_themes.html", panels.themes_panel, order=5)
    extensions.signup_fields.register(
        "themes", extensions.SignupField(field=signup_themes_field, save=signup_themes_save)
    )
    extensions.notification_kinds.register(THEME_RESOURCE.code, THEME_RESOURCE)
    extensions.theme_news.register("cms", digest.resource_news, order=10)
    extensions.digest_sections.register("cms.new_resources", NEW_RESOURCES, order=30)
    page_published.connect(page_published_received, dispatch_uid="cms.theme_followers")
    extensions.member_exports.register("library", exports.member_library_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="cms.member_deleting")
