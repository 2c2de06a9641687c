"""The accepted answer of a topic: chosen (and its author told) or taken back by the topic's
author or a moderator."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post, Topic

from hub.notifications.services import notify

from .. import access
from ..errors import ForumError
from ..models import TopicSolution
from .publishing import post_url


def topic_accept_answer(*, post: Post, by) -> TopicSolution:
    """Marks `post` as the solution of its topic (replacing an earlier one) and tells the
    post's author. Only the topic's author or a moderator may do it."""
    topic = post.topic
    access.check_can_accept_solution(topic=topic, user=by)
    access.check_can_read_post(post=post, user=by)
    if post.is_topic_head or not post.approved:
        raise ForumError(_("Only a published reply can be the solution."))
    with transaction.atomic():
        solution, _created = TopicSolution.objects.update_or_create(
            topic=topic, defaults={"post": post, "accepted_by": by}
        )
        if post.poster_id:
            notify(
                recipients=[post.poster],
                kind="forum.solution",
                actor=by,
                target=topic,
                url=post_url(post),
            )
    return solution


def topic_unaccept_answer(*, topic: Topic, by) -> None:
    access.check_can_accept_solution(topic=topic, user=by)
    TopicSolution.objects.filter(topic=topic).delete()
