"""Organisation figures (domain.md §3.1)."""

from django.db.models import Q

from fazhi.indicators.registry import Scope, breakdown, count, rate, total
from fazhi.org.models import LegalAdvisor, Region, TownshipProfile


def _profile(scope: Scope):
    # The profile of the year, or the latest one before it when the year's is not entered yet.
    queryset = TownshipProfile.objects.filter(township=scope.township)
    if scope.year:
        queryset = queryset.filter(year__lte=scope.year)
    latest = queryset.order_by("-year").values_list("id", flat=True)[:1]
    return TownshipProfile.objects.filter(id__in=list(latest))


def _covered_villages(scope: Scope):
    return Region.objects.filter(
        parent=scope.township, kind__in=Region.VILLAGE_KINDS, advisors__isnull=False
    ).distinct()


for code, name, kind, sentence in (
    ("org.villages", "行政村", Region.Kind.VILLAGE, "辖{value}个行政村"),
    ("org.communities", "社区", Region.Kind.COMMUNITY, "{value}个社区"),
):
    count(
        code,
        name,
        "个",
        Region,
        township_field="parent",
        filter=Q(kind=kind),
        sentence=sentence,
        section="org",
        dashboard=True,
    )
count(
    "org.villages_all",
    "村(社区)",
    "个",
    Region,
    township_field="parent",
    filter=Q(kind__in=Region.VILLAGE_KINDS),
    sentence="共{value}个村(社区)",
    section="org",
)
total(
    "org.population",
    "户籍人口",
    "人",
    TownshipProfile,
    "population",
    queryset=_profile,
    sentence="户籍人口{value}人",
    section="org",
    dashboard=True,
)
count("org.advisors", "法律顾问", "名", LegalAdvisor, sentence="聘请法律顾问{value}名", section="org")
count(
    "org.villages_with_advisor",
    "配备法律顾问的村(社区)",
    "个",
    Region,
    queryset=_covered_villages,
    sentence="为{value}个村(社区)担任法律顾问",
    section="org",
)
# A subquery, not a join: a village with two advisors is one village.
_HAS_ADVISOR = Q(id__in=LegalAdvisor.villages.through.objects.values("region"))
breakdown(
    "org.villages_with_advisor.by_kind",
    "配备法律顾问的{label}",
    "个",
    Region,
    "kind",
    township_field="parent",
    choices=[(k, Region.Kind(k).label) for k in Region.VILLAGE_KINDS],
    filter=_HAS_ADVISOR,
    sentence="{label}{value}个",
    section="org",
)
rate(
    "org.advisor_coverage",
    "法律顾问覆盖率",
    "org.villages_with_advisor",
    "org.villages_all",
    sentence="村(社区)法律顾问覆盖率达{value}%",
    section="org",
    dashboard=True,
)
for _code, _name, _unit, _field, _sentence in (
    ("org.enterprises", "企业", "家", "enterprises", "有企业{value}家"),
    ("org.party_members", "党员", "名", "party_members", "党员{value}名"),
    ("org.staff_quota", "镇机关编制", "名", "staff_quota", "镇机关核定编制{value}名"),
    ("org.staff_actual", "镇机关实有人数", "人", "staff_actual", "实有干部职工{value}人"),
):
    total(_code, _name, _unit, TownshipProfile, _field, queryset=_profile, sentence=_sentence, section="org")
