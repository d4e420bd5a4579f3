from django import forms
from django.contrib.auth.forms import AuthenticationForm

from fazhi.security import lockout


class LoginForm(AuthenticationForm):
    """The login form, refusing a locked account or address before the password is even checked."""

    error_messages = {
        "invalid_login": "用户名或密码不正确，请重新输入。",
        "inactive": "该账号已停用，请联系乡镇系统管理员。",
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        reason = lockout.locked_reason(self.request, username)
        if reason:
            lockout.register_failure(self.request, username)
            from fazhi.security import audit

            audit.record(audit.Kind.LOGIN_FAILED, self.request, username=username, detail=reason)
            raise forms.ValidationError(reason, code="locked")
        return super().clean()


class EventFilterForm(forms.Form):
    from fazhi.security.models import SecurityEvent

    kind = forms.ChoiceField(
        label="事件", required=False, choices=[("", "全部事件"), *SecurityEvent.Kind.choices]
    )
    q = forms.CharField(label="用户名/对象", required=False)
    start = forms.DateField(label="起", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="止", required=False, widget=forms.DateInput(attrs={"type": "date"}))
