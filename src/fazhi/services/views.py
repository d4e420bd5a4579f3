from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from fazhi.core import masking
from fazhi.core.access import access_for, scope
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView, TownshipMixin
from fazhi.org.models import Person
from fazhi.services import models as m
from fazhi.services.rules import VILLAGE_RULE_FILING
from fazhi.services.workflows import VILLAGE_RULE

OFFICE = (Role.OFFICE,)
ADVISOR = (Role.ADVISOR,)
VILLAGE_RULE_ROLES = (Role.OFFICE, Role.VILLAGE, Role.ADVISOR)
LEGAL_AID_ROLES = (Role.ADVISOR, Role.MEDIATOR)
LEADERS = (Role.SECRETARY, Role.HEAD, Role.OFFICE)


def is_advisor_only(user, township) -> bool:
    """An advisor who holds no other role: sees and records only their own work."""
    roles = access_for(user).roles_in(township.id)
    return Role.ADVISOR in roles and not roles - {Role.ADVISOR}


# Legal advisors' work ------------------------------------------------------------------------------

W = m.AdvisorWork
WORK_FIELDS = ("advisor", "date", "kind", "quantity", "subject", "village", "summary")


class AdvisorOwnMixin:
    """An advisor reads and writes only their own work records: AdvisorWork.visible_path, applied by
    core.access.visible_to. Kept as a name for subclasses."""


class WorkList(AdvisorOwnMixin, LedgerListView):
    model = W
    write_roles = ADVISOR
    columns = [
        field_column(W, "subject"),
        field_column(W, "date"),
        field_column(W, "advisor.name", label="法律顾问"),
        field_column(W, "kind"),
        field_column(W, "quantity"),
        field_column(W, "village.name", label="村(社区)"),
    ]
    search_fields = ("subject", "summary", "advisor__name")
    filter_fields = ("advisor", "kind", "village")
    year_field = "date"
    select_related = ("advisor", "village")
    ordering = ("-date", "-id")


class WorkDetail(AdvisorOwnMixin, LedgerDetailView):
    model = W
    write_roles = ADVISOR
    fields = WORK_FIELDS


class WorkForm(AdvisorOwnMixin, LedgerFormView):
    model = W
    write_roles = ADVISOR
    fields = WORK_FIELDS

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if is_advisor_only(self.request.user, self.request.township):
            own = form.fields["advisor"].queryset.filter(user=self.request.user)
            form.fields["advisor"].queryset = own
            form.fields["advisor"].initial = own.first()
        return form

    def before_save(self, record, form):
        if (
            is_advisor_only(self.request.user, record.township)
            and record.advisor.user_id != self.request.user.id
        ):
            raise ValidationError("法律顾问只能登记本人的工作记录。")
        super().before_save(record, form)


A = m.AdvisorAssessment


class AssessmentList(LedgerListView):
    model = A
    write_roles = OFFICE
    columns = [
        field_column(A, "advisor.name", label="法律顾问"),
        field_column(A, "year"),
        field_column(A, "score"),
        field_column(A, "grade"),
    ]
    filter_fields = ("advisor", "grade")
    select_related = ("advisor",)
    ordering = ("-year", "advisor__name")


class AssessmentDetail(LedgerDetailView):
    model = A
    write_roles = OFFICE
    related_template = "services/_assessment_work.html"

    def get_context_data(self, **kwargs):
        # The year's work log beside the score, so the assessment rests on what was recorded.
        context = super().get_context_data(**kwargs)
        work = W.objects.filter(advisor=self.object.advisor, date__year=self.object.year)
        labels = dict(W.Kind.choices)
        context["work_summary"] = [
            (labels[r["kind"]], r["n"])
            for r in work.order_by().values("kind").annotate(n=Sum("quantity")).order_by("kind")
        ]
        return context


class AssessmentForm(LedgerFormView):
    model = A
    write_roles = OFFICE
    fields = ("advisor", "year", "score", "grade", "comments")

    def before_save(self, record, form):
        if not 0 <= record.score <= 100:
            raise ValidationError("考核得分应在0至100之间。")
        super().before_save(record, form)


# Village rules --------------------------------------------------------------------------------------

