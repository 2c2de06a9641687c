"""Translation in the admin goes through review like any page (hooks in wagtail_hooks.py).

wagtail-localize's translation editor offers "Publier" to those who may publish and
nothing to the others; its "Synchroniser les pages traduites" form publishes at once
for anyone who may submit translations. Here the editor gets a "Soumettre la traduction
à la révision" action, and the synchronising form publishes only for those who may
publish every translation it touches."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import services

SUBMIT_ACTION = "hub-submit-translation"


def synced_translation(page) -> Translation | None:
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def submit_for_review(request, page):
    """The translation editor's POST with action=hub-submit-translation (Wagtail's edit
    view has already checked that the user may edit the page)."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT_ACTION:
        return None
    if synced_translation(page) is None:
        return None
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    title = page.get_admin_display_title()
    try:
        services.translation_submit_for_review(page=page, user=request.user)
    except ValidationError:
        messages.error(
            request,
            _("The translation of “%(title)s” has errors: fix them before submitting it.")
            % {"title": title},
        )
    except LookupError:
        messages.error(request, _("No review workflow applies to this page."))
    else:
        messages.success(
            request,
            _("The translation of “%(title)s” has been submitted for review.") % {"title": title},
        )
    return redirect(request.path)


def may_publish(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.has_perm(get_permission_name("change", type(instance)))


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """«Synchroniser les pages traduites»: «Publier immédiatement» only for those who may
    publish every translation; the others update the translations as drafts, to be
    submitted for review from the translation editor."""

    def may_publish_all(self) -> bool:
        return all(
            may_publish(self.request.user, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hub_review_note"] = "publish_translations" not in context["form"].fields
        return context


def urls():
    # Same address as wagtail-localize's view, registered first (hook order -1), so every
    # link to "wagtail_localize:update_translations" opens this one.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="hub_update_translations",
        )
    ]


def format_comment_dates_through_the_locale():
    """wagtail-localize 1.14 dates its "Traduit manuellement le {date}" with strftime, so
    the month is English ("1 December 2026") in every language. The same comments, dated
    through the locale's DATE_FORMAT (hub/formats). Called once from CmsConfig.ready()."""
    from django.utils import formats, timezone
    from wagtail_localize.models import StringTranslation

    def get_comment(self):
        date = formats.date_format(timezone.localtime(self.updated_at), "DATE_FORMAT")
        if self.tool_name:
            return _("Translated with {tool_name} on {date}").format(
                tool_name=self.tool_name, date=date
            )
        if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
            return _("Translated manually on {date}").format(date=date)
        if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
            return _("Machine translated on {date}").format(date=date)
        return None

    StringTranslation.get_comment = get_comment
