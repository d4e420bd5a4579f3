from django.db.models import Q
from rest_framework import serializers

from fazhi.api.base import LedgerSerializer, LedgerViewSet
from fazhi.core.access import access_for
from fazhi.core.roles import Role
from fazhi.services import models, views
from fazhi.services.services import new_code, set_due


def serializer_for(model, fields, masks=None, read_only=()):
    """A LedgerSerializer for `model`; `masks` ({field: mask}) apply to everything it returns."""
    meta = type(
        "Meta",
        (LedgerSerializer.Meta,),
        {
            "model": model,
            "fields": ("id", "township", "village", *fields, "version"),
            "read_only_fields": (*LedgerSerializer.Meta.read_only_fields, *read_only),
        },
    )

    def to_representation(self, instance):
        data = LedgerSerializer.to_representation(self, instance)
        for name, mask in (masks or {}).items():
            data[name] = mask(data[name]) if data.get(name) else ""
        return data

    return type(
        f"{model.__name__}Serializer",
        (LedgerSerializer,),
        {"Meta": meta, "to_representation": to_representation},
    )


def viewset_for(model, serializer, roles, filters=(), related=(), **extra):
    return type(
        f"{model.__name__}ViewSet",
        (LedgerViewSet,),
        {
            "queryset": model.objects.select_related(*related).order_by("-id"),
            "serializer_class": serializer,
            "write_roles": roles,
            "filterset_fields": filters,
            **extra,
        },
    )


class AdvisorWorkViewSet(
    viewset_for(
        models.AdvisorWork,
        serializer_for(models.AdvisorWork, views.WORK_FIELDS[:-2] + ("summary",)),
        views.ADVISOR,
        ("advisor", "kind"),
        ("advisor",),
    )
):
    def get_queryset(self):
        # Where the user is only an advisor, they see only their own work (as on the pages).
        access = access_for(self.request.user)
        advisor_only = [t for t, roles in access.townships.items() if roles == {Role.ADVISOR}]
        return (
            super()
            .get_queryset()
            .exclude(Q(township_id__in=advisor_only) & ~Q(advisor__user=self.request.user))
        )

    def _save(self, serializer, record, expected):
        if (
            views.is_advisor_only(self.request.user, record.township)
            and record.advisor.user_id != self.request.user.id
        ):
            raise serializers.ValidationError({"advisor": "法律顾问只能登记本人的工作记录。"})
        super()._save(serializer, record, expected)


RequestSerializer = serializer_for(
    models.DisclosureRequest,
    (
        "code",
        "applicant",
        "contact",
        "channel",
        "received_on",
        "content",
        "due_on",
        "state",
        "reply",
        "replied_on",
    ),
    views.REQUEST_MASKS,
    read_only=("code", "due_on", "state"),
)


class RequestViewSet(
    viewset_for(models.DisclosureRequest, RequestSerializer, views.OFFICE, ("state", "channel"))
):
    def _save(self, serializer, record, expected):
        if not record.code:
            record.code = new_code(record.received_on)
        set_due(record)
        super()._save(serializer, record, expected)


def register(router):
    router.register("advisor-work", AdvisorWorkViewSet)
    router.register(
        "village-rules",
        viewset_for(
            models.VillageRule,
            serializer_for(
                models.VillageRule,
                ("title", "adopted_on", "filed_on", "state", "reviewer", "opinion"),
                read_only=("state",),
            ),
            views.VILLAGE_RULE_ROLES,
            ("state", "village"),
        ),
    )
    router.register(
        "legal-aid-consultations",
        viewset_for(
            models.LegalAidConsultation,
            serializer_for(
                models.LegalAidConsultation,
                ("date", "applicant", "phone", "matter", "question", "answer", "referred"),
                views.LEGAL_AID_MASKS,
            ),
            views.LEGAL_AID_ROLES,
            ("matter",),
        ),
    )
    router.register(
        "disclosure-items",
        viewset_for(
            models.DisclosureItem,
            serializer_for(
                models.DisclosureItem, ("title", "published_on", "channel", "category", "url", "content")
            ),
            views.OFFICE,
            ("channel", "category"),
        ),
    )
    router.register("disclosure-requests", RequestViewSet)
    router.register(
        "duty-records",
        viewset_for(
            models.DutyRecord,
            serializer_for(models.DutyRecord, ("person", "date", "kind", "subject", "summary")),
            views.LEADERS,
            ("person", "kind"),
        ),
    )
    router.register(
        "measures",
        viewset_for(
            models.Measure,
            serializer_for(models.Measure, ("date", "section", "text", "quantity", "unit", "detail")),
            views.OFFICE,
        ),
    )
