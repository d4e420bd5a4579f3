from fazhi.api.base import LedgerSerializer, viewset_for
from fazhi.core import masking
from fazhi.petitions.models import HotlineTicket, Petition
from fazhi.petitions.views import SPEC, WRITE_ROLES


class PetitionSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = Petition
        fields = (
            "id",
            "township",
            "village",
            "number",
            "received",
            "channel",
            "origin",
            "group_visit",
            "representatives",
            "petitioner",
            "phone",
            "subject",
            "kind",
            "litigation",
            "legal_route",
            "state",
            "notice_due",
            "accepted_on",
            "handling_due",
            "extended_on",
            "outcome",
            "closed_on",
            "backlog",
            "backlog_resolved_on",
            "version",
        )
        read_only_fields = (
            *LedgerSerializer.Meta.read_only_fields,
            "number",
            "state",
            "notice_due",
            "handling_due",
            "extended_on",
            "outcome",
            "closed_on",
            "accepted_on",
        )

    masks = SPEC.masks


PetitionViewSet = viewset_for(
    Petition,
    PetitionSerializer,
    WRITE_ROLES,
    filters=("state", "channel", "origin", "kind", "litigation", "backlog", "village"),
    search=("number", "subject"),
    queryset=Petition.objects.order_by("-received", "-id"),
)


class HotlineSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = HotlineTicket
        fields = (
            "id",
            "township",
            "village",
            "ticket_no",
            "received",
            "due",
            "category",
            "caller",
            "phone",
            "content",
            "handler",
            "state",
            "reply",
            "replied_on",
            "satisfaction",
            "version",
        )
        read_only_fields = (*LedgerSerializer.Meta.read_only_fields, "state")

    masks = {"caller": masking.mask_names, "phone": masking.mask_phone}


HotlineViewSet = viewset_for(
    HotlineTicket,
    HotlineSerializer,
    WRITE_ROLES,
    filters=("state", "category", "satisfaction", "village"),
    search=("ticket_no",),
    queryset=HotlineTicket.objects.order_by("-received", "-id"),
)


def register(router):
    router.register("petitions", PetitionViewSet)
    router.register("hotline-tickets", HotlineViewSet)
