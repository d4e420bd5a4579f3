from fazhi.api.base import serializer_for, viewset_for
from fazhi.core import masking
from fazhi.disputes.models import Dispute, Mediator, ScreeningRound
from fazhi.disputes.views import STAFF_ROLES, WRITE_ROLES

DisputeSerializer = serializer_for(
    Dispute,
    (
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
    ),
    {"parties": masking.mask_names, "phone": masking.mask_phone},
    read_only=("number", "state", "resolved_on"),
)


DisputeViewSet = viewset_for(
    Dispute,
    DisputeSerializer,
    WRITE_ROLES,
    filters=("state", "type", "level", "kind", "village"),
    search=("number", "summary"),
    queryset=Dispute.objects.select_related("village", "mediator").order_by("-received", "-id"),
)


ScreeningSerializer = serializer_for(
    ScreeningRound, ("date", "frequency", "screener", "scope", "found", "notes")
)


ScreeningViewSet = viewset_for(
    ScreeningRound,
    ScreeningSerializer,
    WRITE_ROLES,
    filters=("village", "frequency"),
    queryset=ScreeningRound.objects.order_by("-date", "-id"),
)


MediatorSerializer = serializer_for(
    Mediator,
    ("name", "committee", "full_time", "position", "phone", "active"),
    {"phone": masking.mask_phone},
    village=False,
)


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
