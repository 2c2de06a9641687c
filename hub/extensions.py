"""Every extension point of the hub, in one place: how one room plugs into another.

A room adds to another room (a panel in Mon espace, a section of the member's data download,
a retention task, a kind of notification, a search provider) by registering an item on one
of the points below, from the `register()` function of its own `<room>/hooks.py` (called by
its AppConfig.ready()). The room that owns the point only reads it. So the owner never
imports the rooms that plug into it, and "what does events add to the others" is answered
by opening `events/hooks.py`.

This module is a leaf: it imports nothing of ours, so any room may use it, the lowest
(hub.accounts) included.

Registration is keyed. Registering the same key again replaces the item in place, so a
`register()` that runs twice changes nothing. `items()` gives `(key, item)` pairs sorted by
`order` (smallest first); equal orders keep the order of registration, which follows
INSTALLED_APPS. Tests swap an item for the length of a `with point.override(key, item):`.

The deletion of a member is a Django signal rather than a point: every receiver runs, in
the deletion's transaction, and connects with a `dispatch_uid` so it is connected once.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.dispatch import Signal


class ExtensionPoint:
    """Items registered by key, read in `order`. `single=True`: at most one key at a time."""

    def __init__(self, name: str, *, single: bool = False):
        self.name = name
        self.single = single
        self._items: dict[str, tuple[int, object]] = {}

    def __repr__(self) -> str:
        return f"<ExtensionPoint {self.name}: {', '.join(self._items) or 'empty'}>"

    def register(self, key: str, item, *, order: int = 50):
        """Adds `item` under `key`, or replaces the item already there. Returns the item."""
        if self.single and self._items and key not in self._items:
            taken = next(iter(self._items))
            raise ValueError(f"{self.name} takes one item and {taken!r} is registered already")
        self._items[key] = (order, item)
        return item

    def unregister(self, key: str) -> None:
        self._items.pop(key, None)

    def get(self, key: str):
        """The item under `key`; KeyError when nothing is registered under it."""
        return self._items[key][1]

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def items(self) -> list[tuple[str, object]]:
        ranked = sorted(self._items.items(), key=lambda entry: entry[1][0])  # stable
        return [(key, item) for key, (_order, item) in ranked]

    def one(self, default=None):
        """For a single point: its item, or `default` when nothing is registered."""
        return next((item for _key, item in self.items()), default)

    @contextmanager
    def override(self, key: str, item, *, order: int = 50) -> Iterator[object]:
        """Registers `item` for the length of a `with` block, then puts everything back as
        it was (for tests). On a single point, the item stands in for the one registered."""
        saved = dict(self._items)
        if self.single:
            self._items.clear()
        self.register(key, item, order=order)
        try:
            yield item
        finally:
            self._items.clear()
            self._items.update(saved)


# --- Mon espace --------------------------------------------------------------------------

dashboard_panels = ExtensionPoint("dashboard_panels")
"""Panels of "Mon espace" (/mon-espace/).

Registered by: every room with something of the member's to show (events, notifications,
cms, privacy). Read by: `hub.accounts.dashboard.panels_for`, which renders them in `order`.
Key: the panel's template name ("events/panels/my_events.html").
Item: `build(request) -> dict`, the template's context for the signed-in member."""


# --- Sign-up ---------------------------------------------------------------------------

signup_fields = ExtensionPoint("signup_fields")
"""Optional fields at the end of the sign-up form (cms: the themes to follow).

Registered by: a room that asks a new member something at once. Read by:
`hub.accounts.forms.SignupExtraForm`, which adds each field and, once the account exists,
calls its `save`. Key: the form field's name. Item: a `SignupField`."""


@dataclass(frozen=True)
class SignupField:
    field: Callable[[], object]  # builds the form field (a fresh one per form)
    save: Callable[..., None]  # save(*, user, value) once the account exists


# --- Themes: what is new on the themes a member follows ---------------------------------


@dataclass(frozen=True)
class ThemeNews:
    """One new thing on a followed theme, as Mon espace lists it."""

    label: object  # what it is: "Ressource", "Événement", "Question"
    title: str
    url: str
    when: datetime


theme_news = ExtensionPoint("theme_news")
"""What each room has that is new on the themes a member follows ("Quoi de neuf sur mes
thèmes" in Mon espace).

Registered by: cms (resources), events (events), forum (questions). Read by:
`cms.panels.themes_panel`, which merges them newest first.
Key: the room's name. Item: `news(*, user, theme_keys, since, limit) -> list[ThemeNews]`,
with `theme_keys` the translation keys of the followed `cms.Theme`s; only what the member
may see, at most `limit`, in a fixed number of queries."""


# --- Loi 25: the member's data and their departure ---------------------------------------

member_exports = ExtensionPoint("member_exports")
"""Sections of a member's data download (Loi 25, right of access and portability).

Registered by: every room that keeps rows about a member. Read by:
`hub.accounts.services.member_export` (the JSON file), which `hub.privacy.exports` turns
into the zip with one CSV file per section.
Key: the section's name, a key of the JSON file and the name of its CSV file ("events").
Item: `build(user) -> JSON-ready data`: a list of dicts (one CSV row each), a dict (field
and value rows, or one CSV file per sub-list), or a plain value."""

member_deleting = Signal()
"""Sent by `hub.accounts.services.member_delete` inside the deletion transaction, before the
member is anonymised, with `user=`. A receiver removes what belongs only to the member
(registrations, notifications, reactions...) by calling one service; an exception rolls the
whole deletion back. Connect with `dispatch_uid="<room>.member_deleting"`."""


