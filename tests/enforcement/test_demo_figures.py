"""Demo data (idempotent, realistic) and the figures and report sentences computed from records."""

import datetime as dt
from collections import Counter

import pytest

from fazhi.enforcement import demo
from fazhi.enforcement.models import (
    CaseEvaluation,
    EnforcementCase,
    EnforcementItem,
    EnforcementOfficer,
    Inspection,
    JointOperation,
    PublicEntry,
)
from fazhi.enforcement.workflows import missing_record
from fazhi.indicators.registry import REGISTRY, Scope, get
from fazhi.reports.compose import say

pytestmark = pytest.mark.django_db

CODES = [
    "enforcement.items.total",
    "enforcement.items.by_category.punishment",
    "enforcement.items.by_category.coercion",
    "enforcement.items.by_category.inspection",
    "enforcement.officers.total",
    "enforcement.officers.certified_rate",
    "enforcement.cases.total",
    "enforcement.cases.closed",
    "enforcement.cases.legal_review_rate",
    "enforcement.cases.full_record_rate",
    "enforcement.inspections.total",
    "enforcement.joint_operations.total",
    "enforcement.vehicles_checked",
    "enforcement.hazards.found",
    "enforcement.hazards.rectified",
]


def counts(township):
    return [
        m.objects.filter(township=township).count()
        for m in (
            EnforcementItem,
            EnforcementOfficer,
            EnforcementCase,
            PublicEntry,
            Inspection,
            JointOperation,
            CaseEvaluation,
        )
    ]


def test_demo_is_realistic_idempotent_and_matches_the_report(world):
    from fazhi.reviews import demo as reviews_demo

    reviews_demo.build(world)
    demo.build(world)
    first = counts(world.township)
    demo.build(world)
    assert counts(world.township) == first
    items, officers, cases = first[:3]
    assert 30 <= items <= 60 and 20 <= officers <= 40 and 30 <= cases <= 80
    states = Counter(EnforcementCase.objects.filter(township=world.township).values_list("state", flat=True))
    assert set(states) == set(EnforcementCase.State.values)  # cases in every state
    assert all(counts(other)[0] for other in world.other_townships)  # the county comparison has something

    # Every closed case went through the guards: full record, and a passing review where it was major.
    closed = EnforcementCase.objects.filter(township=world.township, state="closed")
    assert closed.exists() and not any(missing_record(c) for c in closed)

    scope = Scope(world.township, 2025)
    assert all(code in REGISTRY for code in CODES)
    assert (
        say(world.township, 2025, "enforcement.items.total", "enforcement.items.by_category")
        == "梳理公布行政执法事项45项，其中行政处罚12项、行政强制5项、行政检查28项。"
    )
    assert say(
        world.township,
        2025,
        "enforcement.vehicles_checked",
        "enforcement.people_cautioned",
        "enforcement.violations",
    ) == ("共查车辆437辆，劝导人数528人，其中超载4起、未戴头盔14起。")
    assert get("enforcement.hazards.found").value(scope) == 154
    assert get("enforcement.hazards.found").render(154) == "排查各类安全隐患154处"
    assert get("enforcement.cases.legal_review_rate").value(scope) == 100
    assert (
        get("enforcement.officers.certified_rate").value(Scope(world.township, 2026)) < 100
    )  # one certificate expired


def test_figures_are_computed_from_records(world):
    from tests.enforcement.factories import case, item, officer, upload

    item(world, code="X1")
    item(world, code="X2", category=EnforcementItem.Category.INSPECTION)
    officer(world, "甲", valid_until=dt.date(2030, 1, 1))
    officer(world, "乙", valid_until=dt.date(2020, 1, 1))
    scope = Scope(world.township, 2026)
    assert get("enforcement.items.by_category.inspection").value(scope) == 1
    assert get("enforcement.officers.certified_rate").value(scope) == 50
    user = world.users["enforcement"]
    done, bare = case(world, state="filed"), case(world, state="filed")
    for record, closed_on in ((done, dt.date(2026, 10, 1)), (bare, dt.date(2026, 10, 2))):
        record.state, record.closed_on = "closed", closed_on
        record.save()  # history: 立案 → 结案, so the 立案 step must be on record
    upload(done, user, "filed", "doc")
    upload(done, user, "filed", "photo")
    upload(bare, user, "filed", "doc")
    assert get("enforcement.cases.full_record").value(scope) == 1
    assert get("enforcement.cases.full_record_rate").value(scope) == 50
    assert get("enforcement.cases.closed").records(Scope(world.township, 2025)).count() == 0
