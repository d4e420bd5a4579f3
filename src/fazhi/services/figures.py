"""Figures of legal services, disclosure and accountability (codes from issue #6). Rates are computed."""

from django.db.models import F, Q

from fazhi.indicators.registry import Scope, breakdown, count, distinct, rate, total
from fazhi.services.models import (
    AdvisorWork,
    DisclosureItem,
    DisclosureRequest,
    DutyRecord,
    LawReport,
    LegalAidConsultation,
    Measure,
    ServiceItem,
    ServicePoint,
    VillageRule,
)

svc = {"section": "services"}
acc = {"section": "accountability"}
P = ServicePoint.Kind

total(
    "advisors.services",
    "法律顾问提供法律服务",
    "件次",
    AdvisorWork,
    "quantity",
    date_field="date",
    sentence="法律顾问提供各类法律服务{value}件次",
    dashboard=True,
    **svc,
)
breakdown(
    "advisors.by_kind",
    "法律顾问{label}",
    "件次",
    AdvisorWork,
    "kind",
    sum_field="quantity",
    date_field="date",
    sentence="{label}{value}件次",
    **svc,
)
count("village_rules.total", "村规民约", "件", VillageRule, sentence="修订完善村规民约{value}件", **svc)
count(
    "village_rules.filed",
    "已备案村规民约",
    "件",
    VillageRule,
    filter=~Q(state=VillageRule.State.ADOPTED),
    sentence="报镇备案村规民约{value}件",
    **svc,
)

count(
    "legal_aid.consultations",
    "法律援助咨询",
    "件",
    LegalAidConsultation,
    date_field="date",
    sentence="解答群众法律援助咨询{value}件",
    dashboard=True,
    **svc,
)
count(
    "legal_aid.referred",
    "转法律援助机构受理",
    "件",
    LegalAidConsultation,
    date_field="date",
    filter=Q(referred=True),
    sentence="转法律援助机构受理{value}件",
    **svc,
)
distinct(
    "legal_aid.people",
    "法律援助咨询人数",
    "人",
    LegalAidConsultation,
    "applicant",
    date_field="date",
    sentence="涉及群众{value}人",
    **svc,
)
LEGAL_POINTS, SERVICE_ROOMS = (
    Q(kind__in=[P.LEGAL_STATION, P.LEGAL_ROOM]),
    Q(kind__in=[P.SERVICE_CENTRE, P.SERVICE_ROOM]),
)
for code, name, unit, where, sentence in (
    (
        "services.legal_points",
        "公共法律服务站(室)",
        "个",
        LEGAL_POINTS,
        "建成公共法律服务工作站(室){value}个",
    ),
    ("services.service_rooms", "便民服务中心(室)", "个", SERVICE_ROOMS, "建成便民服务中心(室){value}个"),
    (
        "services.governance_centres",
        "一体化社会治理中心阵地",
        "处",
        Q(kind=P.GOVERNANCE),
        "建成一体化社会治理中心阵地{value}处",
    ),
    (
        "services.fengqiao_offices",
        "“枫桥式”司法所",
        "处",
        Q(kind=P.JUDICIAL_OFFICE, demonstration__contains="枫桥"),
        "建成“枫桥式”司法所{value}处",
    ),
):
    count(code, name, unit, ServicePoint, filter=where, sentence=sentence, **svc)
# The venues and the legal service points by kind: (code, unit, kinds, sentence).
for code, unit, kinds, sentence in (
    ("services.law_venues.by_kind", "处", (P.LAW_SQUARE, P.LAW_PARK), "打造{label}{value}处"),
    ("services.legal_points.by_kind", "个", (P.LEGAL_STATION, P.LEGAL_ROOM), "{label}{value}个"),
):
    choices = [c for c in P.choices if c[0] in kinds]
    breakdown(code, "{label}", unit, ServicePoint, "kind", choices=choices, sentence=sentence, **svc)
count(
    "services.demonstration_points",
    "示范便民服务中心(室)",
    "个",
    ServicePoint,
    filter=SERVICE_ROOMS & ~Q(demonstration=""),
    sentence="成功创建示范便民服务中心(室){value}个",
    **svc,
)
breakdown(
    "services.demonstration_points.by_kind",
    "示范便民服务室（{label}）",
    "个",
    ServicePoint,
    "village__kind",
    choices=[("community", "社区"), ("village", "村")],
    filter=Q(kind=P.SERVICE_ROOM) & ~Q(demonstration=""),
    sentence="{label}{value}个",
    **svc,
)
total(
    "services.proxy_staff",
    "帮代办队伍人数",
    "人",
    ServicePoint,
    "proxy_team",
    sentence="帮代办队伍{value}人",
    **svc,
)
count(
    "services.items",
    "便民服务事项",
    "项",
    ServiceItem,
    filter=Q(active=True),
    sentence="进驻镇便民服务中心受理的各类事项共计{value}个",
    dashboard=True,
    **svc,
)
count(
    "services.online_items",
    "网上可办事项",
    "项",
    ServiceItem,
    filter=Q(active=True, online=True),
    sentence="其中{value}项实现网上办理",
    **svc,
)
rate(
    "services.online_rate",
    "便民服务事项网上可办率",
    "services.online_items",
    "services.items",
    sentence="网上可办率{value}%",
    **svc,
)

ITEMS = dict(model=DisclosureItem, date_field="published_on", **svc)
REQUESTS = dict(model=DisclosureRequest, date_field="received_on", **svc)
count("disclosure.items", "主动公开信息", "条", sentence="主动公开信息{value}条", dashboard=True, **ITEMS)
count(
    "disclosure.township_items",
    "乡镇重点领域公开信息",
    "条",
    filter=Q(category__in=DisclosureItem.TOWNSHIP_CATEGORIES),
    sentence="其中重点领域信息{value}条",
    **ITEMS,
)
count("disclosure.requests", "依申请公开", "件", sentence="受理依申请公开{value}件", **REQUESTS)
REPLIED = Q(state=DisclosureRequest.State.REPLIED)
count(
    "disclosure.requests_replied",
    "依申请公开已答复",
    "件",
    filter=REPLIED,
    sentence="已答复{value}件",
    **REQUESTS,
)
count(
    "disclosure.requests_on_time",
    "依申请公开按期答复",
    "件",
    filter=REPLIED & Q(replied_on__lte=F("due_on")),
    **REQUESTS,
)
rate(
    "disclosure.requests_on_time_rate",
    "依申请公开按期答复率",
    "disclosure.requests_on_time",
    "disclosure.requests_replied",
    sentence="按期答复率{value}%",
    dashboard=True,
    **svc,
)

count(
    "duties.records",
    "第一责任人履职记录",
    "次",
    DutyRecord,
    date_field="date",
    sentence="党政主要负责人亲自部署、亲自过问、亲自协调、亲自督办法治建设重要工作{value}次",
    dashboard=True,
    **acc,
)
count(
    "duties.meetings",
    "主持法治建设专题会议",
    "次",
    DutyRecord,
    date_field="date",
    filter=Q(kind=DutyRecord.Kind.MEETING),
    sentence="主持召开法治建设专题会议{value}次",
    **acc,
)


def _law_reports(scope: Scope):
    # A 述法 belongs to the year it reports on (held the following January), not to the day it was held.
    queryset = LawReport.objects.filter(township=scope.township)
    return queryset.filter(year=scope.year) if scope.year else queryset


count(
    "duties.law_reports",
    "述法",
    "人次",
    LawReport,
    queryset=_law_reports,
    sentence="领导干部年终述法{value}人次",
    **acc,
)
count("measures.total", "其他举措", "项", Measure, date_field="date", **acc)
