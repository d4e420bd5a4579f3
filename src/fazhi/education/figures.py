"""Legal-education figures (domain.md §4; codes from issue #6). Rates are computed from other figures."""

from django.db.models import Count, Q

from fazhi.education import models as m
from fazhi.education.targets import target
from fazhi.indicators.registry import REGISTRY, Scope, breakdown, count, distinct, rate, total
from fazhi.org.models import Region

A = m.OutreachActivity
S = m.StudySession.Kind
common = {"section": "education"}

count(
    "education.activities.total",
    "普法宣传活动",
    "场次",
    A,
    date_field="date",
    sentence="开展各类法治宣传活动{value}场次",
    dashboard=True,
    **common,
)
total(
    "education.materials",
    "发放宣传资料",
    "份",
    A,
    "materials",
    date_field="date",
    sentence="发放宣传资料{value}份",
    dashboard=True,
    **common,
)
total(
    "education.banners",
    "悬挂横幅",
    "条",
    A,
    "banners",
    date_field="date",
    sentence="悬挂横幅{value}条",
    **common,
)
total(
    "education.led_screens",
    "LED屏滚动播放",
    "条",
    A,
    "led_screens",
    date_field="date",
    sentence="{value}条LED滚动屏循环播放",
    **common,
)
total(
    "education.broadcasts",
    "广播播放",
    "次",
    A,
    "broadcasts",
    date_field="date",
    sentence="“村村响”播放{value}次",
    **common,
)
total(
    "education.consultations",
    "普法活动解答法律咨询",
    "人次",
    A,
    "questions",
    date_field="date",
    sentence="解答群众法律咨询{value}人次",
    **common,
)
total(
    "education.people_reached",
    "受教育群众",
    "人",
    A,
    "people_reached",
    date_field="date",
    sentence="受教育干部群众{value}人",
    dashboard=True,
    **common,
)
breakdown(
    "education.by_venue",
    "普法宣传活动（{label}）",
    "场次",
    A,
    "venue",
    date_field="date",
    sentence={
        v: "开展网络普法活动{value}场次" if v == A.Venue.ONLINE else "开展“法律{label}”活动{value}场次"
        for v in A.Venue
    },
    **common,
)
count(
    "education.themed_day_activities",
    "主题日普法活动",
    "场次",
    A,
    date_field="date",
    filter=~Q(themed_day=""),
    sentence="利用时间节点开展法治宣传{value}次",
    **common,
)
breakdown(
    "education.materials.by_venue",
    "发放宣传资料（{label}）",
    "份",
    A,
    "venue",
    sum_field="materials",
    date_field="date",
    sentence="{label}{value}份",
    **common,
)
# Named series of activities, each stated in its own words ("开展《民法典》专题讲座6场次").
breakdown(
    "education.by_campaign",
    "{label}",
    "场次",
    A,
    "campaign",
    date_field="date",
    choices=[c for c in A.Campaign.choices if c[0]],
    sentence={
        A.Campaign.CIVIL_CODE_LECTURE: "开展{label}{value}场次",
        A.Campaign.MONTHLY: "扎实开展{label}{value}次",
        A.Campaign.DRIVERS: "组织开展{label}{value}场次",
        A.Campaign.SIX_INTO: "开展{label}{value}场次",
        A.Campaign.SCHOOL_TERM: "上好学生{label}{value}场次",
    },
    **common,
)
# What one theme's activities reached ("民法典…累计发放宣传资料8000余份，受教育群众5500余人").
for _total, _field, _sentence in (
    ("education.materials", "materials", "{label}主题宣传发放资料{value}份"),
    ("education.people_reached", "people_reached", "受教育群众{value}人"),
):
    breakdown(
        f"{_total}.by_theme",
        "{label}主题" + REGISTRY[_total].name,
        REGISTRY[_total].unit,
        A,
        "theme",
        sum_field=_field,
        date_field="date",
        sentence=_sentence,
        **common,
    )

