from fazhi.api.base import serializer_for, viewset_for
from fazhi.disputes.ledgers import DISPUTE, MEDIATOR, SCREENING, STAFF_ROLES, WRITE_ROLES
from fazhi.disputes.models import Dispute, Mediator

DisputeSerializer = serializer_for(
    Dispute,
    (
        *("number", "received", "source", "type", "parties", "phone", "summary", "kind", "mediator"),
        *("state", "level", "outcome", "agreement_date", "resolved_on", "confirmation_applied"),
        "criminal_risk",
    ),
    DISPUTE.masks,
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


MediatorViewSet = viewset_for(
    Mediator,
    serializer_for(
        Mediator,
        ("name", "committee", "full_time", "position", "phone", "active"),
        MEDIATOR.masks,
        village=False,
    ),
    STAFF_ROLES,
    filters=MEDIATOR.filters,
    queryset=Mediator.objects.order_by("id"),
)


def register(router):
    router.register("disputes", DisputeViewSet)
    router.register(*SCREENING.api_route())
    router.register("mediators", MediatorViewSet)
