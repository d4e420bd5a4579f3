from fazhi.api.base import serializer_for, viewset_for
from fazhi.education import ledgers, models

# The spec's serializers; the viewsets keep their own filters and order (the API's, not the lists').
StudySerializer = serializer_for(models.StudySession, (*ledgers.STUDY_FIELDS, "attendees"))


def register(router):
    router.register(
        "outreach-activities",
        viewset_for(
            models.OutreachActivity,
            ledgers.ACTIVITY.serializer(),
            ledgers.OUTREACH_ROLES,
            ("theme", "themed_day", "campaign", "venue", "village"),
        ),
    )
    router.register(
        "study-sessions", viewset_for(models.StudySession, StudySerializer, ledgers.STUDY_ROLES, ("kind",))
    )
    router.register("exams", viewset_for(models.Exam, ledgers.EXAM.serializer(), ledgers.STUDY_ROLES))
    router.register(
        "legal-liaisons",
        viewset_for(
            models.LegalLiaison,
            ledgers.LIAISON.serializer(),
            ledgers.VILLAGE_ROLES,
            ("village", "group", "active"),
        ),
    )
