"""A page drawn from a township's records is kept until that township's data changes.

Most of a list or record page's time goes to drawing it (25 rows × 11 cells with their masks, the
filters, the history), and people come back to the same page many times a day: the list after each
record, the dashboard between tasks. The same reader asking for the same page again, while nothing
has been written, gets the drawing kept from the first time.

The key names the reader's session (a login starts a new one, so a new role or CSRF secret never
meets an old drawing), the township, the page with its query, today's date and the data versions of
`core.freshness`, which every write bumps in the database, so no process ever serves a page older
than the data. A page with a message waiting is drawn fresh; only whole HTML pages that answered 200
are kept. The access checks of `dispatch` run on every request, kept page or not.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from fazhi.core import freshness


def page_key(request) -> str | None:
    session = getattr(request, "session", None)
    township = getattr(request, "township", None)
    if not settings.FAZHI_PAGE_CACHE or request.method != "GET" or township is None:
        return None
    if session is None or session.session_key is None or len(messages.get_messages(request)):
        return None  # len() reads the waiting messages without marking them shown
    page = hashlib.blake2b(request.get_full_path().encode(), digest_size=12).hexdigest()
    data = ".".join(map(str, freshness.versions(township.pk)))
    # A page fragment for htmx, or the whole page; the staff flag (the menu's 系统管理) is no data.
    variant = ("h" if request.headers.get("HX-Request") else "") + ("s" if request.user.is_staff else "")
    return (
        f"fazhi:page:{session.session_key}:{township.pk}:{timezone.localdate():%Y%m%d}:{data}:{variant}{page}"
    )


class CachedPage:
    """A view mixin: its GET pages are kept by `page_key`."""

    def get(self, request, *args, **kwargs):
        key = page_key(request)
        if key is not None and (kept := cache.get(key)) is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = super().get(request, *args, **kwargs)
        if key is not None and response.status_code == 200 and not response.streaming:
            if response.get("Content-Type", "").startswith("text/html"):
                if hasattr(response, "render"):
                    response.render()
                cache.set(key, (response.content, response["Content-Type"]), freshness.TIMEOUT)
        return response
