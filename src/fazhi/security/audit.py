"""Recording security events: the one function every path calls (login, export, download, backup…)."""

from fazhi.core.ratelimit import client_ip
from fazhi.security.models import SecurityEvent

Kind = SecurityEvent.Kind


def record(
    kind,
    request=None,
    *,
    user=None,
    username="",
    township=None,
    township_id=None,
    target="",
    rows=None,
    detail="",
):
    if user is None and request is not None:
        found = getattr(getattr(request, "_request", request), "user", None)
        user = found if found is not None and found.is_authenticated else None
    if township is None and request is not None:
        township = getattr(request, "township", None)
    return SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        address=client_ip(request)[:64] if request is not None else "",
        township_id=township.pk if township is not None else township_id,
        target=str(target)[:200],
        rows=rows,
        detail=str(detail)[:300],
    )
