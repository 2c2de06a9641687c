from django import forms
from django.utils.translation import gettext_lazy as _

from .moderation import Post


class ModerationForm(forms.Form):
    """One privacy moderation action, with its reason (kept in the audit log)."""

    ACTIONS = [
        ("unpublish", _("Unpublish a post")),
        ("redact", _("Replace a name in a post")),
        ("noindex", _("Ask search engines not to index a page")),
        ("index", _("Let search engines index a page again")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    post = forms.IntegerField(
        label=_("Post number"),
        required=False,
        help_text=_("For a post: its number, shown in its address."),
    )
    path = forms.CharField(
        label=_("Page address"),
        required=False,
        max_length=500,
        help_text=_("For noindex: the page's address, for example /fr/forum/sujet/12/."),
    )
    text = forms.CharField(
        label=_("Name to replace"),
        required=False,
        max_length=200,
        help_text=_("Not kept in the log."),
    )
    replacement = forms.CharField(
        label=_("Replace with"), required=False, max_length=100, initial="[nom retiré]"
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: request no. 12 of a member named in the post."),
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in ("unpublish", "redact"):
            post = Post.objects.filter(pk=cleaned.get("post") or 0).select_related("topic").first()
            if post is None:
                self.add_error("post", _("No post has this number."))
            cleaned["post_object"] = post
        if action == "redact" and not (cleaned.get("text") or "").strip():
            self.add_error("text", _("Give the name to replace."))
        if action in ("noindex", "index") and not (cleaned.get("path") or "").strip():
            self.add_error("path", _("Give the page's address."))
        return cleaned
