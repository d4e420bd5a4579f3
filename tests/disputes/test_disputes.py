"""Disputes: rules with articles, the workflow's guards, village confinement, masking, figures, public pages."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.disputes import demo, rules
from fazhi.disputes.actions import register_dispute
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator, ScreeningRound
from fazhi.disputes.workflows import WORKFLOW
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import say


@pytest.fixture
def town(world):
    demo.build(world)
    return world


def make_dispute(world, village=None, **kwargs):
    values = dict(
        township=world.township,
        village=village or world.villages[0],
        received=dt.date(2026, 9, 1),
        type="neighbour",
        parties="张三丰、李四光",
        phone="13912345678",
        summary="排水沟争执",
    )
    values.update(kwargs)
    return register_dispute(Dispute(**values))


# --- rules -------------------------------------------------------------------------------------


def test_judicial_confirmation_window_is_30_days_and_skips_the_october_holiday(world):
    dispute = make_dispute(
        world, outcome="written", agreement_date=dt.date(2026, 9, 1), state="settled", level="village"
    )
    due = dispute.confirmation_due
    # 30 days after 1 September is 1 October, a national holiday (1–7 October 2026): the period ends on the 8th.
    assert due.date == dt.date(2026, 10, 8)
    assert (
        "第三十三条" in rules.JUDICIAL_CONFIRMATION.describe()
        and "30日" in rules.JUDICIAL_CONFIRMATION.describe()
    )
    assert make_dispute(world, outcome="oral", agreement_date=dt.date(2026, 9, 1)).confirmation_due is None


def test_committee_term_and_membership_limits(town):
    committee = MediationCommittee.objects.get(township=town.township, level="township")
    assert committee.term_due.date >= dt.date(
        2027, 1, 8
    )  # three years from 2024-01-08 (next working day if a rest day)
    assert "第九条" in rules.COMMITTEE_TERM.describe()
    assert committee.member_problem() == ""
    assert "3至9人" in committee.member_problem(count=10) and "第八条" in committee.member_problem(count=2)


def test_a_tenth_member_is_refused(town, client_for):
    committee = MediationCommittee.objects.get(township=town.township, level="township")
    for i in range(4):
        Mediator.objects.create(township=town.township, committee=committee, name=f"新委员{i}")
    assert committee.mediators.filter(active=True).count() == 9
    response = client_for(Role.MEDIATOR).post(
        "/disputes/mediator/new/",
        {"name": "第十人", "committee": committee.pk, "active": "on", "gender": "m"},
    )
    assert response.status_code == 200
    assert "不能再增加" in response.content.decode()
    assert not Mediator.objects.filter(name="第十人").exists()


# --- workflow guards: refuse in Chinese, change nothing -------------------------------------------


def test_settle_needs_level_and_agreement(world):
    dispute = make_dispute(world, mediator=None)
    with pytest.raises(Refused, match="调解员"):
        WORKFLOW.apply(dispute, "mediate", world.users[Role.MEDIATOR])
    committee = MediationCommittee.objects.create(
        township=world.township, name="调委会", term_start=dt.date(2025, 1, 1)
    )
    dispute.mediator = Mediator.objects.create(township=world.township, committee=committee, name="调解员甲")
    dispute.save()
    WORKFLOW.apply(dispute, "mediate", world.users[Role.MEDIATOR])
    version = Dispute.objects.get(pk=dispute.pk).version
    with pytest.raises(Refused) as refused:
        WORKFLOW.apply(dispute, "settle", world.users[Role.MEDIATOR])
    assert "化解层级" in str(refused.value) and "调解协议" in str(refused.value)
    fresh = Dispute.objects.get(pk=dispute.pk)
    assert fresh.state == "mediating" and fresh.version == version and fresh.resolved_on is None
    dispute.level, dispute.outcome, dispute.agreement_date = "village", "written", dt.date(2026, 9, 10)
    dispute.save()
    WORKFLOW.apply(dispute, "settle", world.users[Role.MEDIATOR])
    assert Dispute.objects.get(pk=dispute.pk).state == "settled"


def test_failed_mediation_needs_a_reason(world):
    dispute = make_dispute(world, state="mediating", outcome="court")
    with pytest.raises(Refused, match="须填写理由"):
        WORKFLOW.apply(dispute, "fail", world.users[Role.MEDIATOR])
    WORKFLOW.apply(dispute, "fail", world.users[Role.MEDIATOR], {"note": "一方拒绝调解"})
    assert Dispute.objects.get(pk=dispute.pk).state == "failed"


# --- permissions: a village cadre sees and adds only their own village ----------------------------


def test_village_cadre_sees_only_their_village(town, client_for):
    cadre = client_for(Role.VILLAGE)
    own = town.villages[0]  # 青山村
    mine = Dispute.objects.filter(township=town.township, village=own)
    other = Dispute.objects.filter(township=town.township).exclude(village=own).first()
    listing = cadre.get("/disputes/dispute/?q=&page=1")
    assert listing.status_code == 200
    assert f"共 {mine.count()} 条" in listing.content.decode()
    assert other.number not in listing.content.decode()
    assert cadre.get(f"/disputes/dispute/{other.pk}/").status_code == 404
    assert cadre.get(f"/disputes/dispute/{mine.first().pk}/").status_code == 200
    api = cadre.get("/api/disputes/").json()
    assert api["count"] == mine.count()


def test_village_cadre_adds_only_in_their_village(town, client_for):
    cadre = client_for(Role.VILLAGE)
    own, other = town.villages[0], town.villages[1]
    data = {
        "received": "2026-11-02",
        "source": "village",
        "type": "family",
        "parties": "甲某、乙某",
        "summary": "家庭琐事",
        "kind": "people",
    }
    refused = cadre.post("/disputes/dispute/new/", {**data, "village": other.pk})
    assert refused.status_code == 200 and "有效的选项" in refused.content.decode()
    assert not Dispute.objects.filter(summary="家庭琐事").exists()
    form = cadre.get("/disputes/dispute/new/").content.decode()
    assert own.name in form and other.name not in form
    created = cadre.post("/disputes/dispute/new/", {**data, "village": own.pk})
    assert created.status_code == 302
    assert Dispute.objects.get(summary="家庭琐事").village == own


def test_permission_matrix(town, client_for, client):
    dispute = Dispute.objects.filter(township=town.township).first()
    assert client.get("/disputes/dispute/").status_code == 302  # anonymous → login
    assert client_for(Role.COUNTY).get(f"/disputes/dispute/{dispute.pk}/").status_code == 200
    assert client_for(Role.COUNTY).get(f"/disputes/dispute/{dispute.pk}/edit/").status_code == 403
    assert client_for(Role.PETITION).get(f"/disputes/dispute/{dispute.pk}/edit/").status_code == 403
    assert client_for(Role.MEDIATOR).get(f"/disputes/dispute/{dispute.pk}/edit/").status_code == 200
    other = Dispute.objects.filter(township=town.other_townships[0]).first()
    assert client_for(Role.MEDIATOR).get(f"/disputes/dispute/{other.pk}/").status_code == 404


# --- masking -----------------------------------------------------------------------------------


def test_parties_masked_in_list_export_api_and_for_readers(world, client_for):
    dispute = make_dispute(world)
    judicial = client_for(Role.JUDICIAL)
    listing = judicial.get("/disputes/dispute/").content.decode()
    assert "张*丰" in listing and "张三丰" not in listing
    sheet = load_workbook(io.BytesIO(judicial.get("/disputes/dispute/?export=xlsx").content)).active
    cells = [str(c) for row in sheet.values for c in row if c]
    assert "张*丰、李*光" in cells and not any("张三丰" in c for c in cells)
    api = judicial.get("/api/disputes/").json()["results"][0]
    assert api["parties"] == "张*丰、李*光" and api["phone"] == "139****5678"
    assert (
        "张三丰" in judicial.get(f"/disputes/dispute/{dispute.pk}/").content.decode()
    )  # the case file itself
    assert "张三丰" not in client_for(Role.COUNTY).get(f"/disputes/dispute/{dispute.pk}/").content.decode()


def test_list_keeps_a_constant_number_of_queries(town, client_for, django_assert_max_num_queries):
    judicial = client_for(Role.JUDICIAL)
    judicial.get("/disputes/dispute/")
    with django_assert_max_num_queries(12):
        response = judicial.get("/disputes/dispute/?year=2025")
    assert response.status_code == 200 and "共 204 条" in response.content.decode()
    for url in (
        "/disputes/screeninground/",
        "/disputes/mediator/",
        "/disputes/mediationcommittee/",
        "/disputes/mediatortraining/",
    ):
        with django_assert_max_num_queries(12):
            assert judicial.get(url).status_code == 200


def test_record_page_costs_the_same_queries_whichever_links_are_filled(town, client_for):
    judicial = client_for(Role.JUDICIAL)
    bare = make_dispute(town, village=None)
    Dispute.objects.filter(pk=bare.pk).update(village=None)
    linked = make_dispute(
        town,
        screening=ScreeningRound.objects.filter(township=town.township, village__isnull=False).first(),
        mediator=Mediator.objects.filter(township=town.township).first(),
    )
    counts = []
    for record in (bare, linked):
        judicial.get(f"/disputes/dispute/{record.pk}/")
        with CaptureQueriesContext(connection) as captured:
            assert judicial.get(f"/disputes/dispute/{record.pk}/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


# --- figures and demo ----------------------------------------------------------------------------


def test_rates_are_computed_from_records(world):
    for i in range(4):
        make_dispute(
            world,
            received=dt.date(2025, 3, 1 + i),
            state="settled",
            level=["group", "village", "village", "township"][i],
            outcome="oral",
            agreement_date=dt.date(2025, 3, 10),
        )
    make_dispute(world, received=dt.date(2025, 3, 9), state="failed", outcome="court")
    make_dispute(world, received=dt.date(2025, 3, 9))
    scope = Scope(world.township, 2025)
    assert get("disputes.received").value(scope) == 6
    assert get("disputes.resolved").value(scope) == 4
    assert str(get("disputes.resolution_rate").value(scope)) == "66.7"
    assert [get(f"disputes.by_level.{lvl}").value(scope) for lvl in ("group", "village", "township")] == [
        1,
        2,
        1,
    ]
    assert (
        say(
            world.township,
            2025,
            "disputes.received",
            "disputes.mediated",
            "disputes.resolved",
            "disputes.resolution_rate",
        )
        == "共受理矛盾纠纷6起，调处5起，成功化解4起，化解率达66.7%。"
    )


def test_demo_is_realistic_and_idempotent(town):
    counts = (Dispute.objects.count(), ScreeningRound.objects.count(), Mediator.objects.count())
    demo.build(town)
    assert (Dispute.objects.count(), ScreeningRound.objects.count(), Mediator.objects.count()) == counts
    for year in (2025, 2026):
        scope = Scope(town.township, year)
        assert 130 <= get("disputes.received").value(scope) <= 280
        assert sum(
            get(f"disputes.by_level.{lvl}").value(scope) for lvl in ("group", "village", "township")
        ) == get("disputes.resolved").value(scope)
        assert get("screening.zero_reports").value(scope) > 0
    for committee in MediationCommittee.objects.filter(township=town.township):
        assert committee.member_problem() == ""


def test_board_shows_open_windows_with_their_rule(world):
    from fazhi.core.board import items_of

    make_dispute(
        world, state="settled", level="village", outcome="written", agreement_date=dt.date(2026, 11, 10)
    )
    make_dispute(
        world, state="settled", level="village", outcome="written", agreement_date=dt.date(2026, 8, 1)
    )  # window closed
    items = items_of("disputes", world.township, dt.date(2026, 11, 20))
    confirmation = [i for i in items if i.rule == rules.JUDICIAL_CONFIRMATION]
    assert len(confirmation) == 1 and confirmation[0].due.date == dt.date(2026, 12, 10)


# --- public pages ----------------------------------------------------------------------------------


def test_public_application_and_tracking(world):
    public = Client()
    form = public.get("/public/disputes/apply/")
    assert form.status_code == 200 and "青山镇" in form.content.decode()
    response = public.post(
        "/public/disputes/apply/",
        {
            "township": world.township.pk,
            "parties": "<script>alert(1)</script>、王五",
            "phone": "13800001111",
            "type": "neighbour",
            "summary": "邻居占用通道",
        },
    )
    dispute = Dispute.objects.get(summary="邻居占用通道")
    assert dispute.source == "online" and dispute.tracking_code in response.content.decode()
    page = public.get(f"/public/disputes/track/?code={dispute.tracking_code.lower()}").content.decode()
    assert dispute.number in page and "王*" in page and "王五" not in page
    assert "<script>alert" not in page and "13800001111" not in page
    assert "未找到" in public.get("/public/disputes/track/?code=TJNOPE").content.decode()
    bad = public.post(
        "/public/disputes/apply/",
        {"township": world.township.pk, "parties": "x", "phone": "123", "type": "family", "summary": "s"},
    )
    assert "请填写11位手机号码" in bad.content.decode()


def test_public_submission_is_rate_limited(world):
    public = Client()
    data = {
        "township": world.township.pk,
        "parties": "甲、乙",
        "phone": "13800001111",
        "type": "family",
        "summary": "限流",
    }
    codes = [public.post("/public/disputes/apply/", data).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[-1] == 429
    assert Dispute.objects.filter(summary="限流").count() == 5


def test_every_page_opens_for_an_editor_and_a_reader(town, client_for):
    from fazhi.disputes.models import MediatorTraining

    judicial, county = client_for(Role.JUDICIAL), client_for(Role.COUNTY)
    for model in (Dispute, ScreeningRound, MediationCommittee, Mediator, MediatorTraining):
        record = model.objects.filter(township=town.township).first()
        name = model._meta.model_name
        for client in (judicial, county):
            assert client.get(f"/disputes/{name}/{record.pk}/").status_code == 200, name
        assert judicial.get(f"/disputes/{name}/{record.pk}/edit/").status_code == 200, name
        assert judicial.get(f"/disputes/{name}/new/").status_code == 200, name
    page = judicial.get(
        f"/disputes/dispute/{Dispute.objects.filter(township=town.township, outcome='written').first().pk}/"
    )
    assert "司法确认申请截止" in page.content.decode() and "第三十三条" in page.content.decode()


def test_village_cadre_records_a_zero_finding_round(town, client_for):
    cadre = client_for(Role.VILLAGE)
    own, other = town.villages[0], town.villages[1]
    data = {
        "date": "2026-11-20",
        "frequency": "weekly",
        "screener": "黄大山",
        "scope": "全村6个村民小组",
        "found": "0",
    }
    assert cadre.post("/disputes/screeninground/new/", {**data, "village": other.pk}).status_code == 200
    assert not ScreeningRound.objects.filter(screener="黄大山").exists()
    response = cadre.post("/disputes/screeninground/new/", {**data, "village": own.pk})
    assert response.status_code == 302
    round_ = ScreeningRound.objects.get(screener="黄大山")
    assert round_.zero_report and round_.village == own and round_.created_by == town.users[Role.VILLAGE]
    assert "零上报" in cadre.get(round_.get_absolute_url()).content.decode()
    assert (
        get("screening.zero_reports").value(Scope(town.township, 2026))
        == ScreeningRound.objects.filter(township=town.township, date__year=2026, found=0).count()
    )
