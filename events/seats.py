"""What lists (the events index, the home page) say of an event's seats: "Complet — liste
d'attente ouverte", "2 places restantes". Like selectors.py, imported by events.models'
import chain, so models are looked up when a read runs."""

from django.apps import apps
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

# At or under this many seats left, lists say how many remain.
FEW_SEATS = 5


def seat_states(pages: list[Page]) -> dict[int, dict]:
    """What a list says of each upcoming event's seats, by page id: "Complet — liste
    d'attente ouverte" (or "Complet" once registration is closed) and "2 places restantes"
    when few remain; nothing for the others, past or cancelled ones. One query for the whole
    list: registrations belong to the original event, so they are counted by translation."""
    Registration = apps.get_model("events", "Registration")
    counted = [page for page in pages if page.capacity is not None and not page.cancelled]
    if not counted:
        return {}
    confirmed = dict(
        Registration.objects.filter(
            event__translation_key__in={page.translation_key for page in counted},
            status=Registration.Status.CONFIRMED,
        )
        .values_list("event__translation_key")
        .annotate(n=Count("pk"))
        .values_list("event__translation_key", "n")
    )
    states = {}
    for page in counted:
        window = page.registration_window_state()
        if window == "past":
            continue
        left = max(page.capacity - confirmed.get(page.translation_key, 0), 0)
        if left == 0:
            label = _("Full — waitlist open") if window == "open" else _("Full")
            states[page.pk] = {"code": "full", "label": label, "css": "badge-accent"}
        elif left <= FEW_SEATS and window == "open":
            label = ngettext("%(seats)s seat left", "%(seats)s seats left", left) % {"seats": left}
            states[page.pk] = {"code": "few", "label": label, "css": "badge-warn"}
    return states


def with_seat_states(pages: list[Page]) -> list[Page]:
    """`pages`, each with `seat_state` (a dict of seat_states, or None) for the cards."""
    states = seat_states(pages)
    for page in pages:
        page.seat_state = states.get(page.pk)
    return pages
