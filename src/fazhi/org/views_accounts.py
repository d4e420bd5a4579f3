"""The township's accounts page (org.accounts): 司法所, 党政办 and the township's administrator."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from fazhi.core.access import access_for
from fazhi.core.menus import ADMIN_ROLES
from fazhi.core.text import clauses
from fazhi.org import accounts
from fazhi.org.models import Region


class AccountForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=150)
    role = forms.ChoiceField(label="角色", choices=accounts.GRANTABLE)
    village = forms.ModelChoiceField(
        label="村(社区)（村干部必填）", queryset=Region.objects.none(), required=False
    )
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput(render_value=True))

    def __init__(self, *args, township, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = township.children.order_by("code")
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if select else "form-control form-control-sm"
            )


class AccountsView(LoginRequiredMixin, View):
    template_name = "org/accounts.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            access, township = access_for(request.user), request.township
            if township is None or not (access.superuser or access.roles_in(township.pk) & ADMIN_ROLES):
                raise PermissionDenied("只有司法所、党政办或乡镇系统管理员可以管理本乡镇的账号。")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, form=None, password=None):
        township = request.township
        return render(
            request,
            self.template_name,
            {
                "title": "账号与角色",
                "users": accounts.township_users(township),
                "form": form or AccountForm(township=township),
                "grantable": accounts.GRANTABLE,
                "villages": township.children.order_by("code"),
                "new_password": password,
            },
        )

    def post(self, request):
        township, action = request.township, request.POST.get("action", "")
        if action == "create":
            form = AccountForm(request.POST, township=township)
            if not form.is_valid():
                return self.get(request, form=form)
            try:
                user = accounts.create_account(request, township, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
                return self.get(request, form=form)
            messages.success(request, f"已新建账号 {user.username}，首次登录须修改密码。")
            return HttpResponseRedirect(reverse("org:accounts"))
        user = get_object_or_404(get_user_model(), pk=request.POST.get("user", "0") or 0)
        try:
            if action in ("disable", "enable"):
                accounts.set_active(request, township, user, action == "enable")
                messages.success(
                    request, f"已{'启用' if action == 'enable' else '停用'}账号 {user.username}。"
                )
            elif action == "reset":
                password = accounts.reset_password(request, township, user)
                messages.success(request, f"已重置 {user.username} 的密码，请当面告知，对方登录后须修改。")
                return self.get(request, password=(user.username, password))
            elif action == "grant":
                village = Region.objects.filter(pk=request.POST.get("village") or 0).first()
                accounts.grant(request, township, user, request.POST.get("role", ""), village)
                messages.success(request, f"已为 {user.username} 分配角色。")
            elif action == "revoke":
                accounts.revoke(request, township, user, request.POST.get("assignment", "0") or 0)
                messages.success(request, f"已撤销 {user.username} 的角色。")
        except ValidationError as exc:
            messages.error(request, "操作未执行：" + clauses(exc.messages))
        return HttpResponseRedirect(reverse("org:accounts"))
