import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core import masking
from fazhi.core.models import Attachment
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import (
    AttachmentUploadView,
    LedgerDetailView,
    LedgerFormView,
    LedgerListView,
    TownshipMixin,
    attach,
)
from fazhi.education import calendar, targets
from fazhi.education.models import (
    Exam,
    LegalLiaison,
    ModelVillage,
    OutreachActivity,
    PointsEntry,
    StudySession,
)
from fazhi.indicators.registry import percent
from fazhi.org.models import Region

# 谁执法谁普法: every office that enforces or serves may record its own outreach; village cadres theirs.
OUTREACH_ROLES = (Role.OFFICE, Role.ENFORCEMENT, Role.PETITION, Role.MEDIATOR, Role.ADVISOR, Role.VILLAGE)
STUDY_ROLES = (Role.OFFICE,)
VILLAGE_ROLES = (Role.OFFICE, Role.VILLAGE)


class VillageFormMixin:
    """A village cadre picks only their own village: done by core.views.LedgerFormView for every
    ledger (kept as a name)."""


def require_village(record):
    if record.village_id is None:
        raise ValidationError("请选择所在村(社区)。")


# Outreach activities -------------------------------------------------------------------------------

A = OutreachActivity
OUTREACH_FIELDS = (
    "date",
    "title",
    "theme",
    "themed_day",
    "form",
    "campaign",
    "venue",
    "department",
    "village",
    "location",
    "materials",
    "banners",
    "led_screens",
    "broadcasts",
    "questions",
    "people_reached",
    "summary",
)


class ActivityList(LedgerListView):
    model = A
    write_roles = OUTREACH_ROLES
    columns = [
        field_column(A, "title"),
        field_column(A, "date"),
        field_column(A, "theme"),
        field_column(A, "themed_day"),
        field_column(A, "venue"),
        field_column(A, "department.name", label="主办部门"),
        field_column(A, "village.name", label="村(社区)"),
        field_column(A, "materials"),
        field_column(A, "banners"),
        field_column(A, "people_reached"),
    ]
    search_fields = ("title", "location", "summary")
    filter_fields = ("theme", "themed_day", "venue", "form", "department", "village")
    year_field = "date"
    select_related = ("department", "village")
    ordering = ("-date", "-id")

    @property
    def extra_actions(self):
        actions = [("普法主题日历", "/education/calendar/")]
        if self.can_add():
            actions.insert(0, ("快速登记（手机）", "/education/outreachactivity/quick/"))
        return actions


class ActivityDetail(LedgerDetailView):
    model = A
    write_roles = OUTREACH_ROLES
    fields = OUTREACH_FIELDS
    related_template = "education/_photos.html"


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


class OutreachFormMixin(VillageFormMixin):
    model = A
    write_roles = OUTREACH_ROLES
    duplicate_fields = ("date", "title", "village")  # the same activity entered twice

    def get_initial(self):
        """Prefill from the calendar link (?date=) and suggest the themed day of the date."""
        initial = super().get_initial()
        if self.object is not None:
            return initial
        try:
            date = dt.date.fromisoformat(self.request.GET.get("date", ""))
        except ValueError:
            date = timezone.localdate()
        themed_day, theme = calendar.suggest(date)
        initial.update(date=date, themed_day=themed_day)
        if theme:
            initial["theme"] = theme
        if self.cadre_villages() is not None:
            initial["venue"] = A.Venue.VILLAGE
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["suggestions"] = suggestion_map(timezone.localdate().year)
        return context


class ActivityForm(OutreachFormMixin, LedgerFormView):
    fields = OUTREACH_FIELDS
    template_name = "education/activity_form.html"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input; each is checked like any attachment before anything is saved."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        cleaned = [super(PhotosField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            try:
                mime = Attachment.check_upload(upload)
            except ValidationError as exc:
                raise ValidationError(f"照片“{upload.name}”：{'；'.join(exc.messages)}")
            if not mime.startswith("image/"):
                raise ValidationError(f"“{upload.name}”不是照片，请上传 jpg/png 图片。")
        return cleaned


