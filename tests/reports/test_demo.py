from fazhi.reports import demo
from fazhi.reports.models import AnnualReport, Baseline, ReportItem, ReportVersion


def counts():
    return (
        AnnualReport.objects.count(),
        ReportVersion.objects.count(),
        ReportItem.objects.count(),
        Baseline.objects.count(),
    )


def test_demo_is_idempotent_and_imports_a_baseline(world):
    demo.build(world)
    first = counts()
    demo.build(world)
    assert counts() == first
    report = AnnualReport.objects.get(township=world.township, year=2025)
    assert report.state == AnnualReport.State.DRAFT and report.current.number == 1
    assert ReportItem.objects.filter(township=world.township, kind=ReportItem.Kind.PROBLEM).count() == 3
    baseline = Baseline.objects.get(township=world.township, year=2024)
    assert baseline.source == Baseline.Source.IMPORTED and baseline.parsed["year"] == 2024
    assert baseline.figures["org.advisors"] == 3  # mapped from "聘请法律顾问3名" in the imported text
    assert AnnualReport.objects.filter(township__in=world.other_townships).count() == len(
        world.other_townships
    )
