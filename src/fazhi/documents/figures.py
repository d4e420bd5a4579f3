"""Figures of normative documents, cleanup and contracts (domain.md §3.2). Cleanup figures count the
documents of campaigns concluded in the year."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from fazhi.documents.models import CleanupCampaign, CleanupItem, Contract, NormativeDocument
from fazhi.indicators.registry import Scope, count, dated, get
from fazhi.reviews.models import LegalityReview

Outcome = CleanupItem.Outcome
CLEANUP = dict(
    model=CleanupItem,
    township_field="campaign__township",
    date_field="campaign__concluded_on",
    section="documents",
)
DONE = Q(campaign__state__in=CleanupCampaign.DONE)

# Normative documents counted in the year they were published, or filed for the record (备案).
for code, name, field, sentence, dashboard in (
    ("published", "制定行政规范性文件", "published_on", "制定行政规范性文件{value}件", True),
    ("filed", "报送备案的规范性文件", "filed_on", "报送备案{value}件", False),
):
    count(
        f"documents.normative.{code}",
        name,
        "件",
        NormativeDocument,
        **dated(field),
        sentence=sentence,
        section="documents",
        dashboard=dashboard,
    )
count(
    "documents.cleanup.total",
    "清理行政规范性文件",
    "件",
    filter=DONE & ~Q(outcome=""),
    sentence="清理行政规范性文件{value}件",
    dashboard=True,
    **CLEANUP,
)
# The outcomes of a concluded cleanup, one figure each: (code, name, outcome, sentence).
for code, name, outcome, sentence in (
    ("remaining", "清理后继续有效", Outcome.CONTINUE, "其中继续有效{value}件"),
    ("repealed", "清理后废止", Outcome.REPEAL, "废止{value}件"),
    ("expired", "清理后失效", Outcome.EXPIRE, "失效{value}件"),
    ("to_amend", "清理后拟修改", Outcome.AMEND, "拟修改{value}件"),
):
    count(
        f"documents.cleanup.{code}",
        name,
        "件",
        filter=DONE & Q(outcome=outcome),
        sentence=sentence,
        **CLEANUP,
    )


def _reviewed_contracts(scope: Scope):
    # An uncorrelated IN, not a correlated EXISTS: SQLite's planner, misled by statistics on a column
    # that is mostly empty, scanned all reviews once per contract (bench/README.md, finding 3).
    concluded = LegalityReview.objects.filter(
        content_type=ContentType.objects.get_for_model(Contract), state=LegalityReview.State.CONCLUDED
    )
    return get("contracts.total").records(scope).filter(pk__in=concluded.values("object_id"))


count(
    "contracts.total",
    "登记合同",
    "份",
    Contract,
    date_field="registered_on",
    sentence="登记各类合同{value}份",
    section="documents",
)
count(
    "contracts.reviewed",
    "经合法性审查的合同",
    "份",
    Contract,
    queryset=_reviewed_contracts,
    date_field="registered_on",
    sentence="审查合同{value}份",
    section="documents",
    dashboard=True,
)
