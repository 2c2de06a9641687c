"""machina's conversation views with our forms and the extras the topic page shows. Our URL
patterns for the same paths come first in forum/urls.py; machina's code stays untouched."""

from collections import defaultdict
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.forms.forms import NON_FIELD_ERRORS
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from machina.apps.forum_conversation import views as machina_views
from machina.apps.forum_conversation.forum_polls import views as machina_poll_views
from machina.apps.forum_conversation.forum_polls.models import TopicPoll, TopicPollVote
from machina.apps.forum_conversation.models import Post

from hub.notifications.views import request_mark_read
from hub.parsing import UrlIdsMixin, parse_id

from .. import access, services, site_search
from ..forms import CommunityPostForm, CommunityTopicForm, PollOptionFormset
from ..models import Reaction, TopicSolution


def reaction_summary(post_ids, user):
    """{post_id: [{"kind", "label", "count", "mine"}]} in one query, whatever the count."""
    counts = defaultdict(dict)
    mine = set()
    rows = Reaction.objects.filter(post_id__in=post_ids).values("post_id", "kind").order_by()
    if user.is_authenticated:
        rows = rows.annotate(n=Count("id"), mine=Count("id", filter=Q(user=user)))
    else:
        rows = rows.annotate(n=Count("id"))
    for row in rows:
        counts[row["post_id"]][row["kind"]] = row["n"]
        if row.get("mine"):
            mine.add((row["post_id"], row["kind"]))
    summary = {}
    for post_id in post_ids:
        summary[post_id] = [
            {
                "kind": kind,
                "label": label,
                "count": counts[post_id].get(kind, 0),
                "mine": (post_id, kind) in mine,
            }
            for kind, label in Reaction.Kind.choices
        ]
    return summary


def poll_summary(*, poll, topic, user, handler) -> dict:
    """What the poll block shows, with the vote counts of every option in one query
    (machina's templates count the votes again for each option)."""
    options = list(poll.options.annotate(votes_count=Count("votes")).order_by("pk"))
    total = sum(option.votes_count for option in options)
    for option in options:
        option.percent = round(100 * option.votes_count / total) if total else 0
    votes = TopicPollVote.objects.filter(poll_option__poll=poll)
    voters = total if poll.max_options == 1 else votes.values("voter").distinct().count()
    mine = set()
    if user.is_authenticated:
        mine = set(votes.filter(voter=user).values_list("poll_option_id", flat=True))
    closes_on = poll.created + timedelta(days=poll.duration) if poll.duration else None
    return {
        "options": options,
        "voters": voters,
        "mine": mine,
        "voted": bool(mine),
        # Visitors never vote (and machina's check fails on their lazy forum key).
        "can_vote": user.is_authenticated and handler.can_vote_in_poll(poll, user),
        "sees_hidden_results": poll.hide_results
        and topic.first_post is not None
        and handler.can_edit_post(topic.first_post, user),
        "closes_on": closes_on,
        "closed": closes_on is not None and closes_on < timezone.now(),
    }


def held_message_told_once(request) -> None:
    """machina says "published successfully" and "will be validated" together about a held
    message: only the second is true. Its two messages give way to one that says what
    happens next (other messages already queued stay)."""
    machina_says = {
        str(machina_views.BasePostFormView.success_message),
        str(machina_views.BasePostFormView.approval_required_message),
    }
    storage = messages.get_messages(request)
    others = [m for m in storage if str(m.message) not in machina_says]
    for message in others:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.info(
        request,
        _(
            "Your message is waiting for a moderator's approval. Until then, only you can see "
            "it; you will get a notification as soon as it is published."
        ),
    )


class HeldMessageMixin:
    """After posting: one true message when the post waits for a moderator."""

    def form_valid(self, *args, **kwargs):
        response = super().form_valid(*args, **kwargs)
        post = getattr(self, "forum_post", None)
        if not self.preview and post is not None and not post.approved:
            held_message_told_once(self.request)
        return response


