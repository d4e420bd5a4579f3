"""The 普法 ledgers (活动, 学法, 考试, 法律明白人, 积分, 示范村), each declared once."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView
from fazhi.education import calendar, targets
from fazhi.education import models as m
from fazhi.indicators.registry import percent

# 谁执法谁普法: every office that enforces or serves may record its own outreach; village cadres theirs.
OUTREACH_ROLES = (Role.OFFICE, Role.ENFORCEMENT, Role.PETITION, Role.MEDIATOR, Role.ADVISOR, Role.VILLAGE)
STUDY_ROLES = (Role.OFFICE,)
VILLAGE_ROLES = (Role.OFFICE, Role.VILLAGE)
VILLAGE = {"村(社区)": ("village",)}  # the record page shows it first; forms place it themselves


def require_village(record):
    if record.village_id is None:
        raise ValidationError("请选择所在村(社区)。")


def _village_required(view, record, form):
    require_village(record)
    record.clean()


VILLAGE_REQUIRED = {"form": {"before_save": _village_required}}


def year_asked(request) -> int:
    """The year of `?year=`, else this year."""
    return int(y) if (y := request.GET.get("year", "")).isdigit() else timezone.localdate().year


# Outreach activities -------------------------------------------------------------------------------


def suggestion_map(year: int) -> dict:
    """{"YYYY-MM-DD": [themed day, theme]} for the days near a themed day, read by the form's script."""
    days = {}
    for y in (year - 1, year, year + 1):
        day = dt.date(y, 1, 1)
        while day.year == y:
            if (found := calendar.suggest(day)) != ("", ""):
                days[day.isoformat()] = list(found)
            day += dt.timedelta(days=1)
    return days


def _activity_initial(view):
    """Prefill from the calendar link (?date=) and suggest the themed day of the date."""
    initial = LedgerFormView.get_initial(view)
    if view.object is not None:
        return initial
    try:
        date = dt.date.fromisoformat(view.request.GET.get("date", ""))
    except ValueError:
        date = timezone.localdate()
    themed_day, theme = calendar.suggest(date)
    initial.update(date=date, themed_day=themed_day)
    if theme:
        initial["theme"] = theme
    if view.cadre_villages() is not None:
        initial["venue"] = m.OutreachActivity.Venue.VILLAGE
    return initial


def _activity_form_context(view, **kwargs):
    context = LedgerFormView.get_context_data(view, **kwargs)
    context["suggestions"] = suggestion_map(timezone.localdate().year)
    return context


def _activity_actions(view):
    actions = [("普法主题日历", "/education/calendar/")]
    if view.can_add():
        actions.insert(0, ("快速登记（手机）", "/education/outreachactivity/quick/"))
    return actions


ACTIVITY = LedgerSpec(
    m.OutreachActivity,
    write_roles=OUTREACH_ROLES,
    columns=[
        *("title", "date", "theme", "themed_day", "venue", "department.name", "village.name"),
        *("materials", "banners", "people_reached"),
    ],
    groups={
        "活动": (
            *("date", "title", "theme", "themed_day", "form", "campaign", "venue", "department", "village"),
            *("location", "materials", "banners", "led_screens", "broadcasts", "questions"),
            *("people_reached", "summary"),
        )
    },
    search=("title", "location", "summary"),
    filters=("theme", "themed_day", "venue", "form", "department", "village"),
    year_field="date",
    select_related=("department", "village"),
    ordering=("-date", "-id"),
    related_template="education/_photos.html",
    duplicates=("date", "title", "village"),  # the same activity entered twice
    extra={
        "list": {"extra_actions": property(_activity_actions)},
        "form": {
            "template_name": "education/activity_form.html",
            "get_initial": _activity_initial,
            "get_context_data": _activity_form_context,
        },
    },
)

# Study sessions and exams ---------------------------------------------------------------------------


def _study_progress(view, **kwargs):
    context = LedgerListView.get_context_data(view, **kwargs)
    year = year_asked(view.request)
    counts = dict(
        view.scoped().filter(date__year=year).order_by().values_list("kind").annotate(n=Count("id"))
    )
    context["year"] = year
    context["progress"] = [
        {
            "label": label,
            "done": counts.get(kind, 0),
            "target": targets.target(kind, year),
            "source": targets.describe(kind, year),
        }
        for kind, label in m.StudySession.Kind.choices
    ]
    return context


