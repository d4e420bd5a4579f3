from fazhi.api.base import LedgerSerializer, serializer_for, viewset_for
from fazhi.enforcement import models
from fazhi.enforcement.views import CASE_REGISTER, CASE_WEIGHT, ROLES, CaseDetail
from fazhi.enforcement.views_checks import INSPECTION_RECORD_FIELDS
from fazhi.enforcement.violations import JOINT_FIELDS

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
        *CASE_REGISTER,
        "officers",
        *CASE_WEIGHT,
        "filed_on",
        "decided_on",
        "closed_on",
        "fine",
    ),
    CaseDetail.masked,
)
CaseSerializer.Meta.read_only_fields = (
    *LedgerSerializer.Meta.read_only_fields,
    "number",
    "state",
    "filed_on",
    "decided_on",
    "closed_on",
)
InspectionSerializer = serializer_for(models.Inspection, INSPECTION_RECORD_FIELDS)
JointSerializer = serializer_for(models.JointOperation, tuple(f for f in JOINT_FIELDS if f != "summary"))


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
