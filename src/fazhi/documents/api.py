from rest_framework import serializers

from fazhi.api.base import LedgerSerializer, serializer_for, viewset_for
from fazhi.core import masking
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument
from fazhi.documents.workflows import CONTRACT_ROLES, ROLES

DocumentSerializer = serializer_for(
    NormativeDocument,
    (
        *("title", "doc_no", "sponsor", "state", "published_on", "filed_on", "valid_from", "valid_until"),
        *("market_related", "trial"),
    ),
    read_only=("state", "doc_no", "published_on"),
    village=False,
)
CampaignSerializer = serializer_for(
    CleanupCampaign,
    ("title", "basis", "state", "started_on", "concluded_on", "published_on"),
    read_only=("state", "concluded_on", "published_on"),
    village=False,
)


class ContractSerializer(LedgerSerializer):
    counterparty = serializers.CharField()

    class Meta(LedgerSerializer.Meta):
        model = Contract
        fields = (
            "id",
            "township",
            "village",
            "title",
            "kind",
            "counterparty",
            "amount",
            "registered_on",
            "signed_on",
            "state",
            "version",
        )
        read_only_fields = ("state", "signed_on")

    masks = {"counterparty": masking.mask_name}


DocumentViewSet = viewset_for(
    NormativeDocument,
    DocumentSerializer,
    ROLES,
    filters=("state",),
    search=("title", "doc_no"),
    queryset=NormativeDocument.objects.all(),
)


CampaignViewSet = viewset_for(
    CleanupCampaign, CampaignSerializer, ROLES, queryset=CleanupCampaign.objects.all()
)


ContractViewSet = viewset_for(
    Contract,
    ContractSerializer,
    CONTRACT_ROLES,
    filters=("kind", "state", "village"),
    search=("title",),
    queryset=Contract.objects.all(),
)


def register(router):
    router.register("normative-documents", DocumentViewSet)
    router.register("cleanup-campaigns", CampaignViewSet)
    router.register("contracts", ContractViewSet)
