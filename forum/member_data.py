"""Loi 25: what the forum holds about a member, for their download and their departure
(both registered from hooks.py). Their posts stay (attributed to a deleted member, see
ARCHITECTURE.md); their reactions, reports and topic follows belong only to them and go."""

from machina.apps.forum_conversation.models import Post, Topic

from .models import ForumFollow, PostReport, Reaction


def member_forum_export(user) -> dict:
    posts = Post.objects.filter(poster=user).select_related("topic").order_by("created")
    return {
        "posts": [
            {
                "topic": post.topic.subject,
                "subject": post.subject,
                "content": post.content.raw,
                "created": post.created.isoformat(),
                "approved": post.approved,
            }
            for post in posts
        ],
        "reactions": list(
            Reaction.objects.filter(user=user).values("post_id", "kind", "created_at")
        ),
        "reports": list(
            PostReport.objects.filter(reporter=user).values("post_id", "reason", "created_at")
        ),
        "followed_topics": list(
            Topic.objects.filter(subscribers=user).values_list("subject", flat=True)
        ),
        "followed_forums": list(
            ForumFollow.objects.filter(user=user).values_list("forum__name", flat=True)
        ),
    }


def member_forum_delete(*, user) -> None:
    """Runs inside the account deletion's transaction (an error rolls it all back)."""
    Reaction.objects.filter(user=user).delete()
    PostReport.objects.filter(reporter=user).delete()
    user.topic_subscriptions.clear()
    ForumFollow.objects.filter(user=user).delete()
