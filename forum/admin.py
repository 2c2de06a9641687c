"""machina's forum admin with the hub's additions to each forum (its English name and
description, its themes: forum.ForumCategory), and the privacy moderation screen: the
register of actions (privacy's ModerationEntry, at /django-admin/privacy/moderationentry/)
and the form that unpublishes a post, replaces a name in it, or marks a page noindex. It
lives in forum because posts are machina's; the register it writes stays privacy's."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.admin import ForumAdmin as MachinaForumAdmin
from machina.apps.forum.models import Forum

from cms.models import Theme
from hub.privacy import moderation as privacy_moderation
from hub.privacy.models import ModerationEntry

from . import moderation
from .forms import ModerationForm
from .models import ForumCategory


class ForumCategoryInline(admin.StackedInline):
    model = ForumCategory
    can_delete = False
    max_num = 1
    verbose_name = _("English words and themes")
    verbose_name_plural = _("English words and themes")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "themes":
            # One box per theme: the French ones, which stand for their translations.
            kwargs["queryset"] = Theme.objects.filter(locale__language_code="fr")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Forum)


@admin.register(Forum)
class ForumAdmin(MachinaForumAdmin):
    inlines = [*MachinaForumAdmin.inlines, ForumCategoryInline]


@admin.register(ModerationEntry)
class ModerationEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only; "Add" opens the moderation form, which writes the log."""

    list_display = ["created_at", "action", "target", "replacements", "moderator"]
    list_filter = ["action"]
    date_hierarchy = "created_at"
    list_select_related = ["moderator"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ModerationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            action = data["action"]
            if action == "unpublish":
                moderation.post_unpublish(
                    post=data["post_object"], by=request.user, reason=data["reason"]
                )
            elif action == "redact":
                count = moderation.post_redact(
                    post=data["post_object"],
                    text=data["text"],
                    replacement=data["replacement"],
                    by=request.user,
                    reason=data["reason"],
                )
                self.message_user(
                    request, _("%(count)s occurrence(s) replaced.") % {"count": count}
                )
            else:
                privacy_moderation.path_noindex(
                    path=data["path"],
                    by=request.user,
                    reason=data["reason"],
                    noindex=action == "noindex",
                )
            return redirect("admin:privacy_moderationentry_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Privacy moderation"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "community/admin/moderation_form.html", context)
