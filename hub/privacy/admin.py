"""Staff screens at /django-admin/privacy/: the consent log (read-only, CSV), the request
queue with its 30-day due dates, and the incident register (CSV, notice to members)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hub.csv_export import csv_response

from . import incidents
from .models import (
    ConsentEvent,
    Incident,
    MemberPrivacy,
    NoIndexPath,
    PrivacyRequest,
)
from .views import CONSENT_LOG_HEADER, consent_log_rows


@admin.register(ConsentEvent)
class ConsentEventAdmin(admin.ModelAdmin):
    """Append-only: staff can read and export, never add, change or delete."""

    list_display = ["created_at", "user", "subject", "action", "wording_version", "method"]
    list_filter = ["subject", "action", "method"]
    search_fields = ["user__email"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Export the selected rows as CSV"))
    def export_csv(self, request, queryset):
        return csv_response(
            f"journal-consentements-{timezone.localdate():%Y-%m-%d}.csv",
            CONSENT_LOG_HEADER,
            consent_log_rows(queryset),
        )


@admin.register(MemberPrivacy)
class MemberPrivacyAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "profile_visibility",
        "newsletter",
        "statistics",
        "email_notifications",
        "emails_stopped",
    ]
    list_filter = ["profile_visibility", "newsletter", "statistics", "emails_stopped"]
    search_fields = ["user__email"]
    list_select_related = ["user"]

    # Changes go through "Mon espace" or the unsubscribe link so that each one is logged.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OverdueFilter(admin.SimpleListFilter):
    title = _("due date")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("week", _("Due within 7 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        open_ = queryset.filter(
            status__in=[PrivacyRequest.Status.RECEIVED, PrivacyRequest.Status.IN_PROGRESS]
        )
        if self.value() == "overdue":
            return open_.filter(due_on__lt=today)
        if self.value() == "week":
            return open_.filter(due_on__gte=today, due_on__lte=today + timezone.timedelta(days=7))
        return queryset


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    list_display = ["received_on", "kind", "requester_name", "status", "due_label", "answered_on"]
    list_filter = ["status", "kind", OverdueFilter]
    search_fields = ["requester_name", "requester_contact", "details"]
    readonly_fields = ["due_on", "answered_on", "created_at", "updated_at"]
    autocomplete_fields = ["member", "handled_by"]
    fieldsets = [
        (None, {"fields": ["kind", "status", "received_on", "due_on"]}),
        (
            _("Requester"),
            {"fields": ["requester_name", "requester_contact", "member"]},
        ),
        (_("Request"), {"fields": ["details", "post_url"]}),
        (
            _("Answer"),
            {"fields": ["answer", "refusal_reason", "handled_by", "answered_on"]},
        ),
    ]

    @admin.display(description=_("answer due on"), ordering="due_on")
    def due_label(self, obj):
        if obj.is_overdue:
            return format_html("<strong>{} — {}</strong>", obj.due_on, _("overdue"))
        return obj.due_on

    def save_model(self, request, obj, form, change):
        if not obj.is_open and obj.handled_by is None:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = [
        "learned_on",
        "short_description",
        "persons_affected",
        "serious_injury_risk",
        "commission_notified_on",
        "persons_notified_on",
        "notice_link",
    ]
    list_filter = ["serious_injury_risk"]
    date_hierarchy = "learned_on"
    actions = ["export_csv"]
    fieldsets = [
        (_("What happened"), {"fields": ["information_description", "circumstances"]}),
        (
            _("When"),
            {"fields": ["occurred_on", "occurred_until", "occurred_note", "learned_on"]},
        ),
        (
            _("Who and what risk"),
            {
                "fields": [
                    "persons_affected",
                    "persons_affected_approximate",
                    "risk_assessment",
                    "serious_injury_risk",
                ]
            },
        ),
        (
            _("Notices and measures"),
            {
                "fields": [
                    "commission_notified_on",
                    "persons_notified_on",
                    "public_notice",
                    "measures_taken",
                ]
            },
        ),
    ]

    @admin.display(description=_("personal information concerned"))
    def short_description(self, obj):
        return obj.information_description[:80]

    @admin.display(description=_("notice"))
    def notice_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:privacy_incident_notice", args=[obj.pk]),
            _("Notice to members"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/avis/",
                self.admin_site.admin_view(self.notice_view),
                name="privacy_incident_notice",
            ),
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_all_view),
                name="privacy_incident_export",
            ),
        ] + super().get_urls()

    def notice_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return incidents.notice_response(request, get_object_or_404(Incident, pk=pk))

    def export_all_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return incidents.register_csv(Incident.objects.all())

    @admin.action(description=_("Export the selected incidents as CSV"))
    def export_csv(self, request, queryset):
        return incidents.register_csv(queryset)


@admin.register(NoIndexPath)
class NoIndexPathAdmin(admin.ModelAdmin):
    list_display = ["path", "created_at"]

    # Added and removed through the moderation form, so that each change is logged.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
