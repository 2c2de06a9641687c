from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub import emails
from hub.csv_export import csv_response

from . import services, wordings
from .models import ConsentEvent, MemberPrivacy

# --- Mon espace -------------------------------------------------------------------------


@login_required
@require_POST
def consent_change(request):
    """One click in "Mon espace" gives or withdraws one consent or email choice."""
    subject = request.POST.get("subject", "")
    if subject not in services.SETTABLE:
        return HttpResponseBadRequest()
    given = request.POST.get("given") == "1"
    changed = services.consent_set(
        user=request.user, subject=subject, given=given, method=ConsentEvent.Method.MY_SPACE
    )
    if changed:
        messages.success(request, _("Your choice has been saved. It takes effect now."))
    return redirect("accounts:dashboard")


@login_required
@require_POST
def visibility_change(request):
    visibility = request.POST.get("visibility", "")
    if visibility not in MemberPrivacy.Visibility.values:
        return HttpResponseBadRequest()
    services.profile_visibility_set(user=request.user, visibility=visibility)
    messages.success(request, _("Your profile visibility has been saved."))
    return redirect("accounts:dashboard")


@login_required
@require_GET
def history(request):
    """Exactly what the member agreed to or withdrew, when, how, and the words they saw."""
    events = ConsentEvent.objects.filter(user=request.user).order_by("-created_at", "-id")
    return render(request, "privacy/history.html", {"events": events})


# --- Unsubscribe (no login) -------------------------------------------------------------


def _unsubscribe_member(token: str):
    data = emails.read_unsubscribe_token(token)
    if data is None or data.get("c") not in (emails.NOTIFICATION, emails.PROMOTIONAL):
        raise Http404
    member = get_user_model().objects.filter(pk=data["m"]).first()
    if member is None:
        raise Http404
    return member, data["c"]


@csrf_exempt  # the signed token is the authority; mail programs POST without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET shows one button per choice (a link preview must not unsubscribe anyone); POST
    unsubscribes at once, from the email's category or from everything. A POST with
    `List-Unsubscribe=One-Click` is the RFC 8058 one-click request of a mail program."""
    member, category = _unsubscribe_member(token)
    done = None
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        everything = request.POST.get("scope") == "all"
        method = (
            ConsentEvent.Method.ONE_CLICK if one_click else ConsentEvent.Method.UNSUBSCRIBE_PAGE
        )
        if member.deleted_at is None:
            services.email_unsubscribe(
                user=member, category=category, everything=everything, method=method
            )
        if one_click:
            return HttpResponse(status=200)
        done = "all" if everything else category
    return render(
        request,
        "privacy/unsubscribe.html",
        {"category": category, "done": done, "token": token},
    )


# --- Staff ------------------------------------------------------------------------------


def consent_log_rows(queryset):
    for event in queryset.select_related("user").order_by("created_at", "id").iterator():
        wording = event.wording
        yield [
            timezone.localtime(event.created_at).isoformat(),
            event.user_id,
            event.user.email if event.user.deleted_at is None else "",
            event.subject,
            event.action,
            event.wording_version,
            str(wording.label) if wording else "",
            event.method,
        ]


CONSENT_LOG_HEADER = [
    "time",
    "member_id",
    "email",
    "subject",
    "action",
    "wording_version",
    "wording",
    "method",
]


@login_required
@require_GET
def consent_log_csv(request):
    """The whole consent and unsubscribe log, for staff (proof of consent, CASL s. 13). A
    visitor goes to the hub's sign-in, a member who is not staff gets the hub's 403."""
    if not (request.user.is_active and request.user.is_staff):
        raise PermissionDenied
    return csv_response(
        f"journal-consentements-{timezone.localdate():%Y-%m-%d}.csv",
        CONSENT_LOG_HEADER,
        consent_log_rows(ConsentEvent.objects.all()),
    )


@login_required
@require_GET
def data_export(request):
    """Everything the member gave us, as JSON and CSV in one zip."""
    from .exports import member_export_zip

    response = HttpResponse(member_export_zip(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="dataide-mes-donnees-{timezone.localdate():%Y-%m-%d}.zip"'
    )
    return response


SUBPROCESSOR_PURPOSES = {
    "hosting": gettext_lazy("Hosting of the application and its database"),
    "email": gettext_lazy("Sending emails"),
}


def period_label(days: int) -> str:
    """1095 -> "3 years", 180 -> "6 months", 14 -> "14 days" (in the current language)."""
    if days >= 365 and days % 365 == 0:
        n = days // 365
        return ngettext("%(n)s year", "%(n)s years", n) % {"n": n}
    if days >= 60 and days % 30 == 0:
        n = days // 30
        return ngettext("%(n)s month", "%(n)s months", n) % {"n": n}
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def policy_context(request) -> dict:
    from django.conf import settings

    from .models import PrivacyOfficer
    from .retention import period_days, retention_tasks

    officer = PrivacyOfficer.load(request_or_site=request)
    language = translation.get_language()
    return {
        "officer": officer,
        "officer_title": officer.title(language),
        "officer_address": officer.postal_address or settings.HUB_POSTAL_ADDRESS,
        "purposes": [wordings.current_wording(subject) for subject in wordings.PURPOSES],
        "subprocessors": [
            {**item, "purpose": SUBPROCESSOR_PURPOSES.get(item["purpose"], item["purpose"])}
            for item in settings.HUB_SUBPROCESSORS
        ],
        "retention": [
            {"task": task, "period": period_label(period_days(task.key))}
            for task in retention_tasks()
            if period_days(task.key) is not None
        ],
        "cookies": [
            (
                settings.SESSION_COOKIE_NAME,
                gettext_lazy("Keeps you signed in. Set only when you sign in."),
            ),
            (
                settings.CSRF_COOKIE_NAME,
                gettext_lazy("Protects forms against forgery. Set only when a page shows a form."),
            ),
            (
                settings.LANGUAGE_COOKIE_NAME,
                gettext_lazy("Remembers the language you chose. Set only when you choose one."),
            ),
        ],
    }


@require_GET
def policy(request):
    return render(request, "privacy/policy.html", policy_context(request))


@require_GET
def terms(request):
    return render(
        request, "privacy/terms.html", {"version": wordings.CURRENT_VERSION[wordings.TERMS]}
    )
