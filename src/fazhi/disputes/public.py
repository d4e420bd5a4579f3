"""Public pages: apply for mediation online and look up its progress with a tracking code.

Nothing here needs a login. The lookup shows only the number, dates, type, masked parties and the
state; both pages are rate-limited per client address.
"""

from django import forms
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.public import PublicForm, PublicSubmitView, PublicTrackView
from fazhi.disputes.actions import register_dispute
from fazhi.disputes.models import Dispute


class SubmitForm(PublicForm):
    field_order = ("township", "parties", "phone", "type", "summary")
    parties = forms.CharField(label="当事人姓名", max_length=200, help_text="申请人及对方当事人，用顿号分隔")
    type = forms.ChoiceField(label="纠纷类型", choices=Dispute.Type.choices)
    summary = forms.CharField(label="纠纷简要情况", widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)


class SubmitView(PublicSubmitView):
    template_name = "disputes/public_submit.html"
    form_class = SubmitForm
    bucket = "disputes"
    title = "网上申请人民调解"

    def create(self, data):
        dispute = Dispute(
            township=data["township"],
            received=timezone.localdate(),
            source=Dispute.Source.ONLINE,
            type=data["type"],
            parties=data["parties"],
            phone=data["phone"],
            summary=data["summary"],
        )
        return register_dispute(dispute, None, reason="群众网上申请调解", public=True)


class TrackView(PublicTrackView):
    not_found = "未找到该查询码对应的申请，请核对后重新输入。"
    model = Dispute
    bucket = "disputes"
    title = "调解进度查询"

    def public_view(self, dispute: Dispute) -> dict:
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