count(
    "study.sessions",
    "学法活动",
    "次",
    m.StudySession,
    date_field="date",
    sentence="开展学法活动{value}次",
    dashboard=True,
    **common,
)
distinct(
    "study.attendees",
    "参学领导干部",
    "人",
    m.StudySession,
    "attendees",
    date_field="date",
    sentence="参学领导干部{value}人",
    **common,
)
count(
    "study.pre_meeting_sessions",
    "会前学法",
    "次",
    m.StudySession,
    date_field="date",
    filter=Q(kind=S.PRE_MEETING),
    sentence="开展会前学法{value}次",
    dashboard=True,
    **common,
)
for code, name, kind, sentence in (
    (
        "study.central_group_sessions",
        "党委理论学习中心组学法",
        S.CENTRAL_GROUP,
        "党委理论学习中心组专题学法{value}次",
    ),
    ("study.trainings", "专题法治培训", S.TRAINING, "举办专题法治培训{value}期"),
):
    count(
        code, name, "次", m.StudySession, date_field="date", filter=Q(kind=kind), sentence=sentence, **common
    )

EXAMS = dict(model=m.Exam, date_field="date", **common)
count("exams.count", "法治理论考试", "场", sentence="组织干部法治理论考试{value}场", **EXAMS)
total("exams.expected", "应考人数", "人", sum_field="expected", **EXAMS)
total("exams.participants", "参考人数", "人", sum_field="participants", sentence="参考{value}人", **EXAMS)
total("exams.passed", "考试合格人数", "人", sum_field="passed", **EXAMS)
for code, name, numerator, denominator, sentence in (
    (
        "exams.participation_rate",
        "法治理论考试参考率",
        "exams.participants",
        "exams.expected",
        "参考率达{value}%",
    ),
    ("exams.pass_rate", "法治理论考试合格率", "exams.passed", "exams.participants", "合格率达{value}%"),
):
    rate(code, name, numerator, denominator, sentence=sentence, dashboard=True, **common)


def _active_liaisons(scope: Scope):
    queryset = m.LegalLiaison.objects.filter(township=scope.township, active=True)
    if scope.year:
        queryset = queryset.filter(appointed_on__year__lte=scope.year)
    if scope.village is not None:
        queryset = queryset.filter(village=scope.village)
    return queryset


def _villages_meeting_target(scope: Scope):
    """Administrative villages with at least the target number of active 法律明白人 (target from settings)."""
    full = (
        _active_liaisons(Scope(scope.township, scope.year))
        .order_by()
        .values("village")
        .annotate(n=Count("id"))
        .filter(n__gte=target("liaisons_per_village", scope.year))
        .values("village")
    )
    villages = Region.objects.filter(parent=scope.township, kind=Region.Kind.VILLAGE, id__in=full)
    return villages.filter(pk=scope.village.pk) if scope.village is not None else villages


count(
    "liaisons.total",
    "法律明白人",
    "名",
    m.LegalLiaison,
    queryset=_active_liaisons,
    sentence="培养“法律明白人”{value}名",
    dashboard=True,
    **common,
)
count(
    "liaisons.villages_meeting_target",
    "法律明白人达标的行政村",
    "个",
    Region,
    queryset=_villages_meeting_target,
    sentence="{value}个行政村“法律明白人”达到配备标准",
    setting="FAZHI_EDUCATION_TARGETS",
    **common,
)
rate(
    "liaisons.target_rate",
    "行政村法律明白人达标率",
    "liaisons.villages_meeting_target",
    "org.villages",
    sentence="行政村“法律明白人”达标率{value}%",
    **common,
)
total("education.points", "普法积分", "分", m.PointsEntry, "points", date_field="date", **common)
count(
    "education.model_villages",
    "民主法治示范村(社区)",
    "个",
    m.ModelVillage,
    sentence="创建民主法治示范村(社区){value}个",
    **common,
)
