from fazhi.api.base import LedgerSerializer, LedgerViewSet
from fazhi.core import masking
from fazhi.education import models, views


def serializer_for(model, fields, masks=None):
    """A LedgerSerializer for `model` whose `masks` ({field: mask}) apply to everything it returns."""
    meta = type(
        "Meta",
        (LedgerSerializer.Meta,),
        {"model": model, "fields": ("id", "township", "village", *fields, "version")},
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


def viewset_for(model, serializer, roles, filters=(), related=()):
    return type(
        f"{model.__name__}ViewSet",
        (LedgerViewSet,),
        {
            "queryset": model.objects.select_related(*related).order_by("-id"),
            "serializer_class": serializer,
            "write_roles": roles,
            "filterset_fields": filters,
        },
    )


ActivitySerializer = serializer_for(
    models.OutreachActivity, views.OUTREACH_FIELDS[:7] + views.OUTREACH_FIELDS[8:]
)
StudySerializer = serializer_for(
    models.StudySession, ("date", "kind", "topic", "laws", "lecturer", "participants", "attendees")
)
ExamSerializer = serializer_for(models.Exam, ("date", "title", "expected", "participants", "passed"))
LiaisonSerializer = serializer_for(
    models.LegalLiaison,
    ("name", "group", "phone", "appointed_on", "trained", "active"),
    {"name": masking.mask_name, "phone": masking.mask_phone},
)


def register(router):
    router.register(
        "outreach-activities",
        viewset_for(
            models.OutreachActivity,
            ActivitySerializer,
            views.OUTREACH_ROLES,
            ("theme", "themed_day", "venue", "village"),
        ),
    )
    router.register(
        "study-sessions", viewset_for(models.StudySession, StudySerializer, views.STUDY_ROLES, ("kind",))
    )
    router.register("exams", viewset_for(models.Exam, ExamSerializer, views.STUDY_ROLES))
    router.register(
        "legal-liaisons",
        viewset_for(
            models.LegalLiaison, LiaisonSerializer, views.VILLAGE_ROLES, ("village", "group", "active")
        ),
    )
