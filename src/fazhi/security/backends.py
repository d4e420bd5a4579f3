"""Authentication that refuses locked accounts and addresses: the login page, the API token endpoint
and API token headers all pass through here."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from fazhi.core.ratelimit import client_ip
from fazhi.security import audit, lockout


class LockoutBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get("username") or ""
        if lockout.locked_reason(request, username):
            # PermissionDenied stops Django's backend loop: the right password does not get in.
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


class LockoutTokenAuthentication(TokenAuthentication):
    """A wrong token counts as a failure of the client address; a locked address is refused."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.lower().startswith(self.keyword.lower() + " "):
            return None
        reason = lockout.locked_reason(request, "")
        if reason:
            raise AuthenticationFailed(reason)
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            # The Django request: DRF's would authenticate again on reading .user (recursion).
            django_request = getattr(request, "_request", request)
            lockout.register_failure(django_request, "")
            audit.record(
                audit.Kind.TOKEN_FAILED,
                django_request,
                user=None,
                detail=f"无效令牌，来源 {client_ip(request)}",
            )
            raise AuthenticationFailed("接口令牌无效。")
