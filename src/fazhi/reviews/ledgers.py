"""合法性审查 and 公众意见, each declared once: pages and URLs come from these specs."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core import deadlines, masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerListView
from fazhi.reviews.models import LegalityReview, PublicComment
from fazhi.reviews.views import WRITE_ROLES
from fazhi.reviews.workflows import workflow

DUE_VIEWS = {"open": "未办结", "soon": "3日内到期", "overdue": "已逾期"}
STATUS_TEXT = {"overdue": "已逾期", "soon": "即将到期", "ok": "", "done": ""}
# The review's opinion, in the order of its written form (必要性、合法性、规范性、可操作性、修改意见、结论).
OPINION_FIELDS = ("necessity", "legality", "standardisation", "operability", "changes", "conclusion")
SUBMISSION = ("kind", "subject_title", "submitted_by", "summary", "requested_on")
OPINION = ("advisor", "reviewer", *OPINION_FIELDS)
COMMENT_ROLES = (Role.OFFICE,)


def due_text(review: LegalityReview) -> str:
    state = deadlines.status(review.due_on, done=not review.is_open, today=timezone.localdate())
    text = f"{review.due_on:%Y-%m-%d}"
    if review.concluded_on:
        return f"{text}（{'按期' if review.on_time else '超期'}）"
    return f"{text}（{STATUS_TEXT[state]}）" if STATUS_TEXT[state] else text


def due_queryset(view):
    """The list narrowed to one of DUE_VIEWS (?due=), the nearest due first unless sorted."""
    queryset = LedgerListView.get_queryset(view)
    due = view.request.GET.get("due", "")
    today = timezone.localdate()
    if due in DUE_VIEWS:
        queryset = queryset.filter(state__in=LegalityReview.OPEN)
    if due == "soon":
        queryset = queryset.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=3))
    elif due == "overdue":
        queryset = queryset.filter(due_on__lt=today)
    if due in DUE_VIEWS and not view.request.GET.get("sort"):
        queryset = queryset.order_by("due_on", "id")
    return queryset


def due_context(view, **kwargs):
    context = LedgerListView.get_context_data(view, **kwargs)
    if (due := view.request.GET.get("due", "")) in DUE_VIEWS:
        context["title"] = f"{view.title}（{DUE_VIEWS[due]}）"
    return context


def before_saving_review(view, record, form):
    record.clean()
    if record.state == LegalityReview.State.CONCLUDED and "conclusion" in form.changed_data:
        raise ValidationError("审查意见已出具，不能再修改结论；如需重新审查，请重新送审。")
    record.due_on = record.compute_due().date


def before_saving_comment(view, record, form):
    record.clean()
    if record.outcome and not record.response.strip():
        raise ValidationError("请填写处理说明（采纳情况及理由）。")
    record.handled = bool(record.outcome)


REVIEW = LedgerSpec(
    LegalityReview,
    write_roles=WRITE_ROLES,
    columns=[
        *("subject_title", "kind", "submitted_by", "requested_on"),
        Column("审查期限", due_text, sort="due_on"),
        *("advisor.name", "state", "conclusion", "concluded_on"),
    ],
    groups={"送审": SUBMISSION, "期限": ("due_on",), "审查": OPINION, "办结": ("concluded_on",)},
    form=("送审", "审查"),
    filters=("kind", "state", "conclusion", "advisor", "village"),
    search=("subject_title", "submitted_by", "summary"),
    year_field="requested_on",
    select_related=("advisor",),
    ordering=("-requested_on", "-id"),
    workflow=workflow,
    related_template="reviews/_review.html",
    detail_context=lambda review: {
        "due": review.compute_due(),
        "rule": review.rule,
        "subject": review.subject if review.object_id else None,
    },
    extra={
        "list": {
            "title": "合法性审查台账",
            "extra_actions": [(label, f"?due={key}") for key, label in DUE_VIEWS.items()],
            "get_queryset": due_queryset,
            "get_context_data": due_context,
        },
        "form": {
            "template_name": "drafts/review_form.html",  # the form plus the draft checker's findings
            "fields": (*SUBMISSION, "village", *OPINION),  # the village is chosen, not shown on the page
            "before_save": before_saving_review,
        },
    },
)
COMMENT = LedgerSpec(
    PublicComment,
    write_roles=COMMENT_ROLES,
    columns=[
        "subject_title",
        field_column(PublicComment, "name", mask=masking.mask_name),
        Column("意见内容", lambda c: c.content[:60] + ("…" if len(c.content) > 60 else "")),
        *("submitted_at", "outcome", "handled"),
    ],
    groups={
        "意见": ("subject_title", "name", "contact", "content", "submitted_at"),
        "处理": ("outcome", "response"),
    },
    form=("处理",),
    masks={"name": masking.mask_name, "contact": masking.mask_phone},
    filters=("handled", "outcome"),
    search=("subject_title", "content"),
    year_field="submitted_at",
    ordering=("handled", "-submitted_at"),
    attachments=False,
    extra={"list": {"title": "公众意见"}, "form": {"before_save": before_saving_comment}},
)
SPECS = (REVIEW, COMMENT)
