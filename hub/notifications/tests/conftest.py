from contextlib import ExitStack

import pytest
from django.utils import translation
from django.utils.functional import lazy

from hub import extensions
from hub.notifications import kinds


def by_language(fr: str, en: str):
    """A lazy string like gettext_lazy's, without touching the catalogue."""
    return lazy(lambda: fr if (translation.get_language() or "fr").startswith("fr") else en, str)()


@pytest.fixture
def test_kinds():
    """Registers test kinds for one test and restores the registry afterwards."""
    registered = {
        "reply": kinds.Kind(
            "test.reply",
            label=by_language("Réponses (test)", "Replies (test)"),
            one=by_language(
                "%(actor)s a répondu dans « %(target)s »", "%(actor)s replied in “%(target)s”"
            ),
            many=by_language(
                "%(count)s nouvelles réponses dans « %(target)s »",
                "%(count)s new replies in “%(target)s”",
            ),
        ),
        "accepted": kinds.Kind(
            "test.accepted",
            label=by_language("Solutions (test)", "Solutions (test)"),
            one=by_language(
                "Votre question « %(target)s » est résolue", "Your question “%(target)s” is solved"
            ),
            default_delivery="email",
        ),
        "digest": kinds.Kind(
            "test.digest",
            label=by_language("Ressources (test)", "Resources (test)"),
            one=by_language("Nouvelle ressource : %(target)s", "New resource: %(target)s"),
            many=by_language(
                "%(count)s nouvelles ressources : %(target)s", "%(count)s new resources: %(target)s"
            ),
            default_delivery="digest",
        ),
    }
    with ExitStack() as stack:
        for kind in registered.values():
            stack.enter_context(extensions.notification_kinds.override(kind.code, kind))
        yield registered


@pytest.fixture
def make_member(db):
    from hub.accounts.tests.factories import UserFactory

    def make(**kwargs):
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def topic(db):
    """Any model instance serves as a notification target: an organisation here."""
    from hub.accounts.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Budget 2027")


def needs_postgres_and_redis():
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip(
            "needs PostgreSQL and Redis shared between processes: run with "
            "DATABASE_URL=postgres://… and REDIS_URL=redis://… (CI does)"
        )


@pytest.fixture
def live_daphne(transactional_db):
    """Starts Daphne processes on the test database that share this test process's Redis
    channel layer, so notify() called here reaches browsers connected to them. Call it once
    per process wanted; returns the base URL. Needs Redis (skips without REDIS_URL: the
    in-memory channel layer cannot cross processes)."""
    from django.conf import settings

    from hub.testing import start_daphne

    if not settings.REDIS_URL:
        pytest.skip("needs Redis shared between processes: set REDIS_URL (CI does)")
    processes = []

    def start() -> str:
        # start_daphne passes this process's channel prefix on (hub.settings.test reads it).
        process, base_url = start_daphne()
        processes.append(process)
        return base_url

    try:
        yield start
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except Exception:  # noqa: BLE001 - make sure it is gone whatever happened
                process.kill()
        _wait_for_other_sessions_to_leave()


def _wait_for_other_sessions_to_leave(seconds: float = 5) -> None:
    """PostgreSQL ends a dead client's backend a moment after the process exits; dropping the
    test database before that fails ("being accessed by other users")."""
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)


def session_cookie_for(user) -> str:
    """A real signed-in session for `user`, as the value of a Cookie header."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