class QuickActivityForm(forms.ModelForm):
    photos = PhotosField(label="现场照片", help_text="可一次选择多张")

    class Meta:
        model = A
        fields = (
            "date",
            "title",
            "theme",
            "themed_day",
            "venue",
            "village",
            "materials",
            "banners",
            "questions",
            "people_reached",
            "summary",
        )
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ActivityQuickForm(OutreachFormMixin, LedgerFormView):
    """The phone-sized entry for village cadres and staff in the field: fewer fields, photos at once."""

    form_class = QuickActivityForm
    template_name = "education/quick.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        record = form.instance
        if response.status_code == 302 and record.pk:
            for upload in form.cleaned_data.get("photos") or []:
                attach(record, upload, self.request.user, step="活动现场", kind="photo")
        return response


class ActivityUpload(AttachmentUploadView):
    model = A
    write_roles = OUTREACH_ROLES


class CalendarView(TownshipMixin, TemplateView):
    """The year's themed days, with how many activities the township held for each."""

    model = A
    template_name = "education/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = int(y) if (y := self.request.GET.get("year", "")).isdigit() else timezone.localdate().year
        done = dict(
            self.scoped()
            .filter(date__year=year)
            .exclude(themed_day="")
            .order_by()
            .values_list("themed_day")
            .annotate(n=Count("id"))
        )
        rows = calendar.year_calendar(year)
        for row in rows:
            row["activities"] = done.get(row["code"], 0)
        context.update(title=f"{year}年普法主题日历", year=year, rows=rows, today=timezone.localdate())
        return context


# Study sessions and exams ---------------------------------------------------------------------------


class StudyList(LedgerListView):
    model = StudySession
    write_roles = STUDY_ROLES
    columns = [
        field_column(StudySession, "topic"),
        field_column(StudySession, "date"),
        field_column(StudySession, "kind"),
        field_column(StudySession, "laws"),
        field_column(StudySession, "lecturer"),
        field_column(StudySession, "participants"),
    ]
    search_fields = ("topic", "laws", "lecturer")
    filter_fields = ("kind",)
    year_field = "date"
    ordering = ("-date", "-id")
    template_name = "education/study_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = int(y) if (y := self.request.GET.get("year", "")).isdigit() else timezone.localdate().year
        counts = dict(
            self.scoped().filter(date__year=year).order_by().values_list("kind").annotate(n=Count("id"))
        )
        context["year"] = year
        context["progress"] = [
            {
                "label": label,
                "done": counts.get(kind, 0),
                "target": targets.target(kind, year),
                "source": targets.describe(kind, year),
            }
            for kind, label in StudySession.Kind.choices
        ]
        return context


class StudyDetail(LedgerDetailView):
    model = StudySession
    write_roles = STUDY_ROLES
    listed_relations = (("参加的领导干部", "attendees"),)


class StudyForm(LedgerFormView):
    model = StudySession
    write_roles = STUDY_ROLES
    fields = ("date", "kind", "topic", "laws", "lecturer", "participants", "attendees")


def _rate(num_attr, den_attr):
    return lambda e: (
        f"{r}%" if (r := percent(getattr(e, num_attr), getattr(e, den_attr))) is not None else "—"
    )


class ExamList(LedgerListView):
    model = Exam
    write_roles = STUDY_ROLES
    columns = [
        field_column(Exam, "title"),
        field_column(Exam, "date"),
        field_column(Exam, "expected"),
        field_column(Exam, "participants"),
        field_column(Exam, "passed"),
        Column("参考率", _rate("participants", "expected")),
        Column("合格率", _rate("passed", "participants")),
    ]
    search_fields = ("title",)
    year_field = "date"
    ordering = ("-date", "-id")


class ExamDetail(LedgerDetailView):
    model = Exam
    write_roles = STUDY_ROLES
    related_template = "education/_exam_results.html"

    def get_fields(self):
        rows = super().get_fields()
        rows += [
            ("参考率（自动计算）", _rate("participants", "expected")(self.object)),
            ("合格率（自动计算）", _rate("passed", "participants")(self.object)),
        ]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = self.object.results.select_related("person")
        return context


class ExamForm(LedgerFormView):
    model = Exam
    write_roles = STUDY_ROLES
    fields = ("date", "title", "expected", "participants", "passed")

    def before_save(self, record, form):
        if reasons := record.problems():
            raise ValidationError(reasons)
        super().before_save(record, form)


