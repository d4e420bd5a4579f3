"""The county supervises; it never writes a township's ledgers — neither through the ledger pages nor
through its own work (assessment, report collection, 督办)."""

from decimal import Decimal

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from fazhi.core.models import Ledger
from fazhi.core.roles import Role

LEDGERS = sorted(
    (m for m in apps.get_models() if issubclass(m, Ledger) and not m.__name__.startswith("Historical")),
    key=lambda m: m._meta.label,
)


def create_url(model):
    try:
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_create")
    except NoReverseMatch:
        return None


def test_county_cannot_create_a_ledger_record(world, client_for):
    county = client_for(Role.COUNTY)
    creatable = [m for m in LEDGERS if create_url(m)]
    assert len(creatable) >= 30
    before = ledger_state()
    refused = {m._meta.label: county.post(create_url(m), {}).status_code for m in creatable}
    assert refused == {m._meta.label: 403 for m in creatable}
    assert ledger_state() == before


def ledger_state():
    return {m._meta.label: list(m.objects.order_by("pk").values_list("pk", "version")) for m in LEDGERS}


def test_the_county_own_work_writes_no_ledger(world):
    from fazhi.assessment import services as assessment
    from fazhi.assessment.models import Score
    from fazhi.reports import collection
    from fazhi.reports import services as reports
    from fazhi.reports.workflows import WORKFLOW
    from fazhi.supervision import services as supervision

    u = world.users
    report = reports.create_report(world.township, 2025, u[Role.JUDICIAL])
    WORKFLOW.apply(report, "discuss", u[Role.OFFICE])
    reports.sign(report, u[Role.SECRETARY])
    reports.sign(report, u[Role.HEAD])
    WORKFLOW.apply(report, "sign", u[Role.HEAD])
    WORKFLOW.apply(report, "submit", u[Role.OFFICE])
    task = supervision.send(
        world.county,
        u["county"],
        title="督办",
        basis="",
        requirement="整改",
        days=5,
        townships=[world.township],
    )
    supervision.answer(task.assignments.get(), u[Role.JUDICIAL], "已整改")
    before = ledger_state()
    county = u["county"]
    scheme = assessment.create_default(world.county, 2025, county)
    assessment.run(scheme, county)
    hand = Score.objects.get(scheme=scheme, township=world.township, item__number="2.1.3")
    assessment.adjust(hand, county, Decimal(2), "理由", hand.version)
    collection.return_(report.submissions.get(), county, "请补充")
    supervision.decide(task.assignments.get(), county, False, "请补充附件")
    assert ledger_state() == before
