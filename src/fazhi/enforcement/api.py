from fazhi.api.base import LedgerSerializer, LedgerViewSet
from fazhi.core import masking
from fazhi.enforcement import models
from fazhi.enforcement.views import ROLES


def serializer_for(model, fields, masks=None):
    meta = type(
        "Meta", (LedgerSerializer.Meta,), {"model": model, "fields": ("id", "township", *fields, "version")}
    )

    def to_representation(self, instance):
        data = LedgerSerializer.to_representation(self, instance)
        for name, mask in (masks or {}).items():
            if data.get(name):
                data[name] = mask(data[name])
        return data

    return type(
        f"{model.__name__}Serializer",
        (LedgerSerializer,),
        {"Meta": meta, "to_representation": to_representation},
    )


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


def viewset_for(queryset, serializer, filterset_fields=(), search_fields=()):
    return type(
        f"{serializer.Meta.model.__name__}ViewSet",
        (LedgerViewSet,),
        {
            "queryset": queryset,
            "serializer_class": serializer,
            "write_roles": ROLES,
            "filterset_fields": filterset_fields,
            "search_fields": search_fields,
        },
    )


def register(router):
    router.register(
        "enforcement/items",
        viewset_for(
            models.EnforcementItem.objects.all(),
            ItemSerializer,
            ("category", "domain", "published"),
            ("code", "name"),
        ),
    )
    router.register(
        "enforcement/officers",
        viewset_for(
            models.EnforcementOfficer.objects.all(), OfficerSerializer, ("field", "active"), ("name",)
        ),
    )
    router.register(
        "enforcement/cases",
        viewset_for(
            models.EnforcementCase.objects.select_related("item").prefetch_related("officers"),
            CaseSerializer,
            ("state", "source", "item", "village", "major"),
            ("number", "title"),
        ),
    )
    router.register(
        "enforcement/inspections",
        viewset_for(models.Inspection.objects.all(), InspectionSerializer, ("kind",), ("title",)),
    )
    router.register(
        "enforcement/joint-operations",
        viewset_for(models.JointOperation.objects.all(), JointSerializer, ("kind",), ("title",)),
    )
