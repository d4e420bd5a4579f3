from fazhi.api.base import serializer_for, viewset_for
from fazhi.petitions.ledgers import HOTLINE, SPEC, WRITE_ROLES
from fazhi.petitions.models import HotlineTicket, Petition

PetitionSerializer = serializer_for(
    Petition,
    (
        *("number", "received", "channel", "origin", "group_visit", "representatives", "petitioner"),
        *("phone", "subject", "kind", "litigation", "legal_route", "state", "notice_due", "accepted_on"),
        *("handling_due", "extended_on", "outcome", "closed_on", "backlog", "backlog_resolved_on"),
    ),
    SPEC.masks,
    read_only=(
        *("number", "state", "notice_due", "handling_due", "extended_on", "outcome", "closed_on"),
        "accepted_on",
    ),
)


PetitionViewSet = viewset_for(
    Petition,
    PetitionSerializer,
    WRITE_ROLES,
    filters=SPEC.filters,
    search=("number", "subject"),
    queryset=Petition.objects.order_by("-received", "-id"),
)


HotlineSerializer = serializer_for(
    HotlineTicket,
    (
        *("ticket_no", "received", "due", "category", "caller", "phone", "content", "handler", "state"),
        *("reply", "replied_on", "satisfaction"),
    ),
    HOTLINE.masks,
    read_only=("state",),
)


HotlineViewSet = viewset_for(
    HotlineTicket,
    HotlineSerializer,
    WRITE_ROLES,
    filters=HOTLINE.filters,
    search=("ticket_no",),
    queryset=HotlineTicket.objects.order_by("-received", "-id"),
)


def register(router):
    router.register("petitions", PetitionViewSet)
    router.register("hotline-tickets", HotlineViewSet)
