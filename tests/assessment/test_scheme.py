from decimal import Decimal

import pytest

from fazhi.assessment import compute, defaults, rules, services
from fazhi.assessment.models import Item, Scheme
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY


@pytest.fixture
def scheme(world):
    return services.create_default(world.county, 2025)


def test_default_scheme_is_sound_and_cites_its_source(scheme):
    assert services.check(scheme) == []
    items = list(scheme.items.all())
    assert sum(i.weight for i in items if i.parent_id is None) == 100
    assert {i.level for i in items} == {1, 2, 3}
    leaves = services.leaves(scheme)
    assert all(i.level == 3 for i in leaves)
    assert all(i.basis for i in items)
    assert all(defaults.SOURCE in i.basis for i in items if i.level == 1 and i.number != "7")
    auto = [i for i in leaves if i.method == Item.Method.AUTO]
    assert len(auto) >= 20 and all(i.indicator in REGISTRY and compute.batchable(i.indicator) for i in auto)
    # the mechanisms the ledgers hold are scored from their figures
    codes = {i.indicator for i in auto}
    for code in (
        "study.pre_meeting_sessions",
        "reviews.on_time_rate",
        "enforcement.cases.legal_review_rate",
        "screening.rounds",
        "petitions.on_time_rate",
        "org.advisor_coverage",
        "liaisons.target_rate",
        "disclosure.requests_on_time_rate",
        "litigation.head_appearance_rate",
    ):
        assert code in codes


def test_check_names_every_wrong_weight_and_rule(scheme):
    item = scheme.items.get(number="1.1.1")
    item.weight = Decimal("5")
    item.save()
    bad = scheme.items.get(number="2.1.1")
    bad.indicator, bad.rule = "no.such.figure", ""
    bad.save()
    problems = services.check(scheme)
    top = scheme.items.get(number="7")
    top.weight = Decimal("10")
    top.save()
    problems = services.check(scheme)
    assert "一级指标分值合计为102分，应为100分。" in problems
    assert any(p.startswith("7：下级指标分值合计8分") for p in problems)
    assert any(p.startswith("1.1：下级指标分值合计10分") for p in problems)
    assert "2.1.1：取数指标“no.such.figure”不存在。" in problems
    assert "2.1.1：自动计分须选择计分规则。" in problems


def test_a_figure_that_cannot_be_batched_is_refused(scheme):
    item = scheme.items.get(number="1.1.1")
    item.indicator = "enforcement.cases.full_record"
    item.save()
    assert any("不能全县一次取数" in p for p in services.check(scheme))


def test_copy_to_next_year_keeps_the_tree(scheme, world):
    copy = services.copy_to_year(scheme, 2026, world.users["county"])
    old = [
        (i.number, i.title, i.weight, i.indicator, i.rule, i.target, i.parent.number if i.parent else None)
        for i in scheme.items.order_by("order")
    ]
    new = [
        (i.number, i.title, i.weight, i.indicator, i.rule, i.target, i.parent.number if i.parent else None)
        for i in copy.items.order_by("order")
    ]
    assert new == old and copy.year == 2026
    assert all(i.parent is None or i.parent.scheme_id == copy.pk for i in copy.items.all())
    with pytest.raises(Refused, match="已有考核方案"):
        services.copy_to_year(scheme, 2026, world.users["county"])
    with pytest.raises(Refused, match="只有县级"):
        services.copy_to_year(scheme, 2027, world.users["judicial"])
    assert Scheme.objects.count() == 2


@pytest.mark.parametrize(
    "rule,value,target,per_case,expected",
    [
        ("threshold", 100, 100, None, "4.00"),
        ("threshold", Decimal("99.9"), 100, None, "0.00"),
        ("proportional", 3, 4, None, "3.00"),
        ("proportional", 9, 4, None, "4.00"),
        ("zero", 0, None, None, "4.00"),
        ("zero", 1, None, None, "0.00"),
        ("deduction", 1, None, Decimal("1.5"), "2.50"),
        ("deduction", 9, None, 1, "0.00"),
        ("threshold", None, 100, None, "4.00"),
    ],
)
def test_rules(rule, value, target, per_case, expected):
    got, words = rules.score(rule, Decimal(4), value, target, per_case)
    assert got == Decimal(expected) and words


def test_county_edits_items_with_chinese_errors(scheme, world, client_for):
    from django.urls import reverse

    county = client_for("county")
    item = scheme.items.get(number="2.1.1")
    url = reverse("assessment:item_update", args=[scheme.pk, item.pk])
    data = {
        "number": "2.1.1",
        "title": item.title,
        "weight": "4",
        "method": "auto",
        "indicator": "x.y",
        "rule": "threshold",
        "target": "",
        "order": item.order,
    }
    page = county.post(url, data).content.decode()
    assert "自动计分须填写登记在册的指标代码。" in page
    data.update(indicator="reviews.on_time_rate")
    assert "该计分规则须填写目标值。" in county.post(url, data).content.decode()
    data.update(number="9.1.1", target="90")
    assert "序号应以上级指标序号“2.1”开头。" in county.post(url, data).content.decode()
    data.update(number="2.1.1")
    assert county.post(url, data).status_code == 302
    item.refresh_from_db()
    assert (item.indicator, item.target) == ("reviews.on_time_rate", 90)
    assert item.history.latest().history_user == world.users["county"]
    # a child of 2.1 is added; the sums no longer match until the county adjusts them
    new = county.post(
        reverse("assessment:item_create", args=[scheme.pk]) + f"?parent={item.parent_id}",
        {"number": "2.1.4", "title": "新增指标", "weight": "1", "method": "manual", "order": 99},
    )
    assert new.status_code == 302
    assert any(p.startswith("2.1：下级指标分值合计10分") for p in services.check(scheme))
    with pytest.raises(Refused, match="考核方案有误"):
        services.run(scheme, world.users["county"])
    assert county.post(url.replace(str(item.pk), str(item.parent_id)), {"delete": "1"}).status_code == 302
    assert scheme.items.filter(number="2.1").exists()  # it has children: refused
    assert client_for("judicial").get(url).status_code == 403
