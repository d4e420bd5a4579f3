"""The second factor's pages: the code after the password, the user's own enrolment, and the township
admin's list of enrolled accounts with their reset."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.core.roles import Role
from fazhi.security import lockout, otp
from fazhi.security.views import TownshipAdminMixin


class OtpLoginView(TemplateView):
    """Second step of the login: the 6-digit code of an enrolled account (the password came first)."""

    template_name = "security/otp_login.html"

    def dispatch(self, request, *args, **kwargs):
        self.waiting = otp.pending(request)
        if self.waiting is None:
            messages.info(request, "请先输入用户名和密码。")
            return redirect("login")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        user, backend, next_url = self.waiting
        username = user.get_username()
        reason = lockout.locked_reason(request, username)
        if reason:
            otp.end_login(request)
            messages.error(request, reason)
            return redirect("login")
        if not otp.verify(request, user, request.POST.get("code")):
            if lockout.locked_reason(request, username):
                otp.end_login(request)
                messages.error(request, lockout.LOCKED_MESSAGE)
                return redirect("login")
            return self.render_to_response(
                self.get_context_data(error="动态口令不正确或已使用，请输入验证器当前显示的6位数字。")
            )
        otp.end_login(request)
        auth_login(request, user, backend=backend)
        return redirect(next_url)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="双因素认证", username=self.waiting[0].get_username(), **kwargs)


class AccountSecurityView(LoginRequiredMixin, TemplateView):
    """账号安全: the password change link and, for the roles offered it, the authenticator enrolment."""

    template_name = "security/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(title="账号安全", **kwargs)
        context.update(offered=otp.offered(user), required=otp.required(user), device=otp.device_for(user))
        if context["offered"] and context["device"] is None:
            key = otp.enrolment_key(self.request)
            context.update(qr=otp.qr_svg(otp.config_url(user, key)), secret=otp.secret_text(key))
        return context

    def post(self, request):
        if not otp.offered(request.user):
            raise PermissionDenied("双因素认证只适用于乡镇系统管理员和县级账号。")
        if otp.device_for(request.user) is not None:
            messages.info(request, "已启用双因素认证；如需更换手机，请联系本乡镇系统管理员重置。")
            return redirect("security:account")
        if otp.confirm(request, request.POST.get("code")):
            messages.success(
                request, "已启用双因素认证：今后登录时，输入密码后还须输入验证器中的6位动态口令。"
            )
            return redirect("security:account")
        context = self.get_context_data(error="动态口令不正确，请确认手机时间准确后重新输入。")
        return self.render_to_response(context)


class OtpDeviceListView(TownshipAdminMixin, TemplateView):
    template_name = "security/otp_devices.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        devices = (
            TOTPDevice.objects.filter(user__username__in=self.township_usernames(), confirmed=True)
            .select_related("user")
            .order_by("user__username")
        )
        context.update(
            title="双因素认证",
            devices=devices,
            required=[Role(r).label for r in sorted(otp.required_roles())],
        )
        return context


class OtpResetView(TownshipAdminMixin, View):
    def post(self, request):
        username = request.POST.get("username", "")
        if username not in self.township_usernames():
            raise PermissionDenied("只能重置本乡镇账号的双因素认证。")
        user = get_user_model().objects.get(username=username)
        if otp.reset(user, request):
            messages.success(request, f"已重置 {username} 的双因素认证，该账号下次登录后可重新绑定。")
        return redirect("security:otp_devices")
