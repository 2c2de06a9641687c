"""Views parse input, call one service or selector, and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, user_passes_test
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST, require_safe

from cms.selectors import theme_for_slug
from hub.csv_export import BOM, SafeWriter
from hub.parsing import parse_ids
from hub.redirects import safe_next

from . import access, ical, selectors, services
from .models import EventPage, Registration
from .themes import former_theme_slug

# Like Django's staff_member_required (visitors and members go to the admin's sign-in), by
# the events' own rule.
registrations_staff_only = user_passes_test(access.can_see_registrations, login_url="admin:login")


def _event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live(), pk=pk)


def _back(request, page: EventPage):
    return redirect(safe_next(request, page.get_url(request) or "/"))


@login_required
@require_POST
def register(request, pk: int):
    page = _event(pk)
    answers = {
        question: request.POST.get(f"answer_{index}", "")
        for index, question in enumerate(page.original.question_list)
    }
    try:
        registration = services.registration_create(event=page, user=request.user, answers=answers)
    except services.RegistrationError as error:
        messages.error(request, error.message)
        return _back(request, page)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(
            request, _("You are registered. We sent you an email with a calendar invitation.")
        )
    else:
        messages.info(
            request,
            _("The event is full: you are %(position)s on the waitlist. We will email you.")
            % {"position": selectors.ordinal(selectors.waitlist_position(registration))},
        )
    return _back(request, page)


@login_required
@require_POST
def cancel(request, pk: int):
    page = _event(pk)
    registration = selectors.registration_for(event=page, user=request.user)
    if registration is None:
        messages.error(request, services.RegistrationError.MESSAGES["not_registered"])
        return _back(request, page)
    try:
        services.registration_cancel(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return _back(request, page)


@login_required
@require_GET
def join(request, pk: int):
    """ "Rejoindre le webinaire": the only place the join link appears, for confirmed
    registrants, from 15 minutes before the start until the end (events/access.py)."""
    page = access.access_join_page(pk=pk)
    registration = selectors.registration_for(event=page, user=request.user)
    now = timezone.now()
    confirmed = access.is_confirmed(registration)
    live = access.can_see_join_link(event=page, registration=registration, now=now)
    response = render(
        request,
        "events/join.html",
        {
            "event": page,
            "page": page,
            "registration": registration,
            "confirmed": confirmed,
            "live": live,
            "join_url": page.original.join_url if live else "",
            "too_early": confirmed and now < page.join_opens_at,
            "nav_section": "events",
        },
        status=200 if confirmed else 403,
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _calendar_response(request, *, parts, last_modified, build, filename, private=False):
    """Answers a feed with validators computed from the data: 304 on a matching
    If-None-Match or If-Modified-Since (an unparseable date is ignored: 200). A 304 carries
    the same ETag, Last-Modified and Cache-Control a 200 would (RFC 9110, 15.4.5); HEAD
    gets the headers of GET, Content-Length included, without the body."""
    etag = ical.etag_for(parts)
    stamp = int(last_modified.timestamp()) if last_modified else None
    # Clients revalidate every time (feeds change without notice); a member's own feed
    # carries their registrations, so no shared cache may keep it.
    headers = {"ETag": etag, "Cache-Control": "private, no-cache" if private else "no-cache"}
    if stamp is not None:
        headers["Last-Modified"] = http_date(stamp)
    conditional = get_conditional_response(request, etag=etag, last_modified=stamp)
    if conditional is not None:
        for name, value in headers.items():
            conditional[name] = value
        return conditional
    content = build()
    response = HttpResponse(
        b"" if request.method == "HEAD" else content, content_type="text/calendar; charset=utf-8"
    )
    for name, value in headers.items():
        response[name] = value
    response["Content-Length"] = str(len(content))
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed(request, *, language, name, filename, theme=None, user=None, join_pages=False):
    selection = selectors.feed_selection(language=language, theme=theme, user=user)

    def build():
        with translation.override(language):
            pages = list(EventPage.objects.filter(pk__in=selection.ids).order_by("start", "pk"))
            for page in pages:
                page.prefetched_themes = selection.themes.get(page.pk, [])
            join_urls = None
            if join_pages:
                base = _base_url(request)
                # The private feed holds the member's confirmed registrations only
                # (feed_selection): what is left of can_see_join_page is the event's part.
                join_urls = {
                    page.pk: base + _reverse_join(page.pk)
                    for page in pages
                    if access.has_join_page(page)
                }
            return ical.feed_bytes(
                pages,
                name=name,
                base_url=_base_url(request),
                request=request,
                join_page_urls=join_urls,
            )

    return _calendar_response(
        request,
        parts=[name, *selection.parts],
        last_modified=selection.last_modified,
        build=build,
        filename=filename,
        private=user is not None,
    )


def _reverse_join(pk: int) -> str:
    return reverse("events:join", args=[pk])


@require_safe
def public_feed(request):
    language = translation.get_language()
    name = _("DATAide Hub events")
    return _feed(request, language=language, name=name, filename="dataide-events.ics")


@require_safe
def theme_feed(request, slug: str):
    """The feed of one theme (cms.Theme), at its slug in the address's language. A slug of
    the other language, or one of the events' former themes (FormerThemeSlug), redirects
    permanently there: a calendar subscribed to it keeps its events."""
    language = translation.get_language()
    theme, own_slug = theme_for_slug(slug, language=language)
    if theme is None:
        former = former_theme_slug(slug)
        if former is None:
            raise Http404
        theme, own_slug = theme_for_slug(former.slug, language=language)
    if own_slug != slug:
        return HttpResponsePermanentRedirect(reverse("events:theme_feed", args=[own_slug]))
    name = _("DATAide Hub events: %(theme)s") % {"theme": theme.name}
    return _feed(request, language=language, name=name, filename=f"dataide-{slug}.ics", theme=theme)


@require_safe
def private_feed(request, token: str):
    """A member's own calendar, in their language. Unknown or revoked token: 404."""
    member = access.access_private_feed(token=token)
    language = member.preferred_language or "fr"
    with translation.override(language):
        name = _("My DATAide events")
    return _feed(
        request,
        language=language,
        name=name,
        filename="my-dataide-events.ics",
        user=member,
        join_pages=True,
    )


