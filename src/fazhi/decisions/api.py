from fazhi.api.base import LedgerSerializer, LedgerViewSet, viewset_for
from fazhi.decisions.models import DecisionCatalogue, MajorDecision
from fazhi.decisions.workflows import ROLES


class CatalogueSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = DecisionCatalogue
        fields = ("id", "township", "year", "title", "state", "party_approved_on", "published_on", "version")
        read_only_fields = ("state", "published_on")


class DecisionSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = MajorDecision
        fields = (
            "id",
            "township",
            "catalogue",
            "title",
            "category",
            "sponsor",
            "state",
            "comment_start",
            "comment_end",
            "meeting",
            "meeting_date",
            "attendees",
            "dissent",
            "decision_text",
            "published_on",
            "version",
        )
        read_only_fields = ("state", "published_on")


CatalogueViewSet = viewset_for(
    DecisionCatalogue,
    CatalogueSerializer,
    ROLES,
    filters=("year", "state"),
    queryset=DecisionCatalogue.objects.all(),
)


class DecisionViewSet(LedgerViewSet):
    """State changes go through the workflow on the pages (guards, history), never a plain PATCH."""

    queryset = MajorDecision.objects.select_related("catalogue")
    serializer_class = DecisionSerializer
    write_roles = ROLES
    filterset_fields = ("state", "category", "catalogue")
    search_fields = ("title", "sponsor")


def register(router):
    router.register("decision-catalogues", CatalogueViewSet)
    router.register("decisions", DecisionViewSet)