# 法律明白人, points, model villages -------------------------------------------------------------------


class LiaisonList(LedgerListView):
    model = LegalLiaison
    write_roles = VILLAGE_ROLES
    columns = [
        field_column(LegalLiaison, "name", mask=masking.mask_name),
        field_column(LegalLiaison, "village.name", label="村(社区)"),
        field_column(LegalLiaison, "group"),
        field_column(LegalLiaison, "phone", mask=masking.mask_phone, sort=None),
        field_column(LegalLiaison, "appointed_on"),
        field_column(LegalLiaison, "trained"),
        field_column(LegalLiaison, "active"),
    ]
    search_fields = ("name",)
    filter_fields = ("village", "group", "active", "trained")
    select_related = ("village",)
    ordering = ("village__name", "name")
    extra_actions = [("各村配备情况", "/education/legalliaison/coverage/")]


class LiaisonDetail(LedgerDetailView):
    model = LegalLiaison
    write_roles = VILLAGE_ROLES
    masked = {"name": masking.mask_name, "phone": masking.mask_phone}


class LiaisonForm(VillageFormMixin, LedgerFormView):
    model = LegalLiaison
    write_roles = VILLAGE_ROLES
    fields = ("name", "village", "group", "phone", "appointed_on", "trained", "active")

    def before_save(self, record, form):
        require_village(record)
        super().before_save(record, form)


class LiaisonCoverage(TownshipMixin, TemplateView):
    """Each village's active 法律明白人 against the target (a setting, default 3 per administrative village)."""

    model = LegalLiaison
    template_name = "education/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        goal = targets.target("liaisons_per_village", year)
        counts = dict(
            self.scoped().filter(active=True).order_by().values_list("village").annotate(n=Count("id"))
        )
        villages = Region.objects.filter(parent=self.request.township, kind__in=Region.VILLAGE_KINDS)
        rows = [
            {
                "village": v,
                "count": counts.get(v.id, 0),
                "meets": counts.get(v.id, 0) >= goal,
                "missing": max(goal - counts.get(v.id, 0), 0),
                "administrative": v.kind == Region.Kind.VILLAGE,
            }
            for v in villages
        ]
        context.update(
            title="法律明白人配备情况",
            rows=rows,
            goal=goal,
            source=targets.describe("liaisons_per_village", year),
            meeting=sum(1 for r in rows if r["meets"] and r["administrative"]),
            administrative=sum(1 for r in rows if r["administrative"]),
        )
        return context


class PointsList(LedgerListView):
    model = PointsEntry
    write_roles = VILLAGE_ROLES
    columns = [
        field_column(PointsEntry, "resident", mask=masking.mask_name),
        field_column(PointsEntry, "date"),
        field_column(PointsEntry, "village.name", label="村(社区)"),
        field_column(PointsEntry, "reason"),
        field_column(PointsEntry, "points"),
    ]
    search_fields = ("resident", "reason")
    filter_fields = ("village",)
    year_field = "date"
    select_related = ("village",)
    ordering = ("-date", "-id")


class PointsDetail(LedgerDetailView):
    model = PointsEntry
    write_roles = VILLAGE_ROLES
    masked = {"resident": masking.mask_name}


class PointsForm(VillageFormMixin, LedgerFormView):
    model = PointsEntry
    write_roles = VILLAGE_ROLES
    fields = ("date", "village", "resident", "reason", "points")

    def before_save(self, record, form):
        require_village(record)
        super().before_save(record, form)


class ModelVillageList(LedgerListView):
    model = ModelVillage
    write_roles = STUDY_ROLES
    columns = [
        field_column(ModelVillage, "village.name", label="村(社区)"),
        field_column(ModelVillage, "title"),
        field_column(ModelVillage, "level"),
        field_column(ModelVillage, "year"),
    ]
    filter_fields = ("level", "village")
    select_related = ("village",)
    ordering = ("-year", "village__name")


class ModelVillageDetail(LedgerDetailView):
    model = ModelVillage
    write_roles = STUDY_ROLES


class ModelVillageForm(LedgerFormView):
    model = ModelVillage
    write_roles = STUDY_ROLES
    fields = ("village", "title", "level", "year")

    def before_save(self, record, form):
        require_village(record)
        super().before_save(record, form)