@require_safe
def event_ics(request, pk: int):
    page = _event(pk)
    parts, last_modified, page.prefetched_themes = selectors.event_file_validators(page)

    def build():
        return ical.single_event_bytes(page, base_url=_base_url(request), request=request)

    return _calendar_response(
        request,
        parts=parts,
        last_modified=last_modified,
        build=build,
        filename=f"{page.slug}.ics",
    )


@login_required
@require_POST
def calendar_token_regenerate(request):
    services.calendar_token_regenerate(user=request.user)
    messages.success(request, _("Your calendar has a new address. The old one no longer works."))
    return redirect("accounts:dashboard")


@registrations_staff_only
def registrations(request, pk: int):
    """Staff: who registered, attendance, and a CSV export."""
    page = access.access_registrations(user=request.user, pk=pk)
    original = page.original
    if request.method == "POST" and request.POST.get("action") == "message":
        try:
            count = services.registrants_message(
                event=original,
                subject=request.POST.get("subject", ""),
                body=request.POST.get("body", ""),
                include_waitlist=bool(request.POST.get("include_waitlist")),
            )
        except ValueError:
            messages.error(request, _("Write a subject and a message."))
        else:
            messages.success(request, _("Message sent to %(count)s people.") % {"count": count})
        return redirect("events:registrations", pk=pk)
    if request.method == "POST":
        attended = set(parse_ids(request.POST.getlist("attended")))
        services.attendance_mark(event=original, attended_ids=attended)
        messages.success(request, _("Attendance saved."))
        return redirect("events:registrations", pk=pk)
    rows = list(
        Registration.objects.filter(event=original)
        .select_related("user", "user__organisation")
        .order_by("status", "waitlist_order", "created_at")
    )
    return render(
        request,
        "events/registrations.html",
        {"event": page, "rows": rows, "questions": original.question_list},
    )


@registrations_staff_only
def registrations_csv(request, pk: int):
    page = access.access_registrations(user=request.user, pk=pk)
    original = page.original
    questions = original.question_list
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{page.slug}.csv"'
    response.write(BOM)  # Excel then reads UTF-8 and keeps the accents
    # Answers and names are typed by members: cells that would run as formulas are text.
    writer = SafeWriter(response)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Organization"),
            _("Status"),
            _("Waitlist position"),
            _("Registered at"),
            _("Attended"),
            *questions,
        ]
    )
    position = 0
    for registration in (
        Registration.objects.filter(event=original)
        .select_related("user", "user__organisation")
        .order_by("status", "waitlist_order", "created_at")
    ):
        user = registration.user
        if registration.status == Registration.Status.WAITLISTED:
            position += 1
        writer.writerow(
            [
                f"{user.first_name} {user.last_name}".strip() or user.get_public_name(),
                user.email,
                user.organisation.name if user.organisation else "",
                registration.get_status_display(),
                position if registration.status == Registration.Status.WAITLISTED else "",
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                {True: _("Yes"), False: _("No")}.get(registration.attended, ""),
                *[registration.answers.get(question, "") for question in questions],
            ]
        )
    return response
