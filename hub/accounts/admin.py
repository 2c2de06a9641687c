from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Region, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisation", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name", "display_name", "handle"]
    list_filter = ["is_staff", "is_active", "preferred_language"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "display_name",
                    "handle",
                    "job_title",
                    "organisation",
                    "preferred_language",
                ]
            },
        ),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined", "deleted_at"]}),
    ]
    readonly_fields = ["last_login", "date_joined", "deleted_at"]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "mission_field", "is_approved"]
    list_filter = ["is_approved", "region", "mission_field"]
    search_fields = ["name"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected organizations"))
    def approve(self, request, queryset):
        queryset.update(is_approved=True)


admin.site.register(Region)
