"""What real use found in events (issue 18, item 11): cancelling asks first (without
JavaScript), the "registered" notification is resolved when the member cancels, lists and
the home page say when an event is full or nearly, and an overlong answer is refused with a
clear message that keeps what was typed."""

import pytest
from django.urls import reverse
from django.utils import translation

from events import seats, services
from events.models import Registration
from hub.notifications.models import Notification

from .factories import event_translation

pytestmark = pytest.mark.django_db


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"events:{name}", args=args)


# --- cancelling asks first -------------------------------------------------------------------


def test_the_event_page_links_to_a_confirmation_instead_of_cancelling_in_one_tap(
    make_event, member_client, member
):
    page = make_event(capacity=5)
    services.registration_create(event=page, user=member)
    html = member_client.get(page.url).content.decode()
    assert f'href="{url("cancel", page.pk)}"' in html
    assert f'action="{url("cancel", page.pk)}"' not in html  # no one-tap form


def test_opening_the_cancellation_asks_and_changes_nothing(make_event, member_client, member):
    page = make_event(capacity=5)
    services.registration_create(event=page, user=member)
    response = member_client.get(url("cancel", page.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annuler votre inscription ?" in html or "Annuler votre inscription?" in html
    assert page.title in html
    assert f'<form method="post" action="{url("cancel", page.pk)}"' in html
    assert "Oui, annuler mon inscription" in html
    assert f'href="{page.url}"' in html  # "Non, garder mon inscription"
    assert Registration.objects.get(user=member).status == "confirmed"
    member_client.post(url("cancel", page.pk))
    assert Registration.objects.get(user=member).status == "cancelled"


def test_the_confirmation_speaks_english_and_says_leave_the_waitlist(
    make_event, make_member, member_client, member
):
    page = make_event(capacity=1)
    event_translation(page)
    services.registration_create(event=page, user=make_member())
    services.registration_create(event=page, user=member)
    html = member_client.get(url("cancel", page.pk, language="en")).content.decode()
    assert '<html lang="en-CA"' in html
    assert "Leave the waitlist?" in html and "Yes, leave the waitlist" in html


def test_the_confirmation_without_a_registration_goes_back_to_the_event(make_event, member_client):
    page = make_event()
    response = member_client.get(url("cancel", page.pk), follow=True)
    assert response.redirect_chain[-1][0] == page.url
    assert "Vous n&#x27;êtes pas inscrit·e" in response.content.decode() or (
        "Vous n'êtes pas inscrit·e" in response.content.decode()
    )


# --- the notification is resolved --------------------------------------------------------


def test_cancelling_marks_the_registered_notification_read_and_updates_the_bell(
    make_event, member, live_events, django_capture_on_commit_callbacks
):
    page = make_event(capacity=5)
    event_translation(page)
    member.preferred_language = "en"  # told about the English page
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(event=page, user=member)
    notice = Notification.objects.get(recipient=member, kind="events.registered")
    assert notice.read_at is None
    live_events.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration)
    notice.refresh_from_db()
    assert notice.read_at is not None
    reads = [event for event in live_events[member.pk] if event["type"] == "read"]
    assert reads and reads[-1]["unread"] == 0


# --- full, waitlist, few seats left in lists and on the home page ---------------------------


def test_lists_flag_full_events_their_waitlist_and_few_seats_left(
    make_event, make_member, client, index
):
    full = make_event(capacity=1, title="Atelier complet")
    services.registration_create(event=full, user=make_member())
    few = make_event(capacity=10, title="Atelier presque plein")
    for _ in range(8):
        services.registration_create(event=few, user=make_member())
    roomy = make_event(capacity=50, title="Grand webinaire")
    states = seats.seat_states([full, few, roomy])
    assert states[full.pk]["label"] == "Complet — liste d'attente ouverte"
    assert states[few.pk]["label"] == "2 places restantes"
    assert roomy.pk not in states
    listing = client.get(index.url).content.decode()
    assert "Complet — liste d&#x27;attente ouverte" in listing
    assert "2 places restantes" in listing
    home = client.get("/fr/").content.decode()
    assert "Complet — liste d&#x27;attente ouverte" in home


def test_the_english_list_counts_the_french_registrations(make_event, make_member, client, index):
    full = make_event(capacity=1)
    english = event_translation(full)
    services.registration_create(event=full, user=make_member())
    with translation.override("en"):
        assert seats.seat_states([english])[english.pk]["label"] == "Full — waitlist open"


def test_the_list_costs_the_same_queries_with_many_events(
    make_event, make_member, index, django_assert_max_num_queries
):
    events = [make_event(capacity=1) for _ in range(6)]
    with django_assert_max_num_queries(1):
        seats.seat_states(events)


# --- overlong answers ----------------------------------------------------------------------


def test_an_overlong_answer_is_refused_with_a_message_and_kept(make_event, member_client):
    page = make_event(questions="Votre région?\nVos attentes?")
    typed = "Je voudrais apprendre " + "beaucoup " * 300
    response = member_client.post(
        url("register", page.pk), {"answer_0": "Outaouais", "answer_1": typed}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Votre réponse à « Vos attentes? » est trop longue" in html
    assert "2\u00a0000 caractères au plus" in html  # a non-breaking space, as Québec writes it
    assert typed.strip() in html and "Outaouais" in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists()


def test_the_service_refuses_an_overlong_answer_too(make_event, member):
    page = make_event(questions="Vos attentes?")
    with pytest.raises(services.RegistrationError) as refused:
        services.registration_create(event=page, user=member, answers={"Vos attentes?": "x" * 2001})
    assert refused.value.code == "answer_too_long"
    assert not Registration.objects.exists()
