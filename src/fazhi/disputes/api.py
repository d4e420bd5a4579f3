from fazhi.api.base import LedgerSerializer, viewset_for
from fazhi.core import masking
from fazhi.disputes.models import Dispute, Mediator, ScreeningRound
from fazhi.disputes.views import STAFF_ROLES, WRITE_ROLES


class DisputeSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = Dispute
        fields = (
            "id",
            "township",
            "village",
            "number",
            "received",
            "source",
            "type",
            "parties",
            "phone",
            "summary",
            "kind",
            "mediator",
            "state",
            "level",
            "outcome",
            "agreement_date",
            "resolved_on",
            "confirmation_applied",
            "criminal_risk",
            "version",
        )
        read_only_fields = (*LedgerSerializer.Meta.read_only_fields, "number", "state", "resolved_on")

    masks = {"parties": masking.mask_names, "phone": masking.mask_phone}


DisputeViewSet = viewset_for(
    Dispute,
    DisputeSerializer,
    WRITE_ROLES,
    filters=("state", "type", "level", "kind", "village"),
    search=("number", "summary"),
    queryset=Dispute.objects.select_related("village", "mediator").order_by("-received", "-id"),
)


class ScreeningSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = ScreeningRound
        fields = (
            "id",
            "township",
            "village",
            "date",
            "frequency",
            "screener",
            "scope",
            "found",
            "notes",
            "version",
        )


ScreeningViewSet = viewset_for(
    ScreeningRound,
    ScreeningSerializer,
    WRITE_ROLES,
    filters=("village", "frequency"),
    queryset=ScreeningRound.objects.order_by("-date", "-id"),
)


class MediatorSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = Mediator
        fields = (
            "id",
            "township",
            "name",
            "committee",
            "full_time",
            "position",
            "phone",
            "active",
            "version",
        )

    masks = {"phone": masking.mask_phone}


MediatorViewSet = viewset_for(
    Mediator,
    MediatorSerializer,
    STAFF_ROLES,
    filters=("committee", "full_time", "active"),
    queryset=Mediator.objects.order_by("id"),
)


def register(router):
    router.register("disputes", DisputeViewSet)
    router.register("screening-rounds", ScreeningViewSet)
    router.register("mediators", MediatorViewSet)
