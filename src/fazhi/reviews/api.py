from fazhi.api.base import LedgerViewSet, serializer_for
from fazhi.core.access import access_for
from fazhi.core.roles import Role
from fazhi.reviews.ledgers import OPINION_FIELDS, WRITE_ROLES
from fazhi.reviews.models import LegalityReview

ReviewSerializer = serializer_for(
    LegalityReview,
    (
        *("kind", "state", "subject_title", "submitted_by", "requested_on", "due_on", "advisor"),
        *OPINION_FIELDS,
        "concluded_on",
    ),
    read_only=("state", "due_on", "concluded_on"),
)


class ReviewViewSet(LedgerViewSet):
    """Reviews are created by the ledgers that send them (or on the queue page); state changes go
    through the workflow on the pages, so the API reads and records opinions only."""

    queryset = LegalityReview.objects.select_related("advisor")
    serializer_class = ReviewSerializer
    write_roles = WRITE_ROLES
    filterset_fields = ("kind", "state", "conclusion", "advisor")
    search_fields = ("subject_title",)
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        queryset = super().get_queryset()
        access = access_for(self.request.user)
        advisor_only = [t for t, roles in access.townships.items() if roles == {Role.ADVISOR}]
        if advisor_only:
            queryset = queryset.exclude(township_id__in=advisor_only) | queryset.filter(
                township_id__in=advisor_only, advisor__user=self.request.user
            )
        return queryset


def register(router):
    router.register("reviews", ReviewViewSet)
