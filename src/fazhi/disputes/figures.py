"""Dispute figures (domain.md §3.4). Disputes are counted by the year they were received, so the
resolution rate of a year compares like with like and never exceeds 100%."""

from django.db.models import Q

from fazhi.disputes.models import Dispute, MediationCommittee, Mediator, MediatorTraining, ScreeningRound
from fazhi.indicators.registry import breakdown, count, rate

S = Dispute.State
D = dict(model=Dispute, date_field="received", section="disputes")

count("disputes.received", "受理矛盾纠纷", "起", sentence="共受理矛盾纠纷{value}起", dashboard=True, **D)
count(
    "disputes.mediated",
    "调处矛盾纠纷",
    "起",
    filter=Q(state__in=[S.SETTLED, S.FAILED]),
    sentence="调处{value}起",
    **D,
)
count(
    "disputes.resolved",
    "成功化解矛盾纠纷",
    "起",
    filter=Q(state=S.SETTLED),
    sentence="成功化解{value}起",
    dashboard=True,
    **D,
)
rate(
    "disputes.resolution_rate",
    "矛盾纠纷化解率",
    "disputes.resolved",
    "disputes.received",
    sentence="化解率达{value}%",
    section="disputes",
    dashboard=True,
)
breakdown(  # codes: disputes.by_level.group / village / township
    "disputes.by_level",
    "在{label}级化解的矛盾纠纷",
    "起",
    field="level",
    filter=Q(state=S.SETTLED),
    sentence="在{label}级化解{value}起",
    **D,
)
count(
    "disputes.criminal_risk",
    "存在民转刑风险的纠纷",
    "起",
    filter=Q(criminal_risk=True),
    sentence="排查存在民转刑风险的纠纷{value}起",
    **D,
)
count(
    "disputes.judicial_confirmations",
    "申请司法确认的调解协议",
    "份",
    filter=Q(confirmation_applied__isnull=False),
    sentence="申请司法确认{value}件",
    **D,
)
ROUNDS = dict(model=ScreeningRound, date_field="date", section="disputes")
ACTIVE = dict(filter=Q(active=True), section="disputes")
count(
    "screening.rounds", "矛盾纠纷排查", "次", sentence="开展矛盾纠纷排查{value}次", dashboard=True, **ROUNDS
)
count("screening.zero_reports", "零上报排查", "次", filter=Q(found=0), **ROUNDS)
count(
    "mediators.total",
    "人民调解员",
    "名",
    Mediator,
    sentence="有人民调解员{value}名",
    dashboard=True,
    **ACTIVE,
)
count(
    "mediators.full_time",
    "专职人民调解员",
    "名",
    Mediator,
    filter=Q(active=True, full_time=True),
    sentence="其中专职调解员{value}名",
    section="disputes",
)
count(
    "mediators.committees",
    "人民调解委员会",
    "个",
    MediationCommittee,
    sentence="建立人民调解委员会{value}个",
    **ACTIVE,
)
count(
    "mediators.trainings",
    "调解员培训",
    "次",
    MediatorTraining,
    date_field="date",
    sentence="开展调解员培训{value}次",
    section="disputes",
)
