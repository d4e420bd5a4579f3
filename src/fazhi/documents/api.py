from rest_framework import serializers

from fazhi.api.base import LedgerSerializer, LedgerViewSet
from fazhi.core import masking
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument
from fazhi.documents.workflows import CONTRACT_ROLES, ROLES


class DocumentSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = NormativeDocument
        fields = (
            "id",
            "township",
            "title",
            "doc_no",
            "sponsor",
            "state",
            "published_on",
            "filed_on",
            "valid_from",
            "valid_until",
            "market_related",
            "trial",
            "version",
        )
        read_only_fields = ("state", "doc_no", "published_on")


class CampaignSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = CleanupCampaign
        fields = (
            "id",
            "township",
            "title",
            "basis",
            "state",
            "started_on",
            "concluded_on",
            "published_on",
            "version",
        )
        read_only_fields = ("state", "concluded_on", "published_on")


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


class DocumentViewSet(LedgerViewSet):
    queryset = NormativeDocument.objects.all()
    serializer_class = DocumentSerializer
    write_roles = ROLES
    filterset_fields = ("state",)
    search_fields = ("title", "doc_no")


class CampaignViewSet(LedgerViewSet):
    queryset = CleanupCampaign.objects.all()
    serializer_class = CampaignSerializer
    write_roles = ROLES


class ContractViewSet(LedgerViewSet):
    queryset = Contract.objects.all()
    serializer_class = ContractSerializer
    write_roles = CONTRACT_ROLES
    filterset_fields = ("kind", "state", "village")
    search_fields = ("title",)


def register(router):
    router.register("normative-documents", DocumentViewSet)
    router.register("cleanup-campaigns", CampaignViewSet)
    router.register("contracts", ContractViewSet)
