"""Rate limits of public forms hold across worker processes: the counts live in the database."""

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache

from fazhi.core.ratelimit import allow


def test_the_limit_refuses_and_is_seen_by_every_worker(db, rf):
    request = rf.post("/public/", REMOTE_ADDR="10.0.0.9")
    assert all(allow(request, "apply", limit=3) for _ in range(3))
    assert not allow(request, "apply", limit=3)
    assert allow(rf.post("/public/", REMOTE_ADDR="10.0.0.10"), "apply", limit=3)  # per address

    # Another gunicorn worker has cache objects of its own, over the same table.
    other_worker = DatabaseCache(settings.CACHES["ratelimit"]["LOCATION"], {})
    assert other_worker.get("ratelimit:apply:10.0.0.9") == 4


def test_behind_a_proxy_the_limit_keys_on_the_forwarded_client(db, rf, settings):
    """Found by the probe: limits keyed on REMOTE_ADDR, so behind a proxy everyone shared one count."""
    settings.FAZHI_CLIENT_IP_HEADER = "X-Forwarded-For"

    def via_proxy(client):
        # The client may prepend anything; the proxy appends the address it saw.
        return rf.post("/public/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client}")

    assert all(allow(via_proxy("203.0.113.1"), "proxied", limit=2) for _ in range(2))
    assert not allow(via_proxy("203.0.113.1"), "proxied", limit=2)
    assert allow(via_proxy("203.0.113.2"), "proxied", limit=2)
