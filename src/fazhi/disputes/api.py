from fazhi.api.base import LedgerSerializer, LedgerViewSet
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


class DisputeViewSet(LedgerViewSet):
    queryset = Dispute.objects.select_related("village", "mediator").order_by("-received", "-id")
    serializer_class = DisputeSerializer
    write_roles = WRITE_ROLES
    filterset_fields = ("state", "type", "level", "kind", "village")
    search_fields = ("number", "summary")


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


class ScreeningViewSet(LedgerViewSet):
    queryset = ScreeningRound.objects.order_by("-date", "-id")
    serializer_class = ScreeningSerializer
    write_roles = WRITE_ROLES
    filterset_fields = ("village", "frequency")


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


class MediatorViewSet(LedgerViewSet):
    queryset = Mediator.objects.order_by("id")
    serializer_class = MediatorSerializer
    write_roles = STAFF_ROLES
    filterset_fields = ("committee", "full_time", "active")


def register(router):
    router.register("disputes", DisputeViewSet)
    router.register("screening-rounds", ScreeningViewSet)
    router.register("mediators", MediatorViewSet)
