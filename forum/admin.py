"""The privacy moderation screen: the register of actions (privacy's ModerationEntry, at
/django-admin/privacy/moderationentry/) and the form that unpublishes a post, replaces a
name in it, or marks a page noindex. It lives in forum because posts are machina's; the
register it writes stays privacy's."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hub.privacy import moderation as privacy_moderation
from hub.privacy.models import ModerationEntry

from . import moderation
from .forms import ModerationForm


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
                    request,
                    ngettext(
                        "%(count)s occurrence replaced.", "%(count)s occurrences replaced.", count
                    )
                    % {"count": count},
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
