"""Tests: fast and hermetic, unless DATABASE_URL / REDIS_URL point at real servers (CI)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789abcdef"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Login failures are rate-limited per IP: every test comes from the same one.
ACCOUNT_RATE_LIMITS = False
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"  # noqa: F405
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
if REDIS_URL:  # noqa: F405
    # A prefix per test process keeps parallel runs from reading each other's groups; a
    # Daphne started by a test inherits its parent's (conftest.start_daphne), so events sent
    # from the test reach browsers connected to that Daphne.
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = os.environ.get(  # noqa: F405
        "HUB_TEST_CHANNELS_PREFIX", f"hubtest{os.getpid()}"
    )
# A Daphne started by an end-to-end test is told its own address (hub.testing.start_daphne).
HUB_BASE_URL = WAGTAILADMIN_BASE_URL = os.environ.get("HUB_BASE_URL", "http://testserver")
# Daphne in end-to-end tests serves static files straight from the apps (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if not USING_POSTGRES:  # noqa: F405
    # A file, not memory, so a Daphne process started by an end-to-end test shares it.
    # One file per test process: several runs may share the machine.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")  # noqa: F405
    }
# WhiteNoise warns on every request when STATIC_ROOT does not exist.
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
# A fresh clone has no var/: file uploads in tests need both stores to exist.
for _root in (MEDIA_ROOT, PRIVATE_MEDIA_ROOT):
    os.makedirs(_root, exist_ok=True)
