"""Rate limiting of public forms, per client address, in the cache (shared by all worker threads)."""

from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, bucket: str, limit: int = 5, window: int = 60) -> bool:
    """True while the client has made fewer than `limit` attempts in the last `window` seconds."""
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
