"""Inbox (bell, read/unread, each message links to its record), delivery settings, assignment."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core.access import scope
from fazhi.notify import services
from fazhi.notify.models import Notification, Preference


@login_required
@require_GET
def inbox(request):
    mine = Notification.objects.filter(user=request.user)
    unread = mine.filter(read_at__isnull=True).count()
    show = request.GET.get("show", "all")
    shown = mine.filter(read_at__isnull=True) if show == "unread" else mine
    page = Paginator(shown.only("kind", "title", "text", "created_at", "read_at"), 30).get_page(
        request.GET.get("page")
    )
    return render(
        request, "notify/inbox.html", {"title": "消息提醒", "page": page, "unread": unread, "show": show}
    )


@login_required
@require_GET
def bell(request):
    """The shell's bell, loaded by htmx after the page (so no page pays for its count)."""
    count = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    return render(request, "notify/_bell.html", {"count": count})


@login_required
@require_GET
def open_notification(request, pk):
    """Mark a message read and go to its record (only ever a path on this site)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    url = notification.url
    safe = url.startswith("/") and not url.startswith("//")
    return HttpResponseRedirect(url if safe else "/notify/")


@login_required
@require_POST
def read_all(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return HttpResponseRedirect("/notify/")


class PreferenceForm(forms.ModelForm):
    webhook_url = forms.URLField(
        label="机器人地址(Webhook)", max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = Preference
        fields = ["email", "webhook", "webhook_url"]

    def clean(self):
        data = super().clean()
        if data.get("webhook") and not data.get("webhook_url"):
            self.add_error("webhook_url", "选择了群机器人，请填写机器人地址。")
        url = data.get("webhook_url") or ""
        if url and not url.startswith(("https://", "http://")):
            self.add_error("webhook_url", "机器人地址应以 https:// 开头。")
        return data


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    instance = Preference.objects.filter(user=request.user).first() or Preference(user=request.user)
    form = PreferenceForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "提醒方式已保存。")
        return HttpResponseRedirect("/notify/settings/")
    return render(
        request,
        "notify/form.html",
        {
            "title": "提醒方式",
            "form": form,
            "note": f"站内消息始终开启。邮件发送至：{request.user.email or '（账号未登记邮箱）'}",
        },
    )


class AssignForm(forms.Form):
    user = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label="责任人")
    reason = forms.CharField(label="指派说明", max_length=200, required=False)

    def __init__(self, *args, township, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(roles__organisation=township, is_active=True)
            .exclude(roles__role="village")
            .distinct()
            .order_by("username")
        )
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username}（{u.username}）"
        )


@login_required
@require_http_methods(["GET", "POST"])
def assign(request, ct, pk):
    try:
        model = ContentType.objects.get_for_id(ct).model_class()
    except ContentType.DoesNotExist:
        raise Http404
    if model is None or not any(f.name == "township" for f in model._meta.fields):
        raise Http404
    record = get_object_or_404(scope(model.objects.all(), request.user), pk=pk)  # village cadres: theirs
    current = services.responsible_of(record)
    form = AssignForm(request.POST or None, township=record.township)
    if request.method == "POST" and form.is_valid():
        try:
            services.assign(record, form.cleaned_data["user"], request.user, form.cleaned_data["reason"])
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error("user", exc.message_dict.get("user", exc.messages))
        else:
            messages.success(request, "已指派责任人，并已通知。")
            return HttpResponseRedirect(request.path)

    def name(user):
        return (user.get_full_name() or user.username) if user else "系统"

    history = [
        (
            h.history_date,
            name(h.user) if h.user else "—",
            name(h.history_user),
            h.reason or h.history_change_reason or "",
        )
        for h in (current.history.select_related("user", "history_user")[:20] if current else [])
    ]
    return render(
        request,
        "notify/assign.html",
        {
            "title": "指派责任人",
            "record": record,
            "current_name": name(current.user) if current and current.user else "未指派",
            "form": form,
            "history": history,
        },
    )
