from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from . import services
from .models import Notification


@login_required
@require_GET
def notification_list(request):
    rows = Notification.objects.filter(recipient=request.user)
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "unread_only": unread_only})


@login_required
@require_GET
def notification_feed(request):
    """JSON for the bell: the latest items, or those after ?after=<id> (catch-up after a
    lost connection)."""
    rows = Notification.objects.filter(recipient=request.user)
    after = request.GET.get("after", "")
    if after.isdigit():
        rows = rows.filter(pk__gt=int(after)).order_by("id")[:100]
    else:
        rows = rows[:10]
    return JsonResponse(
        {
            "unread": services.unread_count(user=request.user),
            "items": [
                {
                    "id": n.pk,
                    "kind": n.kind,
                    "text": n.text,
                    "url": n.url,
                    "count": n.count,
                    "read": n.is_read,
                    "created": n.created_at.isoformat(),
                }
                for n in rows
            ],
        }
    )


@login_required
@require_POST
def notification_open(request, pk: int):
    notification = Notification.objects.filter(recipient=request.user, pk=pk).first()
    if notification is None:
        return redirect("notifications:list")
    services.notifications_mark_read(user=request.user, ids=[pk])
    return redirect(notification.url or "notifications:list")


@login_required
@require_POST
def notification_mark_all_read(request):
    services.notifications_mark_read(user=request.user)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"unread": 0})
    return redirect("notifications:list")
