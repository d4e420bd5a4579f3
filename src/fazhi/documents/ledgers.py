"""规范性文件, 清理 and 合同, each declared once: pages and URLs come from these specs."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.tables import Column, field_column
from fazhi.documents import rules, services
from fazhi.documents.models import CleanupCampaign, CleanupItem, Contract, NormativeDocument
from fazhi.documents.workflows import (
    CONTRACT_ROLES,
    ROLES,
    cleanup_workflow,
    contract_workflow,
    document_workflow,
)
from fazhi.reviews.public import DRAFT_STEPS
from fazhi.reviews.services import passing_review, reviews_of
from fazhi.reviews.views import USER_TRANSITION


def validity(document):
    return services.validity_status(document, timezone.localdate())


def before_saving_document(view, record, form):
    record.clean()
    if problem := services.comment_period_problem(record):
        raise ValidationError(problem)
    if record.valid_from and record.valid_until and record.valid_until <= record.valid_from:
        raise ValidationError("有效期至应晚于施行日期。")


def document_context(document):
    return {
        "validity": validity(document),
        "evaluation_due": services.evaluation_due(document),
        "validity_rule": services.validity_rule(document),
        "filing_rule": rules.FILING,
        "pre_expiry_rule": rules.PRE_EXPIRY,
        "reviews": reviews_of(document).order_by("-requested_on"),
        "passing": passing_review(document),
        "filing_due": rules.FILING.due(document.published_on) if document.published_on else None,
    }


def campaign_context(campaign):
    items = campaign.items.select_related("document").order_by("document__published_on", "id")
    return {
        "items": items,
        "outcomes": CleanupItem.Outcome.choices,
        "summary": services.cleanup_summary(items),
    }


DOCUMENT = LedgerSpec(
    NormativeDocument,
    write_roles=ROLES,
    columns=[
        "title",
        field_column(NormativeDocument, "doc_no", sort="doc_year"),
        *("sponsor", "published_on", "valid_until"),
        Column("有效性", validity),
        *("filed_on", "state"),
    ],
    # 文号, 发布日期 and 终止日期 are the workflow's (not editable): on the page, not in the form.
    groups={
        "文件": (
            *("doc_no", "published_on", "title", "sponsor", "summary", "draft_text", "market_related"),
            *("trial", "comment_start", "comment_end", "comment_handling", "meeting", "meeting_date"),
            *("valid_from", "valid_until", "filed_on", "filing_authority"),
        ),
        "终止": ("ended_on", "end_note"),
    },
    form=("文件",),
    filters=("state", "market_related", "trial"),
    search=("title", "doc_no", "sponsor"),
    year_field="published_on",
    ordering=("-published_on", "-id"),
    workflow=document_workflow,
    attachment_steps=DRAFT_STEPS,
    related_template="documents/_document.html",
    detail_context=document_context,
    extra={"form": {"before_save": before_saving_document}, **USER_TRANSITION},
)
CAMPAIGN = LedgerSpec(
    CleanupCampaign,
    write_roles=ROLES,
    columns=[
        *("title", "started_on", "concluded_on"),
        Column("清理文件数", lambda c: len(c.items.all())),
        "state",
    ],
    # 结束 and 公布 dates are the workflow's (not editable).
    groups={"清理": ("title", "basis", "started_on", "concluded_on", "published_on")},
    filters=("state",),
    search=("title",),
    year_field="started_on",
    prefetch_related=("items",),
    workflow=cleanup_workflow,
    related_template="documents/_campaign.html",
    detail_context=campaign_context,
    extra=USER_TRANSITION,
)
CONTRACT = LedgerSpec(
    Contract,
    write_roles=CONTRACT_ROLES,
    columns=[
        *("title", "kind"),
        field_column(Contract, "counterparty", mask=masking.mask_name),
        *("amount", "village.name", "registered_on", "signed_on", "state"),
    ],
    # 签订日期 is the workflow's (not editable).
    groups={
        "合同": (
            *("title", "kind", "village", "counterparty", "amount", "registered_on", "end_on"),
            *("signed_on", "performance"),
        )
    },
    masks={"counterparty": masking.mask_name},
    filters=("kind", "state", "village"),
    search=("title", "counterparty"),
    year_field="registered_on",
    select_related=("village",),
    workflow=contract_workflow,
    related_template="documents/_contract.html",
    detail_context=lambda contract: {
        "reviews": reviews_of(contract).select_related("advisor").order_by("-requested_on")
    },
    extra=USER_TRANSITION,
)
SPECS = (DOCUMENT, CAMPAIGN, CONTRACT)
