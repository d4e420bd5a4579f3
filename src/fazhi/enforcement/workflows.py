"""The enforcement case procedure as data: 发现 › 立案 › 调查取证 › 告知 › (法制审核) › 决定 › 送达 › 执行 › 结案.

Guards encode the three systems (三项制度) and the officers rule:
- at least two officers with valid certificates on every step taken by officers (行政处罚法 art. 42);
- no decision on a major case without a passing legal review (art. 58);
- no decision while the party may still ask for a hearing, nor before a requested hearing was held (art. 64);
- no closing without the full-process record: a document and audio/video/photo for each step (art. 47).
"""

from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.core.workflow import REFUSE, Transition, Workflow
from fazhi.enforcement import rules
from fazhi.enforcement.models import EnforcementCase

S = EnforcementCase.State
ROLES = (Role.ENFORCEMENT,)

# Steps of the full-process record (art. 47: 启动、调查取证、审核、决定、送达、执行): the state a step is
# done in, and its Chinese name — which is also what an attachment's `step` holds, so the generic
# attachment table reads well.
RECORD_STEPS = [
    (S.FILED, "立案"),
    (S.INVESTIGATING, "调查取证"),
    (S.NOTIFIED, "告知"),
    (S.REVIEWING, "法制审核"),
    (S.DECIDED, "决定"),
    (S.SERVED, "送达"),
    (S.EXECUTING, "执行"),
]
AV_KINDS = ("photo", "audio", "video")


def step_date(data):
    """The day a step is taken: today, or the `date` given (the demo replays past cases)."""
    from fazhi.core.imports import date as parse_date

    try:
        return parse_date(data.get("date")) or timezone.localdate()
    except ValueError:
        return timezone.localdate()


def two_certified_officers(case, data):
    day = step_date(data)
    certified = [o for o in case.officers.all() if o.certified_on(day)]
    if len(certified) < 2:
        return (
            f"须由两名以上持有效执法证件的执法人员实施（行政处罚法第四十二条），"
            f"本案当前持有效证件的承办人员为{len(certified)}名"
        )
    return None


def has_item(case, data):
    return None if case.item_id else "请先选择本案适用的执法事项（须在本镇执法事项清单内）"


def legal_review_passed(case, data):
    if not case.major:
        return None
    from fazhi.reviews.services import passing_review

    if passing_review(case) is None:
        return "重大执法决定未经法制审核或审核未通过，不得作出决定（行政处罚法第五十八条）"
    return None


def hearing_settled(case, data):
    """The party's hearing right: wait out the 5 working days, and hold a requested hearing first."""
    if not case.hearing_right:
        return None
    if case.notified_on is None:
        return "告知听证权利的案件须先登记告知书送达日期"
    day = step_date(data)
    if case.hearing_requested_on is None:
        window = rules.HEARING_REQUEST.due(case.notified_on)
        if day <= window.date:
            return (
                f"当事人可在告知后{rules.HEARING_REQUEST.effective_count}个工作日内申请听证（行政处罚法第六十四条），"
                f"申请期至{window.date:%Y-%m-%d}届满，期满前不得作出决定"
            )
    elif case.hearing_on is None or case.hearing_on > day:
        return "当事人已申请听证，须举行听证后方可作出决定（行政处罚法第六十四条）"
    return None


def review_needed(case, data):
    return None if case.major else "本案不属于重大执法决定，无需法制审核，可直接作出决定"


def decision_recorded(case, data):
    if not (case.decision or "").strip():
        return "请先在案件中填写处理决定内容"
    return None


def missing_record(case) -> list[str]:
    """Steps of the full-process record this case went through that lack a document or audio/video/photo."""
    return missing_records([case])[case.pk]


