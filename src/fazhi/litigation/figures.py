"""Reconsideration, litigation and stability-risk figures (domain.md §3.4)."""

from django.db.models import Q

from fazhi.indicators.registry import count, rate
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea, RiskAssessment, RiskReview

C = dict(model=LitigationCase, date_field="copy_received", section="litigation")
K = LitigationCase.Kind
HEARD = Q(pk__in=Hearing.objects.values("case"))
HEAD_APPEARED = Q(pk__in=Hearing.objects.filter(head_appeared=True).values("case"))

count(
    "litigation.cases",
    "行政复议和行政诉讼案件",
    "件",
    sentence="发生行政复议和行政诉讼案件{value}件",
    dashboard=True,
    **C,
)
count(
    "litigation.reconsiderations",
    "行政复议案件",
    "件",
    filter=Q(kind=K.RECONSIDERATION),
    sentence="其中行政复议{value}件",
    **C,
)
count(
    "litigation.lawsuits",
    "行政诉讼案件",
    "件",
    filter=Q(kind=K.LITIGATION),
    sentence="行政诉讼{value}件",
    **C,
)
count("litigation.heard", "已开庭/听证的案件", "件", filter=HEARD, **C)
count(
    "litigation.head_appeared",
    "负责人出庭应诉的案件",
    "件",
    filter=HEAD_APPEARED,
    sentence="负责人出庭应诉{value}件",
    **C,
)
count(
    "litigation.head_appearances",
    "负责人出庭应诉",
    "次",
    Hearing,
    township_field="case__township",
    date_field="date",
    filter=Q(head_appeared=True),
    sentence="负责人出庭应诉{value}次",
    section="litigation",
)
rate(
    "litigation.head_appearance_rate",
    "行政机关负责人出庭应诉率",
    "litigation.head_appeared",
    "litigation.heard",
    sentence="行政机关负责人出庭应诉率达{value}%",
    section="litigation",
    dashboard=True,
)
DECIDED = dict(model=LitigationCase, date_field="decided_on", section="litigation")
count(
    "litigation.lost",
    "败诉案件",
    "件",
    filter=Q(lost=True),
    sentence="败诉{value}件",
    dashboard=True,
    **DECIDED,
)
count(
    "litigation.decided",
    "已作出决定/判决的案件",
    "件",
    filter=Q(decided_on__isnull=False),
    sentence="审结{value}件",
    **DECIDED,
)
rate(
    "litigation.lost_rate",
    "败诉率",
    "litigation.lost",
    "litigation.decided",
    sentence="败诉率{value}%",
    section="litigation",
)
count(
    "litigation.executed", "败诉后已履行的案件", "件", filter=Q(lost=True, judgment_executed=True), **DECIDED
)
count(
    "risk.assessments",
    "社会稳定风险评估",
    "项",
    RiskAssessment,
    date_field="assessed_on",
    sentence="开展社会稳定风险评估{value}项",
    section="litigation",
    dashboard=True,
)
count(
    "risk.areas",
    "风险隐患排查领域",
    "个",
    RiskArea,
    filter=Q(active=True),
    sentence="梳理风险隐患排查领域{value}个",
    section="litigation",
    dashboard=True,
)
count(
    "risk.reviews",
    "风险定期研判",
    "次",
    RiskReview,
    date_field="date",
    sentence="开展风险研判{value}次",
    section="litigation",
)
