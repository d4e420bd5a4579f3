"""Rate limiting of public forms, per client address, in the "ratelimit" cache (in the database,
so shared by all worker processes and threads)."""

from django.conf import settings
from django.core.cache import caches


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind a reverse proxy the configured header's last entry
    (the address the proxy itself saw; earlier entries are whatever the client chose to send)."""
    header = getattr(settings, "FAZHI_CLIENT_IP_HEADER", "")
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        forwarded = [part.strip() for part in value.split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
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
