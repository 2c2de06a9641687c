"""Settings shared by every environment. Everything that differs between machines is read
from the environment (see .env.example); the defaults are the embedded ones: SQLite, an
in-memory channel layer, a local-memory cache and console email."""

import os
from pathlib import Path

import dj_database_url
from machina import MACHINA_MAIN_STATIC_DIR, MACHINA_MAIN_TEMPLATE_DIR

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-not-secret-change-me-" + "x" * 30)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours first, so our templates override those of the libraries below.
    "hub",
    "hub.accounts",
    "hub.notifications",
    "hub.privacy",
    "cms",
    "events",
    "search",
    "diagnostic",
    "demo",
    # machina's apps come before our `forum` package: machina's class loader picks the
    # first installed app whose name ends in ".forum" (see machina.core.loading).
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    # Not machina.apps.forum_search: it needs django-haystack; our search is PostgreSQL's
    # (forum/urls.py mounts machina's other URLs without it).
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "forum.apps.ForumConfig",
    "mptt",
    "widget_tweaks",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    # Live
    "daphne",
    "channels",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response (see the CSP block).
    "hub.headers.HubCSPMiddleware",
    # NUL bytes and invalid UTF-8 get a 400 before any view or database (hub/middleware.py).
    "hub.middleware.HostileInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signed-in members' visits, for the digest and Mon espace (hub/accounts/visits.py).
    "hub.accounts.visits.LastSeenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # machina's forum permissions, without writing a session (a cookie) on a first visit:
    # machina's own middleware puts a key in every anonymous visitor's session.
    "forum.middleware.ForumPermissionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Pages moderators marked noindex answer with X-Robots-Tag (hub/privacy/moderation.py).
    "hub.privacy.middleware.NoIndexMiddleware",
    # A 405 (HttpResponseNotAllowed) becomes a page of the hub, its Allow header kept.
    "hub.middleware.ErrorPagesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "hub.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our restyled machina templates sit before machina's own, which are found by DIRS.
        "DIRS": [BASE_DIR / "forum" / "machina_templates", MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "machina.core.context_processors.metadata",
                "hub.notifications.context_processors.bell",
                "hub.context_processors.navigation",
            ],
        },
    },
]

_DATABASE = dj_database_url.parse(
    env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
    conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
)
USING_POSTGRES = _DATABASE["ENGINE"].endswith("postgresql")
# The embedded default (SQLite, `make run`) serves several tabs at once (issue 18, item 14):
# WAL lets readers and one writer work side by side; the busy timeout (seconds) makes a
# second writer wait for the first; IMMEDIATE transactions take the write lock when they
# begin, because a transaction that reads and then writes cannot wait for the lock half-way
# (SQLite answers "database is locked" at once). synchronous=NORMAL is safe under WAL.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASES = {
    "default": (
        {**_DATABASE, "OPTIONS": {**_DATABASE.get("OPTIONS", {}), **SQLITE_OPTIONS}}
        if _DATABASE["ENGINE"].endswith("sqlite3")
        else _DATABASE
    )
}


def use_connection_pool(databases: dict) -> None:
    """Daphne runs each request in a thread with its own connection: without a pool, a burst
    of requests opens one connection each and PostgreSQL refuses past max_connections
    (seen with 200 simultaneous registrations). psycopg's pool caps and reuses them."""
    databases["default"]["CONN_MAX_AGE"] = 0  # the pool owns connection lifetimes
    # Django then has the pool check each connection as it leaves it: after PostgreSQL
    # restarts, broken ones are replaced instead of failing one request each (rehearsal).
    databases["default"]["CONN_HEALTH_CHECKS"] = True
    databases["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(env("DATABASE_POOL_MAX", "20")),
        "timeout": 30,
    }


if USING_POSTGRES and env_bool("DATABASE_POOL", False):
    use_connection_pool(DATABASES)

