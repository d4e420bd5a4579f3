"""Registry kinds beyond count/total/rate: breakdown (one figure per choice, the choice's label) and
distinct (how many different people), each with a working drill-down page."""

import datetime as dt

import pytest
from django.urls import reverse

from fazhi.core.roles import Role
from fazhi.enforcement.models import JointOperation
from fazhi.enforcement.violations import parse, set_violations
from fazhi.indicators.registry import BREAKDOWNS, REGISTRY, Scope, compute_all
from fazhi.services.models import LegalAidConsultation


def operation(world, kind, day, **violations):
    op = JointOperation.objects.create(
        township=world.township, kind=kind, title=f"{kind}{day}", date=dt.date(2025, 5, day), units="派出所"
    )
    set_violations(op, violations)
    return op


def test_breakdown_gives_one_figure_per_choice_with_its_label(world):
    operation(world, "five", 1, overload=4, no_helmet=14)
    operation(world, "three", 2, no_helmet=74, drunk_driving=2)
    values = {f["code"]: f["value"] for f in compute_all(Scope(world.township, 2025))}
    assert values["enforcement.joint_operations.by_kind.five"] == 1
    assert values["enforcement.violations.no_helmet"] == 88
    assert values["enforcement.violations.three.no_helmet"] == 74
    assert values["enforcement.violations.five.drunk_driving"] == 0
    assert REGISTRY["enforcement.violations.drunk_driving"].sentence == "饮酒驾驶{value}起"
    assert BREAKDOWNS["disputes.by_level"] == [
        f"disputes.by_level.{k}" for k in ("group", "village", "township")
    ]
    many = REGISTRY["enforcement.violations.no_helmet"].values_by_township([world.township], 2025)
    assert many[world.township.id] == 88


def test_distinct_counts_people_not_visits(world):
    for name in ("张三", "李四", "张三", ""):
        LegalAidConsultation.objects.create(
            township=world.township, date=dt.date(2025, 3, 1), applicant=name, question="咨询"
        )
    scope = Scope(world.township, 2025)
    assert REGISTRY["legal_aid.consultations"].value(scope) == 4
    assert REGISTRY["legal_aid.people"].value(scope) == 2
    assert REGISTRY["legal_aid.people"].values_by_township([world.township], 2025)[world.township.id] == 2


@pytest.mark.parametrize("code", ["enforcement.violations.no_helmet", "legal_aid.people", "reviews.contract"])
def test_drill_down_works_for_every_kind(world, client_for, code):
    operation(world, "five", 3, no_helmet=5)
    LegalAidConsultation.objects.create(
        township=world.township, date=dt.date(2025, 3, 1), applicant="王五", question="咨询"
    )
    page = client_for(Role.OFFICE).get(f"/indicators/{code}/?year=2025")
    assert page.status_code == 200 and REGISTRY[code].name in page.content.decode()


def test_violation_lines_are_parsed_with_chinese_errors():
    assert parse("超载 4\n未戴头盔14起、饮酒驾驶：2") == {"overload": 4, "no_helmet": 14, "drunk_driving": 2}
    with pytest.raises(Exception) as error:
        parse("闯红灯 3\n超载 1\n超载 2")
    text = " ".join(error.value.messages)
    assert "第1项“闯红灯 3”无法识别" in text and "“超载”重复填写" in text


def test_form_writes_the_rows(world, client_for):
    client = client_for(Role.ENFORCEMENT)
    data = {
        "kind": "five",
        "title": "五联动整治",
        "date": "2025-06-01",
        "units": "派出所、交警中队",
        "vehicles_checked": 40,
        "people_cautioned": 50,
        "violations_text": "超载 4\n未戴头盔 14",
        "summary": "",
    }
    response = client.post(reverse("enforcement:jointoperation_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    op = JointOperation.objects.get(title="五联动整治")
    assert op.violations_text() == "超载4起、未戴头盔14起" and op.violations == 18
