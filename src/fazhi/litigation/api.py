from fazhi.api.base import LedgerSerializer, LedgerViewSet
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


class CaseViewSet(LedgerViewSet):
    queryset = LitigationCase.objects.order_by("-copy_received", "-id")
    serializer_class = CaseSerializer
    write_roles = WRITE_ROLES
    filterset_fields = ("kind", "state", "lost")


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


class AssessmentViewSet(LedgerViewSet):
    queryset = RiskAssessment.objects.order_by("-assessed_on", "-id")
    serializer_class = AssessmentSerializer
    write_roles = RISK_ROLES
    filterset_fields = ("subject", "risk_level", "conclusion")


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


class AreaViewSet(LedgerViewSet):
    queryset = RiskArea.objects.order_by("id")
    serializer_class = AreaSerializer
    write_roles = RISK_ROLES
    filterset_fields = ("domain", "level", "active")


def register(router):
    router.register("litigation-cases", CaseViewSet)
    router.register("risk-assessments", AssessmentViewSet)
    router.register("risk-areas", AreaViewSet)
