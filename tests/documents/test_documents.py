"""Normative documents (numbering, validity, guards), cleanup campaigns, contracts."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from fazhi.core.board import items_of
from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.documents import demo, services
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument
from fazhi.documents.workflows import cleanup_workflow, contract_workflow, document_workflow
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import say
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import complete_review, reviews_of

C = LegalityReview.Conclusion


def draft(township, title="青山镇测试办法", **extra):
    return NormativeDocument.objects.create(township=township, title=title, sponsor="党政办", **extra)


def to_deliberation(doc, world):
    office, judicial = world.users[Role.OFFICE], world.users[Role.JUDICIAL]
    document_workflow.apply(doc, "send_review", office, {"user": office})
    complete_review(reviews_of(doc).get(), judicial, conclusion=C.LAWFUL)
    document_workflow.apply(doc, "submit", office)
    doc.meeting, doc.meeting_date, doc.valid_from = (
        "镇党政联席会议",
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 10),
    )


def test_submit_without_review_is_refused_and_changes_nothing(world):
    office = world.users[Role.OFFICE]
    doc = draft(world.township)
    document_workflow.apply(doc, "send_review", office, {"user": office})
    version = doc.version
    with pytest.raises(Refused, match="未经合法性审查"):
        document_workflow.apply(doc, "submit", office)
    doc.refresh_from_db()
    assert doc.state == "reviewing" and doc.version == version
    review = reviews_of(doc).get()
    assert review.kind == "document" and review.created_by == office


def test_numbering_is_per_township_and_year(world):
    office = world.users[Role.OFFICE]
    first, second = draft(world.township, "甲办法"), draft(world.township, "乙办法")
    for doc in (first, second):
        to_deliberation(doc, world)
        document_workflow.apply(doc, "publish", office, {"on": dt.date(2026, 3, 5)})
    assert (first.doc_no, second.doc_no) == ("青府发〔2026〕1号", "青府发〔2026〕2号")
    assert first.valid_until == dt.date(2031, 3, 9)  # five years from 2026-03-10
    third = draft(world.township, "丙办法")
    to_deliberation(third, world)
    with pytest.raises(Refused, match="已被使用"):
        document_workflow.apply(third, "publish", office, {"on": dt.date(2026, 4, 1), "number": "2"})
    third.refresh_from_db()
    assert third.state == "deliberation" and third.doc_no == ""
    third.meeting, third.meeting_date, third.valid_from = (
        "镇长办公会议",
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 10),
    )
    document_workflow.apply(third, "publish", office, {"on": dt.date(2027, 1, 5)})
    assert third.doc_no == "青府发〔2027〕1号"
    other = world.other_townships[0]
    with pytest.raises(Refused, match="发文字号前缀"):
        services.assign_number(draft(other), dt.date(2026, 1, 1))


def test_publish_needs_meeting_and_valid_from(world):
    office = world.users[Role.OFFICE]
    doc = draft(world.township)
    to_deliberation(doc, world)
    doc.meeting, doc.valid_from = "", None
    with pytest.raises(Refused) as exc:
        document_workflow.apply(doc, "publish", office)
    assert "集体审议" in str(exc.value) and "施行日期" in str(exc.value)


def test_comment_window_rules(world, client_for):
    office = client_for(Role.OFFICE)
    data = {
        "title": "市场办法",
        "sponsor": "党政办",
        "market_related": "on",
        "comment_start": "2026-03-02",
        "comment_end": "2026-03-20",
    }
    response = office.post("/documents/normativedocument/new/", data)
    assert "优化营商环境条例" in response.content.decode()
    response = office.post("/documents/normativedocument/new/", {**data, "market_related": ""})
    assert response.status_code == 302  # 14 days ≥ 7 working days for other documents


def test_validity_status_and_board(world):
    doc = draft(
        world.township,
        state="filed",
        published_on=dt.date(2021, 6, 1),
        valid_from=dt.date(2021, 6, 1),
        valid_until=dt.date(2026, 5, 31),
    )
    assert services.validity_status(doc, dt.date(2025, 11, 29)) == "有效"
    assert services.validity_status(doc, dt.date(2025, 11, 30)) == "即将到期"  # six months before expiry
    assert services.validity_status(doc, dt.date(2026, 6, 1)) == "已过有效期"
    unfiled = draft(world.township, "未备案", state="published", published_on=dt.date(2026, 9, 30))
    items = {i.title: i for i in items_of("documents", world.township, dt.date(2026, 1, 5))}
    assert any("届满" in t for t in items)
    filing = items[f"规范性文件备案：{unfiled}"]
    assert filing.due.date == dt.date(2026, 10, 15) and not filing.rule.verified


def test_cleanup_needs_every_outcome_and_applies_them(world):
    office = world.users[Role.OFFICE]
    docs = [
        draft(world.township, f"文件{i}", state="filed", published_on=dt.date(2020, 1, 1)) for i in range(3)
    ]
    campaign = CleanupCampaign.objects.create(
        township=world.township, title="清理", started_on=dt.date(2026, 3, 1)
    )
    assert services.add_documents_in_force(campaign, office) == 3
    items = list(campaign.items.order_by("id"))
    services.set_outcome(items[0], "continue", "", office)
    with pytest.raises(Refused, match="须填写理由"):
        services.set_outcome(items[1], "repeal", "", office)
    with pytest.raises(Refused, match="还有2件"):
        cleanup_workflow.apply(campaign, "conclude", office, {"user": office})
    services.set_outcome(items[1], "repeal", "上位法废止", office)
    services.set_outcome(items[2], "expire", "对象消失", office)
    cleanup_workflow.apply(campaign, "conclude", office, {"user": office, "on": dt.date(2026, 4, 1)})
    states = [NormativeDocument.objects.get(pk=d.pk).state for d in docs]
    assert states == ["filed", "repealed", "expired"]
    with pytest.raises(Refused, match="清理已完成"):
        services.set_outcome(items[0], "repeal", "x", office)


def test_contract_cannot_be_signed_without_review_and_village_advisor_reviews(world):
    office = world.users[Role.OFFICE]
    village = next(v for v in world.villages if v.name == "茶园村")
    contract = Contract.objects.create(
        township=world.township,
        village=village,
        title="茶园村山林承包合同",
        kind="land",
        counterparty="陈国强",
        registered_on=dt.date(2026, 3, 2),
    )
    with pytest.raises(Refused, match="不得签订合同"):
        contract_workflow.apply(contract, "sign", office)
    contract.refresh_from_db()
    assert contract.state == "drafting" and contract.signed_on is None
    contract_workflow.apply(contract, "send_review", office, {"user": office})
    review = reviews_of(contract).get()
    assert review.advisor.name == "许静" and review.state == "assigned" and review.village == village
    complete_review(review, world.users[Role.JUDICIAL], conclusion=C.LAWFUL)
    contract_workflow.apply(contract, "sign", office)
    assert contract.state == "signed" and contract.signed_on is not None


def test_demo_sizes_figures_sentence_and_idempotence(world):
    from fazhi.decisions import demo as decisions_demo
    from fazhi.reviews import demo as reviews_demo

    for builder in (reviews_demo, decisions_demo, demo):
        builder.build(world)
    demo.build(world)
    township = world.township
    assert 20 <= Contract.objects.filter(township=township).count() <= 40
    assert 30 <= LegalityReview.objects.filter(township=township).count() <= 60
    assert (
        say(
            township,
            2025,
            *[f"documents.cleanup.{k}" for k in ("total", "remaining", "repealed", "expired", "to_amend")],
        )
        == "清理行政规范性文件15件，其中继续有效9件，废止4件，失效1件，拟修改1件。"
    )
    assert get("documents.cleanup.repealed").value(Scope(township, 2025)) == 4
    assert get("documents.cleanup.total").value(Scope(township, 2026)) == 0
    assert get("documents.normative.published").value(Scope(township, 2026)) == 1
    reviewed = get("contracts.reviewed").value(Scope(township, 2025))
    assert 0 < reviewed <= get("contracts.total").value(Scope(township, 2025))
    assert get("documents.cleanup.total").values_by_township([township, world.other_townships[0]], 2025) == {
        township.id: 15,
        world.other_townships[0].id: 3,
    }


@pytest.fixture
def contracts(world):
    village = world.villages[0]  # 青山村, the demo village cadre's
    # Created one by one (not bulk_create) so each has its history row like real records.
    return [
        Contract.objects.create(
            township=world.township,
            village=village if i % 2 else None,
            title=f"合同{i:02d}",
            kind="service",
            counterparty="张小明" if i % 2 else "云州某某有限公司",
            registered_on=dt.date(2026, 2, 1),
        )
        for i in range(30)
    ]


def test_contract_masking_list_export_api(world, client_for, contracts, django_assert_max_num_queries):
    judicial = client_for(Role.JUDICIAL)
    with django_assert_max_num_queries(12):
        page = judicial.get("/documents/contract/").content.decode()
    assert "张*明" in page and "张小明" not in page and "云州某某有限公司" in page
    sheet = load_workbook(
        io.BytesIO(judicial.get("/documents/contract/?export=xlsx&q=合同01").content)
    ).active
    assert list(sheet.values)[1][2] == "张*明"
    api = judicial.get("/api/contracts/?search=合同01").json()
    assert api["results"][0]["counterparty"] == "张*明"


def test_contract_permissions(world, client_for, contracts, client):
    village_user = client_for(Role.VILLAGE)
    listing = village_user.get("/documents/contract/").content.decode()
    assert "共 15 条" in listing
    theirs = next(c for c in contracts if c.village_id)
    township_only = next(c for c in contracts if not c.village_id)
    assert village_user.get(f"/documents/contract/{township_only.pk}/").status_code == 404
    assert village_user.get(f"/documents/contract/{theirs.pk}/edit/").status_code == 200
    other_village = world.villages[1]
    data = {
        "title": "越权合同",
        "kind": "service",
        "village": other_village.pk,
        "counterparty": "x",
        "registered_on": "2026-03-01",
    }
    response = village_user.post("/documents/contract/new/", data)
    assert response.status_code in (200, 403) and not Contract.objects.filter(title="越权合同").exists()
    county = client_for(Role.COUNTY)
    assert county.get(f"/documents/contract/{theirs.pk}/").status_code == 200
    assert county.get(f"/documents/contract/{theirs.pk}/edit/").status_code == 403
    assert client.get("/documents/contract/").status_code == 302
    assert client_for(Role.ENFORCEMENT).get(f"/documents/contract/{theirs.pk}/edit/").status_code == 403


def test_public_pages(world, client):
    from fazhi.decisions import demo as decisions_demo
    from fazhi.reviews import demo as reviews_demo

    for builder in (reviews_demo, decisions_demo, demo):
        builder.build(world)
    page = client.get("/public/documents/").content.decode()
    assert "青府发〔2019〕1号" in page and "已废止" in page and "有效" in page
    campaign = CleanupCampaign.objects.get(township=world.township)
    result = client.get(f"/public/documents/cleanup/{campaign.pk}/").content.decode()
    assert "清理行政规范性文件15件，其中继续有效9件，废止4件，失效1件，拟修改1件" in result
    assert "青山镇扶贫资金管理办法" in result
    drafts = client.get("/public/documents/consultations/").content.decode()
    assert "集体经营性建设用地入市管理办法" in drafts
    drafting = NormativeDocument.objects.get(title="青山镇志愿服务激励办法")
    assert client.get(f"/public/documents/consultations/{drafting.pk}/").status_code == 404
    portal = client.get("/public/").content.decode()
    assert "规范性文件清理结果" in portal and "重大行政决策事项目录" in portal


def test_repeal_needs_a_reason_and_ends_validity(world, client_for, django_assert_max_num_queries):
    office = world.users[Role.OFFICE]
    doc = draft(
        world.township,
        state="filed",
        published_on=dt.date(2022, 1, 5),
        valid_from=dt.date(2022, 1, 5),
        valid_until=dt.date(2027, 1, 4),
    )
    with pytest.raises(Refused, match="须填写理由"):
        document_workflow.apply(doc, "repeal", office, {"note": ""})
    assert NormativeDocument.objects.get(pk=doc.pk).state == "filed"
    document_workflow.apply(doc, "repeal", office, {"note": "上位法已废止", "on": dt.date(2026, 2, 1)})
    assert (
        doc.ended_on == dt.date(2026, 2, 1) and services.validity_status(doc, dt.date(2026, 3, 1)) == "已废止"
    )
    for i in range(30):
        draft(world.township, f"批量{i}", state="published", published_on=dt.date(2026, 1, 2))
    client = client_for(Role.OFFICE)
    with django_assert_max_num_queries(12):
        page = client.get("/documents/normativedocument/?year=2026")
    assert "共 30 条" in page.content.decode()
