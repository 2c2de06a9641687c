"""Settings for benchmarks: the test settings, plus what plain django-machina needs for the
side-by-side comparison (its haystack search, which the hub itself does not install)."""

from hub.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "machina.apps.forum_search", "haystack"]  # noqa: F405
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
