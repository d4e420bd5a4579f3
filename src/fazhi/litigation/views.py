from django.db.models import Count, Exists, Max, OuterRef

from fazhi.core import masking
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView
from fazhi.litigation.models import Hearing, LitigationCase, RiskArea, RiskAssessment, RiskReview
from fazhi.litigation.workflows import WORKFLOW

# The head answers for the township in court; the party-government office keeps the files.
WRITE_ROLES = (Role.HEAD, Role.OFFICE)
RISK_ROLES = (Role.HEAD, Role.OFFICE, Role.PETITION)

CASE_FIELDS = (
    "case_no",
    "kind",
    "stage",
    "organ",
    "applicant",
    "subject",
    "copy_received",
    "answered_on",
    "outcome",
    "decided_on",
    "judgment_executed",
    "executed_on",
    "risk_analysis",
)


def _answer_due(case):
    return "" if case.answered_on else f"{case.answer_due.date:%Y-%m-%d}"


class CaseList(LedgerListView):
    model = LitigationCase
    write_roles = WRITE_ROLES
    columns = [
        field_column(LitigationCase, "case_no"),
        field_column(LitigationCase, "kind"),
        field_column(LitigationCase, "applicant", mask=masking.mask_names, sort=None),
        field_column(LitigationCase, "subject"),
        field_column(LitigationCase, "copy_received"),
        Column("答复/答辩期限", _answer_due),
        Column("负责人出庭", lambda c: c.head_appeared),
        field_column(LitigationCase, "outcome"),
        field_column(LitigationCase, "lost"),
        field_column(LitigationCase, "state"),
    ]
    search_fields = ("case_no", "subject", "organ")
    filter_fields = ("kind", "state", "outcome", "lost")
    year_field = "copy_received"
    ordering = ("-copy_received", "-id")

    def get_queryset(self):
        appeared = Hearing.objects.filter(case=OuterRef("pk"), head_appeared=True)
        return super().get_queryset().annotate(head_appeared=Exists(appeared))


class CaseDetail(LedgerDetailView):
    model = LitigationCase
    write_roles = WRITE_ROLES
    workflow = WORKFLOW
    template_name = "litigation/case_detail.html"
    fields = (*CASE_FIELDS, "lost", "state")
    masked = {"applicant": masking.mask_names}
    attachment_steps = [
        ("copy", "申请书/起诉状副本"),
        ("answer", "答复书/答辩状"),
        ("judgment", "决定书/判决书"),
        ("execution", "履行材料"),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deadlines"] = self.object.deadline_rows()
        context["hearings"] = self.object.hearings.select_related("appeared")
        return context


class CaseForm(LedgerFormView):
    model = LitigationCase
    write_roles = WRITE_ROLES
    fields = CASE_FIELDS


class HearingList(LedgerListView):
    model = Hearing
    write_roles = WRITE_ROLES
    columns = [
        Column("开庭/听证", str, sort="date"),
        field_column(Hearing, "head_appeared"),
        field_column(Hearing, "appeared.name", label="出庭负责人"),
        field_column(Hearing, "appeared_title"),
        field_column(Hearing, "substitute"),
    ]
    filter_fields = ("head_appeared", "case")
    year_field = "date"
    select_related = ("case", "appeared")
    ordering = ("-date", "-id")


class HearingDetail(LedgerDetailView):
    model = Hearing
    write_roles = WRITE_ROLES


class HearingForm(LedgerFormView):
    model = Hearing
    write_roles = WRITE_ROLES
    fields = ("case", "date", "head_appeared", "appeared", "appeared_title", "substitute", "excuse")

    def get_initial(self):
        initial = super().get_initial()
        if (case := self.request.GET.get("case", "")).isdigit():
            initial["case"] = int(case)
        return initial


ASSESSMENT_FIELDS = (
    "title",
    "subject",
    "assessed_on",
    "assessor",
    "methods",
    "risk_level",
    "risks",
    "measures",
    "conclusion",
)


class AssessmentList(LedgerListView):
    model = RiskAssessment
    write_roles = RISK_ROLES
    columns = [
        field_column(RiskAssessment, f)
        for f in ("title", "subject", "assessed_on", "assessor", "risk_level", "conclusion")
    ]
    search_fields = ("title", "assessor", "risks")
    filter_fields = ("subject", "risk_level", "conclusion")
    year_field = "assessed_on"
    ordering = ("-assessed_on", "-id")


class AssessmentDetail(LedgerDetailView):
    model = RiskAssessment
    write_roles = RISK_ROLES
    fields = ASSESSMENT_FIELDS


class AssessmentForm(LedgerFormView):
    model = RiskAssessment
    write_roles = RISK_ROLES
    fields = ASSESSMENT_FIELDS


AREA_FIELDS = (
    "name",
    "domain",
    "level",
    "village",
    "responsible",
    "measures",
    "listed_on",
    "review_months",
    "active",
)


class AreaList(LedgerListView):
    model = RiskArea
    write_roles = RISK_ROLES
    title = "风险隐患排查清单"
    columns = [
        field_column(RiskArea, "name"),
        field_column(RiskArea, "domain"),
        field_column(RiskArea, "level"),
        field_column(RiskArea, "village.name", label="村(社区)"),
        field_column(RiskArea, "responsible.name", label="责任人"),
        Column("研判次数", lambda a: a.review_count),
        Column("最近研判", lambda a: a.last_review, sort="last_review"),
        Column("下次研判", lambda a: a.next_review(a.last_review) if a.active else None),
        field_column(RiskArea, "active"),
    ]
    search_fields = ("name", "measures")
    filter_fields = ("domain", "level", "active", "village")
    select_related = ("village", "responsible")
    ordering = ("-active", "domain", "name")

    def restrict(self, queryset):
        # Annotated before the list sorts, so that 最近研判 can be a sort key.
        return queryset.annotate(review_count=Count("reviews"), last_review=Max("reviews__date"))


class AreaDetail(LedgerDetailView):
    model = RiskArea
    write_roles = RISK_ROLES
    fields = AREA_FIELDS
    template_name = "litigation/area_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reviews = list(self.object.reviews.all())
        context.update(
            reviews=reviews, next_review=self.object.next_review(reviews[0].date if reviews else None)
        )
        return context


class AreaForm(LedgerFormView):
    model = RiskArea
    write_roles = RISK_ROLES
    fields = AREA_FIELDS


class ReviewList(LedgerListView):
    model = RiskReview
    write_roles = RISK_ROLES
    columns = [
        Column("研判", str, sort="date"),
        field_column(RiskReview, "level"),
        field_column(RiskReview, "findings"),
    ]
    filter_fields = ("area", "level")
    year_field = "date"
    select_related = ("area",)
    ordering = ("-date", "-id")


class ReviewDetail(LedgerDetailView):
    model = RiskReview
    write_roles = RISK_ROLES


class ReviewForm(LedgerFormView):
    model = RiskReview
    write_roles = RISK_ROLES
    fields = ("area", "date", "level", "findings")

    def get_initial(self):
        initial = super().get_initial()
        if (area := self.request.GET.get("area", "")).isdigit():
            initial["area"] = int(area)
        return initial
