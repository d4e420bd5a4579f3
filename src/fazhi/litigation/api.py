from fazhi.api.base import serializer_for, viewset_for
from fazhi.core import masking
from fazhi.litigation.ledgers import RISK_ROLES, WRITE_ROLES
from fazhi.litigation.models import LitigationCase, RiskArea, RiskAssessment

CaseSerializer = serializer_for(
    LitigationCase,
    (
        "case_no",
        "kind",
        "stage",
        "organ",
        "applicant",
        "subject",
        "copy_received",
        "answered_on",
        "state",
        "outcome",
        "decided_on",
        "lost",
        "judgment_executed",
        "executed_on",
    ),
    {"applicant": masking.mask_names},
    read_only=("state", "lost"),
    village=False,
)


CaseViewSet = viewset_for(
    LitigationCase,
    CaseSerializer,
    WRITE_ROLES,
    filters=("kind", "state", "lost"),
    queryset=LitigationCase.objects.order_by("-copy_received", "-id"),
)


AssessmentSerializer = serializer_for(
    RiskAssessment,
    ("title", "subject", "assessed_on", "assessor", "risk_level", "risks", "measures", "conclusion"),
    village=False,
)


AssessmentViewSet = viewset_for(
    RiskAssessment,
    AssessmentSerializer,
    RISK_ROLES,
    filters=("subject", "risk_level", "conclusion"),
    queryset=RiskAssessment.objects.order_by("-assessed_on", "-id"),
)


AreaSerializer = serializer_for(
    RiskArea, ("name", "domain", "level", "measures", "listed_on", "review_months", "active")
)


AreaViewSet = viewset_for(
    RiskArea,
    AreaSerializer,
    RISK_ROLES,
    filters=("domain", "level", "active"),
    queryset=RiskArea.objects.order_by("id"),
)


def register(router):
    router.register("litigation-cases", CaseViewSet)
    router.register("risk-assessments", AssessmentViewSet)
    router.register("risk-areas", AreaViewSet)
