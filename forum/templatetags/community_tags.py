"""Template tags the rest of the site uses to show the forum (the home page, for one)."""

from django import template

register = template.Library()


@register.inclusion_tag("community/tags/latest_questions.html", takes_context=True)
def latest_questions(context, limit: int = 5):
    from machina.apps.forum_conversation.models import Topic

    topics = (
        Topic.approved_objects.filter(forum__type=0)
        .select_related("forum", "poster")
        .order_by("-last_post_on")[:limit]
    )
    return {"topics": topics, "request": context.get("request")}