V = m.VillageRule


def filing_due(rule):
    return VILLAGE_RULE_FILING.due(rule.adopted_on).date


class VillageRuleList(LedgerListView):
    model = V
    write_roles = VILLAGE_RULE_ROLES
    columns = [
        field_column(V, "title"),
        field_column(V, "village.name", label="村(社区)"),
        field_column(V, "adopted_on"),
        Column("备案期限", filing_due),
        field_column(V, "filed_on"),
        field_column(V, "state"),
        field_column(V, "reviewer.name", label="审查法律顾问"),
    ]
    search_fields = ("title",)
    filter_fields = ("village", "state")
    year_field = "adopted_on"
    select_related = ("village", "reviewer")
    ordering = ("-adopted_on", "-id")


class VillageRuleDetail(LedgerDetailView):
    model = V
    write_roles = VILLAGE_RULE_ROLES
    workflow = VILLAGE_RULE
    related_template = "services/_filing_due.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(due=VILLAGE_RULE_FILING.due(self.object.adopted_on), rule=VILLAGE_RULE_FILING)
        return context


class VillageRuleForm(LedgerFormView):
    model = V
    write_roles = VILLAGE_RULE_ROLES
    fields = ("village", "title", "adopted_on", "reviewer", "opinion")

    def before_save(self, record, form):
        if record.village_id is None:
            raise ValidationError("请选择村(社区)。")
        super().before_save(record, form)


# Service points, items, legal aid -------------------------------------------------------------------

LEGAL_AID_MASKS = {"applicant": masking.mask_name, "phone": masking.mask_phone}


# Disclosure -----------------------------------------------------------------------------------------

REQUEST_MASKS = {"applicant": masking.mask_names, "contact": masking.mask_phone}


# Accountability -------------------------------------------------------------------------------------

ME = m.Measure


class MeasureList(LedgerListView):
    model = ME
    write_roles = (Role.OFFICE,)
    columns = [Column("举措", "sentence", link=True), field_column(ME, "date"), field_column(ME, "section")]
    search_fields = ("text", "detail", "section")
    year_field = "date"
    ordering = ("-date", "-id")


class MeasureDetail(LedgerDetailView):
    model = ME
    write_roles = (Role.OFFICE,)


class MeasureForm(LedgerFormView):
    model = ME
    write_roles = (Role.OFFICE,)
    fields = ("date", "section", "text", "quantity", "unit", "detail")

    def before_save(self, record, form):
        if record.quantity is not None and not record.unit:
            raise ValidationError("填写了数量时请同时填写单位（如：处、个）。")
        super().before_save(record, form)


# 法治档案: each official's study, exams and 述法 -----------------------------------------------------


class ArchiveList(TownshipMixin, TemplateView):
    """Officials with a rule-of-law file: anyone who studied, sat an exam, reported or recorded duties."""

    model = m.LawReport
    template_name = "services/archive_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = (
            Person.objects.filter(township=self.request.township, active=True)
            .select_related("department")
            .annotate(
                studies=Count("study_sessions", distinct=True),
                exams=Count("exam_results", distinct=True),
                reports=Count("law_reports", distinct=True),
                duties=Count("duty_records", distinct=True),
            )
            .filter(Q(studies__gt=0) | Q(exams__gt=0) | Q(reports__gt=0) | Q(duties__gt=0))
        )
        context.update(title="领导干部法治档案", people=people.order_by("department__name", "name"))
        return context


class ArchiveDetail(TownshipMixin, TemplateView):
    """One official's 法治档案, assembled from the records, never typed."""

    model = m.LawReport
    template_name = "services/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = get_object_or_404(Person, pk=self.kwargs["pk"], township=self.request.township)
        user = self.request.user
        context.update(
            title=f"{person.name}的法治档案",
            person=person,
            studies=scope(person.study_sessions.all(), user, self.request.township).order_by("-date"),
            exams=person.exam_results.select_related("exam").order_by("-exam__date"),
            reports=scope(person.law_reports.all(), user, self.request.township).order_by("-year"),
            duties=scope(person.duty_records.all(), user, self.request.township).order_by("-date")[:50],
        )
        return context
