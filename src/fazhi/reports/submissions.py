"""Report collection (报送与签收): every time a township submits its annual report to the county a
Submission records which version went; the county receives it (签收) or returns it with comments
(退回). The county writes only here, never the township's report: after a return the township
reopens its own report (`reopen`), edits (new versions), signs and submits again."""

from django.db import models
from django.db.models.signals import post_save

from fazhi.core.fields import meta, region_link, required_link, user_link


class Submission(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "待签收"
        RECEIVED = "received", "已签收"
        RETURNED = "returned", "已退回"

    report = required_link(
        "reports.AnnualReport", "报告", on_delete=models.CASCADE, related_name="submissions"
    )
    township = region_link()
    number = models.PositiveIntegerField("报送次数")
    version = required_link("reports.ReportVersion", "报送版本", related_name="+")
    submitted_on = models.DateField("报送日期")
    submitted_by = user_link("报送人")
    state = models.CharField("签收状态", max_length=10, choices=State.choices, default=State.PENDING)
    comment = models.TextField("县级意见", blank=True)
    decided_by = user_link(blank=True)
    decided_at = models.DateTimeField("签收/退回时间", null=True, blank=True)

    Meta = meta(
        "报告报送记录", "report", "-number", unique={"report_submission_unique": ("report", "number")}
    )

    def __str__(self) -> str:
        return f"{self.report}（第{self.number}次报送）"


def _record_submission(sender, instance, **kwargs):
    """Whatever path submitted the report (page, API, demo), the submission is recorded once."""
    if kwargs.get("raw") or instance.state != "submitted" or instance.current is None:
        return
    latest = instance.submissions.order_by("-number").first()
    if latest is not None and latest.state != Submission.State.RETURNED:
        return
    Submission.objects.create(
        report=instance,
        township_id=instance.township_id,
        number=(latest.number + 1) if latest else 1,
        version=instance.current,
        submitted_on=instance.submitted_on or instance.updated_at.date(),
        submitted_by=instance.updated_by,
    )


post_save.connect(_record_submission, sender="reports.AnnualReport", dispatch_uid="fazhi.reports.submission")
