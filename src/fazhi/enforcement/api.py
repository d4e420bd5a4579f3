from django import forms
from rest_framework import serializers

from fazhi.api.base import LedgerSerializer, serializer_for, viewset_for
from fazhi.enforcement import models
from fazhi.enforcement.ledgers import CASE, CASE_REGISTER, CASE_WEIGHT, INSPECTION, ITEM, ROLES
from fazhi.enforcement.violations import JOINT_FIELDS, LABELS, parse, set_violations

ItemSerializer = serializer_for(models.EnforcementItem, ITEM.fields_of("事项"))
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
    CASE.masks,
)
CaseSerializer.Meta.read_only_fields = (
    *LedgerSerializer.Meta.read_only_fields,
    "number",
    "state",
    "filed_on",
    "decided_on",
    "closed_on",
)
InspectionSerializer = serializer_for(models.Inspection, INSPECTION.fields_of())


class ViolationsField(serializers.Field):
    """The violations by type: written as the form's "类型 起数" lines or as {type: count} (the type
    by its code or its Chinese label); read as one row per type with its label."""

    default_error_messages = {"invalid": "请填写“类型 起数”各行，或｛类型: 起数｝。"}

    def to_representation(self, rows):
        return [{"kind": row.kind, "label": row.get_kind_display(), "count": row.count} for row in rows.all()]

    def to_internal_value(self, data):
        if isinstance(data, dict):
            # One path for both shapes: the dict becomes the lines the form takes.
            kinds = dict(models.Violation.Kind.choices)
            data = "\n".join(f"{kinds.get(kind, kind)} {count}" for kind, count in data.items())
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            return parse(data)
        except forms.ValidationError as exc:
            raise serializers.ValidationError(exc.messages)


_JointBase = serializer_for(models.JointOperation, tuple(f for f in JOINT_FIELDS if f != "summary"))


class JointSerializer(_JointBase):
    violations = ViolationsField(
        source="violation_rows",
        required=False,
        help_text=f"查处违法行为：每行“类型 起数”，或{{类型: 起数}}；类型为{'、'.join(LABELS)}之一",
    )

    class Meta(_JointBase.Meta):
        fields = (*_JointBase.Meta.fields, "violations")

    def validate(self, attrs):
        # The rows are not a field of the operation: kept aside, written after it is saved.
        self._violations = attrs.pop("violation_rows", None)
        return super().validate(attrs)

    def after_save(self, record):
        if getattr(self, "_violations", None) is not None:
            set_violations(record, self._violations)
            # The rows read back must be the ones just written, not those prefetched with the record.
            getattr(record, "_prefetched_objects_cache", {}).pop("violation_rows", None)


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
        (
            "joint-operations",
            models.JointOperation.objects.prefetch_related("violation_rows"),
            JointSerializer,
            ("kind",),
            ("title",),
        ),
    ):
        model = serializer.Meta.model
        router.register(
            f"enforcement/{prefix}",
            viewset_for(model, serializer, ROLES, filters, search=search, queryset=queryset.order_by("-id")),
        )