@dataclass(frozen=True)
class RetentionTask:
    """One data type with a retention period. `run(*, now, days)` deletes or anonymises
    what is older than `days` and returns how many rows it changed; a second run the same
    day changes nothing (idempotent)."""

    key: str  # the key of settings.HUB_RETENTION that holds the period, in days
    label: object  # shown on the privacy policy page
    description: object
    run: Callable[..., int]


retention_tasks = ExtensionPoint("retention_tasks")
"""Retention periods (Loi 25): what is deleted, by data type, after the period in
settings.HUB_RETENTION.

Registered by: each room for its own rows (accounts, notifications, privacy, events).
Read by: `hub.privacy.retention` (the `privacy_retention` command runs them; the privacy
policy page lists them in `order`, so what is documented is what runs).
Key: the task's `key`. Item: a `RetentionTask`. A task without a period is not run."""


# --- Notifications, search, email --------------------------------------------------------

notification_kinds = ExtensionPoint("notification_kinds")
"""Kinds of notification a member can receive and choose how to hear about.

Registered by: every room that calls `notify(...)` (forum, events). Read by:
`hub.notifications.kinds` (`get_kind`, `all_kinds`: the preferences form, the texts).
Key: the kind's code ("forum.reply", at most 50 characters).
Item: a `hub.notifications.kinds.Kind` with that code."""


@dataclass(frozen=True)
class SearchQuery:
    """What the site search asks each provider. `text` is cleaned already (no control
    characters, at most 200 characters, never empty); `request` gives the searcher
    (`request.user`) and the page's language (`language`). `limit`: how many best hits the
    page needs from this provider. `theme`: a cms.Theme translation key (a str) or "";
    `lang`: "fr", "en" or "". A provider applies both filters itself, and its counts are
    counted after them. `any_word`: a hit needs one of the words, not all of them (the
    forum's "Before posting" suggestions)."""

    text: str
    request: object
    language: str
    limit: int
    theme: str = ""
    lang: str = ""
    any_word: bool = False  # match any word rather than every word (suggestions)


@dataclass
class SearchHit:
    """One result. `excerpt` is escaped HTML that holds nothing but text and <mark>
    (`hub.sanitize.highlight`, or the forum's ts_headline escaped piece by piece): never a
    cut piece of stored HTML. `lang`: the hit's language when it is not the page's (then
    shown "Not translated yet"); "" when it has none (a forum topic). `when`: a date shown
    with the hit (an event's start, a topic's last post). `badges`: short words ("Solved",
    "Replay")."""

    title: str
    url: str
    excerpt: str = ""
    kind: object = ""
    lang: str = ""
    when: object = None
    badges: list = field(default_factory=list)
    type: str = ""  # the provider's key, set by the search room


@dataclass
class SearchResults:
    """A provider's answer: `hits`, its best `limit` hits, best first; `count`, how many it
    found in all (what the searcher may read only: a private forum is not even counted);
    `themes` and `languages`: {cms.Theme translation key or language code: count} over all
    it found (before the `theme`/`lang` filters of the query narrowed them, so the facets
    stay usable)."""

    hits: list = field(default_factory=list)
    count: int = 0
    themes: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchProvider:
    """One type of result of the site search, and its facet: `label` ("Resources",
    "Discussions", "Events"). `search(query: SearchQuery) -> SearchResults` must run a fixed
    number of SQL queries whatever it finds. `words() -> iterable of str`: the public text
    (titles, summaries) the "did you mean" vocabulary is built from, read as a visitor:
    nothing a visitor may not read, ever."""

    label: object
    search: Callable[..., SearchResults]
    words: Callable[[], object] | None = None


search_providers = ExtensionPoint("search_providers")
"""Types of result of the site search (/fr/recherche/, /en/search/), each a facet.

Registered by: each room whose content can be searched (cms: resources, toolkits and
pages; forum: discussions; events: events). Read by: `search.selectors.site_search`, which
asks every provider for its best hits, fuses the lists into one ranking, and builds the
type, theme and language facets from the providers' counts.
Key: the type's key, also the `type=` of the URL ("resources", "discussions", "events").
Item: a `SearchProvider`; see `SearchQuery`, `SearchResults`, `SearchHit` above."""


@dataclass(frozen=True)
class DigestEntry:
    """One line of a digest section: a title, its link (absolute), a short detail."""

    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class DigestSection:
    """One section of the member's digest email. `build(*, user, since, now)` returns the
    section's `DigestEntry`s for what happened after `since` (the last digest) and up to
    `now`, in the member's language (the caller has switched to it), in a fixed number of
    queries; nothing: the section is left out."""

    label: object  # the section's heading
    description: object  # what it holds, on the preferences and unsubscribe pages
    build: Callable[..., list]
    # False for a reminder (my upcoming registrations): shown with news, never sent alone.
    alone: bool = True


digest_sections = ExtensionPoint("digest_sections")
"""Sections of the one digest email (daily or weekly, `hub.notifications.services.digests`).

Registered by: each room with news for a member (notifications: the notifications the
member chose to get in the digest; forum: new answers to my questions, unanswered questions
in my themes; cms: new resources on my themes; events: new events on my themes, my upcoming
registrations). Read by: `hub.notifications.services.digests`, which builds them in
`order`, leaves out those the member unsubscribed from (one link per section, no login),
and sends nothing when every section is empty.
Key: the section's code (at most 40 characters). Item: a `DigestSection`."""

email_consent_rule = ExtensionPoint("email_consent_rule", single=True)
"""The anti-spam rule applied before every email that is not transactional (one item).

Registered by: hub.privacy (stored opt-ins and opt-outs). Read by:
`hub.emails.member_accepts`, which falls back to its own default rule when none is
registered. Item: `rule(member, category) -> bool`."""
