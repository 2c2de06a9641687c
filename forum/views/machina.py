"""machina's conversation views with our forms and the extras the topic page shows. Our URL
patterns for the same paths come first in forum/urls.py; machina's code stays untouched."""

from collections import defaultdict

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from machina.apps.forum_conversation import views as machina_views
from machina.apps.forum_conversation.models import Post

from hub.notifications.services import request_mark_read

from .. import services
from ..forms import CommunityPostForm, CommunityTopicForm
from ..models import Reaction, TopicSolution


class _NoPolls:
    def get_poll_option_formset(self, formset_class):
        return None


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


class TopicView(machina_views.TopicView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Reading the topic marks its notifications read, which also cancels the
            # pending email about them (hub.notifications).
            request_mark_read(request, target=self.get_topic())
        return response

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
        context["solution"] = solution
        handler = self.request.forum_permission_handler
        # Computed once for the page, not once per message in the template.
        context["user_can_add_post"] = handler.can_add_post(topic, user)
        context["user_follows_topic"] = (
            user.is_authenticated and topic.subscribers.filter(pk=user.pk).exists()
        )
        moderator = services.is_moderator(forum=topic.forum, user=user, handler=handler)
        context["user_is_moderator"] = moderator
        context["user_can_accept"] = user.is_authenticated and (
            topic.poster_id == user.pk or moderator
        )
        return context


class TopicCreateView(_NoPolls, machina_views.TopicCreateView):
    post_form_class = CommunityTopicForm


class TopicUpdateView(_NoPolls, machina_views.TopicUpdateView):
    post_form_class = CommunityTopicForm


class PostCreateView(machina_views.PostCreateView):
    post_form_class = CommunityPostForm

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        quote = self.request.GET.get("quote", "")
        if self.request.method == "GET" and quote.isdigit():
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


class PostUpdateView(machina_views.PostUpdateView):
    post_form_class = CommunityPostForm
