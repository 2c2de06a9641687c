"""Every email the hub sends to a member goes through `send_member_email`, so that each one
is classed (Canada's anti-spam law), written in the member's language, and — unless it is
transactional — carries the sender's postal address and a one-click unsubscribe link that
needs no login, plus List-Unsubscribe headers.

Categories:
- TRANSACTIONAL: the member asked for it (password, registration confirmation, invitation).
- NOTIFICATION: replies, mentions, reminders, digests of activity.
- PROMOTIONAL: infolettre, digests that promote events; sent only with a stored opt-in.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hub import extensions, links

TRANSACTIONAL = "transactional"
NOTIFICATION = "notification"
PROMOTIONAL = "promotional"
CATEGORIES = (TRANSACTIONAL, NOTIFICATION, PROMOTIONAL)

UNSUBSCRIBE_SALT = "hub.emails.unsubscribe"


def unsubscribe_token(*, member, category: str) -> str:
    """A signed token naming the member and the category. It does not expire, so a link in
    an old email keeps working (the law asks for at least 60 days)."""
    return signing.dumps({"m": member.pk, "c": category}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(*, member, category: str) -> str:
    with translation.override(member.preferred_language or "fr"):
        path = reverse(
            "privacy:unsubscribe", args=[unsubscribe_token(member=member, category=category)]
        )
    return links.absolute_url(path)


def member_accepts(*, member, category: str) -> bool:
    """Whether this member may receive an email of this category now. The privacy room
    registers the rule on `hub.extensions.email_consent_rule` (stored opt-ins and
    opt-outs); without it, the default rule below applies."""
    rule = extensions.email_consent_rule.one(default=_default_rule)
    return rule(member, category)


def _default_rule(member, category: str) -> bool:
    if not member.is_active or not member.email:
        return False
    return category != PROMOTIONAL  # promotional mail needs an explicit, stored opt-in


def _with_html_footer(html: str, context: dict) -> str:
    """The sender's address and the unsubscribe link go in the HTML part too, before
    </body> when the template has one."""
    footer = render_to_string("emails/footer.html", context)
    position = html.lower().rfind("</body>")
    if position == -1:
        return html + footer
    return html[:position] + footer + html[position:]


def send_member_email(
    *,
    member,
    category: str,
    template: str,
    context: dict | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    alternatives: list[tuple[str, str]] | None = None,
    unsubscribe_link: str | None = None,
) -> bool:
    """Renders `<template>_subject.txt`, `<template>.txt` and, if it exists, `<template>.html`
    in the member's language and sends them. Returns False (and sends nothing) when the
    member does not accept this category. Attachments are (filename, content, mimetype).
    `unsubscribe_link`: a narrower one-click link than the category's (the digest's own),
    used in the footer and the List-Unsubscribe header; it must also answer RFC 8058 POSTs."""
    if category not in CATEGORIES:
        raise ValueError(f"Unknown email category {category!r}")
    if category != TRANSACTIONAL and not member_accepts(member=member, category=category):
        return False
    with translation.override(member.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "member": member,
            "category": category,
            "postal_address": settings.HUB_POSTAL_ADDRESS,
            "site_url": links.base_url(),
            "site_name": settings.HUB_SITE_NAME,
            "my_space_path": reverse("accounts:dashboard"),
            **(context or {}),
        }
        headers = {}
        if category != TRANSACTIONAL:
            link = unsubscribe_link or unsubscribe_url(member=member, category=category)
            context["unsubscribe_url"] = link
            headers["List-Unsubscribe"] = f"<{link}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        footer = render_to_string("emails/footer.txt", context)
        message = EmailMultiAlternatives(
            subject=subject, body=body + footer, to=[member.email], headers=headers
        )
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            html = None
        if html:
            message.attach_alternative(_with_html_footer(html, context), "text/html")
        for content, mimetype in alternatives or []:
            if mimetype == "text/html":
                content = _with_html_footer(content, context)
            message.attach_alternative(content, mimetype)
        for filename, content, mimetype in attachments or []:
            message.attach(filename, content, mimetype)
        message.send()
    return True
