"""The report's two statutory dates while they are open."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.reports import rules
from fazhi.reports.models import AnnualReport


def report_items(reports):
    for report in reports.exclude(state=AnnualReport.State.PUBLISHED):
        url = report.get_absolute_url()
        if report.submitted_on is None:
            yield DeadlineItem(
                f"{report}：报送", url, "司法所", rules.SUBMIT, rules.submit_due(report.year), report
            )
        yield DeadlineItem(
            f"{report}：向社会公开", url, "党政办", rules.PUBLISH, rules.publish_due(report.year), report
        )


SOURCES = [Source(AnnualReport, report_items)]
