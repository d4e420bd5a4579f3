"""The demo county's 2025 scheme (the default one), scored once, with a hand score and evidence."""

import datetime as dt
from decimal import Decimal

from fazhi.assessment import services
from fazhi.assessment.models import Scheme, Score


def build(context) -> None:
    if Scheme.objects.filter(county=context.county, year=2025).exists():
        return
    county_user = context.user("county")
    scheme = services.create_default(context.county, 2025, county_user)
    scheme.evidence_due = dt.date(2026, 12, 31)
    scheme.save(update_fields=["evidence_due"])
    services.run(scheme, county_user)
    report = Score.objects.get(scheme=scheme, township=context.township, item__number="1.1.3")
    services.adjust(
        report, county_user, Decimal(3), "2025年度报告于2月24日报送、3月28日公开，均在期限内", report.version
    )
    services.submit_evidence(
        Score.objects.get(scheme=scheme, township=context.township, item__number="4.1.3"),
        context.user("judicial"),
        "执法公示栏照片及镇政府网站“双公示”栏目截图",
    )