class TopicView(UrlIdsMixin, machina_views.TopicView):
    def get(self, request, *args, **kwargs):
        # machina shows a held topic (its title, no posts) to anyone who reads the forum.
        if not access.can_read_topic(
            topic=self.get_topic(), user=request.user, handler=request.forum_permission_handler
        ):
            raise Http404
        response = super().get(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Reading the topic marks its notifications read, which also cancels the
            # pending email about them (hub.notifications).
            request_mark_read(request, target=self.get_topic())
        return response

    def get_queryset(self):
        # machina leaves out every held post: their author sees theirs, labelled as waiting.
        self.topic = self.get_topic()
        visible = Q(approved=True)
        if self.request.user.is_authenticated:
            visible |= Q(poster=self.request.user)
        return (
            self.topic.posts.filter(visible)
            .select_related("poster", "updated_by")
            .prefetch_related("attachments", "poster__forum_profile")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = context["topic"]
        user = self.request.user
        posts = list(context["posts"])
        solution = (
            TopicSolution.objects.filter(topic=topic)
            .select_related("post", "post__poster", "accepted_by")
            .first()
        )
        reactions = reaction_summary([p.pk for p in posts], user)
        for post in posts:
            post.community_reactions_summary = reactions.get(post.pk, [])
            post.community_is_solution = bool(solution and solution.post_id == post.pk)
            post.community_is_head = post.pk == topic.first_post_id
        context["posts"] = posts
        context["held_posts_shown"] = any(not post.approved for post in posts)
        context["solution"] = solution
        handler = self.request.forum_permission_handler
        if context.get("poll") is not None:
            context["poll_summary"] = poll_summary(
                poll=context["poll"], topic=topic, user=user, handler=handler
            )
        # Computed once for the page, not once per message in the template.
        context["user_can_add_post"] = handler.can_add_post(topic, user)
        context["user_follows_topic"] = (
            user.is_authenticated and topic.subscribers.filter(pk=user.pk).exists()
        )
        return context


class TopicCreateView(HeldMessageMixin, UrlIdsMixin, machina_views.TopicCreateView):
    """A new question. "Before posting": the first submit of a title that resources or solved
    discussions may answer shows them, with everything typed kept and a "Publish anyway"
    button (without JavaScript; the script shows them as the title is typed and then skips
    the step). Nothing is saved until the member publishes."""

    post_form_class = CommunityTopicForm
    poll_option_formset_class = PollOptionFormset

    def form_valid(self, post_form, attachment_formset, poll_option_formset, **kwargs):
        post = self.request.POST
        if not self.preview and "publish_anyway" not in post and "suggested" not in post:
            found = site_search.before_posting(
                request=self.request, title=post_form.cleaned_data.get("subject", "")
            )
            if found["resources"] or found["discussions"]:
                self.preview = True  # re-rendered like a preview: nothing saved
                return super().form_valid(
                    post_form,
                    attachment_formset,
                    poll_option_formset,
                    before_posting=found,
                    **kwargs,
                )
        return super().form_valid(post_form, attachment_formset, poll_option_formset, **kwargs)

    def get_success_url(self):
        # machina sends the author of a held question to the forum's list, where it is not:
        # its topic page shows it to them, labelled as waiting.
        return _topic_url(self.forum_post.topic)


class TopicUpdateView(UrlIdsMixin, machina_views.TopicUpdateView):
    post_form_class = CommunityTopicForm
    poll_option_formset_class = PollOptionFormset


class PollVoteView(UrlIdsMixin, machina_poll_views.TopicPollVoteView):
    """machina's vote, with one plain message when the vote is refused (machina shows its
    form-wide error list as HTML in the message, and nothing for a choice that is not in
    the poll)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            # Visitors sign in first (machina's check fails on their lazy forum key).
            poll = get_object_or_404(TopicPoll.objects.select_related("topic__forum"), **kwargs)
            return redirect_to_login(_topic_url(poll.topic))
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form):
        errors = form.errors.get(NON_FIELD_ERRORS) or next(iter(form.errors.values()), None)
        messages.error(self.request, errors[0] if errors else _("Your vote was not counted."))
        return HttpResponseRedirect(_topic_url(self.object.topic))


def _topic_url(topic) -> str:
    forum = topic.forum
    return reverse("forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk])


class PostCreateView(HeldMessageMixin, UrlIdsMixin, machina_views.PostCreateView):
    post_form_class = CommunityPostForm

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        quote = parse_id(self.request.GET.get("quote", ""))
        if self.request.method == "GET" and quote is not None:
            post = get_object_or_404(
                Post.objects.select_related("topic__forum", "poster"),
                pk=quote,
                topic=self.get_topic(),
            )
            try:
                kwargs["initial"] = {
                    "content": services.quote_for_reply(post=post, user=self.request.user)
                }
            except services.ForumError as error:
                messages.error(self.request, str(error))
        return kwargs


class PostUpdateView(UrlIdsMixin, machina_views.PostUpdateView):
    post_form_class = CommunityPostForm
