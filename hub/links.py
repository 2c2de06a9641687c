"""The hub's own address and name, said once (settings.HUB_BASE_URL, settings.HUB_SITE_NAME):
every absolute link the hub writes — in emails, feeds, calendar invitations, canonical and
alternate links, "add to calendar" links, data downloads — is built here, so it never
depends on the Host header of whichever request happened to trigger it, nor on a Site row."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """ "https://hub.example.org", without a trailing slash."""
    return settings.HUB_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` ("/fr/evenements/…") under the hub's base URL; an address that already names a
    scheme is returned as it is, and an empty one stays empty."""
    if not path:
        return path or ""
    if path.startswith(("http://", "https://", "webcal://", "mailto:")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return base_url() + path


@dataclass(frozen=True)
class HubSite:
    """What allauth's templates read from a "current site" (`name`, `domain`), and the
    hub's address (`url`), which its emails end with (hub/templates/account/email/)."""

    name: str
    domain: str
    url: str

    def __str__(self) -> str:
        return self.name


def current_site() -> HubSite:
    """The hub as allauth's emails name it: "DATAide Hub", at the base URL's host."""
    return HubSite(
        name=settings.HUB_SITE_NAME, domain=urlsplit(base_url()).netloc, url=base_url() + "/"
    )
