"""machina's post and topic forms with our rules: a clear message for an empty or oversized
message, a posting rate limit, a double-submit guard, and first posts of brand-new members
held for a moderator."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from machina.apps.forum_conversation.forms import PostForm, TopicForm
from machina.apps.forum_conversation.forum_polls.forms import (
    BaseTopicPollOptionFormset,
    TopicPollOptionForm,
)
from machina.apps.forum_conversation.forum_polls.models import TopicPollOption
from machina.apps.forum_conversation.models import Post
from machina.conf import settings as machina_settings

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
        if "poll_question" in self.fields:  # members who may create polls (machina checks)
            self._poll_fields_init()
        if len(list(self.fields["topic_type"].choices)) <= 1:
            self.fields["topic_type"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        self._check_rate()
        if cleaned.get("poll_question") and not cleaned.get("poll_max_options"):
            # machina's message for this is not translated: say it in the member's language.
            self.errors["poll_max_options"] = self.error_class(
                [_("Say how many choices each person may tick.")]
            )
        return cleaned

    def _poll_fields_init(self):
        labels = {
            "poll_question": _("Poll question"),
            "poll_max_options": _("Choices per person"),
            "poll_duration": _("Open for how many days"),
            "poll_user_changes": _("People may change their vote"),
            "poll_hide_results": _("Show the results only to me and the moderators"),
        }
        for name, label in labels.items():
            self.fields[name].label = label
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["poll_question"].help_text = _("Leave it empty for a question without a poll.")
        self.fields["poll_duration"].help_text = _("Leave it empty for a poll without an end.")
        for name in ("poll_max_options", "poll_user_changes", "poll_hide_results"):
            self.fields[name].help_text = ""  # the labels say it; machina's are not translated
        self.fields["poll_max_options"].min_value = 1
        if not self.is_bound and self.fields["poll_max_options"].initial is None:
            self.fields["poll_max_options"].initial = 1
        if not self.is_bound and not self.fields["poll_duration"].initial:
            self.fields["poll_duration"].initial = None  # empty means no end, as the help says

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


class _PollOptionFormset(BaseTopicPollOptionFormset):
    """machina's poll options, with its one untranslated message said in the member's
    language."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["text"].widget.attrs.pop("placeholder", None)  # each has a label

    def clean(self):
        # machina validates the choices only when a poll question was written, but a bound
        # formset shows its errors wherever it is rendered: without a question, no poll was
        # opened and there is nothing to say about its choices.
        if not (self.data.get("poll_question") or "").strip():
            return
        try:
            super().clean()
        except forms.ValidationError:
            raise forms.ValidationError(_("A poll needs at least two choices.")) from None


PollOptionFormset = forms.modelformset_factory(
    TopicPollOption,
    TopicPollOptionForm,
    formset=_PollOptionFormset,
    can_delete=True,
    extra=4,  # room for four choices without JavaScript
    max_num=machina_settings.POLL_MAX_OPTIONS_PER_POLL,
    validate_max=True,
)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reporting this message?"),
        max_length=PostReport._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only moderators see your report."),
    )


class ModerationForm(forms.Form):
    """One moderation action on request (privacy), with its reason (kept in the audit log):
    on a post (forum/moderation.py) or on a page's indexing (hub.privacy.moderation)."""

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
