"""Shared pieces of public (no-login) forms: tracking codes, rate-limited submission, code lookup.

A ledger's public submit page subclasses `PublicSubmitView` (its form and `create(data)`), its lookup
page subclasses `PublicTrackView` (its model and `public_view(record)`, which returns only what the
public may see, masked).
"""

import secrets

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from fazhi.core.ratelimit import allow
from fazhi.core.tenancy import region_model

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read out over the phone


# Functions(record) -> {label: text} adding to what a tracking page shows (fazhi.handoffs: where
# a matter went when it moved to another ledger).
TRACK_HOOKS: list = []


def new_tracking_code(prefix: str) -> str:
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(8))


class PublicForm(forms.Form):
    """A public form's township choice and mobile number, asked the same way on every ledger's form.
    Subclasses add their fields and set `field_order` (the township comes first)."""

    township_label = "所在乡镇(街道)"
    township = forms.ModelChoiceField(queryset=None, empty_label="请选择")
    phone = forms.RegexField(
        r"^1\d{10}$", label="联系电话", error_messages={"invalid": "请填写11位手机号码。"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["township"].queryset = region_model().objects.townships()
        self.fields["township"].label = self.township_label


class TrackForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=12)


class PublicSubmitView(FormView):
    bucket = ""  # rate-limit bucket
    title = ""
    limit, window = 5, 3600

    def post(self, request, *args, **kwargs):
        if not allow(request, f"{self.bucket}-submit", limit=self.limit, window=self.window):
            messages.error(request, "提交过于频繁，请一小时后再试。")
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        created = self.create(form.cleaned_data)
        return self.render_to_response(self.get_context_data(form=self.form_class(), created=created))

    def create(self, data):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)


class PublicTrackView(FormView):
    template_name = "core/public_track.html"
    model = None
    bucket = ""
    title = ""
    not_found = "未找到该查询码对应的记录，请核对后重新输入。"
    form_class = TrackForm

    def get(self, request, *args, **kwargs):
        if "code" not in request.GET:
            return super().get(request, *args, **kwargs)
        form = TrackForm(request.GET)
        if not allow(request, f"{self.bucket}-track", limit=20, window=60):
            return self.render_to_response(self.get_context_data(form=form, limited=True), status=429)
        record = None
        if form.is_valid():
            code = form.cleaned_data["code"].strip().upper()
            record = self.model.objects.filter(tracking_code=code).select_related("township").first()
        view = record and self.public_view(record)
        for hook in TRACK_HOOKS if view else ():
            view.update(hook(record))
        return self.render_to_response(self.get_context_data(form=form, searched=True, record=view))

    def post(self, request, *args, **kwargs):
        return redirect(request.path)

    def public_view(self, record) -> dict:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, not_found=self.not_found, **kwargs)
