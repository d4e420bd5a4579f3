from fazhi.api.base import LedgerSerializer, serializer_for, viewset_for
from fazhi.core import masking
from fazhi.enforcement import models
from fazhi.enforcement.views import ROLES

ItemSerializer = serializer_for(
    models.EnforcementItem,
    (
        "code",
        "name",
        "category",
        "domain",
        "legal_basis",
        "assigned_by",
        "assignment_document",
        "published",
        "published_on",
    ),
)
OfficerSerializer = serializer_for(
    models.EnforcementOfficer,
    (
        "name",
        "certificate_no",
        "issuing_province",
        "origin",
        "certificate_applied_on",
        "field",
        "valid_from",
        "valid_until",
        "training_hours",
        "exam_score",
        "exam_passed",
        "active",
    ),
)
# The state is read-only here: cases move only through the workflow (its guards apply on the pages).
CaseSerializer = serializer_for(
    models.EnforcementCase,
    (
        "number",
        "state",
        "source",
        "item",
        "title",
        "party",
        "party_id_number",
        "party_phone",
        "village",
        "location",
        "officers",
        "major",
        "social_impact",
        "hearing_right",
        "discovered_on",
        "filed_on",
        "decided_on",
        "closed_on",
        "fine",
    ),
    {
        "party": masking.mask_names,
        "party_id_number": masking.mask_id_number,
        "party_phone": masking.mask_phone,
    },
)
CaseSerializer.Meta.read_only_fields = (
    *LedgerSerializer.Meta.read_only_fields,
    "number",
    "state",
    "filed_on",
    "decided_on",
    "closed_on",
)
InspectionSerializer = serializer_for(
    models.Inspection,
    (
        "kind",
        "title",
        "item",
        "target",
        "village",
        "planned_on",
        "done_on",
        "result",
        "hazards_found",
        "hazards_rectified",
        "rectify_by",
    ),
)
JointSerializer = serializer_for(
    models.JointOperation,
    (
        "kind",
        "title",
        "date",
        "units",
        "location",
        "vehicles_checked",
        "people_cautioned",
    ),
)


def register(router):
    for prefix, queryset, serializer, filters, search in (
        (
            "items",
            models.EnforcementItem.objects.all(),
            ItemSerializer,
            ("category", "domain", "published"),
            ("code", "name"),
        ),
        (
            "officers",
            models.EnforcementOfficer.objects.all(),
            OfficerSerializer,
            ("field", "origin", "active"),
            ("name",),
        ),
        (
            "cases",
            models.EnforcementCase.objects.select_related("item").prefetch_related("officers"),
            CaseSerializer,
            ("state", "source", "item", "village", "major"),
            ("number", "title"),
        ),
        ("inspections", models.Inspection.objects.all(), InspectionSerializer, ("kind",), ("title",)),
        ("joint-operations", models.JointOperation.objects.all(), JointSerializer, ("kind",), ("title",)),
    ):
        model = serializer.Meta.model
        router.register(
            f"enforcement/{prefix}",
            viewset_for(model, serializer, ROLES, filters, search=search, queryset=queryset.order_by("-id")),
        )