# machina's apps set no default_auto_field: a project-wide BigAutoField would make
# makemigrations write migrations inside the installed package. Our AppConfigs use BigAutoField.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # redis-py 8 gives every read a 5 s socket timeout; channels-redis waits on BZPOPMIN for
    # up to 5 s, so every idle websocket consumer crashed with "Timeout reading from …"
    # after ~5 s (django/channels_redis#422). The channel layer's reads must not time out.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": None}],
                "prefix": env("CHANNELS_PREFIX", "hub"),
            },
        }
    }
    CACHES = {
        "default": {
            # A read is a miss and a write is skipped while Redis is away (hub/ops/cache.py);
            # short timeouts so a Redis that hangs does not hold requests either.
            "BACKEND": "hub.ops.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_PREFIX", "hub"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["machina_attachments"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": str(BASE_DIR / "var" / "machina_attachments"),
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"

# django-allauth: email is the login, confirmed before the first sign-in.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "hub.privacy.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DATAide] "
# Names the hub "DATAide Hub" in allauth's emails and builds their links from HUB_BASE_URL.
ACCOUNT_ADAPTER = "hub.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# Adding, removing or making primary an email address (and setting a first password) asks
# for the password again if none was typed in the last 5 minutes: a script running in a
# session (an XSS) cannot add its own address and reset the password through it.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Wagtail's own account page would change the address with no password and behind allauth's
# back: members and staff change it on allauth's page only.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["hub.formats"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "hub_language"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The hub's name and public address, said once: every absolute link in emails, feeds,
# calendar invitations and pages is built from HUB_BASE_URL by hub/links.py (never from a
# request's Host header nor a Site row). Set it to the address people type, e.g.
# HUB_BASE_URL=https://hub.dataide.example (WAGTAILADMIN_BASE_URL is still read for old .env).
HUB_SITE_NAME = "DATAide Hub"
HUB_BASE_URL = env("HUB_BASE_URL", env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))
WAGTAIL_SITE_NAME = HUB_SITE_NAME
WAGTAILADMIN_BASE_URL = HUB_BASE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents go through Wagtail's privacy checks
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "french_unaccent"} if USING_POSTGRES else {}),
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# "Traduire cette page" makes a draft, never a published copy: translations go through the
# same review as any page (cms/translation_admin.py submits them to the workflow).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Wagtail's own login form leaves "Password" unlabelled, hence English in French.
WAGTAILADMIN_USER_LOGIN_FORM = "hub.accounts.admin_forms.AdminLoginForm"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [MACHINA_MAIN_STATIC_DIR]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    # Public media under MEDIA_ROOT; forum attachments and documents in PRIVATE_MEDIA_ROOT
    # (see "private files" below).
    "default": {"BACKEND": "hub.files.HubFileStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "DATAide Hub <bonjour@dataide.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

MACHINA_FORUM_NAME = "Forum DATAide"
MACHINA_BASE_TEMPLATE_NAME = "forum_base.html"
# The default prints get_username(), the email address, on every forum page.
MACHINA_USER_DISPLAY_NAME_METHOD = "get_public_name"
MACHINA_PROFILE_AVATARS_ENABLED = False
MACHINA_DEFAULT_AUTHENTICATED_USER_FORUM_PERMISSIONS = [
    "can_see_forum",
    "can_read_forum",
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_post_without_approval",
    "can_create_polls",
    "can_vote_in_polls",
    "can_download_file",
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# An expired or foreign form: the hub's 403 page, saying so (hub/errors.py).
CSRF_FAILURE_VIEW = "hub.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.channels.server": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO: too chatty for a console.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Shown in the footer of every non-transactional email (Canada's anti-spam law).
HUB_POSTAL_ADDRESS = env(
    "HUB_POSTAL_ADDRESS", "DATAide, 493, rue Sherbrooke Ouest, Montréal (Québec) H3A 1B6"
)
# Idempotent commands the scheduler runs every few minutes (`manage.py periodic_jobs`);
# running one again the same day changes nothing once that day's work is done.
HUB_PERIODIC_COMMANDS = [
    "privacy_retention",  # retention periods below (hub/privacy/retention.py)
    "send_notification_digests",  # daily digests, from HUB_NOTIFICATION_DIGEST_HOUR on
    "events_send_reminders",  # 24 h and 1 h before each event
    "search_vocabulary",  # the words the site search's "did you mean" proposes
]

# --- forum ---
# Markdown, then hub/sanitize.py: machina's default (markdown2 safe_mode) lets
# `[a](javascript&colon;…)` through as a live link.
MACHINA_MARKUP_LANGUAGE = ("forum.markup.render", {})
MACHINA_MARKUP_WIDGET = "forum.widgets.MarkdownEditor"
# Anti-flood, read by forum.services at each post: at most FORUM_RATE_LIMIT_POSTS messages
# per member in FORUM_RATE_LIMIT_WINDOW_SECONDS; the same text posted again within
# FORUM_DUPLICATE_WINDOW_SECONDS is a double submit and refused. Superusers are not limited.
FORUM_RATE_LIMIT_POSTS = int(env("FORUM_RATE_LIMIT_POSTS", "6"))
FORUM_RATE_LIMIT_WINDOW_SECONDS = int(env("FORUM_RATE_LIMIT_WINDOW_SECONDS", str(5 * 60)))
FORUM_DUPLICATE_WINDOW_SECONDS = int(env("FORUM_DUPLICATE_WINDOW_SECONDS", str(10 * 60)))
# The editor's preview renders like a post: at most FORUM_RATE_LIMIT_PREVIEWS previews per
# member in the same window (counted in the cache), so it cannot be used to load a worker.
FORUM_RATE_LIMIT_PREVIEWS = int(env("FORUM_RATE_LIMIT_PREVIEWS", "30"))

# --- privacy ---
# Retention periods in days, by data type (the retention command and the privacy page read
# them). Change them here or with HUB_RETENTION_<TYPE>=<days> in the environment.
HUB_RETENTION = {
    key: int(env(f"HUB_RETENTION_{key.upper()}", str(days)))
    for key, days in {
        "unverified_accounts": 30,  # sign-ups whose email was never confirmed
        "inactive_accounts": 3 * 365,  # no sign-in for this long: a notice is emailed...
        "inactive_notice": 30,  # ...and the account is deleted this long after the notice
        "read_notifications": 180,
        "notifications": 365,
        "sessions": 14,  # expired sign-in sessions are deleted
        "event_attendees": 365,  # after the event (the events app registers the task)
        "consent_log_after_deletion": 3 * 365,
        "privacy_requests": 2 * 365,  # after the answer
        "incidents": 5 * 365,  # after the date learned (regulation: at least 5 years)
    }.items()
}
# Flash messages live in the session, not in a fourth cookie: the privacy page promises
# only the session, CSRF and language cookies.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Everyone who processes personal information for the hub, and where (Loi 25, art. 17).
HUB_SUBPROCESSORS = [
    {
        "name": env("HUB_HOSTING_PROVIDER", "Hébergeur de l'application (à préciser)"),
        "purpose": "hosting",
        "location": env("HUB_HOSTING_LOCATION", "Canada (Montréal)"),
    },
    {
        "name": env("HUB_EMAIL_PROVIDER", "Service d'envoi de courriels (à préciser)"),
        "purpose": "email",
        "location": env("HUB_EMAIL_LOCATION", "Canada"),
    },
]


# --- notifications ---
# Daily digests leave from this hour (Montréal time) on, at most one per member per day; the
# scheduler runs the command every few minutes and it sends nothing twice.
HUB_NOTIFICATION_DIGEST_HOUR = int(env("HUB_NOTIFICATION_DIGEST_HOUR", "7"))

# --- private files (hub/files.py) ---
# Forum attachments and Wagtail documents are stored outside MEDIA_ROOT, in random
# directories, and leave only through views that check the right to read: anything under
# /media/ is served by path (Caddy, static() in DEBUG) and must hold public files only.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
MACHINA_ATTACHMENT_FILE_UPLOAD_TO = "private/forum"
# Set in production: the checking view answers `X-Accel-Redirect: <prefix><path>` and the
# proxy sends the file from PRIVATE_MEDIA_ROOT (docker/Caddyfile). Empty: Django streams it.
HUB_PRIVATE_FILES_ACCEL_PREFIX = env("HUB_PRIVATE_FILES_ACCEL_PREFIX", "")
SENDFILE_BACKEND = "hub.files"  # Wagtail's document view hands its files out the same way
# --- Content-Security-Policy and Permissions-Policy: hub/settings/headers.py ---
from .headers import *  # noqa: E402, F403