STUDY_FIELDS = ("date", "kind", "topic", "laws", "lecturer", "participants")
STUDY = LedgerSpec(
    m.StudySession,
    write_roles=STUDY_ROLES,
    columns=["topic", "date", "kind", "laws", "lecturer", "participants"],
    groups={**VILLAGE, "学法": STUDY_FIELDS},
    form=("学法",),
    search=("topic", "laws", "lecturer"),
    filters=("kind",),
    year_field="date",
    ordering=("-date", "-id"),
    listed_relations=(("参加的领导干部", "attendees"),),
    # The attendees are a many-to-many, which the record page lists by name (listed_relations).
    extra={
        "list": {"template_name": "education/study_list.html", "get_context_data": _study_progress},
        "form": {"fields": (*STUDY_FIELDS, "attendees")},
    },
)


def _rate(num_attr, den_attr):
    return lambda e: (
        f"{r}%" if (r := percent(getattr(e, num_attr), getattr(e, den_attr))) is not None else "—"
    )


def _exam_rows(view):
    return [
        *LedgerDetailView.get_fields(view),
        ("参考率（自动计算）", _rate("participants", "expected")(view.object)),
        ("合格率（自动计算）", _rate("passed", "participants")(view.object)),
    ]


def _exam_checked(view, record, form):
    if reasons := record.problems():
        raise ValidationError(reasons)
    record.clean()


EXAM = LedgerSpec(
    m.Exam,
    write_roles=STUDY_ROLES,
    columns=[
        *("title", "date", "expected", "participants", "passed"),
        Column("参考率", _rate("participants", "expected")),
        Column("合格率", _rate("passed", "participants")),
    ],
    groups={**VILLAGE, "考试": ("date", "title", "expected", "participants", "passed")},
    form=("考试",),
    search=("title",),
    year_field="date",
    ordering=("-date", "-id"),
    related_template="education/_exam_results.html",
    detail_context=lambda exam: {"results": exam.results.select_related("person")},
    extra={"detail": {"get_fields": _exam_rows}, "form": {"before_save": _exam_checked}},
)

# 法律明白人, points, model villages -------------------------------------------------------------------

LIAISON = LedgerSpec(
    m.LegalLiaison,
    write_roles=VILLAGE_ROLES,
    columns=[
        field_column(m.LegalLiaison, "name", mask=masking.mask_name),  # sortable, as it always was
        *("village.name", "group", "phone", "appointed_on", "trained", "active"),
    ],
    groups={**VILLAGE, "姓名": ("name",), "聘任": ("group", "phone", "appointed_on", "trained", "active")},
    form=("姓名", "村(社区)", "聘任"),
    masks={"name": masking.mask_name, "phone": masking.mask_phone},
    search=("name",),
    filters=("village", "group", "active", "trained"),
    select_related=("village",),
    ordering=("village__name", "name"),
    extra={
        "list": {"extra_actions": [("各村配备情况", "/education/legalliaison/coverage/")]},
        **VILLAGE_REQUIRED,
    },
)

POINTS = LedgerSpec(
    m.PointsEntry,
    write_roles=VILLAGE_ROLES,
    columns=[
        field_column(m.PointsEntry, "resident", mask=masking.mask_name),  # sortable, as it always was
        *("date", "village.name", "reason", "points"),
    ],
    groups={**VILLAGE, "日期": ("date",), "积分": ("resident", "reason", "points")},
    form=("日期", "村(社区)", "积分"),
    masks={"resident": masking.mask_name},
    search=("resident", "reason"),
    filters=("village",),
    year_field="date",
    select_related=("village",),
    ordering=("-date", "-id"),
    extra=VILLAGE_REQUIRED,
)

MODEL_VILLAGE = LedgerSpec(
    m.ModelVillage,
    write_roles=STUDY_ROLES,
    columns=["village.name", "title", "level", "year"],
    groups={**VILLAGE, "命名": ("level", "year"), "称号": ("title",)},
    form=("村(社区)", "称号", "命名"),
    filters=("level", "village"),
    select_related=("village",),
    ordering=("-year", "village__name"),
    extra=VILLAGE_REQUIRED,
)
SPECS = (ACTIVITY, STUDY, EXAM, LIAISON, POINTS, MODEL_VILLAGE)
