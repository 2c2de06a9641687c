import pytest
from django.conf import settings


@pytest.mark.skipif(not settings.REDIS_URL, reason="only with the Redis channel layer")
def test_the_redis_channel_layer_never_times_out_while_waiting_for_messages():
    # redis-py 8 reads with a 5 s timeout by default: idle consumers crashed every ~5 s.
    hosts = settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]
    assert hosts == [{"address": settings.REDIS_URL, "socket_timeout": None}]


def test_the_daily_digest_runs_with_the_periodic_jobs():
    assert "send_notification_digests" in settings.HUB_PERIODIC_COMMANDS
    assert 0 <= settings.HUB_NOTIFICATION_DIGEST_HOUR <= 23
