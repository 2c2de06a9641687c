"""Every absolute link the hub writes comes from one setting (HUB_BASE_URL, hub/links.py),
never from the Host header the request came in with; allauth's emails name the hub
"DATAide Hub", not the host (issue 18, item 12)."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from hub import links
from hub.accounts.tests.factories import UserFactory, signup_data

pytestmark = pytest.mark.django_db

BASE = "https://hub.dataide.example"
URL = re.compile(r"(?:https?|webcal)://[^\s\"'<>]+")


def _hosts(text: str) -> set[str]:
    return {url.split("/")[2] for url in URL.findall(text)}


def test_the_helper_puts_paths_under_the_configured_base_url():
    with override_settings(HUB_BASE_URL=BASE + "/"):
        assert links.absolute_url("/fr/evenements/") == BASE + "/fr/evenements/"
        assert links.absolute_url("fr/") == BASE + "/fr/"
        assert links.absolute_url("https://ailleurs.example/x") == "https://ailleurs.example/x"
        assert links.absolute_url("") == ""
        assert links.current_site().name == "DATAide Hub"
        assert links.current_site().domain == "hub.dataide.example"


@override_settings(HUB_BASE_URL=BASE)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_sign_up_email_names_the_hub_and_links_to_the_base_url(client, site, language):
    # The site is reached as 127.0.0.1:8000, but its address is the configured one.
    path = f"/{language}/compte/signup/"
    response = client.post(path, signup_data(), HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 302, response.content[:500]
    (message,) = mail.outbox
    text = message.subject + message.body
    assert "127.0.0.1" not in text and "localhost" not in text
    assert _hosts(message.body) == {"hub.dataide.example"}
    greeting = "Bonjour, c’est DATAide Hub" if language == "fr" else "Hello from DATAide Hub"
    assert greeting in message.body
    # It ends with the hub's address, one a reader can follow.
    assert message.body.rstrip().endswith("\nhttps://hub.dataide.example/")


@override_settings(HUB_BASE_URL=BASE)
def test_password_reset_and_account_exists_emails_link_to_the_base_url(client, site):
    UserFactory(email="karim@exemple.org")
    client.post(
        "/fr/compte/password/reset/", {"email": "karim@exemple.org"}, HTTP_HOST="127.0.0.1:8000"
    )
    client.post(
        "/fr/compte/password/reset/", {"email": "personne@exemple.org"}, HTTP_HOST="localhost"
    )
    client.post(
        "/fr/compte/signup/", signup_data(email="karim@exemple.org"), HTTP_HOST="localhost:8000"
    )
    assert len(mail.outbox) == 3, [m.subject for m in mail.outbox]
    for message in mail.outbox:
        assert "DATAide Hub" in message.body
        assert _hosts(message.body) == {"hub.dataide.example"}, message.body


@override_settings(HUB_BASE_URL=BASE)
def test_pages_name_their_canonical_address_from_the_base_url(client, site):
    html = client.get("/fr/", HTTP_HOST="127.0.0.1:8000").content.decode()
    head = html.split("</head>")[0]
    assert "127.0.0.1" not in head
    assert 'href="https://hub.dataide.example/fr/"' in head


def test_no_code_builds_an_absolute_link_from_the_request_or_another_setting():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    allowed = {"hub/links.py", "hub/accounts/adapter.py"}  # the adapter rebases allauth's
    found = []
    for room in ("hub", "cms", "events", "forum", "demo"):
        for path in (root / room).rglob("*.py"):
            name = str(path.relative_to(root))
            if "/tests/" in name or name.startswith("hub/settings/") or name in allowed:
                continue
            text = path.read_text(encoding="utf-8")
            for needle in ("build_absolute_uri(", "WAGTAILADMIN_BASE_URL", "get_current_site("):
                if needle in text:
                    found.append(f"{name}: {needle}")
    assert found == []
