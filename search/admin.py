"""The searches that found nothing, for staff (read only): what members look for and the
hub does not have yet. Reached from the Wagtail admin's Reports menu (wagtail_hooks.py)."""

from django.contrib import admin

from .models import SearchMiss


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    list_display = ("query", "count", "first_seen", "last_seen")
    search_fields = ("query",)
    ordering = ("-count", "-last_seen")
    readonly_fields = ("query", "count", "first_seen", "last_seen")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
