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
