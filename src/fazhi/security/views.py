"""Login, password change, API token, and the township admin's audit search and unlock pages."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from fazhi.core.access import access_for
from fazhi.core.roles import Role
from fazhi.security import audit, lockout, otp, passwords
from fazhi.security.forms import EventFilterForm, LoginForm
from fazhi.security.models import SecurityEvent
from fazhi.security.signals import SESSION_MUST_CHANGE


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm

    def form_valid(self, form):
        user = form.get_user()
        if otp.device_for(user) is not None:
            # Not logged in yet: the session only remembers who gave the right password.
            otp.begin_login(self.request, user, self.get_success_url())
            return redirect("security:otp_login")
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "security/password_change.html"
    success_url = reverse_lazy("dashboard")

    def get_context_data(self, **kwargs):
        return super().get_context_data(rules=password_validators_help_texts(), **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        passwords.changed(self.request.user)
        self.request.session.pop(SESSION_MUST_CHANGE, None)
        audit.record(audit.Kind.PASSWORD_CHANGED, self.request, target=self.request.user.get_username())
        messages.success(self.request, "密码已修改。")
        return response


class TokenView(ObtainAuthToken):
    """POST username + password → token; refused while the account or address is locked."""

    def post(self, request, *args, **kwargs):
        username = str(request.data.get("username", ""))
        reason = lockout.locked_reason(request, username)
        if reason:
            lockout.register_failure(request, username)
            audit.record(audit.Kind.LOGIN_FAILED, request, username=username, detail=f"接口：{reason}")
            return Response({"detail": reason}, status=403)
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            return Response({"detail": "用户名或密码不正确。"}, status=400)
        user = serializer.validated_data["user"]
        refused = self.second_factor(request, user)
        if refused:
            return refused
        token, _ = Token.objects.get_or_create(user=user)
        audit.record(audit.Kind.TOKEN_ISSUED, request, user=user)
        return Response({"token": token.key})

    def second_factor(self, request, user):
        """An enrolled account also sends `otp`; one that must enrol and has not gets no token."""
        if otp.device_for(user) is not None:
            if not otp.verify(request, user, request.data.get("otp")):
                return Response({"detail": "须提供正确的6位动态口令（otp）。"}, status=400)
        elif otp.required(user):
            return Response({"detail": "该账号须先在网页上启用双因素认证，才能申请接口令牌。"}, status=403)
        return None


class TownshipAdminMixin(LoginRequiredMixin):
    """Pages of the township's system administrator (乡镇系统管理员)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        township = request.township
        if township is None or Role.ADMIN not in access_for(request.user).roles_in(township.id):
            raise PermissionDenied("只有本乡镇系统管理员可以查看安全审计。")
        return super().dispatch(request, *args, **kwargs)

    def township_usernames(self):
        from fazhi.org.models import RoleAssignment

        return set(
            RoleAssignment.objects.filter(organisation=self.request.township).values_list(
                "user__username", flat=True
            )
        )


class EventListView(TownshipAdminMixin, TemplateView):
    template_name = "security/events.html"
    paginate_by = 50

    def events(self, form):
        usernames = self.township_usernames()
        events = SecurityEvent.objects.filter(
            Q(township=self.request.township) | Q(username__in=usernames) | Q(target__in=usernames)
        ).select_related("user", "township")
        if not form.is_valid():
            return events
        data = form.cleaned_data
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["q"]:
            events = events.filter(Q(username__icontains=data["q"]) | Q(target__icontains=data["q"]))
        zone = timezone.get_current_timezone()
        if data["start"]:
            events = events.filter(at__gte=datetime.combine(data["start"], time.min, zone))
        if data["end"]:
            events = events.filter(at__lt=datetime.combine(data["end"] + timedelta(days=1), time.min, zone))
        return events

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = EventFilterForm(self.request.GET or None)
        page = Paginator(self.events(form), self.paginate_by).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(title="安全审计", form=form, page_obj=page, querystring=query.urlencode())
        return context


class LockListView(TownshipAdminMixin, TemplateView):
    template_name = "security/locks.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usernames = self.township_usernames()
        context.update(
            title="锁定的账号", locked=sorted(u for u in lockout.locked_usernames() if u in usernames)
        )
        return context


class UnlockView(TownshipAdminMixin, View):
    def post(self, request):
        username = request.POST.get("username", "")
        if username not in self.township_usernames():
            raise PermissionDenied("只能解锁本乡镇的账号。")
        if lockout.unlock(username, request):
            messages.success(request, f"已解除 {username} 的锁定。")
        return redirect("security:locks")
