"""The post editor: a plain textarea that works without JavaScript; forum/static/forum/
editor.js adds a small Markdown toolbar, a preview and drafts kept in the browser."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MarkdownEditor(forms.Textarea):
    template_name = "community/widgets/markdown_editor.html"

    def __init__(self, attrs=None):
        defaults = {"rows": 10, "class": "md-input", "data-md-editor": "1"}
        defaults.update(attrs or {})
        super().__init__(defaults)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["help"] = _(
            "Markdown: **bold**, *italics*, [link](https://…), > quote, - list, `code`."
        )
        return context
