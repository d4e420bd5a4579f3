from fazhi.api.base import LedgerSerializer, viewset_for
from fazhi.core import masking
from fazhi.litigation.models import LitigationCase, RiskArea, RiskAssessment
from fazhi.litigation.views import RISK_ROLES, WRITE_ROLES


class CaseSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = LitigationCase
        fields = (
            "id",
            "township",
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
            "version",
        )
        read_only_fields = (*LedgerSerializer.Meta.read_only_fields, "state", "lost")

    masks = {"applicant": masking.mask_names}


CaseViewSet = viewset_for(
    LitigationCase,
    CaseSerializer,
    WRITE_ROLES,
    filters=("kind", "state", "lost"),
    queryset=LitigationCase.objects.order_by("-copy_received", "-id"),
)


class AssessmentSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = RiskAssessment
        fields = (
            "id",
            "township",
            "title",
            "subject",
            "assessed_on",
            "assessor",
            "risk_level",
            "risks",
            "measures",
            "conclusion",
            "version",
        )


AssessmentViewSet = viewset_for(
    RiskAssessment,
    AssessmentSerializer,
    RISK_ROLES,
    filters=("subject", "risk_level", "conclusion"),
    queryset=RiskAssessment.objects.order_by("-assessed_on", "-id"),
)


class AreaSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = RiskArea
        fields = (
            "id",
            "township",
            "village",
            "name",
            "domain",
            "level",
            "measures",
            "listed_on",
            "review_months",
            "active",
            "version",
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
