"""Legality review figures (domain.md §3.2). Rates are computed from the counts, never typed."""

from django.db.models import F, Q

from fazhi.indicators.registry import breakdown, count, rate
from fazhi.reviews.models import LegalityReview

S, C = LegalityReview.State, LegalityReview.Conclusion
CONCLUDED = Q(state=S.CONCLUDED)

count(
    "reviews.total",
    "合法性审查件数",
    "件",
    LegalityReview,
    filter=~Q(state=S.WITHDRAWN),
    date_field="requested_on",
    sentence="开展合法性审查{value}件",
    section="reviews",
    dashboard=True,
)
count(
    "reviews.concluded",
    "已出具审查意见",
    "件",
    LegalityReview,
    filter=CONCLUDED,
    date_field="concluded_on",
    sentence="出具审查意见{value}件",
    section="reviews",
)
count(
    "reviews.unlawful_or_changed",
    "提出修改或不合法意见",
    "件",
    LegalityReview,
    filter=CONCLUDED & Q(conclusion__in=[C.LAWFUL_AFTER_CHANGES, C.UNLAWFUL]),
    date_field="concluded_on",
    sentence="提出修改意见或认定不合法{value}件",
    section="reviews",
    dashboard=True,
)
count(
    "reviews.on_time",
    "按期出具意见",
    "件",
    LegalityReview,
    filter=CONCLUDED & Q(concluded_on__lte=F("due_on")),
    date_field="concluded_on",
    section="reviews",
)
rate(
    "reviews.on_time_rate",
    "合法性审查按期办结率",
    "reviews.on_time",
    "reviews.concluded",
    sentence="按期办结率{value}%",
    section="reviews",
    dashboard=True,
)
breakdown(  # codes: reviews.decision / document / contract / enforcement / other
    "reviews.by_kind",
    "{label}合法性审查",
    "件",
    LegalityReview,
    "kind",
    prefix="reviews",
    filter=~Q(state=S.WITHDRAWN),
    date_field="requested_on",
    sentence="审查{label}{value}件",
    section="reviews",
)
