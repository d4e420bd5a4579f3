"""The report's two statutory dates on the deadline board while they are open."""

from fazhi.core.board import DeadlineItem
from fazhi.reports import rules
from fazhi.reports.models import AnnualReport


def deadline_items(township, today):
    items = []
    for report in AnnualReport.objects.filter(township=township).exclude(state=AnnualReport.State.PUBLISHED):
        url = report.get_absolute_url()
        if report.submitted_on is None:
            items.append(
                DeadlineItem(f"{report}：报送", url, "司法所", rules.SUBMIT, rules.submit_due(report.year))
            )
        items.append(
            DeadlineItem(
                f"{report}：向社会公开", url, "党政办", rules.PUBLISH, rules.publish_due(report.year)
            )
        )
    return items
