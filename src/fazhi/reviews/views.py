import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core import deadlines, masking
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView, TransitionView
from fazhi.reviews.models import LegalityReview, PublicComment
from fazhi.reviews.workflows import workflow

WRITE_ROLES = (Role.ADVISOR,)  # plus the judicial office and admins (core.roles.MANAGERS)
DUE_VIEWS = {"open": "未办结", "soon": "3日内到期", "overdue": "已逾期"}
STATUS_TEXT = {"overdue": "已逾期", "soon": "即将到期", "ok": "", "done": ""}


class AdvisorScope:
    """A legal advisor (who holds no other role in the township) sees only the reviews assigned to
    them: LegalityReview.visible_path, applied by core.access.visible_to. Kept as a name."""


def due_text(review: LegalityReview) -> str:
    state = deadlines.status(review.due_on, done=not review.is_open, today=timezone.localdate())
    text = f"{review.due_on:%Y-%m-%d}"
    if review.concluded_on:
        return f"{text}（{'按期' if review.on_time else '超期'}）"
    return f"{text}（{STATUS_TEXT[state]}）" if STATUS_TEXT[state] else text


class ReviewList(AdvisorScope, LedgerListView):
    model = LegalityReview
    write_roles = WRITE_ROLES
    title = "合法性审查台账"
    columns = [
        field_column(LegalityReview, "subject_title"),
        field_column(LegalityReview, "kind"),
        field_column(LegalityReview, "submitted_by"),
        field_column(LegalityReview, "requested_on"),
        Column("审查期限", due_text, sort="due_on"),
        field_column(LegalityReview, "advisor.name", label="法律顾问"),
        field_column(LegalityReview, "state"),
        field_column(LegalityReview, "conclusion"),
        field_column(LegalityReview, "concluded_on"),
    ]
    search_fields = ("subject_title", "submitted_by", "summary")
    filter_fields = ("kind", "state", "conclusion", "advisor", "village")
    select_related = ("advisor",)
    year_field = "requested_on"
    ordering = ("-requested_on", "-id")

    @property
    def extra_actions(self):
        return [(label, f"?due={key}") for key, label in DUE_VIEWS.items()]

    def get_queryset(self):
        queryset = super().get_queryset()
        due = self.request.GET.get("due", "")
        today = timezone.localdate()
        if due in DUE_VIEWS:
            queryset = queryset.filter(state__in=LegalityReview.OPEN)
        if due == "soon":
            queryset = queryset.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=3))
        elif due == "overdue":
            queryset = queryset.filter(due_on__lt=today)
        if due in DUE_VIEWS and not self.request.GET.get("sort"):
            queryset = queryset.order_by("due_on", "id")
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if (due := self.request.GET.get("due", "")) in DUE_VIEWS:
            context["title"] = f"{self.title}（{DUE_VIEWS[due]}）"
        return context


# The review's opinion, in the order of its written form (必要性、合法性、规范性、可操作性、修改意见、结论).
OPINION_FIELDS = ("necessity", "legality", "standardisation", "operability", "changes", "conclusion")


class ReviewDetail(AdvisorScope, LedgerDetailView):
    model = LegalityReview
    write_roles = WRITE_ROLES
    workflow = workflow
    related_template = "reviews/_review.html"
    fields = (
        "kind",
        "subject_title",
        "submitted_by",
        "summary",
        "requested_on",
        "due_on",
        "advisor",
        "reviewer",
        *OPINION_FIELDS,
        "concluded_on",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        context.update(
            due=review.compute_due(), rule=review.rule, subject=review.subject if review.object_id else None
        )
        return context


class ReviewForm(AdvisorScope, LedgerFormView):
    model = LegalityReview
    write_roles = WRITE_ROLES
    template_name = "drafts/review_form.html"  # the form plus the draft checker's findings
    fields = (
        "kind",
        "subject_title",
        "submitted_by",
        "summary",
        "requested_on",
        "village",
        "advisor",
        "reviewer",
        *OPINION_FIELDS,
    )

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.state == LegalityReview.State.CONCLUDED and "conclusion" in form.changed_data:
            raise ValidationError("审查意见已出具，不能再修改结论；如需重新审查，请重新送审。")
        record.due_on = record.compute_due().date


class ReviewTransition(AdvisorScope, TransitionView):
    model = LegalityReview
    write_roles = WRITE_ROLES
    workflow = workflow


class UserTransitionView(TransitionView):
    """A TransitionView whose effects also get the acting user (data["user"]), for effects that create
    records in the user's name (e.g. a transition that sends the record for legality review)."""

    def transition_data(self, request) -> dict:
        return {**super().transition_data(request), "user": request.user}


COMMENT_ROLES = (Role.OFFICE,)


class CommentList(LedgerListView):
    model = PublicComment
    write_roles = COMMENT_ROLES
    title = "公众意见"
    columns = [
        field_column(PublicComment, "subject_title"),
        field_column(PublicComment, "name", mask=masking.mask_name),
        Column("意见内容", lambda c: c.content[:60] + ("…" if len(c.content) > 60 else "")),
        field_column(PublicComment, "submitted_at"),
        field_column(PublicComment, "outcome"),
        field_column(PublicComment, "handled"),
    ]
    search_fields = ("subject_title", "content")
    filter_fields = ("handled", "outcome")
    year_field = "submitted_at"
    ordering = ("handled", "-submitted_at")


class CommentDetail(LedgerDetailView):
    model = PublicComment
    write_roles = COMMENT_ROLES
    fields = ("subject_title", "name", "contact", "content", "submitted_at", "outcome", "response")
    masked = {"name": masking.mask_name, "contact": masking.mask_phone}
    attachments = False


class CommentEdit(LedgerFormView):
    model = PublicComment
    write_roles = COMMENT_ROLES
    fields = ("outcome", "response")

    def before_save(self, record, form):
        super().before_save(record, form)
        if record.outcome and not record.response.strip():
            raise ValidationError("请填写处理说明（采纳情况及理由）。")
        record.handled = bool(record.outcome)
