from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub import extensions
from hub.parsing import parse_cursor, parse_ids
from hub.redirects import is_safe_path, safe_next

from . import selectors, services
from .forms import PreferencesForm
from .models import DigestSubscription, Notification

PAGE_SIZE = 20


# --- for other rooms' views ------------------------------------------------------------


def _is_a_page_view(request) -> bool:
    headers = request.headers
    if "prefetch" in headers.get("Sec-Purpose", "") or headers.get("Purpose") == "prefetch":
        return False
    # Browsers without Fetch Metadata send no Sec-Fetch-Dest: their page views still count.
    return headers.get("Sec-Fetch-Dest", "document") in {"document", "iframe"}


def request_mark_read(request, *, target) -> int:
    """`notifications_mark_read(target=...)` for the member reading `target` now. Pages that
    call it on every view (a topic, an event) pay only the bell's count, which the page needs
    anyway, when nothing is unread: the common case. Only a page the member opens counts: an
    image, a prefetch or a script fetching the URL (a browser's Sec-Fetch-Dest says which)
    must not mark anything read nor cancel the email that would report it."""
    if not _is_a_page_view(request) or not selectors.request_unread_count(request):
        return 0
    changed = services.notifications_mark_read(user=request.user, target=target)
    if changed:
        request._hub_unread_count = None  # the bell counts again
    return changed


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _item(n: Notification) -> dict:
    return {
        "id": n.pk,
        "kind": n.kind,
        "text": n.text,
        "url": n.url,
        "count": n.count,
        "read": n.is_read,
        "updated": n.updated_at.isoformat(),
    }


@login_required
@require_GET
def notification_list(request):
    rows = Notification.objects.filter(recipient=request.user).order_by("-updated_at", "-id")
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": selectors.unread_count(user=request.user),
        },
    )


@login_required
@require_GET
def notification_feed(request):
    """JSON for the bell: the latest items, or those after ?after=<id> (catch-up after a
    lost connection), with the unread count."""
    rows = Notification.objects.filter(recipient=request.user)
    after = parse_cursor(request.GET.get("after", ""))
    if after is not None:
        rows = rows.filter(pk__gt=after).order_by("id")[:100]
    else:
        rows = rows.order_by("-updated_at", "-id")[:8]
    response = JsonResponse(
        {"unread": selectors.unread_count(user=request.user), "items": [_item(n) for n in rows]}
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def notification_open(request, pk: int):
    """Marks one notification read and goes to what it is about."""
    notification = Notification.objects.filter(recipient=request.user, pk=pk).first()
    list_url = reverse("notifications:list")
    if notification is None:
        if _wants_json(request):
            return JsonResponse({"error": "not found"}, status=404)
        return redirect(list_url)
    services.notifications_mark_read(user=request.user, ids=[pk])
    target = notification.url if is_safe_path(notification.url) else list_url
    if _wants_json(request):
        return JsonResponse({"unread": selectors.unread_count(user=request.user), "url": target})
    return redirect(target)


@login_required
@require_POST
def notification_mark_read(request):
    """Marks the notifications ticked on the list (or one `id`) read, and returns to it."""
    ids = parse_ids(request.POST.getlist("id"))
    if ids:
        services.notifications_mark_read(user=request.user, ids=ids)
    if _wants_json(request):
        return JsonResponse({"unread": selectors.unread_count(user=request.user)})
    return redirect(safe_next(request, reverse("notifications:list")))


@login_required
@require_POST
def notification_mark_all_read(request):
    services.notifications_mark_read(user=request.user)
    if _wants_json(request):
        return JsonResponse({"unread": 0})
    messages.success(request, _("All your notifications are marked as read."))
    return redirect(safe_next(request, reverse("notifications:list")))


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    form = PreferencesForm(
        request.POST or None, preferences=selectors.preferences_for(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, deliveries=form.deliveries())
        messages.success(request, _("Your notification preferences have been saved."))
        return redirect("notifications:preferences")
    if request.method == "POST":
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "digest": _digest_choices(request.user),
            "email_settings": selectors.email_settings(user=request.user),
        },
    )


# --- The digest: how often, which sections, and the one-click stop of a section -----------


def _digest_choices(user) -> dict:
    subscription = services.subscription_for(user)
    return {
        "frequency": subscription.frequency,
        "frequencies": DigestSubscription.Frequency.choices,
        "sections": [
            {"key": key, "section": section, "on": key not in subscription.sections_off}
            for key, section in extensions.digest_sections.items()
        ],
    }


@login_required
@require_POST
def digest_settings(request):
    frequency = request.POST.get("frequency", "")
    if frequency not in DigestSubscription.Frequency.values:
        return HttpResponseBadRequest(_("Choose how often you want the digest."))
    services.digest_settings_set(
        user=request.user, frequency=frequency, sections_on=request.POST.getlist("sections")
    )
    messages.success(request, _("Your digest choices have been saved."))
    return redirect("notifications:preferences")


def _section_of(token: str):
    data = services.read_section_token(token)
    if data is None:
        raise Http404
    member = get_user_model().objects.filter(pk=data["m"], deleted_at__isnull=True).first()
    section = data["s"]
    if member is None or (
        section != services.EVERYTHING and section not in extensions.digest_sections
    ):
        raise Http404
    return member, section


@csrf_exempt  # the signed token is the authority; mail programs POST without a CSRF token
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token: str):
    """The link under each section of the digest, and the digest's List-Unsubscribe: GET
    shows one button (a link preview must not unsubscribe anyone), POST stops the section
    (or the whole digest) at once, no login. A POST with `List-Unsubscribe=One-Click` is a
    mail program's RFC 8058 request."""
    member, section = _section_of(token)
    done = False
    if request.method == "POST":
        services.digest_section_stop(user=member, section=section)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        done = True
    label = (
        extensions.digest_sections.get(section).label if section != services.EVERYTHING else None
    )
    return render(
        request,
        "notifications/digest_unsubscribe.html",
        {"label": label, "done": done, "token": token},
    )
