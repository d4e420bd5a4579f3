"""The legality review service every other ledger uses: request a review, ask whether one passed."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from fazhi.core.services import save_record
from fazhi.org.models import LegalAdvisor
from fazhi.reviews.models import LegalityReview


def reviews_of(subject):
    return LegalityReview.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    )


def advisor_for(township, village=None, on=None):
    """The village's own advisor (一村一法律顾问) for village matters, else the township's advisor,
    among those under contract on the day `on` (today by default)."""
    on = on or timezone.localdate()
    advisors = LegalAdvisor.objects.filter(township=township, contract_start__lte=on, contract_end__gte=on)
    if village is not None:
        return advisors.filter(villages=village).order_by("id").first()
    return advisors.filter(serves_township=True).order_by("id").first()


def request_review(
    subject, *, kind, title, user, requested_on=None, submitted_by="", summary=""
) -> LegalityReview:
    """Send `subject` (any ledger record) for legality review; returns the open review if one exists.

    The due date follows the kind's Rule. A village matter goes straight to that village's advisor;
    everything else waits in the judicial office's queue to be assigned.
    """
    open_review = reviews_of(subject).filter(state__in=LegalityReview.OPEN).first()
    if open_review is not None:
        return open_review
    village = getattr(subject, "village", None)
    review = LegalityReview(
        township=subject.township,
        village=village,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        subject_title=title[:200],
        kind=kind,
        requested_on=requested_on or timezone.localdate(),
        submitted_by=submitted_by,
        summary=summary,
    )
    review.due_on = review.compute_due().date
    reason = "送审"
    if village is not None and (advisor := advisor_for(subject.township, village, review.requested_on)):
        review.advisor = advisor
        review.state = LegalityReview.State.ASSIGNED
        reason = f"送审；由{village.name}法律顾问{advisor.name}审查"
    return save_record(review, user, reason=reason)


def passing_review(subject) -> LegalityReview | None:
    """The subject's latest concluded review if its conclusion is lawful (or lawful after changes).

    A later "unlawful" conclusion cancels an earlier pass: only the latest word of the reviewer counts.
    """
    if subject is None or subject.pk is None:
        return None
    latest = (
        reviews_of(subject)
        .filter(state=LegalityReview.State.CONCLUDED)
        .order_by("-concluded_on", "-id")
        .first()
    )
    return latest if latest is not None and latest.conclusion in LegalityReview.PASSING else None


def with_passing_review(queryset):
    """The subjects of `queryset` whose latest concluded review passed — `passing_review` for a whole
    list in one query (figures and boards must not ask once per record)."""
    concluded = LegalityReview.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model), state=LegalityReview.State.CONCLUDED
    )
    latest = (
        concluded.filter(object_id=OuterRef("pk")).order_by("-concluded_on", "-id").values("conclusion")[:1]
    )
    # The uncorrelated IN first: SQLite runs it once, so the correlated "latest" subquery only runs for
    # subjects that passed at least once, whatever plan the planner picks for it (bench/README.md).
    passed_once = concluded.filter(conclusion__in=LegalityReview.PASSING).values("object_id")
    return (
        queryset.filter(pk__in=passed_once)
        .annotate(latest_conclusion=Subquery(latest))
        .filter(latest_conclusion__in=LegalityReview.PASSING)
    )


DEFAULT_OPINIONS = {
    "necessity": "事项确有必要，符合本镇工作实际。",
    "legality": "制定主体和权限合法，程序符合规定，内容与上位法不抵触。",
    "standardisation": "文本结构完整，表述规范。",
    "operability": "措施具体，具有可操作性。",
}


def complete_review(
    review, user, *, conclusion, on=None, advisor=None, changes="", **opinions
) -> LegalityReview:
    """Assign (if needed), record the opinion and conclude through the workflow, as the judicial office
    would on the pages. Used by the demo data and by other ledgers' tests."""
    from fazhi.reviews.workflows import workflow

    on = on or review.requested_on
    review.advisor = (
        advisor
        or review.advisor
        or advisor_for(review.township, review.village, on)
        or advisor_for(review.township, on=on)
    )
    if review.state == LegalityReview.State.REQUESTED:
        workflow.apply(review, "assign", user)
    for field, text in {**DEFAULT_OPINIONS, **opinions}.items():
        setattr(review, field, text)
    if conclusion != LegalityReview.Conclusion.LAWFUL and not changes:
        changes = "建议修改相关条款后再提交审议。"
    review.changes, review.conclusion, review.concluded_on = changes, conclusion, on
    return workflow.apply(review, "conclude", user)
