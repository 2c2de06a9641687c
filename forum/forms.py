"""machina's post and topic forms with our rules: a clear message for an empty or oversized
message, a posting rate limit, a double-submit guard, and first posts of brand-new members
held for a moderator."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from machina.apps.forum_conversation.forms import PostForm, TopicForm

from . import services
from .models import PostReport


class _CommunityRules:
    def _rules_init(self):
        self.fields["content"].required = False  # our clean_content says it more clearly
        self.fields["content"].label = _("Message")
        self.fields["subject"].label = pgettext_lazy("forum post", "Title")
        self.fields["content"].widget.attrs["placeholder"] = ""
        self.fields["subject"].widget.attrs["placeholder"] = ""

    def clean_content(self):
        try:
            return services.post_check_content(content=self.cleaned_data.get("content"))
        except services.ForumError as error:
            raise forms.ValidationError(str(error)) from None

    def _check_rate(self):
        content = self.cleaned_data.get("content")
        if self.instance.pk or not content or self.user is None:
            return
        try:
            services.post_check_allowed(user=self.user, topic=self.topic, content=content)
        except services.ForumError as error:
            raise forms.ValidationError(str(error)) from None


class CommunityPostForm(_CommunityRules, PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._rules_init()

    def clean(self):
        cleaned = super().clean()
        self._check_rate()
        return cleaned

    def create_post(self):
        post = super().create_post()
        if post.approved and services.post_needs_approval(user=self.user, forum=self.forum):
            post.approved = False
        return post


class CommunityTopicForm(_CommunityRules, TopicForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._rules_init()
        for name in [n for n in self.fields if n.startswith("poll_")]:
            # Polls are not offered in our forms (machina keeps supporting them).
            del self.fields[name]
        if len(list(self.fields["topic_type"].choices)) <= 1:
            self.fields["topic_type"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        self._check_rate()
        return cleaned

    def create_topic(self):
        topic = super().create_topic()
        self._needs_approval = topic.approved and services.post_needs_approval(
            user=self.user, forum=self.forum
        )
        if self._needs_approval:
            topic.approved = False
        return topic

    def create_post(self):
        post = super().create_post()
        if getattr(self, "_needs_approval", False):
            post.approved = False
        return post


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reporting this message?"),
        max_length=PostReport._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only moderators see your report."),
    )
