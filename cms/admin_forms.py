"""The editing forms of library pages (base_form_class of ResourcePage and ToolkitPage):
an editor chooses among the themes of the page's own language only."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm


class ThemeChoiceLabels:
    """A theme of another language (kept from an older choice) says which language it is in."""

    def __init__(self, locale_id):
        self.locale_id = locale_id

    def __call__(self, theme) -> str:
        if theme.locale_id == self.locale_id:
            return theme.name
        return f"{theme.name} ({theme.locale.get_display_name()})"


class LibraryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        if locale_id is None:
            return
        if "themes" in self.fields:
            self._limit_themes(locale_id)

    def _limit_themes(self, locale_id):
        from .models import Theme

        field = self.fields["themes"]
        chosen = list(self.initial.get("themes") or [])
        chosen_ids = [getattr(theme, "pk", theme) for theme in chosen]
        # A French theme on an English page shows as its English translation (filters
        # match on translation_key, so the page stays under the same theme).
        shown = []
        for theme in Theme.objects.filter(pk__in=chosen_ids):
            if theme.locale_id == locale_id:
                shown.append(theme.pk)
                continue
            translated = theme.get_translation_or_none(locale=locale_id)
            shown.append(translated.pk if translated is not None else theme.pk)
        self.initial["themes"] = shown
        field.queryset = (
            Theme.objects.filter(Q(locale_id=locale_id) | Q(pk__in=shown))
            .select_related("locale")
            .order_by("sort_order", "name")
        )
        field.label_from_instance = ThemeChoiceLabels(locale_id)
