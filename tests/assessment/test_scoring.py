import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.assessment import compute, services
from fazhi.assessment.models import Item, Score
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY, Scope
from fazhi.org.models import Region


@pytest.fixture
def scheme(world):
    return services.create_default(world.county, 2025)


def base_figures(codes) -> set[str]:
    found = set()
    for code in codes:
        indicator = REGISTRY[code]
        found |= (
            base_figures([indicator.numerator, indicator.denominator]) if indicator.kind == "rate" else {code}
        )
    return found


def add_townships(county, n):
    for i in range(n):
        Region.objects.create(
            name=f"测试镇{i:02d}", kind=Region.Kind.TOWNSHIP, parent=county, code=f"9901219{i:02d}000"
        )


@pytest.mark.parametrize("extra", [0, 26])
def test_every_figure_is_one_query_for_the_whole_county(scheme, world, extra):
    add_townships(world.county, extra)
    townships = services.townships_of(world.county)
    assert len(townships) == 4 + extra
    codes = {i.indicator for i in services.leaves(scheme) if i.method == Item.Method.AUTO}
    compute.county_values(codes, townships[:1], 2025)  # warms the content-type cache, once per process
    with CaptureQueriesContext(connection) as queries:
        compute.county_values(codes, townships, 2025)
    assert len(queries) == len(base_figures(codes))


def test_run_costs_the_same_for_4_and_for_30_townships(scheme, world):
    county_user = world.users["county"]
    services.run(scheme, county_user)  # warms the user's access and the content-type cache
    Score.objects.all().delete()
    with CaptureQueriesContext(connection) as four:
        services.run(scheme, county_user)
    add_townships(world.county, 26)
    Score.objects.all().delete()
    with CaptureQueriesContext(connection) as thirty:
        services.run(scheme, county_user)

    def reads(queries):  # writes are batched by the database's parameter limit, not by township
        return [q for q in queries if q["sql"].startswith("SELECT") and "django_content_type" not in q["sql"]]

    assert len(reads(thirty)) == len(reads(four))
    assert Score.objects.filter(scheme=scheme).count() == 30 * len(services.leaves(scheme))


def test_county_values_agree_with_the_registry_township_by_township(scheme, world):
    townships = services.townships_of(world.county)
    codes = {i.indicator for i in services.leaves(scheme) if i.method == Item.Method.AUTO}
    values = compute.county_values(codes, townships, 2025)
    for code in codes:
        for township in townships:
            assert values[code][township.pk] == REGISTRY[code].value(Scope(township, 2025)), (code, township)


def test_a_score_shows_how_it_was_computed(scheme, world):
    services.run(scheme, world.users["county"])
    score = Score.objects.get(scheme=scheme, township=world.township, item__number="6.1.1")
    value = REGISTRY["org.advisor_coverage"].value(Scope(world.township, 2025))
    assert score.value == value
    assert score.explanation.startswith(f"指标值{value.normalize():f}")
    hand = Score.objects.get(scheme=scheme, township=world.township, item__number="2.1.3")
    assert hand.score is None


