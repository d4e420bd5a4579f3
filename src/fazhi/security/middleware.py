"""Session limits, staff-only areas, the forced password change and the security headers."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.defaults import page_not_found

from fazhi.security import audit
from fazhi.security.downloads import audit_download
from fazhi.security.otp import SESSION_MUST_ENROL
from fazhi.security.signals import SESSION_LOGIN_AT, SESSION_MUST_CHANGE, SESSION_SEEN_AT

# Writing the session on every request would cost a query per page; a minute's precision is enough.
SEEN_RESOLUTION = 60

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Bootstrap components and htmx set style attributes; no script may run inline.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self.check(request)
        response = refused or self.get_response(request)
        audit_download(request, response)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

    def check(self, request):
        path = request.path_info
        user = request.user
        admin_open = settings.FAZHI_ADMIN_ENABLED and user.is_staff
        if (path.startswith("/admin/") and not admin_open) or (
            path.startswith("/api/schema") and not user.is_staff
        ):
            return page_not_found(request, Http404())
        if not user.is_authenticated or not hasattr(request, "session"):
            return None
        session = request.session
        now = int(time.time())
        seen = session.get(SESSION_SEEN_AT)
        login_at = session.get(SESSION_LOGIN_AT)
        expired = (seen is not None and now - seen > settings.FAZHI_IDLE_TIMEOUT) or (
            login_at is not None and now - login_at > settings.FAZHI_SESSION_MAX_AGE
        )
        if expired:
            audit.record(audit.Kind.TIMEOUT, request, user=user, detail="会话超时，已自动退出")
            logout(request)
            if path.startswith("/api/"):
                return None  # the API answers 401/403 itself for the now anonymous request
            messages.info(request, "长时间未操作，已自动退出，请重新登录。")
            return redirect(f"{reverse('login')}?next={request.get_full_path()}")
        if seen is None or now - seen >= SEEN_RESOLUTION:
            session[SESSION_SEEN_AT] = now
        if path.startswith(("/static/", "/api/")):
            return None
        if session.get(SESSION_MUST_CHANGE):
            allowed = {reverse("security:password_change"), reverse("logout")}
            if path not in allowed:
                messages.warning(request, "首次登录或密码被重置后，请先修改密码。")
                return redirect("security:password_change")
        elif session.get(SESSION_MUST_ENROL):
            allowed = {reverse("security:account"), reverse("security:password_change"), reverse("logout")}
            if path not in allowed:
                messages.warning(
                    request, "您的角色须启用双因素认证：请用手机验证器扫描二维码并输入动态口令。"
                )
                return redirect("security:account")
        return None
