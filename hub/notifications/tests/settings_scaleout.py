"""Test settings for Daphne processes started by the notifications tests: the same as
hub.settings.test, except that the channel layer prefix is the test process's own (test
settings give every process its own prefix, so a group_send made by the test would never
reach a Daphne subprocess)."""

import os

from hub.settings.test import *  # noqa: F403

if REDIS_URL and os.environ.get("HUB_TEST_CHANNELS_PREFIX"):  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = os.environ["HUB_TEST_CHANNELS_PREFIX"]  # noqa: F405