def test_county_adjusts_a_hand_item_with_a_reason_and_history_is_kept(scheme, world):
    county = world.users["county"]
    services.run(scheme, county)
    hand = Score.objects.get(scheme=scheme, township=world.township, item__number="2.1.3")
    with pytest.raises(Refused, match="须填写理由"):
        services.adjust(hand, county, Decimal(2), "  ", hand.version)
    with pytest.raises(Refused, match="0至3分"):
        services.adjust(hand, county, Decimal(4), "评估报告完整", hand.version)
    with pytest.raises(Refused, match="只有县级"):
        services.adjust(hand, world.users["judicial"], Decimal(2), "自评", hand.version)
    services.adjust(hand, county, Decimal("2.5"), "评估报告缺少公众满意度调查", hand.version)
    stale = hand.version - 1
    with pytest.raises(Refused, match="已被他人修改"):
        services.adjust(hand, county, Decimal(3), "复核", stale)
    services.adjust(hand, county, Decimal(3), "补充了满意度调查", hand.version)
    reasons = list(hand.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons[-2:] == ["调整得分：评估报告缺少公众满意度调查", "调整得分：补充了满意度调查"]
    services.run(scheme, county)  # a new run keeps hand scores
    hand.refresh_from_db()
    assert hand.score == 3
    auto = Score.objects.get(scheme=scheme, township=world.township, item__number="6.1.1")
    with pytest.raises(Refused, match="自动计分项"):
        services.adjust(auto, county, Decimal(1), "x", auto.version)


def test_evidence_only_by_the_township_and_before_the_deadline(scheme, world, client_for):
    services.run(scheme, world.users["county"])
    hand = Score.objects.get(scheme=scheme, township=world.township, item__number="4.1.3")
    with pytest.raises(Refused, match="只有本乡镇"):
        services.submit_evidence(hand, world.users["county"], "公示截图")
    services.submit_evidence(hand, world.users["judicial"], "执法公示栏照片与网站截图")
    scheme.evidence_due = dt.date(2000, 1, 1)
    scheme.save()
    hand.scheme.refresh_from_db()
    with pytest.raises(Refused, match="已于2000年01月01日截止"):
        services.submit_evidence(hand, world.users["judicial"], "补充材料")
    assert hand.evidence.count() == 1


def test_townships_never_see_another_townships_scores(scheme, world, client_for):
    services.run(scheme, world.users["county"])
    other = world.other_townships[0]
    township_client = client_for("judicial")
    own = township_client.get(reverse("assessment:scorecard", args=[scheme.pk, world.township.pk]))
    assert own.status_code == 200 and "总分" in own.content.decode()
    assert township_client.get(reverse("assessment:scorecard", args=[scheme.pk, other.pk])).status_code == 404
    item = scheme.items.get(number="6.1.1")
    url = reverse("assessment:item_records", args=[scheme.pk, other.pk, item.pk])
    assert township_client.get(url).status_code == 404
    # the county results page sends a township to its own card
    response = township_client.get(reverse("assessment:results", args=[scheme.pk]))
    assert response.status_code == 302 and response.url.endswith(f"/township/{world.township.pk}/")
    assert township_client.get(reverse("assessment:notice", args=[scheme.pk])).status_code == 403
    hand = Score.objects.get(scheme=scheme, township=other, item__number="4.1.3")
    response = township_client.post(
        reverse("assessment:score_action", args=[hand.pk, "evidence"]), {"note": "x"}
    )
    assert response.status_code == 404 and not hand.evidence.exists()


def test_results_export_and_notice(scheme, world, client_for):
    import docx
    import openpyxl

    services.run(scheme, world.users["county"])
    county = client_for("county")
    page = county.get(reverse("assessment:results", args=[scheme.pk]))
    assert page.status_code == 200 and 'id="assessment-data"' in page.content.decode()
    assert "<script>" not in page.content.decode()
    sheet = openpyxl.load_workbook(
        io.BytesIO(county.get(reverse("assessment:results", args=[scheme.pk]) + "?export=xlsx").content)
    ).active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["名次", "乡镇(街道)"] and header[-3:] == ["总分", "待评分项", "佐证材料(份)"]
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {t.name for t in services.townships_of(world.county)}
    notice = docx.Document(io.BytesIO(county.get(reverse("assessment:notice", args=[scheme.pk])).content))
    text = "\n".join(p.text for p in notice.paragraphs)
    assert "关于2025年度乡镇（街道）法治政府建设考核结果的通报" in text
    assert "第1名：" in text and world.township.name in text and "主要失分项目" in text


def test_evidence_links_only_to_records_of_this_system(scheme, world):
    services.run(scheme, world.users["county"])
    hand = Score.objects.get(scheme=scheme, township=world.township, item__number="4.1.3")
    with pytest.raises(Refused, match="本系统内的链接"):
        services.submit_evidence(
            hand, world.users["judicial"], "公示", links="https://evil.example/x\n/ok/1/"
        )
    with pytest.raises(Refused, match="本系统内的链接"):
        services.submit_evidence(hand, world.users["judicial"], "公示", links="//evil.example/x")
    evidence = services.submit_evidence(
        hand, world.users["judicial"], "公示", links=" /enforcement/enforcementcase/3/ \n\n/services/x/1/"
    )
    assert evidence.link_list == ["/enforcement/enforcementcase/3/", "/services/x/1/"]
