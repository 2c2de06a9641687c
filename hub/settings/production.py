"""Production: everything comes from the environment, and the hub refuses to start without
a secret key, allowed hosts and a database URL."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

for required in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"):
    if not env(required):
        raise ImproperlyConfigured(f"{required} must be set in production.")

if USING_POSTGRES and env_bool("DATABASE_POOL", True):  # noqa: F405
    use_connection_pool(DATABASES)  # noqa: F405

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

EMAIL_URL = env("EMAIL_URL")
if EMAIL_URL:
    from urllib.parse import unquote, urlparse

    _mail = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or 587
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _mail.scheme == "smtps"

# Behind the proxy, private files leave through it after the hub's check (hub/files.py).
HUB_PRIVATE_FILES_ACCEL_PREFIX = env("HUB_PRIVATE_FILES_ACCEL_PREFIX", "/_private/")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# One JSON line per request, and every other log line as JSON too (hub/ops/logs.py): time,
# status, route and member id; no email or IP address.
MIDDLEWARE = ["hub.ops.logs.RequestLogMiddleware", *MIDDLEWARE]  # noqa: F405
LOGGING["formatters"] = {"json": {"()": "hub.ops.logs.JsonFormatter"}}  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405
LOGGING["loggers"]["hub.requests"] = {"level": "INFO"}  # noqa: F405
