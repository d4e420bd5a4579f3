from fazhi.api.base import LedgerViewSet, serializer_for, viewset_for
from fazhi.decisions.models import DecisionCatalogue, MajorDecision
from fazhi.decisions.workflows import ROLES

CatalogueSerializer = serializer_for(
    DecisionCatalogue,
    ("year", "title", "state", "party_approved_on", "published_on"),
    read_only=("state", "published_on"),
    village=False,
)
DecisionSerializer = serializer_for(
    MajorDecision,
    (
        *("catalogue", "title", "category", "sponsor", "state", "comment_start", "comment_end"),
        *("meeting", "meeting_date", "attendees", "dissent", "decision_text", "published_on"),
    ),
    read_only=("state", "published_on"),
    village=False,
)


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
