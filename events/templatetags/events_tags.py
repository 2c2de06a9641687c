"""Template tags the rest of the site uses to show events (the home page, for one)."""

from django import template

register = template.Library()


@register.inclusion_tag("events/tags/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit: int = 3):
    return {"events": [], "request": context.get("request")}
