"""Public pages: apply for mediation online and look up its progress with a tracking code.

Nothing here needs a login. The lookup shows only the number, dates, type, masked parties and the
state; both pages are rate-limited per client address.
"""

import secrets

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView

from fazhi.core import masking
from fazhi.core.ratelimit import allow
from fazhi.core.services import save_record
from fazhi.disputes.models import Dispute
from fazhi.org.models import Region

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read out over the phone


def new_tracking_code(prefix: str) -> str:
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(8))


class SubmitForm(forms.Form):
    township = forms.ModelChoiceField(Region.objects.none(), label="所在乡镇(街道)", empty_label="请选择")
    parties = forms.CharField(label="当事人姓名", max_length=200, help_text="申请人及对方当事人，用顿号分隔")
    phone = forms.RegexField(
        r"^1\d{10}$", label="联系电话", error_messages={"invalid": "请填写11位手机号码。"}
    )
    type = forms.ChoiceField(label="纠纷类型", choices=Dispute.Type.choices)
    summary = forms.CharField(label="纠纷简要情况", widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["township"].queryset = Region.objects.townships()


class TrackForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=12)


class SubmitView(FormView):
    template_name = "disputes/public_submit.html"
    form_class = SubmitForm

    def post(self, request, *args, **kwargs):
        if not allow(request, "disputes-submit", limit=5, window=3600):
            messages.error(request, "提交过于频繁，请一小时后再试。")
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        dispute = Dispute(
            township=data["township"],
            received=timezone.localdate(),
            source=Dispute.Source.ONLINE,
            type=data["type"],
            parties=data["parties"],
            phone=data["phone"],
            summary=data["summary"],
            tracking_code=new_tracking_code("TJ"),
        )
        save_record(dispute, None, reason="群众网上申请调解")
        return self.render_to_response(self.get_context_data(form=SubmitForm(), created=dispute))

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="网上申请人民调解", **kwargs)


class TrackView(FormView):
    template_name = "disputes/public_track.html"
    form_class = TrackForm

    def get(self, request, *args, **kwargs):
        if "code" not in request.GET:
            return super().get(request, *args, **kwargs)
        form = TrackForm(request.GET)
        if not allow(request, "disputes-track", limit=20, window=60):
            return self.render_to_response(self.get_context_data(form=form, limited=True), status=429)
        record = None
        if form.is_valid():
            record = (
                Dispute.objects.filter(tracking_code=form.cleaned_data["code"].strip().upper())
                .select_related("township")
                .first()
            )
        return self.render_to_response(
            self.get_context_data(form=form, searched=True, record=record and public_view(record))
        )

    def post(self, request, *args, **kwargs):
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="调解进度查询", **kwargs)


def public_view(dispute: Dispute) -> dict:
    """Only what the public may see: masked parties, the type and the state."""
    return {
        "编号": dispute.number,
        "受理乡镇": dispute.township.name,
        "申请日期": f"{dispute.received:%Y-%m-%d}",
        "纠纷类型": dispute.get_type_display(),
        "当事人": masking.mask_names(dispute.parties),
        "办理状态": dispute.get_state_display(),
        "调解结果": dispute.get_outcome_display() if dispute.outcome else "—",
    }
