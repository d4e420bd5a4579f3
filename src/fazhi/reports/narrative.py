"""Narrative from records: where a ledger holds named acts, the report names them (which law firm,
which decisions through which procedures, which documents were cleaned up, which training, which
joint operation, who reported on the law). Each function takes a Scope and returns one sentence, or
"" when the ledger holds nothing for the year. Counts stay in the registry; these sentences carry
names, never a number of records (so no figure is stated twice)."""

from fazhi.indicators.registry import Scope

MAX_NAMES = 4


def listing(names, quote: bool = False, limit: int = MAX_NAMES) -> str:
    """ "甲、乙、丙等" — at most `limit` names, de-duplicated, in order."""
    names = [n.strip() for n in dict.fromkeys(names) if n and n.strip()]
    if not names:
        return ""
    shown = [f"《{n.strip('《》')}》" if quote else n for n in names[:limit]]
    return ("" if quote else "、").join(shown)


def _year(queryset, field: str, scope: Scope):
    return queryset.filter(**{f"{field}__year": scope.year}) if scope.year else queryset


def leading_group(scope: Scope) -> str:
    from fazhi.org.models import LeadingGroup, LeadingGroupMember

    group = LeadingGroup.objects.filter(township=scope.township, year__lte=scope.year or 9999).first()
    if group is None:
        return ""
    members = LeadingGroupMember.objects.filter(group=group).select_related("person")
    heads = [
        f"{m.person.position or m.person.name}任{m.get_duty_display()}"
        for m in members
        if m.duty in (LeadingGroupMember.Duty.LEADER, LeadingGroupMember.Duty.EXECUTIVE)
    ]
    if not heads:
        return ""
    document = f"（{group.document_no}）" if group.document_no else ""
    return f"调整充实由{'、'.join(heads)}的法治政府建设领导小组{document}，办公室设在司法所，负责日常工作。"


def advisor_firms(scope: Scope) -> str:
    from fazhi.org.models import LegalAdvisor

    firms = LegalAdvisor.objects.filter(township=scope.township).values_list("firm", flat=True)
    names = listing(firms)
    return (
        f"聘请{names}的律师和法律工作者担任镇政府和村(社区)法律顾问，签订法律顾问合同，明确工作职责。"
        if names
        else ""
    )


def major_decisions(scope: Scope) -> str:
    from fazhi.decisions.models import DecisionStep, MajorDecision
    from fazhi.decisions.procedures import PROCEDURES

    decisions = MajorDecision.objects.filter(township=scope.township, catalogue__year=scope.year)
    decisions = list(decisions.filter(state__in=MajorDecision.ADOPTED_STATES).order_by("id")[:MAX_NAMES])
    if not decisions:
        return ""
    done = set(
        DecisionStep.objects.filter(decision__in=decisions, status=DecisionStep.Status.DONE).values_list(
            "procedure", flat=True
        )
    )
    procedures = [p.label for p in PROCEDURES if not p.skippable or p.code in done]
    titles = listing([d.title for d in decisions], quote=True)
    return f"{titles}等重大行政决策事项，依次履行{'、'.join(procedures)}等程序后作出决定。"


def cleaned_documents(scope: Scope) -> str:
    from fazhi.documents.models import CleanupCampaign, CleanupItem

    items = CleanupItem.objects.filter(
        campaign__township=scope.township,
        campaign__state__in=CleanupCampaign.DONE,
        outcome__in=[CleanupItem.Outcome.REPEAL, CleanupItem.Outcome.EXPIRE],
    ).select_related("document")
    items = _year(items, "campaign__concluded_on", scope)
    names = listing([i.document.title for i in items[:MAX_NAMES]], quote=True)
    return f"经清理，{names}等文件予以废止或宣布失效，清理结果及时向社会公布。" if names else ""


def joint_operations(scope: Scope) -> str:
    from fazhi.enforcement.models import JointOperation

    operations = _year(JointOperation.objects.filter(township=scope.township), "date", scope)
    titles = listing(operations.order_by("date").values_list("title", flat=True), quote=False, limit=3)
    units = listing(
        [
            u
            for row in operations.values_list("units", flat=True)
            for u in row.replace("，", "、").split("、")
        ],
        limit=5,
    )
    if not titles:
        return ""
    return (
        f"联合{units}等力量，先后开展{titles}等联合执法行动。"
        if units
        else f"先后开展{titles}等联合执法行动。"
    )


def _study_sessions(scope: Scope, kind: str):
    """The year's study sessions of one kind (a StudySession.Kind member's name)."""
    from fazhi.education.models import StudySession

    sessions = StudySession.objects.filter(township=scope.township, kind=getattr(StudySession.Kind, kind))
    return _year(sessions, "date", scope)


def trainings(scope: Scope) -> str:
    sessions = _study_sessions(scope, "TRAINING")
    topics = listing(sessions.order_by("date").values_list("topic", flat=True), limit=3)
    return f"围绕{topics}举办专题法治培训，提升干部依法行政能力。" if topics else ""


def central_group_topics(scope: Scope) -> str:
    sessions = _study_sessions(scope, "CENTRAL_GROUP")
    topics = listing(sessions.order_by("date").values_list("topic", flat=True), limit=3)
    return f"党委理论学习中心组围绕{topics}等专题开展学习研讨。" if topics else ""


def pre_meeting_laws(scope: Scope) -> str:
    sessions = _study_sessions(scope, "PRE_MEETING")
    laws = [line for text in sessions.values_list("laws", flat=True) for line in text.splitlines()]
    names = listing(laws, quote=True, limit=5)
    return f"先后组织学习{names}等法律法规，以学促用。" if names else ""


def duty_meetings(scope: Scope) -> str:
    from fazhi.services.models import DutyRecord

    records = _year(DutyRecord.objects.filter(township=scope.township), "date", scope).order_by("date")
    labels = {label for _, label in DutyRecord.Kind.choices}
    subjects = listing([s for s in records.values_list("subject", flat=True) if s not in labels], limit=4)
    return f"先后{subjects}。" if subjects else ""


def law_reporters(scope: Scope) -> str:
    from fazhi.services.models import LawReport

    reports = LawReport.objects.filter(township=scope.township, year=scope.year).select_related("person")
    who = listing([r.person.position or r.person.name for r in reports], limit=4)
    return f"{who}等在年终述职中专题述法，报告学法守法、依法决策和推进法治建设情况。" if who else ""


def court_appearances(scope: Scope) -> str:
    from fazhi.litigation.models import Hearing

    hearings = _year(
        Hearing.objects.filter(case__township=scope.township, head_appeared=True), "date", scope
    ).select_related("appeared")
    who = listing(
        [h.appeared_title or (h.appeared.position if h.appeared else "") for h in hearings], limit=2
    )
    return f"{who}带头出庭应诉，当庭发表意见，做到出庭、出声、出效果。" if who else ""


def measures(section_words: tuple[str, ...]):
    """Other measures the township registered for an area (打造宪法宣传教育广场1处)."""

    def sentence(scope: Scope) -> str:
        from fazhi.services.models import Measure

        rows = _year(Measure.objects.filter(township=scope.township), "date", scope).order_by("date")
        said = []
        for row in rows:
            if any(word in row.section for word in section_words):
                quantity = f"{row.quantity.normalize():f}{row.unit}" if row.quantity is not None else ""
                said.append(row.text + quantity)
        return f"{'，'.join(said)}。" if said else ""

    return sentence
