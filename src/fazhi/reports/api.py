from rest_framework import serializers

from fazhi.api.base import LedgerSerializer, LedgerViewSet, serializer_for, viewset_for
from fazhi.reports.ledgers import ITEM_ROLES
from fazhi.reports.models import AnnualReport, ReportItem
from fazhi.reports.services import WRITE_ROLES, to_document


class ReportSerializer(LedgerSerializer):
    text = serializers.SerializerMethodField(help_text="当前版本正文（指标已代入数值，不含编辑提示）")

    class Meta(LedgerSerializer.Meta):
        model = AnnualReport
        fields = (
            "id",
            "township",
            "year",
            "title",
            "state",
            "report_date",
            "submitted_on",
            "published_on",
            "version",
            "text",
        )
        read_only_fields = fields

    def get_text(self, report) -> list[str]:
        if report.current is None:
            return []
        return [block.text for block in to_document(report).blocks]


class ReportViewSet(LedgerViewSet):
    """Reports are read here; they are written through the editor and its workflow."""

    queryset = AnnualReport.objects.all()
    serializer_class = ReportSerializer
    write_roles = WRITE_ROLES
    filterset_fields = ("year", "state")
    http_method_names = ["get", "head", "options"]


ItemSerializer = serializer_for(ReportItem, ("year", "kind", "area", "title", "text", "order"), village=False)


ItemViewSet = viewset_for(
    ReportItem,
    ItemSerializer,
    ITEM_ROLES,
    filters=("year", "kind", "area"),
    queryset=ReportItem.objects.all(),
)


def register(router):
    router.register("annual-reports", ReportViewSet)
    router.register("report-items", ItemViewSet)