def missing_records(cases) -> dict[int, list[str]]:
    """`missing_record` for many cases in two queries (figures count every closed case)."""
    from fazhi.core.models import Attachment

    ids = [case.pk for case in cases]
    passed: dict[int, set[str]] = {case.pk: {case.state} for case in cases}
    for pk, state in EnforcementCase.history.filter(id__in=ids).values_list("id", "state"):
        passed[pk].add(state)
    kinds: dict[tuple[int, str], set[str]] = {}
    attachments = Attachment.objects.filter(
        content_type__app_label="enforcement", content_type__model="enforcementcase", object_id__in=ids
    ).values_list("object_id", "step", "kind")
    for pk, step, kind in attachments:
        kinds.setdefault((pk, step), set()).add(kind)
    result = {}
    for pk in ids:
        missing = []
        for code, label in RECORD_STEPS:
            if code not in passed[pk]:
                continue  # a step the case never went through (e.g. 法制审核 of a minor case) is not demanded
            have = kinds.get((pk, label), set())
            lacks = [
                what
                for what, ok in (("文字记录", "doc" in have), ("音像记录", bool(have & set(AV_KINDS))))
                if not ok
            ]
            if lacks:
                missing.append(f"{label}（缺{'、'.join(lacks)}）")
        result[pk] = missing
    return result


def full_record(case, data):
    missing = missing_record(case)
    if missing:
        return "全过程记录不完整，不得结案（行政处罚法第四十七条）：" + "；".join(missing)
    return None


def _set(field):
    def effect(case, data):
        setattr(case, field, step_date(data))

    return effect


def _file(case, data):
    case.filed_on = step_date(data)


def _number(case, data):
    from fazhi.enforcement.services import assign_number

    assign_number(case)


def _notify(case, data):
    case.notified_on = case.notified_on or step_date(data)


def _request_review(case, data):
    from fazhi.reviews.services import request_review

    request_review(
        case,
        kind="enforcement",
        title=f"重大执法决定：{case.number} {case.title}",
        user=data.get("_user"),
        requested_on=step_date(data),
        summary=case.facts,
    )


def _decide(case, data):
    case.decided_on = step_date(data)
    if case.social_impact:
        from fazhi.enforcement.services import publish_decision

        publish_decision(case, data.get("_user"), on=case.decided_on)


def _serve(case, data):
    case.served_on = step_date(data)


def _close(case, data):
    case.closed_on = step_date(data)


class CaseWorkflow(Workflow):
    """Effects that write other records (the legality review, the publicity entry) need the acting user."""

    def apply(self, record, name, user, data=None):
        return super().apply(record, name, user, {**(data or {}), "_user": user})


officers = two_certified_officers
workflow = CaseWorkflow(
    states=dict(S.choices),
    transitions=[
        Transition(
            "file", "立案", [S.DISCOVERED], S.FILED, ROLES, [has_item, officers], _file, number=_number
        ),
        Transition("investigate", "开始调查取证", [S.FILED], S.INVESTIGATING, ROLES, [officers]),
        Transition("notify", "送达告知书", [S.INVESTIGATING], S.NOTIFIED, ROLES, [officers], _notify),
        Transition(
            "review", "提交法制审核", [S.NOTIFIED], S.REVIEWING, ROLES, [review_needed], _request_review
        ),
        Transition(
            "decide",
            "作出决定",
            [S.NOTIFIED, S.REVIEWING],
            S.DECIDED,
            ROLES,
            [officers, decision_recorded, hearing_settled, legal_review_passed],
            _decide,
        ),
        Transition("serve", "送达决定书", [S.DECIDED], S.SERVED, ROLES, [officers], _serve),
        Transition("execute", "执行", [S.SERVED], S.EXECUTING, ROLES, [officers], _set("executed_on")),
        Transition(
            "close", "结案", [S.SERVED, S.EXECUTING], S.CLOSED, ROLES, [full_record], _close, style="success"
        ),
        Transition(
            "drop", "不予立案/撤销案件", [S.DISCOVERED, S.FILED, S.INVESTIGATING], S.DROPPED, ROLES, **REFUSE
        ),
    ],
)
