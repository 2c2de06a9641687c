"""Read tracking: machina's, with a fast path for topics the member has already read.

machina's receiver marks a viewed topic read with up to six queries on every view: it saves
the topic's track again, then asks whether the rest of the forum is now read (a join over
all the forum's topics and two counts over them). When the member's track already covers the
topic's last post, none of that can change anything: the topic was read, and the forum-wide
check already ran when it was. `connect()` swaps machina's receiver for ours, which skips
that case with one query and hands every other case to machina's TrackingHandler."""

from machina.apps.forum_conversation.signals import topic_viewed
from machina.apps.forum_tracking import receivers as machina_receivers
from machina.apps.forum_tracking.handler import TrackingHandler
from machina.apps.forum_tracking.models import ForumReadTrack, TopicReadTrack


def already_read(*, topic, user) -> bool:
    """Whether the member's topic or forum track is at least as recent as the last post."""
    if topic.last_post_on is None:
        return False
    recent = {"user": user, "mark_time__gte": topic.last_post_on}
    by_topic = TopicReadTrack.objects.filter(topic_id=topic.pk, **recent).values("pk")
    by_forum = ForumReadTrack.objects.filter(forum_id=topic.forum_id, **recent).values("pk")
    return by_topic.union(by_forum).exists()


def mark_topic_read(sender, topic, user, request, response, **kwargs):
    if not user.is_authenticated or already_read(topic=topic, user=user):
        return
    TrackingHandler().mark_topic_read(topic, user)


def connect() -> None:
    topic_viewed.disconnect(machina_receivers.update_user_trackers)
    topic_viewed.connect(mark_topic_read, dispatch_uid="community.mark_topic_read")


def disconnect() -> None:
    """Puts machina's own receiver back (bench/forum_bench.py measures plain machina)."""
    topic_viewed.disconnect(dispatch_uid="community.mark_topic_read")
    topic_viewed.connect(machina_receivers.update_user_trackers)
