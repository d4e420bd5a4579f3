"""Petition and hotline figures (domain.md §3.4). Petitions received are counted by the day they were
received; closed ones (and the on-time rate) by the day they were closed."""

from django.db.models import F, Q

from fazhi.indicators.registry import breakdown, count, rate
from fazhi.petitions.models import HotlineTicket, Petition

S = Petition.State
P = dict(model=Petition, section="petitions")
RECEIVED = dict(date_field="received", **P)
CLOSED = dict(date_field="closed_on", **P)

# How the report names each channel ("网上投诉81件、来信5件、来访32次").
CHANNEL_WORDS = {
    "online": "网上投诉{value}件",
    "letter": "来信{value}件",
    "phone": "来电{value}件",
    "fax": "传真{value}件",
    "visit": "来访{value}次",
}

count(
    "petitions.total", "受理信访事项", "件", sentence="共登记信访事项{value}件次", dashboard=True, **RECEIVED
)
breakdown(  # codes: petitions.by_channel.online / letter / phone / fax / visit
    "petitions.by_channel", "信访事项：{label}", "件", field="channel", sentence=CHANNEL_WORDS, **RECEIVED
)
count(
    "petitions.group_visits",
    "多人走访",
    "批次",
    filter=Q(group_visit=True),
    sentence="多人走访{value}批次",
    **RECEIVED,
)
count(
    "petitions.litigation_routed",
    "涉法涉诉导入法律程序",
    "件",
    filter=Q(state=S.LEGAL),
    sentence="涉法涉诉事项导入法律程序{value}件",
    **RECEIVED,
)
count(
    "petitions.closed",
    "办结信访事项",
    "件",
    filter=Q(state=S.CLOSED),
    sentence="办结信访{value}件次",
    dashboard=True,
    **CLOSED,
)
breakdown(
    "petitions.closed_by_channel",
    "办结信访事项：{label}",
    "件",
    field="channel",
    filter=Q(state=S.CLOSED),
    sentence=CHANNEL_WORDS,
    **CLOSED,
)
count(
    "petitions.closed_on_time",
    "按期办结信访事项",
    "件",
    filter=Q(state=S.CLOSED, closed_on__lte=F("handling_due")),
    **CLOSED,
)
rate(
    "petitions.on_time_rate",
    "信访事项按期办结率",
    "petitions.closed_on_time",
    "petitions.closed",
    sentence="按期办结率{value}%",
    section="petitions",
    dashboard=True,
)
count(
    "petitions.backlog",
    "信访积案",
    "件",
    filter=Q(backlog=True),
    sentence="排查信访积案{value}件",
    **RECEIVED,
)
count(
    "petitions.backlog_resolved",
    "化解信访积案",
    "件",
    filter=Q(backlog=True, backlog_resolved_on__isnull=False),
    date_field="backlog_resolved_on",
    sentence="化解信访积案{value}件",
    section="petitions",
    dashboard=True,
    model=Petition,
)

H = dict(model=HotlineTicket, date_field="received", section="petitions")
count("hotline.total", "12345热线工单", "件", sentence="办理12345热线工单{value}件", dashboard=True, **H)
count("hotline.replied", "已回复热线工单", "件", filter=Q(state=HotlineTicket.State.REPLIED), **H)
count("hotline.rated", "参评热线工单", "件", filter=~Q(satisfaction=""), **H)
count(
    "hotline.satisfied",
    "满意的热线工单",
    "件",
    filter=Q(satisfaction__in=[HotlineTicket.Satisfaction.SATISFIED, HotlineTicket.Satisfaction.BASIC]),
    **H,
)
rate(
    "hotline.reply_rate",
    "热线工单回复率",
    "hotline.replied",
    "hotline.total",
    sentence="回复率{value}%",
    section="petitions",
)
rate(
    "hotline.satisfaction_rate",
    "热线工单满意率",
    "hotline.satisfied",
    "hotline.rated",
    sentence="满意率{value}%",
    section="petitions",
    dashboard=True,
)
