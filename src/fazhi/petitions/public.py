"""Public pages: submit a petition online (信息网络, 信访工作条例 art. 17) and look up its progress.

No login. The lookup shows only the number, dates, deadlines, the masked petitioner and the state;
both pages are rate-limited per client address.
"""

from django import forms
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.public import PublicForm, PublicSubmitView, PublicTrackView
from fazhi.petitions import rules
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import Petition


class SubmitForm(PublicForm):
    township_label = "向哪个乡镇(街道)反映"
    field_order = ("township", "petitioner", "phone", "subject", "content")
    petitioner = forms.CharField(label="信访人姓名", max_length=100)
    subject = forms.CharField(label="信访事由", max_length=120)
    content = forms.CharField(
        label="主要诉求及事实理由", widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )


class SubmitView(PublicSubmitView):
    template_name = "petitions/public_submit.html"
    form_class = SubmitForm
    bucket = "petitions"
    title = "网上信访"

    def create(self, data):
        petition = Petition(
            township=data["township"],
            received=timezone.localdate(),
            channel=Petition.Channel.ONLINE,
            origin=Petition.Origin.DIRECT,
            petitioner=data["petitioner"],
            phone=data["phone"],
            subject=data["subject"],
            content=data["content"],
        )
        return register_petition(petition, None, reason="群众网上提交信访事项", public=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(notice_rule=rules.NOTICE_DIRECT, **kwargs)


class TrackView(PublicTrackView):
    not_found = "未找到该查询码对应的信访事项，请核对后重新输入。"
    model = Petition
    bucket = "petitions"
    title = "信访办理查询"

    def public_view(self, petition: Petition) -> dict:
        """Only what the public may see: the masked petitioner, the subject, the state and the deadlines."""
        rows = {
            "编号": petition.number,
            "受理机关": petition.township.government_name,
            "收到日期": f"{petition.received:%Y-%m-%d}",
            "信访人": masking.mask_names(petition.petitioner),
            "信访事由": petition.subject,
            "办理状态": petition.get_state_display(),
        }
        for label, due, rule, _done in petition.deadline_rows()[:2]:
            rows[f"{label}期限"] = f"{due.date:%Y-%m-%d}（{rule.describe()}）"
        if petition.outcome:
            rows["处理意见"] = petition.get_outcome_display()
        return rows
