"""Major decision figures (domain.md §3.2). A decision's year is its catalogue's."""

from django.db.models import Q

from fazhi.decisions.models import DecisionCatalogue, MajorDecision
from fazhi.indicators.registry import Scope, count, dated, rate


def _decisions(extra: Q | None = None):
    def queryset(scope: Scope):
        records = MajorDecision.objects.filter(township=scope.township).filter(extra or Q())
        return records.filter(catalogue__year=scope.year) if scope.year else records

    return queryset


count(
    "decisions.major.total",
    "重大行政决策事项",
    "项",
    MajorDecision,
    queryset=_decisions(),
    sentence="将{value}项事项列入重大行政决策事项目录",
    section="decisions",
    dashboard=True,
)
count(
    "decisions.major.adopted",
    "经集体讨论作出的重大行政决策",
    "项",
    MajorDecision,
    queryset=_decisions(Q(state__in=MajorDecision.ADOPTED_STATES)),
    sentence="经集体讨论决定作出重大行政决策{value}项",
    section="decisions",
    dashboard=True,
)
# Decisions counted in the year they were published, or evaluated after the fact.
for code, name, field, sentence in (
    ("decisions.major.published", "已公布的重大行政决策", "published_on", "向社会公布决策{value}项"),
    ("decisions.major.evaluated", "开展决策后评估", "evaluated_on", "开展决策后评估{value}项"),
):
    count(code, name, "项", MajorDecision, **dated(field), sentence=sentence, section="decisions")
rate(
    "decisions.major.adopted_rate",
    "决策事项完成率",
    "decisions.major.adopted",
    "decisions.major.total",
    section="decisions",
)
count(
    "decisions.catalogue.published",
    "公布决策事项目录",
    "份",
    DecisionCatalogue,
    filter=Q(state=DecisionCatalogue.State.PUBLISHED),
    date_field="published_on",
    sentence="公布重大行政决策事项目录{value}份",
    section="decisions",
)
