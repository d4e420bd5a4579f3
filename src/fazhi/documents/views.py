from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View

from fazhi.core import masking
from fazhi.core.access import require_write
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView, TownshipMixin
from fazhi.core.workflow import Refused
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
from fazhi.reviews.views import UserTransitionView


def validity(document):
    return services.validity_status(document, timezone.localdate())


class DocumentList(LedgerListView):
    model = NormativeDocument
    write_roles = ROLES
    columns = [
        field_column(NormativeDocument, "title"),
        field_column(NormativeDocument, "doc_no", sort="doc_year"),
        field_column(NormativeDocument, "sponsor"),
        field_column(NormativeDocument, "published_on"),
        field_column(NormativeDocument, "valid_until"),
        Column("有效性", validity),
        field_column(NormativeDocument, "filed_on"),
        field_column(NormativeDocument, "state"),
    ]
    search_fields = ("title", "doc_no", "sponsor")
    filter_fields = ("state", "market_related", "trial")
    year_field = "published_on"
    ordering = ("-published_on", "-id")


DOCUMENT_FIELDS = (
    "title",
    "sponsor",
    "summary",
    "draft_text",
    "market_related",
    "trial",
    "comment_start",
    "comment_end",
    "comment_handling",
    "meeting",
    "meeting_date",
    "valid_from",
    "valid_until",
    "filed_on",
    "filing_authority",
)


class DocumentDetail(LedgerDetailView):
    model = NormativeDocument
    write_roles = ROLES
    workflow = document_workflow
    related_template = "documents/_document.html"
    fields = ("doc_no", "published_on") + DOCUMENT_FIELDS + ("ended_on", "end_note")
    attachment_steps = DRAFT_STEPS

    def get_context_data(self, **kwargs):
        document = self.object
        return super().get_context_data(
            validity=validity(document),
            evaluation_due=services.evaluation_due(document),
            validity_rule=services.validity_rule(document),
            filing_rule=rules.FILING,
            pre_expiry_rule=rules.PRE_EXPIRY,
            reviews=reviews_of(document).order_by("-requested_on"),
            passing=passing_review(document),
            filing_due=rules.FILING.due(document.published_on) if document.published_on else None,
            **kwargs,
        )


class DocumentForm(LedgerFormView):
    model = NormativeDocument
    write_roles = ROLES
    fields = DOCUMENT_FIELDS

    def before_save(self, record, form):
        super().before_save(record, form)
        if problem := services.comment_period_problem(record):
            raise ValidationError(problem)
        if record.valid_from and record.valid_until and record.valid_until <= record.valid_from:
            raise ValidationError("有效期至应晚于施行日期。")


class DocumentTransition(UserTransitionView):
    model = NormativeDocument
    write_roles = ROLES
    workflow = document_workflow


class CampaignList(LedgerListView):
    model = CleanupCampaign
    write_roles = ROLES
    columns = [
        field_column(CleanupCampaign, "title"),
        field_column(CleanupCampaign, "started_on"),
        field_column(CleanupCampaign, "concluded_on"),
        Column("清理文件数", lambda c: len(c.items.all())),
        field_column(CleanupCampaign, "state"),
    ]
    prefetch_related = ("items",)
    filter_fields = ("state",)
    year_field = "started_on"
    search_fields = ("title",)


class CampaignDetail(LedgerDetailView):
    model = CleanupCampaign
    write_roles = ROLES
    workflow = cleanup_workflow
    related_template = "documents/_campaign.html"
    fields = ("title", "basis", "started_on", "concluded_on", "published_on")

    def get_context_data(self, **kwargs):
        items = self.object.items.select_related("document").order_by("document__published_on", "id")
        return super().get_context_data(
            items=items,
            outcomes=CleanupItem.Outcome.choices,
            summary=services.cleanup_summary(items),
            **kwargs,
        )


class CampaignForm(LedgerFormView):
    model = CleanupCampaign
    write_roles = ROLES
    fields = ("title", "basis", "started_on")


class CampaignTransition(UserTransitionView):
    model = CleanupCampaign
    write_roles = ROLES
    workflow = cleanup_workflow


class CampaignScopeView(TownshipMixin, View):
    """POST: put every document in force into the campaign."""

    model = CleanupCampaign
    write_roles = ROLES

    def post(self, request, pk):
        campaign = get_object_or_404(self.scoped(), pk=pk, state=CleanupCampaign.State.ONGOING)
        require_write(request.user, campaign.township, self.write_roles)
        added = services.add_documents_in_force(campaign, request.user)
        messages.success(request, f"已纳入现行有效文件{added}件。")
        return HttpResponseRedirect(campaign.get_absolute_url())


class CampaignItemView(TownshipMixin, View):
    """POST: the outcome of one document in the campaign."""

    model = CleanupCampaign
    write_roles = ROLES

    def post(self, request, pk, item):
        campaign = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, campaign.township, self.write_roles)
        entry = get_object_or_404(campaign.items.select_related("campaign", "document"), pk=item)
        try:
            services.set_outcome(
                entry, request.POST.get("outcome", ""), request.POST.get("reason", ""), request.user
            )
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        return HttpResponseRedirect(campaign.get_absolute_url() + "#cleanup-items")


class ContractList(LedgerListView):
    model = Contract
    write_roles = CONTRACT_ROLES
    columns = [
        field_column(Contract, "title"),
        field_column(Contract, "kind"),
        field_column(Contract, "counterparty", mask=masking.mask_name),
        field_column(Contract, "amount"),
        field_column(Contract, "village.name", label="村(社区)"),
        field_column(Contract, "registered_on"),
        field_column(Contract, "signed_on"),
        field_column(Contract, "state"),
    ]
    search_fields = ("title", "counterparty")
    filter_fields = ("kind", "state", "village")
    select_related = ("village",)
    year_field = "registered_on"


CONTRACT_FIELDS = (
    "title",
    "kind",
    "village",
    "counterparty",
    "amount",
    "registered_on",
    "end_on",
    "performance",
)


class ContractDetail(LedgerDetailView):
    model = Contract
    write_roles = CONTRACT_ROLES
    workflow = contract_workflow
    related_template = "documents/_contract.html"
    fields = CONTRACT_FIELDS[:-1] + ("signed_on", "performance")
    masked = {"counterparty": masking.mask_name}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reviews=reviews_of(self.object).select_related("advisor").order_by("-requested_on"), **kwargs
        )


class ContractForm(LedgerFormView):
    model = Contract
    write_roles = CONTRACT_ROLES
    fields = CONTRACT_FIELDS


class ContractTransition(UserTransitionView):
    model = Contract
    write_roles = CONTRACT_ROLES
    workflow = contract_workflow
