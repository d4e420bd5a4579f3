"""Rate limiting of public forms, per client address, in the "ratelimit" cache (in the database,
so shared by all worker processes and threads)."""

from django.core.cache import caches


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, bucket: str, limit: int = 5, window: int = 60) -> bool:
    """True while the client has made fewer than `limit` attempts in the last `window` seconds."""
    cache = caches["ratelimit"]
    key = f"ratelimit:{bucket}:{client_ip(request)}"
    added = cache.add(key, 1, timeout=window)
    if added:
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return True
    return count <= limit
