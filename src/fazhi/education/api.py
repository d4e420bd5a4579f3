from fazhi.api.base import serializer_for, viewset_for
from fazhi.core import masking
from fazhi.education import models, views

ActivitySerializer = serializer_for(
    models.OutreachActivity, tuple(f for f in views.OUTREACH_FIELDS if f != "village")
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
            ("theme", "themed_day", "campaign", "venue", "village"),
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
