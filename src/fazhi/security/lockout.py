"""Lockout after repeated failures (GB/T 22239-2019 8.1.4.1 a: 登录失败处理), per account and per
client address, for the login page and the API token endpoint alike.

An account passing its limit stays locked until the township admin unlocks it; an address passing its
limit (set higher: an office shares one address) is refused for a cool-off period.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.core.ratelimit import client_ip
from fazhi.security import audit
from fazhi.security.models import AccessLock

LOCKED_MESSAGE = "该账号因连续登录失败已被锁定，请联系本乡镇系统管理员解锁。"
ADDRESS_MESSAGE = "本地址登录失败次数过多，请{minutes}分钟后再试。"


def account_key(username: str) -> str:
    return f"user:{(username or '').strip().lower()}"


def address_key(address: str) -> str:
    return f"addr:{address}"


def _limits():
    return {
        "user": settings.FAZHI_LOCKOUT_ACCOUNT_FAILURES,
        "addr": settings.FAZHI_LOCKOUT_ADDRESS_FAILURES,
    }


def locked_reason(request, username: str) -> str:
    """A Chinese message when the account or the client address is locked, else ""."""
    now = timezone.now()
    keys = (
        [account_key(username), address_key(client_ip(request))]
        if request is not None
        else [account_key(username)]
    )
    for lock in AccessLock.objects.filter(key__in=keys, locked_at__isnull=False):
        if lock.key.startswith("user:"):
            return LOCKED_MESSAGE
        cooloff = timedelta(seconds=settings.FAZHI_LOCKOUT_COOLOFF)
        if lock.locked_at + cooloff > now:
            return ADDRESS_MESSAGE.format(minutes=max(1, settings.FAZHI_LOCKOUT_COOLOFF // 60))
        lock.delete()  # the address's cool-off is over
    return ""


def register_failure(request, username: str) -> None:
    """Counts one failure for the account and the address; locks (and audits the lock) past the limit."""
    now = timezone.now()
    window = timedelta(seconds=settings.FAZHI_LOCKOUT_WINDOW)
    limits = _limits()
    keys = [account_key(username)]
    if request is not None:
        keys.append(address_key(client_ip(request)))
    with transaction.atomic():
        for key in keys:
            lock, _ = AccessLock.objects.select_for_update().get_or_create(key=key)
            if lock.locked_at is None and lock.first_failure_at and lock.first_failure_at + window < now:
                lock.failures, lock.first_failure_at = 0, None
            lock.failures += 1
            lock.first_failure_at = lock.first_failure_at or now
            if lock.locked_at is None and lock.failures > limits[key.split(":", 1)[0]]:
                lock.locked_at = now
                what = "账号" if key.startswith("user:") else "地址"
                audit.record(
                    audit.Kind.LOCKOUT,
                    request,
                    user=None,
                    username=username,
                    target=key.split(":", 1)[1],
                    detail=f"连续{lock.failures}次登录失败，{what}已锁定",
                )
            lock.save()


def register_success(request, username: str) -> None:
    """A successful login clears the account's count (not a lock: a locked account never gets here)."""
    AccessLock.objects.filter(key=account_key(username), locked_at__isnull=True).delete()


def unlock(username: str, request=None) -> bool:
    deleted, _ = AccessLock.objects.filter(key=account_key(username)).delete()
    if deleted:
        audit.record(audit.Kind.UNLOCK, request, target=username, detail="管理员解除账号锁定")
    return bool(deleted)


def locked_usernames() -> list[str]:
    keys = AccessLock.objects.filter(key__startswith="user:", locked_at__isnull=False).values_list(
        "key", flat=True
    )
    return [k.split(":", 1)[1] for k in keys]
